package geo

import (
	"planatlas/lang"
	"strconv"

	"github.com/paulmach/orb"
)

// validPolygon checks OGC validity (simple rings, holes inside their
// shell, parts not overlapping) and explains a failure for a planner.
//
// The rules and their order are those of simplefeatures' Validate, which
// planatlas used before: for each polygon in turn, every ring must be
// simple (it neither crosses nor touches itself; consecutive collinear
// vertices are fine, doubling back along a line is not), then its rings
// may meet only at single points, holes must lie inside the shell and not
// inside each other, and the points where rings touch must not close a
// loop, which would cut the inside apart; finally the polygons of a
// multipolygon may touch at points but not overlap or share an edge.
// Each level is one plane sweep (boundarySweep), so the check takes
// O(n log n) time for n vertices; simplefeatures' R-tree takes O(n²) on
// the long collinear runs of densified edges.
func validPolygon(mp orb.MultiPolygon) error {
	var v validator
	all := make([][]orb.Point, 0, len(mp))
	var shells []int // index of each non-empty polygon's shell in all
	for pi, p := range mp {
		if len(p) == 0 {
			continue // an empty polygon is valid and meets nothing
		}
		rings := make([][]orb.Point, len(p))
		for ri, r := range p {
			rings[ri] = ringVertices(r)
			if !v.simple(rings[ri]) {
				return invalidAt(v.at, "polygon %d, ring %d, a ring crosses or touches itself", pi+1, ri+1)
			}
		}
		if err := v.polygon(pi, rings); err != nil {
			return err
		}
		shells = append(shells, len(all))
		all = append(all, rings...)
	}
	return v.parts(all, shells)
}

// validator holds the sweep of validPolygon, reused from ring to ring, and
// where the last check failed.
type validator struct {
	sweep boundarySweep
	one   [1][]orb.Point
	at    orb.Point
}

// simple reports whether a ring neither crosses nor touches itself.
func (v *validator) simple(ring []orb.Point) bool {
	if len(ring) < 3 {
		// Fewer than three distinct vertices: the ring runs there and back.
		if len(ring) > 0 {
			v.at = ring[0]
		}
		return false
	}
	v.one[0] = ring
	v.sweep.reset(v.one[:], false)
	f := v.sweep.run()
	v.at = f.at
	return f.kind == noFinding
}

// polygon checks how the simple rings of polygon pi (shell first) lie
// to each other.
func (v *validator) polygon(pi int, rings [][]orb.Point) error {
	if len(rings) < 2 {
		return nil
	}
	s := &v.sweep
	s.reset(rings, true)
	var t ringTouches
	t.init(len(rings))
	s.touch = t.add
	if f := s.run(); f.kind != noFinding {
		return invalidAt(f.at, "polygon %d, rings of the polygon cross each other", pi+1)
	}
	if t.twice {
		return invalidAt(t.twiceAt, "polygon %d, rings of the polygon cross each other", pi+1)
	}
	for h := 1; h < len(rings); h++ {
		if s.parent[h] > 0 {
			return invalidAt(rings[h][0], "polygon %d, a hole lies inside another hole", pi+1)
		}
	}
	for h := 1; h < len(rings); h++ {
		if s.parent[h] != 0 {
			return invalidAt(rings[h][0], "polygon %d, a hole lies outside its polygon", pi+1)
		}
	}
	if t.loop {
		return lang.Errorf("not a valid polygon: polygon %d, holes touch each other and the outer ring in a closed chain that cuts the polygon apart", pi+1)
	}
	return nil
}

// parts checks that the valid polygons of a multipolygon do not overlap:
// their boundaries must not cross or share a stretch, and no shell may lie
// inside another polygon's shell other than in one of its holes. rings
// holds the rings of all polygons, shells the index of each polygon's
// shell there. Only polygons whose boxes overlap can meet, so the sweep
// runs on each group of those (overlapGroups); the many disjoint parts of
// a typical multipolygon need none.
func (v *validator) parts(rings [][]orb.Point, shells []int) error {
	if len(shells) < 2 {
		return nil
	}
	boxes := make([]orb.Bound, len(shells))
	for pi, g := range shells {
		boxes[pi] = pointsBound(rings[g]) // a valid polygon's holes lie inside its shell
	}
	var group [][]orb.Point
	var isShell []bool
	for _, polys := range overlapGroups(boxes) {
		group, isShell = group[:0], isShell[:0]
		for _, pi := range polys {
			end := len(rings)
			if int(pi)+1 < len(shells) {
				end = shells[pi+1]
			}
			for g := shells[pi]; g < end; g++ {
				group = append(group, rings[g])
				isShell = append(isShell, g == shells[pi])
			}
		}
		s := &v.sweep
		s.reset(group, true)
		if f := s.run(); f.kind != noFinding {
			return invalidAt(f.at, "parts of the multipolygon overlap or share an edge")
		}
		for g := range group {
			if p := s.parent[g]; isShell[g] && p >= 0 && isShell[p] {
				return invalidAt(group[g][0], "parts of the multipolygon overlap or share an edge")
			}
		}
	}
	return nil
}

// pointsBound returns the bounding box of one or more points.
func pointsBound(pts []orb.Point) orb.Bound {
	b := orb.Bound{Min: pts[0], Max: pts[0]}
	for _, p := range pts {
		b = b.Extend(p)
	}
	return b
}

// invalidAt is the error of an invalid polygon, located near p.
func invalidAt(p orb.Point, format string, args ...any) error {
	f := func(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }
	return lang.Errorf("not a valid polygon: %s near (%s, %s)", lang.M(format, args...), f(p[0]), f(p[1]))
}

// ringVertices returns the vertices of a ring without the closing one and
// without consecutive repeats, sharing r's storage if it has none.
func ringVertices(r orb.Ring) []orb.Point {
	for len(r) > 1 && r[0] == r[len(r)-1] {
		r = r[:len(r)-1]
	}
	repeats := false
	for k := 1; k < len(r); k++ {
		if r[k] == r[k-1] {
			repeats = true
			break
		}
	}
	if !repeats {
		return r
	}
	out := make([]orb.Point, 0, len(r))
	for _, p := range r {
		if len(out) == 0 || p != out[len(out)-1] {
			out = append(out, p)
		}
	}
	return out
}

// ringTouches collects the points where the rings of a polygon touch.
// Two rings touching twice enclose a piece between them (twice); touch
// points linking rings in a loop cut the inside apart (loop), found with
// a union-find over rings and touch points, as simplefeatures' graph of
// rings and touch points has a cycle.
type ringTouches struct {
	first   map[[2]int32]bool // ring pairs that touched
	up      []int32           // union-find: rings first, then touch points
	twice   bool
	twiceAt orb.Point
	loop    bool
}

func (t *ringTouches) init(rings int) {
	t.first = map[[2]int32]bool{}
	t.up = make([]int32, rings)
	for i := range t.up {
		t.up[i] = int32(i)
	}
}

// add records that rings (ascending, two or more) touch at p.
func (t *ringTouches) add(p orb.Point, rings []int32) {
	node := int32(len(t.up))
	t.up = append(t.up, node)
	for k, a := range rings {
		for _, b := range rings[k+1:] {
			if t.first[[2]int32{a, b}] && !t.twice {
				t.twice, t.twiceAt = true, p
			}
			t.first[[2]int32{a, b}] = true
		}
		ra, rn := t.root(a), t.root(node)
		if ra == rn {
			t.loop = true
		}
		t.up[ra] = rn
	}
}

func (t *ringTouches) root(i int32) int32 {
	for t.up[i] != i {
		t.up[i] = t.up[t.up[i]]
		i = t.up[i]
	}
	return i
}
