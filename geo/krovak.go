package geo

import "math"

// krovak is the Krovak oblique conic conformal projection of the Czech
// Republic and Slovakia, EPSG methods 9819 (axes southing, westing) and
// 1041 (north orientated: easting = −westing, northing = −southing), after
// Guidance Note 7-2 §3.2.4. The ellipsoid is mapped to Gauss's sphere
// (latitude U, longitude V), the sphere rotated about the cone's axis
// (co-latitude α_c) to oblique coordinates (T, D), and these projected
// by a Lambert conic with one pseudo standard parallel φ_p:
//
//	A = a√(1 − e²)/(1 − e² sin²φ_c),  B = √(1 + e² cos⁴φ_c/(1 − e²))
//	γ₀ = asin(sin φ_c/B),  t₀ = tan(π/4 + γ₀/2)·((1 + e sin φ_c)/(1 − e sin φ_c))^(eB/2)/tan(π/4 + φ_c/2)^B
//	n = sin φ_p,  r₀ = k_p A/tan φ_p
//	U = 2(atan(t₀ tan(φ/2 + π/4)^B/((1 + e sin φ)/(1 − e sin φ))^(eB/2)) − π/4),  V = B(λ_O − λ)
//	T = asin(cos α_c sin U + sin α_c cos U cos V),  D = asin(cos U sin V/cos T)
//	θ = nD,  r = r₀ tan(π/4 + φ_p/2)ⁿ/tan(T/2 + π/4)ⁿ
//	southing X = r cos θ + FN,  westing Y = r sin θ + FE
type krovak struct {
	e, b, t0        float64
	sinAc, cosAc    float64
	n, r0, tanP     float64 // tanP = tan(π/4 + φ_p/2)ⁿ
	lon0, fe, fn    float64
	northOrientated bool
}

func newKrovak(el Ellipsoid, north bool, latc, lon0, alphac, latp, kp, fe, fn float64) *krovak {
	e := el.eccentricity()
	e2 := e * e
	phic := latc * deg
	sinc, cosc := math.Sincos(phic)
	p := &krovak{e: e, lon0: lon0, fe: fe, fn: fn, northOrientated: north}
	a := el.A * math.Sqrt(1-e2) / (1 - e2*sinc*sinc)
	p.b = math.Sqrt(1 + e2*cosc*cosc*cosc*cosc/(1-e2))
	g0 := math.Asin(sinc / p.b)
	p.t0 = math.Tan(math.Pi/4+g0/2) * math.Pow((1+e*sinc)/(1-e*sinc), e*p.b/2) / math.Pow(math.Tan(math.Pi/4+phic/2), p.b)
	p.sinAc, p.cosAc = math.Sincos(alphac * deg)
	phip := latp * deg
	p.n = math.Sin(phip)
	p.r0 = kp * a / math.Tan(phip)
	p.tanP = math.Pow(math.Tan(math.Pi/4+phip/2), p.n)
	return p
}

// sw returns the southing X and westing Y of a point.
func (p *krovak) sw(lon, lat float64) (sx, wy float64) {
	phi := lat * deg
	es := p.e * math.Sin(phi)
	u := 2 * (math.Atan(p.t0*math.Pow(math.Tan(phi/2+math.Pi/4), p.b)/math.Pow((1+es)/(1-es), p.e*p.b/2)) - math.Pi/4)
	v := p.b * wrapPi((p.lon0-lon)*deg)
	sinU, cosU := math.Sincos(u)
	t := math.Asin(p.cosAc*sinU + p.sinAc*cosU*math.Cos(v))
	d := math.Asin(cosU * math.Sin(v) / math.Cos(t))
	theta := p.n * d
	r := p.r0 * p.tanP / math.Pow(math.Tan(t/2+math.Pi/4), p.n)
	return r*math.Cos(theta) + p.fn, r*math.Sin(theta) + p.fe
}

// Forward returns (southing, westing) for method 9819, the order of
// PROJ's +axis=swu, and (easting, northing) for method 1041.
func (p *krovak) Forward(lon, lat float64) (x, y float64) {
	sx, wy := p.sw(lon, lat)
	if p.northOrientated {
		return -wy, -sx
	}
	return sx, wy
}

func (p *krovak) Inverse(x, y float64) (lon, lat float64) {
	sx, wy := x, y
	if p.northOrientated {
		sx, wy = -y, -x
	}
	xp, yp := sx-p.fn, wy-p.fe
	r := math.Hypot(xp, yp)
	theta := math.Atan2(yp, xp)
	d := theta / p.n
	t := 2 * (math.Atan(math.Pow(p.r0/r, 1/p.n)*math.Tan(math.Pi/4+math.Asin(p.n)/2)) - math.Pi/4)
	sinT, cosT := math.Sincos(t)
	u := math.Asin(p.cosAc*sinT - p.sinAc*cosT*math.Cos(d))
	v := math.Asin(cosT * math.Sin(d) / math.Cos(u))
	lon = wrap180(p.lon0 - v/p.b/deg)
	// φ by fixed-point iteration (GN 7-2): it converges in a few steps.
	k := math.Pow(math.Tan(u/2+math.Pi/4), 1/p.b) / math.Pow(p.t0, 1/p.b)
	phi := u
	for i := 0; i < 30; i++ {
		es := p.e * math.Sin(phi)
		next := 2 * (math.Atan(k*math.Pow((1+es)/(1-es), p.e/2)) - math.Pi/4)
		if math.Abs(next-phi) < 1e-15 {
			phi = next
			break
		}
		phi = next
	}
	return lon, phi / deg
}
