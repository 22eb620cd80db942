package analysis

import (
	"fmt"
	"math"
	"os"
	"slices"
	"testing"
	"time"

	"planatlas/geo"
)

// Every row of conditional draws holds k distinct indices in [0, n − 1),
// also when k is n − 1 (an area neighbouring all others: the rejection
// sampler this replaced never finished for Gi*, which asked for n).
func TestConditionalDrawsDistinct(t *testing.T) {
	for _, tc := range []struct{ n, k, reps int }{
		{2, 1, 50}, {5, 4, 200}, {5, 0, 10}, {40, 39, 200}, {40, 3, 500}, {1000, 8, 100}, {1000, 999, 5},
	} {
		draws := conditionalDraws(tc.n, tc.k, tc.reps, 1)
		if len(draws) != tc.k*tc.reps {
			t.Fatalf("n %d, k %d: %d draws for %d rows", tc.n, tc.k, len(draws), tc.reps)
		}
		seen := make([]int, tc.n-1)
		for r := 0; r < tc.reps; r++ {
			for _, j := range draws[r*tc.k : (r+1)*tc.k] {
				if j < 0 || int(j) >= tc.n-1 || seen[j] == r+1 {
					t.Fatalf("n %d, k %d, row %d: %v", tc.n, tc.k, r, draws[r*tc.k:(r+1)*tc.k])
				}
				seen[j] = r + 1
			}
		}
	}
}

// More draws than there are other areas is a programming error, said at
// once, never a loop.
func TestConditionalDrawsTooMany(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("5 distinct draws from 4 did not panic")
		}
	}()
	conditionalDraws(5, 5, 1, 1)
}

// Each ordered sample of k out of n − 1 is equally likely: the counts of
// 120,000 rows over the 4·3 = 12 ordered pairs and the 4·3·2 = 24 ordered
// triples pass a chi-square test at the 0.1 % level (critical values of
// chi-square with 11 and 23 degrees of freedom: 31.26 and 49.73). The
// seed is fixed, so the test is deterministic.
func TestConditionalDrawsUniform(t *testing.T) {
	for _, tc := range []struct {
		k        int
		cells    int
		critical float64
	}{{2, 12, 31.26}, {3, 24, 49.73}} {
		const n, reps = 5, 120000
		draws := conditionalDraws(n, tc.k, reps, 42)
		counts := map[string]int{}
		for r := 0; r < reps; r++ {
			counts[fmt.Sprint(draws[r*tc.k:(r+1)*tc.k])]++
		}
		if len(counts) != tc.cells {
			t.Fatalf("k %d: %d distinct ordered samples, want %d", tc.k, len(counts), tc.cells)
		}
		e := float64(reps) / float64(tc.cells)
		var chi2 float64
		for _, c := range counts {
			chi2 += (float64(c) - e) * (float64(c) - e) / e
		}
		if chi2 > tc.critical {
			t.Errorf("k %d: chi-square %.2f over %d cells, above %.2f", tc.k, chi2, tc.cells, tc.critical)
		}
	}
}

// below maps a random word to [0, m) by multiply-shift: the extremes of
// the word go to 0 and m − 1, and equal slices of the word to each value.
func TestBelow(t *testing.T) {
	for _, tc := range []struct{ u, m, want uint64 }{
		{0, 7, 0}, {math.MaxUint64, 7, 6}, {1 << 63, 2, 1}, {1<<63 - 1, 2, 0}, {math.MaxUint64, 1, 0}, {1 << 62, 4, 1},
	} {
		if got := below(tc.u, tc.m); got != tc.want {
			t.Errorf("below(%#x, %d) = %d, want %d", tc.u, tc.m, got, tc.want)
		}
	}
}

// within runs f and fails the test if it takes longer than limit: a hang
// shows as a failure naming the case, not as a test binary killed after
// ten minutes.
func within(t *testing.T, limit time.Duration, name string, f func()) time.Duration {
	t.Helper()
	done := make(chan struct{})
	start := time.Now()
	go func() {
		defer close(done)
		f()
	}()
	select {
	case <-done:
		return time.Since(start)
	case <-time.After(limit):
		t.Fatalf("%s: not done after %v", name, limit)
		return 0
	}
}

// fullCase is a weights set some of whose areas neighbour all others.
type fullCase struct {
	name string
	w    *geo.Weights
	x    []float64
	full []int // areas whose neighbours are all the others with equal weights
	// selfLink: the full area is its own neighbour too.
	selfLink bool
	// giFull, if not nil, are Gi*'s full areas: Gi* takes the neighbours
	// with the area itself and weight 1 before the style (spdep's
	// include.self), so general weights become equal ones.
	giFull []int
}

// fullCases returns the star town of testdata/star_town.geojson (a
// centre touched by all eight ring areas; queen and rook), the same as
// weights made directly with one value missing, and a distance band over
// a whole city of 40 areas (every area neighbours every other), row-
// standardised and binary, with general weights that are not equal, and
// with a self-link as a GAL file may have.
func fullCases(t *testing.T) []fullCase {
	t.Helper()
	f, err := os.Open("testdata/star_town.geojson")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	town, err := geo.ReadGeoJSON(f, "star_town.geojson", geo.ReadOptions{Key: "id", Name: "name"})
	if err != nil {
		t.Fatal(err)
	}
	centre := slices.Index(town.Keys, "M")
	xTown := []float64{31.5, 12.0, 18.25, 9.5, 22.0, 40.0, 7.75, 15.0, 26.5}
	var cases []fullCase
	for _, rule := range []string{"queen", "rook"} {
		nb := geo.Queen(town, 0.1)
		if rule == "rook" {
			nb = geo.Rook(town, 0.1)
		}
		cases = append(cases, fullCase{"star town, " + rule, geo.NewWeights(town.Keys, nb, rule, geo.RowStandardised), xTown, []int{centre}, false, nil})
	}

	const n = 40
	keys := make([]string, n)
	x := make([]float64, n)
	all := make(geo.Neighbours, n)
	star := make(geo.Neighbours, n)
	for i := range keys {
		keys[i] = fmt.Sprint(i + 1)
		x[i] = float64((i*17)%41) + 0.5*float64(i%3)
		for j := 0; j < n; j++ {
			if j != i {
				all[i] = append(all[i], j)
			}
		}
		if i > 0 { // the centre 0 and a ring 1, 2, …, n − 1
			star[0] = append(star[0], i)
			star[i] = []int{0, 1 + i%(n-1), 1 + (i+n-3)%(n-1)}
			slices.Sort(star[i])
		}
	}
	indices := make([]int, n)
	for i := range indices {
		indices[i] = i
	}
	xMissing := slices.Clone(x)
	xMissing[7] = math.NaN()
	unequal := geo.NewWeights(keys, all, "inverse distance", geo.Binary)
	for i, row := range unequal.Values {
		for k := range row {
			row[k] = 1 / float64(1+(i+all[i][k])%5)
		}
	}
	selfLink := slices.Clone(star)
	selfLink[0] = append([]int{0}, star[0]...)
	cases = append(cases,
		fullCase{"star of 40, W", geo.NewWeights(keys, star, "star", geo.RowStandardised), x, []int{0}, false, nil},
		fullCase{"star of 40, B", geo.NewWeights(keys, star, "star", geo.Binary), x, []int{0}, false, nil},
		fullCase{"star of 40 with a self-link", geo.NewWeights(keys, selfLink, "GAL with self", geo.RowStandardised), x, []int{0}, true, nil},
		fullCase{"distance band over the city, W", geo.NewWeights(keys, all, "band", geo.RowStandardised), x, indices, false, nil},
		fullCase{"distance band over the city, B", geo.NewWeights(keys, all, "band", geo.Binary), x, indices, false, nil},
		fullCase{"distance band over the city, a value missing", geo.NewWeights(keys, all, "band", geo.RowStandardised), xMissing,
			slices.Delete(slices.Clone(indices), 7, 8), false, nil},
		fullCase{"all neighbours with unequal weights", unequal, x, nil, false, indices},
	)
	return cases
}

// An area whose neighbours are all the other areas with equal weights
// (the centre of a star; a distance band covering the city) is tested in
// well under a second: its lag is the same sum whatever the draw, so its
// local Moran and Gi* pseudo p are 1 exactly, it is listed in Full, and
// its z is NaN (the variance is 0). The other areas are tested as usual.
// With unequal weights the order of the draw matters: no area is full
// and the test runs (n − 1 draws of n − 1).
func TestConditionalPermutationFullNeighbourhood(t *testing.T) {
	for _, tc := range fullCases(t) {
		var lisa LISA
		var gi Local
		var gp []float64
		var errL, errG error
		took := within(t, 20*time.Second, tc.name, func() {
			lisa, errL = LocalMoranPermutation(tc.x, tc.w, 999, 1, 0.05, false)
			gi, gp, errG = GiStarPermutation(tc.x, tc.w, 999, 1)
		})
		if errL != nil || errG != nil {
			t.Fatalf("%s: %v, %v", tc.name, errL, errG)
		}
		t.Logf("%s: local Moran and Gi* with 999 permutations in %v", tc.name, took)
		giFull := tc.full
		if tc.giFull != nil {
			giFull = tc.giFull
		}
		if !slices.Equal(lisa.Full, tc.full) || !slices.Equal(gi.Full, giFull) {
			t.Errorf("%s: full areas %v (local Moran), %v (Gi*); want %v, %v", tc.name, lisa.Full, gi.Full, tc.full, giFull)
		}
		for _, i := range giFull {
			if gp[i] != 1 || !math.IsNaN(gi.Z[i]) {
				t.Errorf("%s: area %d has Gi* pseudo p %v, z %v; want 1, NaN", tc.name, i, gp[i], gi.Z[i])
			}
		}
		for _, i := range tc.full {
			if lisa.PseudoP[i] != 1 {
				t.Errorf("%s: area %d has local Moran pseudo p %v, want 1", tc.name, i, lisa.PseudoP[i])
			}
			if lisa.Cluster[i] != NotSignificant {
				t.Errorf("%s: area %d is in cluster %d", tc.name, i, lisa.Cluster[i])
			}
			// With a self-link local Moran's variance is not 0 (spdep's
			// moments take w_ii as any weight).
			if (lisa.Var[i] != 0 || !math.IsNaN(lisa.Z[i])) != tc.selfLink {
				t.Errorf("%s: area %d has local Moran variance %v, z %v", tc.name, i, lisa.Var[i], lisa.Z[i])
			}
		}
		var below1 int
		for i, p := range lisa.PseudoP {
			if math.IsNaN(p) {
				continue
			}
			if p <= 0 || p > 1 || !(gp[i] > 0 && gp[i] <= 1) {
				t.Errorf("%s: area %d has pseudo p %v, %v", tc.name, i, p, gp[i])
			}
			if p < 1 {
				below1++
			}
		}
		if n := len(tc.x) - len(tc.full); below1 == 0 && n > 1 {
			t.Errorf("%s: no area tested has local Moran pseudo p below 1", tc.name)
		}
	}
}

// On complete weights (a distance band covering the city) every global
// statistic is the same under any permutation: variances 0, z and p NaN,
// Moran's permutation p 1, join counts fixed.
func TestCompleteWeightsGlobal(t *testing.T) {
	for _, tc := range fullCases(t) {
		if len(tc.full) != len(tc.x) {
			continue // only the bands over the whole city
		}
		m, err := Moran(tc.x, tc.w)
		if err != nil {
			t.Fatal(err)
		}
		g, _ := Geary(tc.x, tc.w)
		G, _ := GeneralG(tc.x, tc.w)
		for what, s := range map[string]Global{"Moran": m, "Geary": g, "General G": G} {
			if s.VarRand != 0 || !math.IsNaN(s.ZRand) || !math.IsNaN(s.PRand) || !math.IsNaN(s.ZNorm) {
				t.Errorf("%s: %s %+v, want variance 0, z and p NaN", tc.name, what, s)
			}
		}
		if math.Abs(m.Stat-m.E) > 1e-12*math.Abs(m.E) || math.Abs(g.Stat-1) > 1e-12 {
			t.Errorf("%s: Moran's I %v (E %v), Geary's C %v", tc.name, m.Stat, m.E, g.Stat)
		}
		if p, _ := MoranPermutation(tc.x, tc.w, 999, 1); p != 1 {
			t.Errorf("%s: Moran permutation p %v, want 1", tc.name, p)
		}
		cls := make([]int, len(tc.x))
		for i := range cls {
			cls[i] = 1 + i%3
		}
		jc, _ := JoinCounts(cls, tc.w.WithStyle(geo.Binary))
		for _, j := range jc {
			if j.Variance != 0 || !math.IsNaN(j.Z) || j.Expected != j.Count {
				t.Errorf("%s: join count %+v", tc.name, j)
			}
		}
	}
}

// exactCase is a small weights set whose permutation distribution is
// enumerated exactly: integer values and integer weights make every sum
// exact, so ties are ties.
type exactCase struct {
	name string
	nb   geo.Neighbours
	wts  [][]float64 // integer weights of nb
	x    []float64
}

// exactP returns area k's folded pseudo p in the limit of infinitely many
// permutations, min(P≥, P≤), by enumerating every ordered draw of its
// neighbours other than itself from the other areas' values.
func exactP(nb []int, wts []float64, x []float64, k int) float64 {
	var others []float64
	var obs float64
	for m, j := range nb {
		if j != k {
			others = append(others, wts[m])
			obs += wts[m] * x[j]
		}
	}
	var pool []float64
	for j, v := range x {
		if j != k {
			pool = append(pool, v)
		}
	}
	var ge, le, total int
	used := make([]bool, len(pool))
	var walk func(m int, sum float64)
	walk = func(m int, sum float64) {
		if m == len(others) {
			total++
			if sum >= obs {
				ge++
			}
			if sum <= obs {
				le++
			}
			return
		}
		for j := range pool {
			if !used[j] {
				used[j] = true
				walk(m+1, sum+others[m]*pool[j])
				used[j] = false
			}
		}
	}
	walk(0, 0)
	return float64(min(ge, le)) / float64(total)
}

// Pseudo p-values of 9,999 permutations agree with the exact folded p,
// min(P≥, P≤), within Monte Carlo error (4 standard errors
// √(p(1 − p)/R) and 2/(R + 1)), for local Moran and Gi*, binary and
// row-standardised, on a path, a star, areas with one, two and five of
// the six other areas as neighbours (the last: ties among the lags of
// the same values summed in another order) and unequal weights whose
// order matters. A one-sided p (M≥ + 1)/(R + 1), or draws that are not
// uniform, miss: for area 1 of "one neighbour each", its neighbour
// holds the second-lowest of the other values, P≤ = 2/6 and P≥ = 5/6.
func TestPseudoPExact(t *testing.T) {
	x := []float64{3, 9, 1, 7, 4, 12, 6}
	ones := func(nb geo.Neighbours) [][]float64 {
		w := make([][]float64, len(nb))
		for i, r := range nb {
			w[i] = make([]float64, len(r))
			for k := range r {
				w[i][k] = 1
			}
		}
		return w
	}
	cases := []exactCase{
		{name: "one neighbour each", nb: geo.Neighbours{{3}, {0}, {4}, {0}, {6}, {1}, {5}}},
		{name: "path", nb: geo.Neighbours{{1}, {0, 2}, {1, 3}, {2, 4}, {3, 5}, {4, 6}, {5}}},
		{name: "star with a ring", nb: geo.Neighbours{{1, 2, 3, 4, 5, 6}, {0, 2, 6}, {0, 1, 3}, {0, 2, 4}, {0, 3, 5}, {0, 4, 6}, {0, 1, 5}}},
		{name: "five of six others", nb: geo.Neighbours{{1, 2, 3, 4, 5}, {0, 2, 3, 4, 6}, {0, 1, 3, 5, 6}, {0, 1, 2, 4, 5}, {1, 2, 3, 5, 6}, {0, 1, 3, 4, 6}, {0, 2, 3, 4, 5}}},
	}
	for i := range cases {
		cases[i].wts = ones(cases[i].nb)
		cases[i].x = x
	}
	cases = append(cases, exactCase{name: "unequal weights", x: x,
		nb:  geo.Neighbours{{1, 2, 3}, {0, 4}, {0, 5, 6}, {0, 4}, {1, 3, 6}, {2, 6}, {2, 4, 5}},
		wts: [][]float64{{1, 2, 4}, {3, 1}, {2, 1, 5}, {1, 2}, {2, 3, 1}, {1, 4}, {3, 1, 2}}})
	const reps = 9999
	keys := []string{"a", "b", "c", "d", "e", "f", "g"}
	for _, tc := range cases {
		for _, style := range []geo.Style{geo.Binary, geo.RowStandardised} {
			w := &geo.Weights{Keys: keys, Kind: tc.name, Style: geo.Binary, Neighbours: tc.nb, Values: tc.wts}
			if style == geo.RowStandardised {
				w = w.WithStyle(style)
				for i, row := range w.Values { // WithStyle keeps only the neighbours
					var sum float64
					for _, v := range tc.wts[i] {
						sum += v
					}
					for k := range row {
						row[k] = tc.wts[i][k] / sum
					}
				}
			}
			lisa, err := LocalMoranPermutation(tc.x, w, reps, 3, 0.05, false)
			if err != nil {
				t.Fatal(err)
			}
			_, gp, err := GiStarPermutation(tc.x, w, reps, 3)
			if err != nil {
				t.Fatal(err)
			}
			gw := ones(withSelf(w).Neighbours) // Gi*: the area itself and weight 1 before the style
			for k := range tc.x {
				for _, c := range []struct {
					what string
					got  float64
					want float64
				}{
					{"local Moran", lisa.PseudoP[k], exactP(tc.nb[k], tc.wts[k], tc.x, k)},
					{"Gi*", gp[k], exactP(withSelf(w).Neighbours[k], gw[k], tc.x, k)},
				} {
					se := math.Sqrt(c.want * (1 - c.want) / reps)
					if math.Abs(c.got-c.want) > 4*se+2.0/(reps+1) {
						t.Errorf("%s, %s, area %d: %s pseudo p %.4f, exact %.4f (se %.4f)", tc.name, style, k, c.what, c.got, c.want, se)
					}
				}
			}
		}
	}
}

// An area whose neighbours hold the k highest of the other values (a hot
// spot) or the k lowest (a cold spot) is more extreme than every
// permutation but its own draw, which has probability 1/C(39, 8) ≈ 1.6e-8
// per row: with a fixed seed, no row draws it, so M = 0 and the pseudo p
// is 1/(R + 1) exactly, for local Moran and Gi*, for either tail.
func TestPseudoPMostExtreme(t *testing.T) {
	const n, k = 40, 8
	x := make([]float64, n)
	for i := range x {
		x[i] = float64((i*23)%n) + 1 // 1, …, 40 in a scrambled order
	}
	order := make([]int, n)
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int { return int(x[a] - x[b]) })
	hot, cold := order[n-1], order[0] // the highest and lowest value
	nb := make(geo.Neighbours, n)
	nb[hot] = slices.Clone(order[n-1-k : n-1]) // the next k highest
	nb[cold] = slices.Clone(order[1 : 1+k])    // the next k lowest
	for i := range nb {
		if i != hot && i != cold {
			nb[i] = []int{hot, cold}
		}
	}
	for i := range nb {
		slices.Sort(nb[i])
	}
	keys := make([]string, n)
	for i := range keys {
		keys[i] = fmt.Sprint(i)
	}
	for _, reps := range []int{99, 999} {
		for _, seed := range []uint64{1, 2, 3} {
			w := geo.NewWeights(keys, nb, "extremes", geo.RowStandardised)
			lisa, err := LocalMoranPermutation(x, w, reps, seed, 0.05, false)
			if err != nil {
				t.Fatal(err)
			}
			_, gp, err := GiStarPermutation(x, w, reps, seed)
			if err != nil {
				t.Fatal(err)
			}
			want := 1 / float64(reps+1)
			for _, area := range []int{hot, cold} {
				if lisa.PseudoP[area] != want || gp[area] != want {
					t.Errorf("R %d, seed %d, area %d: pseudo p %v (local Moran), %v (Gi*), want 1/(R+1) = %v",
						reps, seed, area, lisa.PseudoP[area], gp[area], want)
				}
			}
			if lisa.Cluster[hot] != HighHigh || lisa.Cluster[cold] != LowLow {
				t.Errorf("R %d, seed %d: clusters %d, %d; want HH, LL", reps, seed, lisa.Cluster[hot], lisa.Cluster[cold])
			}
		}
	}
}
