package geo

import "math"

// equidistantCylindrical is the equidistant cylindrical (plate carrée)
// projection as PROJ's eqc computes it, on a sphere of the ellipsoid's
// semi-major axis a (Snyder 1987, p. 91, eqs. 12-1, 12-2):
//
//	E = FE + a (λ − λ₀) cos φ₁,  N = FN + a (φ − φ₀)
//
// PROJ maps EPSG method 1028 (Equidistant Cylindrical, whose Guidance
// Note 7-2 §3.6.1 formulas are ellipsoidal: N follows the meridian arc)
// to this spherical form; planatlas follows PROJ so that EPSG:4087 gives
// the same coordinates as GDAL and QGIS.
type equidistantCylindrical struct {
	a, cosTS           float64
	lon0, lat0, fe, fn float64
}

func newEquidistantCylindrical(el Ellipsoid, lat0, latTS, lon0, fe, fn float64) *equidistantCylindrical {
	return &equidistantCylindrical{a: el.A, cosTS: math.Cos(latTS * deg), lon0: lon0, lat0: lat0, fe: fe, fn: fn}
}

func (p *equidistantCylindrical) Forward(lon, lat float64) (x, y float64) {
	return p.fe + p.a*wrapPi((lon-p.lon0)*deg)*p.cosTS, p.fn + p.a*(lat-p.lat0)*deg
}

func (p *equidistantCylindrical) Inverse(x, y float64) (lon, lat float64) {
	return wrap180(p.lon0 + (x-p.fe)/(p.a*p.cosTS)/deg), p.lat0 + (y-p.fn)/p.a/deg
}
