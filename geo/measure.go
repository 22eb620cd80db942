package geo

import (
	"math"

	"github.com/paulmach/orb"
)

// ringArea returns the signed area of a ring by the shoelace formula:
// positive for counter-clockwise rings. Coordinates are shifted to the
// ring's first point first, which keeps full precision for UTM
// coordinates in the millions of metres.
func ringArea(r orb.Ring) float64 {
	if len(r) < 3 {
		return 0
	}
	x0, y0 := r[0][0], r[0][1]
	var s float64
	for i := 0; i < len(r)-1; i++ {
		s += (r[i][0]-x0)*(r[i+1][1]-y0) - (r[i+1][0]-x0)*(r[i][1]-y0)
	}
	last := len(r) - 1
	s += (r[last][0]-x0)*(r[0][1]-y0) - (r[0][0]-x0)*(r[last][1]-y0)
	return s / 2
}

// multiPolygonArea returns the area of a multipolygon: shells minus holes.
func multiPolygonArea(mp orb.MultiPolygon) float64 {
	var a float64
	for _, p := range mp {
		for i, r := range p {
			if i == 0 {
				a += math.Abs(ringArea(r))
			} else {
				a -= math.Abs(ringArea(r))
			}
		}
	}
	return a
}

// orient returns a copy of mp with shells counter-clockwise and holes
// clockwise (the right-hand rule of RFC 7946), and every ring closed.
func orient(mp orb.MultiPolygon) orb.MultiPolygon {
	out := make(orb.MultiPolygon, len(mp))
	for pi, p := range mp {
		q := make(orb.Polygon, len(p))
		for ri, r := range p {
			c := make(orb.Ring, len(r), len(r)+1)
			copy(c, r)
			if len(c) > 0 && c[0] != c[len(c)-1] {
				c = append(c, c[0])
			}
			ccw := ringArea(c) > 0
			if (ri == 0) != ccw {
				for i, j := 0, len(c)-1; i < j; i, j = i+1, j-1 {
					c[i], c[j] = c[j], c[i]
				}
			}
			q[ri] = c
		}
		out[pi] = q
	}
	return out
}
