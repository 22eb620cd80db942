package geo

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/paulmach/orb"
	"github.com/peterstace/simplefeatures/geom"
)

func TestLocateOnGrid(t *testing.T) {
	a := gridAreas(3, 2, 100) // x from 300000, y from 5600000
	lc := NewLocator(a)
	tests := []struct {
		p    orb.Point
		want int
	}{
		{orb.Point{300050, 5600050}, 0},
		{orb.Point{300250, 5600150}, 5},
		{orb.Point{300100, 5600050}, 0}, // on the edge of 0 and 1: the first
		{orb.Point{300100, 5600100}, 0}, // the corner of four
		{orb.Point{300300, 5600200}, 5}, // the outer corner
		{orb.Point{300300.001, 5600200}, -1},
		{orb.Point{299000, 5600050}, -1},
	}
	for _, tc := range tests {
		if got := lc.Locate(tc.p); got != tc.want {
			t.Errorf("%v: area %d, want %d", tc.p, got, tc.want)
		}
	}
}

// On Berlin's planning areas, the index finds what testing every area
// finds, for 5,000 random points.
func TestLocateBerlin(t *testing.T) {
	a := berlinLayers(t)["lor2021"]
	lc := NewLocator(a)
	b := a.Bound()
	bounds := make([]orb.Bound, a.Len())
	for i := range bounds {
		bounds[i] = a.AreaBound(i)
	}
	r := rand.New(rand.NewPCG(1, 2))
	outside := 0
	for k := 0; k < 5000; k++ {
		p := orb.Point{b.Min[0] + r.Float64()*(b.Max[0]-b.Min[0]), b.Min[1] + r.Float64()*(b.Max[1]-b.Min[1])}
		want := -1
		for i, g := range a.Geoms {
			if bounds[i].Contains(p) && inMultiPolygon(p, g) {
				want = i
				break
			}
		}
		if got := lc.Locate(p); got != want {
			t.Fatalf("%v: area %d, brute force %d", p, got, want)
		}
		if want < 0 {
			outside++
		}
	}
	t.Logf("%d of 5000 points outside Berlin", outside)
}

func TestParseGridID(t *testing.T) {
	for _, tc := range []struct {
		id   string
		want GridCell
		err  string
	}{
		{"CRS3035RES100mN2689100E4337000", GridCell{E: 4337000, N: 2689100, Size: 100}, ""},
		{"CRS3035RES1000mN2689000E4337000", GridCell{E: 4337000, N: 2689000, Size: 1000}, ""},
		{"CRS3035RES1kmN2689000E4337000", GridCell{E: 4337000, N: 2689000, Size: 1000}, ""},
		{"CRS3035RES1000mN2689100E4337000", GridCell{}, `"CRS3035RES1000mN2689100E4337000": the corner N2689100 E4337000 is not on the 1000 m grid`},
		{"100mN2689100E4337000", GridCell{}, `"100mN2689100E4337000" is not a grid cell id like CRS3035RES100mN2689100E4337000`},
	} {
		got, err := ParseGridID(tc.id)
		if tc.err != "" {
			if err == nil || err.Error() != tc.err {
				t.Errorf("%s: error %v, want %s", tc.id, err, tc.err)
			}
			continue
		}
		if err != nil || got != tc.want {
			t.Errorf("%s: %v %v", tc.id, got, err)
		}
	}
}

// The shares of 1 km and 100 m Zensus cells over Berlin equal the
// intersections computed by simplefeatures (overlay, not clipping) to
// 1e-9 of the cell, and cells inside the city are allocated whole.
func TestGridSharesBerlin(t *testing.T) {
	a := berlinLayers(t)["lor2021"]
	r := rand.New(rand.NewPCG(3, 4))
	var cells []GridCell
	for _, size := range []float64{1000, 100} {
		for k := 0; k < 150; k++ {
			// Berlin lies around E 4550000, N 3270000 in EPSG:3035.
			e := math.Floor((4531000+r.Float64()*47000)/size) * size
			n := math.Floor((3250000+r.Float64()*40000)/size) * size
			cells = append(cells, GridCell{E: e, N: n, Size: size})
		}
	}
	shares := a.GridShares(cells)
	sf := make([]geom.Geometry, a.Len())
	for i, g := range a.Geoms {
		sf[i] = toSF(g).AsGeometry()
	}
	worst, whole, partial := 0.0, 0, 0
	for k, c := range cells {
		quad := make([]float64, 0, 10)
		for _, d := range [][2]float64{{0, 0}, {1, 0}, {1, 1}, {0, 1}, {0, 0}} {
			p := Transform(LAEAEurope, a.CRS, orb.Point{c.E + d[0]*c.Size, c.N + d[1]*c.Size})
			quad = append(quad, p[0], p[1])
		}
		cellPoly := geom.NewPolygon([]geom.LineString{geom.NewLineString(geom.NewSequence(quad, geom.DimXY))}).AsGeometry()
		cellArea := cellPoly.Area()
		got := map[int]float64{}
		var sum float64
		for _, s := range shares[k] {
			got[s.Area] = s.Fraction
			sum += s.Fraction
		}
		for i := range sf {
			if !sf[i].Envelope().Intersects(cellPoly.Envelope()) {
				continue
			}
			x, err := geom.Intersection(sf[i], cellPoly)
			if err != nil {
				t.Fatal(err)
			}
			worst = math.Max(worst, math.Abs(x.Area()/cellArea-got[i]))
		}
		if math.Abs(sum-1) < 1e-9 {
			whole++
		} else if sum > 0 {
			partial++
		}
	}
	if worst > 1e-9 {
		t.Errorf("shares differ from the overlay by up to %.3g of a cell", worst)
	}
	if whole < 100 {
		t.Errorf("only %d of %d cells allocated whole", whole, len(cells))
	}
	t.Logf("%d cells: %d whole, %d partly outside; worst difference %.3g", len(cells), whole, partial, worst)
}
