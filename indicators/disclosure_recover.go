package indicators

import (
	"fmt"
	"math"
	"sort"

	"gonum.org/v1/gonum/mat"
)

// determined reports, for each of cells (ascending, a union of groups),
// whether the relations fix its value given all known cells: whether the
// null space of the relations that involve the cells, restricted to
// them, has no component along it.
func (t *year) determined(cells []int) ([]bool, error) {
	rows := t.rowsOf(cells)
	if err := t.checkSize(cells, len(rows)); err != nil {
		return nil, err
	}
	out := make([]bool, len(cells))
	if len(rows) == 0 {
		return out, nil // nothing links the cells to anything published
	}
	for j, c := range cells {
		t.col[c] = j
	}
	a := mat.NewDense(len(rows), len(cells), nil)
	for i, e := range rows {
		row := t.s.eqs[e]
		for k, c := range row.cells {
			if j := t.col[c]; j >= 0 {
				a.Set(i, j, a.At(i, j)+row.coef[k])
			}
		}
	}
	for _, c := range cells {
		t.col[c] = -1
	}
	if len(cells) == 1 {
		// The one singular value of a column is its Euclidean norm:
		// nullSpace's rule without the SVD.
		norm := math.Sqrt(mat.Dot(a.ColView(0), a.ColView(0)))
		out[0] = norm > 1e-9*math.Max(1, norm)
		return out, nil
	}
	null, err := t.cfg.nullSpace(a)
	if err != nil {
		return nil, fmt.Errorf("disclosure control, %d: %d hidden or missing counts of %s, linked by %d sums: %w",
			t.s.h.Levels[0].Years[t.y], len(cells), someNames(t.varsOf(cells), 5), len(rows), err)
	}
	for j := range cells {
		free := false
		for _, z := range null {
			if math.Abs(z[j]) > 1e-9 {
				free = true
				break
			}
		}
		out[j] = !free
	}
	return out, nil
}

// rowsOf returns the relations that involve any of cells, ascending.
func (t *year) rowsOf(cells []int) []int {
	var rows []int
	for _, c := range cells {
		rows = append(rows, t.s.byCell[c]...)
	}
	sort.Ints(rows)
	return compactInts(rows)
}

func compactInts(x []int) []int {
	out := x[:0]
	for i, v := range x {
		if i == 0 || v != x[i-1] {
			out = append(out, v)
		}
	}
	return out
}

// complement chooses the published cell to hide so that cell c can no
// longer be recomputed: among the published cells that share a relation
// with c (or, failing that, with any unknown cell), the smallest non-zero
// one that makes c undetermined; if no single cell does, the smallest
// one, and further rounds add more. It returns -1 if there is no
// published cell to hide, and the solved group that hiding the cell
// forms, or nil.
func (t *year) complement(c int) (int, *solved, error) {
	cand := t.neighbours([]int{c})
	if len(cand) == 0 {
		var all []int
		for d, u := range t.unknown {
			if u {
				all = append(all, d)
			}
		}
		cand = t.neighbours(all)
	}
	value := t.value
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
		g, err := t.hides(c, d)
		if err != nil || g != nil {
			return d, g, err
		}
	}
	if len(cand) > 0 {
		return cand[0], nil, nil
	}
	return -1, nil, nil
}

// solved is a group of cells (ascending) with whether each is
// determined.
type solved struct {
	cells []int
	det   []bool
}

// hides reports whether hiding the published cell d makes the determined
// cell c undetermined, and if so returns the group c then belongs to,
// solved. Only c's group, grown by d, is solved, and not even that when
// the structure decides: c stays determined if d joins no relation with
// its group, if a relation in which c is the only unknown cell does not
// contain d, or if a relation of d has no other unknown cell (d would be
// determined by it; the null space would gain no vector).
func (t *year) hides(c, d int) (*solved, error) {
	rc := t.groups.find(c)
	roots := map[int]bool{}
	for _, e := range t.s.byCell[d] {
		for _, x := range t.s.eqs[e].cells {
			if t.unknown[x] {
				roots[t.groups.find(x)] = true
			}
		}
	}
	if !roots[rc] || t.onlyUnknown(c, d) || t.onlyUnknown(d, -1) {
		return nil, nil
	}
	g := &solved{cells: []int{d}}
	for _, r := range sortedKeys(roots) {
		g.cells = append(g.cells, t.members[r]...)
	}
	sort.Ints(g.cells)
	var err error
	if g.det, err = t.determined(g.cells); err != nil || g.det[sort.SearchInts(g.cells, c)] {
		return nil, err
	}
	return g, nil
}

// onlyUnknown reports whether some relation of cell x that does not
// contain cell except has no unknown cell but x: a relation that alone
// determines x.
func (t *year) onlyUnknown(x, except int) bool {
rows:
	for _, e := range t.s.byCell[x] {
		for _, y := range t.s.eqs[e].cells {
			if y == except || (y != x && t.unknown[y]) {
				continue rows
			}
		}
		return true
	}
	return false
}

// neighbours returns the published cells that share a relation with any
// of cells, in ascending order.
func (t *year) neighbours(cells []int) []int {
	seen := map[int]bool{}
	for _, c := range cells {
		for _, e := range t.s.byCell[c] {
			for _, d := range t.s.eqs[e].cells {
				if !t.unknown[d] && !t.absent[d] {
					seen[d] = true
				}
			}
		}
	}
	return sortedKeys(seen)
}
