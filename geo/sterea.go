package geo

import "math"

// obliqueStereographic is EPSG method 9809 (Guidance Note 7-2 §3.4.1),
// the double projection PROJ calls sterea and the Netherlands' RD uses:
// the ellipsoid is mapped conformally onto Gauss's sphere of radius
// R = a√(1 − e²)/(1 − e² sin²φ₀), with latitude χ given by
// ψ_χ = n ψ(φ) + ln K (ψ the isometric latitude, n = √(1 + e² cos⁴φ₀/(1 − e²)),
// K such that χ₀ = asin(sin φ₀/n)) and longitude Λ = n(λ − λ₀); the
// sphere is then projected stereographically from (χ₀, 0):
//
//	B = 1 + sin χ sin χ₀ + cos χ cos χ₀ cos Λ
//	E = FE + 2Rk₀ cos χ sin Λ / B
//	N = FN + 2Rk₀ (sin χ cos χ₀ − cos χ sin χ₀ cos Λ)/B
//
// This is the same sphere as GN 7-2's constants c and w₁ give.
type obliqueStereographic struct {
	e, n, lnK          float64
	sinChi0, cosChi0   float64
	r2k                float64 // 2Rk₀
	lon0, lat0, fe, fn float64
}

func newObliqueStereographic(el Ellipsoid, lat0, lon0, k0, fe, fn float64) *obliqueStereographic {
	e := el.eccentricity()
	phi0 := lat0 * deg
	s0 := math.Sin(phi0)
	c0 := math.Cos(phi0)
	e2 := e * e
	p := &obliqueStereographic{e: e, lon0: lon0, lat0: lat0, fe: fe, fn: fn}
	p.n = math.Sqrt(1 + e2*c0*c0*c0*c0/(1-e2))
	chi0 := math.Asin(s0 / p.n)
	p.sinChi0, p.cosChi0 = math.Sincos(chi0)
	p.lnK = math.Asinh(math.Tan(chi0)) - p.n*isometricLat(phi0, e)
	p.r2k = 2 * el.A * math.Sqrt(1-e2) / (1 - e2*s0*s0) * k0
	return p
}

func (p *obliqueStereographic) Forward(lon, lat float64) (x, y float64) {
	chi := math.Atan(math.Sinh(p.n*isometricLat(lat*deg, p.e) + p.lnK))
	sinChi, cosChi := math.Sincos(chi)
	sinL, cosL := math.Sincos(p.n * wrapPi((lon-p.lon0)*deg))
	b := 1 + sinChi*p.sinChi0 + cosChi*p.cosChi0*cosL
	x = p.fe + p.r2k*cosChi*sinL/b
	y = p.fn + p.r2k*(sinChi*p.cosChi0-cosChi*p.sinChi0*cosL)/b
	return x, y
}

// Inverse: the spherical stereographic inverse (Snyder eqs. 20-14, 20-15
// with c = 2 atan(ρ/2Rk₀)), then back from Gauss's sphere.
func (p *obliqueStereographic) Inverse(x, y float64) (lon, lat float64) {
	dx, dy := x-p.fe, y-p.fn
	rho := math.Hypot(dx, dy)
	if rho == 0 {
		return p.lon0, p.lat0
	}
	sinC, cosC := math.Sincos(2 * math.Atan(rho/p.r2k))
	sinChi := cosC*p.sinChi0 + dy*sinC*p.cosChi0/rho
	lam := math.Atan2(dx*sinC, rho*p.cosChi0*cosC-dy*p.sinChi0*sinC)
	chi := math.Asin(math.Max(-1, math.Min(1, sinChi)))
	psi := (math.Asinh(math.Tan(chi)) - p.lnK) / p.n
	return wrap180(p.lon0 + lam/p.n/deg), latFromIsometric(psi, p.e) / deg
}
