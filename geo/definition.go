package geo

import "strings"

// Method is a map projection method, numbered by its EPSG method code
// (EPSG Guidance Note 7-2, "Coordinate Conversions and Transformations
// including Formulas"). MethodNone marks a geographic CRS.
type Method int

// The projection methods planatlas computes.
const (
	MethodNone                   Method = 0
	MethodTransverseMercator     Method = 9807
	MethodTransverseMercatorSO   Method = 9808 // south-orientated (southern Africa)
	MethodLambertConic1SP        Method = 9801
	MethodLambertConic2SP        Method = 9802
	MethodAlbersEqualArea        Method = 9822
	MethodLambertAzimuthal       Method = 9820
	MethodObliqueStereographic   Method = 9809
	MethodHotineA                Method = 9812 // Hotine oblique Mercator, variant A
	MethodHotineB                Method = 9815 // variant B (Swiss LV95 uses it)
	MethodMercatorA              Method = 9804 // one standard parallel: scale at the equator
	MethodMercatorB              Method = 9805 // a standard parallel
	MethodPopularVisualisation   Method = 1024 // Web Mercator: spherical formulas on an ellipsoid's a
	MethodPolarStereographicA    Method = 9810
	MethodPolarStereographicB    Method = 9829
	MethodKrovak                 Method = 9819 // south-west axes, as EPSG defines it
	MethodKrovakNorthOrientated  Method = 1041 // east-north axes (EPSG:5514)
	MethodEquidistantCylindrical Method = 1028
	MethodCassiniSoldner         Method = 9806
)

// projParams are a projection's parameters, in degrees and metres, named
// as in EPSG's methods. Each method reads only those it has; PROJ's
// parameter of the same meaning is given in brackets.
type projParams struct {
	Lat0 float64 // latitude of natural origin, false origin or projection centre [lat_0]
	Lon0 float64 // longitude of natural origin, false origin or projection centre [lon_0, lonc]
	Lat1 float64 // first standard parallel [lat_1]; Mercator B, polar B: the standard parallel [lat_ts]; Krovak: the pseudo standard parallel
	Lat2 float64 // second standard parallel [lat_2]
	K0   float64 // scale factor at the natural origin, on the initial line (Hotine) or on the pseudo standard parallel (Krovak) [k_0]
	FE   float64 // false easting, or easting at the false origin or projection centre, in metres [x_0]
	FN   float64 // false northing, likewise [y_0]
	// Azimuth is Hotine's azimuth of the initial line at the projection
	// centre [alpha], and Krovak's co-latitude of the cone axis [alpha].
	Azimuth float64
	// Gamma is Hotine's angle from the rectified to the skew grid [gamma].
	Gamma float64
}

// Helmert is a seven-parameter similarity transformation from a datum to
// WGS84 in the position-vector convention (EPSG method 1033/9606), the
// convention of PROJ's +towgs84 and of WKT1's TOWGS84: translations in
// metres, rotations in arc-seconds, scale difference in parts per
// million.
type Helmert struct {
	TX, TY, TZ float64
	RX, RY, RZ float64
	DS         float64
}

// datum says how a CRS's geographic coordinates reach WGS84.
type datum struct {
	// Name is the datum as a PROJ string or WKT names it (for example
	// "NAD27", "OSGB_1936"), or "" if it was not named.
	Name string
	// Shift says which of the following applies.
	Shift datumShift
	// ToWGS84 is the Helmert transformation (Shift == shiftHelmert).
	ToWGS84 Helmert
	// Grid is the grid files a PROJ string names (Shift == shiftGrid),
	// shared by pointer so that the definition stays comparable.
	Grid *gridShift
	// Accuracy is the transformation's stated accuracy in metres, as the
	// EPSG dataset gives it; 0 if not known.
	Accuracy float64
}

// datumShift is the kind of transformation from a datum to WGS84.
type datumShift int

const (
	// shiftNone: the datum equals WGS84 to within a metre (ETRS89, NAD83,
	// GDA94, RGF93 and the other ITRF-based datums), as PROJ treats them
	// without time-dependent frames.
	shiftNone datumShift = iota
	// shiftHelmert: by ToWGS84.
	shiftHelmert
	// shiftBETA2007: DHDN by the AdV's grid (embedded).
	shiftBETA2007
	// shiftUnknown: no transformation is known; positions may be off by
	// up to about 100 m, which is said in the notes.
	shiftUnknown
	// shiftGrid: by NTv2 grid files the user gives (+nadgrids), from
	// the datum to one PROJ takes as WGS84 (ETRS89, RGF93, GDA94,
	// NZGD2000, NAD83).
	shiftGrid
)

// definition is everything needed to transform a CRS's coordinates to
// WGS84 and back. It is comparable, so equal definitions are ==.
type definition struct {
	Method    Method // MethodNone: geographic, coordinates in degrees
	Ellipsoid Ellipsoid
	Params    projParams
	// Unit is the length of the CRS's linear unit in metres (1 for
	// metres, 0.3048006096012192 for the US survey foot); 1 for a
	// geographic CRS, whose unit is the degree.
	Unit  float64
	Datum datum
}

// methodParams lists the parameters each method reads, so that
// definitions from PROJ strings and from WKT, which leave different
// unused parameters at different values, compare equal.
var methodParams = map[Method]string{
	MethodTransverseMercator:     "lat0 lon0 k0",
	MethodTransverseMercatorSO:   "lat0 lon0 k0",
	MethodLambertConic1SP:        "lat0 lon0 k0",
	MethodLambertConic2SP:        "lat0 lon0 lat1 lat2",
	MethodAlbersEqualArea:        "lat0 lon0 lat1 lat2",
	MethodLambertAzimuthal:       "lat0 lon0",
	MethodObliqueStereographic:   "lat0 lon0 k0",
	MethodHotineA:                "lat0 lon0 k0 azimuth gamma",
	MethodHotineB:                "lat0 lon0 k0 azimuth gamma",
	MethodMercatorA:              "lon0 k0",
	MethodMercatorB:              "lon0 lat1",
	MethodPopularVisualisation:   "lon0",
	MethodPolarStereographicA:    "lat0 lon0 k0",
	MethodPolarStereographicB:    "lat0 lon0 lat1",
	MethodKrovak:                 "lat0 lon0 lat1 k0 azimuth",
	MethodKrovakNorthOrientated:  "lat0 lon0 lat1 k0 azimuth",
	MethodEquidistantCylindrical: "lat0 lon0 lat1",
	MethodCassiniSoldner:         "lat0 lon0",
}

// canonical returns the definition with the parameters its method does
// not read set to neutral values (0, and 1 for the scale).
func (d definition) canonical() definition {
	if d.Method == MethodNone {
		d.Params = projParams{Lon0: d.Params.Lon0}
		return d
	}
	used := methodParams[d.Method]
	has := func(name string) bool { return strings.Contains(" "+used+" ", " "+name+" ") }
	p := d.Params
	q := projParams{Lon0: p.Lon0, FE: p.FE, FN: p.FN, K0: 1}
	if has("lat0") {
		q.Lat0 = p.Lat0
	}
	if has("lat1") {
		q.Lat1 = p.Lat1
	}
	if has("lat2") {
		q.Lat2 = p.Lat2
	}
	if has("k0") {
		q.K0 = p.K0
	}
	if has("azimuth") {
		q.Azimuth = p.Azimuth
	}
	if has("gamma") {
		q.Gamma = p.Gamma
	}
	d.Params = q
	return d
}
