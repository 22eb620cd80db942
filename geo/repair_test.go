package geo

import (
	"bufio"
	"math"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/paulmach/orb"
	"github.com/peterstace/simplefeatures/geom"
)

// readTSV reads a tab-separated file with a header line, skipping lines
// that start with "#", as rows keyed by the first column.
func readTSV(t *testing.T, name string) (header []string, rows [][]string) {
	t.Helper()
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if header == nil {
			header = strings.Split(line, "\t")
			continue
		}
		rows = append(rows, strings.Split(line, "\t"))
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return header, rows
}

// wktMultiPolygon parses a (possibly invalid) polygon or multipolygon.
func wktMultiPolygon(t *testing.T, wkt string) orb.MultiPolygon {
	t.Helper()
	g, err := geom.UnmarshalWKT(wkt, geom.NoValidate{})
	if err != nil {
		t.Fatal(err)
	}
	mp, ok := fromSF(g)
	if !ok {
		t.Fatalf("%s: not polygonal", wkt)
	}
	return mp
}

// TestRepairAgainstGEOS repairs the cases of testdata/repair/cases.tsv
// with Repair (structure method) and RepairLinework and compares area
// and number of polygons with GEOS's MakeValid by the same method, as
// recorded by makevalid.R.
func TestRepairAgainstGEOS(t *testing.T) {
	methods := []struct {
		name string
		col  int // of the area in makevalid.tsv; the parts follow
		fix  func(orb.MultiPolygon) (orb.MultiPolygon, bool, error)
	}{
		{"structure", 4, Repair},
		{"linework", 2, RepairLinework},
	}
	for _, m := range methods {
		t.Run(m.name, func(t *testing.T) { repairAgainstGEOS(t, m.col, m.fix) })
	}
}

func repairAgainstGEOS(t *testing.T, col int, fix func(orb.MultiPolygon) (orb.MultiPolygon, bool, error)) {
	_, cases := readTSV(t, "testdata/repair/cases.tsv")
	_, refs := readTSV(t, "testdata/repair/makevalid.tsv")
	ref := map[string][]string{}
	for _, r := range refs {
		ref[r[0]] = r
	}
	if len(cases) != len(refs) {
		t.Fatalf("%d cases, %d reference rows: re-run makevalid.R", len(cases), len(refs))
	}
	for _, c := range cases {
		t.Run(c[0], func(t *testing.T) {
			r := ref[c[0]]
			if r == nil {
				t.Fatal("no reference row")
			}
			wantArea, _ := strconv.ParseFloat(r[col], 64)
			wantParts, _ := strconv.Atoi(r[col+1])
			in := wktMultiPolygon(t, c[1])
			out, changed, err := fix(in)
			if err != nil {
				t.Fatal(err)
			}
			if err := validPolygon(out); err != nil {
				t.Errorf("result not valid: %v", err)
			}
			if got := multiPolygonArea(out); math.Abs(got-wantArea) > 1e-9*wantArea {
				t.Errorf("area %.17g, GEOS %.17g", got, wantArea)
			}
			if len(out) != wantParts {
				t.Errorf("%d polygons, GEOS %d: %v", len(out), wantParts, out)
			}
			if r[1] == "FALSE" && !changed {
				t.Error("invalid input reported unchanged")
			}
		})
	}
}

// TestRepairKeepsValid checks that valid, oriented input comes back
// unchanged, and that a valid polygon whose hole touches its shell at a
// point (valid in OGC) is not split.
func TestRepairKeepsValid(t *testing.T) {
	tests := []struct {
		name, wkt string
		changed   bool
	}{
		{"square", "POLYGON((0 0,10 0,10 10,0 10,0 0))", false},
		{"hole touches shell", "POLYGON((0 0,10 0,10 10,0 10,0 0),(5 0,3 3,7 3,5 0))", false},
		{"clockwise", "POLYGON((0 0,0 10,10 10,10 0,0 0))", true},
		{"repeated vertex", "POLYGON((0 0,10 0,10 0,10 10,0 10,0 0))", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			in := wktMultiPolygon(t, tc.wkt)
			out, changed, err := Repair(in)
			if err != nil || changed != tc.changed {
				t.Fatalf("changed %v (want %v), err %v", changed, tc.changed, err)
			}
			if !changed && !sameMultiPolygon(in, out) {
				t.Errorf("got %v", out)
			}
			if len(out) != 1 || len(out[0]) != len(in[0]) {
				t.Errorf("rings changed: %v", out)
			}
		})
	}
}

func TestSplitLoops(t *testing.T) {
	// A ring through (2,2) twice: two lobes.
	v := []orb.Point{{0, 0}, {2, 0}, {2, 2}, {4, 2}, {4, 4}, {2, 4}, {2, 2}, {0, 2}}
	loops := splitLoops(v)
	if len(loops) != 2 || len(loops[0]) != 5 || len(loops[1]) != 5 {
		t.Errorf("loops %v", loops)
	}
	// A bow tie is noded at its crossing, then splits in two.
	bow := nodeRings([][]orb.Point{{{0, 0}, {2, 2}, {2, 0}, {0, 2}}})[0]
	if len(bow) != 6 || bow[1] != (orb.Point{1, 1}) || bow[4] != (orb.Point{1, 1}) {
		t.Errorf("noded bow tie %v", bow)
	}
	if l := splitLoops(bow); len(l) != 2 {
		t.Errorf("bow tie loops %v", l)
	}
}
