package geo

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"

	"github.com/paulmach/orb"
)

// ring makes a closed ring of x, y pairs.
func ring(xy ...float64) orb.Ring {
	r := make(orb.Ring, 0, len(xy)/2+1)
	for k := 0; k+1 < len(xy); k += 2 {
		r = append(r, orb.Point{xy[k], xy[k+1]})
	}
	return append(r, r[0])
}

// validPolygon judges each case as simplefeatures' Validate did before
// (the column sf, which the test checks too) and says where the problem
// is.
func TestValidPolygon(t *testing.T) {
	sq := func(x, y, s float64) orb.Ring { return ring(x, y, x+s, y, x+s, y+s, x, y+s) }
	tests := []struct {
		name string
		mp   orb.MultiPolygon
		want string // "" for valid
	}{
		{"square", orb.MultiPolygon{{sq(0, 0, 4)}}, ""},
		{"collinear vertices", orb.MultiPolygon{{ring(0, 0, 1, 0, 2, 0, 4, 0, 4, 2, 4, 4, 2, 4, 0, 4, 0, 2)}}, ""},
		{"bow tie", orb.MultiPolygon{{ring(0, 0, 2, 2, 2, 0, 0, 2)}}, "polygon 1, ring 1, a ring crosses or touches itself near (0, 0)"},
		{"doubles back", orb.MultiPolygon{{ring(0, 0, 4, 0, 4, 4, 2, 4, 2, 6, 2, 4, 0, 4)}}, "polygon 1, ring 1, a ring crosses or touches itself near (2, 4)"},
		{"doubles back at its start", orb.MultiPolygon{{ring(0, 0, 4, 0, 4, 4, 0, 4, 0, 0, 0, -2)}}, "polygon 1, ring 1, a ring crosses or touches itself near (0, -2)"},
		{"passes a vertex twice", orb.MultiPolygon{{ring(0, 0, 2, 0, 1, 1, 2, 2, 0, 2, 1, 1)}}, "polygon 1, ring 1, a ring crosses or touches itself near (1, 1)"},
		{"vertex on its own edge", orb.MultiPolygon{{ring(0, 0, 4, 0, 4, 4, 2, 0, 0, 4)}}, "polygon 1, ring 1, a ring crosses or touches itself near (2, 0)"},
		{"second ring crosses itself", orb.MultiPolygon{{sq(0, 0, 10), ring(1, 1, 3, 3, 3, 1, 1, 3)}}, "polygon 1, ring 2, a ring crosses or touches itself near (1, 1)"},
		{"hole", orb.MultiPolygon{{sq(0, 0, 6), sq(2, 2, 2)}}, ""},
		{"hole touching the shell once", orb.MultiPolygon{{sq(0, 0, 6), ring(0, 3, 2, 2, 2, 4)}}, ""},
		{"hole touching the shell twice", orb.MultiPolygon{{sq(0, 0, 6), ring(0, 2, 2, 3, 0, 4, 1, 3)}}, "polygon 1, rings of the polygon cross each other near (0, 4)"},
		{"hole crossing the shell", orb.MultiPolygon{{sq(0, 0, 6), sq(4, 2, 3)}}, "polygon 1, rings of the polygon cross each other near (7, 2)"},
		{"hole sharing an edge with the shell", orb.MultiPolygon{{sq(0, 0, 6), sq(0, 2, 2)}}, "polygon 1, rings of the polygon cross each other near (0, 2)"},
		{"hole outside", orb.MultiPolygon{{sq(0, 0, 6), sq(8, 2, 2)}}, "polygon 1, a hole lies outside its polygon near (8, 2)"},
		{"hole in a hole", orb.MultiPolygon{{sq(0, 0, 10), sq(2, 2, 6), sq(4, 4, 2)}}, "polygon 1, a hole lies inside another hole near (4, 4)"},
		{"holes cutting the polygon apart", orb.MultiPolygon{{sq(0, 0, 6), ring(0, 3, 3, 3, 1.5, 4), ring(3, 3, 6, 3, 4.5, 2)}}, "polygon 1, holes touch each other and the outer ring in a closed chain"},
		{"two parts", orb.MultiPolygon{{sq(0, 0, 2)}, {sq(4, 0, 2)}}, ""},
		{"parts touching at a corner", orb.MultiPolygon{{sq(0, 0, 2)}, {sq(2, 2, 2)}}, ""},
		{"parts sharing an edge", orb.MultiPolygon{{sq(0, 0, 2)}, {sq(2, 0, 2)}}, "parts of the multipolygon overlap or share an edge near (2, 0)"},
		{"part inside another", orb.MultiPolygon{{sq(0, 0, 6)}, {sq(2, 2, 2)}}, "parts of the multipolygon overlap or share an edge near (2, 2)"},
		{"island in a hole", orb.MultiPolygon{{sq(0, 0, 10), sq(2, 2, 6)}, {sq(4, 4, 2)}}, ""},
		{"island touching its hole", orb.MultiPolygon{{sq(0, 0, 10), sq(2, 2, 6)}, {ring(2, 5, 4, 4, 4, 6)}}, ""},
		{"parts crossing at vertices only", orb.MultiPolygon{{sq(0, 0, 2)}, {ring(1, 0, 1, -1, 3, -1, 3, 1, 2, 1, 1.5, 0.5)}}, "parts of the multipolygon overlap or share an edge near (1, 0)"},
		{"part inside touching at a vertex", orb.MultiPolygon{{sq(0, 0, 6)}, {ring(0, 3, 2, 2, 2, 4)}}, "parts of the multipolygon overlap or share an edge near (0, 3)"},
		{"an empty part", orb.MultiPolygon{{}, {sq(0, 0, 2)}, {sq(2, 0, 2)}}, "parts of the multipolygon overlap or share an edge near (2, 0)"},
		{"repeated vertices", orb.MultiPolygon{{ring(0, 0, 0, 0, 4, 0, 4, 4, 4, 4, 0, 4)}}, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			mp := orient(tc.mp)
			err := validPolygon(mp)
			switch {
			case tc.want == "" && err != nil:
				t.Errorf("valid polygon refused: %v", err)
			case tc.want != "" && (err == nil || !strings.HasPrefix(err.Error(), "not a valid polygon: "+tc.want)):
				t.Errorf("error\n  %v\nwant\n  not a valid polygon: %s", err, tc.want)
			}
			if sf := toSF(mp).Validate(); (sf == nil) != (tc.want == "") {
				t.Errorf("simplefeatures says %v", sf)
			}
		})
	}
}

// squareGeoJSON returns one area "01", a square of 1 km in EPSG:25833
// whose boundary has n vertices, n/4 on each side; with spike, the middle
// vertex of the bottom side is moved 1.5 km up, so that the boundary
// crosses its top side near (372500, 5641000).
func squareGeoJSON(n int, spike bool) []byte {
	var b strings.Builder
	b.WriteString(`{"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"EPSG:25833"}},"features":[{"type":"Feature","properties":{"id":"01"},"geometry":{"type":"Polygon","coordinates":[[`)
	side := n / 4
	const x0, y0, s = 372000.0, 5640000.0, 1000.0
	pt := func(x, y float64) {
		b.WriteString("[" + strconv.FormatFloat(x, 'f', -1, 64) + "," + strconv.FormatFloat(y, 'f', -1, 64) + "],")
	}
	for i := range side {
		if spike && i == side/2 {
			pt(x0+s/2, y0+1.5*s)
			continue
		}
		pt(x0+s*float64(i)/float64(side), y0)
	}
	for i := range side {
		pt(x0+s, y0+s*float64(i)/float64(side))
	}
	for i := range side {
		pt(x0+s-s*float64(i)/float64(side), y0+s)
	}
	for i := range side {
		pt(x0, y0+s-s*float64(i)/float64(side))
	}
	b.WriteString("[372000,5640000]]]}}]}")
	return []byte(b.String())
}

// A boundary of 1,000,000 vertices, mostly collinear, reads and checks in
// seconds (the validity check was quadratic on such runs and did not
// finish in 300 s); a crossing among them is found and located.
func TestValidMillionVertices(t *testing.T) {
	l, err := ReadGeoJSONLayer(squareGeoJSON(1_000_000, false), "square.geojson")
	if err != nil {
		t.Fatal(err)
	}
	a, err := l.Areas(ReadOptions{Key: "id"})
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Geoms[0][0][0]) != 1_000_001 || a.planeM2(0) != 1e6 {
		t.Errorf("%d vertices, %v m²", len(a.Geoms[0][0][0]), a.planeM2(0))
	}

	l, err = ReadGeoJSONLayer(squareGeoJSON(1_000_000, true), "spike.geojson")
	if err != nil {
		t.Fatal(err)
	}
	_, err = l.Areas(ReadOptions{Key: "id"})
	const want = `spike.geojson: feature 1 (key "01"): "geometry": not a valid polygon: polygon 1, ring 1, a ring crosses or touches itself near (`
	if err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Fatalf("error\n  %v\nwant prefix\n  %s", err, want)
	}
	var x, y float64
	if _, err := fmt.Sscanf(strings.TrimPrefix(err.Error(), want), "%g, %g)", &x, &y); err != nil || math.Hypot(x-372500, y-5641000) > 0.01 {
		t.Errorf("located at (%v, %v), want within 1 cm of (372500, 5641000) (%v)", x, y, err)
	}
}

// sfRule names the rule a simplefeatures validation error reports.
func sfRule(err error) string {
	if err == nil {
		return "valid"
	}
	for _, r := range []string{"polygon ring not simple", "polygon rings intersect at multiple points", "polygon has nested rings", "polygon interior ring outside of exterior ring", "polygon has disconnected interior", "multipolygon child polygons touch at multiple points"} {
		if strings.Contains(err.Error(), r) {
			return r
		}
	}
	return err.Error()
}

// rule names the simplefeatures rule that a validPolygon error reports.
func rule(err error) string {
	if err == nil {
		return "valid"
	}
	for _, r := range [][2]string{
		{"a ring crosses or touches itself", "polygon ring not simple"},
		{"rings of the polygon cross", "polygon rings intersect at multiple points"},
		{"inside another hole", "polygon has nested rings"},
		{"lies outside its polygon", "polygon interior ring outside of exterior ring"},
		{"closed chain", "polygon has disconnected interior"},
		{"parts of the multipolygon", "multipolygon child polygons touch at multiple points"},
	} {
		if strings.Contains(err.Error(), r[0]) {
			return r[1]
		}
	}
	return err.Error()
}

// holeOutside reports whether a hole has a vertex outside its shell.
// simplefeatures misses such a hole when its first vertex lies on the
// shell, since it tests only that one.
func holeOutside(mp orb.MultiPolygon) bool {
	for _, p := range mp {
		for _, h := range p[1:] {
			for _, pt := range h {
				if pointInRing(pt, p[0]) < 0 {
					return true
				}
			}
		}
	}
	return false
}

// sameAsSimplefeatures checks validPolygon against simplefeatures on mp:
// the same verdict and the same rule broken. Two exceptions: a hole
// outside its shell that simplefeatures misses, and a hole in a hole
// that also meets it, where either may name one rule and the other the
// other.
func sameAsSimplefeatures(t *testing.T, mp orb.MultiPolygon) bool {
	t.Helper()
	want, got := toSF(mp).Validate(), validPolygon(mp)
	if holeOutside(mp) {
		if got == nil {
			t.Errorf("%v: a hole lies outside, but planatlas finds the polygon valid", mp)
			return false
		}
		return true
	}
	both := map[string]bool{sfRule(want): true, rule(got): true}
	if (want == nil) != (got == nil) || len(both) > 1 && !(both["polygon has nested rings"] && both["polygon rings intersect at multiple points"]) {
		t.Errorf("%v:\n  simplefeatures: %v\n  planatlas: %v", mp, want, got)
		return false
	}
	return true
}

// On random polygons whose vertices lie on a small lattice, so that
// vertices coincide, touch edges and line up, validPolygon judges as
// simplefeatures did: squares with holes, islands and collinear
// vertices (often valid), and rings of random vertices (rarely valid).
func TestValidPolygonAsSimplefeatures(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	rect := func(size int) orb.Ring {
		x, y := float64(r.IntN(size)), float64(r.IntN(size))
		X, Y := x+float64(1+r.IntN(size)), y+float64(1+r.IntN(size))
		switch r.IntN(4) {
		case 0:
			return ring(x, y, (x+X)/2, y, X, y, X, Y, x, Y, x, (y+Y)/2)
		case 1:
			return ring(x, y, X, y, x, Y)
		}
		return ring(x, y, X, y, X, Y, x, Y)
	}
	random := func(n, size int) orb.Ring {
		var xy []float64
		for range 2 * n {
			xy = append(xy, float64(r.IntN(size)))
		}
		return ring(xy...)
	}
	valid, failed := 0, 0
	for it := range 40000 {
		var mp orb.MultiPolygon
		for range 1 + r.IntN(3) {
			var p orb.Polygon
			if it%2 == 0 {
				p = orb.Polygon{rect(6)}
				for range r.IntN(3) {
					p = append(p, rect(4))
				}
			} else {
				p = orb.Polygon{random(3+r.IntN(8), 3+r.IntN(6))}
				for range r.IntN(3) {
					p = append(p, random(3+r.IntN(3), 3+r.IntN(6)))
				}
			}
			mp = append(mp, p)
		}
		mp, _ = removeRepeats(mp)
		if mp, _ = dropEmptyParts(mp); len(mp) == 0 {
			continue
		}
		mp = orient(mp)
		if !sameAsSimplefeatures(t, mp) {
			if failed++; failed == 10 {
				t.FailNow()
			}
		}
		if validPolygon(mp) == nil {
			valid++
		}
	}
	t.Logf("%d valid", valid)
}

// Berlin's planning areas, and their neighbours taken two by two as one
// multipolygon (sharing an edge), as read and simplified (which makes
// some invalid), are judged as simplefeatures did.
func TestValidPolygonBerlinAsSimplefeatures(t *testing.T) {
	for name, a := range berlinLayers(t) {
		for _, geoms := range [][]orb.MultiPolygon{a.Geoms, a.Simplify(25)} {
			invalid := 0
			for i, g := range geoms {
				sameAsSimplefeatures(t, orient(g))
				if i > 0 {
					sameAsSimplefeatures(t, orient(append(append(orb.MultiPolygon{}, geoms[i-1]...), g...)))
				}
				if validPolygon(orient(g)) != nil {
					invalid++
				}
			}
			t.Logf("%s: %d areas, %d invalid", name, len(geoms), invalid)
		}
	}
}
