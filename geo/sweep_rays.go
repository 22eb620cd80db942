package geo

import (
	"slices"

	"github.com/paulmach/orb"
)

// checkRays judges the boundary pieces (s.rays) that leave the event
// point p. A ring passing through p once has two rays there; more mean it
// passes twice (touches itself). Two rays in the same direction lie on one
// stretch. Rings that meet at p without crossing nest around it: in the
// circular order of the rays, the two rays of one ring are never
// separated by only one ray of another, which a stack checks as for
// balanced brackets.
func (s *boundarySweep) checkRays(p orb.Point) finding {
	ringOf := func(r ray) int32 { return s.segs[r.seg].ring }
	rays := s.rays
	if len(rays) == 2 && ringOf(rays[0]) == ringOf(rays[1]) {
		// A vertex of one ring, the common case.
		if sameDirection(p, rays[0].q, rays[1].q) {
			g := ringOf(rays[0])
			return finding{kind: overlap, at: p, a: g, b: g}
		}
		return finding{}
	}
	slices.SortFunc(rays, func(u, v ray) int { return compareAngles(p, u.q, v.q) })
	for k := 1; k < len(rays); k++ {
		if sameDirection(p, rays[k-1].q, rays[k].q) {
			return finding{kind: overlap, at: p, a: ringOf(rays[k-1]), b: ringOf(rays[k])}
		}
	}
	s.ringsAt = s.ringsAt[:0]
	for _, r := range rays {
		s.ringsAt = append(s.ringsAt, ringOf(r))
	}
	slices.Sort(s.ringsAt)
	for k := 2; k < len(s.ringsAt); k++ {
		if s.ringsAt[k] == s.ringsAt[k-2] {
			g := s.ringsAt[k]
			return finding{kind: selfTouch, at: p, a: g, b: g}
		}
	}
	if f := s.nested(p, ringOf); f.kind != noFinding {
		return f
	}
	if s.touch != nil {
		s.touch(p, slices.Compact(s.ringsAt))
	}
	return finding{}
}

// nested checks that the rays of the rings at p, two per ring, nest in
// their circular order (s.rays sorted by angle).
func (s *boundarySweep) nested(p orb.Point, ringOf func(ray) int32) finding {
	stack := s.stack[:0]
	defer func() {
		for _, g := range stack {
			s.onStack[g] = false
		}
		s.stack = stack[:0]
	}()
	for _, r := range s.rays {
		g := ringOf(r)
		switch {
		case len(stack) > 0 && stack[len(stack)-1] == g:
			stack = stack[:len(stack)-1]
			s.onStack[g] = false
		case s.onStack[g]:
			return finding{kind: crossing, at: p, a: g, b: stack[len(stack)-1]}
		default:
			stack = append(stack, g)
			s.onStack[g] = true
		}
	}
	return finding{}
}

// findParents sets the containing ring of each ring whose first vertex
// in sweep order is the event point: the rings containing its inside
// near that point are those containing the points just above the segment
// below its lower segment there (s.mid is ordered bottom to top).
func (s *boundarySweep) findParents(below int32) {
	for j, i := range s.mid {
		r := s.segs[i].ring
		if s.parent[r] != -2 {
			continue
		}
		under := s.last(below)
		if j > 0 {
			under = s.mid[j-1]
		}
		s.parent[r] = s.enclosing(under)
	}
}

// enclosing returns the innermost ring containing the points just above
// segment i (-1 for none): its own ring if the ring's inside lies above
// it, else the ring that contains its ring.
func (s *boundarySweep) enclosing(i int32) int32 {
	if i < 0 {
		return -1
	}
	sg := &s.segs[i]
	if s.ccw[sg.ring] != sg.rev {
		return sg.ring
	}
	return s.parent[sg.ring]
}

// sameDirection reports whether the rays from p towards q1 and q2 point
// the same way.
func sameDirection(p, q1, q2 orb.Point) bool {
	return orientation(p, q1, q2) == 0 &&
		sign(q1[0]-p[0]) == sign(q2[0]-p[0]) && sign(q1[1]-p[1]) == sign(q2[1]-p[1])
}

// compareAngles orders rays from p counter-clockwise, starting with the
// direction of the positive x axis.
func compareAngles(p, q1, q2 orb.Point) int {
	if h1, h2 := lowerHalf(p, q1), lowerHalf(p, q2); h1 != h2 {
		if h1 {
			return 1
		}
		return -1
	}
	return -orientation(p, q1, q2)
}

// lowerHalf reports whether the direction from p to q has an angle in
// [π, 2π).
func lowerHalf(p, q orb.Point) bool {
	dy := q[1] - p[1]
	return dy < 0 || dy == 0 && q[0] < p[0]
}
