package report

import (
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
	Note     string // a line below the chart, e.g. areas without a value
	Decimals int
	Locale   Locale
	// Width is the page width in mm: 170 (A4 portrait column) if 0,
	// 257 for A4 landscape.
	Width float64
}

// BarChart lays out a ranked bar chart.
func BarChart(s BarSpec) Figure {
	pageW := pageWidth(s.Width)
	st := newStyle()
	const rowH, axisH, footH = 4.4, 6.0, 15.0
	const titleH, subH = headingTitleH, headingSubH
	n := len(s.Values)
	H := marginMM + titleH + subH + 2 + axisH + rowH*float64(n) + footH
	fig := Figure{W: mm(pageW), H: mm(H)}
	lab := st.text(7.5, false, black)
	lab.XAlign = draw.XRight
	lab.YAlign = draw.YCenter
	var labelW vg.Length
	for _, l := range s.Labels {
		labelW = max(labelW, lab.Width(l))
	}
	lo, hi := 0.0, 0.0
	for _, v := range s.Values {
		if !math.IsNaN(v) {
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
	hi += pad
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
		yBot := yTop + rowH*float64(n)

		// Grid and tick labels at round values.
		tick := st.text(7, false, darkGrey)
		tick.XAlign = draw.XCenter
		tick.YAlign = draw.YBottom
		for _, t := range niceTicks(lo, hi, 7) {
			x := xv(t)
			c.StrokeLine2(draw.LineStyle{Color: lightGrey, Width: vg.Points(0.4)}, x, top(yTop), x, top(yBot))
			c.FillText(tick, vg.Point{X: x, Y: top(yTop - 1)}, s.Locale.Number(t, tickDecimals(t)))
		}
		// Bars.
		val := st.text(6.5, false, darkGrey)
		val.YAlign = draw.YCenter
		for i, v := range s.Values {
			yc := yTop + rowH*(float64(i)+0.5)
			c.FillText(lab, vg.Point{X: labelX, Y: top(yc)}, s.Labels[i])
			if math.IsNaN(v) {
				continue
			}
			a, b := xv(math.Min(0, v)), xv(math.Max(0, v))
			var p vg.Path
			p.Move(vg.Point{X: a, Y: top(yc - rowH*0.38)})
			p.Line(vg.Point{X: b, Y: top(yc - rowH*0.38)})
			p.Line(vg.Point{X: b, Y: top(yc + rowH*0.38)})
			p.Line(vg.Point{X: a, Y: top(yc + rowH*0.38)})
			p.Close()
			c.SetColor(s.Colours[i])
			c.Fill(p)
			c.SetLineStyle(draw.LineStyle{Color: midGrey, Width: vg.Points(0.3)})
			c.Stroke(p)
			t := val
			if v >= 0 {
				t.XAlign = draw.XLeft
				c.FillText(t, vg.Point{X: b + mm(1), Y: top(yc)}, s.Locale.Number(v, s.Decimals))
			} else {
				t.XAlign = draw.XRight
				c.FillText(t, vg.Point{X: a - mm(1), Y: top(yc)}, s.Locale.Number(v, s.Decimals))
			}
		}
		// Zero and reference lines.
		c.StrokeLine2(draw.LineStyle{Color: darkGrey, Width: vg.Points(0.7)}, xv(0), top(yTop), xv(0), top(yBot))
		if !math.IsNaN(s.Ref) {
			ref := draw.LineStyle{Color: color.RGBA{R: 0x1f, G: 0x4e, B: 0x9a, A: 0xff}, Width: vg.Points(1), Dashes: []vg.Length{vg.Points(3), vg.Points(2)}}
			x := xv(s.Ref)
			c.StrokeLine2(ref, x, top(yTop), x, top(yBot))
			rt := st.text(7, true, ref.Color)
			rt.XAlign = draw.XCenter
			rt.YAlign = draw.YTop
			c.FillText(rt, vg.Point{X: x, Y: top(yBot + 1)}, s.RefLabel)
		}
		at := st.text(7.5, false, black)
		at.XAlign = draw.XCenter
		at.YAlign = draw.YTop
		c.FillText(at, vg.Point{X: (x0 + x1) / 2, Y: top(yBot + 5)}, s.Axis)
		note := st.text(7, false, darkGrey)
		note.YAlign = draw.YBottom
		if s.Note != "" {
			c.FillText(note, vg.Point{X: mm(marginMM), Y: mm(7.5)}, s.Note)
		}
		c.FillText(note, vg.Point{X: mm(marginMM), Y: mm(3)}, s.Source)
	}
	return fig
}

// niceTicks returns round values (1, 2, 2.5 or 5 times a power of ten
// apart) inside [lo, hi], about n of them.
func niceTicks(lo, hi float64, n int) []float64 {
	if !(hi > lo) {
		return []float64{lo}
	}
	raw := (hi - lo) / float64(n)
	p := math.Pow(10, math.Floor(math.Log10(raw)))
	step := 10 * p
	for _, m := range []float64{1, 2, 2.5, 5} {
		if m*p >= raw {
			step = m * p
			break
		}
	}
	var ticks []float64
	for t := math.Ceil(lo/step) * step; t <= hi+step*1e-9; t += step {
		if math.Abs(t) < step*1e-9 {
			t = 0
		}
		ticks = append(ticks, t)
	}
	return ticks
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
