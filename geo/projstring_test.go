package geo

import (
	"bufio"
	"math"
	"os"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// projPoint is one line of testdata/proj/points.tsv (make_points.sh).
type projPoint struct {
	code, projString string
	lon, lat, x, y   float64
}

func readProjPoints(t *testing.T) []projPoint {
	t.Helper()
	f, err := os.Open("testdata/proj/points.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var pts []projPoint
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fs := strings.Split(sc.Text(), "\t")
		if len(fs) != 6 {
			t.Fatalf("bad line %q", sc.Text())
		}
		p := projPoint{code: fs[0], projString: fs[1]}
		for i, dst := range []*float64{&p.lon, &p.lat, &p.x, &p.y} {
			if *dst, err = strconv.ParseFloat(fs[2+i], 64); err != nil {
				t.Fatal(err)
			}
		}
		// proj ignores +axis; cs2cs, which applies it, gives these.
		switch {
		case strings.Contains(p.projString, "+axis=wsu"):
			p.x, p.y = -p.x, -p.y
		case strings.Contains(p.projString, "+axis=swu"):
			p.x, p.y = -p.y, -p.x
		}
		pts = append(pts, p)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return pts
}

// Every projection agrees with PROJ 9.1 on five points inside the area
// of use of each of about a hundred EPSG CRSs: forward within 1 cm (on
// the ground, after the unit), inverse within 1e-9 degrees (0.1 mm).
func TestProjStringsAgainstPROJ(t *testing.T) {
	pts := readProjPoints(t)
	type worst struct{ fwd, inv float64 }
	perMethod := map[Method]*worst{}
	codes := map[string]bool{}
	for _, pt := range pts {
		d, err := parseProjString(pt.projString)
		if err != nil {
			t.Errorf("EPSG:%s: %v", pt.code, err)
			continue
		}
		pr, err := newProjection(d.Method, d.Ellipsoid, d.Params)
		if err != nil {
			t.Errorf("EPSG:%s: %v", pt.code, err)
			continue
		}
		codes[pt.code] = true
		// planatlas's own EPSG table gives the same projection.
		code, _ := strconv.Atoi(pt.code)
		if c, err := EPSG(code); err != nil {
			t.Errorf("EPSG:%s is not in planatlas's table: %v", pt.code, err)
		} else if a, b := c.def.canonical(), d.canonical(); a.Method != b.Method || a.Ellipsoid != b.Ellipsoid || a.Params != b.Params || a.Unit != b.Unit {
			t.Errorf("EPSG:%s: the table's definition %+v differs from PROJ's string %+v", pt.code, a, b)
		}
		w := perMethod[d.Method]
		if w == nil {
			w = &worst{}
			perMethod[d.Method] = w
		}
		x, y := pr.Forward(pt.lon, pt.lat)
		fwd := math.Hypot(x-pt.x*d.Unit, y-pt.y*d.Unit)
		lon, lat := pr.Inverse(pt.x*d.Unit, pt.y*d.Unit)
		inv := math.Max(math.Abs(wrap180(lon-pt.lon)), math.Abs(lat-pt.lat))
		if !(fwd <= 0.01) || !(inv <= 1e-9) {
			t.Errorf("EPSG:%s (%s) at %g, %g: forward off by %.3g m, inverse by %.3g°", pt.code, methodName(d.Method), pt.lon, pt.lat, fwd, inv)
		}
		w.fwd = math.Max(w.fwd, fwd)
		w.inv = math.Max(w.inv, inv)
	}
	var methods []int
	for m := range perMethod {
		methods = append(methods, int(m))
	}
	sort.Ints(methods)
	t.Logf("%d points, %d EPSG codes, %d methods", len(pts), len(codes), len(methods))
	for _, m := range methods {
		w := perMethod[Method(m)]
		t.Logf("%-55s forward ≤ %.2g m, inverse ≤ %.2g°", methodName(Method(m)), w.fwd, w.inv)
	}
	if len(codes) < 60 {
		t.Errorf("only %d codes", len(codes))
	}
	for m := range methodNames {
		if _, ok := perMethod[m]; !ok && m != MethodPopularVisualisation {
			t.Errorf("%s is not covered by the reference points", methodName(m))
		}
	}
}

// parseProjString maps PROJ's parameters to EPSG's.
func TestParseProjString(t *testing.T) {
	// 1/rf computed at run time, as the readers do, may differ in the
	// last bit from Go's exact constant 1 / 298.257223563.
	flat := func(rf float64) float64 { return 1 / rf }
	minor := func(a, b float64) float64 { return 1 - b/a }
	bessel := Ellipsoid{A: 6377397.155, F: flat(299.1528128)}
	clrk80ign := Ellipsoid{A: 6378249.2, F: flat(293.4660212936269)}
	wgs84 := Ellipsoid{A: 6378137, F: flat(298.257223563)}
	grs80 := Ellipsoid{A: 6378137, F: flat(298.257222101)}
	paris := 2 + 20.0/60 + 14.025/3600
	tests := []struct {
		s    string
		want definition
	}{
		{"+proj=utm +zone=33 +south +datum=WGS84 +units=m +no_defs +type=crs",
			definition{Method: MethodTransverseMercator, Ellipsoid: wgs84, Unit: 1,
				Params: projParams{Lon0: 15, K0: 0.9996, FE: 500000, FN: 10000000}, Datum: datum{Name: "WGS84"}}},
		{"+proj=tmerc +lat_0=49 +lon_0=-2 +k=0.9996012717 +x_0=400000 +y_0=-100000 +datum=OSGB36",
			definition{Method: MethodTransverseMercator, Ellipsoid: Ellipsoid{A: 6377563.396, F: flat(299.3249646)}, Unit: 1,
				Params: projParams{Lat0: 49, Lon0: -2, K0: 0.9996012717, FE: 400000, FN: -100000}, Datum: datum{Name: "OSGB36", Shift: shiftUnknown}}},
		{"+proj=tmerc +axis=wsu +lon_0=19 +k=1 +x_0=5 +ellps=WGS84 +towgs84=0,0,0,0,0,0,0",
			definition{Method: MethodTransverseMercatorSO, Ellipsoid: wgs84, Unit: 1, Params: projParams{Lon0: 19, K0: 1, FE: -5}}},
		// The Paris meridian is folded into the central meridian.
		{"+proj=lcc +lat_1=46.8 +lat_0=46.8 +lon_0=0 +k_0=0.99987742 +x_0=600000 +y_0=2200000 +ellps=clrk80ign +pm=paris +towgs84=-168,-60,320,0,0,0,0 +units=m",
			definition{Method: MethodLambertConic1SP, Ellipsoid: clrk80ign, Unit: 1,
				Params: projParams{Lat0: 46.8, Lon0: paris, K0: 0.99987742, FE: 600000, FN: 2200000},
				Datum:  datum{Shift: shiftHelmert, ToWGS84: Helmert{TX: -168, TY: -60, TZ: 320}}}},
		// x_0 stays in metres; the unit is the US survey foot.
		{"+proj=lcc +lat_0=33.75 +lon_0=-79 +lat_1=36.1666666666667 +lat_2=34.3333333333333 +x_0=609601.219202438 +y_0=0 +datum=NAD83 +units=us-ft",
			definition{Method: MethodLambertConic2SP, Ellipsoid: grs80, Unit: 1200.0 / 3937,
				Params: projParams{Lat0: 33.75, Lon0: -79, Lat1: 36.1666666666667, Lat2: 34.3333333333333, FE: 609601.219202438}, Datum: datum{Name: "NAD83"}}},
		{"+proj=somerc +lat_0=46.9524055555556 +lon_0=7.43958333333333 +k_0=1 +x_0=2600000 +y_0=1200000 +ellps=bessel +towgs84=674.374,15.056,405.346",
			definition{Method: MethodHotineB, Ellipsoid: bessel, Unit: 1,
				Params: projParams{Lat0: 46.9524055555556, Lon0: 7.43958333333333, K0: 1, FE: 2600000, FN: 1200000, Azimuth: 90, Gamma: 90},
				Datum:  datum{Shift: shiftHelmert, ToWGS84: Helmert{TX: 674.374, TY: 15.056, TZ: 405.346}}}},
		{"+proj=omerc +no_uoff +lat_0=45.3091666666667 +lonc=-86 +alpha=337.25556 +k=0.9996 +x_0=2546731.496 +y_0=-4354009.816 +datum=NAD83",
			definition{Method: MethodHotineA, Ellipsoid: grs80, Unit: 1, Datum: datum{Name: "NAD83"},
				Params: projParams{Lat0: 45.3091666666667, Lon0: -86, K0: 0.9996, FE: 2546731.496, FN: -4354009.816, Azimuth: 337.25556, Gamma: 337.25556}}},
		// Krovak with PROJ's defaults; Ferro folded into the centre's longitude.
		{"+proj=krovak +axis=swu +lon_0=42.5 +ellps=bessel +pm=ferro",
			definition{Method: MethodKrovak, Ellipsoid: bessel, Unit: 1, Datum: datum{Shift: shiftUnknown},
				Params: projParams{Lat0: 49.5, Lon0: 42.5 - 17 - 40.0/60, Lat1: 78.5, K0: 0.9999, Azimuth: 30.28813972222222}}},
		{"+proj=stere +lat_0=-90 +lat_ts=-71 +lon_0=0 +datum=WGS84",
			definition{Method: MethodPolarStereographicB, Ellipsoid: wgs84, Unit: 1, Datum: datum{Name: "WGS84"},
				Params: projParams{Lat0: -90, Lat1: -71}}},
		{"+proj=ups +south +ellps=WGS84",
			definition{Method: MethodPolarStereographicA, Ellipsoid: wgs84, Unit: 1, Params: projParams{Lat0: -90, K0: 0.994, FE: 2e6, FN: 2e6}}},
		{"+proj=merc +lat_ts=-41 +lon_0=100 +R=6371000 +to_meter=1200/3937",
			definition{Method: MethodMercatorB, Ellipsoid: Ellipsoid{A: 6371000}, Unit: 1200.0 / 3937, Params: projParams{Lon0: 100, Lat1: -41}, Datum: datum{Shift: shiftUnknown}}},
		{"+proj=merc +a=6378137 +b=6378137 +lat_ts=0 +lon_0=0 +x_0=0 +y_0=0 +k=1 +units=m +nadgrids=@null +wktext +no_defs +type=crs",
			definition{Method: MethodPopularVisualisation, Ellipsoid: wgs84, Unit: 1}},
		{"+proj=webmerc +ellps=WGS84 +units=km",
			definition{Method: MethodPopularVisualisation, Ellipsoid: wgs84, Unit: 1000}},
		{"+proj=aea +lat_0=23 +lon_0=-96 +lat_1=29d30 +lat_2=45d30'N +a=6378206.4 +b=6356583.8 +datum=NAD27",
			definition{Method: MethodAlbersEqualArea, Ellipsoid: Ellipsoid{A: 6378206.4, F: minor(6378206.4, 6356583.8)}, Unit: 1,
				Params: projParams{Lat0: 23, Lon0: -96, Lat1: 29.5, Lat2: 45.5}, Datum: datum{Name: "NAD27", Shift: shiftUnknown}}},
		{"+proj=longlat +ellps=clrk80ign +pm=paris +units=grad +no_defs"[:len("+proj=longlat +ellps=clrk80ign +pm=paris")],
			definition{Method: MethodNone, Ellipsoid: clrk80ign, Unit: 1, Params: projParams{Lon0: paris}, Datum: datum{Shift: shiftUnknown}}},
		{"+proj=eqc +lat_ts=30 +lon_0=10 +pm=-3.5 +a=6378137 +rf=298.257223563",
			definition{Method: MethodEquidistantCylindrical, Ellipsoid: wgs84, Unit: 1, Params: projParams{Lon0: 6.5, Lat1: 30}}},
		{"+proj=cass +lat_0=52.4186482777778 +lon_0=13.6272036666667 +x_0=40000 +y_0=10000 +ellps=bessel +units=m +no_defs +type=crs",
			definition{Method: MethodCassiniSoldner, Ellipsoid: bessel, Unit: 1, Datum: datum{Shift: shiftUnknown},
				Params: projParams{Lat0: 52.4186482777778, Lon0: 13.6272036666667, FE: 40000, FN: 10000}}},
	}
	for _, tt := range tests {
		got, err := parseProjString(tt.s)
		if err != nil {
			t.Errorf("%s: %v", tt.s, err)
			continue
		}
		if got != tt.want {
			t.Errorf("%s:\n got  %+v\n want %+v", tt.s, got, tt.want)
		}
	}
}

// Strings planatlas cannot read are errors that name what is wrong.
func TestParseProjStringErrors(t *testing.T) {
	tests := []struct{ s, want string }{
		{"+ellps=GRS80", "+proj is missing"},
		{"+proj=robin +ellps=WGS84", "+proj=robin is not supported"},
		{"+proj=utm +zone=61", "+zone=61 is not a UTM zone"},
		{"+proj=utm +zone=3.5", "+zone=3.5 is not a UTM zone"},
		{"+proj=tmerc +ellps=foo", "unknown ellipsoid +ellps=foo"},
		{"+proj=tmerc +datum=ED50", "unknown datum +datum=ED50"},
		{"+proj=tmerc +units=furlong", "unknown unit +units=furlong"},
		{"+proj=tmerc +to_meter=0", "+to_meter=0 is not a positive number"},
		{"+proj=tmerc +pm=atlantis", "unknown prime meridian +pm=atlantis"},
		{"+proj=tmerc +k=abc", "+k=abc is not a number"},
		{"+proj=tmerc +lat_0=49x", "+lat_0=49x is not an angle"},
		{"+proj=tmerc +towgs84=1,2", "+towgs84 needs 3 or 7 numbers, not 2"},
		{"+proj=tmerc +towgs84=1,2,x", "+towgs84=1,2,x is not a list of numbers"},
		{"+proj=tmerc +foo=1", "unknown parameter +foo"},
		{"+proj=tmerc +axis=neu", "+axis=neu is not supported with +proj=tmerc"},
		{"+proj=lcc +axis=swu +lat_1=40", "+axis=swu is not supported with +proj=lcc"},
		{"+proj=stere +lat_0=52 +lon_0=5", "this form of +proj=stere is not supported"},
		{"+proj=omerc +lat_1=40 +lon_1=5 +lat_2=50 +lon_2=10", "this form of +proj=omerc is not supported"},
		{"+proj=cass +hyperbolic +lat_0=-16.25 +lon_0=179.3", "this form of +proj=cass is not supported"},
		{"+proj=tmerc +a=-1", "are not an ellipsoid"},
		{"+proj=tmerc +a=6378137 +rf=0.5", "are not an ellipsoid"},
	}
	for _, tt := range tests {
		_, err := parseProjString(tt.s)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error %v, want one with %q", tt.s, err, tt.want)
		}
	}
}

// newProjection refuses parameters that would give NaN, and names the
// method.
func TestNewProjectionErrors(t *testing.T) {
	tests := []struct {
		m    Method
		el   Ellipsoid
		p    projParams
		want string
	}{
		{MethodNone, GRS80, projParams{}, "EPSG method 0 is not supported"},
		{Method(9999), GRS80, projParams{}, "EPSG method 9999 is not supported"},
		{MethodTransverseMercator, Ellipsoid{A: 0, F: 0}, projParams{K0: 1}, "are not an ellipsoid"},
		{MethodTransverseMercator, GRS80, projParams{K0: 0}, "Transverse Mercator (EPSG method 9807): the scale factor must be positive"},
		{MethodTransverseMercator, GRS80, projParams{K0: 1, Lat0: 91}, "latitude 91° lies beyond ±90°"},
		{MethodTransverseMercator, GRS80, projParams{K0: 1, FE: math.NaN()}, "not a finite number"},
		{MethodLambertConic2SP, GRS80, projParams{Lat1: 30, Lat2: -30}, "symmetric about the equator"},
		{MethodAlbersEqualArea, GRS80, projParams{Lat1: 10, Lat2: -10}, "symmetric about the equator"},
		{MethodLambertConic1SP, GRS80, projParams{K0: 1}, "cannot be the equator"},
		{MethodLambertConic2SP, GRS80, projParams{Lat1: 90, Lat2: 60}, "standard parallel cannot be at latitude 90°"},
		{MethodPolarStereographicA, GRS80, projParams{Lat0: 60, K0: 1}, "must be 90° or -90°"},
		{MethodPolarStereographicB, GRS80, projParams{Lat0: 60}, "standard parallel cannot be at latitude 0°"},
		{MethodHotineB, GRS80, projParams{Lat0: 90, Azimuth: 30, K0: 1}, "projection centre cannot be at latitude 90°"},
		{MethodMercatorB, GRS80, projParams{Lat1: 90}, "standard parallel cannot be at latitude 90°"},
		{MethodKrovak, GRS80, projParams{K0: 1, Lat1: 0}, "pseudo standard parallel cannot be at latitude 0°"},
		{MethodLambertAzimuthal, Ellipsoid{A: 6371000}, projParams{Lat0: 52}, "not on a sphere"},
		{MethodEquidistantCylindrical, GRS80, projParams{Lat1: 90}, "standard parallel cannot be at latitude 90°"},
	}
	for _, tt := range tests {
		_, err := newProjection(tt.m, tt.el, tt.p)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%d %+v: error %v, want one with %q", tt.m, tt.p, err, tt.want)
		}
	}
}

// Popular Visualisation Pseudo Mercator on WGS84's a is web Mercator;
// the south-orientated TM is the ordinary one turned by 180°.
func TestProjectionAspects(t *testing.T) {
	wgs84 := Ellipsoid{A: 6378137, F: 1 / 298.257223563}
	pv, err := newProjection(MethodPopularVisualisation, wgs84, projParams{})
	if err != nil {
		t.Fatal(err)
	}
	so, err := newProjection(MethodTransverseMercatorSO, wgs84, projParams{Lon0: 19, K0: 1, FE: 100, FN: 200})
	if err != nil {
		t.Fatal(err)
	}
	tm := NewTransverseMercator(wgs84, 19, 1, 0, 0)
	for _, pt := range [][2]float64{{13.4, 52.5}, {-70, 80}, {179, 60}, {20, 45}} {
		x, y := pv.Forward(pt[0], pt[1])
		wx, wy := webMercator{}.Forward(pt[0], pt[1])
		if math.Abs(x-wx) > 1e-6 || math.Abs(y-wy) > 1e-6 {
			t.Errorf("pseudo Mercator %v: (%.4f, %.4f), web Mercator (%.4f, %.4f)", pt, x, y, wx, wy)
		}
		x, y = so.Forward(pt[0], pt[1])
		wx, wy = tm.Forward(pt[0], pt[1])
		if math.Abs(x-(100-wx)) > 1e-6 || math.Abs(y-(200-wy)) > 1e-6 {
			t.Errorf("south-orientated TM %v: (%.4f, %.4f), TM (%.4f, %.4f)", pt, x, y, wx, wy)
		}
	}
}

// No PROJ string makes the reader or the projections panic.
func FuzzParseProjString(f *testing.F) {
	for _, s := range []string{
		"+proj=utm +zone=33 +ellps=GRS80",
		"+proj=krovak +axis=swu +ellps=bessel +pm=ferro",
		"+proj=omerc +lat_0=4 +lonc=115 +alpha=53.3 +k=0.99984 +ellps=evrstSS",
		"+proj=lcc +lat_1=46d48' +lat_0=46.8 +k_0=0.9998 +to_meter=1200/3937",
		"+proj=stere +lat_0=-90 +lat_ts=-71 +R=1",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := parseProjString(s)
		if err != nil || d.Method == MethodNone {
			return
		}
		p, err := newProjection(d.Method, d.Ellipsoid, d.Params)
		if err != nil {
			return
		}
		x, y := p.Forward(d.Params.Lon0+1, d.Params.Lat0/2)
		p.Inverse(x, y)
	})
}

// Across the whole area of use of each CRS (the box of its reference
// points widened to the USAGE BBOX they were taken from), a point
// projected and brought back moves by less than 1e-9°.
func TestProjStringsRoundTrip(t *testing.T) {
	type box struct{ w, e, s, n float64 }
	boxes := map[string]*box{}
	strs := map[string]string{}
	for _, pt := range readProjPoints(t) {
		b := boxes[pt.code]
		if b == nil {
			b = &box{pt.lon, pt.lon, pt.lat, pt.lat}
			boxes[pt.code], strs[pt.code] = b, pt.projString
		}
		b.w, b.e = math.Min(b.w, pt.lon), math.Max(b.e, pt.lon)
		b.s, b.n = math.Min(b.s, pt.lat), math.Max(b.n, pt.lat)
	}
	worst := 0.0
	for code, b := range boxes {
		d, err := parseProjString(strs[code])
		if err != nil {
			t.Fatal(err)
		}
		p, err := newProjection(d.Method, d.Ellipsoid, d.Params)
		if err != nil {
			t.Fatal(err)
		}
		dw, dh := (b.e-b.w)/2, (b.n-b.s)/2
		if b.e-b.w > 180 { // points at -90, 0, 90: the box went round the globe
			dw = 0
		}
		for i := 0; i <= 10; i++ {
			for j := 0; j <= 10; j++ {
				lon := b.w - dw + float64(i)*(b.e-b.w+2*dw)/10
				lat := math.Max(-89.9, math.Min(89.9, b.s-dh+float64(j)*(b.n-b.s+2*dh)/10))
				x, y := p.Forward(lon, lat)
				lon2, lat2 := p.Inverse(x, y)
				e := math.Max(math.Abs(wrap180(lon2-lon)), math.Abs(lat2-lat))
				worst = math.Max(worst, e)
				if !(e <= 1e-9) {
					t.Errorf("EPSG:%s at %g, %g: back at %g, %g", code, lon, lat, lon2, lat2)
				}
			}
		}
	}
	t.Logf("%d CRSs, worst round trip %.2g°", len(boxes), worst)
}
