package geo

import (
	"math"
	"sort"

	"github.com/paulmach/orb"
)

// LabelPoint returns a point inside area i, where its label goes and from
// which k-nearest-neighbour and distance-band weights measure. The
// centroid of a crescent-shaped area can lie outside it; this point never
// does. It is the point GEOS's InteriorPointArea finds (sf's
// st_point_on_surface, shapely's representative_point): for each part, a
// horizontal line halfway between the vertex ordinates nearest above and
// below the middle of the part's bounding box (so it meets no vertex);
// the midpoint of the widest stretch of any part inside it.
func (a *Areas) LabelPoint(i int) orb.Point { return labelPoint(a.Geoms[i]) }

// AreaBound returns the bounding box of area i.
func (a *Areas) AreaBound(i int) orb.Bound { return a.Geoms[i].Bound() }

// LabelPoints returns the label points of all areas.
func (a *Areas) LabelPoints() []orb.Point {
	out := make([]orb.Point, a.Len())
	for i := range out {
		out[i] = a.LabelPoint(i)
	}
	return out
}

func labelPoint(mp orb.MultiPolygon) orb.Point {
	wide, at := -1.0, orb.Point{math.NaN(), math.NaN()}
	for _, p := range mp {
		if len(p) == 0 || len(p[0]) < 4 {
			continue
		}
		b := p[0].Bound()
		mid := (b.Min[1] + b.Max[1]) / 2
		lo, hi := b.Min[1], b.Max[1]
		for _, r := range p {
			for _, v := range r {
				if v[1] <= mid && v[1] > lo {
					lo = v[1]
				}
				if v[1] > mid && v[1] < hi {
					hi = v[1]
				}
			}
		}
		y := (lo + hi) / 2
		var xs []float64
		for _, r := range p {
			for k := 0; k+1 < len(r); k++ {
				u, v := r[k], r[k+1]
				if (u[1] <= y) != (v[1] <= y) {
					xs = append(xs, u[0]+(y-u[1])*(v[0]-u[0])/(v[1]-u[1]))
				}
			}
		}
		sort.Float64s(xs)
		for k := 0; k+1 < len(xs); k += 2 {
			if w := xs[k+1] - xs[k]; w > wide {
				wide, at = w, orb.Point{(xs[k] + xs[k+1]) / 2, y}
			}
		}
	}
	return at
}
