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
// boundaries share at least one point (docs/methods.md section 6). Shared
// vertices need not coincide: a vertex of one area that lies on an edge
// of the other within tol metres counts, so an edge split by an extra
// vertex, or a digitising gap up to tol, still makes neighbours. For
// valid polygons that do not overlap, every shared point is a vertex of
// one of them, so testing vertices against edges finds every pair.
func Queen(a *Areas, tol float64) Neighbours {
	ix := newSegmentIndex(a, tol)
	// Segments come area by area, so "already a neighbour of the current
	// area" is a stamp per area rather than a set of pairs.
	found := make([]int32, a.Len()) // 1 + the last area that found it
	nb := make(Neighbours, a.Len())
	for _, sg := range ix.segs {
		v := sg.p // each ring vertex once, as a segment's start
		for _, s := range ix.cell(ix.cellXY(v)) {
			o := ix.segs[s]
			if o.area == sg.area || found[o.area] == int32(sg.area+1) {
				continue
			}
			if pointSegmentDistance(v, o.p, o.q) <= tol {
				found[o.area] = int32(sg.area + 1)
				nb[sg.area] = append(nb[sg.area], o.area)
				nb[o.area] = append(nb[o.area], sg.area)
			}
		}
	}
	// Each pair was found from one side or both: sort and drop repeats.
	for i, row := range nb {
		sort.Ints(row)
		out := row[:0]
		for k, j := range row {
			if k == 0 || j != row[k-1] {
				out = append(out, j)
			}
		}
		nb[i] = out
	}
	return nb
}

// Rook returns rook contiguity: two areas are neighbours if their
// boundaries share a stretch of positive length, so a single common
// corner does not count (docs/methods.md section 6). Two edges share a stretch
// where they run along each other within tol metres, whatever their
// vertices: the length of one edge's projection onto the other, where
// both lie within tol of the other's line, is summed per pair; pairs
// sharing more than a micrometre are neighbours (Berlin has two areas
// whose common edge is 0.18 mm long; spdep counts them too).
func Rook(a *Areas, tol float64) Neighbours {
	ix := newSegmentIndex(a, tol)
	shared := map[[2]int]float64{}
	seen := make([]int32, len(ix.segs)) // by segment: 1 + the last segment that looked at it
	for si, sg := range ix.segs {
		for _, s := range ix.near(sg.p, sg.q) {
			// Each pair of segments once: the one with the lower area
			// looks at the other, and only once from a segment that
			// spans several cells.
			o := ix.segs[s]
			if o.area <= sg.area || seen[s] == int32(si+1) {
				continue
			}
			seen[s] = int32(si + 1)
			if l := collinearOverlap(sg.p, sg.q, o.p, o.q, tol); l > 0 {
				shared[[2]int{sg.area, o.area}] += l
			}
		}
	}
	pairs := map[[2]int]bool{}
	for k, l := range shared {
		if l > 1e-6 {
			pairs[k] = true
		}
	}
	return fromPairs(a.Len(), pairs)
}

// collinearOverlap returns the length along which segment pq runs along
// segment rs: zero unless every end point lies within tol of the other
// segment's line, else the length of the overlap of their projections.
func collinearOverlap(p, q, r, s orb.Point, tol float64) float64 {
	dx, dy := q[0]-p[0], q[1]-p[1]
	l := math.Hypot(dx, dy)
	ex, ey := s[0]-r[0], s[1]-r[1]
	m := math.Hypot(ex, ey)
	if l == 0 || m == 0 {
		return 0
	}
	lineDist := func(v, a orb.Point, ux, uy, n float64) float64 {
		return math.Abs((v[0]-a[0])*uy-(v[1]-a[1])*ux) / n
	}
	if lineDist(r, p, dx, dy, l) > tol || lineDist(s, p, dx, dy, l) > tol ||
		lineDist(p, r, ex, ey, m) > tol || lineDist(q, r, ex, ey, m) > tol {
		return 0
	}
	// Positions of r and s along pq, in metres from p.
	t0 := ((r[0]-p[0])*dx + (r[1]-p[1])*dy) / l
	t1 := ((s[0]-p[0])*dx + (s[1]-p[1])*dy) / l
	lo, hi := math.Max(0, math.Min(t0, t1)), math.Min(l, math.Max(t0, t1))
	return math.Max(0, hi-lo)
}

// segmentIndex holds every boundary segment of the areas in a grid
// over their bounding box, about one segment per cell; a segment is
// entered in every cell its bounding box, widened by tol, touches.
type segmentIndex struct {
	*gridIndex
	segs []segment
}

type segment struct {
	area int
	p, q orb.Point
}

func newSegmentIndex(a *Areas, tol float64) *segmentIndex {
	ix := &segmentIndex{}
	for i, g := range a.Geoms {
		for _, poly := range g {
			for _, ring := range poly {
				for k := 0; k+1 < len(ring); k++ {
					if ring[k] != ring[k+1] {
						ix.segs = append(ix.segs, segment{i, ring[k], ring[k+1]})
					}
				}
			}
		}
	}
	b := a.Bound()
	b.Min, b.Max = orb.Point{b.Min[0] - tol, b.Min[1] - tol}, orb.Point{b.Max[0] + tol, b.Max[1] + tol}
	size := math.Max(math.Sqrt((b.Max[0]-b.Min[0])*(b.Max[1]-b.Min[1])/float64(max(len(ix.segs), 1))), 4*tol)
	ix.gridIndex = newGridIndex(b, size, len(ix.segs), func(s int) orb.Bound {
		sg := ix.segs[s]
		return orb.Bound{
			Min: orb.Point{math.Min(sg.p[0], sg.q[0]) - tol, math.Min(sg.p[1], sg.q[1]) - tol},
			Max: orb.Point{math.Max(sg.p[0], sg.q[0]) + tol, math.Max(sg.p[1], sg.q[1]) + tol},
		}
	})
	return ix
}

// near returns the segments entered in the cells of the box spanned by
// p and q. A segment may be returned more than once.
func (ix *segmentIndex) near(p, q orb.Point) []int32 {
	return ix.inBox(orb.Bound{Min: orb.Point{math.Min(p[0], q[0]), math.Min(p[1], q[1])}, Max: orb.Point{math.Max(p[0], q[0]), math.Max(p[1], q[1])}})
}

func fromPairs(n int, pairs map[[2]int]bool) Neighbours {
	nb := make(Neighbours, n)
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
	if dx == 0 && dy == 0 {
		return math.Hypot(v[0]-p[0], v[1]-p[1])
	}
	t := ((v[0]-p[0])*dx + (v[1]-p[1])*dy) / (dx*dx + dy*dy)
	t = math.Max(0, math.Min(1, t))
	return math.Hypot(v[0]-(p[0]+t*dx), v[1]-(p[1]+t*dy))
}
