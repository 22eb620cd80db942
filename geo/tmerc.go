package geo

import "math"

// Ellipsoid is a reference ellipsoid given by its semi-major axis a (m)
// and flattening f.
type Ellipsoid struct {
	A, F float64
}

// GRS80 is the ellipsoid of ETRS89. WGS84's differs from it in the
// eleventh digit of f, below a tenth of a millimetre on the ground.
var GRS80 = Ellipsoid{A: 6378137, F: 1 / 298.257222101}

// TransverseMercator is a transverse Mercator projection computed with
// Krüger's series in the third flattening n to order n⁶, as given by
// Karney (2011), "Transverse Mercator with an accuracy of a few
// nanometers", J. Geodesy 85:475–485, eqs. (35)–(36). Within a UTM zone
// its error is a few nanometres, so it reproduces PROJ's tmerc (which
// uses the same series) exactly for practical purposes.
type TransverseMercator struct {
	Lon0        float64 // central meridian, degrees
	K0          float64 // scale on the central meridian
	FalseE      float64 // false easting, m
	FalseN      float64 // false northing, m
	e, scale    float64 // eccentricity; K0·A (rectifying radius times scale)
	y0          float64 // northing of the latitude of origin before FalseN, m
	alpha, beta [6]float64
}

// NewTransverseMercator prepares the series coefficients for ellipsoid el.
func NewTransverseMercator(el Ellipsoid, lon0, k0, falseE, falseN float64) *TransverseMercator {
	f := el.F
	n := f / (2 - f)
	n2, n3 := n*n, n*n*n
	n4, n5, n6 := n2*n2, n2*n3, n3*n3
	t := &TransverseMercator{Lon0: lon0, K0: k0, FalseE: falseE, FalseN: falseN}
	t.e = math.Sqrt(f * (2 - f))
	A := el.A / (1 + n) * (1 + n2/4 + n4/64 + n6/256)
	t.scale = k0 * A
	t.alpha = [6]float64{
		n/2 - 2*n2/3 + 5*n3/16 + 41*n4/180 - 127*n5/288 + 7891*n6/37800,
		13*n2/48 - 3*n3/5 + 557*n4/1440 + 281*n5/630 - 1983433*n6/1935360,
		61*n3/240 - 103*n4/140 + 15061*n5/26880 + 167603*n6/181440,
		49561*n4/161280 - 179*n5/168 + 6601661*n6/7257600,
		34729*n5/80640 - 3418889*n6/1995840,
		212378941 * n6 / 319334400,
	}
	t.beta = [6]float64{
		n/2 - 2*n2/3 + 37*n3/96 - n4/360 - 81*n5/512 + 96199*n6/604800,
		n2/48 + n3/15 - 437*n4/1440 + 46*n5/105 - 1118711*n6/3870720,
		17*n3/480 - 37*n4/840 - 209*n5/4480 + 5569*n6/90720,
		4397*n4/161280 - 11*n5/504 - 830251*n6/7257600,
		4583*n5/161280 - 108847*n6/3991680,
		20648693 * n6 / 638668800,
	}
	return t
}

// NewTransverseMercatorOrigin is NewTransverseMercator with a latitude of
// natural origin lat0 (degrees) other than the equator, as the British
// National Grid's 49°N (EPSG Guidance Note 7-2 §3.5.3: the northing is
// FN + k0·(M − M0), M0 the meridian distance of lat0). M0 is the
// projection's own northing of (lon0, lat0), which on the central
// meridian is exactly k0 times the meridian arc.
func NewTransverseMercatorOrigin(el Ellipsoid, lon0, lat0, k0, falseE, falseN float64) *TransverseMercator {
	t := NewTransverseMercator(el, lon0, k0, falseE, falseN)
	if lat0 != 0 {
		_, y := t.Forward(lon0, lat0)
		t.y0 = y - falseN
	}
	return t
}

// UTM returns the UTM projection of a northern zone on GRS80.
func UTM(zone int) *TransverseMercator {
	return NewTransverseMercator(GRS80, float64(6*zone-183), 0.9996, 500000, 0)
}

const deg = math.Pi / 180

// Forward projects longitude and latitude (degrees) to easting and
// northing (metres).
func (t *TransverseMercator) Forward(lon, lat float64) (x, y float64) {
	phi := lat * deg
	lam := (lon - t.Lon0) * deg
	// conformal latitude via τ' (Karney eq. 7-9)
	tau := math.Tan(phi)
	sigma := math.Sinh(t.e * math.Atanh(t.e*tau/math.Hypot(1, tau)))
	taup := tau*math.Hypot(1, sigma) - sigma*math.Hypot(1, tau)
	xip := math.Atan2(taup, math.Cos(lam))
	etap := math.Asinh(math.Sin(lam) / math.Hypot(taup, math.Cos(lam)))
	xi, eta := xip, etap
	for j := 1; j <= 6; j++ {
		a := t.alpha[j-1]
		xi += a * math.Sin(2*float64(j)*xip) * math.Cosh(2*float64(j)*etap)
		eta += a * math.Cos(2*float64(j)*xip) * math.Sinh(2*float64(j)*etap)
	}
	return t.FalseE + t.scale*eta, t.FalseN + t.scale*xi - t.y0
}

// Inverse converts easting and northing (metres) to longitude and
// latitude (degrees).
func (t *TransverseMercator) Inverse(x, y float64) (lon, lat float64) {
	xi := (y - t.FalseN + t.y0) / t.scale
	eta := (x - t.FalseE) / t.scale
	xip, etap := xi, eta
	for j := 1; j <= 6; j++ {
		b := t.beta[j-1]
		xip -= b * math.Sin(2*float64(j)*xi) * math.Cosh(2*float64(j)*eta)
		etap -= b * math.Cos(2*float64(j)*xi) * math.Sinh(2*float64(j)*eta)
	}
	s := math.Sinh(etap)
	r := math.Hypot(s, math.Cos(xip))
	lam := math.Atan2(s, math.Cos(xip))
	taup := math.Sin(xip) / r
	// Newton's method for τ from τ' (Karney eq. 19-21).
	e2 := t.e * t.e
	tau := taup
	for i := 0; i < 5; i++ {
		sig := math.Sinh(t.e * math.Atanh(t.e*tau/math.Hypot(1, tau)))
		tp := tau*math.Hypot(1, sig) - sig*math.Hypot(1, tau)
		d := (taup - tp) * (1 + (1-e2)*tau*tau) / ((1 - e2) * math.Hypot(1, tau) * math.Hypot(1, tp))
		tau += d
		if math.Abs(d) < 1e-14 {
			break
		}
	}
	return t.Lon0 + lam/deg, math.Atan(tau) / deg
}
