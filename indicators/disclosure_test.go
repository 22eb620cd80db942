package indicators

import (
	"math"
	"testing"

	"gonum.org/v1/gonum/mat"

	"planatlas/datasets"
)

// A small city: areas a1..a5 in districts D1 (a1, a2, a3) and D2 (a4,
// a5); variables u18 and ab18 and their sum ew, as a family over two
// atoms (under 18, 18 and over).
type toyCity struct {
	under, over []float64 // per area: the two atoms
	district    []int
}

func (c toyCity) hierarchy() (Hierarchy, []datasets.Family) {
	nA := len(c.under)
	areas := datasets.NewPanel([]string{"a1", "a2", "a3", "a4", "a5"}[:nA], []int{2024})
	dist := datasets.NewPanel([]string{"D1", "D2"}, []int{2024})
	city := datasets.NewPanel([]string{""}, []int{2024})
	set := func(p *datasets.Panel, name string, v []float64) {
		p.Set(name, &datasets.Series{Values: v, Flags: make([]datasets.Flag, len(v))})
	}
	sum := func(x []float64, by []int, n int) []float64 {
		out := make([]float64, n)
		for i, v := range x {
			out[by[i]] += v
		}
		return out
	}
	ew := make([]float64, nA)
	for i := range ew {
		ew[i] = c.under[i] + c.over[i]
	}
	zero := make([]int, 2)
	for _, v := range [][2]any{{"u18", c.under}, {"ab18", c.over}, {"ew", ew}} {
		name, x := v[0].(string), v[1].([]float64)
		set(areas, name, x)
		d := sum(x, c.district, 2)
		set(dist, name, d)
		set(city, name, sum(d, zero, 1))
	}
	h := Hierarchy{Levels: []*datasets.Panel{areas, dist, city}, Parent: [][]int{c.district, {0, 0}}}
	fam := datasets.Family{Vars: []string{"u18", "ab18", "ew"}, Member: [][]bool{{true, false}, {false, true}, {true, true}}}
	return h, []datasets.Family{fam}
}

// attack tries what a reader of the published tables can do: every
// published cell is a known linear function of the unknown microdata
// (atom counts per area); a hidden cell is recomputable exactly when its
// function lies in the span of the published ones. It returns the hidden
// cells that can be recomputed.
func attack(t *testing.T, h Hierarchy, vars []string, member map[string][]bool, nAtoms int) []string {
	t.Helper()
	nA := len(h.Levels[0].Keys)
	cols := nA * nAtoms
	// areas of each unit, per level
	units := make([][][]int, len(h.Levels))
	units[0] = make([][]int, nA)
	for a := 0; a < nA; a++ {
		units[0][a] = []int{a}
	}
	for l := 1; l < len(h.Levels); l++ {
		units[l] = make([][]int, len(h.Levels[l].Keys))
		for u, ch := range units[l-1] {
			p := h.Parent[l-1][u]
			units[l][p] = append(units[l][p], ch...)
		}
	}
	functional := func(l, u int, v string) []float64 {
		f := make([]float64, cols)
		for _, a := range units[l][u] {
			for k, in := range member[v] {
				if in {
					f[a*nAtoms+k] = 1
				}
			}
		}
		return f
	}
	var pub [][]float64
	type cell struct {
		name string
		f    []float64
	}
	var hid []cell
	for l, p := range h.Levels {
		for u, key := range p.Keys {
			for _, v := range vars {
				f := functional(l, u, v)
				if p.Var(v).Flags[u]&datasets.Suppressed != 0 {
					hid = append(hid, cell{v + "@" + key, f})
				} else {
					pub = append(pub, f)
				}
			}
		}
	}
	// Orthonormal basis of the published row space.
	a := mat.NewDense(len(pub), cols, nil)
	for i, f := range pub {
		a.SetRow(i, f)
	}
	var svd mat.SVD
	svd.Factorize(a, mat.SVDFullV)
	var vt mat.Dense
	svd.VTo(&vt)
	rank := 0
	for _, s := range svd.Values(nil) {
		if s > 1e-9 {
			rank++
		}
	}
	var leaks []string
	for _, hc := range hid {
		res := append([]float64(nil), hc.f...)
		for j := 0; j < rank; j++ {
			var dot float64
			for i := 0; i < cols; i++ {
				dot += vt.At(i, j) * hc.f[i]
			}
			for i := 0; i < cols; i++ {
				res[i] -= dot * vt.At(i, j)
			}
		}
		norm := 0.0
		for _, r := range res {
			norm += r * r
		}
		if math.Sqrt(norm) < 1e-9 {
			leaks = append(leaks, hc.name)
		}
	}
	return leaks
}

func TestSuppressToyCity(t *testing.T) {
	tests := []struct {
		name      string
		city      toyCity
		primary   int
		minHidden int
	}{
		{"one small band", toyCity{under: []float64{2, 40, 35, 50, 60}, over: []float64{90, 200, 180, 300, 250}, district: []int{0, 0, 0, 1, 1}}, 1, 4},
		{"district of two, both small", toyCity{under: []float64{30, 40, 35, 1, 2}, over: []float64{90, 200, 180, 300, 250}, district: []int{0, 0, 0, 1, 1}}, 2, 4},
		{"nothing small", toyCity{under: []float64{30, 40, 35, 10, 20}, over: []float64{90, 200, 180, 300, 250}, district: []int{0, 0, 0, 1, 1}}, 0, 0},
		{"zeros stay", toyCity{under: []float64{0, 40, 35, 10, 20}, over: []float64{90, 200, 180, 300, 250}, district: []int{0, 0, 0, 1, 1}}, 0, 0},
	}
	member := map[string][]bool{"u18": {true, false}, "ab18": {false, true}, "ew": {true, true}}
	vars := []string{"u18", "ab18", "ew"}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			h, fams := tc.city.hierarchy()
			res, err := Suppress(h, fams, vars, 3)
			if err != nil {
				t.Fatal(err)
			}
			if res.Primary != tc.primary {
				t.Errorf("primary %d, want %d", res.Primary, tc.primary)
			}
			if res.Primary+res.Secondary < tc.minHidden {
				t.Errorf("%d cells hidden, want at least %d", res.Primary+res.Secondary, tc.minHidden)
			}
			// every count 1 or 2 is hidden, on every level
			for _, p := range h.Levels {
				for _, v := range vars {
					s := p.Var(v)
					for i, x := range s.Values {
						if x >= 1 && x < 3 && s.Flags[i]&datasets.Suppressed == 0 {
							t.Errorf("%s of %s = %v is published", v, p.Keys[i], x)
						}
						if x == 0 && s.Flags[i]&datasets.Suppressed != 0 && tc.primary == 0 {
							t.Errorf("zero %s of %s was hidden", v, p.Keys[i])
						}
					}
				}
			}
			if leaks := attack(t, h, vars, member, 2); len(leaks) > 0 {
				t.Errorf("hidden cells that can be recomputed from the published ones: %v", leaks)
			}
		})
	}
}

// The attack finds what primary suppression alone leaves open: a hidden
// band is the total minus the other band.
func TestAttackFindsPrimaryOnlyLeaks(t *testing.T) {
	c := toyCity{under: []float64{2, 40, 35, 50, 60}, over: []float64{90, 200, 180, 300, 250}, district: []int{0, 0, 0, 1, 1}}
	h, _ := c.hierarchy()
	h.Levels[0].Var("u18").Flags[0] |= datasets.Suppressed // only the primary cell
	member := map[string][]bool{"u18": {true, false}, "ab18": {false, true}, "ew": {true, true}}
	leaks := attack(t, h, []string{"u18", "ab18", "ew"}, member, 2)
	if len(leaks) != 1 || leaks[0] != "u18@a1" {
		t.Errorf("leaks %v, want [u18@a1]", leaks)
	}
}

// Primary suppression: whole counts 1 and 2 are hidden at threshold 3,
// weighted counts by their rounded value, anything above 0 that rounds
// below the threshold included; zeros and missing values are not.
func TestPrimarySuppression(t *testing.T) {
	tests := []struct {
		x    float64
		want bool
	}{
		{0, false}, {1, true}, {2, true}, {3, false}, {17, false},
		{0.4, true}, {0.5, true}, {1.4, true}, {2.4, true}, {2.5, true}, {2.51, false}, {2.6, false}, {3.2, false},
		{math.NaN(), false},
	}
	for _, tc := range tests {
		if got := primary(tc.x, 3); got != tc.want {
			t.Errorf("primary(%v, 3) = %v, want %v", tc.x, got, tc.want)
		}
	}
}
