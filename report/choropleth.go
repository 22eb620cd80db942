package report

import (
	"fmt"
	"image/color"
	"math"
	"sort"
	"strings"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"
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
	// Districts, if set, are the outlines of the districts (the planning
	// areas' parents, dissolved), drawn over the areas in a thicker line.
	Districts []orb.MultiPolygon
	// Width is the page width in mm: 170 (A4 portrait column) if 0,
	// 257 for A4 landscape.
	Width float64
	// Marked, if set, marks areas with hatching and a thick outline over
	// their class's colour (the measures' map: areas of high need that
	// no measure reaches); MarkedLabel names them in the legend.
	Marked      []bool
	MarkedLabel string
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
	// The legend, then the north arrow and the scale bar below it, in the
	// legend's column: clear of the map's geometry. Its height: the
	// heading's lines, the boxes (classes, confidential, no data), the
	// city's value and the note.
	entries := len(s.Classes.Bounds)
	hidden, missing := false, false
	for i, v := range s.Values {
		k := s.Classes.Class(v)
		if s.Class != nil {
			k = s.Class[i]
		}
		if k < 0 {
			if s.Flags != nil && s.Flags[i]&(datasets.Confidential|datasets.Suppressed) != 0 {
				hidden = true
			} else {
				missing = true
			}
		}
	}
	if hidden {
		entries++
	}
	if missing {
		entries++
	}
	if markedCount(s.Marked) > 0 {
		entries++
	}
	headLines := len(wrap(st.text(8, true, black), s.Legend, mm(legendW)))
	legendH := 3.8*float64(headLines) + 2.2 + 5*float64(entries) + 5.5 + 5 + 4 + scaleBlockH
	catLabels := categoryLabels(s.Locale, s.Values, s.Classes)
	if s.Class != nil {
		catLabels = nil
	}
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
		fills, counts := drawMapAreas(c, s, tx)
		for _, d := range s.Districts {
			c.SetLineStyle(draw.LineStyle{Color: darkGrey, Width: vg.Points(1.3)})
			c.Stroke(polygonPath(d, tx))
		}
		drawMarked(c, s, tx, fills)
		if len(s.AreaLabels) > 0 {
			inv := func(p vg.Point) orb.Point {
				return orb.Point{b.Min[0] + (float64(p.X/vg.Millimeter)-marginMM)/scale, b.Min[1] + (float64(p.Y/vg.Millimeter)-(H-y0-mapH))/scale}
			}
			for _, l := range placeAreaLabels(st, s, fills, tx, inv, mm(marginMM), mm(marginMM+mapW), top(y0+mapH), top(y0)) {
				c.FillText(l.style, l.at, l.text)
			}
		}

		// Legend.
		lx := pageW - marginMM - legendW
		ly := drawMapLegend(c, st, s, H, lx, y0, counts, catLabels)
		// North arrow and scale bar under the legend, outside the map.
		ly += 4
		drawNorthArrow(c, st, lx+2, H-ly)
		drawScaleBar(c, st, s.Locale, lx, H-ly-10, scale, bw)

		drawSource(c, st, srcLines)
	}
	return fig
}

// drawMapAreas fills each area with its class's colour (confidential
// grey, no data hatched) and outlines it; it returns the fills (for the
// labels' contrast) and how many areas were confidential or had no data.
func drawMapAreas(c draw.Canvas, s MapSpec, tx func(orb.Point) vg.Point) ([]color.Color, map[string]int) {
	counts := map[string]int{}
	fills := make([]color.Color, len(s.Areas.Geoms))
	for i, g := range s.Areas.Geoms {
		var fill color.Color = missingColour
		k := s.Classes.Class(s.Values[i])
		if s.Class != nil {
			k = s.Class[i]
		}
		var flag datasets.Flag
		if s.Flags != nil {
			flag = s.Flags[i]
		}
		switch {
		case k >= 0:
			fill = s.Colours[k]
		case flag&(datasets.Confidential|datasets.Suppressed) != 0:
			fill = confidentialColour
			counts["confidential"]++
		case flag&datasets.Unreliable != 0:
			fill = unreliableColour
			counts["unreliable"]++
		default:
			counts["nodata"]++
		}
		fills[i] = fill
		path := polygonPath(g, tx)
		if fill == missingColour {
			hatch(c, path, polygonRect(g, tx))
		} else {
			c.SetColor(fill)
			c.Fill(path)
		}
		if k >= 0 && flag&datasets.Uncertain != 0 {
			// limited reliability: the class's colour, hatched
			hatchLines(c, path, polygonRect(g, tx), contrastLine(fill))
			counts["uncertain"]++
		}
		c.SetLineStyle(draw.LineStyle{Color: midGrey, Width: vg.Points(0.35)})
		c.Stroke(path)
	}
	return fills, counts
}

// markedWidth is the outline of a marked area, in points.
const markedWidth = 2.2

// markedCount counts the marked areas.
func markedCount(m []bool) int {
	n := 0
	for _, x := range m {
		if x {
			n++
		}
	}
	return n
}

// drawMarked hatches the marked areas over their fill and outlines them
// thickly, after every area is drawn, so that no neighbour's thin
// outline covers the thick one.
func drawMarked(c draw.Canvas, s MapSpec, tx func(orb.Point) vg.Point, fills []color.Color) {
	for i, m := range s.Marked {
		if !m || i >= len(s.Areas.Geoms) {
			continue
		}
		g := s.Areas.Geoms[i]
		path := polygonPath(g, tx)
		hatchLines(c, path, polygonRect(g, tx), contrastLine(fills[i]))
		c.SetLineStyle(draw.LineStyle{Color: black, Width: vg.Points(markedWidth)})
		c.Stroke(path)
	}
}

// drawMapLegend draws the legend from ly (mm from the top of a figure H
// mm high) in the column at lx: heading, one box per class, the boxes
// for confidential and no data, the city's value and the classes' note.
// It returns where the legend ends.
func drawMapLegend(c draw.Canvas, st *style, s MapSpec, H, lx, ly float64, counts map[string]int, catLabels []string) float64 {
	top := func(y float64) vg.Length { return mm(H - y) }
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
		if fill == missingColour {
			hatch(c, p, r)
		} else {
			c.SetColor(fill)
			c.Fill(p)
		}
		c.SetLineStyle(draw.LineStyle{Color: midGrey, Width: vg.Points(0.35)})
		c.Stroke(p)
		c.FillText(lab, vg.Point{X: mm(lx + 8), Y: top(y + 1.75)}, label)
	}
	dec := legendDecimals(s.Locale, s.Classes.Bounds, s.Decimals)
	for k := range s.Classes.Bounds {
		label := classLabel(s.Locale, s.Classes, k, dec)
		if catLabels != nil {
			if catLabels[k] == "" {
				continue // no category in this class (equal intervals)
			}
			label = catLabels[k]
		}
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
	if n := counts["uncertain"]; n > 0 {
		mid := s.Colours[len(s.Colours)/2]
		box(ly, mid, fmt.Sprintf("%s (%d)", s.Locale.T("uncertain"), n))
		r := vg.Rectangle{Min: vg.Point{X: mm(lx), Y: top(ly + 3.5)}, Max: vg.Point{X: mm(lx + 6), Y: top(ly)}}
		hatchLines(c, rectPath(r), r, contrastLine(mid))
		ly += 5
	}
	if n := markedCount(s.Marked); n > 0 {
		mid := s.Colours[len(s.Colours)-1]
		r := vg.Rectangle{Min: vg.Point{X: mm(lx), Y: top(ly + 3.5)}, Max: vg.Point{X: mm(lx + 6), Y: top(ly)}}
		box(ly, mid, fmt.Sprintf("%s (%d)", s.MarkedLabel, n))
		hatchLines(c, rectPath(r), r, contrastLine(mid))
		c.SetLineStyle(draw.LineStyle{Color: black, Width: vg.Points(markedWidth)})
		c.Stroke(rectPath(r))
		ly += 5
	}
	if n := counts["unreliable"]; n > 0 {
		box(ly, unreliableColour, fmt.Sprintf("%s (%d)", s.Locale.T("unreliable"), n))
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
		ly += 4
	}
	return ly
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

// placedLabel is an area's name as the map writes it.
type placedLabel struct {
	area  int
	text  string
	at    vg.Point
	box   vg.Rectangle
	style draw.TextStyle
}

// placeAreaLabels places area names: areas in order of size, each name
// centred on its label point, in the colour that contrasts with its
// area's fill, if its box lies inside its own area (a smaller size is
// tried), overlaps no name placed before and stays inside the map; a
// name that fits nowhere is left out. inv maps a point of the canvas back
// to the areas' CRS.
func placeAreaLabels(st *style, s MapSpec, fills []color.Color, tx func(orb.Point) vg.Point, inv func(vg.Point) orb.Point, x0, x1, y0, y1 vg.Length) []placedLabel {
	order := make([]int, len(s.AreaLabels))
	for i := range order {
		order[i] = i
	}
	area := s.Areas.AreasM2()
	sort.SliceStable(order, func(a, b int) bool { return area[order[a]] > area[order[b]] })
	var placed []placedLabel
	pad := mm(0.6)
	for _, i := range order {
		if s.AreaLabels[i] == "" || i >= len(s.LabelAt) {
			continue
		}
		p0 := tx(s.LabelAt[i])
	try:
		for _, pt := range []float64{6, 5} {
			lab := st.text(pt, false, labelColour(fills[i]))
			lab.XAlign, lab.YAlign = draw.XCenter, draw.YCenter
			w, h := lab.Width(s.AreaLabels[i]), lab.Height(s.AreaLabels[i])
			// the label point, then a little above, below, left, right
			for _, d := range [][2]vg.Length{{0, 0}, {0, h}, {0, -h}, {-h, 0}, {h, 0}} {
				p := vg.Point{X: p0.X + d[0], Y: p0.Y + d[1]}
				text := vg.Rectangle{Min: vg.Point{X: p.X - w/2, Y: p.Y - h/2}, Max: vg.Point{X: p.X + w/2, Y: p.Y + h/2}}
				r := vg.Rectangle{Min: vg.Point{X: text.Min.X - pad, Y: text.Min.Y - pad}, Max: vg.Point{X: text.Max.X + pad, Y: text.Max.Y + pad}}
				if r.Min.X < x0 || r.Max.X > x1 || r.Min.Y < y0 || r.Max.Y > y1 || !boxInside(text, s.Areas.Geoms[i], inv) {
					continue
				}
				free := true
				for _, q := range placed {
					if overlaps(r, q.box) {
						free = false
						break
					}
				}
				if free {
					placed = append(placed, placedLabel{area: i, text: s.AreaLabels[i], at: p, box: r, style: lab})
					break try
				}
			}
		}
	}
	return placed
}

func overlaps(a, b vg.Rectangle) bool {
	return a.Min.X < b.Max.X && b.Min.X < a.Max.X && a.Min.Y < b.Max.Y && b.Min.Y < a.Max.Y
}

// boxInside reports whether a label's box lies inside an area: its
// corners and points along its edges, taken back to the areas' CRS, all
// in the area.
func boxInside(r vg.Rectangle, g orb.MultiPolygon, inv func(vg.Point) orb.Point) bool {
	const steps = 6
	for k := 0; k <= steps; k++ {
		f := vg.Length(k) / steps
		x := r.Min.X + f*(r.Max.X-r.Min.X)
		y := r.Min.Y + f*(r.Max.Y-r.Min.Y)
		for _, p := range []vg.Point{{X: x, Y: r.Min.Y}, {X: x, Y: r.Max.Y}, {X: r.Min.X, Y: y}, {X: r.Max.X, Y: y}} {
			if !planar.MultiPolygonContains(g, inv(p)) {
				return false
			}
		}
	}
	return true
}

// luminance is a colour's relative luminance (WCAG 2), 0 black to 1
// white.
func luminance(c color.Color) float64 {
	r, g, b, _ := c.RGBA()
	lin := func(v uint32) float64 {
		x := float64(v) / 0xffff
		if x <= 0.03928 {
			return x / 12.92
		}
		return math.Pow((x+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(r) + 0.7152*lin(g) + 0.0722*lin(b)
}

// labelColour is the colour of text on a fill: black or white, whichever
// contrasts more (WCAG contrast ratio).
func labelColour(fill color.Color) color.Color {
	l := luminance(fill)
	if (l+0.05)/0.05 >= 1.05/(l+0.05) {
		return black
	}
	return white
}

// hatch fills a path white with thin diagonal grey lines (areas without
// a value); the lines are cut to the path's inside (even–odd), as the
// canvases clip nothing. r is the path's bounding box.
func hatch(c draw.Canvas, p vg.Path, r vg.Rectangle) {
	c.SetColor(white)
	c.Fill(p)
	hatchLines(c, p, r, midGrey)
}

// hatchLines draws thin diagonal lines of colour col over the inside of
// the path p with bounding box r: over white for areas without a value,
// over a class's colour for estimates of limited reliability.
func hatchLines(c draw.Canvas, p vg.Path, r vg.Rectangle, col color.Color) {
	// The path's edges.
	var edges [][2]vg.Point
	var start, prev vg.Point
	for _, comp := range p {
		switch comp.Type {
		case vg.MoveComp:
			start, prev = comp.Pos, comp.Pos
		case vg.LineComp:
			edges = append(edges, [2]vg.Point{prev, comp.Pos})
			prev = comp.Pos
		case vg.CloseComp:
			edges = append(edges, [2]vg.Point{prev, start})
			prev = start
		}
	}
	ls := draw.LineStyle{Color: col, Width: vg.Points(0.4)}
	step := mm(1.2)
	h := r.Max.Y - r.Min.Y
	for x := r.Min.X - h; x < r.Max.X; x += step {
		// The line from (x, Min.Y) to (x+h, Max.Y): where it crosses edges.
		a, d := vg.Point{X: x, Y: r.Min.Y}, vg.Point{X: h, Y: h}
		var ts []float64
		for _, e := range edges {
			if t, ok := crossing(a, d, e[0], e[1]); ok {
				ts = append(ts, t)
			}
		}
		sort.Float64s(ts)
		for k := 0; k+1 < len(ts); k += 2 {
			c.StrokeLine2(ls, a.X+vg.Length(ts[k])*d.X, a.Y+vg.Length(ts[k])*d.Y, a.X+vg.Length(ts[k+1])*d.X, a.Y+vg.Length(ts[k+1])*d.Y)
		}
	}
}

// contrastLine is the colour of hatching over fill: white over dark
// colours, dark grey over light ones.
func contrastLine(fill color.Color) color.Color {
	if labelColour(fill) == white {
		return white
	}
	return darkGrey
}

// rectPath is the closed path around r.
func rectPath(r vg.Rectangle) vg.Path {
	var p vg.Path
	p.Move(r.Min)
	p.Line(vg.Point{X: r.Max.X, Y: r.Min.Y})
	p.Line(r.Max)
	p.Line(vg.Point{X: r.Min.X, Y: r.Max.Y})
	p.Close()
	return p
}

// crossing returns where the line a + t·d crosses the segment p–q (with
// q's end open, so that a vertex counts once), as t.
func crossing(a, d, p, q vg.Point) (float64, bool) {
	ex, ey := float64(q.X-p.X), float64(q.Y-p.Y)
	den := float64(d.X)*ey - float64(d.Y)*ex
	if den == 0 {
		return 0, false
	}
	wx, wy := float64(p.X-a.X), float64(p.Y-a.Y)
	t := (wx*ey - wy*ex) / den
	u := (wx*float64(d.Y) - wy*float64(d.X)) / den
	if u < 0 || u >= 1 {
		return 0, false
	}
	return t, true
}

// polygonRect is the bounding box of a multipolygon on the canvas.
func polygonRect(mp orb.MultiPolygon, tx func(orb.Point) vg.Point) vg.Rectangle {
	b := mp.Bound()
	p, q := tx(b.Min), tx(b.Max)
	return vg.Rectangle{Min: vg.Point{X: min(p.X, q.X), Y: min(p.Y, q.Y)}, Max: vg.Point{X: max(p.X, q.X), Y: max(p.Y, q.Y)}}
}

// scaleBlockH is the height of the north arrow and the scale bar under
// a map's legend, in millimetres.
const scaleBlockH = 18.0

// categoryLabels names the classes of categorical values — whole
// numbers, each class holding at most one of them, as heat categories 1
// to 3 — by their value ("2 (7)") instead of a range, "" for an empty
// class; nil if the values are not categorical.
func categoryLabels(l Locale, values []float64, c analysis.Classes) []string {
	cat := make([]float64, len(c.Bounds))
	for k := range cat {
		cat[k] = math.NaN()
	}
	n := 0
	for _, v := range values {
		if math.IsNaN(v) {
			continue
		}
		if v != math.Trunc(v) {
			return nil
		}
		k := c.Class(v)
		if k < 0 {
			return nil
		}
		if !math.IsNaN(cat[k]) && cat[k] != v {
			return nil
		}
		cat[k] = v
		n++
	}
	if n == 0 {
		return nil
	}
	out := make([]string, len(cat))
	for k, v := range cat {
		if !math.IsNaN(v) { // an empty class stays "": left out of the legend
			out[k] = fmt.Sprintf("%s (%d)", l.Number(v, 0), c.Counts[k])
		}
	}
	return out
}
