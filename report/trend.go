package report

import (
	"image/color"
	"math"
	"strconv"

	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// TrendSpec is a set of small multiples: one panel per unit (the city
// first, then the districts or areas) with the indicator's line over the
// years, the city's line in grey behind every other panel, all panels on
// one scale.
type TrendSpec struct {
	Title, Subtitle, Source string
	Years                   []int
	Names                   []string    // panel titles; Names[0] is the city
	Series                  [][]float64 // per panel, per year; NaN where missing
	Decimals                int
	Locale                  Locale
	// Width is the page width in mm: 170 (A4 portrait column) if 0,
	// 257 for A4 landscape.
	Width float64
	// Break is the first year on the current planning areas after they
	// were reorganised (0 if the years hold no reorganisation): a dashed
	// line before it marks it in every panel (the subtitle says so).
	Break int
	// Estimated marks, per panel and year, values estimated rather than
	// counted (moved from split older areas): the line to and from them
	// is dashed. Nil if none are.
	Estimated [][]bool
}

// Trends lays out the small multiples, three panels to a row.
func Trends(s TrendSpec) Figure {
	pageW := pageWidth(s.Width)
	st := newStyle()
	const cols, panelH, gap = 3, 34.0, 6.0
	rows := (len(s.Names) + cols - 1) / cols
	srcLines := sourceLines(st, s.Source, pageW)
	H := marginMM + headingTitleH + headingSubH + 4 + float64(rows)*(panelH+gap) + 10 + sourceExtraMM(srcLines)
	fig := Figure{W: mm(pageW), H: mm(H)}
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, ser := range s.Series {
		for _, v := range ser {
			if !math.IsNaN(v) {
				lo, hi = math.Min(lo, v), math.Max(hi, v)
			}
		}
	}
	if math.IsInf(lo, 0) {
		lo, hi = 0, 1
	}
	if hi == lo {
		lo, hi = lo-1, hi+1
	}
	pad := (hi - lo) * 0.08
	if lo >= 0 {
		lo = math.Max(0, lo-pad) // shares and counts do not go below 0
	} else {
		lo -= pad
	}
	hi += pad
	// The axis from a round tick to a round tick (1, 2 or 5 steps).
	lo, hi, ticks := niceRange(lo, hi, 3)
	panelW := (pageW - 2*marginMM - float64(cols-1)*gap) / cols
	fig.Draw = func(c draw.Canvas) {
		top := func(y float64) vg.Length { return mm(H - y) }
		drawHeading(c, st, H, s.Title, s.Subtitle)
		y0 := marginMM + headingTitleH + headingSubH + 4
		name := st.text(7.5, true, black)
		name.YAlign = draw.YTop
		tick := st.text(6, false, darkGrey)
		n := len(s.Years)
		for p := range s.Names {
			px0 := marginMM + float64(p%cols)*(panelW+gap)
			py0 := y0 + float64(p/cols)*(panelH+gap)
			c.FillText(name, vg.Point{X: mm(px0), Y: top(py0)}, s.Names[p])
			plotTop, plotH := py0+5, panelH-11
			x := func(i int) vg.Length { return mm(px0 + 8 + float64(i)/math.Max(1, float64(n-1))*(panelW-10)) }
			y := func(v float64) vg.Length { return top(plotTop + plotH - (v-lo)/(hi-lo)*plotH) }
			frame := draw.LineStyle{Color: lightGrey, Width: vg.Points(0.4)}
			tick.XAlign, tick.YAlign = draw.XRight, draw.YCenter
			for _, t := range ticks {
				c.StrokeLine2(frame, x(0), y(t), x(n-1), y(t))
				c.FillText(tick, vg.Point{X: x(0) - mm(1), Y: y(t)}, s.Locale.Number(t, tickDecimals(t)))
			}
			tick.XAlign, tick.YAlign = draw.XCenter, draw.YTop
			c.FillText(tick, vg.Point{X: x(0), Y: y(lo) - mm(0.8)}, strconv.Itoa(s.Years[0]))
			c.FillText(tick, vg.Point{X: x(n - 1), Y: y(lo) - mm(0.8)}, strconv.Itoa(s.Years[n-1]))
			if b := s.breakAt(); b > 0 {
				bx := (x(b-1) + x(b)) / 2
				c.StrokeLine2(draw.LineStyle{Color: midGrey, Width: vg.Points(0.6), Dashes: []vg.Length{vg.Points(2), vg.Points(1.5)}}, bx, y(hi), bx, y(lo))
			}
			if p > 0 {
				s.drawLine(c, s.Series[0], nil, x, y, midGrey, 1)
			}
			var est []bool
			if s.Estimated != nil {
				est = s.Estimated[p]
			}
			s.drawLine(c, s.Series[p], est, x, y, color.RGBA{R: 0xc0, G: 0x39, B: 0x2b, A: 0xff}, 1.6)
		}
		drawSource(c, st, srcLines)
	}
	return fig
}

// breakAt returns the position in Years of Break, or 0 if it is not
// after the first year.
func (s TrendSpec) breakAt() int {
	for i, y := range s.Years {
		if y == s.Break && i > 0 {
			return i
		}
	}
	return 0
}

// drawLine draws a series as a line, broken where a value is missing,
// dashed between two years where either value is estimated; each run of
// segments of one style is one polyline.
func (s TrendSpec) drawLine(c draw.Canvas, ser []float64, est []bool, x func(int) vg.Length, y func(float64) vg.Length, col color.Color, width float64) {
	solid := draw.LineStyle{Color: col, Width: vg.Points(width)}
	dashed := solid
	dashed.Dashes = []vg.Length{vg.Points(2.5), vg.Points(1.5)}
	var pts []vg.Point
	var style draw.LineStyle
	flush := func() {
		if len(pts) > 1 {
			c.StrokeLines(style, pts)
		}
		pts = nil
	}
	for i := 1; i < len(ser); i++ {
		a, b := ser[i-1], ser[i]
		if math.IsNaN(a) || math.IsNaN(b) {
			flush()
			continue
		}
		ls := solid
		if est != nil && (est[i-1] || est[i]) {
			ls = dashed
		}
		if len(pts) > 0 && len(ls.Dashes) != len(style.Dashes) {
			flush()
		}
		if len(pts) == 0 {
			style = ls
			pts = append(pts, vg.Point{X: x(i - 1), Y: y(a)})
		}
		pts = append(pts, vg.Point{X: x(i), Y: y(b)})
	}
	flush()
}
