package geo

import (
	"fmt"
	"math"
	"planatlas/lang"
	"regexp"
	"strconv"
	"strings"

	"github.com/paulmach/orb"
)

// CRS is a coordinate reference system known to planatlas, by its EPSG
// code.
type CRS int

// The coordinate reference systems planatlas reads. ETRS89 / UTM zones
// 28N–38N (25828–25838) are supported as a range.
const (
	Unknown     CRS = 0
	WGS84       CRS = 4326  // longitude, latitude in degrees (GeoJSON, RFC 7946)
	ETRS89      CRS = 4258  // ETRS89 geographic; equal to WGS84 within a metre, as PROJ treats it
	WebMercator CRS = 3857  // web maps; not for measuring
	LAEAEurope  CRS = 3035  // ETRS89-extended / LAEA Europe: equal-area, the Zensus grid
	UTM32       CRS = 25832 // ETRS89 / UTM zone 32N (western Germany)
	UTM33       CRS = 25833 // ETRS89 / UTM zone 33N (eastern Germany)
	GK2         CRS = 31466 // DHDN / 3-degree Gauss-Krüger zone 2
	GK3         CRS = 31467 // zone 3
	GK4         CRS = 31468 // zone 4
	GK5         CRS = 31469 // zone 5
)

// String returns "EPSG:code".
func (c CRS) String() string {
	if c == Unknown {
		return "unknown CRS"
	}
	return fmt.Sprintf("EPSG:%d", int(c))
}

// Geographic reports whether coordinates are degrees.
func (c CRS) Geographic() bool { return c == WGS84 || c == ETRS89 }

// gkZone returns the Gauss–Krüger zone of c, or 0.
func (c CRS) gkZone() int {
	if c >= GK2 && c <= GK5 {
		return int(c) - 31464
	}
	return 0
}

// Planar reports whether areas and lengths can be measured in c: the
// conformal UTM and Gauss–Krüger grids and the equal-area LAEA, but not
// Web Mercator (which inflates areas by 1/cos²φ, 2.7 times in Berlin).
func (c CRS) Planar() bool { return c.utmZone() > 0 || c.gkZone() > 0 || c == LAEAEurope }

func (c CRS) utmZone() int {
	if c >= 25828 && c <= 25838 {
		return int(c) - 25800
	}
	return 0
}

// projection maps longitude and latitude (degrees, on the CRS's own
// datum) to the CRS's easting and northing and back.
type projection interface {
	Forward(lon, lat float64) (x, y float64)
	Inverse(x, y float64) (lon, lat float64)
}

func (c CRS) projection() projection {
	switch {
	case c.utmZone() > 0:
		return UTM(c.utmZone())
	case c.gkZone() > 0:
		z := c.gkZone()
		return NewTransverseMercator(Bessel1841, float64(3*z), 1, float64(z)*1e6+500000, 0)
	case c == LAEAEurope:
		return NewLAEA(GRS80, 10, 52, 4321000, 3210000)
	case c == WebMercator:
		return webMercator{}
	}
	return nil
}

// Supported reports whether planatlas can transform c to WGS84.
func (c CRS) Supported() bool { return c.Geographic() || c.projection() != nil }

// ToWGS84 transforms a point of c to longitude and latitude. ETRS89 is
// taken as WGS84, as PROJ does without time-dependent frames. Gauss–
// Krüger coordinates are shifted from DHDN with the AdV's BETA2007 grid,
// which PROJ uses too; outside Germany the result is NaN.
func (c CRS) ToWGS84(x, y float64) (lon, lat float64) {
	if c.Geographic() {
		return x, y
	}
	p := c.projection()
	if p == nil {
		return math.NaN(), math.NaN()
	}
	lon, lat = p.Inverse(x, y)
	if c.gkZone() > 0 {
		var ok bool
		if lon, lat, ok = beta2007().forward(lon, lat); !ok {
			return math.NaN(), math.NaN()
		}
	}
	return lon, lat
}

// FromWGS84 transforms longitude and latitude to c.
func (c CRS) FromWGS84(lon, lat float64) (x, y float64) {
	if c.Geographic() {
		return lon, lat
	}
	p := c.projection()
	if p == nil {
		return math.NaN(), math.NaN()
	}
	if c.gkZone() > 0 {
		var ok bool
		if lon, lat, ok = beta2007().inverse(lon, lat); !ok {
			return math.NaN(), math.NaN()
		}
	}
	return p.Forward(lon, lat)
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
		return Unknown, fmt.Errorf("coordinate reference system %q is not supported (supported: EPSG:4326, 4258, 3857, 3035, 25828–25838, 31466–31469)", s)
	}
	return c, nil
}

// checkCoordinates returns a message if a point cannot lie in c, for
// example metres declared as degrees or latitude and longitude swapped;
// an empty Message if the point is plausible.
func checkCoordinates(c CRS, x, y float64) lang.Message {
	if math.IsNaN(x) || math.IsNaN(y) || math.IsInf(x, 0) || math.IsInf(y, 0) {
		return lang.M("a coordinate is not a number")
	}
	degrees := math.Abs(x) <= 180 && math.Abs(y) <= 90
	switch {
	case c.Geographic():
		if !degrees {
			return lang.M("point (%s) cannot be longitude and latitude in degrees: are these metres of a projected CRS (for example EPSG:25833)? Declare the CRS", point(orb.Point{x, y}))
		}
		if x >= 45 && x <= 56 && y >= 4 && y <= 17 {
			return lang.M("point (%s) looks like latitude, longitude: GeoJSON and planatlas expect longitude first (x = east); the coordinates seem swapped", point(orb.Point{x, y}))
		}
	case degrees:
		return lang.M("point (%s) looks like degrees, but %s is in metres: declare EPSG:4326", point(orb.Point{x, y}), c.String())
	case c.gkZone() > 0:
		z := float64(c.gkZone())
		if x < z*1e6 || x >= (z+1)*1e6 {
			return lang.M("easting %s is not in Gauss–Krüger zone %d (%s expects %d,xxx,xxx m): is the zone or the CRS wrong?", fmt.Sprintf("%g", x), c.gkZone(), c.String(), c.gkZone())
		}
		if y < 5.1e6 || y > 6.2e6 {
			return lang.M("northing %s lies outside Germany in %s", fmt.Sprintf("%g", y), c.String())
		}
	case c.utmZone() > 0:
		if x < -2e6 || x > 3e6 || y < -1e5 || y > 1e7 {
			return lang.M("point (%s) lies outside %s", point(orb.Point{x, y}), c.String())
		}
	case c == LAEAEurope:
		if x < 1e6 || x > 8.5e6 || y < 0 || y > 6e6 {
			return lang.M("point (%s) lies outside Europe in %s", point(orb.Point{x, y}), c.String())
		}
	}
	return lang.Message{}
}
