package report

import (
	"fmt"
	"image/color"
	"math"
	"strings"

	"github.com/paulmach/orb"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"planatlas/analysis"
	"planatlas/datasets"
	"planatlas/geo"
)

// MapSpec describes a choropleth map: areas coloured by the class of
// their value.
type MapSpec struct {
	Title    string
	Subtitle string // year, classification
	Legend   string // legend heading: the unit or scale
	Source   string // "Datenquelle: …; eigene Berechnung"
	Areas    *geo.Areas
	Values   []float64       // per area, NaN where missing
	Flags    []datasets.Flag // per area; may be nil
	Classes  analysis.Classes
	Colours  []color.Color // one per class, light to dark
	Decimals int
	City     float64 // the city's value, NaN if none
	Locale   Locale
	// Labels, if set, name the classes in the legend instead of their
	// bounds (categories such as LISA clusters); counts are added.
	Labels []string
	// Class, if set, is each area's class (−1 for none) instead of the
	// class its value falls in by the bounds: the MSS's own classes, in
	// which a bound can belong to the class above.
	Class []int
	// AreaLabels, if set, writes each area's name at its label point
	// (LabelAt, in the areas' CRS); a name that would overlap one already
	// written, or leave the map, is left out, larger areas first.
	AreaLabels []string
	LabelAt    []orb.Point
	// Width is the page width in mm: 170 (A4 portrait column) if 0,
	// 257 for A4 landscape.
	Width float64
}

// Sizes of a map page: a document column of 170 mm (A4 portrait with
// 20 mm margins).
const (
	pageW    = 170.0
	legendW  = 50.0
	marginMM = 4.0
)

// Map lays out a choropleth map.
func Map(s MapSpec) Figure {
	pageW := pageWidth(s.Width)
	st := newStyle()
	b := s.Areas.Bound()
	bw, bh := b.Max[0]-b.Min[0], b.Max[1]-b.Min[1]
	mapW := pageW - 2*marginMM - legendW - 4
	mapH := mapW * bh / bw
	if mapH > 150 {
		mapH = 150
		mapW = mapH * bw / bh
	}
	const titleH, subH = headingTitleH, headingSubH
	// A long source line (several sources with their licences) wraps.
	srcLines := sourceLines(st, s.Source, pageW)
	srcH := 7.0 + sourceExtraMM(srcLines)
	entries := len(s.Classes.Bounds) + 1
	legendH := 10 + 5*float64(entries) + 12
	bodyH := math.Max(mapH, legendH)
	H := marginMM + titleH + subH + 2 + bodyH + srcH + 2
	fig := Figure{W: mm(pageW), H: mm(H)}
	fig.Draw = func(c draw.Canvas) {
		top := func(y float64) vg.Length { return mm(H - y) }
		drawHeading(c, st, H, s.Title, s.Subtitle)

		// The map, equal aspect in the planar CRS.
		y0 := marginMM + titleH + subH + 2
		scale := mapW / bw // mm per metre
		tx := func(p orb.Point) vg.Point {
			return vg.Point{
				X: mm(marginMM + (p[0]-b.Min[0])*scale),
				Y: top(y0 + mapH - (p[1]-b.Min[1])*scale),
			}
		}
		counts := map[string]int{}
		for i, g := range s.Areas.Geoms {
			var fill color.Color = missingColour
			k := s.Classes.Class(s.Values[i])
			if s.Class != nil {
				k = s.Class[i]
			}
			if k >= 0 {
				fill = s.Colours[k]
			} else if s.Flags != nil && s.Flags[i]&(datasets.Confidential|datasets.Suppressed) != 0 {
				fill = confidentialColour
				counts["confidential"]++
			} else {
				counts["nodata"]++
			}
			path := polygonPath(g, tx)
			c.SetColor(fill)
			c.Fill(path)
			c.SetLineStyle(draw.LineStyle{Color: midGrey, Width: vg.Points(0.35)})
			c.Stroke(path)
		}
		if len(s.AreaLabels) > 0 {
			drawAreaLabels(c, st, s, tx, mm(marginMM), mm(marginMM+mapW), top(y0+mapH), top(y0))
		}
		drawScaleBar(c, st, s.Locale, marginMM, H-(y0+mapH)+3, scale, bw)
		drawNorthArrow(c, st, marginMM+mapW-6, H-y0-3)

		// Legend.
		lx := pageW - marginMM - legendW
		ly := y0
		head := st.text(8, true, black)
		head.YAlign = draw.YTop
		for _, line := range wrap(head, s.Legend, mm(legendW)) {
			c.FillText(head, vg.Point{X: mm(lx), Y: top(ly)}, line)
			ly += 3.8
		}
		ly += 2.2
		lab := st.text(7.5, false, black)
		lab.YAlign = draw.YCenter
		box := func(y float64, fill color.Color, label string) {
			r := vg.Rectangle{Min: vg.Point{X: mm(lx), Y: top(y + 3.5)}, Max: vg.Point{X: mm(lx + 6), Y: top(y)}}
			var p vg.Path
			p.Move(r.Min)
			p.Line(vg.Point{X: r.Max.X, Y: r.Min.Y})
			p.Line(r.Max)
			p.Line(vg.Point{X: r.Min.X, Y: r.Max.Y})
			p.Close()
			c.SetColor(fill)
			c.Fill(p)
			c.SetLineStyle(draw.LineStyle{Color: midGrey, Width: vg.Points(0.35)})
			c.Stroke(p)
			c.FillText(lab, vg.Point{X: mm(lx + 8), Y: top(y + 1.75)}, label)
		}
		dec := legendDecimals(s.Locale, s.Classes.Bounds, s.Decimals)
		for k := range s.Classes.Bounds {
			label := classLabel(s.Locale, s.Classes, k, dec)
			if k < len(s.Labels) {
				label = fmt.Sprintf("%s (%d)", s.Labels[k], s.Classes.Counts[k])
			}
			box(ly, s.Colours[k], label)
			ly += 5
		}
		if n := counts["confidential"]; n > 0 {
			box(ly, confidentialColour, fmt.Sprintf("%s (%d)", s.Locale.T("confidential"), n))
			ly += 5
		}
		if n := counts["nodata"]; n > 0 {
			box(ly, missingColour, fmt.Sprintf("%s (%d)", s.Locale.T("nodata"), n))
			ly += 5
		}
		note := st.text(7, false, darkGrey)
		note.YAlign = draw.YTop
		if !math.IsNaN(s.City) {
			ly += 1.5
			c.FillText(note, vg.Point{X: mm(lx), Y: top(ly)}, fmt.Sprintf("%s: %s", s.Locale.T("city"), s.Locale.Number(s.City, s.Decimals)))
			ly += 4
		}
		if s.Classes.Note.Format != "" {
			ly += 1
			c.FillText(note, vg.Point{X: mm(lx), Y: top(ly)}, s.Locale.Message(s.Classes.Note))
		}

		drawSource(c, st, srcLines)
	}
	return fig
}

// wrap breaks text into lines no wider than w, at spaces.
func wrap(st draw.TextStyle, text string, w vg.Length) []string {
	var lines []string
	line := ""
	for _, word := range strings.Fields(text) {
		try := word
		if line != "" {
			try = line + " " + word
		}
		if line != "" && st.Width(try) > w {
			lines = append(lines, line)
			line = word
			continue
		}
		line = try
	}
	return append(lines, line)
}

// confidentialColour marks areas whose value is withheld: a mid grey,
// darker than "no data".
var confidentialColour = color.RGBA{R: 0xb4, G: 0xb4, B: 0xb4, A: 0xff}

// legendDecimals returns the decimals of a legend's bounds: the value's
// own, or up to three more where two bounds would read alike ("über
// −0,3 bis −0,3").
func legendDecimals(l Locale, bounds []float64, decimals int) int {
	for d := decimals; d < decimals+3; d++ {
		distinct := true
		for k := 1; k < len(bounds); k++ {
			if bounds[k] != bounds[k-1] && l.Number(bounds[k], d) == l.Number(bounds[k-1], d) {
				distinct = false
				break
			}
		}
		if distinct {
			return d
		}
	}
	return decimals + 3
}

// classLabel writes the range of class k: "bis 4,1 (7)" for the first,
// "über 4,1 bis 9,8 (8)" for the others (upper-inclusive classes).
func classLabel(l Locale, c analysis.Classes, k, decimals int) string {
	hi := l.Number(c.Bounds[k], decimals)
	n := c.Counts[k]
	if k == 0 {
		return fmt.Sprintf("%s %s (%d)", l.T("upto"), hi, n)
	}
	lo := l.Number(c.Bounds[k-1], decimals)
	return fmt.Sprintf("%s %s %s %s (%d)", l.T("over"), lo, l.T("to"), hi, n)
}

func polygonPath(mp orb.MultiPolygon, tx func(orb.Point) vg.Point) vg.Path {
	var p vg.Path
	for _, poly := range mp {
		for _, ring := range poly {
			for i, pt := range ring {
				if i == 0 {
					p.Move(tx(pt))
				} else {
					p.Line(tx(pt))
				}
			}
			p.Close()
		}
	}
	return p
}

// drawScaleBar draws a bar of a round length near a quarter of the map's
// width, with its bottom-left corner at (x, y) mm from the bottom-left.
func drawScaleBar(c draw.Canvas, st *style, l Locale, x, y, scale, widthM float64) {
	length := niceLength(widthM / 4)
	w := length * scale
	ls := draw.LineStyle{Color: black, Width: vg.Points(0.8)}
	c.StrokeLines(ls, []vg.Point{{X: mm(x), Y: mm(y + 1.2)}, {X: mm(x), Y: mm(y)}, {X: mm(x + w), Y: mm(y)}, {X: mm(x + w), Y: mm(y + 1.2)}})
	t := st.text(7, false, black)
	t.YAlign = draw.YBottom
	label := l.Number(length/1000, 0) + " km"
	if length < 1000 {
		label = l.Number(length, 0) + " m"
	}
	c.FillText(t, vg.Point{X: mm(x + w + 1.5), Y: mm(y - 0.4)}, label)
}

// niceLength rounds v down to 1, 2 or 5 times a power of ten.
func niceLength(v float64) float64 {
	p := math.Pow(10, math.Floor(math.Log10(v)))
	for _, m := range []float64{5, 2, 1} {
		if m*p <= v {
			return m * p
		}
	}
	return p
}

// drawNorthArrow draws an arrow pointing up with an "N", centred at x
// and with its tip at y (mm from the bottom-left).
func drawNorthArrow(c draw.Canvas, st *style, x, y float64) {
	var p vg.Path
	p.Move(vg.Point{X: mm(x), Y: mm(y)})
	p.Line(vg.Point{X: mm(x + 1.8), Y: mm(y - 5)})
	p.Line(vg.Point{X: mm(x), Y: mm(y - 3.8)})
	p.Line(vg.Point{X: mm(x - 1.8), Y: mm(y - 5)})
	p.Close()
	c.SetColor(black)
	c.Fill(p)
	t := st.text(7, true, black)
	t.XAlign = draw.XCenter
	t.YAlign = draw.YTop
	c.FillText(t, vg.Point{X: mm(x), Y: mm(y - 5.6)}, "N")
}

// drawAreaLabels writes area names without overlaps: areas in order of
// size, each name centred on its label point if its box, with a small
// margin, overlaps no name written before and stays inside the map.
func drawAreaLabels(c draw.Canvas, st *style, s MapSpec, tx func(orb.Point) vg.Point, x0, x1, y0, y1 vg.Length) {
	lab := st.text(6, false, black)
	lab.XAlign, lab.YAlign = draw.XCenter, draw.YCenter
	order := make([]int, len(s.AreaLabels))
	for i := range order {
		order[i] = i
	}
	sortBy(order, func(i int) float64 { return -s.Areas.AreaM2(i) })
	var placed []vg.Rectangle
	pad := mm(0.6)
	for _, i := range order {
		if s.AreaLabels[i] == "" {
			continue
		}
		p := tx(s.LabelAt[i])
		w, h := lab.Width(s.AreaLabels[i]), lab.Height(s.AreaLabels[i])
		r := vg.Rectangle{Min: vg.Point{X: p.X - w/2 - pad, Y: p.Y - h/2 - pad}, Max: vg.Point{X: p.X + w/2 + pad, Y: p.Y + h/2 + pad}}
		if r.Min.X < x0 || r.Max.X > x1 || r.Min.Y < y0 || r.Max.Y > y1 {
			continue
		}
		free := true
		for _, q := range placed {
			if r.Min.X < q.Max.X && q.Min.X < r.Max.X && r.Min.Y < q.Max.Y && q.Min.Y < r.Max.Y {
				free = false
				break
			}
		}
		if !free {
			continue
		}
		placed = append(placed, r)
		c.FillText(lab, p, s.AreaLabels[i])
	}
}

// sortBy sorts indices by a key, stably.
func sortBy(idx []int, key func(int) float64) {
	for i := 1; i < len(idx); i++ {
		for j := i; j > 0 && key(idx[j]) < key(idx[j-1]); j-- {
			idx[j], idx[j-1] = idx[j-1], idx[j]
		}
	}
}
