package geo

import (
	"encoding/csv"
	"fmt"
	"math"
	"os"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/paulmach/orb"
)

func rect(x0, y0, x1, y1 float64) orb.MultiPolygon {
	return orb.MultiPolygon{{{{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}, {x0, y0}}}}
}

func testAreas(keys []string, geoms ...orb.MultiPolygon) *Areas {
	return &Areas{CRS: UTM33, Keys: keys, Geoms: geoms}
}

func near(a, b float64) bool { return math.Abs(a-b) <= 1e-9*math.Max(1, math.Abs(b)) }

// Two old squares A and B of 100 m × 100 m side by side; three new
// rectangles: N1 is A, N2 and N3 split B at y = 40.
func TestCrosswalkSynthetic(t *testing.T) {
	old := testAreas([]string{"A", "B"}, rect(0, 0, 100, 100), rect(100, 0, 200, 100))
	cur := testAreas([]string{"N1", "N2", "N3"}, rect(0, 0, 100, 100), rect(100, 0, 200, 40), rect(100, 40, 200, 100))
	x, err := Crosswalk(old, cur, 0)
	if err != nil {
		t.Fatal(err)
	}
	want := []CrosswalkRow{
		{"A", "N1", 10000, 1, 1, true},
		{"B", "N2", 4000, 0.4, 1, false},
		{"B", "N3", 6000, 0.6, 1, false},
	}
	if len(x.Rows) != len(want) {
		t.Fatalf("rows %+v", x.Rows)
	}
	for k, w := range want {
		r := x.Rows[k]
		if r.Old != w.Old || r.New != w.New || !near(r.AreaM2, w.AreaM2) || !near(r.OldShare, w.OldShare) || !near(r.NewShare, w.NewShare) || r.Exact != w.Exact {
			t.Errorf("row %d: %+v, want %+v", k, r, w)
		}
	}
	vals := map[string]float64{"A": 100, "B": 60}
	// By area: B's 60 go 40 % / 60 %.
	check := func(name string, got, want map[string]float64) {
		t.Helper()
		for k, w := range want {
			if !near(got[k], w) {
				t.Errorf("%s: %s = %g, want %g", name, k, got[k], w)
			}
		}
	}
	check("area", x.Extensive(vals, nil), map[string]float64{"N1": 100, "N2": 24, "N3": 36})
	// Target density: weights 30 on N2 and 10 on N3, each wholly in B:
	// B's 60 go 30/40 and 10/40.
	check("density", x.Extensive(vals, map[string]float64{"N1": 5, "N2": 30, "N3": 10}), map[string]float64{"N1": 100, "N2": 45, "N3": 15})
	var b strings.Builder
	if err := x.WriteCSV(&b, map[string]float64{"N1": 5, "N2": 30, "N3": 10}); err != nil {
		t.Fatal(err)
	}
	wantCSV := "old_key,new_key,area_m2,area_share,weight_share,status\n" +
		"A,N1,10000.0,1.000000,1.000000,exact\n" +
		"B,N2,4000.0,0.400000,0.750000,estimated\n" +
		"B,N3,6000.0,0.600000,0.250000,estimated\n"
	if b.String() != wantCSV {
		t.Errorf("crosswalk.csv\n%s\nwant\n%s", b.String(), wantCSV)
	}
	if e := x.Estimated(); len(e) != 2 || !e["N2"] || !e["N3"] {
		t.Errorf("estimated %v", e)
	}

	// New areas that straddle the old border: M1 = left half of A, M2 =
	// right half of A and left half of B, M3 = right half of B. With
	// weights 10, 40, 20 on M1..M3, A's pieces weigh 10·1 and 40·0.5 = 20,
	// B's 40·0.5 = 20 and 20·1.
	cur2 := testAreas([]string{"M1", "M2", "M3"}, rect(0, 0, 50, 100), rect(50, 0, 150, 100), rect(150, 0, 200, 100))
	x2, err := Crosswalk(old, cur2, 0)
	if err != nil {
		t.Fatal(err)
	}
	check("area 2", x2.Extensive(vals, nil), map[string]float64{"M1": 50, "M2": 80, "M3": 30})
	check("density 2", x2.Extensive(vals, map[string]float64{"M1": 10, "M2": 40, "M3": 20}),
		map[string]float64{"M1": 100.0 / 3, "M2": 200.0/3 + 30, "M3": 30})

	// One new area that is the union of both: exact. A sliver of 0.5 m²
	// of a third new area overlapping B is dropped.
	cur3 := testAreas([]string{"U", "S"}, rect(0, 0, 200, 100), rect(199.5, 0, 300, 1))
	x3, err := Crosswalk(old, cur3, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(x3.Rows) != 2 || !x3.Rows[0].Exact || !x3.Rows[1].Exact || x3.Slivers != 1 || !near(x3.SliverM2, 0.5) {
		t.Errorf("union: %+v, slivers %d (%g m²)", x3.Rows, x3.Slivers, x3.SliverM2)
	}
	// S lies outside the old layer but for the sliver: it is uncovered.
	if len(x3.Uncovered) != 1 || x3.Uncovered[0] != "S" || x3.NewCovered[1] != 0 || !near(x3.NewCovered[0], 1) || !near(x3.OldCovered[1], 1) {
		t.Errorf("uncovered %v, covered new %v old %v", x3.Uncovered, x3.NewCovered, x3.OldCovered)
	}
	check("union", x3.Extensive(vals, nil), map[string]float64{"U": 160})
}

// berlinOldNew reads Berlin's planning areas until 2020 and from 2021
// (542). The 2019 GeoJSON gives the key 06010102 (Schloßstraße, Steglitz)
// to two features; the one in Charlottenburg is 04030417 (Schloßstraße
// too), the one key the population has and the layer lacks. With fix,
// that feature gets its key back (448 areas); without, the two are merged
// (447).
func berlinOldNew(t testing.TB, fix bool) (old, cur *Areas) {
	t.Helper()
	l, err := ReadGeoJSONLayer(readLOR2019(t), "lor2019.geojson")
	if err != nil {
		t.Fatal(err)
	}
	opt := ReadOptions{Key: "id", Name: "name", MergeDuplicates: !fix}
	if fix {
		// Feature 124 is Charlottenburg's Schloßstraße (west of 13.30°E),
		// not Steglitz's.
		opt.Corrections = []KeyCorrection{{Feature: 124, From: "06010102", To: "04030417"}}
		if b := l.Features[123].Geom.Bound(); !(b.Min[0] < 13.30) {
			t.Fatalf("feature 124 lies at %v", b)
		}
	}
	if old, err = l.Areas(opt); err != nil {
		t.Fatal(err)
	}
	l, err = ReadShapefileLayer(readShapefileParts(t, lor2021Shapefile(t)), "lor_planungsraeume_2021.shp")
	if err != nil {
		t.Fatal(err)
	}
	if cur, err = l.Areas(ReadOptions{Key: "PLR_ID", Name: "PLR_NAME"}); err != nil {
		t.Fatal(err)
	}
	return old, cur
}

// readPopulation reads one column of a population CSV by area key.
func readPopulation(t testing.TB, path, column string) map[string]float64 {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := -1
	for c, h := range recs[0] {
		if h == column {
			col = c
		}
	}
	if col < 0 {
		t.Fatalf("%s: no column %s", path, column)
	}
	out := make(map[string]float64)
	for _, r := range recs[1:] {
		v, err := strconv.ParseFloat(r[col], 64)
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		out[r[0]] += v
	}
	return out
}

func bezirkTotals(m map[string]float64) map[string]float64 {
	out := make(map[string]float64)
	for k, v := range m {
		out[k[:2]] += v
	}
	return out
}

// Re-basing Berlin's residents of 31 Dec 2020 from the 447 old planning
// areas onto the 542 new ones keeps the city's total and each Bezirk's
// total (the first two digits of the key in both systems).
func TestCrosswalkBerlin(t *testing.T) {
	if testing.Short() {
		t.Skip("overlays 448 × 542 areas")
	}
	old, cur, x := berlinCrosswalk(t)
	if old.Len() != 448 {
		t.Errorf("%d old areas", old.Len())
	}
	exact := len(cur.Keys) - len(x.Estimated())
	t.Logf("%d pieces, %d slivers dropped (%.1f m²), %d of %d new areas exact, lost %v, uncovered %v",
		len(x.Rows), x.Slivers, x.SliverM2, exact, len(cur.Keys), x.Lost, x.Uncovered)
	if len(x.Lost) > 0 || len(x.Uncovered) > 0 {
		t.Errorf("lost %v, uncovered %v", x.Lost, x.Uncovered)
	}
	// The slivers dropped take at most 1.2 % of a new area (strips along
	// streets that the two layers drew on different sides).
	for j, c := range x.NewCovered {
		if c < 0.98 {
			t.Errorf("new area %s covered to %.4f", x.NewKeys[j], c)
		}
	}
	pop := readPopulation(t, berlinData+"/berlin-lor-population-2020-12-age.csv", "inhabitants")
	got := x.Extensive(pop, nil)
	var total, rebased float64
	for _, v := range pop {
		total += v
	}
	for _, v := range got {
		rebased += v
	}
	if math.Abs(total-rebased) > 1e-6 {
		t.Errorf("city total %f, re-based %f", total, rebased)
	}
	want, have := bezirkTotals(pop), bezirkTotals(got)
	var bez []string
	for b := range want {
		bez = append(bez, b)
	}
	sort.Strings(bez)
	for _, b := range bez {
		if d := have[b] - want[b]; math.Abs(d) > 1e-6 {
			t.Errorf("Bezirk %s: re-based %.6f, published %.0f (%+.6f)", b, have[b], want[b], d)
		}
	}
	// Merging the two features keyed 06010102 instead (duplicates: merge)
	// loses 04030417's residents and moves them into Steglitz's count:
	// logged, for the record.
	mold, _ := berlinOldNew(t, false)
	mx, err := Crosswalk(mold, cur, 0)
	if err != nil {
		t.Fatal(err)
	}
	mgot := bezirkTotals(mx.Extensive(pop, nil))
	for _, b := range bez {
		if d := mgot[b] - want[b]; math.Abs(d) > 1e-6 {
			t.Logf("with duplicates merged: Bezirk %s re-based %.1f, published %.0f (%+.1f)", b, mgot[b], want[b], d)
		}
	}
	// Pieces that cross a Bezirk border.
	for _, r := range x.Rows {
		if r.Old[:2] != r.New[:2] {
			t.Errorf("old %s → new %s: %.1f m² (%.4f %% of the old area)", r.Old, r.New, r.AreaM2, 100*r.OldShare)
		}
	}
}

// percentile returns the p-th percentile (0..100) of xs by linear
// interpolation between order statistics.
func percentile(xs []float64, p float64) float64 {
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	if len(s) == 0 {
		return math.NaN()
	}
	r := p / 100 * float64(len(s)-1)
	lo := int(math.Floor(r))
	if lo+1 >= len(s) {
		return s[len(s)-1]
	}
	return s[lo] + (r-float64(lo))*(s[lo+1]-s[lo])
}

// apes returns the absolute percentage errors of est against obs per new
// key (areas with obs = 0 left out), for all areas, the estimated and the
// exact ones.
func apes(est, obs map[string]float64, estimated map[string]bool) (all, estOnly, exact []float64) {
	for k, o := range obs {
		if o == 0 {
			continue
		}
		e := 100 * math.Abs(est[k]-o) / o
		all = append(all, e)
		if estimated[k] {
			estOnly = append(estOnly, e)
		} else {
			exact = append(exact, e)
		}
	}
	return all, estOnly, exact
}

// The accuracy of re-basing on real data: Berlin's residents of 31 Dec
// 2020 on the old areas, re-based onto the new ones, against the residents
// published on the new areas for 30 Jun 2021, by area weighting and by
// target-density weighting with the residents of 31 Dec 2021 (not of the
// date compared) as weights; the same for children under 6. For scale,
// "no change" compares 30 Jun 2021 with 31 Dec 2021 on the new areas:
// the half year's real change. The figures are logged (go test -v).
func TestCrosswalkBerlinAccuracy(t *testing.T) {
	if testing.Short() {
		t.Skip("overlays 448 × 542 areas")
	}
	_, cur, x := berlinCrosswalk(t)
	estimated := x.Estimated()
	const (
		dec20 = berlinData + "/berlin-lor-population-2020-12-age.csv"
		jun21 = "testdata/population/berlin-lor-population-2021-06-age.csv"
		dec21 = berlinData + "/berlin-lor-population-2021-12-age.csv"
	)
	var lines []string
	row := func(label string, est, obs map[string]float64) (median float64) {
		all, e, x := apes(est, obs, estimated)
		lines = append(lines, fmt.Sprintf("%-44s %7.2f %7.2f   %7.2f %7.2f   %7.2f %7.2f", label,
			percentile(all, 50), percentile(all, 90), percentile(e, 50), percentile(e, 90), percentile(x, 50), percentile(x, 90)))
		return percentile(all, 50)
	}
	for _, col := range []string{"inhabitants", "inhabitants_age_below_6"} {
		v20 := readPopulation(t, dec20, col)
		obs := readPopulation(t, jun21, col)
		w := readPopulation(t, dec21, col)
		lines = append(lines, col)
		area := row("  area weighting", x.Extensive(v20, nil), obs)
		dens := row("  target density (weights: same, 31 Dec 2021)", x.Extensive(v20, w), obs)
		if col != "inhabitants" {
			row("  target density (weights: residents 2021)", x.Extensive(v20, readPopulation(t, dec21, "inhabitants")), obs)
		}
		row("  no change: 31 Dec 2021 for 30 Jun 2021", w, obs)
		if !(dens < area) {
			t.Errorf("%s: target density's median error %.2f %% not below area weighting's %.2f %%", col, dens, area)
		}
	}
	t.Logf("%d of %d new areas estimated; absolute percentage error per new area\n%-44s %7s %7s   %7s %7s   %7s %7s\n%s",
		len(estimated), len(cur.Keys), "", "median", "P90", "est.med", "est.P90", "ex.med", "ex.P90", strings.Join(lines, "\n"))
}

// TestCrosswalkAgainstSF compares the overlay's pieces with R sf's
// st_intersection on the same two layers (testdata/peers/sf_interpolate_aw.R,
// with the 2019 file's key corrected): every piece planatlas keeps is a
// pair sf finds, with the same area; the pairs planatlas drops are
// slivers.
func TestCrosswalkAgainstSF(t *testing.T) {
	_, _, cw := berlinCrosswalk(t)
	b, err := os.ReadFile("testdata/peers/sf_lor2019relabel_2021_intersections.csv")
	if err != nil {
		t.Fatal(err)
	}
	sf := map[[2]string]float64{}
	for _, l := range strings.Split(strings.TrimSpace(string(b)), "\n")[1:] {
		f := strings.Split(l, ",")
		v, err := strconv.ParseFloat(f[2], 64)
		if err != nil {
			t.Fatal(err)
		}
		sf[[2]string{f[0], f[1]}] = v
	}
	worst := 0.0
	for _, r := range cw.Rows {
		want, ok := sf[[2]string{r.Old, r.New}]
		if !ok {
			t.Errorf("%s → %s: %.1f m² that sf does not find", r.Old, r.New, r.AreaM2)
			continue
		}
		worst = math.Max(worst, math.Abs(r.AreaM2-want)/want)
	}
	// Both project the 2019 layer from WGS84 to UTM 33N (PROJ there,
	// geo's transverse Mercator here), and intersect with other
	// libraries (GEOS there, simplefeatures here): 1e-9 relative.
	if worst > 1e-9 {
		t.Errorf("largest relative difference of a piece's area from sf's: %g", worst)
	}
	// Every pair sf finds is kept or dropped as a sliver, but for pieces
	// of a thousandth of a square metre, which one library may find
	// empty where the other does not.
	tiny := 0
	for _, a := range sf {
		if a < 1e-3 {
			tiny++
		}
	}
	if n := len(sf) - len(cw.Rows) - cw.Slivers; n < 0 || n > tiny {
		t.Errorf("sf has %d pairs (%d below 0.001 m²), planatlas keeps %d and drops %d slivers", len(sf), tiny, len(cw.Rows), cw.Slivers)
	}
	t.Logf("%d pieces kept, largest relative difference from sf's areas %.2g; %d slivers dropped", len(cw.Rows), worst, cw.Slivers)
}

// berlin is the Berlin overlay (the 2019 key corrected), built once for
// the tests that need it: it takes seconds.
var berlin struct {
	once     sync.Once
	old, cur *Areas
	cw       *CrosswalkTable
	err      error
}

func berlinCrosswalk(t *testing.T) (old, cur *Areas, cw *CrosswalkTable) {
	t.Helper()
	berlin.once.Do(func() {
		berlin.old, berlin.cur = berlinOldNew(t, true)
		berlin.cw, berlin.err = Crosswalk(berlin.old, berlin.cur, 0)
	})
	if berlin.err != nil {
		t.Fatal(berlin.err)
	}
	return berlin.old, berlin.cur, berlin.cw
}

// TestAreaWeightedAgainstSF compares plain area weighting with R sf's
// st_interpolate_aw on Berlin's two layers (testdata/peers/
// sf_interpolate_aw.R relabel): residents and children under 6 as counts
// (extensive), their share as an intensive value, per new area to 1e-9.
func TestAreaWeightedAgainstSF(t *testing.T) {
	_, cur, cw := berlinCrosswalk(t)
	const pop = berlinData + "/berlin-lor-population-2020-12-age.csv"
	inh := readPopulation(t, pop, "inhabitants")
	u6 := readPopulation(t, pop, "inhabitants_age_below_6")
	share := map[string]float64{}
	for k, v := range inh {
		share[k] = 100 * u6[k] / v
	}
	got := map[string]map[string]float64{
		"inhabitants":  cw.AreaWeighted(inh, true),
		"under6":       cw.AreaWeighted(u6, true),
		"share_under6": cw.AreaWeighted(share, false),
	}
	b, err := os.ReadFile("testdata/peers/sf_lor2019relabel_to_2021_aw.csv")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	head := strings.Split(lines[0], ",")
	if len(lines)-1 != len(cur.Keys) {
		t.Fatalf("sf has %d new areas, planatlas %d", len(lines)-1, len(cur.Keys))
	}
	worst := map[string]float64{}
	for _, l := range lines[1:] {
		f := strings.Split(l, ",")
		for c := 1; c < len(f); c++ {
			want, err := strconv.ParseFloat(f[c], 64)
			if err != nil {
				t.Fatalf("%s: %v", l, err)
			}
			v, ok := got[head[c]][f[0]]
			if !ok {
				t.Errorf("%s %s: no value, sf %g", f[0], head[c], want)
				continue
			}
			d := math.Abs(v-want) / math.Max(1, math.Abs(want))
			worst[head[c]] = math.Max(worst[head[c]], d)
			if d > 1e-9 {
				t.Errorf("%s %s: %.12g, sf %.12g", f[0], head[c], v, want)
			}
		}
	}
	t.Logf("largest relative difference from st_interpolate_aw: %v", worst)
}

// TestCrosswalkReverse checks that Reverse equals the crosswalk made the
// other way round, for each layout of TestCrosswalkSynthetic and
// Berlin's two layers' pieces, shares and exactness.
func TestCrosswalkReverse(t *testing.T) {
	old := testAreas([]string{"A", "B"}, rect(0, 0, 100, 100), rect(100, 0, 200, 100))
	layouts := []*Areas{
		testAreas([]string{"N1", "N2", "N3"}, rect(0, 0, 100, 100), rect(100, 0, 200, 40), rect(100, 40, 200, 100)),
		testAreas([]string{"M1", "M2", "M3"}, rect(0, 0, 50, 100), rect(50, 0, 150, 100), rect(150, 0, 200, 100)),
		testAreas([]string{"U", "S"}, rect(0, 0, 200, 100), rect(199.5, 0, 300, 1)),
	}
	same := func(name string, got, want *CrosswalkTable) {
		t.Helper()
		if len(got.Rows) != len(want.Rows) || got.Slivers != want.Slivers || strings.Join(got.Lost, ",") != strings.Join(want.Lost, ",") ||
			strings.Join(got.Uncovered, ",") != strings.Join(want.Uncovered, ",") {
			t.Fatalf("%s: %d rows, %d slivers, lost %v, uncovered %v; made the other way: %d, %d, %v, %v", name,
				len(got.Rows), got.Slivers, got.Lost, got.Uncovered, len(want.Rows), want.Slivers, want.Lost, want.Uncovered)
		}
		for k, g := range got.Rows {
			w := want.Rows[k]
			if g.Old != w.Old || g.New != w.New || !near(g.AreaM2, w.AreaM2) || !near(g.OldShare, w.OldShare) || !near(g.NewShare, w.NewShare) || g.Exact != w.Exact {
				t.Errorf("%s row %d: %+v, made the other way %+v", name, k, g, w)
			}
		}
	}
	for i, cur := range layouts {
		x, err := Crosswalk(old, cur, 0)
		if err != nil {
			t.Fatal(err)
		}
		y, err := Crosswalk(cur, old, 0)
		if err != nil {
			t.Fatal(err)
		}
		same(fmt.Sprint("layout ", i+1), x.Reverse(), y)
	}
	_, _, cw := berlinCrosswalk(t)
	// An exact area takes whole old areas, whatever the weights: each
	// of its pieces moves all of its old area's count.
	weights := map[string]float64{}
	for _, k := range cw.NewKeys {
		weights[k] = float64(len(k)%7 + 1) // any positive weights
	}
	for _, shares := range [][]float64{cw.Shares(nil), cw.Shares(weights)} {
		for k, r := range cw.Rows {
			if r.Exact && shares[k] != 1 {
				t.Errorf("exact area %s receives %v of old area %s", r.New, shares[k], r.Old)
			}
		}
	}
	back := cw.Reverse()
	if e := back.Estimated(); len(e) != 106 || len(back.Rows) != len(cw.Rows) {
		t.Errorf("Berlin back to 2019: %d of 448 older areas estimated, %d pieces", len(e), len(back.Rows))
	}
}
