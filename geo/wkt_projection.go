package geo

import (
	"math"
	"planatlas/lang"
	"strings"
)

// wktMethods maps the names ESRI, GDAL (WKT1) and EPSG (WKT2) give
// projection methods, normalised by normName, to EPSG's methods. ESRI's
// and GDAL's single names for what EPSG splits into variants are
// resolved by wktVariant from the parameters present.
var wktMethods = map[string]Method{
	"transversemercator": MethodTransverseMercator, "gausskruger": MethodTransverseMercator, "gaussschreibertransversemercator": MethodTransverseMercator,
	"transversemercatorsouthorientated": MethodTransverseMercatorSO, "transversemercatorsouthoriented": MethodTransverseMercatorSO,
	"lambertconformalconic1sp": MethodLambertConic1SP, "lambertconicconformal1sp": MethodLambertConic1SP,
	"lambertconformalconic2sp": MethodLambertConic2SP, "lambertconicconformal2sp": MethodLambertConic2SP, "lambertconformalconic": MethodLambertConic2SP,
	"albersconicequalarea": MethodAlbersEqualArea, "albersequalarea": MethodAlbersEqualArea, "albers": MethodAlbersEqualArea,
	"lambertazimuthalequalarea": MethodLambertAzimuthal,
	"obliquestereographic":      MethodObliqueStereographic, "doublestereographic": MethodObliqueStereographic,
	"hotineobliquemercator": MethodHotineA, "hotineobliquemercatorvarianta": MethodHotineA, "hotineobliquemercatorazimuthnaturalorigin": MethodHotineA,
	"hotineobliquemercatorvariantb": MethodHotineB, "obliquemercator": MethodHotineB, "hotineobliquemercatorazimuthcenter": MethodHotineB,
	"swissobliquecylindrical": MethodHotineB, "swissobliquemercator": MethodHotineB,
	"mercator1sp": MethodMercatorA, "mercatorvarianta": MethodMercatorA,
	"mercator2sp": MethodMercatorB, "mercatorvariantb": MethodMercatorB, "mercator": MethodMercatorB,
	"popularvisualisationpseudomercator": MethodPopularVisualisation, "mercatorauxiliarysphere": MethodPopularVisualisation, "pseudomercator": MethodPopularVisualisation,
	"polarstereographicvarianta": MethodPolarStereographicA, "polarstereographicvariantb": MethodPolarStereographicB,
	"polarstereographic": MethodPolarStereographicB, "stereographicnorthpole": MethodPolarStereographicB, "stereographicsouthpole": MethodPolarStereographicB,
	"krovak": MethodKrovak, "krovaknorthorientated": MethodKrovakNorthOrientated, "krovakeastnorth": MethodKrovakNorthOrientated,
	"equidistantcylindrical": MethodEquidistantCylindrical, "equirectangular": MethodEquidistantCylindrical, "platecarree": MethodEquidistantCylindrical,
	"cassini": MethodCassiniSoldner, "cassinisoldner": MethodCassiniSoldner,
}

// wktParamNames are the names of each parameter in ESRI, GDAL and EPSG
// spelling, normalised.
var wktParamNames = struct{ lat0, lon0, lat1, lat2, k0, fe, fn, azimuth, gamma []string }{
	lat0:    []string{"latitudeoforigin", "latitudeofnaturalorigin", "latitudeoffalseorigin", "latitudeofprojectioncentre", "latitudeofprojectioncenter", "latitudeofcenter", "latitudeofcentre", "centralparallel"},
	lon0:    []string{"centralmeridian", "longitudeofnaturalorigin", "longitudeoffalseorigin", "longitudeofprojectioncentre", "longitudeofprojectioncenter", "longitudeofcenter", "longitudeofcentre", "longitudeoforigin"},
	lat1:    []string{"standardparallel1", "latitudeof1ststandardparallel", "latitudeofstandardparallel", "latitudeofpseudostandardparallel", "pseudostandardparallel1", "standardparallel"},
	lat2:    []string{"standardparallel2", "latitudeof2ndstandardparallel"},
	k0:      []string{"scalefactor", "scalefactoratnaturalorigin", "scalefactoroninitialline", "scalefactoronpseudostandardparallel", "scalefactoratorigin"},
	fe:      []string{"falseeasting", "eastingatfalseorigin", "eastingatprojectioncentre", "eastingatprojectioncenter"},
	fn:      []string{"falsenorthing", "northingatfalseorigin", "northingatprojectioncentre", "northingatprojectioncenter"},
	azimuth: []string{"azimuth", "azimuthofinitialline", "azimuthofcentreline", "colatitudeofconeaxis", "azimuthofthecenterline"},
	gamma:   []string{"rectifiedgridangle", "anglefromrectifiedtoskewgrid"},
}

func normName(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			return r
		case r >= 'A' && r <= 'Z':
			return r + 'a' - 'A'
		}
		return -1
	}, s)
}

// wktProjection reads a projected CRS's method, parameters and unit.
func wktProjection(root *wktNode, def *definition) error {
	name := ""
	if p := root.child("PROJECTION"); p != nil {
		name = p.str(0)
	} else if conv := root.child("CONVERSION", "DERIVINGCONVERSION"); conv != nil {
		name = projMethod(conv)
	}
	m, ok := wktMethods[normName(name)]
	if !ok {
		return lang.Errorf("the projection method %q is not one planatlas computes (it does: transverse Mercator, Lambert conformal conic, Albers, Lambert azimuthal equal-area, oblique stereographic, Hotine oblique Mercator, Mercator, polar stereographic, Krovak, equidistant cylindrical, Cassini–Soldner)", name)
	}
	def.Unit = wktLinearUnit(root)
	lonPM := def.Params.Lon0
	get := func(names []string, dflt float64) float64 {
		v := wktParam(root, names...)
		if math.IsNaN(v) {
			return dflt
		}
		return v
	}
	p := projParams{
		Lat0: get(wktParamNames.lat0, 0), Lon0: get(wktParamNames.lon0, 0) + lonPM,
		Lat1: get(wktParamNames.lat1, math.NaN()), Lat2: get(wktParamNames.lat2, math.NaN()),
		K0: get(wktParamNames.k0, 1), Azimuth: get(wktParamNames.azimuth, 0), Gamma: get(wktParamNames.gamma, math.NaN()),
		FE: wktLength(root, wktParamNames.fe), FN: wktLength(root, wktParamNames.fn),
	}
	m, p = wktVariant(m, normName(name), p, root)
	def.Method, def.Params = m, p
	return nil
}

// wktVariant resolves what ESRI's and GDAL's names leave open, and
// fills parameters a method does not take with their neutral values.
func wktVariant(m Method, name string, p projParams, root *wktNode) (Method, projParams) {
	switch m {
	case MethodLambertConic2SP:
		if math.IsNaN(p.Lat2) || name == "lambertconformalconic" && p.Lat1 == p.Lat2 && wktHasParam(root, wktParamNames.k0...) {
			m, p.Lat1 = MethodLambertConic1SP, p.Lat0 // ESRI's LCC with one parallel and a scale factor
		}
	case MethodMercatorB:
		if math.IsNaN(p.Lat1) {
			m = MethodMercatorA
		}
	case MethodPolarStereographicB:
		if math.IsNaN(p.Lat1) { // GDAL: latitude_of_origin is the standard parallel
			p.Lat1 = p.Lat0
		}
		if math.Abs(p.Lat1) == 90 {
			m, p.Lat0 = MethodPolarStereographicA, p.Lat1
		} else {
			p.Lat0 = math.Copysign(90, p.Lat1)
		}
	case MethodHotineB:
		if name == "swissobliquecylindrical" || name == "swissobliquemercator" {
			p.Azimuth, p.Gamma = 90, 90
		}
	case MethodKrovak, MethodKrovakNorthOrientated:
		if math.IsNaN(p.Lat1) {
			p.Lat1 = 78.5
		}
		if m == MethodKrovak && wktParam(root, "xscale") == -1 && wktParam(root, "xyplanerotation") == 90 {
			m = MethodKrovakNorthOrientated // ESRI's Krovak with east-north axes
		}
	}
	if math.IsNaN(p.Gamma) {
		p.Gamma = p.Azimuth
	}
	for _, v := range []*float64{&p.Lat1, &p.Lat2} {
		if math.IsNaN(*v) {
			*v = 0
		}
	}
	return m, p
}

// wktLinearUnit returns a projected CRS's unit in metres: WKT1's UNIT
// child of the PROJCS, WKT2's LENGTHUNIT of its axes.
func wktLinearUnit(root *wktNode) float64 { return wktUnit(root, "LENGTHUNIT") }

// wktParam returns a PARAMETER's value by any of its normalised names,
// converted to degrees or metres where WKT2 gives the parameter's unit;
// NaN if absent.
func wktParam(root *wktNode, names ...string) float64 {
	for _, a := range root.args {
		c, ok := a.(*wktNode)
		if !ok {
			continue
		}
		if c.name == "PARAMETER" {
			key := normName(c.str(0))
			for _, want := range names {
				if key != want {
					continue
				}
				v, ok := c.num(1)
				if !ok {
					continue
				}
				if u := c.child("ANGLEUNIT"); u != nil {
					f, _ := u.num(1)
					v *= f / deg
				} else if u := c.child("LENGTHUNIT"); u != nil {
					f, _ := u.num(1)
					v *= f
				}
				return v
			}
			continue
		}
		if v := wktParam(c, names...); !math.IsNaN(v) {
			return v
		}
	}
	return math.NaN()
}

// wktLength returns a length parameter in metres: WKT2 gives its unit,
// WKT1 takes the CRS's unit; 0 if absent.
func wktLength(root *wktNode, names []string) float64 {
	v := wktParam(root, names...)
	switch {
	case math.IsNaN(v):
		return 0
	case root.name == "PROJCS":
		return v * wktLinearUnit(root) // WKT1: in the CRS's unit
	}
	return v // WKT2: converted by the parameter's LENGTHUNIT
}

// projMethod returns a WKT2 conversion's method name.
func projMethod(conv *wktNode) string {
	if m := conv.child("METHOD"); m != nil {
		return m.str(0)
	}
	return ""
}

func wktHasParam(root *wktNode, names ...string) bool { return !math.IsNaN(wktParam(root, names...)) }
