package geo

import (
	"fmt"
	"math"
	"planatlas/lang"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// CRS is a coordinate reference system: geographic (longitude and
// latitude in degrees) or projected (easting and northing in a linear
// unit), on a datum that reaches WGS84 by a known transformation or by
// none. The zero value is Unknown. CRS values are comparable: two CRSs
// from the same EPSG code or the same definition are ==.
//
// A CRS comes from an EPSG code (EPSG, ParseCRS), from well-known text
// (CRSFromWKT: a shapefile's .prj, a GeoPackage's srs definition) or from
// a PROJ string (ParseCRS). Coordinates are always taken east first:
// longitude before latitude, easting before northing, whatever axis order
// the EPSG definition gives, as shapefiles, GeoJSON and GIS tools store
// them.
type CRS struct {
	// Code is the EPSG code; 0 if the CRS is known only by its definition.
	Code int
	// Name is the CRS's name as EPSG or the file gives it.
	Name string
	def  definition
	// geog is the EPSG code of the geographic CRS the datum shift
	// candidates are listed under (epsgShifts); 0 if none.
	geog int
	// shift is the EPSG code of the datum transformation in use; 0 if
	// none is (no shift needed, a grid, TOWGS84 from the file, or none
	// known).
	shift int
}

// projection maps longitude and latitude (degrees, on the CRS's own
// datum) to the CRS's easting and northing in metres and back.
type projection interface {
	Forward(lon, lat float64) (x, y float64)
	Inverse(x, y float64) (lon, lat float64)
}

// Unknown is the zero CRS: a file that does not say.
var Unknown = CRS{}

// The CRSs planatlas names in its own code: WGS84 for GeoJSON, LAEA
// Europe for the Zensus grid, UTM 33 for the demo city.
var (
	WGS84      = mustEPSG(4326)
	ETRS89     = mustEPSG(4258)
	LAEAEurope = mustEPSG(3035)
	UTM32      = mustEPSG(25832)
	UTM33      = mustEPSG(25833)
)

func mustEPSG(code int) CRS {
	c, err := EPSG(code)
	if err != nil {
		panic(fmt.Sprintf("geo: EPSG:%d: %v", code, err)) // the table is generated and tested
	}
	return c
}

// epsgCRS is one row of the generated EPSG table (epsg_table.go).
type epsgCRS struct {
	code int
	name string
	proj string     // PROJ's definition (projinfo -o PROJ)
	geog int        // the base geographic CRS
	area [4]float64 // area of use: west, south, east, north (degrees)
}

// epsgShift is one of EPSG's Helmert transformations to WGS84.
type epsgShift struct {
	geog     int // source geographic CRS
	code     int // the transformation's EPSG code
	name     string
	helmert  Helmert
	accuracy float64    // metres, as EPSG states it
	area     [4]float64 // area of use: west, south, east, north (degrees)
}

func lookupEPSG(code int) (epsgCRS, bool) {
	i := sort.Search(len(epsgCRSs), func(i int) bool { return epsgCRSs[i].code >= code })
	if i < len(epsgCRSs) && epsgCRSs[i].code == code {
		return epsgCRSs[i], true
	}
	return epsgCRS{}, false
}

// EPSG returns the CRS with an EPSG code, or an error if planatlas does
// not know it (its table holds the codes listed in
// geo/testdata/crs/make_epsg.py, every UTM zone among them).
func EPSG(code int) (CRS, error) {
	e, ok := lookupEPSG(code)
	if !ok {
		return Unknown, lang.Errorf("EPSG:%d is not among the coordinate reference systems planatlas knows; give its definition instead (the .prj's well-known text, or a PROJ string such as \"+proj=utm +zone=18 +datum=NAD83\")", code)
	}
	def, err := parseProjString(e.proj)
	if err != nil {
		return Unknown, lang.Errorf("EPSG:%d: %v", code, err)
	}
	c := CRS{Code: code, Name: e.name, def: def, geog: e.geog}
	c.def.Datum.Name = geogName(e.geog)
	c.chooseShift()
	return c, nil
}

// geogName is the name of a geographic CRS in the EPSG table, or "".
func geogName(code int) string {
	if e, ok := lookupEPSG(code); ok {
		return e.name
	}
	return ""
}

// String returns "EPSG:code" or, for a CRS known only by its definition,
// its name.
func (c CRS) String() string {
	switch {
	case c == Unknown:
		return "unknown CRS"
	case c.Code != 0:
		return fmt.Sprintf("EPSG:%d", c.Code)
	case c.Name != "":
		return fmt.Sprintf("%q", c.Name)
	}
	return "a CRS without a name"
}

// Describe returns the CRS with its name: "EPSG:25833 (ETRS89 / UTM zone
// 33N)".
func (c CRS) Describe() string {
	if c.Code != 0 && c.Name != "" {
		return fmt.Sprintf("EPSG:%d (%s)", c.Code, c.Name)
	}
	return c.String()
}

// Geographic reports whether coordinates are degrees.
func (c CRS) Geographic() bool { return c != Unknown && c.def.Method == MethodNone }

// Planar reports whether areas and lengths can be measured in c: a
// projection that is conformal (transverse Mercator, Lambert conic,
// stereographic, oblique Mercator, Krovak) or equal-area (Albers, LAEA),
// or Cassini–Soldner (whose scale along the meridian grows by 1e-5 at 30
// km from its central meridian: Berlin's Soldner system), whose scale
// stays within a fraction of a percent over a city. Not
// geographic coordinates, and not the Mercators or the equidistant
// cylindrical projection, whose scale grows with latitude (1/cos φ: Web
// Mercator inflates areas 2.7 times in Berlin).
func (c CRS) Planar() bool {
	switch c.def.Method {
	case MethodNone, MethodMercatorA, MethodMercatorB, MethodPopularVisualisation, MethodEquidistantCylindrical:
		return false
	}
	return c != Unknown
}

// Supported reports whether planatlas can transform c to WGS84.
func (c CRS) Supported() bool {
	if c == Unknown {
		return false
	}
	if c.Geographic() {
		return true
	}
	_, err := newProjection(c.def.Method, c.def.Ellipsoid, c.def.Params)
	return err == nil
}

// ToWGS84 transforms a point of c to longitude and latitude on WGS84. It
// prepares the projection on every call: to transform many points, use
// c.Transformer().
func (c CRS) ToWGS84(x, y float64) (lon, lat float64) {
	return c.Transformer().ToWGS84(x, y)
}

// FromWGS84 transforms longitude and latitude on WGS84 to c.
func (c CRS) FromWGS84(lon, lat float64) (x, y float64) {
	return c.Transformer().FromWGS84(lon, lat)
}

var axisVariant = regexp.MustCompile(`\((?:E-N|N-E)\)$`)

var epsgPattern = regexp.MustCompile(`(?i)EPSG:+(?:[0-9.]*:)?(\d{4,5})$`)

// ParseCRS reads a CRS from the forms in which GeoJSON files and plans
// name it: "EPSG:25833", "urn:ogc:def:crs:EPSG::25833",
// "http://www.opengis.net/def/crs/EPSG/0/25833",
// "urn:ogc:def:crs:OGC:1.3:CRS84", a bare code "25833", a PROJ string
// ("+proj=utm +zone=18 +datum=NAD27") or well-known text. A PROJ string
// that names grid files (+nadgrids) is an error here: such a CRS is read
// by ParseCRSWith, which can open the files.
func ParseCRS(s string) (CRS, error) { return parseCRS(s, nil) }

// parseCRS is ParseCRS with the grid files read through grids (nil: none
// can be).
func parseCRS(s string, grids *GridFiles) (CRS, error) {
	t := strings.TrimSpace(s)
	switch {
	case strings.HasSuffix(strings.ToUpper(t), "CRS84"):
		return WGS84, nil
	case strings.HasPrefix(t, "+"):
		def, err := parseProjString(t)
		if err != nil {
			return Unknown, lang.Errorf("the PROJ string %q cannot be used: %v", s, err)
		}
		if def, err = withGrids(def, t, grids); err != nil {
			return Unknown, lang.Errorf("the PROJ string %q cannot be used: %v", s, err)
		}
		return crsFromDefinition(t, def), nil
	case strings.ContainsAny(t, "[("):
		return CRSFromWKT(t)
	}
	var code int
	if m := epsgPattern.FindStringSubmatch(t); m != nil {
		code, _ = strconv.Atoi(m[1])
	} else if k := strings.LastIndex(t, "/EPSG/"); k >= 0 {
		parts := strings.Split(t[k+len("/EPSG/"):], "/")
		code, _ = strconv.Atoi(parts[len(parts)-1])
	} else if n, err := strconv.Atoi(t); err == nil {
		code = n
	}
	if code == 0 {
		return Unknown, lang.Errorf("%q is not a coordinate reference system: write EPSG:25833, a PROJ string (+proj=…) or well-known text", s)
	}
	return EPSG(code)
}

// crsFromDefinition returns the CRS of a definition read from a PROJ
// string or WKT: the EPSG CRS it equals where there is one (so that a
// .prj without an authority code still reads as EPSG:25833), else a CRS
// known by its name and definition. A CRS shifted by the user's grid
// files is known by its definition, so that messages tell it from the
// EPSG CRS of the same projection.
func crsFromDefinition(name string, def definition) CRS {
	if def.Datum.Shift != shiftGrid {
		if c, ok := matchEPSG(def); ok {
			return c
		}
	}
	c := CRS{Name: name, def: def}
	c.geog = geogForDatum(def)
	c.chooseShift()
	return c
}

// matchEPSG finds the EPSG CRS whose definition equals def in
// projection, ellipsoid (to 1 mm), parameters (to 1e-9 degrees and 1
// mm) and unit, on the same datum. A datum that planatlas recognises by
// its name is matched by it; any other only where the ellipsoid is
// WGS84's or GRS80's, whose datums are taken as WGS84 anyway (ETRS89 and
// WGS 84 preferred, then the lowest code): guessing, say, CH1903 for an
// unknown datum on Bessel's ellipsoid would shift its positions by
// hundreds of metres.
func matchEPSG(def definition) (CRS, bool) {
	g := geogForDatum(def)
	if g == 0 && !isWGS84Like(def.Ellipsoid) {
		return Unknown, false
	}
	best, rank := 0, 3
	for _, e := range epsgCRSs {
		if axisVariant.MatchString(e.name) {
			continue // "(E-N)", "(N-E)": the same as the original in east-first coordinates
		}
		d, err := parseProjString(e.proj)
		if err != nil || !sameDefinition(d, def) {
			continue
		}
		r := 2
		switch {
		case g != 0 && e.geog == g:
			r = 0
		case g != 0:
			continue
		case e.geog == 4258 || e.geog == 4326:
			r = 1
		}
		if r < rank {
			best, rank = e.code, r
		}
	}
	if best == 0 {
		return Unknown, false
	}
	c, err := EPSG(best)
	if err != nil {
		return Unknown, false
	}
	if def.Datum.Shift == shiftHelmert && c.def.Datum.ToWGS84 != def.Datum.ToWGS84 {
		// The file names its own transformation: keep it.
		c.def.Datum, c.shift = def.Datum, 0
	}
	return c, true
}

func sameDefinition(a, b definition) bool {
	a, b = a.canonical(), b.canonical()
	near := func(x, y, tol float64) bool { return math.Abs(x-y) <= tol }
	pa, pb := a.Params, b.Params
	return a.Method == b.Method &&
		near(a.Ellipsoid.A, b.Ellipsoid.A, 1e-3) && near(a.Ellipsoid.F, b.Ellipsoid.F, 1e-12) &&
		near(pa.Lat0, pb.Lat0, 1e-9) && near(pa.Lon0, pb.Lon0, 1e-9) && near(pa.Lat1, pb.Lat1, 1e-9) &&
		near(pa.Lat2, pb.Lat2, 1e-9) && near(pa.K0, pb.K0, 1e-12) && near(pa.FE, pb.FE, 1e-3) &&
		near(pa.FN, pb.FN, 1e-3) && near(pa.Azimuth, pb.Azimuth, 1e-9) && near(pa.Gamma, pb.Gamma, 1e-9) &&
		near(a.Unit, b.Unit, 1e-12)
}
