package geo

import (
	"github.com/paulmach/orb"
	"github.com/peterstace/simplefeatures/geom"
)

// repairStructure makes a cleaned, invalid multipolygon valid by the
// rules of GEOS's MakeValid with its "structure" method (GEOS 3.10+,
// which hands this method to its GeometryFixer; sf's st_make_valid
// default, geos_method = "valid_structure"), collapsed parts dropped
// (keepCollapsed false):
//
//   - each ring stands for the region it winds around a nonzero number
//     of times, whatever its orientation (nonzeroRegion): a bow tie
//     gives both triangles, a loop folded inwards in the ring's own
//     direction stays covered, one folded against it is cut out;
//   - a polygon is its shell's region minus the union of the regions of
//     those holes that meet the shell's region; a hole whose region lies
//     wholly apart from the shell's becomes a polygon of its own, as
//     GEOS's fixer turns such holes into shells;
//   - a multipolygon is the union of its polygons (unionParts).
//
// So no point inside a shell is lost unless a hole of the same polygon
// covers it, unlike the even-odd rule of RepairLinework.
func repairStructure(clean orb.MultiPolygon) (orb.MultiPolygon, error) {
	var parts orb.MultiPolygon
	for _, p := range clean {
		q, err := structurePolygon(p)
		if err != nil {
			return nil, err
		}
		parts = append(parts, q...)
	}
	return unionParts(parts)
}

// structurePolygon returns the structure repair of one polygon: its
// shell's nonzero region minus its holes' regions that meet it, plus the
// regions of holes apart from it.
func structurePolygon(p orb.Polygon) (orb.MultiPolygon, error) {
	shell, err := nonzeroRegion(ringVertices(p[0]))
	if err != nil || len(shell) == 0 {
		return nil, err
	}
	sg := toSF(shell).AsGeometry()
	var holes []geom.Geometry
	var apart orb.MultiPolygon
	for _, h := range p[1:] {
		hr, err := nonzeroRegion(ringVertices(h))
		if err != nil {
			return nil, err
		}
		if len(hr) == 0 {
			continue
		}
		hg := toSF(hr).AsGeometry()
		if geom.Intersects(sg, hg) {
			holes = append(holes, hg)
		} else {
			apart = append(apart, hr...)
		}
	}
	if len(holes) > 0 {
		hu, err := unionAll(holes)
		if err != nil {
			return nil, err
		}
		d, err := geom.Difference(sg, hu)
		if err != nil {
			return nil, err
		}
		shell = polygonalParts(d)
	}
	return append(shell, apart...), nil
}

// nonzeroRegion returns, as polygons with disjoint interiors, the points
// around which the closed ring through v (without the closing vertex)
// winds a nonzero number of times. The ring is noded at the points where
// it crosses or touches itself (nodeRings) and cut into simple loops
// (splitLoops); its winding number at a point is the sum of the loops'
// (+1 inside a counter-clockwise loop, -1 inside a clockwise one, 0
// outside), since the loops use each of the ring's edges once in its
// direction. Loops without area add nothing anywhere and are left out.
// Only loops whose bounding boxes overlap or touch can share area; each
// such group is resolved by windingUnion.
func nonzeroRegion(v []orb.Point) (orb.MultiPolygon, error) {
	if len(v) < 3 {
		return nil, nil
	}
	var loops []orb.Ring
	for _, l := range splitLoops(nodeRings([][]orb.Point{v})[0]) {
		if !degenerate(l) {
			loops = append(loops, l)
		}
	}
	return byOverlapGroup(loops, windingUnion)
}

// windingUnion returns the points where the winding numbers of simple
// loops sum to nonzero. Where all loops turn the same way, that is their
// union. Otherwise the plane is cut into pieces, each with its winding
// sum: every loop splits each piece into its part inside the loop (sum
// plus the loop's ±1) and outside, and adds its part outside all earlier
// loops; the pieces with a nonzero sum are unioned.
func windingUnion(loops []orb.Ring) (orb.MultiPolygon, error) {
	gs := make([]geom.Geometry, len(loops))
	signs := make([]int, len(loops))
	mixed := false
	for i, l := range loops {
		gs[i] = toSF(orb.MultiPolygon{{l}}).AsGeometry()
		signs[i] = 1
		if ringArea(l) < 0 {
			signs[i] = -1
		}
		mixed = mixed || signs[i] != signs[0]
	}
	if !mixed {
		u, err := unionAll(gs)
		return polygonalParts(u), err
	}
	type piece struct {
		g geom.Geometry
		w int
	}
	var pieces []piece
	var covered geom.Geometry
	for i, lg := range gs {
		next := make([]piece, 0, 2*len(pieces)+1)
		for _, p := range pieces {
			in, err := geom.Intersection(p.g, lg)
			if err != nil {
				return nil, err
			}
			out, err := geom.Difference(p.g, lg)
			if err != nil {
				return nil, err
			}
			if hasArea(in) {
				next = append(next, piece{in, p.w + signs[i]})
			}
			if hasArea(out) {
				next = append(next, piece{out, p.w})
			}
		}
		rest, err := geom.Difference(lg, covered)
		if err != nil {
			return nil, err
		}
		if hasArea(rest) {
			next = append(next, piece{rest, signs[i]})
		}
		if covered, err = geom.Union(covered, lg); err != nil {
			return nil, err
		}
		pieces = next
	}
	var keep []geom.Geometry
	for _, p := range pieces {
		if p.w != 0 {
			keep = append(keep, p.g)
		}
	}
	u, err := unionAll(keep)
	return polygonalParts(u), err
}

// hasArea reports whether an overlay result has a polygonal part (an
// overlay of polygons that only touch gives lines and points).
func hasArea(g geom.Geometry) bool {
	return len(polygonalParts(g)) > 0
}

// polygonalParts returns the polygons of an overlay result, dropping
// the lines and points a geometry collection may hold besides.
func polygonalParts(g geom.Geometry) orb.MultiPolygon {
	var out orb.MultiPolygon
	for _, d := range g.Dump() {
		if d.Type() != geom.TypePolygon || d.IsEmpty() {
			continue
		}
		if mp, ok := fromSF(d); ok {
			out = append(out, mp...)
		}
	}
	return out
}

// unionParts unions polygons, each valid on its own, into a valid
// multipolygon, oriented. Only polygons whose bounding boxes overlap or
// touch can interact (overlapGroups); the others are taken as they are.
func unionParts(parts orb.MultiPolygon) (orb.MultiPolygon, error) {
	boxes := make([]orb.Bound, len(parts))
	for i, p := range parts {
		boxes[i] = pointsBound(p[0])
	}
	inGroup := make([]bool, len(parts))
	var out orb.MultiPolygon
	for _, g := range overlapGroups(boxes) {
		gs := make([]geom.Geometry, len(g))
		for k, i := range g {
			inGroup[i] = true
			gs[k] = toSF(orb.MultiPolygon{parts[i]}).AsGeometry()
		}
		u, err := unionAll(gs)
		if err != nil {
			return nil, err
		}
		out = append(out, polygonalParts(u)...)
	}
	for i, p := range parts {
		if !inGroup[i] {
			out = append(out, p)
		}
	}
	return orient(out), nil
}

// unionAll unions valid geometries two at a time, in a balanced tree.
// simplefeatures' UnionMany (v0.50) takes its inputs as one collection,
// and its overlay does not resolve members of one operand that overlap:
// area is lost (found on random input against GEOS). Union of two valid
// operands is exact.
func unionAll(gs []geom.Geometry) (geom.Geometry, error) {
	if len(gs) == 0 {
		return geom.Geometry{}, nil
	}
	for len(gs) > 1 {
		next := make([]geom.Geometry, 0, (len(gs)+1)/2)
		for i := 0; i+1 < len(gs); i += 2 {
			u, err := geom.Union(gs[i], gs[i+1])
			if err != nil {
				return geom.Geometry{}, err
			}
			next = append(next, u)
		}
		if len(gs)%2 == 1 {
			next = append(next, gs[len(gs)-1])
		}
		gs = next
	}
	return gs[0], nil
}
