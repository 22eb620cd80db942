package geo

import (
	"math"
	"testing"
)

// Inverse undoes Forward to 1e-9° even far from the central meridian,
// where the two series alone part by about 1e-7°; and near the origin
// the ellipsoidal series on an ellipsoid of negligible flattening agree
// with the sphere's closed forms. (The comparison with PROJ is
// TestProjStringsAgainstPROJ.)
func TestCassiniSoldner(t *testing.T) {
	bessel := Ellipsoid{A: 6377397.155, F: 1 / 299.1528128}
	tests := []struct {
		name     string
		el       Ellipsoid
		lat0     float64
		lon, lat float64
	}{
		{"Berlin", bessel, 52.4186482777778, 13.40, 52.52},
		{"Berlin's edge", bessel, 52.4186482777778, 13.09, 52.33},
		{"3° off the meridian", bessel, 52.4186482777778, 16.63, 55},
		{"southern hemisphere", GRS80, -18, 180.9, -17.5},
		{"near the pole", GRS80, 80, 20, 85},
	}
	for _, tt := range tests {
		lon0 := 13.6272036666667
		if tt.lat0 < 0 {
			lon0 = 178
		}
		p := newCassiniSoldner(tt.el, tt.lat0, lon0, 40000, 10000)
		x, y := p.Forward(tt.lon, tt.lat)
		lon, lat := p.Inverse(x, y)
		if d := math.Max(math.Abs(wrap180(lon-tt.lon)), math.Abs(lat-tt.lat)); !(d <= 1e-9) {
			t.Errorf("%s: (%g, %g) → (%.3f, %.3f) → (%.12f, %.12f), off by %.3g°", tt.name, tt.lon, tt.lat, x, y, lon, lat, d)
		}
	}
	sphere := newCassiniSoldner(Ellipsoid{A: 6371000}, 52, 13, 0, 0)
	flat := newCassiniSoldner(Ellipsoid{A: 6371000, F: 1e-15}, 52, 13, 0, 0)
	for _, pt := range [][2]float64{{13, 52}, {13.5, 52.3}, {12.2, 51.6}, {14, 53}} {
		xs, ys := sphere.Forward(pt[0], pt[1])
		xf, yf := flat.Forward(pt[0], pt[1])
		if d := math.Hypot(xs-xf, ys-yf); !(d <= 1e-3) {
			t.Errorf("sphere at %v: closed forms (%.4f, %.4f), series (%.4f, %.4f)", pt, xs, ys, xf, yf)
		}
		lon, lat := sphere.Inverse(xs, ys)
		if d := math.Max(math.Abs(lon-pt[0]), math.Abs(lat-pt[1])); !(d <= 1e-12) {
			t.Errorf("sphere at %v: back at %.14f, %.14f", pt, lon, lat)
		}
	}
}
