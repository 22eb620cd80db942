package geo

import (
	"math"
	"planatlas/lang"

	"github.com/paulmach/orb"
)

// Locator finds the planning area that contains a point, through a grid
// over the areas' bounding boxes: each point is tested only against the
// few areas whose boxes cover its cell.
type Locator struct {
	*gridIndex
	a      *Areas
	bounds []orb.Bound
}

// NewLocator indexes the areas.
func NewLocator(a *Areas) *Locator {
	lc := &Locator{a: a, bounds: make([]orb.Bound, a.Len())}
	for i, g := range a.Geoms {
		lc.bounds[i] = g.Bound()
	}
	b := a.Bound()
	size := math.Sqrt(math.Max(b.Max[0]-b.Min[0], 1e-9) * math.Max(b.Max[1]-b.Min[1], 1e-9) / float64(max(a.Len(), 1)))
	lc.gridIndex = newGridIndex(b, size, a.Len(), func(i int) orb.Bound { return lc.bounds[i] })
	return lc
}

// Locate returns the position of the area containing p (in the areas'
// CRS), or -1 if p lies in none. A point on the boundary between two
// areas goes to the one that comes first in the area order, so the result
// does not depend on the index.
func (lc *Locator) Locate(p orb.Point) int {
	if p[0] < lc.minX || p[1] < lc.minY {
		return -1
	}
	best := -1
	for _, i := range lc.cell(lc.cellXY(p)) {
		if (best >= 0 && int(i) > best) || !lc.bounds[i].Contains(p) {
			continue
		}
		if inMultiPolygon(p, lc.a.Geoms[i]) {
			best = int(i)
		}
	}
	return best
}

// inMultiPolygon reports whether p lies inside mp or on its boundary.
func inMultiPolygon(p orb.Point, mp orb.MultiPolygon) bool {
	for _, poly := range mp {
		if len(poly) == 0 {
			continue
		}
		in := pointInRing(p, poly[0])
		if in < 0 {
			continue
		}
		if in == 0 {
			return true // on the shell
		}
		inHole := false
		for _, h := range poly[1:] {
			if pointInRing(p, h) > 0 {
				inHole = true
				break
			}
		}
		if !inHole {
			return true
		}
	}
	return false
}

// Points returns the positions of the layer's point features in the CRS
// to, with the features that have none or whose coordinates cannot lie
// in the layer's CRS as errors naming them. crs is the plan's CRS for the
// layer, which wins over the file's; Unknown takes the file's (WGS84 for
// GeoJSON that does not say).
func (l *Layer) Points(crs, to CRS) ([]orb.Point, error) {
	from := crs // the plan's word wins, as for areas
	if from == Unknown {
		from = l.CRS
	}
	if from == Unknown && l.CRSErr != nil {
		e := *l.CRSErr
		e.M = lang.M("%s; name the CRS in the plan (crs: EPSG:… or a PROJ string), which then wins over the file's", e.M)
		return nil, &e
	}
	if from == Unknown {
		if l.Format == "Shapefile" || l.Format == "GeoPackage" {
			return nil, &FeatureError{File: l.File, Field: "crs", M: lang.M("the file does not say its coordinate reference system (a shapefile's .prj is missing); give it in the plan (crs: EPSG:25833)")}
		}
		from = WGS84
	}
	out := make([]orb.Point, len(l.Features))
	tr := NewTransformation(from, to)
	for i, f := range l.Features {
		if f.Point == nil {
			msg := lang.M("the feature has no point geometry")
			if f.Geom != nil {
				msg = lang.M("the feature is a polygon; a points file holds points")
			}
			return nil, &FeatureError{File: l.File, Feature: i + 1, Field: "geometry", M: msg}
		}
		x, y := f.Point[0], f.Point[1]
		if msg := checkCoordinates(from, x, y); msg.Format != "" {
			return nil, &FeatureError{File: l.File, Feature: i + 1, Field: "geometry", M: msg}
		}
		out[i] = tr.Apply(orb.Point{x, y})
	}
	return out, nil
}

// CheckPoint says why (x, y) cannot lie in crs, or an empty Message if
// it can.
func CheckPoint(crs CRS, x, y float64) lang.Message {
	if math.IsNaN(x) || math.IsNaN(y) {
		return lang.M("the coordinates are missing")
	}
	return checkCoordinates(crs, x, y)
}

// Transform converts a point between two supported CRSs through WGS84.
// To convert many points, use NewTransformation.
func Transform(from, to CRS, p orb.Point) orb.Point {
	return NewTransformation(from, to).Apply(p)
}

// Outside describes points that lie in no area, for the run's notes: how
// many, and where the first few are.
func Outside(where []lang.Message) lang.Message {
	if len(where) == 0 {
		return lang.Message{}
	}
	shown := where[:min(5, len(where))]
	if len(where) > len(shown) {
		return lang.M("%d point(s) lie outside every planning area and are not counted: %s and %d more", len(where), lang.Join(", ", shown), len(where)-len(shown))
	}
	return lang.M("%d point(s) lie outside every planning area and are not counted: %s", len(where), lang.Join(", ", shown))
}
