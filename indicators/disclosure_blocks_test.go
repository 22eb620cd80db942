package indicators

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"planatlas/datasets"
)

// microCity is a synthetic city built from microdata: per area and year,
// counts of atoms; every variable counts a set of atoms of its group
// (a table column), and the variables of a group form a Family.
type microCity struct {
	h      Hierarchy
	fams   []datasets.Family
	vars   []string // the count variables, shuffled across groups
	groups []atomGroup
}

type atomGroup struct {
	vars   []string
	member map[string][]bool // over the group's atoms
	nAtoms int
}

// cityShape describes a microCity: areas per district, years, the share
// of atom counts that are small, and the groups as their variables'
// atom sets.
type cityShape struct {
	areas  []int // per district
	years  int
	small  float64
	groups [][][]bool
	nan    float64 // share of variable cells made missing (with their sums)
}

func newMicroCity(r *rand.Rand, sh cityShape) microCity {
	var parent []int
	for d, n := range sh.areas {
		for i := 0; i < n; i++ {
			parent = append(parent, d)
		}
	}
	years := make([]int, sh.years)
	for i := range years {
		years[i] = 2020 + i
	}
	keys := func(p string, n int) []string {
		out := make([]string, n)
		for i := range out {
			out[i] = fmt.Sprintf("%s%d", p, i+1)
		}
		return out
	}
	nA, nD := len(parent), len(sh.areas)
	h := Hierarchy{
		Levels: []*datasets.Panel{datasets.NewPanel(keys("a", nA), years), datasets.NewPanel(keys("d", nD), years), datasets.NewPanel([]string{""}, years)},
		Parent: [][]int{parent, make([]int, nD)},
	}
	var c microCity
	c.h = h
	for g, member := range sh.groups {
		nAtoms := len(member[0])
		atoms := make([][]float64, nAtoms) // per atom: area counts, year-major
		for k := range atoms {
			atoms[k] = make([]float64, nA*sh.years)
			for i := range atoms[k] {
				if r.Float64() < sh.small {
					atoms[k][i] = float64(r.IntN(3))
				} else {
					atoms[k][i] = float64(3 + r.IntN(60))
				}
			}
		}
		grp := atomGroup{member: map[string][]bool{}, nAtoms: nAtoms}
		f := datasets.Family{Table: fmt.Sprintf("t%d", g), Column: "n"}
		for v, m := range member {
			name := fmt.Sprintf("g%dv%d", g, v)
			x := make([]float64, nA*sh.years)
			for k, in := range m {
				for i := range x {
					if in {
						x[i] += atoms[k][i]
					}
				}
			}
			setSums(h, name, x, r, sh.nan)
			grp.vars = append(grp.vars, name)
			grp.member[name] = m
			f.Vars, f.Member = append(f.Vars, name), append(f.Member, m)
		}
		c.groups = append(c.groups, grp)
		c.fams = append(c.fams, f)
		c.vars = append(c.vars, grp.vars...)
	}
	r.Shuffle(len(c.vars), func(i, j int) { c.vars[i], c.vars[j] = c.vars[j], c.vars[i] })
	return c
}

// setSums sets name on the areas to x, a share nan of them missing, and
// on the districts and the city to the sums of the parts with a value
// (missing if none has one), as Aggregate does.
func setSums(h Hierarchy, name string, x []float64, r *rand.Rand, nan float64) {
	for i := range x {
		if r.Float64() < nan {
			x[i] = math.NaN()
		}
	}
	ny := len(h.Levels[0].Years)
	for l, p := range h.Levels {
		if l > 0 {
			nk, nc := len(p.Keys), len(h.Levels[l-1].Keys)
			sum := make([]float64, nk*ny)
			for i := range sum {
				sum[i] = math.NaN()
			}
			for y := 0; y < ny; y++ {
				for ch, par := range h.Parent[l-1] {
					if v := x[y*nc+ch]; !math.IsNaN(v) {
						if math.IsNaN(sum[y*nk+par]) {
							sum[y*nk+par] = 0
						}
						sum[y*nk+par] += v
					}
				}
			}
			x = sum
		}
		p.Set(name, &datasets.Series{Values: x, Flags: make([]datasets.Flag, len(x))})
	}
}

// randomShape returns a small random city: 2–3 districts of 1–4 areas,
// two years, and 2–5 groups of 1–4 atoms with 1–5 variables each (any
// non-empty atom sets, duplicates and totals included); a share of the
// atom counts between small and 3·small is 0, 1 or 2.
func randomShape(r *rand.Rand, small, nan float64) cityShape {
	sh := cityShape{years: 2, small: small * (1 + 2*r.Float64()), nan: nan}
	for d := 0; d < 2+r.IntN(2); d++ {
		sh.areas = append(sh.areas, 1+r.IntN(4))
	}
	for g := 0; g < 2+r.IntN(4); g++ {
		nAtoms := 1 + r.IntN(4)
		var vars [][]bool
		for v := 0; v < 1+r.IntN(5); v++ {
			m := make([]bool, nAtoms)
			m[r.IntN(nAtoms)] = true
			for k := range m {
				m[k] = m[k] || r.IntN(2) == 0
			}
			vars = append(vars, m)
		}
		sh.groups = append(sh.groups, vars)
	}
	return sh
}

// flags returns the Suppressed flags of every cell, level by level.
func flags(h Hierarchy, vars []string) []bool {
	var out []bool
	for _, p := range h.Levels {
		for _, v := range vars {
			for _, f := range p.Var(v).Flags {
				out = append(out, f&datasets.Suppressed != 0)
			}
		}
	}
	return out
}

var randomCities = []struct {
	name       string
	small, nan float64
	seeds      uint64
}{
	{"few small counts", 0.03, 0, 60},
	{"many small counts", 0.15, 0, 60},
	{"missing cells", 0.05, 0.05, 60},
}

// The per-block method hides exactly the cells that the whole-system
// method (before blocks, disclosure_reference_test.go) hides when run on
// each block's variables alone, on random cities with families, shuffled
// variables and missing cells; and exactly the cells it hides on the
// whole city whenever it never took its last resort (a cell from the
// candidates of all unknown cells, when none protects the cell: possibly
// a cell of another block, which protects nothing).
func TestSuppressMatchesWholeSystem(t *testing.T) {
	for _, tc := range randomCities {
		t.Run(tc.name, func(t *testing.T) {
			same := 0
			for seed := uint64(1); seed <= tc.seeds; seed++ {
				sh := randomShape(rand.New(rand.NewPCG(seed, 1)), tc.small, tc.nan)
				city := func() microCity { return newMicroCity(rand.New(rand.NewPCG(seed, 2)), sh) }
				blocks, perBlock, whole := city(), city(), city()
				got, err := Suppress(blocks.h, blocks.fams, blocks.vars, 3)
				if err != nil {
					t.Fatalf("seed %d: %v", seed, err)
				}
				bs, err := partition(perBlock.fams, perBlock.vars, defaultConfig())
				if err != nil {
					t.Fatal(err)
				}
				var want SuppressionResult
				for _, b := range bs {
					r, _ := suppressWhole(perBlock.h, perBlock.fams, b.names, 3)
					want.Primary += r.Primary
					want.Secondary += r.Secondary
				}
				if got != want || !equalBools(flags(blocks.h, blocks.vars), flags(perBlock.h, perBlock.vars)) {
					t.Errorf("seed %d: %+v, the whole-system method block by block %+v or other cells", seed, got, want)
				}
				if w, lastResorts := suppressWhole(whole.h, whole.fams, whole.vars, 3); lastResorts == 0 {
					same++
					if got != w || !equalBools(flags(blocks.h, blocks.vars), flags(whole.h, whole.vars)) {
						t.Errorf("seed %d: %+v, the whole-system method %+v or other cells", seed, got, w)
					}
				}
			}
			t.Logf("%d of %d cities identical to the whole system", same, tc.seeds)
			if same < int(tc.seeds)/3 {
				t.Errorf("only %d of %d cities compared with the whole system", same, tc.seeds)
			}
		})
	}
}

func equalBools(a, b []bool) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// No hidden cell of a random city can be recomputed by the attack, which
// works on the microdata and knows nothing of the blocks.
func TestSuppressRandomCitiesCannotBeUndone(t *testing.T) {
	for seed := uint64(1); seed <= 100; seed++ {
		sh := randomShape(rand.New(rand.NewPCG(seed, 3)), 0.1, 0)
		c := newMicroCity(rand.New(rand.NewPCG(seed, 4)), sh)
		if _, err := Suppress(c.h, c.fams, c.vars, 3); err != nil {
			t.Fatalf("seed %d: %v", seed, err)
		}
		// All groups at once: atoms numbered group by group.
		member, nAtoms := map[string][]bool{}, 0
		for _, g := range c.groups {
			nAtoms += g.nAtoms
		}
		off := 0
		for _, g := range c.groups {
			for v, m := range g.member {
				full := make([]bool, nAtoms)
				copy(full[off:], m)
				member[v] = full
			}
			off += g.nAtoms
		}
		if leaks := attack(t, c.h, c.vars, member, nAtoms); len(leaks) > 0 {
			t.Errorf("seed %d: recomputable hidden cells %v", seed, leaks)
		}
	}
}

// scaleShape is 10,000 count variables on 40 areas in 4 districts, two
// years: 1,000 families of a total and four bands, 20 families of eight
// variables over six age bands (overlapping: under 6, 6–14, under 18,
// 18–64, 65 and over, 80 and over, under 65, total), and 4,840 variables
// of their own.
func scaleShape() cityShape {
	sh := cityShape{areas: []int{10, 10, 10, 10}, years: 2, small: 0.005}
	band := func(n int, in ...int) []bool {
		m := make([]bool, n)
		for _, k := range in {
			m[k] = true
		}
		return m
	}
	for f := 0; f < 1000; f++ {
		sh.groups = append(sh.groups, [][]bool{band(4, 0, 1, 2, 3), band(4, 0), band(4, 1), band(4, 2), band(4, 3)})
	}
	for f := 0; f < 20; f++ {
		sh.groups = append(sh.groups, [][]bool{band(6, 0), band(6, 1), band(6, 0, 1, 2), band(6, 3), band(6, 4, 5),
			band(6, 5), band(6, 0, 1, 2, 3), band(6, 0, 1, 2, 3, 4, 5)})
	}
	for v := 0; v < 4840; v++ {
		sh.groups = append(sh.groups, [][]bool{{true}})
	}
	return sh
}

// Disclosure control of 10,000 count variables works block by block (a
// block per family and per variable of its own), hides every small count
// and leaves none recomputable. It takes seconds; the whole-system
// method took 23 GB.
func TestSuppressTenThousandVariables(t *testing.T) {
	c := newMicroCity(rand.New(rand.NewPCG(14, 6)), scaleShape())
	if len(c.vars) != 10000 {
		t.Fatalf("%d variables", len(c.vars))
	}
	blocks, err := partition(c.fams, c.vars, defaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	// A block per five-variable family, per variable of its own, and four
	// per eight-variable family: under 6, 6–14 and 80 and over are in no
	// sum with the others (no band ends at 6 or 15 but theirs, none at
	// 80), the other five are.
	if want := 1000 + 20*4 + 4840; len(blocks) != want {
		t.Errorf("%d blocks, want %d", len(blocks), want)
	}
	res, err := Suppress(c.h, c.fams, c.vars, 3)
	if err != nil {
		t.Fatal(err)
	}
	small, hidden := 0, 0
	for _, p := range c.h.Levels {
		for _, v := range c.vars {
			s := p.Var(v)
			for i, x := range s.Values {
				isSmall, isHidden := x >= 1 && x < 3, s.Flags[i]&datasets.Suppressed != 0
				if isSmall {
					small++
				}
				if isHidden {
					hidden++
				}
				if isSmall && !isHidden {
					t.Errorf("%s of %s = %v is published", v, p.Keys[i%len(p.Keys)], x)
				}
			}
		}
	}
	want := SuppressionResult{Primary: small, Secondary: hidden - small}
	if res != want {
		t.Errorf("%+v, the flags say %+v", res, want)
	}
	const wantPrimary, wantSecondary = 2304, 14806 // pinned: the method must not drift
	if res.Primary != wantPrimary || res.Secondary != wantSecondary {
		t.Errorf("%+v, want %d primary and %d secondary cells", res, wantPrimary, wantSecondary)
	}
	for _, g := range c.groups {
		if anyHidden(c.h, g.vars) {
			if leaks := attack(t, c.h, g.vars, g.member, g.nAtoms); len(leaks) > 0 {
				t.Errorf("recomputable hidden cells %v", leaks)
			}
		}
	}
}

func anyHidden(h Hierarchy, vars []string) bool {
	for _, f := range flags(h, vars) {
		if f {
			return true
		}
	}
	return false
}
