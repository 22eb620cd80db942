package geo

import (
	"math"

	"github.com/paulmach/orb"
)

// Simplify returns the areas' geometries simplified for display by
// Douglas–Peucker with tolerance tol metres, keeping every boundary that
// two areas share identical on both sides, so that a simplified map has
// neither gaps nor slivers between neighbours.
//
// As TopoJSON and mapshaper do, the rings are cut into arcs at nodes —
// the vertices where the set of areas along the boundary changes — and
// each arc is simplified once, in a canonical direction, then used by
// every ring it belongs to. Vertices that lie on another area's edge
// (an edge split on one side only) are first inserted into that edge,
// so both sides have the same vertices. A ring that would collapse to
// fewer than three corners is kept as it was. The areas' own geometries
// are not changed: areas and neighbours are always measured on them.
func (a *Areas) Simplify(tol float64) []orb.MultiPolygon {
	geoms := make([]orb.MultiPolygon, a.Len())
	for i, g := range a.Geoms {
		geoms[i] = cloneMultiPolygon(g)
	}
	if tol <= 0 {
		return geoms
	}
	insertTJunctions(a, geoms)

	// Rings, without their closing vertex, and the rings at each vertex
	// and along each edge.
	type ringRef struct{ area, poly, ring int }
	var rings []orb.Ring
	var refs []ringRef
	for i, g := range geoms {
		for p, poly := range g {
			for r, ring := range poly {
				rings = append(rings, ring[:len(ring)-1])
				refs = append(refs, ringRef{i, p, r})
			}
		}
	}
	type edge [2]orb.Point
	edgeKey := func(p, q orb.Point) edge {
		if less(q, p) {
			p, q = q, p
		}
		return edge{p, q}
	}
	edgeRings := map[edge][]int32{}
	for ri, r := range rings {
		for k := range r {
			e := edgeKey(r[k], r[(k+1)%len(r)])
			edgeRings[e] = append(edgeRings[e], int32(ri))
		}
	}
	sameRings := func(x, y []int32) bool {
		if len(x) != len(y) {
			return false
		}
		for k := range x {
			if x[k] != y[k] {
				return false
			}
		}
		return true
	}
	cache := map[arcKey][]orb.Point{}
	for ri, r := range rings {
		n := len(r)
		var nodes []int
		for k := range r {
			prev := edgeRings[edgeKey(r[(k+n-1)%n], r[k])]
			next := edgeRings[edgeKey(r[k], r[(k+1)%n])]
			if !sameRings(prev, next) {
				nodes = append(nodes, k)
			}
		}
		if len(nodes) == 0 {
			// A ring shared whole (an enclave and the hole around it) or
			// not at all: cut it at its smallest vertex and at the vertex
			// farthest from that, which both sides agree on.
			m := 0
			for k := range r {
				if less(r[k], r[m]) {
					m = k
				}
			}
			f, fd := m, -1.0
			for k := range r {
				d := math.Hypot(r[k][0]-r[m][0], r[k][1]-r[m][1])
				if d > fd || (d == fd && less(r[k], r[f])) {
					f, fd = k, d
				}
			}
			nodes = []int{min(m, f), max(m, f)}
		}
		var out orb.Ring
		for j, s := range nodes {
			e := nodes[(j+1)%len(nodes)]
			arc := []orb.Point{r[s]}
			for k := (s + 1) % n; ; k = (k + 1) % n {
				arc = append(arc, r[k])
				if k == e {
					break
				}
			}
			simple := simplifyArc(arc, tol, cache)
			out = append(out, simple[:len(simple)-1]...)
		}
		out = append(out, out[0])
		ref := refs[ri]
		if len(out) >= 4 && math.Abs(ringArea(out)) > 0 {
			geoms[ref.area][ref.poly][ref.ring] = out
		}
	}
	return geoms
}

// arcKey identifies an arc by its canonical end points and second point.
type arcKey struct{ a, b, c orb.Point }

// simplifyArc simplifies an arc in its canonical direction (from the
// smaller end point; for a closed arc, from the smaller second point),
// so that the same arc walked backwards by the neighbour gives the same
// points, and caches the result.
func simplifyArc(arc []orb.Point, tol float64, cache map[arcKey][]orb.Point) []orb.Point {
	n := len(arc)
	reversed := less(arc[n-1], arc[0]) || (arc[0] == arc[n-1] && n > 2 && less(arc[n-2], arc[1]))
	canon := arc
	if reversed {
		canon = make([]orb.Point, n)
		for k := range arc {
			canon[k] = arc[n-1-k]
		}
	}
	key := arcKey{canon[0], canon[n-1], canon[min(1, n-1)]}
	s, ok := cache[key]
	if !ok {
		s = douglasPeucker(canon, tol)
		cache[key] = s
	}
	if !reversed {
		return s
	}
	out := make([]orb.Point, len(s))
	for k := range s {
		out[k] = s[len(s)-1-k]
	}
	return out
}

// douglasPeucker keeps the end points and every point farther than tol
// from the chord of the stretch it lies in (Douglas and Peucker 1973).
func douglasPeucker(pts []orb.Point, tol float64) []orb.Point {
	if len(pts) <= 2 {
		return pts
	}
	keep := make([]bool, len(pts))
	keep[0], keep[len(pts)-1] = true, true
	type span struct{ i, j int }
	stack := []span{{0, len(pts) - 1}}
	for len(stack) > 0 {
		s := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		far, fd := -1, tol
		for k := s.i + 1; k < s.j; k++ {
			if d := pointSegmentDistance(pts[k], pts[s.i], pts[s.j]); d > fd {
				far, fd = k, d
			}
		}
		if far >= 0 {
			keep[far] = true
			stack = append(stack, span{s.i, far}, span{far, s.j})
		}
	}
	var out []orb.Point
	for k, p := range pts {
		if keep[k] {
			out = append(out, p)
		}
	}
	return out
}

func less(p, q orb.Point) bool { return p[0] < q[0] || (p[0] == q[0] && p[1] < q[1]) }

// insertTJunctions inserts into every edge the vertices of other areas
// that lie on it (within a millimetre), so that a boundary shared by two
// areas has the same vertices on both sides.
func insertTJunctions(a *Areas, geoms []orb.MultiPolygon) {
	const snap = 1e-3
	tmp := &Areas{Geoms: geoms, Keys: a.Keys}
	ix := newSegmentIndex(tmp, snap)
	type insertion struct {
		t float64
		p orb.Point
	}
	// Per segment (in index order), the points to insert.
	ins := map[int][]insertion{}
	for _, sg := range ix.segs {
		v := sg.p
		for _, s := range ix.near(v, v) {
			o := ix.segs[s]
			if o.area == sg.area || v == o.p || v == o.q {
				continue
			}
			if pointSegmentDistance(v, o.p, o.q) <= snap {
				dx, dy := o.q[0]-o.p[0], o.q[1]-o.p[1]
				t := ((v[0]-o.p[0])*dx + (v[1]-o.p[1])*dy) / (dx*dx + dy*dy)
				if t > 0 && t < 1 {
					dup := false
					for _, x := range ins[int(s)] {
						if x.p == v {
							dup = true
						}
					}
					if !dup {
						ins[int(s)] = append(ins[int(s)], insertion{t, v})
					}
				}
			}
		}
	}
	if len(ins) == 0 {
		return
	}
	// Rebuild the rings, segment by segment, in the order the index
	// listed them.
	s := 0
	for _, g := range geoms {
		for _, poly := range g {
			for r, ring := range poly {
				out := orb.Ring{ring[0]}
				for k := 0; k+1 < len(ring); k++ {
					if ring[k] == ring[k+1] {
						continue
					}
					add := ins[s]
					for x := 1; x < len(add); x++ {
						for y := x; y > 0 && add[y].t < add[y-1].t; y-- {
							add[y], add[y-1] = add[y-1], add[y]
						}
					}
					for _, p := range add {
						out = append(out, p.p)
					}
					out = append(out, ring[k+1])
					s++
				}
				poly[r] = out
			}
		}
	}
}
