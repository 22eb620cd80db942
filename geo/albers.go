package geo

import "math"

// albersEqualArea is the Albers equal-area conic projection, EPSG method
// 9822 (Guidance Note 7-2 §3.3.1; Snyder 1987, pp. 101–102):
//
//	n = (m₁² − m₂²)/(q₂ − q₁)   (n = sin φ₁ if φ₁ = φ₂)
//	C = m₁² + n q₁,  ρ = a √(C − n q)/n,  θ = n(λ − λ₀)
//	E = FE + ρ sin θ,  N = FN + ρ₀ − ρ cos θ
//
// with m of msfn, q of qsfn (GN 7-2's α) and ρ₀ the ρ of the latitude of
// the false origin.
type albersEqualArea struct {
	a, e, n, c   float64
	rho0         float64
	lon0, fe, fn float64
}

// newAlbers prepares the projection (degrees; the caller has checked that
// the parallels are not symmetric about the equator).
func newAlbers(el Ellipsoid, lat0, lat1, lat2, lon0, fe, fn float64) *albersEqualArea {
	p := &albersEqualArea{a: el.A, e: el.eccentricity(), lon0: lon0, fe: fe, fn: fn}
	phi1, phi2 := lat1*deg, lat2*deg
	m1, q1 := msfn(phi1, p.e), qsfn(phi1, p.e)
	if math.Abs(lat1-lat2) < 1e-10 {
		p.n = math.Sin(phi1)
	} else {
		m2, q2 := msfn(phi2, p.e), qsfn(phi2, p.e)
		p.n = (m1*m1 - m2*m2) / (q2 - q1)
	}
	p.c = m1*m1 + p.n*q1
	p.rho0 = p.rho(lat0 * deg)
	return p
}

func (p *albersEqualArea) rho(phi float64) float64 {
	return p.a * math.Sqrt(p.c-p.n*qsfn(phi, p.e)) / p.n
}

func (p *albersEqualArea) Forward(lon, lat float64) (x, y float64) {
	r := p.rho(lat * deg)
	theta := p.n * wrapPi((lon-p.lon0)*deg)
	return p.fe + r*math.Sin(theta), p.fn + p.rho0 - r*math.Cos(theta)
}

// Inverse: ρ′ and θ′ as for the Lambert conic, q′ = (C − ρ′²n²/a²)/n,
// and the latitude from q′ by Newton's method (Snyder eq. 3-16).
func (p *albersEqualArea) Inverse(x, y float64) (lon, lat float64) {
	dx, dy := x-p.fe, p.rho0-(y-p.fn)
	if p.n < 0 {
		dx, dy = -dx, -dy
	}
	r := math.Hypot(dx, dy)
	theta := math.Atan2(dx, dy)
	rn := r * p.n / p.a
	q := (p.c - rn*rn) / p.n
	return wrap180(p.lon0 + theta/p.n/deg), latFromQ(q, p.e) / deg
}
