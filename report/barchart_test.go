package report

import (
	"bytes"
	"fmt"
	"image/color"
	"image/png"
	"math"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// ranking returns a bar chart spec of n areas, highest first.
func ranking(n, top int, w float64) BarSpec {
	s := BarSpec{Title: "Statusindex", Subtitle: "Rangfolge", Axis: "Indexwert", Source: "Datenquelle: Test",
		Ref: math.NaN(), Decimals: 2, Locale: NewLocale("de"), Width: w, Top: top}
	for i := 0; i < n; i++ {
		s.Labels = append(s.Labels, fmt.Sprintf("%d. Gebiet %d", i+1, i+1))
		s.Values = append(s.Values, 3-6*float64(i)/float64(n))
		s.Colours = append(s.Colours, color.RGBA{R: 0xfd, G: 0x8d, B: 0x3c, A: 0xff})
	}
	return s
}

// A long ranking shows its first and last Top areas with a marker of
// those left out between them, and fits an A4 page at its width: 542
// areas were 2400 mm (28,339 px) long.
func TestLongRankingFitsA4(t *testing.T) {
	const a4H = 297.0
	for _, tc := range []struct {
		name      string
		n, top    int
		width     float64
		bars      int    // bars drawn
		marker    string // "" for none
		maxHeight float64
	}{
		{"542 areas, portrait", 542, 25, 0, 50, "… 492 weitere Planungsräume …", portraitTextH},
		{"542 areas, landscape", 542, 15, Landscape, 30, "… 512 weitere Planungsräume …", landscapeTextH},
		{"51 areas", 51, 25, 0, 50, "… 1 weiterer Planungsraum …", portraitTextH},
		{"50 areas, all shown", 50, 25, 0, 50, "", portraitTextH},
		{"12 areas", 12, 25, 0, 12, "", portraitTextH},
		{"no top: all 542", 542, 0, 0, 542, "", math.Inf(1)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fig := BarChart(ranking(tc.n, tc.top, tc.width))
			hMM := float64(fig.H) / float64(mm(1))
			if hMM > tc.maxHeight {
				t.Errorf("%.1f mm high, more than %.0f mm", hMM, tc.maxHeight)
			}
			var svg bytes.Buffer
			if err := fig.Write(&svg, "svg"); err != nil {
				t.Fatal(err)
			}
			s := svg.String()
			bars := 0
			for i := 1; i <= tc.n; i++ {
				if strings.Contains(s, fmt.Sprintf(">%d. Gebiet %d<", i, i)) {
					bars++
				}
			}
			if bars != tc.bars {
				t.Errorf("%d bars drawn, want %d", bars, tc.bars)
			}
			if tc.marker != "" && !strings.Contains(s, ">"+tc.marker+"<") {
				t.Errorf("no marker %q", tc.marker)
			}
			if tc.marker == "" && strings.Contains(s, "… ") {
				t.Error("a marker where no bar is left out")
			}
			if tc.top == 0 {
				return
			}
			// The files' own sizes: the SVG's height in points, the PNG's
			// in pixels at 300 dpi, against A4 at the chart's width.
			m := regexp.MustCompile(`height="([0-9.]+)pt"`).FindStringSubmatch(s)
			if m == nil {
				t.Fatal("the SVG has no height")
			}
			if pt, _ := strconv.ParseFloat(m[1], 64); pt/72*25.4 > a4H {
				t.Errorf("SVG %s pt high, more than A4", m[1])
			}
			var pngBuf bytes.Buffer
			if err := fig.Write(&pngBuf, "png"); err != nil {
				t.Fatal(err)
			}
			cfg, err := png.DecodeConfig(&pngBuf)
			if err != nil {
				t.Fatal(err)
			}
			if maxPx := int(math.Floor(a4H / 25.4 * DPI)); cfg.Height > maxPx {
				t.Errorf("PNG %d × %d px, higher than A4 (%d px)", cfg.Width, cfg.Height, maxPx)
			}
		})
	}
}

// A long note and source wrap within the page instead of running off it.
func TestBarChartWrapsNote(t *testing.T) {
	s := ranking(10, 25, 0)
	short := BarChart(s)
	s.Note = "ohne Rang (fehlende Angaben): " + strings.Repeat("Gewerbegebiet Bitterfelder Straße, ", 8)
	long := BarChart(s)
	if d := float64(long.H-short.H) / float64(mm(1)); d < 2*3.2 {
		t.Errorf("a note of three lines adds %.1f mm", d)
	}
}

// The marker counts the areas left out, in the report's language.
func TestMoreAreas(t *testing.T) {
	for _, tc := range []struct {
		lang string
		n    int
		want string
	}{
		{"de", 492, "… 492 weitere Planungsräume …"},
		{"de", 1234, "… 1.234 weitere Planungsräume …"},
		{"de", 1, "… 1 weiterer Planungsraum …"},
		{"en", 492, "… 492 more areas …"},
		{"en", 1, "… 1 more area …"},
	} {
		if got := NewLocale(tc.lang).moreAreas(tc.n); got != tc.want {
			t.Errorf("%s %d: %q, want %q", tc.lang, tc.n, got, tc.want)
		}
	}
}
