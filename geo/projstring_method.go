package geo

import (
	"math"

	"planatlas/lang"
)

// projGetter collects the first error of a series of parameter reads,
// so that the mapping of each +proj reads as a list of its parameters.
type projGetter struct {
	r   projReader
	err error
}

func (g *projGetter) angle(key string, def float64) float64 {
	v, err := g.r.angle(key, def)
	if g.err == nil {
		g.err = err
	}
	return v
}

func (g *projGetter) num(key string, def float64) float64 {
	v, err := g.r.num(key, def)
	if g.err == nil {
		g.err = err
	}
	return v
}

// scale is +k, or else +k_0, or 1.
func (g *projGetter) scale() float64 {
	if g.r.has("k") {
		return g.num("k", 1)
	}
	return g.num("k_0", 1)
}

// method maps +proj and its parameters to an EPSG method (see
// parseProjString). Longitudes are relative to the prime meridian here.
func (r projReader) method() (Method, projParams, error) {
	g := &projGetter{r: r}
	proj, axis := r.p["proj"], r.p["axis"]
	p := projParams{
		Lat0: g.angle("lat_0", 0), Lon0: g.angle("lon_0", 0),
		FE: g.num("x_0", 0), FN: g.num("y_0", 0), K0: g.scale(),
	}
	var m Method
	switch proj {
	case "longlat", "latlong", "lonlat", "latlon":
		return MethodNone, projParams{}, g.err
	case "tmerc", "etmerc", "utm":
		m = MethodTransverseMercator
		if proj == "utm" {
			p = r.utm(g)
		}
		if axis == "wsu" {
			m, p.FE, p.FN = MethodTransverseMercatorSO, -p.FE, -p.FN
			axis = ""
		}
	case "lcc":
		m, p.Lat1 = MethodLambertConic2SP, g.angle("lat_1", 0)
		p.Lat2 = g.angle("lat_2", p.Lat1)
		switch {
		case p.Lat2 == p.Lat1 && p.Lat0 == p.Lat1:
			m, p.Lat1, p.Lat2 = MethodLambertConic1SP, 0, 0
		case p.K0 == 1:
			p.K0 = 0 // EPSG's 2SP has no scale factor; PROJ's +k_0 scales it
		}
	case "aea":
		m, p.Lat1, p.Lat2, p.K0 = MethodAlbersEqualArea, g.angle("lat_1", 0), g.angle("lat_2", 0), 0
	case "laea":
		m, p.K0 = MethodLambertAzimuthal, 0
	case "sterea":
		m = MethodObliqueStereographic
	case "somerc":
		m, p.Azimuth, p.Gamma = MethodHotineB, 90, 90
	case "omerc":
		m, p = r.omerc(g, p)
	case "merc", "webmerc":
		m, p = r.mercator(g, p)
	case "stere", "ups":
		m, p = r.polarStereographic(g, p)
	case "krovak":
		m, p = r.krovak(g, axis)
		if axis == "swu" {
			axis = ""
		}
	case "eqc":
		m, p.Lat1, p.K0 = MethodEquidistantCylindrical, g.angle("lat_ts", 0), 0
	case "cass":
		if !r.has("hyperbolic") { // the hyperbolic variant (EPSG 9833) is another method
			m, p.K0 = MethodCassiniSoldner, 0
		}
	default:
		return 0, projParams{}, lang.Errorf("PROJ string %q: the projection +proj=%s is not supported", r.s, proj)
	}
	if g.err != nil {
		return 0, projParams{}, g.err
	}
	if m == 0 {
		return 0, projParams{}, lang.Errorf("PROJ string %q: this form of +proj=%s is not supported", r.s, proj)
	}
	if axis != "" && axis != "enu" {
		return 0, projParams{}, lang.Errorf("PROJ string %q: +axis=%s is not supported with +proj=%s", r.s, axis, proj)
	}
	return m, p, nil
}

// utm: +zone (1 to 60) and +south; the central meridian is 6·zone − 183.
func (r projReader) utm(g *projGetter) projParams {
	zone := g.num("zone", 0)
	if g.err == nil && (zone != math.Trunc(zone) || zone < 1 || zone > 60) {
		g.err = lang.Errorf("PROJ string %q: +zone=%s is not a UTM zone (1 to 60)", r.s, r.p["zone"])
	}
	p := projParams{Lon0: 6*zone - 183, K0: 0.9996, FE: 500000}
	if r.has("south") {
		p.FN = 10000000
	}
	return p
}

// omerc: variant A with +no_uoff (or +no_off), else B. The centre's
// longitude is +lonc (PROJ adds +lon_0, usually absent, to it); +gamma
// defaults to +alpha. The two-point form is not supported.
func (r projReader) omerc(g *projGetter, p projParams) (Method, projParams) {
	if !r.has("alpha") {
		return 0, p
	}
	p.Lon0 += g.angle("lonc", 0)
	p.Azimuth = g.angle("alpha", 0)
	p.Gamma = g.angle("gamma", p.Azimuth)
	if r.has("no_uoff") || r.has("no_off") {
		return MethodHotineA, p
	}
	return MethodHotineB, p
}

// mercator: +proj=webmerc is Popular Visualisation; merc with +lat_ts
// is variant B, else variant A with +k. PROJ's merc ignores +lat_0.
func (r projReader) mercator(g *projGetter, p projParams) (Method, projParams) {
	p.Lat0 = 0
	switch {
	case r.p["proj"] == "webmerc":
		p.K0 = 0
		return MethodPopularVisualisation, p
	case r.has("lat_ts"):
		p.Lat1, p.K0 = g.angle("lat_ts", 0), 0
		return MethodMercatorB, p
	}
	return MethodMercatorA, p
}

// polarStereographic: +proj=stere with +lat_0=±90, variant B with
// +lat_ts, else A with +k; +proj=ups is UPS (variant A, k = 0.994, false
// origin 2,000 km east and north, +south for the south pole). Oblique and
// equatorial stere are not supported.
func (r projReader) polarStereographic(g *projGetter, p projParams) (Method, projParams) {
	if r.p["proj"] == "ups" {
		lat0 := 90.0
		if r.has("south") {
			lat0 = -90
		}
		return MethodPolarStereographicA, projParams{Lat0: lat0, K0: 0.994, FE: 2e6, FN: 2e6}
	}
	if math.Abs(p.Lat0) != 90 {
		return 0, p
	}
	if r.has("lat_ts") {
		p.Lat1, p.K0 = g.angle("lat_ts", 0), 0
		return MethodPolarStereographicB, p
	}
	return MethodPolarStereographicA, p
}

// krovak: PROJ's defaults are those of S-JTSK (centre 49°30′N, 42°30′E
// of Ferro, cone axis co-latitude 30°17′17.303″, pseudo standard parallel
// 78°30′, k = 0.9999). PROJ adds +x_0 and +y_0 to the east-north
// coordinates it computes, while EPSG adds FE and FN to westing and
// southing: FE = −x_0, FN = −y_0 (both 0 in practice).
func (r projReader) krovak(g *projGetter, axis string) (Method, projParams) {
	p := projParams{
		Lat0: g.angle("lat_0", 49.5), Lon0: g.angle("lon_0", 24+50.0/60),
		Azimuth: g.angle("alpha", 30.28813972222222), Lat1: g.angle("lat_ts", 78.5),
		K0: g.num("k", g.num("k_0", 0.9999)), FE: -g.num("x_0", 0), FN: -g.num("y_0", 0),
	}
	if axis == "swu" {
		return MethodKrovak, p
	}
	return MethodKrovakNorthOrientated, p
}
