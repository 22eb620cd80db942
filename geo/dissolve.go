package geo

import (
	"github.com/paulmach/orb"
	"github.com/peterstace/simplefeatures/geom"
)

// toSF converts a multipolygon to simplefeatures without validating it.
func toSF(mp orb.MultiPolygon) geom.MultiPolygon {
	polys := make([]geom.Polygon, len(mp))
	for i, p := range mp {
		rings := make([]geom.LineString, len(p))
		for j, r := range p {
			c := make([]float64, 0, 2*len(r)+2)
			for _, pt := range r {
				c = append(c, pt[0], pt[1])
			}
			if len(r) > 0 && r[0] != r[len(r)-1] {
				c = append(c, r[0][0], r[0][1])
			}
			rings[j] = geom.NewLineString(geom.NewSequence(c, geom.DimXY))
		}
		polys[i] = geom.NewPolygon(rings)
	}
	return geom.NewMultiPolygon(polys)
}

// fromSF converts a simplefeatures polygon or multipolygon to orb.
func fromSF(g geom.Geometry) (orb.MultiPolygon, bool) {
	var polys []geom.Polygon
	switch g.Type() {
	case geom.TypePolygon:
		polys = []geom.Polygon{g.MustAsPolygon()}
	case geom.TypeMultiPolygon:
		mp := g.MustAsMultiPolygon()
		for k := 0; k < mp.NumPolygons(); k++ {
			polys = append(polys, mp.PolygonN(k))
		}
	default:
		return nil, false
	}
	out := make(orb.MultiPolygon, 0, len(polys))
	for _, p := range polys {
		var q orb.Polygon
		for _, ls := range append([]geom.LineString{p.ExteriorRing()}, ringsOf(p)...) {
			seq := ls.Coordinates()
			r := make(orb.Ring, seq.Length())
			for k := range r {
				xy := seq.GetXY(k)
				r[k] = orb.Point{xy.X, xy.Y}
			}
			q = append(q, r)
		}
		out = append(out, q)
	}
	return out, true
}

func ringsOf(p geom.Polygon) []geom.LineString {
	out := make([]geom.LineString, p.NumInteriorRings())
	for k := range out {
		out[k] = p.InteriorRingN(k)
	}
	return out
}

// dissolve unions the parts of a multipolygon, so that the features of
// one area merged by key (duplicates: merge) that share edges become one
// valid polygon.
func dissolve(mp orb.MultiPolygon) (orb.MultiPolygon, bool) {
	parts := make([]geom.Geometry, len(mp))
	for i, p := range mp {
		parts[i] = toSF(orb.MultiPolygon{p}).AsGeometry()
	}
	u, err := geom.UnionMany(parts)
	if err != nil {
		return nil, false
	}
	return fromSF(u)
}

// Outlines returns the outline of each group of areas — the areas with
// one key in group (a district's key per planning area; "" for none)
// unioned — in order of first appearance. A group whose union fails is
// left out.
func Outlines(geoms []orb.MultiPolygon, group []string) []orb.MultiPolygon {
	var order []string
	parts := map[string]orb.MultiPolygon{}
	for i, g := range geoms {
		if i >= len(group) || group[i] == "" {
			continue
		}
		if _, ok := parts[group[i]]; !ok {
			order = append(order, group[i])
		}
		parts[group[i]] = append(parts[group[i]], g...)
	}
	var out []orb.MultiPolygon
	for _, k := range order {
		if u, ok := dissolve(parts[k]); ok {
			out = append(out, u)
		}
	}
	return out
}
