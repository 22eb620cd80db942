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
// full of repeated vertices, overlapping edges and spikes: each result
// must be valid.
func TestRepairDegenerate(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	for n := 0; n < 600; n++ {
		mp := randomMultiPolygon(rng, true)
		out, _, err := Repair(mp)
		if err != nil {
			t.Fatalf("%v on %v", err, mp)
		}
		if err := validPolygon(out); err != nil {
			t.Fatalf("result %v of %v: %v", out, mp, err)
		}
	}
}
