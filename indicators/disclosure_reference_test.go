package indicators

// The whole-system disclosure control as it was before it was split into
// blocks (commit 3165095), kept verbatim but renamed, with one counter
// added (lastResorts): the reference the per-block version must agree
// with.

import (
	"math"
	"sort"

	"gonum.org/v1/gonum/mat"

	"planatlas/datasets"
)

// suppressWhole is Suppress on one system of all count variables.
func suppressWhole(h Hierarchy, families []datasets.Family, counts []string, threshold int) (res SuppressionResult, lastResorts int) {
	if threshold <= 1 || len(h.Levels) == 0 {
		return res, 0
	}
	s := newWholeSystem(h, families, counts)
	years := h.Levels[0].Years
	for y := range years {
		p, sec := s.suppressYear(y, threshold)
		res.Primary += p
		res.Secondary += sec
	}
	return res, s.lastResorts
}

// wholeSystem holds the cells and relations of one hierarchy, the same in
// every year.
type wholeSystem struct {
	h      Hierarchy
	vars   []string
	offset []int      // first cell of each level
	eqs    []wholeRow // relations
	byCell [][]int    // equations each cell appears in

	// lastResorts counts the cells complement hid from the candidates of
	// all unknown cells when none of them protected the cell: the one
	// choice that can fall outside the cell's block.
	lastResorts int
}

type wholeRow struct {
	cells []int
	coef  []float64
}

func (s *wholeSystem) cell(l, u, v int) int { return s.offset[l] + u*len(s.vars) + v }

func newWholeSystem(h Hierarchy, families []datasets.Family, counts []string) *wholeSystem {
	s := &wholeSystem{h: h, vars: counts}
	n := 0
	for _, p := range h.Levels {
		s.offset = append(s.offset, n)
		n += len(p.Keys) * len(counts)
	}
	varIdx := map[string]int{}
	for i, v := range counts {
		varIdx[v] = i
	}
	// Geography: a parent is the sum of its children.
	for l := 1; l < len(h.Levels); l++ {
		children := make([][]int, len(h.Levels[l].Keys))
		for c, parent := range h.Parent[l-1] {
			children[parent] = append(children[parent], c)
		}
		for u, ch := range children {
			for v := range counts {
				row := wholeRow{cells: []int{s.cell(l, u, v)}, coef: []float64{1}}
				for _, c := range ch {
					row.cells = append(row.cells, s.cell(l-1, c, v))
					row.coef = append(row.coef, -1)
				}
				s.eqs = append(s.eqs, row)
			}
		}
	}
	// Families: every linear dependency among the variables' atom sets
	// holds in every unit.
	for _, f := range families {
		var idx []int
		var rows [][]bool
		for i, v := range f.Vars {
			if k, ok := varIdx[v]; ok {
				idx = append(idx, k)
				rows = append(rows, f.Member[i])
			}
		}
		for _, dep := range wholeDependencies(rows) {
			for l, p := range h.Levels {
				for u := range p.Keys {
					var row wholeRow
					for i, c := range dep {
						if math.Abs(c) > 1e-12 {
							row.cells = append(row.cells, s.cell(l, u, idx[i]))
							row.coef = append(row.coef, c)
						}
					}
					s.eqs = append(s.eqs, row)
				}
			}
		}
	}
	s.byCell = make([][]int, n)
	for e, row := range s.eqs {
		for _, c := range row.cells {
			s.byCell[c] = append(s.byCell[c], e)
		}
	}
	return s
}

// wholeDependencies returns a basis of the vectors c with Σ_v c_v·member_v = 0,
// by the package's own linear algebra: the reference differs from
// Suppress in how it splits the system, not in the null space.
func wholeDependencies(member [][]bool) [][]float64 {
	d, err := dependencies(member, nullSpace)
	if err != nil {
		panic("indicators: " + err.Error())
	}
	return d
}

// suppressYear suppresses year index y and returns the numbers of primary
// and secondary cells.
func (s *wholeSystem) suppressYear(y, threshold int) (primary, secondary int) {
	n := len(s.byCell)
	value := make([]float64, n)
	for l, p := range s.h.Levels {
		nk := len(p.Keys)
		for v, name := range s.vars {
			ser := p.Var(name)
			for u := 0; u < nk; u++ {
				value[s.cell(l, u, v)] = ser.Values[y*nk+u]
			}
		}
	}
	hidden := make([]bool, n)  // suppressed by us
	unknown := make([]bool, n) // hidden; a cell missing in the source is in no sum: known
	for c, x := range value {
		switch {
		case math.IsNaN(x):
		case x >= 1 && x < float64(threshold):
			hidden[c], unknown[c] = true, true
			primary++
		}
	}
	for {
		c := s.firstRecoverable(hidden, unknown)
		if c < 0 {
			break
		}
		comp := s.complement(c, value, unknown)
		if comp < 0 {
			break // cannot happen for a consistent wholeSystem; never loop
		}
		hidden[comp], unknown[comp] = true, true
		secondary++
	}
	for l, p := range s.h.Levels {
		nk := len(p.Keys)
		for v, name := range s.vars {
			ser := p.Var(name)
			for u := 0; u < nk; u++ {
				if hidden[s.cell(l, u, v)] {
					ser.Flags[y*nk+u] |= datasets.Suppressed
				}
			}
		}
	}
	return primary, secondary
}

// firstRecoverable returns the lowest hidden cell that the relations
// determine, or -1.
func (s *wholeSystem) firstRecoverable(hidden, unknown []bool) int {
	det := s.determined(unknown)
	for c := range hidden {
		if hidden[c] && det[c] {
			return c
		}
	}
	return -1
}

// determined reports, for every unknown cell, whether the relations fix
// its value given all known cells.
func (s *wholeSystem) determined(unknown []bool) map[int]bool {
	// The relations that involve unknown cells, restricted to them.
	var cols []int
	col := map[int]int{}
	for c, u := range unknown {
		if u {
			col[c] = len(cols)
			cols = append(cols, c)
		}
	}
	out := map[int]bool{}
	if len(cols) == 0 {
		return out
	}
	seen := map[int]bool{}
	var rows []int
	for _, c := range cols {
		for _, e := range s.byCell[c] {
			if !seen[e] {
				seen[e] = true
				rows = append(rows, e)
			}
		}
	}
	sort.Ints(rows)
	if len(rows) == 0 {
		return out // nothing links the unknown cells to anything published
	}
	a := mat.NewDense(len(rows), len(cols), nil)
	for i, e := range rows {
		row := s.eqs[e]
		for k, c := range row.cells {
			if j, ok := col[c]; ok {
				a.Set(i, j, a.At(i, j)+row.coef[k])
			}
		}
	}
	null, err := nullSpace(a)
	if err != nil {
		panic("indicators: " + err.Error())
	}
	for j, c := range cols {
		free := false
		for _, z := range null {
			if math.Abs(z[j]) > 1e-9 {
				free = true
				break
			}
		}
		out[c] = !free
	}
	return out
}

// complement chooses the published cell to hide so that cell c can no
// longer be recomputed: among the published cells that share a relation
// with c (or, failing that, with any unknown cell), the smallest non-zero
// one that makes c undetermined; if no single cell does, the smallest
// one, and further rounds add more. It returns -1 if there is no
// published cell to hide.
func (s *wholeSystem) complement(c int, value []float64, unknown []bool) int {
	cand := s.neighbours([]int{c}, unknown, value)
	fellBack := len(cand) == 0
	if fellBack {
		var all []int
		for d, u := range unknown {
			if u {
				all = append(all, d)
			}
		}
		cand = s.neighbours(all, unknown, value)
	}
	sort.Slice(cand, func(i, j int) bool {
		a, b := cand[i], cand[j]
		za, zb := value[a] == 0, value[b] == 0
		if za != zb {
			return zb // non-zero first: hiding a zero protects little
		}
		if value[a] != value[b] {
			return value[a] < value[b]
		}
		return a < b
	})
	for _, d := range cand {
		unknown[d] = true
		det := s.determined(unknown)
		unknown[d] = false
		if !det[c] {
			return d
		}
	}
	if len(cand) > 0 {
		if fellBack {
			s.lastResorts++
		}
		return cand[0]
	}
	return -1
}

// neighbours returns the published cells that share a relation with any
// of cells, in ascending order (cells missing in the source are not
// published).
func (s *wholeSystem) neighbours(cells []int, unknown []bool, value []float64) []int {
	seen := map[int]bool{}
	var out []int
	for _, c := range cells {
		for _, e := range s.byCell[c] {
			for _, d := range s.eqs[e].cells {
				if !unknown[d] && !seen[d] && !math.IsNaN(value[d]) {
					seen[d] = true
					out = append(out, d)
				}
			}
		}
	}
	sort.Ints(out)
	return out
}
