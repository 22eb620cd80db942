package geo

import (
	"math/rand"
	"testing"

	"github.com/paulmach/orb"
)

// randomMultiPolygon returns one or two polygons of one or two rings of
// 3 to 8 random vertices: on a 6 × 6 grid with grid, so that vertices
// repeat and edges overlap, else anywhere in [0, 6)².
func randomMultiPolygon(rng *rand.Rand, grid bool) orb.MultiPolygon {
	coord := func() float64 {
		if grid {
			return float64(rng.Intn(6))
		}
		return 6 * rng.Float64()
	}
	var mp orb.MultiPolygon
	for p := 0; p < 1+rng.Intn(2); p++ {
		var poly orb.Polygon
		for r := 0; r < 1+rng.Intn(2); r++ {
			ring := orb.Ring{}
			for i := 0; i < 3+rng.Intn(6); i++ {
				ring = append(ring, orb.Point{coord(), coord()})
			}
			poly = append(poly, append(ring, ring[0]))
		}
		mp = append(mp, poly)
	}
	return mp
}

// TestRepairEvenOdd repairs (RepairLinework) random self-crossing multipolygons in
// general position and checks the even-odd rule at random points: a
// point lies in the result exactly if an odd number of input rings
// contain it.
func TestRepairEvenOdd(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	for n := 0; n < 300; n++ {
		mp := randomMultiPolygon(rng, false)
		out, _, err := RepairLinework(mp)
		if err != nil {
			t.Fatalf("%v on %v", err, mp)
		}
		if err := validPolygon(out); err != nil {
			t.Fatalf("result %v of %v: %v", out, mp, err)
		}
		for k := 0; k < 50; k++ {
			pt := orb.Point{6 * rng.Float64(), 6 * rng.Float64()}
			odd := false
			for _, p := range mp {
				for _, r := range p {
					if pointInRing(pt, r) > 0 {
						odd = !odd
					}
				}
			}
			in := false
			for _, p := range out {
				if pointInRing(pt, p[0]) > 0 {
					inHole := false
					for _, h := range p[1:] {
						inHole = inHole || pointInRing(pt, h) > 0
					}
					in = in || !inHole
				}
			}
			if in != odd {
				t.Fatalf("%v: in the result %v, inside an odd number of rings %v; input %v, result %v", pt, in, odd, mp, out)
			}
		}
	}
}

// TestRepairDegenerate repairs random multipolygons on a small grid,
// full of repeated vertices, overlapping edges and spikes, by both
// methods: each result must be valid.
func TestRepairDegenerate(t *testing.T) {
	for _, fix := range []func(orb.MultiPolygon) (orb.MultiPolygon, bool, error){Repair, RepairLinework} {
		rng := rand.New(rand.NewSource(1))
		for n := 0; n < 600; n++ {
			mp := randomMultiPolygon(rng, true)
			out, _, err := fix(mp)
			if err != nil {
				t.Fatalf("%v on %v", err, mp)
			}
			if err := validPolygon(out); err != nil {
				t.Fatalf("result %v of %v: %v", out, mp, err)
			}
		}
	}
}

// windingNumber returns how many times the closed ring r winds around
// p (counter-clockwise positive), by the crossings of the horizontal ray
// from p to the right: +1 for an edge crossing it upwards with p on its
// left, -1 downwards with p on its right.
func windingNumber(p orb.Point, r orb.Ring) int {
	w := 0
	for i := 0; i+1 < len(r); i++ {
		a, b := r[i], r[i+1]
		side := (b[0]-a[0])*(p[1]-a[1]) - (p[0]-a[0])*(b[1]-a[1])
		switch {
		case a[1] <= p[1] && b[1] > p[1] && side > 0:
			w++
		case a[1] > p[1] && b[1] <= p[1] && side < 0:
			w--
		}
	}
	return w
}

// inResult reports whether p lies inside a valid multipolygon.
func inResult(pt orb.Point, mp orb.MultiPolygon) bool {
	for _, p := range mp {
		if pointInRing(pt, p[0]) > 0 {
			inHole := false
			for _, h := range p[1:] {
				inHole = inHole || pointInRing(pt, h) > 0
			}
			if !inHole {
				return true
			}
		}
	}
	return false
}

// TestRepairStructureKeepsShells repairs (Repair, the structure method)
// random self-crossing multipolygons, in general position and on a small
// grid, and checks that the result is valid, that it covers every point
// around which a polygon's shell winds a nonzero number of times and
// none of its holes winds (so no area of a shell is lost, except to its
// own holes), that it covers no point around which no input ring winds,
// and that its area is at least that of each polygon's structure repair
// on its own.
func TestRepairStructureKeepsShells(t *testing.T) {
	rng := rand.New(rand.NewSource(2))
	for n := 0; n < 600; n++ {
		mp := randomMultiPolygon(rng, n%2 == 1)
		out, _, err := Repair(mp)
		if err != nil {
			t.Fatalf("%v on %v", err, mp)
		}
		if err := validPolygon(out); err != nil {
			t.Fatalf("result %v of %v: %v", out, mp, err)
		}
		area := multiPolygonArea(out)
		for _, p := range mp {
			q, err := structurePolygon(p)
			if err != nil {
				t.Fatal(err)
			}
			if a := multiPolygonArea(q); area < a*(1-1e-12) {
				t.Fatalf("area %g < %g of polygon %v alone; input %v", area, a, p, mp)
			}
		}
		for k := 0; k < 50; k++ {
			pt := orb.Point{6 * rng.Float64(), 6 * rng.Float64()}
			must, may := false, false
			for _, p := range mp {
				inShell := windingNumber(pt, p[0]) != 0
				inHole := false
				for _, h := range p[1:] {
					inHole = inHole || windingNumber(pt, h) != 0
				}
				must = must || inShell && !inHole
				may = may || inShell || inHole
			}
			if got := inResult(pt, out); must && !got || got && !may {
				t.Fatalf("%v: in the result %v, must be %v, may be %v; input %v, result %v", pt, got, must, may, mp, out)
			}
		}
	}
}
