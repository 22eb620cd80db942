package report

import (
	"fmt"
	"image/color"
	"math"

	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// ScatterSpec is a Moran scatterplot: each area's standardised value
// against the spatial lag of the standardised values, the four quadrants
// (high–high top right), and the line through the origin whose slope is
// global Moran's I.
type ScatterSpec struct {
	Title, Subtitle string
	XLabel, YLabel  string
	Source          string
	X, Y            []float64 // NaN points are left out
	Colours         []color.Color
	Slope           float64
	SlopeLabel      string
	Locale          Locale
}

// Scatter lays out a Moran scatterplot, square, a document column wide.
func Scatter(s ScatterSpec) Figure {
	st := newStyle()
	const titleH, subH = headingTitleH, headingSubH
	const plotMM = 110.0
	H := marginMM + titleH + subH + 4 + plotMM + 18
	fig := Figure{W: mm(pageW), H: mm(H)}
	lim := 1.0
	for i := range s.X {
		if !math.IsNaN(s.X[i]) && !math.IsNaN(s.Y[i]) {
			lim = math.Max(lim, math.Max(math.Abs(s.X[i]), math.Abs(s.Y[i])))
		}
	}
	lim = math.Ceil(lim*1.05*2) / 2
	fig.Draw = func(c draw.Canvas) {
		top := func(y float64) vg.Length { return mm(H - y) }
		drawHeading(c, st, H, s.Title, s.Subtitle)
		x0 := (pageW - plotMM) / 2
		y0 := marginMM + titleH + subH + 4
		px := func(v float64) vg.Length { return mm(x0 + (v+lim)/(2*lim)*plotMM) }
		py := func(v float64) vg.Length { return top(y0 + plotMM - (v+lim)/(2*lim)*plotMM) }
		frame := draw.LineStyle{Color: midGrey, Width: vg.Points(0.5)}
		c.StrokeLine2(frame, px(-lim), py(-lim), px(lim), py(-lim))
		c.StrokeLine2(frame, px(-lim), py(lim), px(lim), py(lim))
		c.StrokeLine2(frame, px(-lim), py(-lim), px(-lim), py(lim))
		c.StrokeLine2(frame, px(lim), py(-lim), px(lim), py(lim))
		axis := draw.LineStyle{Color: darkGrey, Width: vg.Points(0.6), Dashes: []vg.Length{vg.Points(2), vg.Points(2)}}
		c.StrokeLine2(axis, px(0), py(-lim), px(0), py(lim))
		c.StrokeLine2(axis, px(-lim), py(0), px(lim), py(0))
		tick := st.text(7, false, darkGrey)
		tick.XAlign, tick.YAlign = draw.XCenter, draw.YTop
		for v := -math.Floor(lim); v <= lim; v++ {
			c.FillText(tick, vg.Point{X: px(v), Y: py(-lim) - mm(1)}, s.Locale.Number(v, 0))
		}
		tick.XAlign, tick.YAlign = draw.XRight, draw.YCenter
		for v := -math.Floor(lim); v <= lim; v++ {
			c.FillText(tick, vg.Point{X: px(-lim) - mm(1), Y: py(v)}, s.Locale.Number(v, 0))
		}
		for i := range s.X {
			if math.IsNaN(s.X[i]) || math.IsNaN(s.Y[i]) {
				continue
			}
			col := color.Color(darkGrey)
			if i < len(s.Colours) && s.Colours[i] != nil {
				col = s.Colours[i]
			}
			c.SetColor(col)
			var p vg.Path
			r := mm(0.9)
			p.Move(vg.Point{X: px(s.X[i]) + r, Y: py(s.Y[i])})
			p.Arc(vg.Point{X: px(s.X[i]), Y: py(s.Y[i])}, r, 0, 2*math.Pi)
			p.Close()
			c.Fill(p)
		}
		// The regression line y = I·x, clipped to the frame.
		xa, xb := -lim, lim
		if math.Abs(s.Slope) > 1 {
			xa, xb = -lim/math.Abs(s.Slope), lim/math.Abs(s.Slope)
		}
		c.StrokeLine2(draw.LineStyle{Color: color.RGBA{R: 0x1f, G: 0x4e, B: 0x9c, A: 0xff}, Width: vg.Points(1.2)},
			px(xa), py(s.Slope*xa), px(xb), py(s.Slope*xb))
		lab := st.text(8, false, black)
		lab.XAlign, lab.YAlign = draw.XCenter, draw.YTop
		c.FillText(lab, vg.Point{X: px(0), Y: py(-lim) - mm(5)}, s.XLabel)
		ql := st.text(7.5, true, darkGrey)
		ql.YAlign = draw.YTop
		c.FillText(ql, vg.Point{X: px(-lim) + mm(2), Y: py(lim) - mm(2)}, s.YLabel)
		ql.XAlign = draw.XRight
		c.FillText(ql, vg.Point{X: px(lim) - mm(2), Y: py(lim) - mm(2)}, s.SlopeLabel)
		src := st.text(7, false, darkGrey)
		src.YAlign = draw.YBottom
		c.FillText(src, vg.Point{X: mm(marginMM), Y: mm(3)}, s.Source)
	}
	return fig
}

// MoranLabel writes "Moran's I = 0,49 (p = 0,001)".
func MoranLabel(l Locale, i, p float64) string {
	return fmt.Sprintf("Moran's I = %s (p = %s)", l.Number(i, 2), l.Number(p, 3))
}
