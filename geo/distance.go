package geo

import (
	"fmt"
	"math"
	"sort"

	"github.com/paulmach/orb"
)

// pointGrid is a uniform grid over points, about two per cell, for
// nearest-neighbour and distance searches.
type pointGrid struct {
	pts    []orb.Point
	minX   float64
	minY   float64
	cell   float64
	nx, ny int
	start  []int32
	items  []int32
}

func newPointGrid(pts []orb.Point, cell float64) *pointGrid {
	g := &pointGrid{pts: pts}
	var b orb.Bound
	for i, p := range pts {
		if i == 0 {
			b = orb.Bound{Min: p, Max: p}
		} else {
			b = b.Extend(p)
		}
	}
	w, h := math.Max(b.Max[0]-b.Min[0], 1e-9), math.Max(b.Max[1]-b.Min[1], 1e-9)
	if cell <= 0 {
		cell = math.Sqrt(2 * w * h / float64(max(len(pts), 1)))
	}
	// Not more cells than a few per point, whatever the distance asked.
	cell = math.Max(cell, math.Sqrt(w*h/float64(4*max(len(pts), 1))))
	g.minX, g.minY, g.cell = b.Min[0], b.Min[1], cell
	g.nx, g.ny = int(w/cell)+1, int(h/cell)+1
	count := make([]int32, g.nx*g.ny+1)
	for _, p := range pts {
		count[g.cellIndex(p)+1]++
	}
	for c := 1; c < len(count); c++ {
		count[c] += count[c-1]
	}
	g.start = append([]int32(nil), count...)
	g.items = make([]int32, len(pts))
	for i, p := range pts {
		c := g.cellIndex(p)
		g.items[count[c]] = int32(i)
		count[c]++
	}
	return g
}

func (g *pointGrid) cellXY(p orb.Point) (int, int) {
	cx := int((p[0] - g.minX) / g.cell)
	cy := int((p[1] - g.minY) / g.cell)
	return min(max(cx, 0), g.nx-1), min(max(cy, 0), g.ny-1)
}

func (g *pointGrid) cellIndex(p orb.Point) int {
	cx, cy := g.cellXY(p)
	return cy*g.nx + cx
}

// KNearest returns the k nearest neighbours of each area, measured
// between label points; ties at the k-th distance go to the area that
// comes first in the area order, so the result does not depend on the
// search. The relation is not symmetric.
func KNearest(a *Areas, k int) (Neighbours, error) {
	n := a.Len()
	if k < 1 || k >= n {
		return nil, fmt.Errorf("k nearest neighbours: k must be between 1 and %d (the number of areas less one), not %d", n-1, k)
	}
	pts := a.LabelPoints()
	g := newPointGrid(pts, 0)
	nb := make(Neighbours, n)
	type cand struct {
		d float64
		j int
	}
	var cs []cand
	for i, p := range pts {
		cx, cy := g.cellXY(p)
		cs = cs[:0]
		for ring := 0; ; ring++ {
			// Cells at Chebyshev distance ring from p's cell.
			for y := cy - ring; y <= cy+ring; y++ {
				if y < 0 || y >= g.ny {
					continue
				}
				step := 1
				if y != cy-ring && y != cy+ring {
					step = 2 * ring
				}
				for x := cx - ring; x <= cx+ring; x += max(step, 1) {
					if x < 0 || x >= g.nx {
						continue
					}
					c := y*g.nx + x
					for _, j := range g.items[g.start[c]:g.start[c+1]] {
						if int(j) != i {
							q := pts[j]
							cs = append(cs, cand{math.Hypot(q[0]-p[0], q[1]-p[1]), int(j)})
						}
					}
				}
			}
			// Everything within ring*cell of p has been seen.
			if len(cs) >= k {
				sort.Slice(cs, func(u, v int) bool {
					if cs[u].d != cs[v].d {
						return cs[u].d < cs[v].d
					}
					return cs[u].j < cs[v].j
				})
				if cs[k-1].d < float64(ring)*g.cell || ring > g.nx+g.ny {
					break
				}
			}
		}
		row := make([]int, k)
		for m := range row {
			row[m] = cs[m].j
		}
		sort.Ints(row)
		nb[i] = row
	}
	return nb, nil
}

// DistanceBand returns, for each area, the areas whose label points lie
// within d metres of its own (d included, as in PySAL's DistanceBand and
// spdep's dnearneigh).
func DistanceBand(a *Areas, d float64) (Neighbours, error) {
	if !(d > 0) {
		return nil, fmt.Errorf("distance band: the distance must be positive, not %g", d)
	}
	pts := a.LabelPoints()
	g := newPointGrid(pts, d)
	reach := int(math.Ceil(d / g.cell))
	nb := make(Neighbours, a.Len())
	for i, p := range pts {
		cx, cy := g.cellXY(p)
		for y := max(cy-reach, 0); y <= min(cy+reach, g.ny-1); y++ {
			for x := max(cx-reach, 0); x <= min(cx+reach, g.nx-1); x++ {
				c := y*g.nx + x
				for _, j := range g.items[g.start[c]:g.start[c+1]] {
					q := pts[j]
					if int(j) != i && math.Hypot(q[0]-p[0], q[1]-p[1]) <= d {
						nb[i] = append(nb[i], int(j))
					}
				}
			}
		}
		sort.Ints(nb[i])
	}
	return nb, nil
}
