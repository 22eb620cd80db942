package citygen

import (
	"math"
	"math/rand/v2"
	"sort"
)

type pt struct{ x, y float64 }

// convexHull returns the convex hull of pts, counter-clockwise, without
// repeating the first point (Andrew's monotone chain).
func convexHull(pts []pt) []pt {
	p := append([]pt(nil), pts...)
	sort.Slice(p, func(i, j int) bool {
		if p[i].x != p[j].x {
			return p[i].x < p[j].x
		}
		return p[i].y < p[j].y
	})
	cross := func(o, a, b pt) float64 { return (a.x-o.x)*(b.y-o.y) - (a.y-o.y)*(b.x-o.x) }
	var h []pt
	for _, q := range p {
		for len(h) >= 2 && cross(h[len(h)-2], h[len(h)-1], q) <= 0 {
			h = h[:len(h)-1]
		}
		h = append(h, q)
	}
	lower := len(h) + 1
	for i := len(p) - 2; i >= 0; i-- {
		q := p[i]
		for len(h) >= lower && cross(h[len(h)-2], h[len(h)-1], q) <= 0 {
			h = h[:len(h)-1]
		}
		h = append(h, q)
	}
	return h[:len(h)-1]
}

// clipHalfPlane keeps the part of convex polygon poly where a·x + b·y ≤ c
// (Sutherland–Hodgman against one line).
func clipHalfPlane(poly []pt, a, b, c float64) []pt {
	var out []pt
	n := len(poly)
	for i := 0; i < n; i++ {
		p, q := poly[i], poly[(i+1)%n]
		dp := a*p.x + b*p.y - c
		dq := a*q.x + b*q.y - c
		if dp <= 0 {
			out = append(out, p)
		}
		if (dp < 0 && dq > 0) || (dp > 0 && dq < 0) {
			t := dp / (dp - dq)
			out = append(out, pt{p.x + t*(q.x-p.x), p.y + t*(q.y-p.y)})
		}
	}
	return out
}

// outline returns the city boundary: the convex hull of a wobbly ring of
// radius about r metres around the origin.
func outline(rng *rand.Rand, r float64) []pt {
	var ring []pt
	ph1, ph2 := rng.Float64()*2*math.Pi, rng.Float64()*2*math.Pi
	for k := 0; k < 72; k++ {
		th := 2 * math.Pi * float64(k) / 72
		rad := r * (1 + 0.13*math.Sin(2*th+ph1) + 0.07*math.Cos(3*th+ph2) + 0.03*(rng.Float64()-0.5))
		ring = append(ring, pt{rad * math.Cos(th), rad * math.Sin(th)})
	}
	return convexHull(ring)
}

// radiusAt returns the distance from the origin to the outline in
// direction th.
func radiusAt(poly []pt, th float64) float64 {
	dx, dy := math.Cos(th), math.Sin(th)
	best := math.Inf(1)
	n := len(poly)
	for i := 0; i < n; i++ {
		p, q := poly[i], poly[(i+1)%n]
		ex, ey := q.x-p.x, q.y-p.y
		den := dx*ey - dy*ex
		if math.Abs(den) < 1e-12 {
			continue
		}
		t := (p.x*ey - p.y*ex) / den
		u := (p.x*dy - p.y*dx) / den
		if t > 0 && u >= 0 && u <= 1 && t < best {
			best = t
		}
	}
	return best
}

// voronoiCells clips the outline by the perpendicular bisectors between
// each seed and every other seed: the Voronoi cell of each seed inside
// the (convex) outline.
func voronoiCells(out []pt, seeds []pt) [][]pt {
	cells := make([][]pt, len(seeds))
	for i, s := range seeds {
		cell := append([]pt(nil), out...)
		for j, o := range seeds {
			if i == j {
				continue
			}
			// |p-s|² ≤ |p-o|²  ⇔  2(o-s)·p ≤ |o|² - |s|²
			a, b := 2*(o.x-s.x), 2*(o.y-s.y)
			c := o.x*o.x + o.y*o.y - s.x*s.x - s.y*s.y
			cell = clipHalfPlane(cell, a, b, c)
		}
		cells[i] = cell
	}
	return cells
}

// snap makes vertices that are equal up to floating-point noise exactly
// equal across all cells (so that neighbours share boundaries exactly),
// rounds them to centimetres, and drops repeated vertices.
func snap(cells [][]pt) [][]pt {
	var reps []pt
	find := func(p pt) pt {
		for _, r := range reps {
			if math.Abs(r.x-p.x) < 1e-4 && math.Abs(r.y-p.y) < 1e-4 {
				return r
			}
		}
		r := pt{math.Round(p.x*100) / 100, math.Round(p.y*100) / 100}
		reps = append(reps, r)
		return r
	}
	out := make([][]pt, len(cells))
	for i, c := range cells {
		var s []pt
		for _, p := range c {
			q := find(p)
			if len(s) > 0 && s[len(s)-1] == q {
				continue
			}
			s = append(s, q)
		}
		if len(s) > 1 && s[0] == s[len(s)-1] {
			s = s[:len(s)-1]
		}
		out[i] = s
	}
	return out
}

func polyArea(p []pt) float64 {
	var s float64
	for i := range p {
		q := p[(i+1)%len(p)]
		s += p[i].x*q.y - q.x*p[i].y
	}
	return s / 2
}
