package geo

import (
	"fmt"
	"math"
	"sort"

	"github.com/paulmach/orb"
)

// newPointGrid indexes points in a grid with cells of the given side
// (about two points per cell if cell is 0), but never more than four
// cells per point, whatever the distance asked.
func newPointGrid(pts []orb.Point, cell float64) *gridIndex {
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
	cell = math.Max(cell, math.Sqrt(w*h/float64(4*max(len(pts), 1))))
	return newGridIndex(b, cell, len(pts), func(i int) orb.Bound { return orb.Bound{Min: pts[i], Max: pts[i]} })
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
					for _, j := range g.cell(x, y) {
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
				if cs[k-1].d < float64(ring)*g.size || ring > g.nx+g.ny {
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
	reach := int(math.Ceil(d / g.size))
	nb := make(Neighbours, a.Len())
	for i, p := range pts {
		cx, cy := g.cellXY(p)
		for y := max(cy-reach, 0); y <= min(cy+reach, g.ny-1); y++ {
			for x := max(cx-reach, 0); x <= min(cx+reach, g.nx-1); x++ {
				for _, j := range g.cell(x, y) {
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
