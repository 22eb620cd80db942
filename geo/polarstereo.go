package geo

import "math"

// polarStereographic is the polar stereographic projection, EPSG methods
// 9810 (variant A: scale k₀ at the pole) and 9829 (variant B: true scale
// on the standard parallel φ_c), after Guidance Note 7-2 §3.4.2 and
// Snyder (1987) pp. 160–161:
//
//	A: ρ = 2ak₀t/√((1 + e)^(1+e) (1 − e)^(1−e))
//	B: ρ = a m_c t/t_c
//	E = FE + ρ sin(λ − λ₀),  N = FN ∓ ρ cos(λ − λ₀)
//
// with t of tsfn taken at φ for the north pole and at −φ for the south
// pole (upper sign north).
type polarStereographic struct {
	e, scale     float64 // ρ = scale·t
	south        bool
	lon0, fe, fn float64
}

// newPolarStereographic prepares variant A (k0 > 0, latTS ignored) or
// variant B (k0 == 0, latTS the standard parallel in degrees).
func newPolarStereographic(el Ellipsoid, south bool, latTS, k0, lon0, fe, fn float64) *polarStereographic {
	e := el.eccentricity()
	p := &polarStereographic{e: e, south: south, lon0: lon0, fe: fe, fn: fn}
	phic := math.Abs(latTS) * deg
	if k0 > 0 || math.Abs(latTS) == 90 {
		if k0 == 0 {
			k0 = 1
		}
		p.scale = 2 * el.A * k0 / math.Sqrt(math.Pow(1+e, 1+e)*math.Pow(1-e, 1-e))
	} else {
		p.scale = el.A * msfn(phic, e) / tsfn(phic, e)
	}
	return p
}

func (p *polarStereographic) Forward(lon, lat float64) (x, y float64) {
	lam := wrapPi((lon - p.lon0) * deg)
	if p.south {
		r := p.scale * tsfn(-lat*deg, p.e)
		return p.fe + r*math.Sin(lam), p.fn + r*math.Cos(lam)
	}
	r := p.scale * tsfn(lat*deg, p.e)
	return p.fe + r*math.Sin(lam), p.fn - r*math.Cos(lam)
}

func (p *polarStereographic) Inverse(x, y float64) (lon, lat float64) {
	dx, dy := x-p.fe, y-p.fn
	t := math.Hypot(dx, dy) / p.scale
	if p.south {
		if t == 0 {
			return p.lon0, -90
		}
		return wrap180(p.lon0 + math.Atan2(dx, dy)/deg), -latFromTs(t, p.e) / deg
	}
	if t == 0 {
		return p.lon0, 90
	}
	return wrap180(p.lon0 + math.Atan2(dx, -dy)/deg), latFromTs(t, p.e) / deg
}
