package geo

import "math"

// laeaOblique is LambertAzimuthalEqualArea with an exact inverse: the
// latitude is solved from the authalic latitude β by Newton's method on
// q = q_p sin β (Snyder eq. 3-16) instead of the three-term series
// (Snyder eq. 3-18) that LambertAzimuthalEqualArea and PROJ's laea use,
// whose truncation leaves up to 1e-8° (1 mm). The forward is unchanged.
type laeaOblique struct{ *LambertAzimuthalEqualArea }

func (p laeaOblique) Inverse(x, y float64) (lon, lat float64) {
	l := p.LambertAzimuthalEqualArea
	x = (x - l.fe) / l.a / l.dd
	y = (y - l.fn) / l.a * l.dd
	rho := math.Hypot(x, y)
	if rho < 1e-15 {
		return l.lon0, l.lat0
	}
	sinC, cosC := math.Sincos(2 * math.Asin(math.Min(1, 0.5*rho/l.rq)))
	sinb := cosC*l.sinb1 + y*sinC*l.cosb1/rho
	lam := math.Atan2(x*sinC, rho*l.cosb1*cosC-y*l.sinb1*sinC)
	return wrap180(l.lon0 + lam/deg), latFromQ(l.qp*sinb, l.e) / deg
}
