package geo

import "math"

// hotineObliqueMercator is the Hotine oblique Mercator, EPSG methods 9812
// (variant A: false origin at the natural origin, where the initial line
// meets the aposphere's equator) and 9815 (variant B: false origin at the
// projection centre), after Guidance Note 7-2 §3.5.4. With
// φ_c, λ_c the projection centre, α_c the initial line's azimuth there
// and γ_c the rectified grid's angle:
//
//	B = √(1 + e² cos⁴φ_c/(1 − e²)),  A = aBk_c√(1 − e²)/(1 − e² sin²φ_c)
//	D = B√(1 − e²)/(cos φ_c √(1 − e² sin²φ_c)),  F = D + √(D² − 1)·sign φ_c
//	H = F t_c^B,  G = (F − 1/F)/2,  γ₀ = asin(sin α_c/D)
//	λ₀ = λ_c − asin(G tan γ₀)/B
//
// and for a point, with Q = H/t^B, S = (Q − 1/Q)/2, T = (Q + 1/Q)/2,
// V = sin(B(λ − λ₀)), U = (−V cos γ₀ + S sin γ₀)/T:
//
//	v = A ln((1 − U)/(1 + U))/(2B),  u = (A/B) atan2(S cos γ₀ + V sin γ₀, cos B(λ − λ₀))
//
// (variant B subtracts u_c = (A/B) atan(√(D² − 1)/cos α_c)·sign φ_c from u),
// then E = v cos γ_c + u sin γ_c + FE, N = u cos γ_c − v sin γ_c + FN.
// With α_c = γ_c = 90° variant B is the Swiss oblique Mercator (PROJ's
// somerc).
type hotineObliqueMercator struct {
	e, a, b, h   float64 // a is GN 7-2's A
	sinG0, cosG0 float64 // γ₀
	sinGc, cosGc float64 // γ_c
	uc           float64 // subtracted from u (0 in variant A)
	lon0, fe, fn float64 // λ₀ (of the natural origin), false origin
}

// newHotine prepares the projection. lat0, lonc: the centre; alpha,
// gamma: azimuth and rectified grid angle, all in degrees. It returns
// nil if the azimuth does not reach the aposphere's equator.
func newHotine(el Ellipsoid, variantB bool, lat0, lonc, alpha, gamma, k0, fe, fn float64) *hotineObliqueMercator {
	e := el.eccentricity()
	e2 := e * e
	phic := lat0 * deg
	sinc, cosc := math.Sincos(phic)
	p := &hotineObliqueMercator{e: e, fe: fe, fn: fn}
	p.b = math.Sqrt(1 + e2*cosc*cosc*cosc*cosc/(1-e2))
	p.a = el.A * p.b * k0 * math.Sqrt(1-e2) / (1 - e2*sinc*sinc)
	d := p.b * math.Sqrt(1-e2) / (cosc * math.Sqrt(1-e2*sinc*sinc))
	d2 := math.Max(d*d, 1)
	f := d + math.Copysign(math.Sqrt(d2-1), phic)
	p.h = f * math.Pow(tsfn(phic, e), p.b)
	g := (f - 1/f) / 2
	sinAlpha, cosAlpha := math.Sincos(alpha * deg)
	if math.Abs(sinAlpha/d) > 1 {
		return nil
	}
	g0 := math.Asin(sinAlpha / d)
	p.sinG0, p.cosG0 = math.Sincos(g0)
	p.sinGc, p.cosGc = math.Sincos(gamma * deg)
	p.lon0 = lonc - math.Asin(math.Max(-1, math.Min(1, g*math.Tan(g0))))/p.b/deg
	if variantB {
		p.uc = math.Copysign(math.Abs(p.a/p.b*math.Atan(math.Sqrt(d2-1)/cosAlpha)), phic)
	}
	return p
}

func (p *hotineObliqueMercator) Forward(lon, lat float64) (x, y float64) {
	bl := p.b * wrapPi((lon-p.lon0)*deg)
	q := p.h / math.Pow(tsfn(lat*deg, p.e), p.b)
	s := (q - 1/q) / 2
	t := (q + 1/q) / 2
	vv := math.Sin(bl)
	uu := (-vv*p.cosG0 + s*p.sinG0) / t
	v := p.a * math.Log((1-uu)/(1+uu)) / (2 * p.b)
	u := p.a/p.b*math.Atan2(s*p.cosG0+vv*p.sinG0, math.Cos(bl)) - p.uc
	return v*p.cosGc + u*p.sinGc + p.fe, u*p.cosGc - v*p.sinGc + p.fn
}

func (p *hotineObliqueMercator) Inverse(x, y float64) (lon, lat float64) {
	dx, dy := x-p.fe, y-p.fn
	v := dx*p.cosGc - dy*p.sinGc
	u := dy*p.cosGc + dx*p.sinGc + p.uc
	q := math.Exp(-p.b * v / p.a)
	s := (q - 1/q) / 2
	t := (q + 1/q) / 2
	bu := p.b * u / p.a
	vv := math.Sin(bu)
	uu := (vv*p.cosG0 + s*p.sinG0) / t
	lam := -math.Atan2(s*p.cosG0-vv*p.sinG0, math.Cos(bu)) / p.b
	if math.Abs(math.Abs(uu)-1) < 1e-15 {
		return wrap180(p.lon0 + lam/deg), math.Copysign(90, uu)
	}
	tt := math.Pow(p.h/math.Sqrt((1+uu)/(1-uu)), 1/p.b)
	return wrap180(p.lon0 + lam/deg), latFromTs(tt, p.e) / deg
}
