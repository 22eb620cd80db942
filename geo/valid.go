package geo

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

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

// validPolygon checks OGC validity (simple rings, holes inside their
// shell, parts not overlapping) and explains a failure for a planner.
func validPolygon(mp orb.MultiPolygon) error {
	err := toSF(mp).Validate()
	if err == nil {
		return nil
	}
	msg := err.Error()
	for _, r := range []struct{ from, to string }{
		{"polygon ring not simple", "a ring crosses or touches itself"},
		{"polygon rings intersect at multiple points", "rings of the polygon cross each other"},
		{"polygon interior ring outside of exterior ring", "a hole lies outside its polygon"},
		{"multipolygon child polygons touch at multiple points", "parts of the multipolygon overlap or share an edge"},
		{"validating ring at index", "ring"},
		{"validating multipolygon constraints: ", ""},
		{"validating polygon at index", "polygon"},
	} {
		msg = strings.ReplaceAll(msg, r.from, r.to)
	}
	msg = indexPattern.ReplaceAllStringFunc(msg, func(m string) string {
		sub := indexPattern.FindStringSubmatch(m)
		n, _ := strconv.Atoi(sub[2])
		return fmt.Sprintf("%s %d, ", sub[1], n+1)
	})
	msg = nearPattern.ReplaceAllStringFunc(msg, func(m string) string {
		sub := nearPattern.FindStringSubmatch(m)
		x, _ := strconv.ParseFloat(sub[1], 64)
		y, _ := strconv.ParseFloat(sub[2], 64)
		return fmt.Sprintf("near (%s, %s)", strconv.FormatFloat(x, 'f', -1, 64), strconv.FormatFloat(y, 'f', -1, 64))
	})
	return fmt.Errorf("not a valid polygon: %s", strings.TrimSuffix(msg, ", "))
}

var (
	indexPattern = regexp.MustCompile(`(polygon|ring) (\d+): `)
	nearPattern  = regexp.MustCompile(`\(at or near \{(\S+) (\S+)\}\)`)
)
