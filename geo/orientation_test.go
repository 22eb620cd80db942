package geo

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/paulmach/orb"
)

// orientation agrees with exact rational arithmetic on points that are
// collinear or nearly so, where a floating-point determinant fails:
// points on lines through projected coordinates, moved by a few units in
// the last place, and on the integer lattice.
func TestOrientationExact(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 11))
	nudge := func(f float64) float64 {
		for range r.IntN(4) {
			if r.IntN(2) == 0 {
				f = math.Nextafter(f, math.Inf(1))
			} else {
				f = math.Nextafter(f, math.Inf(-1))
			}
		}
		return f
	}
	cases := 0
	for range 30000 {
		var a, b, c orb.Point
		switch r.IntN(3) {
		case 0: // near a line in UTM coordinates
			o := orb.Point{300000 + r.Float64()*1e5, 5.6e6 + r.Float64()*1e5}
			d := orb.Point{r.NormFloat64(), r.NormFloat64()}
			at := func(s float64) orb.Point { return orb.Point{nudge(o[0] + s*d[0]), nudge(o[1] + s*d[1])} }
			a, b, c = at(r.Float64()*1000), at(r.Float64()*1000), at(r.Float64()*1000)
		case 1: // lattice points on a line
			dx, dy := float64(r.IntN(7)-3), float64(r.IntN(7)-3)
			x0, y0 := float64(372000+r.IntN(1000)), float64(5640000+r.IntN(1000))
			at := func(k int) orb.Point { return orb.Point{x0 + float64(k)*dx, y0 + float64(k)*dy} }
			a, b, c = at(r.IntN(100)), at(r.IntN(100)), at(r.IntN(100))
			if r.IntN(2) == 0 {
				c[0] = nudge(c[0])
			}
		default: // coordinates of very different magnitude
			f := func() float64 { return math.Ldexp(r.Float64()-0.5, r.IntN(80)-40) }
			a, b = orb.Point{f(), f()}, orb.Point{f(), f()}
			c = orb.Point{a[0] + (b[0]-a[0])*0.5, a[1] + (b[1]-a[1])*0.5}
		}
		got, want := orientation(a, b, c), orientationRat(a, b, c)
		if got != want {
			t.Fatalf("orientation(%v, %v, %v) = %d, exactly %d", a, b, c, got, want)
		}
		cases++
	}
	if orientation(orb.Point{0, 0}, orb.Point{1, 1}, orb.Point{2, 2}) != 0 ||
		orientation(orb.Point{0, 0}, orb.Point{1, 0}, orb.Point{0, 1}) != 1 ||
		orientation(orb.Point{0, 0}, orb.Point{0, 1}, orb.Point{1, 0}) != -1 {
		t.Error("orientation of simple triples wrong")
	}
}
