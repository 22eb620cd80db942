package report

import (
	"math"
	"regexp"
	"strings"
	"testing"
)

// A pyramid has an axis of round shares under both halves; the city's
// own pyramid has no city line to compare with.
func TestPyramidAxis(t *testing.T) {
	de := NewLocale("de")
	labels := []string{"0–19", "20–39", "40–59", "60+"}
	m, f := []float64{10, 12, 13, 14.6}, []float64{9, 11, 12, 8.4}
	svg := string(PyramidSVG(de, labels, m, f, m, f, "Männer", "Frauen"))
	var ticks []string
	for _, x := range regexp.MustCompile(`fill="#444">([^<]*)</text>`).FindAllStringSubmatch(svg, -1) {
		ticks = append(ticks, x[1])
	}
	if got := strings.Join(ticks, " "); !strings.HasPrefix(got, "0 0 5 5 10 10 15 15") || !strings.Contains(got, "Anteil an den Einwohnern in %") {
		t.Errorf("axis labels %q, want 0, 5, 10, 15 to both sides and the axis title", got)
	}
	if !strings.Contains(svg, `stroke="#222"`) {
		t.Error("no city line on an area's pyramid")
	}
	if own := string(PyramidSVG(de, labels, m, f, nil, nil, "Männer", "Frauen")); strings.Contains(own, `stroke="#222"`) {
		t.Error("the city's pyramid compared with the city")
	}
}

// A development of one year's value shows the value, not "12,5 → 12,5".
func TestSparklineSingleYear(t *testing.T) {
	nan := math.NaN()
	svg := string(SparklinesSVG(NewLocale("de"), []SparkRow{{Label: "Quote", Years: []int{2014, 2024}, Area: []float64{nan, 12.5}, City: []float64{nan, 14}, Decimals: 1, Unit: "%"}}))
	if strings.Contains(svg, "→") || !strings.Contains(svg, ">12,5 %<") {
		t.Errorf("one year's value: %s", svg)
	}
}
