package geo

import "math"

// laeaPolar is the Lambert azimuthal equal-area projection in its polar
// aspect (EPSG method 9820 with the origin at a pole; Snyder 1987,
// pp. 187–188, eqs. 24-18 to 24-21): ρ = a√(q_p ∓ q), E = FE + ρ sin Δλ,
// N = FN ∓ ρ cos Δλ, the upper signs for the north pole. q is the
// authalic function qsfn, q_p its value at the pole. The oblique formulas
// of LambertAzimuthalEqualArea divide by cos φ₀ and cannot be used here.
type laeaPolar struct {
	a, e, qp     float64
	south        bool
	lon0, fe, fn float64
}

func newLAEAPolar(el Ellipsoid, south bool, lon0, fe, fn float64) *laeaPolar {
	e := el.eccentricity()
	return &laeaPolar{a: el.A, e: e, qp: qsfn(math.Pi/2, e), south: south, lon0: lon0, fe: fe, fn: fn}
}

func (p *laeaPolar) Forward(lon, lat float64) (x, y float64) {
	q := qsfn(lat*deg, p.e)
	lam := wrapPi((lon - p.lon0) * deg)
	if p.south {
		r := p.a * math.Sqrt(math.Max(0, p.qp+q))
		return p.fe + r*math.Sin(lam), p.fn + r*math.Cos(lam)
	}
	r := p.a * math.Sqrt(math.Max(0, p.qp-q))
	return p.fe + r*math.Sin(lam), p.fn - r*math.Cos(lam)
}

func (p *laeaPolar) Inverse(x, y float64) (lon, lat float64) {
	dx, dy := x-p.fe, y-p.fn
	r := math.Hypot(dx, dy) / p.a
	if p.south {
		return wrap180(p.lon0 + math.Atan2(dx, dy)/deg), latFromQ(r*r-p.qp, p.e) / deg
	}
	return wrap180(p.lon0 + math.Atan2(dx, -dy)/deg), latFromQ(p.qp-r*r, p.e) / deg
}
