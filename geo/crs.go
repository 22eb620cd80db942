package geo

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
)

// CRS is a coordinate reference system known to planatlas, by its EPSG
// code.
type CRS int

// The coordinate reference systems planatlas reads and writes.
const (
	WGS84   CRS = 4326  // longitude, latitude in degrees (GeoJSON, RFC 7946)
	UTM32   CRS = 25832 // ETRS89 / UTM zone 32N (western Germany)
	UTM33   CRS = 25833 // ETRS89 / UTM zone 33N (eastern Germany)
	Unknown CRS = 0
)

// String returns "EPSG:code".
func (c CRS) String() string {
	if c == Unknown {
		return "unknown CRS"
	}
	return fmt.Sprintf("EPSG:%d", int(c))
}

// Geographic reports whether coordinates are degrees.
func (c CRS) Geographic() bool { return c == WGS84 }

// projection returns the transverse Mercator of a projected CRS, or nil.
func (c CRS) projection() *TransverseMercator {
	if c >= 25828 && c <= 25838 { // ETRS89 / UTM zones 28N-38N
		return UTM(int(c) - 25800)
	}
	return nil
}

// Supported reports whether planatlas can transform c to WGS84.
func (c CRS) Supported() bool { return c == WGS84 || c.projection() != nil }

// ToWGS84 transforms a point of c to longitude and latitude.
func (c CRS) ToWGS84(x, y float64) (lon, lat float64) {
	if p := c.projection(); p != nil {
		return p.Inverse(x, y)
	}
	return x, y
}

var epsgPattern = regexp.MustCompile(`(?i)EPSG:+(?:[0-9.]*:)?(\d{4,5})$`)

// ParseCRS reads a CRS from the forms in which GeoJSON files and plans
// name it: "EPSG:25833", "urn:ogc:def:crs:EPSG::25833",
// "http://www.opengis.net/def/crs/EPSG/0/25833",
// "urn:ogc:def:crs:OGC:1.3:CRS84", or a bare code "25833".
func ParseCRS(s string) (CRS, error) {
	t := strings.TrimSpace(s)
	if strings.HasSuffix(strings.ToUpper(t), "CRS84") {
		return WGS84, nil
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
	c := CRS(code)
	if code == 0 || !c.Supported() {
		return Unknown, fmt.Errorf("coordinate reference system %q is not supported (supported: EPSG:4326 and ETRS89 / UTM, EPSG:25828–25838)", s)
	}
	return c, nil
}

// checkCoordinates returns a message if a point cannot lie in c, for
// example metres declared as degrees or latitude and longitude swapped;
// "" if the point is plausible.
func checkCoordinates(c CRS, x, y float64) string {
	if math.IsNaN(x) || math.IsNaN(y) || math.IsInf(x, 0) || math.IsInf(y, 0) {
		return "a coordinate is not a number"
	}
	if c.Geographic() {
		if math.Abs(x) > 180 || math.Abs(y) > 90 {
			return fmt.Sprintf("point (%g, %g) cannot be longitude and latitude in degrees: are these metres of a projected CRS (for example EPSG:25833)? Declare the CRS", x, y)
		}
		return ""
	}
	if c.projection() != nil {
		if math.Abs(x) <= 180 && math.Abs(y) <= 90 {
			return fmt.Sprintf("point (%g, %g) looks like degrees, but %s is in metres: declare EPSG:4326", x, y, c)
		}
		if x < -2e6 || x > 3e6 || y < -1e5 || y > 1e7 {
			return fmt.Sprintf("point (%g, %g) lies outside %s", x, y, c)
		}
	}
	return ""
}
