package geo

import "math"

// Functions of latitude on an ellipsoid of eccentricity e shared by the
// conic, azimuthal and cylindrical projections. Their names follow the
// quantities of EPSG Guidance Note 7-2 (m, t, q) and Snyder (1987).

// msfn is m = cos φ / √(1 − e² sin²φ) (GN 7-2 §3.1.1; Snyder eq. 14-15):
// the radius of the parallel φ in units of a.
func msfn(phi, e float64) float64 {
	s := e * math.Sin(phi)
	return math.Cos(phi) / math.Sqrt(1-s*s)
}

// tsfn is t = tan(π/4 − φ/2) / ((1 − e sin φ)/(1 + e sin φ))^(e/2)
// (GN 7-2 §3.1.1; Snyder eq. 15-9), the exponential of minus the
// isometric latitude. It is written as exp(−ψ) with ψ computed from
// tan φ so that it stays accurate near the poles.
func tsfn(phi, e float64) float64 {
	return math.Exp(-isometricLat(phi, e))
}

// isometricLat is ψ = asinh(tan φ) − e·atanh(e sin φ), the isometric
// latitude (Snyder eq. 3-7; Karney 2011 eq. 7 in another form).
func isometricLat(phi, e float64) float64 {
	return math.Asinh(math.Tan(phi)) - e*math.Atanh(e*math.Sin(phi))
}

// latFromIsometric inverts isometricLat by Newton's method on
// τ = tan φ as Karney (2011, eqs. 19–21) does: it converges to full
// precision in two or three steps at every latitude.
func latFromIsometric(psi, e float64) float64 {
	taup := math.Sinh(psi) // τ′, the tangent of the conformal latitude
	e2 := e * e
	tau := taup / (1 - e2) // a good first guess
	for i := 0; i < 8; i++ {
		sig := math.Sinh(e * math.Atanh(e*tau/math.Hypot(1, tau)))
		tp := tau*math.Hypot(1, sig) - sig*math.Hypot(1, tau)
		d := (taup - tp) * (1 + (1-e2)*tau*tau) / ((1 - e2) * math.Hypot(1, tau) * math.Hypot(1, tp))
		tau += d
		if math.Abs(d) < 1e-15*math.Max(1, math.Abs(tau)) {
			break
		}
	}
	return math.Atan(tau)
}

// latFromTs inverts tsfn.
func latFromTs(t, e float64) float64 { return latFromIsometric(-math.Log(t), e) }

// qsfn is q = (1 − e²)[sin φ/(1 − e² sin²φ) − 1/(2e)·ln((1 − e sin φ)/(1 + e sin φ))]
// (Snyder eq. 3-12; GN 7-2 §3.1.1 calls it α), the authalic function; on
// a sphere (e = 0) it is 2 sin φ.
func qsfn(phi, e float64) float64 {
	s := math.Sin(phi)
	if e < 1e-12 {
		return 2 * s
	}
	es := e * s
	return (1 - e*e) * (s/(1-es*es) + math.Atanh(es)/e)
}

// latFromQ inverts qsfn by Newton's method (Snyder eq. 3-16), starting
// from the authalic latitude; it returns ±90° for |q| at or beyond the
// pole's value.
func latFromQ(q, e float64) float64 {
	qp := qsfn(math.Pi/2, e)
	if math.Abs(q) >= qp {
		return math.Copysign(math.Pi/2, q)
	}
	phi := math.Asin(q / qp)
	if e < 1e-12 {
		return math.Asin(q / 2)
	}
	e2 := e * e
	for i := 0; i < 20; i++ {
		s := math.Sin(phi)
		c := math.Cos(phi)
		w := 1 - e2*s*s
		d := w * w / (2 * c) * (q/(1-e2) - s/w - math.Atanh(e*s)/e)
		phi += d
		if math.Abs(d) < 1e-15 {
			break
		}
	}
	return phi
}

// wrapPi reduces an angle in radians to [−π, π], as a longitude
// difference from a central meridian must be.
func wrapPi(x float64) float64 {
	if x >= -math.Pi && x <= math.Pi {
		return x
	}
	return x - 2*math.Pi*math.Round(x/(2*math.Pi))
}

// wrap180 reduces a longitude in degrees to [−180, 180].
func wrap180(lon float64) float64 {
	if lon >= -180 && lon <= 180 {
		return lon
	}
	return lon - 360*math.Round(lon/360)
}

// eccentricity is e = √(f(2 − f)).
func (el Ellipsoid) eccentricity() float64 { return math.Sqrt(el.F * (2 - el.F)) }
