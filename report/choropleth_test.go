package report

import (
	"bytes"
	"image/color"
	"math"
	"regexp"
	"testing"

	"github.com/paulmach/orb"

	"planatlas/analysis"
	"planatlas/geo"
)

// squares returns n unit squares side by side, 1 km each.
func squares(n int) *geo.Areas {
	a := &geo.Areas{}
	for i := 0; i < n; i++ {
		x := float64(i) * 1000
		ring := orb.Ring{{x, 0}, {x + 1000, 0}, {x + 1000, 1000}, {x, 1000}, {x, 0}}
		a.Keys = append(a.Keys, string(rune('a'+i)))
		a.Names = append(a.Names, string(rune('A'+i)))
		a.Geoms = append(a.Geoms, orb.MultiPolygon{{ring}})
	}
	return a
}

// With Class, each area takes the class given, not the class of its
// value by the bounds: −1 in the middle class, as the MSS has it.
func TestMapClassOverride(t *testing.T) {
	light, mid, dark := color.RGBA{0xff, 0xff, 0xb2, 0xff}, color.RGBA{0xfd, 0x8d, 0x3c, 0xff}, color.RGBA{0xbd, 0, 0x26, 0xff}
	spec := MapSpec{Title: "MSS", Legend: "Statusindex", Source: "Test", Areas: squares(3),
		Values:  []float64{-2, -1, 2},
		Classes: analysis.Classes{Min: -2, Bounds: []float64{-1, 1, 2}, Counts: []int{1, 1, 1}},
		Colours: []color.Color{light, mid, dark}, Labels: []string{"hoch", "mittel", "niedrig"},
		City: math.NaN(), Locale: NewLocale("de")}
	// The areas' fills: the first after the white background.
	fills := func(s MapSpec) string {
		var b bytes.Buffer
		if err := Map(s).Write(&b, "svg"); err != nil {
			t.Fatal(err)
		}
		f := regexp.MustCompile(`fill:(#[0-9A-F]{6})`).FindAllStringSubmatch(b.String(), 4)
		return f[1][1] + " " + f[2][1] + " " + f[3][1]
	}
	if got := fills(spec); got != "#FFFFB2 #FFFFB2 #BD0026" {
		t.Errorf("by bounds: %s", got)
	}
	spec.Class = []int{0, 1, 2}
	if got := fills(spec); got != "#FFFFB2 #FD8D3C #BD0026" {
		t.Errorf("by class: %s, want −1 in the middle class", got)
	}
	spec.Class = []int{0, -1, 2}
	if got := fills(spec); got != "#FFFFB2 #E8E8E8 #BD0026" {
		t.Errorf("no class: %s, want the middle area grey (no data)", got)
	}
}

// A legend shows the value's decimals, or more where two bounds would
// read alike.
func TestLegendDecimals(t *testing.T) {
	de := NewLocale("de")
	for _, tc := range []struct {
		bounds   []float64
		decimals int
		want     int
	}{
		{[]float64{-0.342, -0.265, 0, 0.0917, 0.1419, 0.28}, 1, 2},
		{[]float64{4.16, 4.36, 5.9, 6.23, 8.99}, 1, 1},
		{[]float64{1, 1.0001}, 0, 3},
		{[]float64{1, 1.00001}, 0, 3},
		{[]float64{10, 20, 30}, 0, 0},
	} {
		if got := legendDecimals(de, tc.bounds, tc.decimals); got != tc.want {
			t.Errorf("%v with %d decimals: %d, want %d", tc.bounds, tc.decimals, got, tc.want)
		}
	}
}
