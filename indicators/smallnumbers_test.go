package indicators

import (
	"encoding/csv"
	"math"
	"os"
	"strconv"
	"strings"
	"testing"
)

func readRef(t *testing.T, name string) (header []string, rows [][]string) {
	t.Helper()
	f, err := os.Open("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	all, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return all[0], all[1:]
}

func col(t *testing.T, header []string, rows [][]string, name string) []float64 {
	t.Helper()
	k := -1
	for i, h := range header {
		if h == name {
			k = i
		}
	}
	if k < 0 {
		t.Fatalf("no column %s", name)
	}
	out := make([]float64, len(rows))
	for i, r := range rows {
		v, err := strconv.ParseFloat(r[k], 64)
		if err != nil {
			t.Fatal(err)
		}
		out[i] = v
	}
	return out
}

func relClose(a, b, tol float64) bool {
	return math.Abs(a-b) <= tol*math.Max(math.Abs(a), math.Abs(b)) || math.Abs(a-b) < 1e-300
}

// Wilson intervals equal R's prop.test without continuity correction to
// 1e-12 and Newcombe's (1998) published limits to their 4 decimals.
func TestWilson(t *testing.T) {
	h, rows := readRef(t, "wilson.csv")
	x, n, lo, hi := col(t, h, rows, "x"), col(t, h, rows, "n"), col(t, h, rows, "lower"), col(t, h, rows, "upper")
	for i := range x {
		l, u := Wilson(x[i], n[i])
		if !relClose(l, lo[i], 1e-12) || !relClose(u, hi[i], 1e-12) {
			t.Errorf("Wilson(%v, %v) = %.17g, %.17g; R %.17g, %.17g", x[i], n[i], l, u, lo[i], hi[i])
		}
	}
	published := []struct{ x, n, lo, hi float64 }{
		{81, 263, 0.2553, 0.3662}, {15, 148, 0.0624, 0.1605}, {0, 20, 0, 0.1611}, {1, 29, 0.0061, 0.1718},
	}
	for _, p := range published {
		l, u := Wilson(p.x, p.n)
		if math.Round(l*1e4)/1e4 != p.lo || math.Round(u*1e4)/1e4 != p.hi {
			t.Errorf("Wilson(%v, %v) = %.4f–%.4f, Newcombe %.4f–%.4f", p.x, p.n, l, u, p.lo, p.hi)
		}
	}
	if l, _ := Wilson(3, 2); !math.IsNaN(l) {
		t.Error("x > n gave an interval")
	}
}

// Global EB equals spdep's EBest on the North Carolina SIDS data.
func TestGlobalEBAgainstSpdep(t *testing.T) {
	h, rows := readRef(t, "ebest_nc_sids.csv")
	x, n, want := col(t, h, rows, "cases"), col(t, h, rows, "pop"), col(t, h, rows, "est")
	got := GlobalEB(x, n)
	for i := range want {
		if !relClose(got[i], want[i], 1e-12) {
			t.Errorf("county %d: EB %.17g, spdep %.17g", i+1, got[i], want[i])
		}
	}
}

// Local EB equals spdep's EBlocal on the Auckland data, with the area's
// own local mean (geoda = TRUE, the definition of docs/methods.md
// section 4) and, as the named variant, with each neighbour's mean
// (spdep's default).
func TestLocalEBAgainstSpdep(t *testing.T) {
	h, rows := readRef(t, "eblocal_auckland.csv")
	x, n := col(t, h, rows, "cases"), col(t, h, rows, "pop")
	k := -1
	for i, c := range h {
		if c == "neighbours" {
			k = i
		}
	}
	nb := make([][]int, len(rows))
	for i, r := range rows {
		for _, s := range strings.Fields(r[k]) {
			j, _ := strconv.Atoi(s)
			nb[i] = append(nb[i], j-1) // R counts from 1
		}
	}
	for _, tc := range []struct {
		column  string
		ownMean bool
	}{{"est_geoda", false}, {"est_spdep_default", true}} {
		want := col(t, h, rows, tc.column)
		got := LocalEB(x, n, nb, tc.ownMean)
		for i := range want {
			if !relClose(got[i], want[i], 1e-12) {
				t.Errorf("%s area %d: EB %.17g, spdep %.17g", tc.column, i+1, got[i], want[i])
			}
		}
	}
}

func TestEBMissing(t *testing.T) {
	got := GlobalEB([]float64{1, math.NaN(), 3}, []float64{10, 10, 0})
	if math.IsNaN(got[0]) || !math.IsNaN(got[1]) || !math.IsNaN(got[2]) {
		t.Errorf("GlobalEB with missing values: %v", got)
	}
}
