package geo

import (
	"fmt"
	"math"
	"planatlas/lang"

	"github.com/paulmach/orb"
)

// checkCoordinates returns a message if a point cannot lie in c, for
// example metres declared as degrees or latitude and longitude swapped;
// an empty Message if the point is plausible.
func checkCoordinates(c CRS, x, y float64) lang.Message {
	return newCoordCheck(c).check(x, y)
}

// coordCheck checks many points of one CRS with its projection prepared
// once.
type coordCheck struct {
	c CRS
	p projection // nil: geographic, Unknown or not projectable
	// swapped: every position of the layer lies where a German city's
	// latitude and longitude, swapped, would (layerLooksSwapped).
	swapped bool
}

func newCoordCheck(c CRS) *coordCheck {
	k := &coordCheck{c: c}
	if c != Unknown && !c.Geographic() {
		k.p, _ = newProjection(c.def.Method, c.def.Ellipsoid, c.def.Params)
	}
	return k
}

func (k *coordCheck) check(x, y float64) lang.Message {
	if m := k.quick(x, y); m.Format != "" {
		return m
	}
	return k.inArea(x, y)
}

// quick checks what needs no projection: numbers, degrees against
// metres, zone prefixes.
func (k *coordCheck) quick(x, y float64) lang.Message {
	c := k.c
	if math.IsNaN(x) || math.IsNaN(y) || math.IsInf(x, 0) || math.IsInf(y, 0) {
		return lang.M("a coordinate is not a number")
	}
	degrees := math.Abs(x) <= 180 && math.Abs(y) <= 90
	switch {
	case c.Geographic():
		if !degrees {
			return lang.M("point (%s) cannot be longitude and latitude in degrees: are these metres of a projected CRS (for example EPSG:25833)? Declare the CRS", point(orb.Point{x, y}))
		}
		if k.swapped {
			return lang.M("point (%s) looks like latitude, longitude: GeoJSON and planatlas expect longitude first (x = east); the coordinates seem swapped", point(orb.Point{x, y}))
		}
	case degrees:
		return lang.M("point (%s) looks like degrees, but %s is in metres: declare EPSG:4326", point(orb.Point{x, y}), c.String())
	case c.gkZone() > 0:
		z := float64(c.gkZone())
		if x < z*1e6 || x >= (z+1)*1e6 {
			return lang.M("easting %s is not in Gauss–Krüger zone %d (%s expects %d,xxx,xxx m): is the zone or the CRS wrong?", fmt.Sprintf("%g", x), c.gkZone(), c.String(), c.gkZone())
		}
	case c.utmLike() && x*c.def.Unit >= 1e7 && x*c.def.Unit < 6.1e7:
		// German offices write ETRS89 / UTM eastings with the zone in
		// front: 33391776 is 391776 m in zone 33.
		z := int(x * c.def.Unit / 1e6)
		return lang.M("easting %s carries the zone number %d in front of the easting, which %s does not: declare the CRS with the zone (ETRS89 / UTM zone %dN (zE-N); EPSG:4647 for zone 32, EPSG:5650 for zone 33)", fmt.Sprintf("%.0f", x), z, c.Describe(), z)
	case c.def.Method == MethodTransverseMercator && c.def.Params.FE >= 1e6:
		// A zone number written before the easting (ETRS89 / UTM zone 32N
		// (zE-N), 32,500,000 m): the easting must carry that prefix.
		if math.Abs(x*c.def.Unit-c.def.Params.FE) > 1e6 {
			return lang.M("easting %s does not carry the zone prefix of %s (about %s m): is the zone or the CRS wrong?", fmt.Sprintf("%g", x), c.Describe(), fmt.Sprintf("%.0f", c.def.Params.FE/c.def.Unit))
		}
	}
	return lang.Message{}
}

// inArea checks that a point lies near c's area of use (nearArea).
func (k *coordCheck) inArea(x, y float64) lang.Message {
	c := k.c
	if c.Geographic() || c == Unknown {
		return lang.Message{}
	}
	lon, lat := math.NaN(), math.NaN()
	if k.p != nil {
		lon, lat = k.p.Inverse(x*c.def.Unit, y*c.def.Unit)
	}
	if math.IsNaN(lon) || math.IsNaN(lat) || !c.nearArea(lon, lat) {
		if a, ok := c.area(); ok {
			return lang.M("point (%s) lies outside the area of use of %s (%s): is the CRS right?", point(orb.Point{x, y}), c.Describe(), areaText(a))
		}
		return lang.M("point (%s) cannot lie in %s: is the CRS right?", point(orb.Point{x, y}), c.Describe())
	}
	return lang.Message{}
}

// layerLooksSwapped reports whether every vertex of the layer lies in
// 45–56° "east", 4–17° "north": Germany's latitude and longitude swapped.
// Checked on the whole layer only, since cities in Yemen, Oman and
// Somalia lie in that box the right way round, and only where the CRS
// was not named (a GeoJSON file taken as WGS84).
func (l *Layer) layerLooksSwapped() bool {
	n := 0
	for _, f := range l.Features {
		for _, p := range f.Geom {
			for _, r := range p {
				for _, pt := range r {
					if pt[0] < 45 || pt[0] > 56 || pt[1] < 4 || pt[1] > 17 {
						return false
					}
					n++
				}
			}
		}
	}
	return n > 0
}

// utmLike reports whether c is a UTM zone: transverse Mercator with scale
// 0.9996 and false easting 500,000 m.
func (c CRS) utmLike() bool {
	p := c.def.Params
	return c.def.Method == MethodTransverseMercator && p.K0 == 0.9996 && p.FE == 500000 && p.Lat0 == 0
}

// gkZone returns the zone of a DHDN / Gauss–Krüger CRS whose eastings
// carry the zone number (EPSG:31466–31469, 5676–5679), or 0.
func (c CRS) gkZone() int {
	p := c.def.Params
	if c.def.Method != MethodTransverseMercator || math.Abs(c.def.Ellipsoid.A-Bessel1841.A) > 1 || p.K0 != 1 {
		return 0
	}
	if z := p.Lon0 / 3; z == math.Trunc(z) && z >= 1 && z <= 6 && p.FE == z*1e6+500000 {
		return int(z)
	}
	return 0
}

// area returns c's EPSG area of use (west, south, east, north), and
// false for a CRS known only by its definition.
func (c CRS) area() ([4]float64, bool) {
	if e, ok := lookupEPSG(c.Code); ok {
		return e.area, true
	}
	return [4]float64{}, false
}

// areaMargin is how far (degrees) a point may lie outside its CRS's area
// of use: ETRS89 / UTM zone 32N serves all of Germany, up to 3° east of
// its zone, and Gauss–Krüger zones are used a zone beyond theirs.
const areaMargin = 6

// nearArea reports whether a point lies within areaMargin of c's area of
// use.
func (c CRS) nearArea(lon, lat float64) bool {
	a, ok := c.area()
	if !ok {
		return lat >= -90 && lat <= 90
	}
	w := [4]float64{a[0] - areaMargin, math.Max(-90, a[1]-areaMargin), a[2] + areaMargin, math.Min(90, a[3]+areaMargin)}
	if a[0] <= a[2] && w[2]-w[0] >= 360 {
		w[0], w[2] = -180, 180
	}
	return boxContains(w, math.Remainder(lon, 360), lat, math.Remainder(lon, 360), lat)
}

// areaText describes an area of use for messages: "5.96° E – 10.49° E,
// 45.82° N – 47.81° N".
func areaText(a [4]float64) lang.Message {
	return lang.M("%s – %s, %s – %s", lonText(a[0]), lonText(a[2]), latText(a[1]), latText(a[3]))
}

func lonText(v float64) lang.Message {
	if v < 0 {
		return lang.M("%g° W", -v)
	}
	return lang.M("%g° E", v)
}

func latText(v float64) lang.Message {
	if v < 0 {
		return lang.M("%g° S", -v)
	}
	return lang.M("%g° N", v)
}
