package geo

import (
	"testing"

	"github.com/paulmach/orb"
	"github.com/peterstace/simplefeatures/geom"
)

func vertexCount(gs []orb.MultiPolygon) int {
	n := 0
	for _, g := range gs {
		for _, p := range g {
			for _, r := range p {
				n += len(r)
			}
		}
	}
	return n
}

// unionStats returns the summed area of the geometries, the area of their
// union and the number of holes in the union.
func unionStats(t *testing.T, gs []orb.MultiPolygon) (sum, union float64, holes int) {
	t.Helper()
	sf := make([]geom.Geometry, len(gs))
	for i, g := range gs {
		sf[i] = toSF(g).AsGeometry()
		sum += multiPolygonArea(g)
	}
	u, err := geom.UnionMany(sf)
	if err != nil {
		t.Fatal(err)
	}
	mp, _ := fromSF(u)
	for _, p := range mp {
		holes += len(p) - 1
	}
	return sum, u.Area(), holes
}

// Berlin's planning areas simplified at 5 and 25 m keep their shared
// boundaries: no overlaps appear (the areas' sum equals their union's
// area) and no gaps (the union has no more holes than before), while the
// vertices drop to a fraction.
func TestSimplifyBerlin(t *testing.T) {
	for name, a := range berlinLayers(t) {
		_, _, holes0 := unionStats(t, a.Geoms)
		for _, tol := range []float64{5, 25} {
			s := a.Simplify(tol)
			sum, union, holes := unionStats(t, s)
			invalid := 0
			for _, g := range s {
				if validPolygon(g) != nil {
					invalid++
				}
			}
			t.Logf("%s, %g m: %d of %d vertices kept; overlap %.3f m², holes %d (before %d), %d invalid", name, tol, vertexCount(s), vertexCount(a.Geoms), sum-union, holes, holes0, invalid)
			if sum-union > 1 {
				t.Errorf("%s, %g m: the simplified areas overlap by %.1f m²", name, tol, sum-union)
			}
			if holes > holes0 {
				t.Errorf("%s, %g m: %d holes in the union, %d before: gaps opened", name, tol, holes, holes0)
			}
			if vertexCount(s) > vertexCount(a.Geoms)/2 {
				t.Errorf("%s, %g m: only down to %d of %d vertices", name, tol, vertexCount(s), vertexCount(a.Geoms))
			}
		}
	}
}

// An edge split on one side only stays shared after simplification.
func TestSimplifySplitEdge(t *testing.T) {
	a, err := readTest(t, "contiguity.geojson", ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	s := a.Simplify(1)
	sum, union, _ := unionStats(t, s)
	if sum != union {
		t.Errorf("overlap %v", sum-union)
	}
	// B's extra vertex on its edge with A is inserted into A, then both
	// drop it: A and B are squares again.
	if len(s[0][0][0]) != 5 || len(s[1][0][0]) != 5 {
		t.Errorf("A %v, B %v", s[0][0][0], s[1][0][0])
	}
}
