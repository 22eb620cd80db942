package analysis

import (
	"bufio"
	"fmt"
	"math"
	"os"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"planatlas/geo"
)

// spatialSet is one reference data set of testdata/spatial_reference.R.
type spatialSet struct {
	nb                geo.Neighbours
	x, y, events, pop []float64
	stats             map[string][]float64
}

func readSpatialSet(t *testing.T, name string) spatialSet {
	t.Helper()
	f, err := os.Open("testdata/spatial_" + name + ".txt")
	if err != nil {
		t.Fatalf("%v (run Rscript testdata/spatial_reference.R)", err)
	}
	defer f.Close()
	s := spatialSet{stats: map[string][]float64{}}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	nums := func(fs []string) []float64 {
		out := make([]float64, len(fs))
		for i, v := range fs {
			out[i], _ = strconv.ParseFloat(v, 64)
		}
		return out
	}
	for sc.Scan() {
		fs := strings.Fields(sc.Text())
		switch fs[0] {
		case "nb":
			var row []int
			for _, v := range fs[2:] {
				j, _ := strconv.Atoi(v)
				row = append(row, j-1)
			}
			s.nb = append(s.nb, row)
		case "x":
			s.x = nums(fs[1:])
		case "y":
			s.y = nums(fs[1:])
		case "events":
			s.events = nums(fs[1:])
		case "pop":
			s.pop = nums(fs[1:])
		default:
			s.stats[fs[0]] = nums(fs[1:])
		}
	}
	return s
}

func (s spatialSet) weights(style geo.Style) *geo.Weights {
	keys := make([]string, len(s.nb))
	for i := range keys {
		keys[i] = fmt.Sprint(i + 1)
	}
	return geo.NewWeights(keys, s.nb, "reference", style)
}

func closeTo(got, want float64) bool {
	if math.IsNaN(want) {
		return math.IsNaN(got)
	}
	return math.Abs(got-want) <= 1e-10*math.Max(1e-300, math.Abs(want)) || math.Abs(got-want) < 1e-14
}

// Global and local statistics equal R spdep 1.2.7 to 1e-10 (relative) on
// the Columbus crime data and the North Carolina SIDS rates
// (testdata/spatial_reference.R).
func TestSpatialAgainstSpdep(t *testing.T) {
	for _, name := range []string{"columbus", "nc"} {
		s := readSpatialSet(t, name)
		W, B := s.weights(geo.RowStandardised), s.weights(geo.Binary)
		check := func(what string, got []float64) {
			want := s.stats[what]
			if len(want) != len(got) {
				t.Errorf("%s %s: %d values, spdep %d", name, what, len(got), len(want))
				return
			}
			for i := range want {
				if !closeTo(got[i], want[i]) {
					t.Errorf("%s %s[%d]: %.17g, spdep %.17g", name, what, i, got[i], want[i])
					return
				}
			}
		}
		m, err := Moran(s.x, W)
		if err != nil {
			t.Fatal(err)
		}
		check("moran_rand", []float64{m.Stat, m.E, m.VarRand, m.ZRand, m.PRand})
		check("moran_norm", []float64{m.Stat, m.E, m.VarNorm, m.ZNorm, m.PNorm})
		g, _ := Geary(s.x, W)
		check("geary_rand", []float64{g.Stat, g.E, g.VarRand, g.ZRand, g.PRand})
		check("geary_norm", []float64{g.Stat, g.E, g.VarNorm, g.ZNorm, g.PNorm})
		G, _ := GeneralG(s.x, B)
		check("globalG_B", []float64{G.Stat, G.E, G.VarRand, G.ZRand, G.PRand})
		classes := make([]int, len(s.x))
		for i, c := range s.stats["classes"] {
			classes[i] = int(c)
		}
		jc, err := JoinCounts(classes, B)
		if err != nil {
			t.Fatal(err)
		}
		var flat []float64
		for _, r := range jc {
			flat = append(flat, r.Count, r.Expected, r.Variance, r.Z)
		}
		check("joincount_B", flat)
		lm, _ := LocalMoran(s.x, W)
		check("localmoran_Ii", lm.Stat)
		check("localmoran_E", lm.E)
		check("localmoran_Var", lm.Var)
		check("localmoran_Z", lm.Z)
		check("localmoran_P", lm.P)
		lg, _ := LocalG(s.x, W, false)
		check("localG", lg.Z)
		lgs, _ := LocalG(s.x, W, true)
		check("localGstar", lgs.Z)
		eb, _ := EBMoran(s.events, s.pop, W)
		check("EBImoran", []float64{eb})
		bv, _ := BivariateMoran(s.x, s.y, W)
		check("bivariate_moran", []float64{bv})
	}
}

// Permutation p-values agree with spdep's within Monte Carlo error: the
// two draw different permutations, so a p of 999 permutations may differ
// by a few standard errors √(p(1 − p)/999); 4 of them plus 2/1000 are
// allowed per area, and on average the areas agree more closely.
func TestPermutationsAgainstSpdep(t *testing.T) {
	for _, name := range []string{"columbus", "nc"} {
		s := readSpatialSet(t, name)
		W := s.weights(geo.RowStandardised)
		p, err := MoranPermutation(s.x, W, 999, 1)
		if err != nil {
			t.Fatal(err)
		}
		if want := s.stats["moran_mc_p"][0]; math.Abs(p-want) > 4*math.Sqrt(want*(1-want)/999)+0.002 {
			t.Errorf("%s: Moran permutation p %v, spdep %v", name, p, want)
		}
		l, err := LocalMoranPermutation(s.x, W, 999, 1, 0.05, false)
		if err != nil {
			t.Fatal(err)
		}
		want := s.stats["localmoran_perm_p"]
		var sumDiff float64
		for i, pw := range want {
			se := math.Sqrt(pw * (1 - pw) / 999)
			d := math.Abs(l.PseudoP[i] - pw)
			sumDiff += d
			if d > 4*se+0.002 {
				t.Errorf("%s area %d: pseudo p %.3f, spdep %.3f (se %.3f)", name, i+1, l.PseudoP[i], pw, se)
			}
		}
		t.Logf("%s: mean |p − p_spdep| = %.4f over %d areas", name, sumDiff/float64(len(want)), len(want))
	}
}

// The same seed gives the same permutation results with one thread or
// two: every draw comes from a stream fixed by seed and block or area.
func TestPermutationsDeterministicAcrossThreads(t *testing.T) {
	s := readSpatialSet(t, "nc")
	W := s.weights(geo.RowStandardised)
	run := func(procs int) string {
		old := runtime.GOMAXPROCS(procs)
		defer runtime.GOMAXPROCS(old)
		p, _ := MoranPermutation(s.x, W, 999, 7)
		l, _ := LocalMoranPermutation(s.x, W, 999, 7, 0.05, true)
		_, gp, _ := GiStarPermutation(s.x, W, 999, 7)
		return fmt.Sprint(p, l.PseudoP, l.Cluster, gp)
	}
	if a, b := run(1), run(2); a != b {
		t.Error("results differ between GOMAXPROCS=1 and 2")
	}
}

func TestBenjaminiHochberg(t *testing.T) {
	// R: p.adjust(c(0.01, 0.04, 0.03, 0.2), "BH") = 0.04 0.05333 0.05333 0.2
	q := benjaminiHochberg([]float64{0.01, 0.04, 0.03, 0.2})
	want := []float64{0.04, 0.16 / 3, 0.16 / 3, 0.2}
	for i := range q {
		if math.Abs(q[i]-want[i]) > 1e-12 {
			t.Errorf("q %v, want %v", q, want)
			break
		}
	}
}
