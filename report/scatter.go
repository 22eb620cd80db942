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
	Intercept       float64 // of the line y = Intercept + Slope·x
	SlopeLabel      string
	Locale          Locale
	// Raw draws the values in their own ranges with decimals; otherwise
	// the axes are symmetric around 0 (standardised values, Moran).
	Raw      bool
	Decimals [2]int // raw: decimals of the x and y axes
}

// Scatter lays out a Moran scatterplot, square, a document column wide.
func Scatter(s ScatterSpec) Figure {
	st := newStyle()
	const titleH, subH = headingTitleH, headingSubH
	const plotMM = 110.0
	srcLines := sourceLines(st, s.Source, pageW)
	H := marginMM + titleH + subH + 4 + plotMM + 18 + sourceExtraMM(srcLines)
	fig := Figure{W: mm(pageW), H: mm(H)}
	lim := 1.0
	for i := range s.X {
		if !math.IsNaN(s.X[i]) && !math.IsNaN(s.Y[i]) {
			lim = math.Max(lim, math.Max(math.Abs(s.X[i]), math.Abs(s.Y[i])))
		}
	}
	lim = math.Ceil(lim*1.05*2) / 2
	if s.Raw {
		return rawScatter(s, st, H, plotMM)
	}
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
		ticks := niceTicks(-lim, lim, 8)
		for _, v := range ticks {
			c.FillText(tick, vg.Point{X: px(v), Y: py(-lim) - mm(1)}, s.Locale.Number(v, tickDecimals(v)))
		}
		tick.XAlign, tick.YAlign = draw.XRight, draw.YCenter
		for _, v := range ticks {
			c.FillText(tick, vg.Point{X: px(-lim) - mm(1), Y: py(v)}, s.Locale.Number(v, tickDecimals(v)))
		}
		var pts []vg.Point
		for i := range s.X {
			if math.IsNaN(s.X[i]) || math.IsNaN(s.Y[i]) {
				continue
			}
			col := color.Color(darkGrey)
			if i < len(s.Colours) && s.Colours[i] != nil {
				col = s.Colours[i]
			}
			dot(c, vg.Point{X: px(s.X[i]), Y: py(s.Y[i])}, col)
			pts = append(pts, vg.Point{X: px(s.X[i]), Y: py(s.Y[i])})
		}
		// The regression line y = I·x, clipped to the frame.
		xa, xb := -lim, lim
		if math.Abs(s.Slope) > 1 {
			xa, xb = -lim/math.Abs(s.Slope), lim/math.Abs(s.Slope)
		}
		c.StrokeLine2(draw.LineStyle{Color: color.RGBA{R: 0x1f, G: 0x4e, B: 0x9c, A: 0xff}, Width: vg.Points(1.2)},
			px(xa), py(s.Slope*xa), px(xb), py(s.Slope*xb))
		seg := [2]vg.Point{{X: px(xa), Y: py(s.Slope * xa)}, {X: px(xb), Y: py(s.Slope * xb)}}
		scatterLabels(c, st, s, srcLines, px(-lim), px(0), px(lim), py(-lim), py(lim), pts, seg)
	}
	return fig
}

// MoranLabel writes "Moran's I = 0,49 (p = 0,001)".
func MoranLabel(l Locale, i, p float64) string {
	return fmt.Sprintf("Moran's I = %s (p = %s)", l.Number(i, 2), l.Number(p, 3))
}

// rawScatter draws two indicators in their own units, with the least-
// squares line y = a + b·x.
func rawScatter(s ScatterSpec, st *style, H, plotMM float64) Figure {
	fig := Figure{W: mm(pageW), H: mm(H)}
	x0v, x1v, y0v, y1v := math.Inf(1), math.Inf(-1), math.Inf(1), math.Inf(-1)
	for i := range s.X {
		if math.IsNaN(s.X[i]) || math.IsNaN(s.Y[i]) {
			continue
		}
		x0v, x1v = math.Min(x0v, s.X[i]), math.Max(x1v, s.X[i])
		y0v, y1v = math.Min(y0v, s.Y[i]), math.Max(y1v, s.Y[i])
	}
	pad := func(a, b float64) (float64, float64) {
		d := (b - a) * 0.06
		if d == 0 {
			d = 1
		}
		return a - d, b + d
	}
	x0v, x1v = pad(x0v, x1v)
	y0v, y1v = pad(y0v, y1v)
	// Axes from a round tick to a round tick (1, 2 or 5 steps).
	x0v, x1v, xTicks := niceRange(x0v, x1v, 5)
	y0v, y1v, yTicks := niceRange(y0v, y1v, 5)
	fig.Draw = func(c draw.Canvas) {
		top := func(y float64) vg.Length { return mm(H - y) }
		drawHeading(c, st, H, s.Title, s.Subtitle)
		x0 := (pageW - plotMM) / 2
		y0 := marginMM + headingTitleH + headingSubH + 4
		px := func(v float64) vg.Length { return mm(x0 + (v-x0v)/(x1v-x0v)*plotMM) }
		py := func(v float64) vg.Length { return top(y0 + plotMM - (v-y0v)/(y1v-y0v)*plotMM) }
		frame := draw.LineStyle{Color: midGrey, Width: vg.Points(0.5)}
		c.StrokeLine2(frame, px(x0v), py(y0v), px(x1v), py(y0v))
		c.StrokeLine2(frame, px(x0v), py(y1v), px(x1v), py(y1v))
		c.StrokeLine2(frame, px(x0v), py(y0v), px(x0v), py(y1v))
		c.StrokeLine2(frame, px(x1v), py(y0v), px(x1v), py(y1v))
		tick := st.text(7, false, darkGrey)
		grid := draw.LineStyle{Color: lightGrey, Width: vg.Points(0.3)}
		tick.XAlign, tick.YAlign = draw.XCenter, draw.YTop
		for _, xv := range xTicks {
			c.StrokeLine2(grid, px(xv), py(y0v), px(xv), py(y1v))
			c.FillText(tick, vg.Point{X: px(xv), Y: py(y0v) - mm(1)}, s.Locale.Number(xv, tickDecimals(xv)))
		}
		tick.XAlign, tick.YAlign = draw.XRight, draw.YCenter
		for _, yv := range yTicks {
			c.StrokeLine2(grid, px(x0v), py(yv), px(x1v), py(yv))
			c.FillText(tick, vg.Point{X: px(x0v) - mm(1), Y: py(yv)}, s.Locale.Number(yv, tickDecimals(yv)))
		}
		var pts []vg.Point
		for i := range s.X {
			if !math.IsNaN(s.X[i]) && !math.IsNaN(s.Y[i]) {
				dot(c, vg.Point{X: px(s.X[i]), Y: py(s.Y[i])}, color.RGBA{R: 0xc0, G: 0x39, B: 0x2b, A: 0xff})
				pts = append(pts, vg.Point{X: px(s.X[i]), Y: py(s.Y[i])})
			}
		}
		line := draw.LineStyle{Color: color.RGBA{R: 0x1f, G: 0x4e, B: 0x9c, A: 0xff}, Width: vg.Points(1.2)}
		// Clip the line to the frame.
		xa, xb := x0v, x1v
		ya, yb := s.Intercept+s.Slope*xa, s.Intercept+s.Slope*xb
		clip := func(x, y float64) (float64, float64) {
			if y < y0v && s.Slope != 0 {
				return (y0v - s.Intercept) / s.Slope, y0v
			}
			if y > y1v && s.Slope != 0 {
				return (y1v - s.Intercept) / s.Slope, y1v
			}
			return x, y
		}
		xa, ya = clip(xa, ya)
		xb, yb = clip(xb, yb)
		c.StrokeLine2(line, px(xa), py(ya), px(xb), py(yb))
		seg := [2]vg.Point{{X: px(xa), Y: py(ya)}, {X: px(xb), Y: py(yb)}}
		scatterLabels(c, st, s, sourceLines(st, s.Source, pageW), px(x0v), mm(x0+plotMM/2), px(x1v), py(y0v), py(y1v), pts, seg)
	}
	return fig
}

// dot draws a filled point of a scatterplot.
func dot(c draw.Canvas, at vg.Point, col color.Color) {
	c.SetColor(col)
	var p vg.Path
	r := mm(0.9)
	p.Move(vg.Point{X: at.X + r, Y: at.Y})
	p.Arc(at, r, 0, 2*math.Pi)
	p.Close()
	c.Fill(p)
}

// scatterLabels writes a scatterplot's axis title below the frame, the
// vertical axis' title inside its top left corner, the slope's label
// where no point and no part of the line is (a corner of the frame, or
// the middle of an edge, the freest if none is free), and the source
// line; left, mid, right, bottom and top are the frame's, pts the points
// drawn and seg the line.
func scatterLabels(c draw.Canvas, st *style, s ScatterSpec, srcLines []string, left, mid, right, bottom, top vg.Length, pts []vg.Point, seg [2]vg.Point) {
	lab := st.text(8, false, black)
	lab.XAlign, lab.YAlign = draw.XCenter, draw.YTop
	c.FillText(lab, vg.Point{X: mid, Y: bottom - mm(5)}, s.XLabel)
	ql := st.text(7.5, true, darkGrey)
	ql.YAlign = draw.YTop
	c.FillText(ql, vg.Point{X: left + mm(2), Y: top - mm(2)}, s.YLabel)
	yl := vg.Rectangle{Min: vg.Point{X: left + mm(2), Y: top - mm(2) - ql.Height(s.YLabel)}, Max: vg.Point{X: left + mm(2) + ql.Width(s.YLabel), Y: top - mm(2)}}
	w, h := ql.Width(s.SlopeLabel), ql.Height(s.SlopeLabel)
	in := mm(2)
	at := func(x, y vg.Length) vg.Rectangle { // box with its top left at (x, y)
		return vg.Rectangle{Min: vg.Point{X: x, Y: y - h}, Max: vg.Point{X: x + w, Y: y}}
	}
	cands := []vg.Rectangle{
		at(right-in-w, top-in), at(right-in-w, bottom+in+h), at(left+in, bottom+in+h), at(left+in, yl.Min.Y-mm(1.5)),
		at(mid-w/2, top-in), at(mid-w/2, bottom+in+h), at(right-in-w, (top+bottom+h)/2), at(left+in, (top+bottom+h)/2),
	}
	r := cands[freeSpot(cands, pts, mm(1.6), seg)]
	ql.XAlign = draw.XLeft
	c.FillText(ql, vg.Point{X: r.Min.X, Y: r.Max.Y}, s.SlopeLabel)
	drawSource(c, st, srcLines)
}

// freeSpot returns the first box that no point (a disc of radius rad)
// and no part of the segment touches, or the one touched least.
func freeSpot(cands []vg.Rectangle, pts []vg.Point, rad vg.Length, seg [2]vg.Point) int {
	best, bestHits := 0, math.MaxInt
	for k, r := range cands {
		g := vg.Rectangle{Min: vg.Point{X: r.Min.X - rad, Y: r.Min.Y - rad}, Max: vg.Point{X: r.Max.X + rad, Y: r.Max.Y + rad}}
		hits := 0
		for _, p := range pts {
			if p.X >= g.Min.X && p.X <= g.Max.X && p.Y >= g.Min.Y && p.Y <= g.Max.Y {
				hits++
			}
		}
		if segmentHitsBox(seg[0], seg[1], g) {
			hits += 3
		}
		if hits == 0 {
			return k
		}
		if hits < bestHits {
			best, bestHits = k, hits
		}
	}
	return best
}

// segmentHitsBox reports whether the segment a–b touches the box r
// (Liang–Barsky clipping).
func segmentHitsBox(a, b vg.Point, r vg.Rectangle) bool {
	t0, t1 := 0.0, 1.0
	dx, dy := float64(b.X-a.X), float64(b.Y-a.Y)
	for _, e := range [][2]float64{
		{-dx, float64(a.X - r.Min.X)}, {dx, float64(r.Max.X - a.X)},
		{-dy, float64(a.Y - r.Min.Y)}, {dy, float64(r.Max.Y - a.Y)},
	} {
		p, q := e[0], e[1]
		if p == 0 {
			if q < 0 {
				return false
			}
			continue
		}
		t := q / p
		if p < 0 {
			t0 = math.Max(t0, t)
		} else {
			t1 = math.Min(t1, t)
		}
		if t0 > t1 {
			return false
		}
	}
	return true
}
