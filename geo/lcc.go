package geo

import "math"

// lambertConic is the Lambert conic conformal projection on an ellipsoid,
// EPSG methods 9801 (one standard parallel, with a scale factor) and 9802
// (two standard parallels), after Guidance Note 7-2 §3.2.1 and Snyder
// (1987) pp. 107–109:
//
//	n = (ln m₁ − ln m₂)/(ln t₁ − ln t₂)   (n = sin φ₁ if φ₁ = φ₂)
//	F = m₁/(n t₁ⁿ),  r = a F k₀ tⁿ,  θ = n(λ − λ₀)
//	E = FE + r sin θ,  N = FN + r₀ − r cos θ
//
// with m and t of msfn and tsfn and r₀ the r of the latitude of origin.
type lambertConic struct {
	e, n, afk    float64 // eccentricity, cone constant, a·F·k₀
	rho0         float64
	lon0, fe, fn float64
}

// newLambertConic prepares the projection; lat1 and lat2 are the standard
// parallels (equal for the one-parallel case), lat0 the latitude of the
// origin, all in degrees. The callers have checked the latitudes.
func newLambertConic(el Ellipsoid, lat0, lat1, lat2, lon0, k0, fe, fn float64) *lambertConic {
	p := &lambertConic{e: el.eccentricity(), lon0: lon0, fe: fe, fn: fn}
	phi1, phi2 := lat1*deg, lat2*deg
	m1, t1 := msfn(phi1, p.e), tsfn(phi1, p.e)
	if math.Abs(lat1-lat2) < 1e-10 {
		p.n = math.Sin(phi1)
	} else {
		m2, t2 := msfn(phi2, p.e), tsfn(phi2, p.e)
		p.n = (math.Log(m1) - math.Log(m2)) / (math.Log(t1) - math.Log(t2))
	}
	p.afk = el.A * m1 / (p.n * math.Pow(t1, p.n)) * k0
	p.rho0 = p.rho(lat0 * deg)
	return p
}

func (p *lambertConic) rho(phi float64) float64 {
	return p.afk * math.Pow(tsfn(phi, p.e), p.n)
}

func (p *lambertConic) Forward(lon, lat float64) (x, y float64) {
	r := p.rho(lat * deg)
	theta := p.n * wrapPi((lon-p.lon0)*deg)
	return p.fe + r*math.Sin(theta), p.fn + p.rho0 - r*math.Cos(theta)
}

// Inverse follows GN 7-2: r′ = ±√(dx² + dy²) with the sign of n,
// θ′ = atan2(dx, dy) (both negated for n < 0), t′ = (r′/(aFk₀))^(1/n).
func (p *lambertConic) Inverse(x, y float64) (lon, lat float64) {
	dx, dy := x-p.fe, p.rho0-(y-p.fn)
	if p.n < 0 {
		dx, dy = -dx, -dy
	}
	r := math.Hypot(dx, dy)
	if r == 0 {
		return p.lon0, math.Copysign(90, p.n)
	}
	theta := math.Atan2(dx, dy)
	t := math.Pow(r/math.Abs(p.afk), 1/p.n)
	return wrap180(p.lon0 + theta/p.n/deg), latFromTs(t, p.e) / deg
}
