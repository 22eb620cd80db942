package indicators

import (
	"math"
	"sort"

	"planatlas/datasets"
)

// year is the suppression of one block in one year. The unknown cells
// (hidden, or missing in the source) fall into groups: the connected
// components of the graph that joins the unknown cells of every
// relation. Whether a cell is determined depends only on its group, so
// it is computed per group and kept until the group grows.
type year struct {
	s               *system
	cfg             config
	y               int
	value           []float64
	hidden, unknown []bool
	absent          []bool     // missing in the source: in no sum, and never hidden
	groups          *unionFind // over cells; only unknown cells are joined
	members         [][]int    // at a group's root: its cells
	fresh           []bool     // at a group's root: det is up to date
	det             []bool     // per unknown cell: the relations fix its value
	col             []int      // scratch: column of a cell in a solve, or -1
}

// newYear reads year index y of the block's variables and applies
// primary suppression.
func (s *system) newYear(y, threshold int, cfg config) *year {
	n := len(s.byCell)
	t := &year{s: s, cfg: cfg, y: y, value: make([]float64, n),
		hidden: make([]bool, n), unknown: make([]bool, n), absent: make([]bool, n),
		groups: newUnionFind(n), members: make([][]int, n),
		fresh: make([]bool, n), det: make([]bool, n), col: make([]int, n)}
	for l, p := range s.h.Levels {
		nk := len(p.Keys)
		for v, name := range s.b.names {
			ser := p.Var(name)
			for u := 0; u < nk; u++ {
				t.value[s.cell(l, u, v)] = ser.Values[y*nk+u]
			}
		}
	}
	for c, x := range t.value {
		t.col[c] = -1
		switch {
		case math.IsNaN(x):
			// A cell missing in the source is in none of the published
			// sums (a district's total is over its areas with a value),
			// so it is known to add nothing to them. In the relations of
			// a family it is taken as known too, which can only make more
			// cells look recoverable: more are hidden, none revealed.
			t.absent[c] = true
		case primary(x, threshold):
			t.hidden[c] = true
			t.addUnknown(c)
		}
	}
	return t
}

// addUnknown makes cell c unknown and joins it to the groups of the
// unknown cells it shares a relation with.
func (t *year) addUnknown(c int) {
	t.unknown[c] = true
	t.members[c] = []int{c}
	for _, e := range t.s.byCell[c] {
		for _, d := range t.s.eqs[e].cells {
			if d != c && t.unknown[d] {
				t.join(c, d)
			}
		}
	}
}

func (t *year) join(a, b int) {
	ra, rb := t.groups.find(a), t.groups.find(b)
	if ra == rb {
		return
	}
	r := t.groups.union(ra, rb)
	other := ra + rb - r
	t.members[r] = append(t.members[r], t.members[other]...)
	t.members[other] = nil
	t.fresh[r], t.fresh[other] = false, false
}

// checkSizes returns a LinkedCellsError if a group is too large for the
// dense method.
func (t *year) checkSizes() error {
	for c, u := range t.unknown {
		if u && t.groups.find(c) == c {
			if err := t.checkSize(t.members[c], len(t.rowsOf(t.members[c]))); err != nil {
				return err
			}
		}
	}
	return nil
}

func (t *year) checkSize(cells []int, sums int) error {
	if len(cells) <= t.cfg.maxCells && sums <= t.cfg.maxSums {
		return nil
	}
	return &LinkedCellsError{Year: t.s.h.Levels[0].Years[t.y], Vars: t.varsOf(cells), Families: t.s.b.families,
		Cells: len(cells), Sums: sums, MaxCells: t.cfg.maxCells, MaxSums: t.cfg.maxSums}
}

// varsOf returns the names of the variables of cells, in block order.
func (t *year) varsOf(cells []int) []string {
	nv := len(t.s.b.names)
	seen := make([]bool, nv)
	for _, c := range cells {
		l := sort.SearchInts(t.s.offset, c+1) - 1
		seen[(c-t.s.offset[l])%nv] = true
	}
	var out []string
	for v, ok := range seen {
		if ok {
			out = append(out, t.s.b.names[v])
		}
	}
	return out
}

// suppress applies secondary suppression, flags the hidden cells and
// returns the numbers of primary and secondary cells.
func (t *year) suppress() (primary, secondary int, err error) {
	for _, h := range t.hidden {
		if h {
			primary++
		}
	}
	for {
		c, err := t.firstRecoverable()
		if err != nil {
			return 0, 0, err
		}
		if c < 0 {
			break
		}
		comp, g, err := t.complement(c)
		if err != nil {
			return 0, 0, err
		}
		if comp < 0 {
			break // cannot happen for a consistent system; never loop
		}
		t.hidden[comp] = true
		t.addUnknown(comp)
		if g != nil { // the group comp joined, solved already
			for i, x := range g.cells {
				t.det[x] = g.det[i]
			}
			t.fresh[t.groups.find(comp)] = true
		}
		secondary++
	}
	t.flag()
	return primary, secondary, nil
}

func (t *year) flag() {
	s := t.s
	for l, p := range s.h.Levels {
		nk := len(p.Keys)
		for v, name := range s.b.names {
			ser := p.Var(name)
			for u := 0; u < nk; u++ {
				if t.hidden[s.cell(l, u, v)] {
					ser.Flags[t.y*nk+u] |= datasets.Suppressed
				}
			}
		}
	}
}

// firstRecoverable returns the lowest hidden cell that the relations
// determine, or -1.
func (t *year) firstRecoverable() (int, error) {
	for c, h := range t.hidden {
		if !h {
			continue
		}
		r := t.groups.find(c)
		if !t.fresh[r] {
			if err := t.solveGroup(r); err != nil {
				return -1, err
			}
		}
		if t.det[c] {
			return c, nil
		}
	}
	return -1, nil
}

// solveGroup brings det up to date for the group with root r.
func (t *year) solveGroup(r int) error {
	cells := t.members[r]
	sort.Ints(cells)
	det, err := t.determined(cells)
	if err != nil {
		return err
	}
	for i, c := range cells {
		t.det[c] = det[i]
	}
	t.fresh[r] = true
	return nil
}
