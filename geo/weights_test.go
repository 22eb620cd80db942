package geo

import (
	"bytes"
	"fmt"
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/paulmach/orb"
)

// gridAreas makes nx × ny unit squares of side metres, keys "r<row>c<col>"
// in row-major order, in UTM 33.
func gridAreas(nx, ny int, side float64) *Areas {
	a := &Areas{CRS: UTM33}
	for r := 0; r < ny; r++ {
		for c := 0; c < nx; c++ {
			x, y := 300000+float64(c)*side, 5600000+float64(r)*side
			a.Keys = append(a.Keys, fmt.Sprintf("r%02dc%02d", r, c))
			a.Names = append(a.Names, "")
			a.Parents = append(a.Parents, "")
			a.ParentNames = append(a.ParentNames, "")
			a.Geoms = append(a.Geoms, orb.MultiPolygon{{{{x, y}, {x + side, y}, {x + side, y + side}, {x, y + side}, {x, y}}}})
			a.features = append(a.features, len(a.Keys))
		}
	}
	return a
}

// On a regular grid the neighbour counts are known: queen 3/5/8, rook
// 2/3/4, four nearest neighbours the rook ones (ties broken by order),
// the distance band of one side the rook ones and of √2 sides the queen.
func TestGridWeights(t *testing.T) {
	a := gridAreas(5, 4, 100)
	count := func(nb Neighbours) string {
		var s []string
		for _, n := range nb {
			s = append(s, fmt.Sprint(len(n)))
		}
		return strings.Join(s, "")
	}
	queen := Queen(a, 0.1)
	rook := Rook(a, 0.1)
	knn, err := KNearest(a, 4)
	if err != nil {
		t.Fatal(err)
	}
	band1, _ := DistanceBand(a, 100)
	band2, _ := DistanceBand(a, 100*math.Sqrt2+1e-6)
	tests := []struct {
		name string
		nb   Neighbours
		want string
	}{
		{"queen", queen, "35553" + "58885" + "58885" + "35553"},
		{"rook", rook, "23332" + "34443" + "34443" + "23332"},
		{"knn4", knn, strings.Repeat("4", 20)},
		{"band 100", band1, "23332" + "34443" + "34443" + "23332"},
		{"band 141", band2, "35553" + "58885" + "58885" + "35553"},
	}
	for _, tc := range tests {
		if got := count(tc.nb); got != tc.want {
			t.Errorf("%s: counts %s, want %s", tc.name, got, tc.want)
		}
	}
	if neighbourString(a.Keys, rook) != neighbourString(a.Keys, band1) {
		t.Errorf("rook and the 100 m band differ")
	}
	// The interior area r01c01 (index 6): its four nearest are its rook
	// neighbours; the corner r00c00 takes r00c01, r01c00 and then, of the
	// four at √2·100 m or 200 m, the diagonal r01c01 and the next in order.
	if got := fmt.Sprint(knn[6]); got != "[1 5 7 11]" {
		t.Errorf("knn of r01c01: %s", got)
	}
	if got := fmt.Sprint(knn[0]); got != "[1 2 5 6]" {
		t.Errorf("knn of r00c00: %s", got)
	}
	if _, err := KNearest(a, 20); err == nil {
		t.Error("k = n accepted")
	}
}

func TestWeightsStyles(t *testing.T) {
	a := gridAreas(3, 1, 100)
	a.Keys = append(a.Keys, "island")
	a.Names = append(a.Names, "")
	a.Parents = append(a.Parents, "")
	a.ParentNames = append(a.ParentNames, "")
	a.Geoms = append(a.Geoms, orb.MultiPolygon{{{{0, 0}, {1, 0}, {1, 1}, {0, 1}, {0, 0}}}})
	a.features = append(a.features, 4)
	w := NewWeights(a.Keys, Queen(a, 0.1), "queen", RowStandardised)
	if got := fmt.Sprint(w.Values); got != "[[1] [0.5 0.5] [1] []]" {
		t.Errorf("W: %s", got)
	}
	if got := fmt.Sprint(w.WithStyle(Binary).Values); got != "[[1] [1 1] [1] []]" {
		t.Errorf("B: %s", got)
	}
	if got := fmt.Sprint(w.Components()); got != "[[0 1 2] [3]]" {
		t.Errorf("components %s", got)
	}
	if !w.WithStyle(Binary).Symmetric() || w.Symmetric() {
		t.Error("symmetry")
	}
	want := "queen, style W: 4 areas, 4 links, 1.00 neighbours on average, 1 island(s), 2 component(s)"
	if got := w.Summary(); got != want {
		t.Errorf("summary\n  %s\nwant\n  %s", got, want)
	}
}

// GAL and GWT files written are read back to the same weights, and the
// text is what GeoDa writes.
func TestGALGWTRoundTrip(t *testing.T) {
	a := gridAreas(3, 2, 100)
	a.Keys = []string{"01", "02", "03", "04", "05", "06"}
	w := NewWeights(a.Keys, Rook(a, 0.1), "rook", RowStandardised)
	var gal, gwt bytes.Buffer
	if err := WriteGAL(&gal, w, "areas", "key"); err != nil {
		t.Fatal(err)
	}
	wantGAL := "0 6 areas key\n01 2\n02 04\n02 3\n01 03 05\n03 2\n02 06\n04 2\n01 05\n05 3\n02 04 06\n06 2\n03 05\n"
	if gal.String() != wantGAL {
		t.Errorf("GAL\n%s\nwant\n%s", gal.String(), wantGAL)
	}
	if err := WriteGWT(&gwt, w, "areas", "key"); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(gwt.String(), "0 6 areas key\n01 02 0.5\n01 04 0.5\n02 01 0.3333333333333333\n") {
		t.Errorf("GWT\n%s", gwt.String())
	}
	back, err := ReadGAL(strings.NewReader(gal.String()), "w.gal", a.Keys, RowStandardised)
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(back.Neighbours, back.Values) != fmt.Sprint(w.Neighbours, w.Values) {
		t.Errorf("GAL read back %v", back.Values)
	}
	back, err = ReadGWT(strings.NewReader(gwt.String()), "w.gwt", a.Keys, Binary)
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(back.Neighbours, back.Values) != fmt.Sprint(w.Neighbours, w.Values) {
		t.Errorf("GWT read back %v", back.Values)
	}
}

func TestReadGALErrors(t *testing.T) {
	keys := []string{"01", "02", "03"}
	tests := []struct{ file, want string }{
		{"", "w.gal: the weights file is empty"},
		{"0 4 x id\n", "w.gal:1: the file is for 4 areas, the plan has 3"},
		{"3\n01 1\n02\n02 1\n1\n", `w.gal:5: area "1" is not one of the planning areas (the areas have "01": were leading zeros lost?)`},
		{"3\n01 2\n02\n", `w.gal:3: area "01" should have 2 neighbours, the line lists 1`},
		{"3\n01 1\n02\n02 1\n01\n", `w.gal: 1 area(s) have no entry: "03"`},
		{"3\n01 1\n02\n01 1\n02\n", `w.gal:4: area "01" has a second entry`},
		{"3\n01 2\n02 02\n", `w.gal:3: area "01" lists the neighbour "02" twice: list it once`},
		{"3\n01 1\n01\n", `w.gal:3: area "01" lists itself as its neighbour: spatial statistics take an area's own value apart, remove it from the list`},
	}
	for _, tc := range tests {
		_, err := ReadGAL(strings.NewReader(tc.file), "w.gal", keys, RowStandardised)
		if err == nil || err.Error() != tc.want {
			t.Errorf("%q:\n  %v\nwant\n  %s", tc.file, err, tc.want)
		}
	}
}

func TestReadGWTErrors(t *testing.T) {
	keys := []string{"01", "02", "03"}
	tests := []struct{ file, want string }{
		{"3\n01 02 1\n01 03 1\n01 02 0.5\n", `w.gwt:4: the link 01 → 02 appears twice (first on line 2): keep one of them`},
		{"3\n01 02 -1\n", `w.gwt:2: "-1" is not a weight: weights are numbers of at least 0`},
		{"3\n01 02 Inf\n", `w.gwt:2: "Inf" is not a weight: weights are numbers of at least 0`},
		{"3\n01 02 NaN\n", `w.gwt:2: "NaN" is not a weight: weights are numbers of at least 0`},
		{"3\n01 01 1\n", `w.gwt:2: area "01" is linked to itself: spatial statistics take an area's own value apart, remove the line`},
		{"3\n01 " + strings.Repeat("9", 100) + " 1\n", `w.gwt:2: area "` + strings.Repeat("9", 60) + `…" is not one of the planning areas`},
		{"3\n01 02\n", `w.gwt:2: expected "key neighbourkey weight", found "01 02"`},
	}
	for _, tc := range tests {
		_, err := ReadGWT(strings.NewReader(tc.file), "w.gwt", keys, Binary)
		if err == nil || err.Error() != tc.want {
			t.Errorf("%q:\n  %v\nwant\n  %s", tc.file, err, tc.want)
		}
	}
}

// An area linked to 200,000 others in a GWT file (a hostile or careless
// export) is read in time proportional to its links, not their square.
func TestReadGWTManyLinks(t *testing.T) {
	const n = 200001
	keys := make([]string, n)
	var b strings.Builder
	fmt.Fprintf(&b, "%d\n", n)
	for i := range keys {
		keys[i] = strconv.Itoa(i)
		if i > 0 {
			fmt.Fprintf(&b, "0 %d 1\n", i)
		}
	}
	w, err := ReadGWT(strings.NewReader(b.String()), "w.gwt", keys, Binary)
	if err != nil {
		t.Fatal(err)
	}
	if len(w.Neighbours[0]) != n-1 || w.Neighbours[0][n-2] != n-1 {
		t.Errorf("area 0 has %d neighbours", len(w.Neighbours[0]))
	}
}

// The label point of a U-shaped area lies inside it, where its centroid
// does not.
func TestLabelPoint(t *testing.T) {
	u := orb.MultiPolygon{{{{0, 0}, {30, 0}, {30, 30}, {20, 30}, {20, 10}, {10, 10}, {10, 30}, {0, 30}, {0, 0}}}}
	p := labelPoint(u)
	if p != (orb.Point{5, 20}) {
		t.Errorf("label point %v, want (5, 20)", p)
	}
	holed := orb.MultiPolygon{{{{0, 0}, {10, 0}, {10, 10}, {0, 10}, {0, 0}}, {{2, 2}, {2, 8}, {8, 8}, {8, 2}, {2, 2}}}}
	if p := labelPoint(holed); p != (orb.Point{1, 5}) {
		t.Errorf("label point of a ring %v, want (1, 5)", p)
	}
}

// A weight of 0 is no link: an area with only such lines is an island,
// not a row of zeros that row-standardising would divide by.
func TestReadGWTZeroWeights(t *testing.T) {
	keys := []string{"01", "02", "03"}
	w, err := ReadGWT(strings.NewReader("3\n01 02 0\n02 03 2\n03 02 0.5\n"), "w.gwt", keys, RowStandardised)
	if err != nil {
		t.Fatal(err)
	}
	if got := fmt.Sprint(w.Neighbours, w.Values); got != "[[] [2] [1]] [[] [1] [1]]" {
		t.Errorf("weights %s", got)
	}
}
