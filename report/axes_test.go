package report

import (
	"math"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"gonum.org/v1/plot/vg"
)

// Axes step by 1, 2 or 5 times a power of ten and start and end at a
// tick; no 13,1 / 18,9 or 1,3 / 11,9 / 22,6.
func TestNiceRange(t *testing.T) {
	for _, tc := range []struct {
		lo, hi float64
		n      int
		want   string
	}{
		{13.1, 18.9, 3, "12 14 16 18 20"},
		{1.3, 22.6, 5, "0 5 10 15 20 25"},
		{9.2, 27.1, 5, "5 10 15 20 25 30"},
		{0, 1, 5, "0 0.2 0.4 0.6 0.8 1"},
		{-0.35, 0.28, 4, "-0.4 -0.2 0 0.2 0.4"},
	} {
		lo, hi, ticks := niceRange(tc.lo, tc.hi, tc.n)
		var s []string
		for _, v := range ticks {
			s = append(s, strconv.FormatFloat(v, 'f', -1, 64))
		}
		if got := strings.Join(s, " "); got != tc.want {
			t.Errorf("[%g, %g]: ticks %s, want %s", tc.lo, tc.hi, got, tc.want)
		}
		if lo != ticks[0] || hi != ticks[len(ticks)-1] {
			t.Errorf("[%g, %g]: range %g–%g does not end at ticks %v", tc.lo, tc.hi, lo, hi, ticks)
		}
	}
	for _, v := range niceTicks(-3.7, 81.2, 7) {
		if m := v / 10; m != math.Trunc(m) {
			t.Errorf("tick %g of −3,7–81,2: want steps of 10", v)
		}
	}
}

// isNiceLabel reports whether a German tick label is a multiple of 1, 2
// or 5 times a power of ten with few digits ("12", "0,2", "−5").
func isNiceLabel(s string) bool {
	s = strings.NewReplacer("−", "-", ".", "", ",", ".").Replace(s)
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return false
	}
	if v == 0 {
		return true
	}
	digits := strings.Trim(strings.ReplaceAll(strings.TrimPrefix(s, "-"), ".", ""), "0")
	return len(digits) <= 2
}

// The small multiples' value axis has round ticks (13,1 → 18,9 became
// 12, 14, …, 20).
func TestTrendTicks(t *testing.T) {
	s := TrendSpec{Title: "T", Source: "S", Years: []int{2014, 2019, 2024}, Names: []string{"Stadt", "Nord"},
		Series: [][]float64{{13.1, 15, 18.9}, {14, 16, 17}}, Decimals: 1, Locale: NewLocale("de")}
	ts, _ := svgTexts(t, Trends(s))
	var ticks []string
	for _, l := range ts {
		if strings.Contains(l.style, "font-size:6px") && !strings.HasPrefix(l.text, "20") {
			ticks = append(ticks, l.text)
		}
	}
	if len(ticks) < 4 {
		t.Fatalf("value ticks %q, want at least two per panel", ticks)
	}
	for _, tk := range ticks {
		if !isNiceLabel(tk) {
			t.Errorf("tick %q is not round", tk)
		}
	}
}

// The raw scatter's axes have round ticks, and its label stands where
// no point and no part of the line is.
func TestScatterTicksAndLabel(t *testing.T) {
	// Points along the diagonal, up into the top right corner.
	var x, y []float64
	for v := -1.9; v <= 1.9; v += 0.1 {
		x, y = append(x, v), append(y, v)
	}
	for v := 0.5; v <= 1.9; v += 0.1 {
		x, y = append(x, v), append(y, 1.9)
	}
	ms := ScatterSpec{Title: "T", XLabel: "x", YLabel: "y", Source: "S", X: x, Y: y, Slope: 1,
		SlopeLabel: "I = 0,98 (p = 0,001)", Locale: NewLocale("de")}
	ts, svg := svgTexts(t, Scatter(ms))
	lab, ok := findText(ts, ms.SlopeLabel)
	if !ok {
		t.Fatal("no label of the slope")
	}
	w := float64(newStyle().text(7.5, true, black).Width(ms.SlopeLabel) / vg.Points(1))
	dots := regexp.MustCompile(`<path d="M([-\d.]+),([-\d.]+)A([\d.]+)`).FindAllStringSubmatch(svg, -1)
	if len(dots) < len(x) {
		t.Fatalf("%d dots", len(dots))
	}
	for _, d := range dots {
		px, _ := strconv.ParseFloat(d[1], 64)
		py, _ := strconv.ParseFloat(d[2], 64)
		rad, _ := strconv.ParseFloat(d[3], 64)
		px -= rad
		if px > lab.x-rad && px < lab.x+w+rad && py > lab.y-2-rad && py < lab.y+7+rad {
			t.Errorf("point at (%.0f, %.0f) under the label at (%.0f, %.0f)", px, py, lab.x, lab.y)
		}
	}
	// The raw scatter's ticks.
	s := ScatterSpec{Title: "T", XLabel: "x", YLabel: "y", Source: "S", X: []float64{9.2, 15, 27.1}, Y: []float64{1.3, 11.9, 22.6},
		Slope: 1, SlopeLabel: "r = 0,98", Locale: NewLocale("de"), Raw: true, Decimals: [2]int{1, 1}}
	ts, _ = svgTexts(t, Scatter(s))
	n := 0
	for _, l := range ts {
		if strings.Contains(l.style, "font-size:7px") && l.text != "S" {
			n++
			if !isNiceLabel(l.text) {
				t.Errorf("tick %q is not round", l.text)
			}
		}
	}
	if n < 6 {
		t.Errorf("%d ticks", n)
	}
	// freeSpot: the first free box; a box a point or the line touches is skipped.
	box := func(x0, y0 float64) vg.Rectangle {
		return vg.Rectangle{Min: vg.Point{X: vg.Length(x0), Y: vg.Length(y0)}, Max: vg.Point{X: vg.Length(x0 + 10), Y: vg.Length(y0 + 5)}}
	}
	cands := []vg.Rectangle{box(0, 0), box(50, 0), box(0, 50), box(50, 50)}
	pts := []vg.Point{{X: 5, Y: 2}}
	seg := [2]vg.Point{{X: 40, Y: -10}, {X: 70, Y: 20}} // through the second box
	if k := freeSpot(cands, pts, 1, seg); k != 2 {
		t.Errorf("freeSpot %d, want 2 (the first has a point, the second the line)", k)
	}
}
