package geo

import (
	"math"
	"planatlas/lang"
	"regexp"
	"strings"
)

// epsgDatum names the datum of a geographic CRS (epsg_table.go).
type epsgDatum struct {
	geog int
	name string
}

// datumAliases are the names ESRI and GDAL write in WKT for datums whose
// EPSG name differs (ESRI: "D_North_American_1927"; GDAL:
// "North_American_Datum_1927"), normalised by datumKey.
var datumAliases = map[string]int{
	"wgs1984": 4326, "wgs84": 4326, "worldgeodeticsystem1984": 4326,
	"etrs1989": 4258, "etrs89": 4258, "europeanterrestrialreferencesystem1989": 4258,
	"northamerican1983": 4269, "northamericandatum1983": 4269, "nad83": 4269,
	"northamerican1927": 4267, "northamericandatum1927": 4267, "nad27": 4267,
	"osgb1936": 4277, "osgb36": 4277,
	"deutscheshauptdreiecksnetz": 4314, "dhdn": 4314, "potsdam": 4314,
	"european1950": 4230, "europeandatum1950": 4230, "ed50": 4230,
	"mgi": 4312, "militargeographischeinstitut": 4312, "hermannskogel": 4312,
	"amersfoort": 4289, "ch1903": 4149, "ch1903plus": 4150, "swissch1903plus": 4150,
	"sjtsk": 4156, "systemjednotnetrigonometrickesitekatastralni": 4156,
	"rgf1993": 4171, "rgf93": 4171, "reseaugeodesiquefrancais1993": 4171,
	"ntf": 4275, "nouvelletriangulationfrancaise": 4275,
	"gda1994": 4283, "gda94": 4283, "gda2020": 7844,
	"nzgd2000": 4167, "newzealandgeodeticdatum2000": 4167, "nzgd1949": 4272, "newzealandgeodeticdatum1949": 4272,
	"sirgas2000": 4674, "sirgas": 4674, "southamerican1969": 4618, "southamericandatum1969": 4618,
	"wgs1972": 4322, "wgs72": 4322, "hartebeesthoek1994": 4148, "hartebeesthoek94": 4148,
	"jgd2000": 4612, "jgd2011": 6668, "cgcs2000": 4490, "chinageodeticcoordinatesystem2000": 4490,
	"northamerican1983csrs": 4617, "nad83csrs": 4617, "northamerican1983harn": 4152, "nad83harn": 4152,
	"tm65": 4299, "tm75": 4300, "ireland1965": 4299,
}

var nonAlnumDatum = regexp.MustCompile(`[^a-z0-9]+`)

// datumKey normalises a datum's name for comparison: lower case, "+"
// spelled "plus", without ESRI's "D_" prefix, punctuation and spaces.
func datumKey(name string) string {
	s := strings.ToLower(strings.TrimSpace(name))
	s = strings.TrimPrefix(s, "d_")
	s = strings.ReplaceAll(s, "+", "plus")
	return nonAlnumDatum.ReplaceAllString(s, "")
}

// geogForDatum returns the EPSG geographic CRS of a definition's datum,
// by its name (EPSG's, ESRI's or GDAL's), or 0.
func geogForDatum(def definition) int {
	if def.Datum.Name == "" {
		return 0
	}
	k := datumKey(def.Datum.Name)
	if g, ok := datumAliases[k]; ok {
		return g
	}
	for _, d := range epsgDatums {
		if datumKey(d.name) == k {
			return d.geog
		}
	}
	return 0
}

// chooseShift sets how c's datum reaches WGS84 before anything is known
// of the data's position: DHDN by the BETA2007 grid (as PROJ does with
// its grid installed), an EPSG-listed datum by PROJ's first choice of
// Helmert transformation, a datum whose definition carries TOWGS84 by
// that, a datum on the WGS84 or GRS80 ellipsoid without a listed
// transformation as equal to WGS84, and any other as unknown.
// ForExtent refines the choice once the data's extent is known.
func (c *CRS) chooseShift() {
	d := &c.def.Datum
	if d.Shift == shiftGrid {
		return // the user's grid files
	}
	if c.geog == 4326 {
		d.Shift, d.ToWGS84, d.Accuracy, c.shift = shiftNone, Helmert{}, 0, 0
		return
	}
	if c.geog == 4314 {
		d.Shift, c.shift = shiftBETA2007, 0
		return
	}
	for _, s := range epsgShifts {
		if s.geog == c.geog && c.geog != 0 {
			c.useShift(s)
			return
		}
	}
	switch {
	case d.Shift == shiftHelmert:
	case isWGS84Like(c.def.Ellipsoid):
		d.Shift = shiftNone
	default:
		d.Shift = shiftUnknown
	}
}

func (c *CRS) useShift(s epsgShift) {
	d := &c.def.Datum
	d.Shift, d.ToWGS84, d.Accuracy, c.shift = shiftHelmert, s.helmert, s.accuracy, s.code
	if s.helmert == (Helmert{}) {
		d.Shift = shiftNone
	}
}

// isWGS84Like reports whether el is WGS84's or GRS80's ellipsoid, which
// differ by 0.1 mm: datums on them (ETRS89, NAD83, GDA94, SIRGAS 2000)
// are taken as WGS84, as PROJ does without time-dependent frames.
func isWGS84Like(el Ellipsoid) bool {
	return math.Abs(el.A-6378137) < 1e-3 && math.Abs(1/el.F-298.2572) < 1e-3
}

// ForExtent returns c with the datum transformation that EPSG lists as
// the most accurate for data within the box (degrees on c's own datum):
// among the transformations whose area of use contains the box, the one
// with the smallest stated accuracy, earlier ones first on a tie (PROJ's
// order); if none contains it, c unchanged.
func (c CRS) ForExtent(west, south, east, north float64) CRS {
	if c.def.Datum.Shift != shiftHelmert && c.def.Datum.Shift != shiftNone || c.shift == 0 {
		return c
	}
	best := -1
	for i, s := range epsgShifts {
		if s.geog != c.geog || !boxContains(s.area, west, south, east, north) {
			continue
		}
		if best < 0 || s.accuracy < epsgShifts[best].accuracy {
			best = i
		}
	}
	if best >= 0 {
		c.useShift(epsgShifts[best])
	}
	return c
}

// boxContains reports whether an area of use (west, south, east, north;
// west > east where it crosses the antimeridian) contains a box.
func boxContains(area [4]float64, west, south, east, north float64) bool {
	if south < area[1] || north > area[3] {
		return false
	}
	if area[0] <= area[2] {
		return west >= area[0] && east <= area[2]
	}
	in := func(lon float64) bool { return lon >= area[0] || lon <= area[2] }
	return in(west) && in(east)
}

// DatumNote says how c's datum reaches WGS84, for the run's notes:
// by which EPSG transformation and how accurately, by the file's own
// parameters, by the user's grid files, or that no transformation is
// known. It is empty where nothing needs saying (WGS84 and datums equal
// to it, DHDN by BETA2007).
func (c CRS) DatumNote() lang.Message {
	d := c.def.Datum
	switch {
	case d.Shift == shiftUnknown:
		return lang.M("no transformation from the datum %q of %s to WGS 84 is known: positions in maps and in GeoJSON may be off by up to about 100 m (areas, lengths and neighbours are not affected); give the transformation as TOWGS84 in the .prj or as +towgs84 in a PROJ string (crs: in the plan)", d.Name, c.String())
	case d.Shift == shiftGrid:
		return lang.M("coordinates of %s are shifted to WGS 84 by the grid file %s", c.String(), d.Grid.name)
	case d.Shift == shiftBETA2007:
		return lang.M("coordinates of %s are shifted from DHDN to ETRS89 (WGS 84) by the AdV's BETA2007 grid, as PROJ does", c.String())
	case d.Shift != shiftHelmert:
		return lang.Message{}
	case c.shift == 0:
		return lang.M("coordinates of %s are shifted to WGS 84 by the Helmert parameters the definition gives", c.String())
	}
	for _, s := range epsgShifts {
		if s.code == c.shift {
			return lang.M("coordinates of %s are shifted to WGS 84 by EPSG:%d (%s), accurate to %g m as EPSG states", c.String(), lang.Digits(s.code), s.name, s.accuracy)
		}
	}
	return lang.Message{}
}

// helmertForward applies a position-vector Helmert transformation to
// geocentric coordinates (EPSG Guidance Note 7-2, §4.3.3, with the
// small-angle rotation matrix as EPSG and PROJ use it).
func (h Helmert) forward(x, y, z float64) (float64, float64, float64) {
	const sec = math.Pi / 180 / 3600
	rx, ry, rz, m := h.RX*sec, h.RY*sec, h.RZ*sec, 1+h.DS*1e-6
	return h.TX + m*(x-rz*y+ry*z),
		h.TY + m*(rz*x+y-rx*z),
		h.TZ + m*(-ry*x+rx*y+z)
}

// inverse undoes forward with the transposed rotation, as PROJ's
// helmert does for its inverse.
func (h Helmert) inverse(x, y, z float64) (float64, float64, float64) {
	const sec = math.Pi / 180 / 3600
	rx, ry, rz, m := h.RX*sec, h.RY*sec, h.RZ*sec, 1+h.DS*1e-6
	x, y, z = (x-h.TX)/m, (y-h.TY)/m, (z-h.TZ)/m
	return x + rz*y - ry*z,
		-rz*x + y + rx*z,
		ry*x - rx*y + z
}

// toGeocentric converts longitude, latitude (degrees) and ellipsoidal
// height h (m) to geocentric X, Y, Z (EPSG Guidance Note 7-2, §4.1.1).
func (el Ellipsoid) toGeocentric(lon, lat, h float64) (float64, float64, float64) {
	es := el.F * (2 - el.F)
	sl, cl := math.Sincos(lat * deg)
	n := el.A / math.Sqrt(1-es*sl*sl)
	so, co := math.Sincos(lon * deg)
	return (n + h) * cl * co, (n + h) * cl * so, (n*(1-es) + h) * sl
}

// fromGeocentric converts geocentric coordinates to longitude and
// latitude (degrees), iterating Bowring's formula to a few nanometres.
func (el Ellipsoid) fromGeocentric(x, y, z float64) (lon, lat float64) {
	es := el.F * (2 - el.F)
	p := math.Hypot(x, y)
	phi := math.Atan2(z, p*(1-es))
	for i := 0; i < 10; i++ {
		s := math.Sin(phi)
		n := el.A / math.Sqrt(1-es*s*s)
		next := math.Atan2(z+es*n*s, p)
		if math.Abs(next-phi) < 1e-14 {
			phi = next
			break
		}
		phi = next
	}
	return math.Atan2(y, x) / deg, phi / deg
}

// wgs84Ellipsoid is WGS84's ellipsoid.
var wgs84Ellipsoid = Ellipsoid{A: 6378137, F: 1 / 298.257223563}
