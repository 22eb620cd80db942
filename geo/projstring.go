package geo

import (
	"math"
	"regexp"
	"strconv"
	"strings"

	"planatlas/lang"
)

// parseProjString reads a CRS from a PROJ string such as
// "+proj=utm +zone=33 +ellps=GRS80 +units=m +no_defs" (PROJ 9's
// projinfo -o PROJ writes them so). It maps PROJ's projections to EPSG's
// methods:
//
//	tmerc, etmerc, utm (+zone, +south)        Transverse Mercator; with +axis=wsu south-orientated
//	lcc                                       Lambert conic 1SP (one parallel, at the origin) or 2SP
//	aea, laea, sterea, eqc                    Albers, LAEA, oblique stereographic, equidistant cylindrical
//	cass                                      Cassini–Soldner (not +hyperbolic)
//	somerc                                    Hotine variant B with azimuth and grid angle 90°
//	omerc                                     Hotine variant A with +no_uoff, else B
//	merc                                      Mercator A (+k), B (+lat_ts)
//	webmerc                                   Popular Visualisation Pseudo Mercator
//	stere (+lat_0=±90), ups                   polar stereographic A (+k), B (+lat_ts)
//	krovak                                    Krovak north-orientated; with +axis=swu, Krovak
//	longlat, latlong, lonlat, latlon          geographic (MethodNone)
//
// +x_0 and +y_0 are metres whatever +units says (as in PROJ); the unit
// goes to definition.Unit. A prime meridian +pm is folded into Lon0: PROJ
// subtracts it from every longitude before projecting, so a central
// meridian lon_0 east of the prime meridian pm lies at lon_0 + pm east of
// Greenwich. For a geographic CRS Lon0 is the prime meridian itself.
// The datum: +towgs84 gives a Helmert shift (all zeros: none); +datum
// names the datum and gives its ellipsoid (NAD83 and WGS84 need no shift,
// the others are shiftUnknown until a shift is given); without either, a
// WGS84 or GRS80 ellipsoid needs no shift and another is shiftUnknown.
// PROJ's defaults apply where a parameter is missing (GRS80, k = 1,
// latitudes and longitudes 0). PROJ ignores parameters a projection does
// not use; so does this reader, but parameters PROJ does not know are
// errors, as are +proj values that planatlas cannot compute.
func parseProjString(s string) (definition, error) {
	params, err := projTokens(s)
	if err != nil {
		return definition{}, err
	}
	r := projReader{s: s, p: params}
	var d definition
	if d.Ellipsoid, d.Datum, err = r.ellipsoidAndDatum(); err != nil {
		return definition{}, err
	}
	if d.Unit, err = r.unit(); err != nil {
		return definition{}, err
	}
	pm, err := r.primeMeridian()
	if err != nil {
		return definition{}, err
	}
	if d.Method, d.Params, err = r.method(); err != nil {
		return definition{}, err
	}
	d = pseudoMercator(d, r)
	if d.Method == MethodNone {
		d.Unit = 1
		d.Params = projParams{Lon0: pm}
	} else {
		d.Params.Lon0 += pm
	}
	return d, nil
}

// projKnown are the parameters the reader understands or may ignore, as
// PROJ itself does: +no_defs, +type=crs, +wktext, and vertical grids.
var projKnown = map[string]bool{
	"proj": true, "zone": true, "south": true, "ellps": true, "datum": true,
	"a": true, "b": true, "rf": true, "f": true, "R": true, "towgs84": true,
	"nadgrids": true, "units": true, "to_meter": true, "x_0": true, "y_0": true,
	"k": true, "k_0": true, "lat_0": true, "lon_0": true, "lat_1": true,
	"lat_2": true, "lon_1": true, "lon_2": true, "lat_ts": true, "lonc": true, "alpha": true, "gamma": true,
	"no_uoff": true, "no_off": true, "hyperbolic": true, "pm": true, "axis": true, "type": true,
	"no_defs": true, "wktext": true, "vunits": true, "geoidgrids": true,
	"approx": true, "algo": true, // tmerc's choice of series: equal within a millimetre inside a zone
}

// projTokens splits a PROJ string into its parameters; a parameter given
// twice keeps its first value, as in PROJ.
func projTokens(s string) (map[string]string, error) {
	p := map[string]string{}
	for _, tok := range strings.Fields(s) {
		tok = strings.TrimPrefix(tok, "+")
		key, val, _ := strings.Cut(tok, "=")
		if !projKnown[key] {
			return nil, lang.Errorf("PROJ string %q: unknown parameter +%s", s, key)
		}
		if _, dup := p[key]; !dup {
			p[key] = val
		}
	}
	if p["proj"] == "" {
		return nil, lang.Errorf("PROJ string %q: +proj is missing", s)
	}
	return p, nil
}

type projReader struct {
	s string
	p map[string]string
}

func (r projReader) has(key string) bool { _, ok := r.p[key]; return ok }

// num is a number parameter, or def if it is absent.
func (r projReader) num(key string, def float64) (float64, error) {
	v, ok := r.p[key]
	if !ok {
		return def, nil
	}
	x, err := strconv.ParseFloat(v, 64)
	if err != nil || math.IsNaN(x) || math.IsInf(x, 0) {
		return 0, lang.Errorf("PROJ string %q: +%s=%s is not a number", r.s, key, v)
	}
	return x, nil
}

var dmsPattern = regexp.MustCompile(`^([+-]?)(\d+(?:\.\d*)?)(?:[dD°](?:(\d+(?:\.\d*)?)(?:'(?:(\d+(?:\.\d*)?)"?)?)?)?)?([NSEWnsew]?)$`)

// angle is an angle parameter in degrees, written as a decimal number or
// in PROJ's DMS form (49d30'15.5"N); def if it is absent.
func (r projReader) angle(key string, def float64) (float64, error) {
	v, ok := r.p[key]
	if !ok {
		return def, nil
	}
	a, ok := parseDMS(v)
	if !ok {
		return 0, lang.Errorf("PROJ string %q: +%s=%s is not an angle", r.s, key, v)
	}
	return a, nil
}

func parseDMS(v string) (float64, bool) {
	if x, err := strconv.ParseFloat(v, 64); err == nil {
		return x, !math.IsNaN(x) && !math.IsInf(x, 0)
	}
	m := dmsPattern.FindStringSubmatch(v)
	if m == nil {
		return 0, false
	}
	var x float64
	for i, scale := range []float64{1, 60, 3600} {
		if m[2+i] != "" {
			f, _ := strconv.ParseFloat(m[2+i], 64)
			x += f / scale
		}
	}
	if m[1] == "-" || strings.ContainsAny(m[5], "SWsw") {
		x = -x
	}
	return x, true
}

// numbers is a comma-separated list of numbers.
func (r projReader) numbers(key string) ([]float64, error) {
	var out []float64
	for _, f := range strings.Split(r.p[key], ",") {
		x, err := strconv.ParseFloat(strings.TrimSpace(f), 64)
		if err != nil {
			return nil, lang.Errorf("PROJ string %q: +%s=%s is not a list of numbers", r.s, key, r.p[key])
		}
		out = append(out, x)
	}
	return out, nil
}

// ellipsoidAndDatum reads +datum, +ellps, +a, +b, +rf, +f, +R and
// +towgs84. As in PROJ, +ellps wins over the datum's ellipsoid, +a, +b,
// +rf and +f override parts of it, and +R makes a sphere.
func (r projReader) ellipsoidAndDatum() (Ellipsoid, datum, error) {
	var dt datum
	ellps, likeWGS84 := "GRS80", true
	if name, ok := r.p["datum"]; ok {
		pd, known := projDatums[name]
		if !known {
			return Ellipsoid{}, dt, lang.Errorf("PROJ string %q: unknown datum +datum=%s", r.s, name)
		}
		dt.Name, ellps, likeWGS84 = name, pd.ellps, pd.likeWGS84
	}
	if name, ok := r.p["ellps"]; ok {
		if _, known := projEllipsoids[name]; !known {
			return Ellipsoid{}, dt, lang.Errorf("PROJ string %q: unknown ellipsoid +ellps=%s", r.s, name)
		}
		ellps = name
		if dt.Name == "" {
			likeWGS84 = name == "GRS80" || name == "WGS84"
		}
	}
	el, err := r.ellipsoidOverrides(projEllipsoids[ellps].ellipsoid())
	if err != nil {
		return Ellipsoid{}, dt, err
	}
	if dt.Name == "" && (r.has("a") || r.has("R")) {
		likeWGS84 = el == projEllipsoids["GRS80"].ellipsoid() || el == projEllipsoids["WGS84"].ellipsoid()
	}
	dt.Shift = shiftNone
	if !likeWGS84 {
		dt.Shift = shiftUnknown
	}
	if g, ok := r.p["nadgrids"]; ok {
		// A grid file is a shift planatlas does not have; PROJ's null
		// grid is no shift at all.
		dt.Shift = shiftUnknown
		if g == "@null" {
			dt.Shift = shiftNone
		}
	}
	if r.has("towgs84") {
		v, err := r.numbers("towgs84")
		if err != nil {
			return Ellipsoid{}, dt, err
		}
		if len(v) != 3 && len(v) != 7 {
			return Ellipsoid{}, dt, lang.Errorf("PROJ string %q: +towgs84 needs 3 or 7 numbers, not %d", r.s, len(v))
		}
		v = append(v, make([]float64, 7-len(v))...)
		dt.ToWGS84 = Helmert{TX: v[0], TY: v[1], TZ: v[2], RX: v[3], RY: v[4], RZ: v[5], DS: v[6]}
		dt.Shift = shiftHelmert
		if dt.ToWGS84 == (Helmert{}) {
			dt.Shift = shiftNone
		}
	}
	return el, dt, nil
}

func (r projReader) ellipsoidOverrides(el Ellipsoid) (Ellipsoid, error) {
	if r.has("R") {
		rad, err := r.num("R", 0)
		if err != nil {
			return el, err
		}
		el = Ellipsoid{A: rad}
	} else {
		a, err := r.num("a", el.A)
		if err != nil {
			return el, err
		}
		b, err1 := r.num("b", 0)
		rf, err2 := r.num("rf", 0)
		f, err3 := r.num("f", el.F)
		for _, e := range []error{err1, err2, err3} {
			if e != nil {
				return el, e
			}
		}
		switch {
		case r.has("rf"):
			f = 0
			if rf != 0 {
				f = 1 / rf
			}
		case r.has("b"):
			f = 1 - b/a
		case r.has("a") && !r.has("f") && !r.has("ellps") && !r.has("datum"):
			f = 0 // +a alone is a sphere in PROJ
		}
		el = Ellipsoid{A: a, F: f}
	}
	if !(el.A > 0) || !(el.F >= 0 && el.F < 1) {
		return el, lang.Errorf("PROJ string %q: semi-major axis %g m and flattening %g are not an ellipsoid", r.s, el.A, el.F)
	}
	return el, nil
}

// unit reads +to_meter (a number or a fraction such as 1200/3937) or
// +units.
func (r projReader) unit() (float64, error) {
	if v, ok := r.p["to_meter"]; ok {
		num, den, frac := strings.Cut(v, "/")
		x, err := strconv.ParseFloat(num, 64)
		y := 1.0
		if err == nil && frac {
			y, err = strconv.ParseFloat(den, 64)
		}
		if err != nil || !(x > 0) || !(y > 0) || math.IsInf(x/y, 0) {
			return 0, lang.Errorf("PROJ string %q: +to_meter=%s is not a positive number", r.s, v)
		}
		return x / y, nil
	}
	if v, ok := r.p["units"]; ok {
		u, known := projUnits[v]
		if !known {
			return 0, lang.Errorf("PROJ string %q: unknown unit +units=%s", r.s, v)
		}
		return u, nil
	}
	return 1, nil
}

// primeMeridian reads +pm, a name or a longitude east of Greenwich.
func (r projReader) primeMeridian() (float64, error) {
	v, ok := r.p["pm"]
	if !ok {
		return 0, nil
	}
	if pm, known := projPrimeMeridians[v]; known {
		return pm, nil
	}
	if pm, ok := parseDMS(v); ok && math.Abs(pm) <= 180 {
		return pm, nil
	}
	return 0, lang.Errorf("PROJ string %q: unknown prime meridian +pm=%s", r.s, v)
}

// pseudoMercator recognises how PROJ writes EPSG:3857: Mercator on a
// sphere of WGS84's semi-major axis with the null grid, true scale on
// the equator. Its definition is then the one of EPSG's method 1024 on
// the WGS84 ellipsoid, the same numbers, as a WKT reader gives it.
func pseudoMercator(d definition, r projReader) definition {
	sphere := d.Ellipsoid == Ellipsoid{A: 6378137}
	atEquator := d.Method == MethodMercatorB && d.Params.Lat1 == 0 || d.Method == MethodMercatorA && d.Params.K0 == 1
	if sphere && atEquator && r.p["nadgrids"] == "@null" {
		d.Method = MethodPopularVisualisation
		d.Ellipsoid = projEllipsoids["WGS84"].ellipsoid()
		d.Params.Lat1, d.Params.K0 = 0, 0
	}
	return d
}
