package geo

import (
	"errors"
	"math"
	"sort"

	"github.com/paulmach/orb"
	"github.com/peterstace/simplefeatures/geom"
)

// Repair makes a multipolygon valid by the rules of GEOS's MakeValid
// with its "structure" method, the default of sf's st_make_valid
// (repairStructure): every ring stands for the region it winds around a
// nonzero number of times, a polygon is its shell's region minus its
// holes' regions, and the polygons of a multipolygon are unioned. The
// PostGIS manual (ST_MakeValid, params "method=structure"), which
// documents GEOS's two methods, describes this one as telling shells
// from holes, unioning the shells and then subtracting the holes, with
// parts that collapse to lines or points dropped unless keepcollapsed
// is asked for (it is not, here). So, unlike its
// older "linework" method (RepairLinework), no area enclosed by a shell
// is lost except where a hole of the same polygon covers it: parts that
// overlap keep their common area, a loop folded inwards in the ring's own
// direction stays covered. Zero-area spikes, repeated vertices and wrong
// orientations go; collapsed parts (no area) are dropped.
//
// A valid input is only cleaned: consecutive repeated vertices dropped,
// shells counter-clockwise and holes clockwise. changed reports whether
// the result differs from the input in any vertex or ring. An error says
// that the overlay failed on numerically degenerate input.
//
// Neither orb nor simplefeatures (v0.50, whose overlay assumes valid
// input) has a make-valid; the rings are noded and cut into simple loops
// here (nodeRings, splitLoops) and the loops' regions combined with
// simplefeatures' overlay, which needs valid polygons only.
func Repair(mp orb.MultiPolygon) (out orb.MultiPolygon, changed bool, err error) {
	return repairWith(mp, repairStructure)
}

// RepairLinework makes a multipolygon valid by the rules of GEOS's
// MakeValid with its "linework" method (GEOS 3.8+, MakeValid.cpp; sf's
// st_make_valid(geos_method = "valid_linework")): the result covers
// exactly the points that lie inside an odd number of the input's rings
// (the even-odd rule), whichever ring is shell or hole and whatever its
// orientation. So a bow tie becomes two triangles, a loop folded inwards
// becomes a hole, a hole outside its shell becomes a polygon of its own,
// and where parts of a multipolygon overlap their common area is left
// out (testdata/repair/makevalid.tsv shows where the two methods differ).
// Valid input, changed and err are as for Repair. It agrees with GEOS on
// the cases of makevalid.tsv and on random input in general position,
// but not always where edges of different rings overlap (GEOS's linework
// then merges them before it builds its area; see
// TestRepairRandomAgainstGEOS).
//
// Each ring is cut at every point where it crosses or touches itself or
// another ring (nodeRings), which splits it into simple closed loops
// (splitLoops); the parity of the number of rings around a point is the
// parity of the number of loops around it, so the symmetric difference
// of all loops, each a valid polygon, is the even-odd area. Loops without
// area (spikes, edges run there and back) drop out. GEOS nodes the
// linework with repeated edges merged into one, so a loop that lies
// inside another and shares an edge with it is covered by it rather than
// cut out of it (dropCoveredLoops).
func RepairLinework(mp orb.MultiPolygon) (out orb.MultiPolygon, changed bool, err error) {
	return repairWith(mp, repairLinework)
}

// repairWith cleans mp (empty rings and polygons dropped, the closing
// vertex set), returns it oriented if it is then valid, and otherwise
// repairs it with fix and checks the result.
func repairWith(mp orb.MultiPolygon, fix func(orb.MultiPolygon) (orb.MultiPolygon, error)) (out orb.MultiPolygon, changed bool, err error) {
	clean := make(orb.MultiPolygon, 0, len(mp))
	for _, p := range mp {
		q := make(orb.Polygon, 0, len(p))
		for _, r := range p {
			if v := ringVertices(r); len(v) > 0 {
				q = append(q, closeRing(v))
			}
		}
		if len(q) > 0 {
			clean = append(clean, q)
		}
	}
	if noEmptyRings(clean) && validPolygon(clean) == nil {
		out = orient(clean)
		return out, !sameMultiPolygon(mp, out), nil
	}
	out, err = fix(clean)
	if err != nil {
		return mp, false, err
	}
	if err := validPolygon(out); err != nil {
		return mp, false, err
	}
	return out, true, nil
}

// repairLinework is RepairLinework on cleaned, invalid input.
func repairLinework(clean orb.MultiPolygon) (orb.MultiPolygon, error) {
	var rings [][]orb.Point
	for _, p := range clean {
		for _, r := range p {
			rings = append(rings, ringVertices(r))
		}
	}
	var loops []orb.Ring
	for _, r := range nodeRings(rings) {
		for _, l := range splitLoops(r) {
			if !degenerate(l) {
				loops = append(loops, l)
			}
		}
	}
	return xorLoops(dropCoveredLoops(loops))
}

// noEmptyRings reports whether no ring of mp is degenerate (without area),
// which validPolygon alone does not refuse for every shape.
func noEmptyRings(mp orb.MultiPolygon) bool {
	for _, p := range mp {
		for _, r := range p {
			if degenerate(r) {
				return false
			}
		}
	}
	return true
}

// closeRing returns the vertices with the first repeated at the end.
func closeRing(v []orb.Point) orb.Ring {
	r := make(orb.Ring, len(v), len(v)+1)
	copy(r, v)
	return append(r, v[0])
}

// sameMultiPolygon reports whether a and b have the same rings with the
// same vertices in the same order.
func sameMultiPolygon(a, b orb.MultiPolygon) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if len(a[i]) != len(b[i]) {
			return false
		}
		for j := range a[i] {
			if len(a[i][j]) != len(b[i][j]) {
				return false
			}
			for k := range a[i][j] {
				if a[i][j][k] != b[i][j][k] {
					return false
				}
			}
		}
	}
	return true
}

// xorLoops returns the symmetric difference of simple closed loops as a
// valid multipolygon, oriented. Only loops whose bounding boxes overlap
// or touch can interact (overlapGroups); the others are taken as they
// are, so that a multipolygon of many separate parts needs no overlay.
func xorLoops(loops []orb.Ring) (orb.MultiPolygon, error) {
	out, err := byOverlapGroup(loops, func(group []orb.Ring) (orb.MultiPolygon, error) {
		var acc geom.Geometry
		for _, l := range group {
			p := toSF(orb.MultiPolygon{{l}}).AsGeometry()
			x, err := geom.SymmetricDifference(acc, p)
			if err != nil {
				return nil, err
			}
			acc = x
		}
		if acc.IsEmpty() {
			return nil, nil
		}
		mp, ok := fromSF(acc)
		if !ok {
			return nil, errors.New("the overlay of the rings' loops gave no polygon")
		}
		return mp, nil
	})
	if err != nil {
		return nil, err
	}
	return orient(out), nil
}

// byOverlapGroup combines loops: those whose bounding boxes overlap or
// touch, and so can share area, in groups by combine; every other loop is
// a polygon of its own. A multipolygon of many separate parts so needs no
// overlay.
func byOverlapGroup(loops []orb.Ring, combine func(group []orb.Ring) (orb.MultiPolygon, error)) (orb.MultiPolygon, error) {
	boxes := make([]orb.Bound, len(loops))
	for i, l := range loops {
		boxes[i] = pointsBound(l)
	}
	inGroup := make([]bool, len(loops))
	var out orb.MultiPolygon
	for _, g := range overlapGroups(boxes) {
		group := make([]orb.Ring, len(g))
		for k, i := range g {
			inGroup[i] = true
			group[k] = loops[i]
		}
		mp, err := combine(group)
		if err != nil {
			return nil, err
		}
		out = append(out, mp...)
	}
	for i, l := range loops {
		if !inGroup[i] {
			out = append(out, orb.Polygon{l})
		}
	}
	return out, nil
}

// nodeRings returns the vertices of rings (each without the closing one
// and without consecutive repeats) with every point added where rings
// cross or touch themselves or each other: where two edges cross, the
// crossing point (rounded) goes into both; where a vertex lies inside
// another edge, or edges overlap along a line, the vertex goes into that
// edge. Afterwards two edges meet only at common vertices, and edges
// that overlap are equal. Candidate pairs come from a sweep over the
// edges' x extents.
func nodeRings(rings [][]orb.Point) [][]orb.Point {
	type edgeRef struct{ ring, k int }
	var refs []edgeRef
	for ri, v := range rings {
		if len(v) >= 2 {
			for k := range v {
				refs = append(refs, edgeRef{ri, k})
			}
		}
	}
	edge := func(e edgeRef) (orb.Point, orb.Point) {
		v := rings[e.ring]
		return v[e.k], v[(e.k+1)%len(v)]
	}
	minX := func(e edgeRef) float64 { p, q := edge(e); return math.Min(p[0], q[0]) }
	sort.Slice(refs, func(a, b int) bool { return minX(refs[a]) < minX(refs[b]) })
	snap := newPointSnapper(rings)
	cuts := map[edgeRef][]orb.Point{} // points to insert into an edge
	for a, e := range refs {
		p, q := edge(e)
		maxX := math.Max(p[0], q[0])
		for _, f := range refs[a+1:] {
			if minX(f) > maxX {
				break
			}
			r, s := edge(f)
			if math.Max(r[1], s[1]) < math.Min(p[1], q[1]) || math.Min(r[1], s[1]) > math.Max(p[1], q[1]) {
				continue
			}
			ce, cf := edgeCuts(p, q, r, s, snap.snap)
			if len(ce) > 0 {
				cuts[e] = append(cuts[e], ce...)
			}
			if len(cf) > 0 {
				cuts[f] = append(cuts[f], cf...)
			}
		}
	}
	out := make([][]orb.Point, len(rings))
	for ri, v := range rings {
		o := make([]orb.Point, 0, len(v))
		for k := range v {
			p, q := edge(edgeRef{ri, k})
			o = appendVertex(o, p)
			c := cuts[edgeRef{ri, k}]
			sort.Slice(c, func(a, b int) bool { return along(p, q, c[a]) < along(p, q, c[b]) })
			for _, x := range c {
				if x != q {
					o = appendVertex(o, x)
				}
			}
		}
		for len(o) > 1 && o[len(o)-1] == o[0] {
			o = o[:len(o)-1]
		}
		out[ri] = o
	}
	return out
}

// appendVertex appends p unless it repeats the last vertex.
func appendVertex(out []orb.Point, p orb.Point) []orb.Point {
	if len(out) > 0 && out[len(out)-1] == p {
		return out
	}
	return append(out, p)
}

// along returns the position of x along the edge p→q, for sorting.
func along(p, q, x orb.Point) float64 {
	return (x[0]-p[0])*(q[0]-p[0]) + (x[1]-p[1])*(q[1]-p[1])
}

// edgeCuts returns the points to insert into edge pq and into edge rs
// where they meet other than at a common end point. The side tests are
// exact (orientation); only a proper crossing's point is computed,
// rounded, and snapped (snap) to a vertex or crossing point it rounds
// away from.
func edgeCuts(p, q, r, s orb.Point, snap func(orb.Point) orb.Point) (onPQ, onRS []orb.Point) {
	o1, o2 := orientation(p, q, r), orientation(p, q, s)
	o3, o4 := orientation(r, s, p), orientation(r, s, q)
	if o1*o2 < 0 && o3*o4 < 0 {
		x := snap(crossingPoint(p, q, r, s))
		return []orb.Point{x}, []orb.Point{x}
	}
	if o1 == 0 && inside(r, p, q) {
		onPQ = append(onPQ, r)
	}
	if o2 == 0 && inside(s, p, q) {
		onPQ = append(onPQ, s)
	}
	if o3 == 0 && inside(p, r, s) {
		onRS = append(onRS, p)
	}
	if o4 == 0 && inside(q, r, s) {
		onRS = append(onRS, q)
	}
	return onPQ, onRS
}

// inside reports whether x, known to lie on the line through p and q,
// lies strictly between them.
func inside(x, p, q orb.Point) bool {
	if x == p || x == q {
		return false
	}
	return math.Min(p[0], q[0]) <= x[0] && x[0] <= math.Max(p[0], q[0]) &&
		math.Min(p[1], q[1]) <= x[1] && x[1] <= math.Max(p[1], q[1])
}

// crossingPoint returns the point where the segments pq and rs cross
// (they are known to cross properly), computed relative to p for
// precision with large projected coordinates and kept within both
// segments' boxes.
func crossingPoint(p, q, r, s orb.Point) orb.Point {
	dx, dy := q[0]-p[0], q[1]-p[1]
	ex, ey := s[0]-r[0], s[1]-r[1]
	den := dx*ey - dy*ex
	t := ((r[0]-p[0])*ey - (r[1]-p[1])*ex) / den
	t = math.Max(0, math.Min(1, t))
	x := orb.Point{p[0] + t*dx, p[1] + t*dy}
	for k := 0; k < 2; k++ {
		lo := math.Max(math.Min(p[k], q[k]), math.Min(r[k], s[k]))
		hi := math.Min(math.Max(p[k], q[k]), math.Max(r[k], s[k]))
		x[k] = math.Max(lo, math.Min(hi, x[k]))
	}
	return x
}

// splitLoops cuts a noded ring (vertices without the closing one) into
// closed loops without repeated vertices: walking the ring, a vertex met
// again closes the loop since its first visit, which is taken out. The
// loops returned are closed rings; those with fewer than three vertices
// (an edge run there and back) are left out.
func splitLoops(v []orb.Point) []orb.Ring {
	var loops []orb.Ring
	stack := make([]orb.Point, 0, len(v))
	at := make(map[orb.Point]int, len(v))
	emit := func(l []orb.Point) {
		if len(l) >= 3 {
			loops = append(loops, closeRing(l))
		}
	}
	for _, p := range v {
		if k, ok := at[p]; ok {
			emit(stack[k:])
			for _, x := range stack[k+1:] {
				delete(at, x)
			}
			stack = stack[:k+1]
			continue
		}
		at[p] = len(stack)
		stack = append(stack, p)
	}
	emit(stack)
	return loops
}

// dropCoveredLoops leaves out every loop that lies inside another loop
// with which it shares an edge (and one of two equal loops). GEOS's
// linework keeps each edge once: such a loop is then a face bounded
// partly by the other loop's outside, not a hole of it, and GEOS's
// BuildArea keeps both faces (the pocket of a ring that runs back along
// itself, a part inside another part sharing its edge). The symmetric
// difference would cut it out.
func dropCoveredLoops(loops []orb.Ring) []orb.Ring {
	type edgeKey [2]orb.Point
	key := func(p, q orb.Point) edgeKey {
		if q[0] < p[0] || (q[0] == p[0] && q[1] < p[1]) {
			p, q = q, p
		}
		return edgeKey{p, q}
	}
	byEdge := map[edgeKey][]int{}
	edges := make([]map[edgeKey]bool, len(loops))
	for i, l := range loops {
		edges[i] = make(map[edgeKey]bool, len(l))
		for k := 0; k+1 < len(l); k++ {
			e := key(l[k], l[k+1])
			edges[i][e] = true
			byEdge[e] = append(byEdge[e], i)
		}
	}
	// inside reports whether loop a lies inside or on loop b: its
	// vertices, and the midpoints of its edges that b does not have.
	inside := func(a, b int) bool {
		for k, v := range loops[a] {
			if pointInRing(v, loops[b]) < 0 {
				return false
			}
			if k+1 < len(loops[a]) && !edges[b][key(v, loops[a][k+1])] {
				w := loops[a][k+1]
				if pointInRing(orb.Point{(v[0] + w[0]) / 2, (v[1] + w[1]) / 2}, loops[b]) < 0 {
					return false
				}
			}
		}
		return true
	}
	dropped := make([]bool, len(loops))
	done := map[[2]int]bool{}
	for _, ls := range byEdge {
		for x, i := range ls {
			for _, j := range ls[x+1:] {
				if i == j || done[[2]int{i, j}] || dropped[i] || dropped[j] {
					continue
				}
				done[[2]int{i, j}] = true
				switch {
				case inside(i, j):
					dropped[i] = true
				case inside(j, i):
					dropped[j] = true
				}
			}
		}
	}
	out := loops[:0:0]
	for i, l := range loops {
		if !dropped[i] {
			out = append(out, l)
		}
	}
	return out
}

// pointSnapper merges the rounded crossing points of a noding with the
// vertices and earlier crossing points they lie within a few units in
// the last place of: where three edges cross at one point, each pair's
// rounded crossing point differs from the others' in the last bits, and
// left apart they would cut slivers with no area but invalid shapes.
type pointSnapper struct {
	eps   float64
	cells map[[2]int64][]orb.Point
}

func newPointSnapper(rings [][]orb.Point) *pointSnapper {
	var m float64
	for _, r := range rings {
		for _, p := range r {
			m = math.Max(m, math.Max(math.Abs(p[0]), math.Abs(p[1])))
		}
	}
	ps := &pointSnapper{eps: math.Max(64*m*0x1p-52, 0x1p-1000), cells: map[[2]int64][]orb.Point{}}
	for _, r := range rings {
		for _, p := range r {
			ps.add(p)
		}
	}
	return ps
}

func (ps *pointSnapper) cell(p orb.Point) [2]int64 {
	return [2]int64{int64(math.Floor(p[0] / ps.eps)), int64(math.Floor(p[1] / ps.eps))}
}

func (ps *pointSnapper) add(p orb.Point) {
	c := ps.cell(p)
	ps.cells[c] = append(ps.cells[c], p)
}

// snap returns a known point within eps of p (in both coordinates), or
// p itself, which becomes known.
func (ps *pointSnapper) snap(p orb.Point) orb.Point {
	c := ps.cell(p)
	for dx := int64(-1); dx <= 1; dx++ {
		for dy := int64(-1); dy <= 1; dy++ {
			for _, q := range ps.cells[[2]int64{c[0] + dx, c[1] + dy}] {
				if math.Abs(q[0]-p[0]) <= ps.eps && math.Abs(q[1]-p[1]) <= ps.eps {
					return q
				}
			}
		}
	}
	ps.add(p)
	return p
}
