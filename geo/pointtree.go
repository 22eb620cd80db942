package geo

import (
	"cmp"
	"slices"

	"github.com/paulmach/orb"
)

// pointTree is a static k-d tree over points (Bentley, 1975), laid out in
// one array: each range holds the median of its points by the range's
// axis in its middle, the points with smaller or equal coordinates before
// it and those with larger or equal ones after, the axes alternating by
// level. Built by sorting in O(n log² n), it finds the points in a box in
// O(√n + k) for k points found, whatever their layout; a uniform grid
// (gridIndex) is faster for evenly spread points but degrades when they
// crowd into a few cells.
type pointTree struct {
	pts []orb.Point
	idx []int32 // indexes into pts, in tree order
}

// newPointTree indexes the points pts[i] for which keep(i) holds.
func newPointTree(pts []orb.Point, keep func(i int) bool) *pointTree {
	t := &pointTree{pts: pts}
	for i := range pts {
		if keep(i) {
			t.idx = append(t.idx, int32(i))
		}
	}
	t.build(t.idx, 0)
	return t
}

func (t *pointTree) build(idx []int32, axis int) {
	for len(idx) > 1 {
		slices.SortFunc(idx, func(a, b int32) int { return cmp.Compare(t.pts[a][axis], t.pts[b][axis]) })
		m := len(idx) / 2
		t.build(idx[:m], 1-axis)
		idx, axis = idx[m+1:], 1-axis
	}
}

// inBound calls fn with the index of every point in the closed box b.
func (t *pointTree) inBound(b orb.Bound, fn func(i int32)) {
	t.search(t.idx, 0, b, fn)
}

func (t *pointTree) search(idx []int32, axis int, b orb.Bound, fn func(int32)) {
	for len(idx) > 0 {
		m := len(idx) / 2
		p := t.pts[idx[m]]
		if p[0] >= b.Min[0] && p[0] <= b.Max[0] && p[1] >= b.Min[1] && p[1] <= b.Max[1] {
			fn(idx[m])
		}
		left, right := b.Min[axis] <= p[axis], b.Max[axis] >= p[axis]
		switch {
		case left && right:
			t.search(idx[:m], 1-axis, b, fn)
			idx = idx[m+1:]
		case left:
			idx = idx[:m]
		case right:
			idx = idx[m+1:]
		default:
			return
		}
		axis = 1 - axis
	}
}
