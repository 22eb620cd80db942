package geo

import (
	"math"

	"github.com/paulmach/orb"
)

// gridIndex is a uniform grid over a box in which each cell lists the
// items (segments, points, areas) whose boxes touch it. The lists are
// stored one after the other (compressed sparse rows): cell c's items
// are items[start[c]:start[c+1]]. For the evenly spread geometry of a
// city it finds neighbours in constant time per query, with two slices
// and no pointers for the garbage collector.
type gridIndex struct {
	minX, minY float64
	size       float64 // a cell's side
	nx, ny     int
	start      []int32 // len nx*ny+1
	items      []int32
}

// newGridIndex enters items 0..n-1 into a grid over b with cells of the
// given side, each in every cell its box touches.
func newGridIndex(b orb.Bound, size float64, n int, box func(i int) orb.Bound) *gridIndex {
	w, h := math.Max(b.Max[0]-b.Min[0], 1e-9), math.Max(b.Max[1]-b.Min[1], 1e-9)
	if !(size > 0) {
		size = math.Max(w, h)
	}
	g := &gridIndex{minX: b.Min[0], minY: b.Min[1], size: size, nx: int(w/size) + 1, ny: int(h/size) + 1}
	// Two passes: count the entries per cell, then fill them.
	count := make([]int32, g.nx*g.ny+1)
	each := func(fn func(c, i int)) {
		for i := 0; i < n; i++ {
			bi := box(i)
			x0, y0 := g.cellXY(bi.Min)
			x1, y1 := g.cellXY(bi.Max)
			for y := y0; y <= y1; y++ {
				for x := x0; x <= x1; x++ {
					fn(y*g.nx+x, i)
				}
			}
		}
	}
	each(func(c, _ int) { count[c+1]++ })
	for c := 1; c < len(count); c++ {
		count[c] += count[c-1]
	}
	g.start = append([]int32(nil), count...)
	g.items = make([]int32, count[len(count)-1])
	each(func(c, i int) {
		g.items[count[c]] = int32(i)
		count[c]++
	})
	return g
}

// cellXY returns the cell of p, clamped to the grid.
func (g *gridIndex) cellXY(p orb.Point) (int, int) {
	cx := int((p[0] - g.minX) / g.size)
	cy := int((p[1] - g.minY) / g.size)
	return min(max(cx, 0), g.nx-1), min(max(cy, 0), g.ny-1)
}

// cell returns the items of cell (cx, cy).
func (g *gridIndex) cell(cx, cy int) []int32 {
	c := cy*g.nx + cx
	return g.items[g.start[c]:g.start[c+1]]
}

// inBox returns the items of the cells that the box b touches; an item
// in several of them is returned several times.
func (g *gridIndex) inBox(b orb.Bound) []int32 {
	x0, y0 := g.cellXY(b.Min)
	x1, y1 := g.cellXY(b.Max)
	if x0 == x1 && y0 == y1 {
		return g.cell(x0, y0)
	}
	var out []int32
	for y := y0; y <= y1; y++ {
		for x := x0; x <= x1; x++ {
			out = append(out, g.cell(x, y)...)
		}
	}
	return out
}
