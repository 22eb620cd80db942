package geo

import "math"

// Bessel1841 is the ellipsoid of DHDN, the datum of Gauss–Krüger.
var Bessel1841 = Ellipsoid{A: 6377397.155, F: 1 / 299.1528128}

// webMercator is EPSG:3857: spherical Mercator on the WGS84 semi-major
// axis, as web maps use it.
type webMercator struct{}

const webMercatorR = 6378137.0

func (webMercator) Forward(lon, lat float64) (x, y float64) {
	return webMercatorR * lon * deg, webMercatorR * math.Log(math.Tan(math.Pi/4+lat*deg/2))
}

func (webMercator) Inverse(x, y float64) (lon, lat float64) {
	return x / webMercatorR / deg, (2*math.Atan(math.Exp(y/webMercatorR)) - math.Pi/2) / deg
}

// LambertAzimuthalEqualArea is the ellipsoidal Lambert azimuthal
// equal-area projection in its oblique aspect (EPSG method 9820; Snyder
// 1987, pp. 187–190), computed as PROJ's laea does, including its series
// for the latitude from the authalic latitude, so that it agrees with
// PROJ to far below a millimetre. EPSG:3035 (LAEA Europe) uses it for the
// Zensus grid.
type LambertAzimuthalEqualArea struct {
	a, e, es             float64
	lon0, lat0, fe, fn   float64
	qp, rq, dd, xmf, ymf float64
	sinb1, cosb1         float64
	apa                  [3]float64
}

// NewLAEA prepares the projection with origin (lon0, lat0) in degrees.
func NewLAEA(el Ellipsoid, lon0, lat0, falseE, falseN float64) *LambertAzimuthalEqualArea {
	p := &LambertAzimuthalEqualArea{a: el.A, lon0: lon0, lat0: lat0, fe: falseE, fn: falseN}
	p.es = el.F * (2 - el.F)
	p.e = math.Sqrt(p.es)
	p.qp = p.qsfn(1)
	p.rq = math.Sqrt(0.5 * p.qp)
	phi0 := lat0 * deg
	p.sinb1 = p.qsfn(math.Sin(phi0)) / p.qp
	p.cosb1 = math.Sqrt(1 - p.sinb1*p.sinb1)
	p.dd = math.Cos(phi0) / (math.Sqrt(1-p.es*math.Sin(phi0)*math.Sin(phi0)) * p.rq * p.cosb1)
	p.xmf = p.rq * p.dd
	p.ymf = p.rq / p.dd
	es2, es3 := p.es*p.es, p.es*p.es*p.es
	p.apa = [3]float64{
		p.es/3 + es2*31/180 + es3*517/5040,
		es2*23/360 + es3*251/3780,
		es3 * 761 / 45360,
	}
	return p
}

// qsfn is q(φ) of Snyder eq. 3-12 from sin φ.
func (p *LambertAzimuthalEqualArea) qsfn(sinphi float64) float64 {
	con := p.e * sinphi
	return (1 - p.es) * (sinphi/(1-con*con) - 0.5/p.e*math.Log((1-con)/(1+con)))
}

func (p *LambertAzimuthalEqualArea) Forward(lon, lat float64) (x, y float64) {
	lam := (lon - p.lon0) * deg
	sinb := p.qsfn(math.Sin(lat*deg)) / p.qp
	cosb := math.Sqrt(math.Max(0, 1-sinb*sinb))
	b := math.Sqrt(2 / (1 + p.sinb1*sinb + p.cosb1*cosb*math.Cos(lam)))
	x = p.xmf * b * cosb * math.Sin(lam)
	y = p.ymf * b * (p.cosb1*sinb - p.sinb1*cosb*math.Cos(lam))
	return p.fe + p.a*x, p.fn + p.a*y
}

func (p *LambertAzimuthalEqualArea) Inverse(x, y float64) (lon, lat float64) {
	x = (x - p.fe) / p.a / p.dd
	y = (y - p.fn) / p.a * p.dd
	rho := math.Hypot(x, y)
	if rho < 1e-15 {
		return p.lon0, p.lat0 // the origin
	}
	sCe := 2 * math.Asin(0.5*rho/p.rq)
	cCe, sinCe := math.Cos(sCe), math.Sin(sCe)
	ab := cCe*p.sinb1 + y*sinCe*p.cosb1/rho
	lam := math.Atan2(x*sinCe, rho*p.cosb1*cCe-y*p.sinb1*sinCe)
	beta := math.Asin(ab)
	phi := beta + p.apa[0]*math.Sin(2*beta) + p.apa[1]*math.Sin(4*beta) + p.apa[2]*math.Sin(6*beta)
	return p.lon0 + lam/deg, phi / deg
}
