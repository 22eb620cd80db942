package benchmarks

import (
	"fmt"
	"math"
	"math/rand/v2"

	"planatlas/datasets"
	"planatlas/indicators"
)

// DisclosureCity returns the input of disclosure control for a synthetic
// city of 40 areas in 4 districts and two years with nVars count
// variables: every other group of five variables is a family (a total
// and four bands that add up to it), the rest stand alone. Each
// variable's area counts are ⌊s·E⌋ with E exponential and s drawn
// log-uniformly from 20 to 2,000 per variable, so that about 2 % of the
// area counts are 1 or 2; districts and the city are the sums. Seeded:
// the same arguments give the same city.
func DisclosureCity(nVars int, seed uint64) (indicators.Hierarchy, []datasets.Family, []string) {
	const nAreas, nDist = 40, 4
	years := []int{2023, 2024}
	r := rand.New(rand.NewPCG(seed, 14))
	keys := func(prefix string, n int) []string {
		out := make([]string, n)
		for i := range out {
			out[i] = fmt.Sprintf("%s%02d", prefix, i+1)
		}
		return out
	}
	areas := datasets.NewPanel(keys("a", nAreas), years)
	dists := datasets.NewPanel(keys("d", nDist), years)
	city := datasets.NewPanel([]string{""}, years)
	parent := make([]int, nAreas)
	for a := range parent {
		parent[a] = a * nDist / nAreas
	}
	h := indicators.Hierarchy{Levels: []*datasets.Panel{areas, dists, city}, Parent: [][]int{parent, make([]int, nDist)}}

	vars := keys("v", nVars)
	var fams []datasets.Family
	for g := 0; g < nVars; g += 5 {
		inFamily := (g/5)%2 == 0 && g+5 <= nVars
		var bands [][]float64
		for v := g; v < min(g+5, nVars); v++ {
			if inFamily && v == g {
				continue // the total, set below
			}
			x := disclosureCounts(r, nAreas*len(years))
			setSummed(h, vars[v], x)
			bands = append(bands, x)
		}
		if !inFamily {
			continue
		}
		total := make([]float64, nAreas*len(years))
		for _, b := range bands {
			for i, x := range b {
				total[i] += x
			}
		}
		setSummed(h, vars[g], total)
		member := [][]bool{{true, true, true, true}}
		for b := 0; b < 4; b++ {
			m := make([]bool, 4)
			m[b] = true
			member = append(member, m)
		}
		fams = append(fams, datasets.Family{Table: fmt.Sprintf("t%d", g/5), Column: "anzahl", Vars: vars[g : g+5], Member: member})
	}
	return h, fams, vars
}

// disclosureCounts returns n counts ⌊s·E⌋ with one scale s for all.
func disclosureCounts(r *rand.Rand, n int) []float64 {
	s := 20 * math.Pow(100, r.Float64())
	x := make([]float64, n)
	for i := range x {
		x[i] = math.Floor(s * r.ExpFloat64())
	}
	return x
}

// setSummed sets variable name on the areas to x (year-major) and on
// every higher level to the sums over its parts.
func setSummed(h indicators.Hierarchy, name string, x []float64) {
	ny := len(h.Levels[0].Years)
	for l, p := range h.Levels {
		if l > 0 {
			nk, nc := len(p.Keys), len(h.Levels[l-1].Keys)
			sum := make([]float64, nk*ny)
			for y := 0; y < ny; y++ {
				for c, par := range h.Parent[l-1] {
					sum[y*nk+par] += x[y*nc+c]
				}
			}
			x = sum
		}
		if err := p.Set(name, &datasets.Series{Values: x, Flags: make([]datasets.Flag, len(x))}); err != nil {
			panic(err) // the benchmark's own city: a bug here
		}
	}
}
