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
