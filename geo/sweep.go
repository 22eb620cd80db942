package geo

import (
	"slices"

	"github.com/paulmach/orb"
)

// boundarySweep finds where the boundaries of rings cross, overlap or
// touch, and which ring contains which, in O(n log n) time for n
// vertices whatever their layout (a pairwise test of segments takes
// O(n²), and an R-tree can degrade to it on the long collinear runs of
// densified edges).
//
// The method is a plane sweep (Shamos and Hoey, 1976, as in de Berg et
// al., "Computational Geometry", ch. 2): a vertical line moves over the
// vertices in order of x, then y, and a treap holds the segments it
// currently cuts, bottom to top. Two segments that cross between
// vertices are neighbours in that order just before the crossing, so
// checking each pair of segments when it becomes adjacent finds the
// leftmost crossing; the sweep stops there, since the order is
// meaningless beyond it. Every other meeting of boundaries (a shared
// vertex, a vertex on another segment, a shared stretch) happens at a
// vertex, and at each vertex the sweep looks at all boundary pieces
// ("rays") that leave it: a ring with more than two rays passes through
// the point twice; two rays in the same direction share a stretch; two
// rings whose rays alternate around the point cross there.
//
// All decisions use the exact orientation predicate, so the order of the
// segments cannot contradict itself.
type boundarySweep struct {
	rings [][]orb.Point // vertices of each ring: not closed, no consecutive repeats
	segs  []sweepSeg    // the segments of ring r are segs[start[r]:start[r+1]]
	start []int32
	order []sweepVertex // every vertex, in sweep order
	treap               // the segments the sweep line cuts
	root  int32

	// parent[r] is the innermost ring containing ring r, -1 if none; nil
	// if containment is not wanted. ccw[r]: ring r runs counter-clockwise.
	parent []int32
	ccw    []bool
	// touch, if not nil, is told of every point where two or more rings
	// meet without crossing (rings ascending, no repeats).
	touch func(p orb.Point, rings []int32)

	// Scratch space of one event.
	rays      []ray
	thru, mid []int32
	ringsAt   []int32
	stack     []int32
	onStack   []bool // by ring
}

// sweepSeg is a segment in sweep order: a before b.
type sweepSeg struct {
	a, b orb.Point
	ring int32
	k    int32 // the segment runs from vertex k to vertex k+1 of its ring
	rev  bool  // the ring runs from b to a
}

type sweepVertex struct {
	p       orb.Point
	ring, k int32
}

// ray is a piece of boundary leaving an event point towards q, on
// segment seg.
type ray struct {
	q   orb.Point
	seg int32
}

// findingKind says how boundaries meet where they must not.
type findingKind uint8

const (
	noFinding findingKind = iota
	crossing              // boundaries cross, between vertices or at one
	overlap               // two segments share a stretch
	selfTouch             // a ring passes through a point twice
)

// finding is where the sweep stopped: at, the rings involved (equal for
// a ring alone). It is always a vertex: where segments cross between
// vertices, the nearest of their ends.
type finding struct {
	kind findingKind
	at   orb.Point
	a, b int32
}

// before reports whether p comes before q in sweep order.
func before(p, q orb.Point) bool {
	return p[0] < q[0] || p[0] == q[0] && p[1] < q[1]
}

// comparePoints orders finite points in sweep order.
func comparePoints(p, q orb.Point) int {
	switch {
	case p[0] < q[0]:
		return -1
	case p[0] > q[0]:
		return 1
	case p[1] < q[1]:
		return -1
	case p[1] > q[1]:
		return 1
	}
	return 0
}

// reset prepares a sweep over rings (each at least three vertices, not
// closed, without consecutive repeats), with containment if asked.
func (s *boundarySweep) reset(rings [][]orb.Point, containment bool) {
	s.rings = rings
	s.touch = nil
	s.start = grow(s.start, len(rings)+1)
	n := 0
	for r, ring := range rings {
		s.start[r] = int32(n)
		n += len(ring)
	}
	s.start[len(rings)] = int32(n)
	s.segs = grow(s.segs, n)
	s.order = grow(s.order, n)
	for r, ring := range rings {
		for k, p := range ring {
			q := ring[(k+1)%len(ring)]
			sg := sweepSeg{a: p, b: q, ring: int32(r), k: int32(k)}
			if before(q, p) {
				sg.a, sg.b, sg.rev = q, p, true
			}
			s.segs[int(s.start[r])+k] = sg
			s.order[int(s.start[r])+k] = sweepVertex{p, int32(r), int32(k)}
		}
	}
	slices.SortFunc(s.order, func(u, v sweepVertex) int { return comparePoints(u.p, v.p) })
	s.treap.reset(n)
	s.root = -1
	s.onStack = grow(s.onStack, len(rings))
	clear(s.onStack)
	s.parent, s.ccw = nil, nil
	if containment {
		s.parent = grow(s.parent, len(rings))
		s.ccw = grow(s.ccw, len(rings))
		for r := range rings {
			s.parent[r] = -2 // not yet known
			s.ccw[r] = ringIsCCW(rings[r])
		}
	}
}

// ringIsCCW reports whether a simple ring runs counter-clockwise, judged
// exactly at its first vertex in sweep order, where it is convex.
func ringIsCCW(ring []orb.Point) bool {
	lo := 0
	for k, p := range ring {
		if before(p, ring[lo]) {
			lo = k
		}
	}
	n := len(ring)
	return orientation(ring[(lo+n-1)%n], ring[lo], ring[(lo+1)%n]) > 0
}

// run sweeps over all vertices and returns the first finding, or one of
// kind noFinding.
func (s *boundarySweep) run() finding {
	for lo := 0; lo < len(s.order); {
		p := s.order[lo].p
		hi := lo + 1
		for hi < len(s.order) && s.order[hi].p == p {
			hi++
		}
		if f := s.event(p, s.order[lo:hi]); f.kind != noFinding {
			return f
		}
		lo = hi
	}
	return finding{}
}

// event moves the sweep line over point p, where the vertices at lie.
func (s *boundarySweep) event(p orb.Point, at []sweepVertex) finding {
	side := func(i int32) int { return orientation(s.segs[i].a, s.segs[i].b, p) }
	below, rest := s.split(s.root, func(i int32) bool { return side(i) > 0 })
	through, above := s.split(rest, func(i int32) bool { return side(i) == 0 })
	// The rays at p: segments ending at p or passing through it, and those
	// starting at p; the latter two continue to the right (mid).
	s.thru = s.appendInOrder(s.thru[:0], through)
	s.rays, s.mid = s.rays[:0], s.mid[:0]
	for _, i := range s.thru {
		s.rays = append(s.rays, ray{s.segs[i].a, i})
		if s.segs[i].b != p {
			s.rays = append(s.rays, ray{s.segs[i].b, i})
			s.mid = append(s.mid, i)
		}
	}
	for _, v := range at {
		m := int32(len(s.rings[v.ring]))
		for _, i := range [2]int32{s.start[v.ring] + (v.k+m-1)%m, s.start[v.ring] + v.k} {
			if s.segs[i].a == p {
				s.rays = append(s.rays, ray{s.segs[i].b, i})
				s.mid = append(s.mid, i)
			}
		}
	}
	if f := s.checkRays(p); f.kind != noFinding {
		return f
	}
	// Bottom to top just right of p: by direction.
	slices.SortFunc(s.mid, func(i, j int32) int { return -orientation(p, s.segs[i].b, s.segs[j].b) })
	if s.parent != nil {
		s.findParents(below)
	}
	mid := int32(-1)
	for _, i := range s.mid {
		mid = s.merge(mid, s.detach(i))
	}
	lo, hi := s.last(below), s.first(above)
	var f finding
	if len(s.mid) > 0 {
		if f = s.cross(lo, s.mid[0]); f.kind == noFinding {
			f = s.cross(s.mid[len(s.mid)-1], hi)
		}
	} else {
		f = s.cross(lo, hi)
	}
	s.root = s.merge(s.merge(below, mid), above)
	return f
}

// cross checks two segments that have become neighbours for a crossing
// or a shared stretch; where they only touch, a vertex lies, and the
// event there judges it.
func (s *boundarySweep) cross(i, j int32) finding {
	if i < 0 || j < 0 {
		return finding{}
	}
	u, v := &s.segs[i], &s.segs[j]
	o1, o2 := orientation(u.a, u.b, v.a), orientation(u.a, u.b, v.b)
	o3, o4 := orientation(v.a, v.b, u.a), orientation(v.a, v.b, u.b)
	switch {
	case o1*o2 < 0 && o3*o4 < 0:
		return finding{kind: crossing, at: s.nearestEnd(i, j), a: u.ring, b: v.ring}
	case o1 == 0 && o2 == 0 && before(maxPoint(u.a, v.a), minPoint(u.b, v.b)):
		return finding{kind: overlap, at: maxPoint(u.a, v.a), a: u.ring, b: v.ring}
	}
	return finding{}
}

// nearestEnd returns the vertex nearest to where segments i and j cross:
// a place the user can find in an editor. Of equally near vertices it
// takes the first in ring order.
func (s *boundarySweep) nearestEnd(i, j int32) orb.Point {
	u, v := &s.segs[i], &s.segs[j]
	d := orb.Point{u.b[0] - u.a[0], u.b[1] - u.a[1]}
	e := orb.Point{v.b[0] - v.a[0], v.b[1] - v.a[1]}
	t := ((v.a[0]-u.a[0])*e[1] - (v.a[1]-u.a[1])*e[0]) / (d[0]*e[1] - d[1]*e[0])
	x := orb.Point{u.a[0] + t*d[0], u.a[1] + t*d[1]}
	best, bestRing, bestK := orb.Point{}, int32(-1), int32(0)
	bestDist := 0.0
	for _, sg := range [2]*sweepSeg{u, v} {
		m := int32(len(s.rings[sg.ring]))
		for _, k := range [2]int32{sg.k, (sg.k + 1) % m} {
			p := s.rings[sg.ring][k]
			dist := (p[0]-x[0])*(p[0]-x[0]) + (p[1]-x[1])*(p[1]-x[1])
			if bestRing < 0 || dist < bestDist || dist == bestDist && (sg.ring < bestRing || sg.ring == bestRing && k < bestK) {
				best, bestRing, bestK, bestDist = p, sg.ring, k, dist
			}
		}
	}
	return best
}

func maxPoint(p, q orb.Point) orb.Point {
	if before(p, q) {
		return q
	}
	return p
}

func minPoint(p, q orb.Point) orb.Point {
	if before(p, q) {
		return p
	}
	return q
}
