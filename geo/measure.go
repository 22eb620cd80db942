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

// areaScaler returns the areal scale at a point (x, y) of c, with c's
// projection prepared once. The areal scale is the ratio of an area in c's plane to the same area
// on the ellipsoid at the point (x, y) of c: the Jacobian of the
// projection, |∂(x,y)/∂(λ,φ)|, over the ellipsoid's area element
// M(φ)·N(φ)·cos φ (M and N the radii of curvature in the meridian and
// the prime vertical; Snyder 1987, eqs. 4-18, 4-19). The Jacobian is
// taken by central differences over 1e-5 rad (about 60 m), whose error is
// of order 1e-10. 1 for an equal-area projection, k² for a conformal one
// (0.99944 for ETRS89 / UTM 33N in Berlin), 1 where c is not projected
// or the point cannot be inverted.
func (c CRS) areaScaler() func(x, y float64) float64 {
	if c == Unknown || c.Geographic() {
		return func(x, y float64) float64 { return 1 }
	}
	p, err := newProjection(c.def.Method, c.def.Ellipsoid, c.def.Params)
	if err != nil {
		return func(x, y float64) float64 { return 1 }
	}
	return func(x, y float64) float64 { return projectionAreaScale(c, p, x, y) }
}

// projectionAreaScale is the areal scale at (x, y) in c with projection p.
func projectionAreaScale(c CRS, p projection, x, y float64) float64 {
	lon, lat := p.Inverse(x*c.def.Unit, y*c.def.Unit)
	if math.IsNaN(lon) || math.IsNaN(lat) || math.Abs(lat) > 89.9 {
		return 1
	}
	const h = 1e-5 // radians
	hd := h / deg
	xe, ye := p.Forward(lon+hd, lat)
	xw, yw := p.Forward(lon-hd, lat)
	xn, yn := p.Forward(lon, lat+hd)
	xs, ys := p.Forward(lon, lat-hd)
	xl, yl := (xe-xw)/(2*h), (ye-yw)/(2*h)
	xp, yp := (xn-xs)/(2*h), (yn-ys)/(2*h)
	jac := math.Abs(xl*yp - xp*yl)
	el := c.def.Ellipsoid
	es := el.F * (2 - el.F)
	sp, cp := math.Sincos(lat * deg)
	w := math.Sqrt(1 - es*sp*sp)
	n := el.A / w
	m := el.A * (1 - es) / (w * w * w)
	s := jac / (m * n * cp)
	if math.IsNaN(s) || s <= 0 {
		return 1
	}
	return s
}
