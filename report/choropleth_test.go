package report

import (
	"bytes"
	"image/color"
	"math"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/paulmach/orb"

	"planatlas/analysis"
	"planatlas/datasets"
	"planatlas/geo"
	"planatlas/lang"
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
	if got := fills(spec); got != "#FFFFB2 #FFFFFF #BD0026" {
		t.Errorf("no class: %s, want the middle area white (hatched: no data)", got)
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

// svgText is a text of an SVG drawing: where, in which style, what.
type svgText struct {
	x, y  float64 // points, y upwards from the bottom
	style string
	text  string
}

func svgTexts(t *testing.T, f Figure) ([]svgText, string) {
	t.Helper()
	var b bytes.Buffer
	if err := f.Write(&b, "svg"); err != nil {
		t.Fatal(err)
	}
	var out []svgText
	re := regexp.MustCompile(`<text x="([-\d.]+)" y="([-\d.]+)"[^>]*\s+style="([^"]*)">([^<]*)</text>`)
	for _, m := range re.FindAllStringSubmatch(b.String(), -1) {
		x, _ := strconv.ParseFloat(m[1], 64)
		y, _ := strconv.ParseFloat(m[2], 64)
		out = append(out, svgText{x: x, y: -y, style: m[3], text: m[4]})
	}
	return out, b.String()
}

func findText(ts []svgText, text string) (svgText, bool) {
	for _, s := range ts {
		if s.text == text {
			return s, true
		}
	}
	return svgText{}, false
}

// labelMap is three 1 km squares: light, dark and without a value.
func labelMap(names ...string) MapSpec {
	a := squares(3)
	return MapSpec{Title: "T", Legend: "L", Source: "S", Areas: a, Values: []float64{1, 2, math.NaN()},
		Classes: analysis.Classes{Min: 1, Bounds: []float64{1, 2}, Counts: []int{1, 1}},
		Colours: []color.Color{hexColour("#ffffb2"), hexColour("#bd0026")}, City: math.NaN(), Locale: NewLocale("de"),
		AreaLabels: names, LabelAt: a.LabelPoints()}
}

// A name on a dark fill is white, on a light fill black; a name wider
// than its area is left out.
func TestMapLabelColourAndFit(t *testing.T) {
	long := "Schönblick-Mitte-Nord am langen Weinberg und Auenviertel"
	ts, _ := svgTexts(t, Map(labelMap("Au", "Berg", long)))
	a, ok := findText(ts, "Au")
	if !ok || strings.Contains(a.style, "fill:#FFFFFF") {
		t.Errorf("Au on light yellow: %+v, want black text", a)
	}
	b, ok := findText(ts, "Berg")
	if !ok || !strings.Contains(b.style, "fill:#FFFFFF") {
		t.Errorf("Berg on dark red: %+v, want white text", b)
	}
	if _, ok := findText(ts, long); ok {
		t.Errorf("%q is wider than its 1 km square and should be left out", long)
	}
	if labelColour(hexColour("#bd0026")) != white || labelColour(hexColour("#f03b20")) != black ||
		labelColour(hexColour("#2166ac")) != white || labelColour(hexColour("#ffffb2")) != black {
		t.Error("labelColour: want white on #bd0026 and #2166ac, black on #f03b20 and #ffffb2")
	}
}

// The scale bar and the north arrow stand in the legend's column, right
// of the map's geometry.
func TestMapScaleBarClearOfGeometry(t *testing.T) {
	s := labelMap()
	ts, _ := svgTexts(t, Map(s))
	// the map: 3 km wide, drawn from marginMM; its right edge in points
	b := s.Areas.Bound()
	mapW := pageW - 2*marginMM - legendW - 4
	if mapH := mapW * (b.Max[1] - b.Min[1]) / (b.Max[0] - b.Min[0]); mapH > 150 {
		mapW = 150 * (b.Max[0] - b.Min[0]) / (b.Max[1] - b.Min[1])
	}
	right := (marginMM + mapW) / 25.4 * 72
	for _, label := range []string{"500 m", "N"} {
		l, ok := findText(ts, label)
		if !ok {
			t.Fatalf("no %q on the map", label)
		}
		if l.x <= right {
			t.Errorf("%q at x %.1f pt, inside the map (right edge %.1f pt)", label, l.x, right)
		}
	}
}

// An area without a value is hatched on white, not filled grey like
// "not significant" or "confidential".
func TestMapNoDataHatched(t *testing.T) {
	_, svg := svgTexts(t, Map(labelMap()))
	if strings.Contains(svg, "fill:#E8E8E8") {
		t.Error("no data filled light grey")
	}
	if n := strings.Count(svg, "stroke:#888888;stroke-width:0.4\""); n < 10 {
		t.Errorf("%d hatch lines, want the area without a value and its legend box hatched", n)
	}
}

// Categorical values — whole numbers, one to a class — are legended by
// their values, not ranges.
func TestMapCategoricalLegend(t *testing.T) {
	de := NewLocale("de")
	c := analysis.Classes{Min: 1, Bounds: []float64{1, 2, 3}, Counts: []int{3, 2, 1}}
	vals := []float64{1, 1, 1, 2, 2, 3, math.NaN()}
	got := categoryLabels(de, vals, c)
	if strings.Join(got, "|") != "1 (3)|2 (2)|3 (1)" {
		t.Errorf("categories: %q", got)
	}
	if categoryLabels(de, []float64{1, 1.5, 3}, analysis.Classes{Min: 1, Bounds: []float64{1, 2, 3}, Counts: []int{1, 1, 1}}) != nil {
		t.Error("1,5 is no category")
	}
	if categoryLabels(de, []float64{1, 2, 3, 4}, analysis.Classes{Min: 1, Bounds: []float64{2, 4}, Counts: []int{2, 2}}) != nil {
		t.Error("two values in one class: ranges, not categories")
	}
	s := labelMap()
	s.Values, s.Classes = vals[:6], c
	s.Areas = squares(6)
	s.Colours = Palette("YlOrRd", 3)
	s.AreaLabels, s.LabelAt = nil, nil
	ts, _ := svgTexts(t, Map(s))
	for _, want := range []string{"1 (3)", "2 (2)", "3 (1)"} {
		if _, ok := findText(ts, want); !ok {
			t.Errorf("legend has no %q", want)
		}
	}
	for _, l := range ts {
		if strings.HasPrefix(l.text, "bis ") || strings.HasPrefix(l.text, "über ") {
			t.Errorf("legend entry %q for categories", l.text)
		}
	}
}

// Heat categories 1 to 3 classified by quantiles, equal intervals or
// natural breaks (fewer distinct values than classes) get the
// categorical legend, without empty classes.
func TestMapCategoricalQuantiles(t *testing.T) {
	vals := []float64{1, 1, 1, 2, 2, 2, 2, 3, 3, 1, 2, 3}
	for _, method := range []string{"quantile", "equal", "fisher"} {
		c, err := analysis.Classify(method, vals, 5, nil)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, l := range categoryLabels(NewLocale("de"), vals, c) {
			if l != "" { // an empty class of equal intervals
				got = append(got, l)
			}
		}
		if strings.Join(got, "|") != "1 (4)|2 (5)|3 (3)" {
			t.Errorf("%s: bounds %v, legend %q, want 1 (4), 2 (5), 3 (3)", method, c.Bounds, got)
		}
	}
}

// A flat map with a long legend grows to hold the legend, the north
// arrow and the scale bar above the source line.
func TestMapLegendHeight(t *testing.T) {
	a := squares(9)
	nan := math.NaN()
	s := MapSpec{Title: "T", Legend: "Anteil der Einwohnerinnen und Einwohner unter 18 Jahren an allen Einwohnerinnen und Einwohnern mit Hauptwohnsitz in %", Source: "Quelle", Areas: a,
		Values:  []float64{1, 2, 3, 4, 5, 6, 7, nan, nan},
		Flags:   []datasets.Flag{0, 0, 0, 0, 0, 0, 0, datasets.Confidential, 0},
		Classes: analysis.Classes{Min: 1, Bounds: []float64{1, 2, 3, 4, 5, 6, 7}, Counts: []int{1, 1, 1, 1, 1, 1, 1}, Note: lang.M("7 Klassen")},
		Colours: Palette("YlOrRd", 7), City: 4, Locale: NewLocale("de")}
	ts, _ := svgTexts(t, Map(s))
	src, _ := findText(ts, "Quelle")
	for _, label := range []string{"N", "2 km", "7 Klassen"} {
		l, ok := findText(ts, label)
		if !ok {
			t.Fatalf("no %q", label)
		}
		if l.y < src.y+8 {
			t.Errorf("%q at %.1f pt, on the source line at %.1f pt", label, l.y, src.y)
		}
	}
}
