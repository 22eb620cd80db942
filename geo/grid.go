package geo

import (
	"fmt"
	"math"
	"regexp"
	"sort"
	"strconv"

	"github.com/paulmach/orb"
)

// GridCell is a cell of the European statistical grid (INSPIRE, EPSG:3035)
// in which the Zensus publishes its results: its lower left corner and
// its side in metres.
type GridCell struct {
	E, N float64 // easting and northing of the lower left corner, EPSG:3035
	Size float64 // 100 or 1000 (also 10000)
}

var gridID = regexp.MustCompile(`^CRS3035RES(\d+)(m|km)N(\d+)E(\d+)$`)

// ParseGridID reads a Zensus grid cell id such as
// "CRS3035RES100mN2689100E4337000" (100 m) or "CRS3035RES1000mN2689000E4337000"
// (1 km; "1km" is read too). The corner must lie on the cell size.
func ParseGridID(id string) (GridCell, error) {
	m := gridID.FindStringSubmatch(id)
	if m == nil {
		return GridCell{}, fmt.Errorf("%q is not a grid cell id like CRS3035RES100mN2689100E4337000", id)
	}
	size, _ := strconv.ParseFloat(m[1], 64)
	if m[2] == "km" {
		size *= 1000
	}
	n, _ := strconv.ParseFloat(m[3], 64)
	e, _ := strconv.ParseFloat(m[4], 64)
	if size <= 0 || math.Mod(n, size) != 0 || math.Mod(e, size) != 0 {
		return GridCell{}, fmt.Errorf("%q: the corner N%s E%s is not on the %s m grid", id, m[3], m[4], m[1])
	}
	return GridCell{E: e, N: n, Size: size}, nil
}

// Share is the part of a grid cell that lies in one area.
type Share struct {
	Area     int     // position in the area order
	Fraction float64 // the area's part of the cell's area, 0..1
}

// GridShares returns, for each cell, the areas it overlaps and which
// fraction of the cell's area lies in each: the key to allocating Zensus
// grid counts to planning areas by area share. The cell's corners are
// transformed to the areas' CRS (a square in EPSG:3035 is a slightly
// turned quadrilateral there; its sides are straight to well under a
// millimetre over 1 km) and each area is clipped to it (Sutherland–
// Hodgman, exact for a convex clip polygon). Fractions of a cell that
// lies partly outside the city sum to less than 1.
func (a *Areas) GridShares(cells []GridCell) [][]Share {
	lc := NewLocator(a)
	out := make([][]Share, len(cells))
	tr := NewTransformation(LAEAEurope, a.CRS)
	for k, c := range cells {
		quad := make(orb.Ring, 5)
		for i, d := range [][2]float64{{0, 0}, {1, 0}, {1, 1}, {0, 1}, {0, 0}} {
			quad[i] = tr.Apply(orb.Point{c.E + d[0]*c.Size, c.N + d[1]*c.Size})
		}
		cellArea := math.Abs(ringArea(quad))
		qb := quad.Bound()
		for _, i := range lc.candidates(qb) {
			if !lc.bounds[i].Intersects(qb) {
				continue
			}
			var ar float64
			for _, poly := range a.Geoms[i] {
				for r, ring := range poly {
					x := math.Abs(ringArea(clipConvex(ring, quad)))
					if r == 0 {
						ar += x
					} else {
						ar -= x
					}
				}
			}
			if f := ar / cellArea; f > 1e-12 {
				out[k] = append(out[k], Share{Area: i, Fraction: math.Min(f, 1)})
			}
		}
	}
	return out
}

// candidates returns the areas whose index cells cover the box b,
// each once, in ascending order.
func (lc *Locator) candidates(b orb.Bound) []int {
	seen := map[int32]bool{}
	var out []int
	for _, i := range lc.inBox(b) {
		if !seen[i] {
			seen[i] = true
			out = append(out, int(i))
		}
	}
	sort.Ints(out)
	return out
}

// clipConvex clips a ring to a convex, counter-clockwise clip ring
// (Sutherland–Hodgman). The result's area is the area of the ring inside
// the clip ring, also for a concave subject.
func clipConvex(subject, clip orb.Ring) orb.Ring {
	out := append(orb.Ring(nil), subject...)
	if ringArea(clip) < 0 {
		clip = append(orb.Ring(nil), clip...)
		for i, j := 0, len(clip)-1; i < j; i, j = i+1, j-1 {
			clip[i], clip[j] = clip[j], clip[i]
		}
	}
	for e := 0; e+1 < len(clip); e++ {
		a, b := clip[e], clip[e+1]
		inside := func(p orb.Point) bool { return (b[0]-a[0])*(p[1]-a[1])-(b[1]-a[1])*(p[0]-a[0]) >= 0 }
		cross := func(p, q orb.Point) orb.Point {
			// Intersection of pq with the line ab.
			dx, dy := q[0]-p[0], q[1]-p[1]
			ex, ey := b[0]-a[0], b[1]-a[1]
			t := (ex*(p[1]-a[1]) - ey*(p[0]-a[0])) / (ey*dx - ex*dy)
			return orb.Point{p[0] + t*dx, p[1] + t*dy}
		}
		in := out
		out = nil
		if len(in) == 0 {
			break
		}
		prev := in[len(in)-1]
		for _, cur := range in {
			switch {
			case inside(cur) && inside(prev):
				out = append(out, cur)
			case inside(cur):
				out = append(out, cross(prev, cur), cur)
			case inside(prev):
				out = append(out, cross(prev, cur))
			}
			prev = cur
		}
	}
	if len(out) > 0 && out[0] != out[len(out)-1] {
		out = append(out, out[0])
	}
	return out
}
