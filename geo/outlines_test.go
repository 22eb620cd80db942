package geo

import (
	"math"
	"testing"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"
)

// Four 1 km squares in two districts: two outlines of 2 km² each.
func TestOutlines(t *testing.T) {
	var geoms []orb.MultiPolygon
	for i := 0; i < 4; i++ {
		x := float64(i) * 1000
		geoms = append(geoms, orb.MultiPolygon{{{{x, 0}, {x + 1000, 0}, {x + 1000, 1000}, {x, 1000}, {x, 0}}}})
	}
	out := Outlines(geoms, []string{"a", "a", "b", ""})
	if len(out) != 2 {
		t.Fatalf("%d outlines, want 2 (the area without a district in none)", len(out))
	}
	if len(out[0]) != 1 || math.Abs(planar.Area(out[0])-2e6) > 1 {
		t.Errorf("district a: %d polygon(s), %.0f m², want one of 2 km²", len(out[0]), planar.Area(out[0]))
	}
	if math.Abs(planar.Area(out[1])-1e6) > 1 {
		t.Errorf("district b: %.0f m², want 1 km²", planar.Area(out[1]))
	}
}
