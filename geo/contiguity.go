package geo

import (
	"math"
	"sort"

	"github.com/paulmach/orb"
)

// Neighbours lists, for each area (by position in the area order), the
// positions of its neighbours in ascending order.
type Neighbours [][]int

// Islands returns the areas without neighbours.
func (nb Neighbours) Islands() []int {
	var out []int
	for i, n := range nb {
		if len(n) == 0 {
			out = append(out, i)
		}
	}
	return out
}

// Queen returns queen contiguity: two areas are neighbours if their
// boundaries share at least one point (METHODS.md section 6). Shared
// vertices need not coincide: a vertex of one area that lies on an edge
// of the other within tol metres counts, so an edge split by an extra
// vertex, or a digitising gap up to tol, still makes neighbours. For
// valid polygons that do not overlap, every shared point is a vertex of
// one of them, so testing vertices against edges finds every pair.
func Queen(a *Areas, tol float64) Neighbours {
	type seg struct {
		area int
		p, q orb.Point
	}
	var segs []seg
	for i, g := range a.Geoms {
		for _, poly := range g {
			for _, ring := range poly {
				for k := 0; k+1 < len(ring); k++ {
					if ring[k] != ring[k+1] {
						segs = append(segs, seg{i, ring[k], ring[k+1]})
					}
				}
			}
		}
	}
	nb := make(Neighbours, a.Len())
	if len(segs) == 0 {
		return nb
	}
	// A uniform grid over the bounding box, about one segment per cell.
	b := a.Bound()
	w := math.Max(b.Max[0]-b.Min[0], 1e-9)
	h := math.Max(b.Max[1]-b.Min[1], 1e-9)
	cell := math.Max(math.Sqrt(w*h/float64(len(segs))), 4*tol)
	nx, ny := int(w/cell)+1, int(h/cell)+1
	cellOf := func(x, y float64) (int, int) {
		cx := int((x - b.Min[0]) / cell)
		cy := int((y - b.Min[1]) / cell)
		return min(max(cx, 0), nx-1), min(max(cy, 0), ny-1)
	}
	grid := make(map[int][]int)
	for s, sg := range segs {
		x0, y0 := cellOf(math.Min(sg.p[0], sg.q[0])-tol, math.Min(sg.p[1], sg.q[1])-tol)
		x1, y1 := cellOf(math.Max(sg.p[0], sg.q[0])+tol, math.Max(sg.p[1], sg.q[1])+tol)
		for cx := x0; cx <= x1; cx++ {
			for cy := y0; cy <= y1; cy++ {
				grid[cy*nx+cx] = append(grid[cy*nx+cx], s)
			}
		}
	}
	pairs := map[[2]int]bool{}
	for _, sg := range segs {
		for _, v := range []orb.Point{sg.p} { // each ring vertex once (as a segment start)
			cx, cy := cellOf(v[0], v[1])
			for _, s := range grid[cy*nx+cx] {
				o := segs[s]
				if o.area == sg.area {
					continue
				}
				key := [2]int{min(sg.area, o.area), max(sg.area, o.area)}
				if pairs[key] {
					continue
				}
				if pointSegmentDistance(v, o.p, o.q) <= tol {
					pairs[key] = true
				}
			}
		}
	}
	for k := range pairs {
		nb[k[0]] = append(nb[k[0]], k[1])
		nb[k[1]] = append(nb[k[1]], k[0])
	}
	for i := range nb {
		sort.Ints(nb[i])
	}
	return nb
}

// pointSegmentDistance returns the distance from v to the segment pq.
func pointSegmentDistance(v, p, q orb.Point) float64 {
	dx, dy := q[0]-p[0], q[1]-p[1]
	t := ((v[0]-p[0])*dx + (v[1]-p[1])*dy) / (dx*dx + dy*dy)
	t = math.Max(0, math.Min(1, t))
	return math.Hypot(v[0]-(p[0]+t*dx), v[1]-(p[1]+t*dy))
}
