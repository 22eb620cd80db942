package report

import (
	"fmt"
	"html/template"
	"math"
	"strings"

	"github.com/paulmach/orb"

	"planatlas/geo"
)

// SpineRow is one indicator of an area's profile: the area's value, its
// interval, the values of the units it lies in (district, …) and of the
// city, and the range over all areas.
type SpineRow struct {
	Label    string
	Value    float64
	Lo, Hi   float64   // the area's interval; NaN if none
	Levels   []float64 // the values of the area's units, smallest level first (NaN where none); as SpineSVG's levels
	City     float64
	Min, Max float64 // over the areas
	Decimals int
	Unit     string
}

// levelMarks are the marks of the levels in a spine chart: a diamond, a
// triangle, a square, then again.
var levelMarks = []string{
	`<path d="M%.1f %.1fl4 4l-4 4l-4 -4z" fill="none" stroke="#444" stroke-width="1.2"/>`,
	`<path d="M%.1f %.1fl4 7h-8z" fill="none" stroke="#444" stroke-width="1.2"/>`,
	`<path d="M%.1f %.1fm-3.5 0.5h7v7h-7z" fill="none" stroke="#444" stroke-width="1.2"/>`,
}

// SpineSVG draws a spine chart (InstantAtlas style): per indicator a
// grey bar from the lowest to the highest area, the city's value as a
// line, the values of the units the area lies in (levels: their labels,
// smallest first) as open marks, and the area's value as a dot with its
// interval.
func SpineSVG(l Locale, rows []SpineRow, levels ...string) template.HTML {
	const w, barX, barW, rowH = 700.0, 240.0, 250.0, 22.0
	top := 0.0
	if len(levels) > 0 {
		top = rowH
	}
	h := rowH*float64(len(rows)) + 10 + top
	var b strings.Builder
	svgOpen(&b, w, h, 11)
	if len(levels) > 0 {
		x := barX
		fmt.Fprintf(&b, `<line x1="%g" x2="%g" y1="4" y2="18" stroke="#1f4e9c" stroke-width="2"/><text x="%g" y="15">%s</text>`, x, x, x+5, template.HTMLEscapeString(l.T("city")))
		x += 60
		for i, lv := range levels {
			fmt.Fprintf(&b, levelMarks[i%len(levelMarks)], x, 6.0)
			fmt.Fprintf(&b, `<text x="%g" y="15">%s</text>`, x+7, template.HTMLEscapeString(lv))
			x += 14 + 6.5*float64(len([]rune(lv)))
		}
	}
	for k, r := range rows {
		y := 5 + top + rowH*float64(k)
		pos := func(v float64) float64 {
			if r.Max == r.Min {
				return barX + barW/2
			}
			return barX + (v-r.Min)/(r.Max-r.Min)*barW
		}
		fmt.Fprintf(&b, `<text x="0" y="%.1f">%s</text>`, y+14, template.HTMLEscapeString(r.Label))
		fmt.Fprintf(&b, `<rect x="%g" y="%.1f" width="%g" height="10" fill="#e3e3e3"/>`, barX, y+5, barW)
		if !math.IsNaN(r.City) {
			fmt.Fprintf(&b, `<line x1="%.1f" x2="%.1f" y1="%.1f" y2="%.1f" stroke="#1f4e9c" stroke-width="2"/>`, pos(r.City), pos(r.City), y+2, y+18)
		}
		for i, v := range r.Levels {
			if !math.IsNaN(v) && v >= r.Min && v <= r.Max {
				fmt.Fprintf(&b, levelMarks[i%len(levelMarks)], pos(v), y+6)
			}
		}
		if !math.IsNaN(r.Lo) && !math.IsNaN(r.Hi) {
			fmt.Fprintf(&b, `<line x1="%.1f" x2="%.1f" y1="%.1f" y2="%.1f" stroke="#333" stroke-width="1.2"/>`, pos(math.Max(r.Lo, r.Min)), pos(math.Min(r.Hi, r.Max)), y+10, y+10)
		}
		val := l.T("nodata")
		if !math.IsNaN(r.Value) {
			fmt.Fprintf(&b, `<circle cx="%.1f" cy="%.1f" r="4.5" fill="#c0392b"/>`, pos(r.Value), y+10)
			val = l.Number(r.Value, r.Decimals)
		}
		fmt.Fprintf(&b, `<text x="%g" y="%.1f">%s %s</text>`, barX+barW+10, y+14, val, template.HTMLEscapeString(r.Unit))
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String()) // numbers and escaped labels only
}

// LocatorSVG draws the city's areas in outline with one highlighted.
func LocatorSVG(a *geo.Areas, geoms []orb.MultiPolygon, highlight int) template.HTML {
	bd := a.Bound()
	W, H := bd.Max[0]-bd.Min[0], bd.Max[1]-bd.Min[1]
	scale := 200 / math.Max(W, H)
	var b strings.Builder
	fmt.Fprintf(&b, `<svg width="220" viewBox="0 0 %.1f %.1f" xmlns="http://www.w3.org/2000/svg" aria-hidden="true">`, W*scale, H*scale)
	path := func(mp orb.MultiPolygon) string {
		var p strings.Builder
		for _, poly := range mp {
			for _, ring := range poly {
				for k, pt := range ring {
					cmd := "L"
					if k == 0 {
						cmd = "M"
					}
					fmt.Fprintf(&p, "%s%.1f %.1f", cmd, (pt[0]-bd.Min[0])*scale, (bd.Max[1]-pt[1])*scale)
				}
				p.WriteString("Z")
			}
		}
		return p.String()
	}
	for i, g := range geoms {
		if i != highlight {
			fmt.Fprintf(&b, `<path d="%s" fill="#f2f2f2" stroke="#999" stroke-width="0.5" fill-rule="evenodd"/>`, path(g))
		}
	}
	fmt.Fprintf(&b, `<path d="%s" fill="#c0392b" stroke="#222" stroke-width="0.8" fill-rule="evenodd"/>`, path(geoms[highlight]))
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}

// SparkRow is one indicator's series for an area, its district (or
// another unit it lies in; nil if none) and the city.
type SparkRow struct {
	Label      string
	Years      []int
	Area, City []float64 // NaN where missing
	District   []float64 // nil without districts
	Decimals   int
	Unit       string
	// Break is the first year on the current planning areas after they
	// were reorganised (0 if none): a thin dashed line marks it.
	// Estimated marks the area's estimated values (nil if none): the
	// area's line to and from them is dashed.
	Break     int
	Estimated []bool
}

// SparklinesSVG draws each indicator's development: the area's line (red)
// against its district's (grey, dashed) and the city's (blue), with the
// first and last year's values.
func SparklinesSVG(l Locale, rows []SparkRow) template.HTML {
	const w, labelW, lineW, rowH = 700.0, 240.0, 260.0, 24.0
	h := rowH*float64(len(rows)) + 10
	var b strings.Builder
	svgOpen(&b, w, h, 11)
	for k, r := range rows {
		y := 5 + rowH*float64(k)
		lo, hi := math.Inf(1), math.Inf(-1)
		for _, s := range [][]float64{r.Area, r.City, r.District} {
			for _, v := range s {
				if !math.IsNaN(v) {
					lo, hi = math.Min(lo, v), math.Max(hi, v)
				}
			}
		}
		fmt.Fprintf(&b, `<text x="0" y="%.1f">%s</text>`, y+15, template.HTMLEscapeString(r.Label))
		if math.IsInf(lo, 0) {
			continue
		}
		if hi == lo {
			hi, lo = hi+1, lo-1
		}
		n := len(r.Years)
		px := func(i int) float64 { return labelW + float64(i)/math.Max(1, float64(n-1))*lineW }
		py := func(v float64) float64 { return y + 19 - (v-lo)/(hi-lo)*16 }
		line := func(s []float64, colour string, dash ...string) {
			var d strings.Builder
			pen := "M"
			for i, v := range s {
				if math.IsNaN(v) {
					pen = "M"
					continue
				}
				fmt.Fprintf(&d, "%s%.1f %.1f", pen, px(i), py(v))
				pen = "L"
			}
			if d.Len() > 0 {
				extra := ""
				if len(dash) > 0 {
					extra = ` stroke-dasharray="` + dash[0] + `"`
				}
				fmt.Fprintf(&b, `<path d="%s" fill="none" stroke="%s" stroke-width="1.6"%s/>`, d.String(), colour, extra)
			}
		}
		for i, yr := range r.Years {
			if yr == r.Break && i > 0 {
				bx := (px(i-1) + px(i)) / 2
				fmt.Fprintf(&b, `<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="#999" stroke-width="0.8" stroke-dasharray="2 2"/>`, bx, y+2, bx, y+21)
			}
		}
		if r.District != nil {
			line(r.District, "#777", "4 2")
		}
		line(r.City, "#1f4e9c")
		if r.Estimated == nil {
			line(r.Area, "#c0392b")
		} else {
			// counted years solid, estimated ones dashed over them
			counted, estimated := splitEstimated(r.Area, r.Estimated)
			line(counted, "#c0392b")
			line(estimated, "#c0392b", "3 2")
		}
		first, last := math.NaN(), math.NaN()
		for _, v := range r.Area {
			if !math.IsNaN(v) {
				if math.IsNaN(first) {
					first = v
				}
				last = v
			}
		}
		txt := l.T("nodata")
		switch values := countValues(r.Area); {
		case values == 1:
			// one year: a value, no development
			txt = fmt.Sprintf("%s %s", l.Number(last, r.Decimals), template.HTMLEscapeString(r.Unit))
		case values > 1:
			txt = fmt.Sprintf("%s → %s %s", l.Number(first, r.Decimals), l.Number(last, r.Decimals), template.HTMLEscapeString(r.Unit))
		}
		fmt.Fprintf(&b, `<text x="%g" y="%.1f">%s</text>`, labelW+lineW+12, y+15, txt)
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}

// PyramidSVG draws a population pyramid: for each age band (labels, the
// youngest first) the men's share to the left and the women's to the
// right, in % of the area's residents, with the city's shares as a line
// (none if cityMale is nil: the city's own pyramid), and an axis of round
// shares under both halves.
func PyramidSVG(l Locale, labels []string, male, female, cityMale, cityFemale []float64, menLabel, womenLabel string) template.HTML {
	const w, mid, half, rowH = 520.0, 260.0, 200.0, 14.0
	n := len(labels)
	top := 20.0
	axisY := top + rowH*float64(n) + 2
	h := axisY + 30
	hasCity := cityMale != nil && cityFemale != nil
	max := 0.0
	for i := range labels {
		max = math.Max(max, math.Max(male[i], female[i]))
		if hasCity {
			max = math.Max(max, math.Max(cityMale[i], cityFemale[i]))
		}
	}
	if max == 0 {
		max = 1
	}
	_, axisMax, ticks := niceRange(0, max, 3)
	scale := (half - 20) / axisMax
	var b strings.Builder
	svgOpen(&b, w, h, 10)
	fmt.Fprintf(&b, `<text x="%g" y="12" text-anchor="end">%s</text><text x="%g" y="12">%s</text>`, mid-30, template.HTMLEscapeString(menLabel), mid+30, template.HTMLEscapeString(womenLabel))
	// Grid lines and the axis: the same shares to both sides.
	for _, t := range ticks {
		for _, x := range []float64{mid - 20 - t*scale, mid + 20 + t*scale} {
			fmt.Fprintf(&b, `<line x1="%.1f" y1="%g" x2="%.1f" y2="%g" stroke="#ddd" stroke-width="0.6"/>`, x, top, x, axisY)
			fmt.Fprintf(&b, `<line x1="%.1f" y1="%g" x2="%.1f" y2="%g" stroke="#444" stroke-width="0.8"/>`, x, axisY, x, axisY+3)
			fmt.Fprintf(&b, `<text x="%.1f" y="%g" text-anchor="middle" fill="#444">%s</text>`, x, axisY+13, l.Number(t, tickDecimals(t)))
		}
	}
	fmt.Fprintf(&b, `<line x1="%.1f" y1="%g" x2="%g" y2="%g" stroke="#444" stroke-width="0.8"/>`, mid-20-axisMax*scale, axisY, mid-20, axisY)
	fmt.Fprintf(&b, `<line x1="%g" y1="%g" x2="%.1f" y2="%g" stroke="#444" stroke-width="0.8"/>`, mid+20, axisY, mid+20+axisMax*scale, axisY)
	fmt.Fprintf(&b, `<text x="%g" y="%g" text-anchor="middle" fill="#444">%s</text>`, mid, axisY+26, template.HTMLEscapeString(l.T("pyramid_axis")))
	var cm, cf strings.Builder
	for i := 0; i < n; i++ {
		y := top + rowH*float64(n-1-i) // oldest at the top
		fmt.Fprintf(&b, `<rect x="%.1f" y="%.1f" width="%.1f" height="%g" fill="#6a9bd1"/>`, mid-20-male[i]*scale, y, male[i]*scale, rowH-2)
		fmt.Fprintf(&b, `<rect x="%g" y="%.1f" width="%.1f" height="%g" fill="#e3877b"/>`, mid+20, y, female[i]*scale, rowH-2)
		fmt.Fprintf(&b, `<text x="%g" y="%.1f" text-anchor="middle">%s</text>`, mid, y+rowH-4, template.HTMLEscapeString(labels[i]))
		if !hasCity {
			continue
		}
		pen := "L"
		if i == 0 {
			pen = "M"
		}
		fmt.Fprintf(&cm, "%s%.1f %.1f", pen, mid-20-cityMale[i]*scale, y+(rowH-2)/2)
		fmt.Fprintf(&cf, "%s%.1f %.1f", pen, mid+20+cityFemale[i]*scale, y+(rowH-2)/2)
	}
	if hasCity {
		fmt.Fprintf(&b, `<path d="%s" fill="none" stroke="#222" stroke-width="1.2"/><path d="%s" fill="none" stroke="#222" stroke-width="1.2"/>`, cm.String(), cf.String())
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}

// svgOpen starts an inline SVG of the report: full width, the report's
// font, hidden from screen readers (the figure's caption says it).
func svgOpen(b *strings.Builder, w, h, fontSize float64) {
	fmt.Fprintf(b, `<svg width="100%%" viewBox="0 0 %g %g" xmlns="http://www.w3.org/2000/svg" font-family="Liberation Sans, Arial, sans-serif" font-size="%g" aria-hidden="true">`, w, h, fontSize)
}

// countValues counts the values of a series that are not NaN.
func countValues(s []float64) int {
	n := 0
	for _, v := range s {
		if !math.IsNaN(v) {
			n++
		}
	}
	return n
}

// splitEstimated returns a series as two: the segments between counted
// values, and those touching an estimated value (NaN elsewhere, so that
// each draws only its own segments).
func splitEstimated(s []float64, est []bool) (counted, estimated []float64) {
	counted, estimated = make([]float64, len(s)), make([]float64, len(s))
	for i, v := range s {
		counted[i], estimated[i] = math.NaN(), math.NaN()
		prevEst := i > 0 && est[i-1]
		nextEst := i+1 < len(s) && est[i+1]
		if !est[i] {
			counted[i] = v
		}
		if est[i] || prevEst || nextEst {
			estimated[i] = v
		}
	}
	return counted, estimated
}
