package indicators

import (
	"fmt"
	"math"
	"sort"

	"planatlas/datasets"
)

// block is a set of count variables that no relation links to any
// variable outside it, with the family relations among them.
type block struct {
	names    []string  // the variables, in the order of counts
	deps     []linkRow // family relations, over indices into names
	families []string  // "table/column" of the families that link them
}

// linkRow is one linear dependency among a block's variables; it holds
// in every unit of every level.
type linkRow struct {
	vars []int
	coef []float64
}

// partition splits counts into blocks: the connected components of the
// graph whose vertices are the variables and whose edges join the
// variables of each family dependency (with a non-zero coefficient).
// Blocks come in the order of their first variable in counts.
func partition(families []datasets.Family, counts []string, cfg config) ([]block, error) {
	varIdx := make(map[string]int, len(counts))
	for i, v := range counts {
		varIdx[v] = i
	}
	uf := newUnionFind(len(counts))
	type famDep struct {
		family string
		row    linkRow // over indices into counts
	}
	var deps []famDep
	for _, f := range families {
		var idx []int
		var rows [][]bool
		for i, v := range f.Vars {
			if k, ok := varIdx[v]; ok {
				idx = append(idx, k)
				rows = append(rows, f.Member[i])
			}
		}
		label := f.Table + "/" + f.Column
		if len(idx) > cfg.maxCells {
			return nil, &LinkedCellsError{Families: []string{label}, Vars: namesOf(counts, idx), Cells: len(idx), MaxCells: cfg.maxCells, MaxSums: cfg.maxSums, family: true}
		}
		basis, err := dependencies(rows, cfg.nullSpace)
		if err != nil {
			return nil, fmt.Errorf("disclosure control: relations of family %s (%d variables): %w", label, len(idx), err)
		}
		for _, dep := range basis {
			var row linkRow
			for i, c := range dep {
				if math.Abs(c) > 1e-12 {
					row.vars = append(row.vars, idx[i])
					row.coef = append(row.coef, c)
					uf.union(row.vars[0], idx[i])
				}
			}
			deps = append(deps, famDep{label, row})
		}
	}
	blockOf := make([]int, len(counts)) // block of each variable
	local := make([]int, len(counts))   // its index in the block
	roots := map[int]int{}
	var out []block
	for v, name := range counts {
		r := uf.find(v)
		b, ok := roots[r]
		if !ok {
			b = len(out)
			roots[r] = b
			out = append(out, block{})
		}
		blockOf[v], local[v] = b, len(out[b].names)
		out[b].names = append(out[b].names, name)
	}
	for _, d := range deps {
		if len(d.row.vars) == 0 {
			continue
		}
		b := &out[blockOf[d.row.vars[0]]]
		row := linkRow{coef: d.row.coef}
		for _, v := range d.row.vars {
			row.vars = append(row.vars, local[v])
		}
		b.deps = append(b.deps, row)
		if !containsString(b.families, d.family) {
			b.families = append(b.families, d.family)
		}
	}
	return out, nil
}

func namesOf(names []string, idx []int) []string {
	out := make([]string, len(idx))
	for i, k := range idx {
		out[i] = names[k]
	}
	return out
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// system holds the cells and relations of one block on the hierarchy,
// the same in every year. Cells are numbered level by level, unit by
// unit, variable by variable: the order of the cells of the whole
// system, restricted to the block.
type system struct {
	h      Hierarchy
	b      *block
	offset []int   // first cell of each level
	eqs    []eqRow // relations
	byCell [][]int // relations each cell appears in, ascending
}

type eqRow struct {
	cells []int
	coef  []float64
}

func (s *system) cell(l, u, v int) int { return s.offset[l] + u*len(s.b.names) + v }

// newSystem lists the relations of block b: for every variable, each
// district and the city is the sum of its parts; for every family
// dependency, in every unit of every level, the variables' weighted sum
// is zero.
func newSystem(h Hierarchy, b *block) *system {
	s := &system{h: h, b: b}
	nv, n := len(b.names), 0
	for _, p := range h.Levels {
		s.offset = append(s.offset, n)
		n += len(p.Keys) * nv
	}
	for l := 1; l < len(h.Levels); l++ {
		children := make([][]int, len(h.Levels[l].Keys))
		for c, parent := range h.Parent[l-1] {
			children[parent] = append(children[parent], c)
		}
		for u, ch := range children {
			for v := 0; v < nv; v++ {
				row := eqRow{cells: []int{s.cell(l, u, v)}, coef: []float64{1}}
				for _, c := range ch {
					row.cells = append(row.cells, s.cell(l-1, c, v))
					row.coef = append(row.coef, -1)
				}
				s.eqs = append(s.eqs, row)
			}
		}
	}
	for _, dep := range b.deps {
		for l, p := range h.Levels {
			for u := range p.Keys {
				row := eqRow{coef: dep.coef}
				for _, v := range dep.vars {
					row.cells = append(row.cells, s.cell(l, u, v))
				}
				s.eqs = append(s.eqs, row)
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

// unionFind is a disjoint-set forest with union by size and path halving
// (Tarjan 1975).
type unionFind struct{ parent, size []int }

func newUnionFind(n int) *unionFind {
	u := &unionFind{parent: make([]int, n), size: make([]int, n)}
	for i := range u.parent {
		u.parent[i], u.size[i] = i, 1
	}
	return u
}

func (u *unionFind) find(x int) int {
	for u.parent[x] != x {
		u.parent[x] = u.parent[u.parent[x]]
		x = u.parent[x]
	}
	return x
}

// union joins the sets of x and y and returns the root of the union.
func (u *unionFind) union(x, y int) int {
	x, y = u.find(x), u.find(y)
	if x == y {
		return x
	}
	if u.size[x] < u.size[y] {
		x, y = y, x
	}
	u.parent[y] = x
	u.size[x] += u.size[y]
	return x
}

// sortedKeys returns the keys of a set in ascending order.
func sortedKeys(set map[int]bool) []int {
	out := make([]int, 0, len(set))
	for k := range set {
		out = append(out, k)
	}
	sort.Ints(out)
	return out
}
