package report

import (
	"fmt"
	"image/color"
	"math"

	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// BarSpec describes a ranked horizontal bar chart: one bar per area,
// first rank at the top, with a reference line for the city.
type BarSpec struct {
	Title    string
	Subtitle string
	Axis     string // the value axis' title
	Source   string
	Labels   []string // bar labels in drawing order, top first
	Values   []float64
	Colours  []color.Color // per bar
	Ref      float64       // reference value (the city's), NaN for none
	RefLabel string
	Note     string // a line below the chart, e.g. areas without a value; wrapped
	Decimals int
	Locale   Locale
	// Width is the page width in mm: 170 (A4 portrait column) if 0,
	// 257 for A4 landscape.
	Width float64
	// Top, if above 0, shortens a long ranking: of more than 2·Top bars
	// only the first and the last Top are drawn, with a marker between
	// them saying how many areas are left out.
	Top int
}

// Sizes of a bar chart, in mm: a row per bar, narrowed down to
// minBarRow where that makes the chart fit the page's text height (A4
// with 20 mm margins: 257 mm in portrait, 170 mm in landscape).
const (
	barRow         = 4.4
	minBarRow      = 3.4
	gapRows        = 1.6 // the marker of left-out bars, in rows
	portraitTextH  = 257.0
	landscapeTextH = 170.0
)

// PageTextHeight is the height in mm that a figure of width w (0: the
// portrait column) may take on an A4 page with 20 mm margins.
func PageTextHeight(w float64) float64 {
	if pageWidth(w) > pageW {
		return landscapeTextH
	}
	return portraitTextH
}

// moreAreas is the text of the marker of n left-out bars.
func (l Locale) moreAreas(n int) string {
	switch {
	case l.Lang == "en" && n == 1:
		return "… 1 more area …"
	case l.Lang == "en":
		return fmt.Sprintf("… %s more areas …", l.Number(float64(n), 0))
	case n == 1:
		return "… 1 weiterer Planungsraum …"
	}
	return fmt.Sprintf("… %s weitere Planungsräume …", l.Number(float64(n), 0))
}

// BarChart lays out a ranked bar chart.
func BarChart(s BarSpec) Figure {
	pageW := pageWidth(s.Width)
	st := newStyle()
	const axisH = 6.0
	const titleH, subH = headingTitleH, headingSubH
	shown, gap, hidden := shownBars(len(s.Values), s.Top)
	noteSt := st.text(7, false, darkGrey)
	var noteLines []string
	if s.Note != "" {
		noteLines = wrap(noteSt, s.Note, mm(pageW-2*marginMM))
	}
	// Below the bars: the reference line's label, the axis title, the
	// note's lines, the source.
	srcLines := wrap(noteSt, s.Source, mm(pageW-2*marginMM))
	footH := 15.0 + 3.2*float64(len(noteLines)+len(srcLines)-1)
	rows := float64(len(shown))
	if gap >= 0 {
		rows += gapRows
	}
	fixed := marginMM + titleH + subH + 2 + axisH + footH
	rowH := barRow
	if limit := PageTextHeight(s.Width); fixed+rowH*rows > limit && rows > 0 && (limit-fixed)/rows >= minBarRow {
		rowH = (limit - fixed) / rows // narrower rows that fit the page
	}
	H := fixed + rowH*rows
	fig := Figure{W: mm(pageW), H: mm(H)}
	labSize := 7.5
	if rowH < 4 {
		labSize = 7
	}
	lab := st.text(labSize, false, black)
	lab.XAlign = draw.XRight
	lab.YAlign = draw.YCenter
	var labelW vg.Length
	for _, i := range shown {
		labelW = max(labelW, lab.Width(s.Labels[i]))
	}
	lo, hi := barRange(s, shown)
	fig.Draw = func(c draw.Canvas) {
		top := func(y float64) vg.Length { return mm(H - y) }
		drawHeading(c, st, H, s.Title, s.Subtitle)

		labelX := mm(marginMM) + labelW
		x0 := labelX + mm(3)
		if lo < 0 {
			x0 += mm(11) // room for the labels of negative bars
		}
		x1 := mm(pageW - marginMM - 12) // room for value labels
		xv := func(v float64) vg.Length { return x0 + (x1-x0)*vg.Length((v-lo)/(hi-lo)) }
		yTop := marginMM + titleH + subH + 2 + axisH
		yBot := yTop + rowH*rows
		// The vertical extent of the bars: one span, or two around the gap.
		spans := [][2]float64{{yTop, yBot}}
		yGap := 0.0
		if gap >= 0 {
			yGap = yTop + rowH*float64(gap)
			spans = [][2]float64{{yTop, yGap}, {yGap + rowH*gapRows, yBot}}
		}
		vline := func(ls draw.LineStyle, x vg.Length) {
			for _, sp := range spans {
				c.StrokeLine2(ls, x, top(sp[0]), x, top(sp[1]))
			}
		}

		// Grid and tick labels at round values.
		tick := st.text(7, false, darkGrey)
		tick.XAlign = draw.XCenter
		tick.YAlign = draw.YBottom
		for _, t := range niceTicks(lo, hi, 7) {
			x := xv(t)
			vline(draw.LineStyle{Color: lightGrey, Width: vg.Points(0.4)}, x)
			c.FillText(tick, vg.Point{X: x, Y: top(yTop - 1)}, s.Locale.Number(t, tickDecimals(t)))
		}
		// Bars.
		val := st.text(6.5, false, darkGrey)
		val.YAlign = draw.YCenter
		for j, i := range shown {
			v := s.Values[i]
			yc := yTop + rowH*(float64(j)+0.5)
			if gap >= 0 && j >= gap {
				yc += rowH * gapRows
			}
			c.FillText(lab, vg.Point{X: labelX, Y: top(yc)}, s.Labels[i])
			if math.IsNaN(v) {
				continue
			}
			drawBar(c, val, s.Colours[i], xv(math.Min(0, v)), xv(math.Max(0, v)), top(yc-rowH*0.38), top(yc), top(yc+rowH*0.38), s.Locale.Number(v, s.Decimals), v >= 0)
		}
		// The marker of the left-out bars: dashed rules across the chart
		// and the number of areas between them.
		if gap >= 0 {
			drawGapMarker(c, st, top, x1, yGap, rowH, s.Locale.moreAreas(hidden))
		}
		// Zero and reference lines.
		vline(draw.LineStyle{Color: darkGrey, Width: vg.Points(0.7)}, xv(0))
		if !math.IsNaN(s.Ref) {
			ref := draw.LineStyle{Color: color.RGBA{R: 0x1f, G: 0x4e, B: 0x9a, A: 0xff}, Width: vg.Points(1), Dashes: []vg.Length{vg.Points(3), vg.Points(2)}}
			x := xv(s.Ref)
			vline(ref, x)
			rt := st.text(7, true, ref.Color)
			rt.XAlign = draw.XCenter
			rt.YAlign = draw.YTop
			c.FillText(rt, vg.Point{X: x, Y: top(yBot + 1)}, s.RefLabel)
		}
		at := st.text(7.5, false, black)
		at.XAlign = draw.XCenter
		at.YAlign = draw.YTop
		c.FillText(at, vg.Point{X: (x0 + x1) / 2, Y: top(yBot + 5)}, s.Axis)
		noteSt.YAlign = draw.YTop
		for k, line := range noteLines {
			c.FillText(noteSt, vg.Point{X: mm(marginMM), Y: top(yBot + 9.5 + 3.2*float64(k))}, line)
		}
		drawSource(c, st, srcLines)
	}
	return fig
}

// shownBars returns the bars a chart of n draws: all, or the first and
// last top with a gap after the first top (gap −1 if none) standing for
// the hidden ones.
func shownBars(n, top int) (shown []int, gap, hidden int) {
	shown = make([]int, 0, n)
	if top > 0 && n > 2*top {
		for i := 0; i < top; i++ {
			shown = append(shown, i)
		}
		for i := n - top; i < n; i++ {
			shown = append(shown, i)
		}
		return shown, top, n - 2*top
	}
	for i := 0; i < n; i++ {
		shown = append(shown, i)
	}
	return shown, -1, 0
}

// barRange returns the value axis of the shown bars: from 0 (or the
// lowest value) to the highest, the reference line included, padded by
// 4 % (1 if the bars are all 0).
func barRange(s BarSpec, shown []int) (lo, hi float64) {
	for _, i := range shown {
		if v := s.Values[i]; !math.IsNaN(v) {
			lo, hi = math.Min(lo, v), math.Max(hi, v)
		}
	}
	if !math.IsNaN(s.Ref) {
		lo, hi = math.Min(lo, s.Ref), math.Max(hi, s.Ref)
	}
	pad := (hi - lo) * 0.04
	if pad == 0 {
		pad = 1
	}
	if lo < 0 {
		lo -= pad
	}
	return lo, hi + pad
}

// drawGapMarker draws the marker of the left-out bars: dashed rules
// across the chart and the number of areas between them.
func drawGapMarker(c draw.Canvas, st *style, top func(float64) vg.Length, x1 vg.Length, yGap, rowH float64, text string) {
	rule := draw.LineStyle{Color: midGrey, Width: vg.Points(0.5), Dashes: []vg.Length{vg.Points(2), vg.Points(2)}}
	for _, y := range []float64{yGap + rowH*0.2, yGap + rowH*(gapRows-0.2)} {
		c.StrokeLine2(rule, mm(marginMM), top(y), x1, top(y))
	}
	gt := st.text(7.5, true, darkGrey)
	gt.XAlign = draw.XCenter
	gt.YAlign = draw.YCenter
	c.FillText(gt, vg.Point{X: (mm(marginMM) + x1) / 2, Y: top(yGap + rowH*gapRows/2)}, text)
}

// drawBar draws one bar from a to b between the heights y0 and y1
// (its middle at yc) and its value beside its end: right of a positive
// bar, left of a negative one.
func drawBar(c draw.Canvas, val draw.TextStyle, fill color.Color, a, b, y0, yc, y1 vg.Length, value string, positive bool) {
	var p vg.Path
	p.Move(vg.Point{X: a, Y: y0})
	p.Line(vg.Point{X: b, Y: y0})
	p.Line(vg.Point{X: b, Y: y1})
	p.Line(vg.Point{X: a, Y: y1})
	p.Close()
	c.SetColor(fill)
	c.Fill(p)
	c.SetLineStyle(draw.LineStyle{Color: midGrey, Width: vg.Points(0.3)})
	c.Stroke(p)
	if positive {
		val.XAlign = draw.XLeft
		c.FillText(val, vg.Point{X: b + mm(1), Y: yc}, value)
	} else {
		val.XAlign = draw.XRight
		c.FillText(val, vg.Point{X: a - mm(1), Y: yc}, value)
	}
}

// niceTicks returns round values (1, 2 or 5 times a power of ten
// apart) inside [lo, hi], about n of them.
func niceTicks(lo, hi float64, n int) []float64 {
	if !(hi > lo) {
		return []float64{lo}
	}
	step := niceStep(lo, hi, n)
	var ticks []float64
	for k := math.Ceil(lo/step - 1e-9); k*step <= hi+step*1e-9; k++ {
		t := k * step
		if math.Abs(t) < step*1e-9 {
			t = 0
		}
		ticks = append(ticks, roundTick(t, step))
	}
	return ticks
}

// niceStep is the distance of about n ticks in [lo, hi]: 1, 2 or 5
// times a power of ten.
func niceStep(lo, hi float64, n int) float64 {
	raw := (hi - lo) / float64(max(n, 1))
	p := math.Pow(10, math.Floor(math.Log10(raw)))
	for _, m := range []float64{1, 2, 5} {
		if m*p >= raw*(1-1e-9) {
			return m * p
		}
	}
	return 10 * p
}

// roundTick removes a multiple's floating-point noise (0.30000000000000004).
func roundTick(t, step float64) float64 {
	d := math.Max(0, -math.Floor(math.Log10(step))) + 1
	p := math.Pow(10, d)
	return math.Round(t*p) / p
}

// niceRange widens [lo, hi] to the round ticks around it, about n steps:
// the axis of a chart that starts and ends at a tick.
func niceRange(lo, hi float64, n int) (float64, float64, []float64) {
	if !(hi > lo) {
		lo, hi = lo-1, hi+1
	}
	step := niceStep(lo, hi, n)
	lo = roundTick(math.Floor(lo/step+1e-9)*step, step)
	hi = roundTick(math.Ceil(hi/step-1e-9)*step, step)
	return lo, hi, niceTicks(lo, hi, int(math.Round((hi-lo)/step)))
}

// tickDecimals returns the decimals needed to show a round tick value.
func tickDecimals(v float64) int {
	for d := 0; d < 6; d++ {
		p := math.Pow(10, float64(d))
		if math.Abs(v*p-math.Round(v*p)) < 1e-9 {
			return d
		}
	}
	return 6
}
