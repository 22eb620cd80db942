package plan

import (
	"fmt"
	"image/color"
	"math"
	"strings"

	"planatlas/analysis"
	"planatlas/datasets"
	"planatlas/indicators"
	"planatlas/lang"
	"planatlas/report"
)

// figureYear returns the year a map or chart of id shows: the plan's
// year, or the outputs' year if it gives none; an index has only the
// year it is computed for. The year must be in the data.
func (r *runner) figureYear(what, id string, year, line int) (int, error) {
	for _, ix := range r.indices {
		if id == ix.spec.id || ix.mss != nil && id == ix.spec.id+MSSDynamicSuffix {
			if year != 0 && year != ix.year {
				return 0, errAt(r.c.plan.File, line, "%s %q: year %d, but the index is computed for %d; an index ranks one year (set the index's year, or leave out year here)", what, id, year, ix.year)
			}
			return ix.year, nil
		}
	}
	if year == 0 {
		return r.year, nil
	}
	if r.panel.YearIndex(year) < 0 {
		return 0, errAt(r.c.plan.File, line, "%s %q: year %d is not in the data (%s)", what, id, year, r.dataYears())
	}
	return year, nil
}

// dataYears says which years the data has: "2014–2024", or a list where
// years are left out.
func (r *runner) dataYears() string {
	return datasets.YearRanges(r.panel.Years)
}

// yearNote is " (2021)" for the report's title of a figure whose plan
// asks for a year other than the outputs' (an index's own year is said
// by its subtitle), "" otherwise.
func (r *runner) yearNote(asked int) string {
	if asked == 0 || asked == r.year {
		return ""
	}
	return fmt.Sprintf(" (%d)", asked)
}

// yearSpan writes the years of a scatter's two values: one year, or both
// where an index has its own.
func yearSpan(a, b int) string {
	if a == b {
		return fmt.Sprint(a)
	}
	return fmt.Sprintf("%d/%d", a, b)
}

// someNames lists up to n names, and how many more there are.
func (r *runner) someNames(names []string, n int) string {
	if len(names) <= n {
		return strings.Join(names, ", ")
	}
	return strings.Join(names[:n], ", ") + r.lp.Sprintf(" and %d more", len(names)-n)
}

// mapClasses is how a map is classified and coloured.
type mapClasses struct {
	classes analysis.Classes
	colours []color.Color
	method  string   // for the subtitle and classes.csv: the plan's method, diverging or mss
	area    []int    // each area's class where it is not the class of its value by the bounds (MSS)
	labels  []string // the legend's names of the classes (MSS)
	incl    []string // which bounds belong to each class: "upper", "lower" or "both"; nil: the first class both, the others upper
}

// mapLayout is what a map shows, found before anything is drawn: its
// year, values and classes.
type mapLayout struct {
	year, from int // from: a change map's first year, else 0
	v          value
	mc         mapClasses
}

// layoutMap finds a map's year, values and classes, and every reason it
// cannot be drawn (a year not in the data, more classes than values), so
// that validate, which draws nothing, finds them as run does.
func (r *runner) layoutMap(m MapSpec) (mapLayout, error) {
	if m.change != nil {
		return r.layoutChange(m)
	}
	year, err := r.figureYear("map", m.Value, m.Year, m.Line)
	if err != nil {
		return mapLayout{}, err
	}
	v := r.valueAt(m.Value, year)
	if m.asked && m.Method != "manual" {
		pool := v.values
		if m.AllYears && v.all != nil {
			pool = v.all
		}
		if d := distinctCount(pool); d < m.Classes {
			return mapLayout{}, errAt(r.c.plan.File, m.Line, "map %q: %d classes asked, but the values take only %d distinct value(s); ask for at most %d classes", m.Value, m.Classes, d, max(d, 2))
		}
	}
	mc, err := r.classify(m, v)
	if err != nil {
		return mapLayout{}, errAt(r.c.plan.File, m.Line, "map %q: %v in %d", m.Value, err, year)
	}
	if mc.classes.Note.Format != "" {
		r.notes = append(r.notes, lang.M("%s: %s", m.name, mc.classes.Note))
	}
	return mapLayout{year: year, v: v, mc: mc}, nil
}

// drawMap draws one map as laid out and returns its rows of classes.csv.
func (r *runner) drawMap(m MapSpec, l mapLayout) ([]classRow, error) {
	if m.change != nil {
		return r.drawChange(m, l)
	}
	year, v, mc := l.year, l.v, l.mc
	classesText := fmt.Sprintf("%s, %d %s", r.loc.T(mc.method), len(mc.classes.Bounds), r.loc.T("classes"))
	if mc.method == "mss" {
		classesText = r.lp.Sprintf("the MSS's official classes")
	}
	subtitle := fmt.Sprintf("%s %d · %s", r.lp.Sprintf("Planning areas"), year, classesText)
	if m.AllYears {
		subtitle += r.lp.Sprintf(" (bounds from all years)")
	}
	subtitle += r.smoothNote(v)
	fig := report.Map(report.MapSpec{
		Title: v.label, Subtitle: subtitle, Legend: r.legendTitle(v), Source: r.source(),
		Areas: r.displayAreas(), Values: v.values, Flags: v.flags, Classes: mc.classes, Class: mc.area, Labels: mc.labels,
		Colours: mc.colours, Decimals: v.decimals, City: v.city, Locale: r.loc,
		AreaLabels: r.labelsIf(m.Labels), LabelAt: r.labelPoints(m.Labels), Width: width(m.Size),
		Districts: r.districtOutlines(),
	})
	if err := r.writeFigure(m.name, fig); err != nil {
		return nil, err
	}
	alt, head, rows := r.valueAlt(v)
	if err := r.keepFigure(m.name, r.lp.Sprintf("Map: ")+v.label+r.yearNote(m.Year), fig, alt, head, rows); err != nil {
		return nil, err
	}
	return classRows(m, v.year, 0, mc), nil
}

// classify classifies a map of one year's values.
func (r *runner) classify(m MapSpec, v value) (mapClasses, error) {
	if m.mss {
		return r.mssClasses(m.Value, v)
	}
	pool := v.values
	if m.AllYears && v.all != nil {
		pool = v.all
	}
	classes, err := analysis.Classify(m.Method, pool, m.Classes, m.Bounds)
	if err != nil {
		return mapClasses{}, err
	}
	if m.AllYears {
		classes = classes.Recount(v.values)
	}
	mc := mapClasses{classes: classes, colours: r.palette(v, len(classes.Bounds)), method: m.Method}
	if m.Palette == "diverging" && !math.IsNaN(v.city) {
		mc.classes, mc.colours, err = r.diverging(v, pool, m.Classes, v.city)
		mc.method = "diverging"
	}
	return mc, err
}

// smoothNote says in a map's subtitle that its values are smoothed.
func (r *runner) smoothNote(v value) string {
	return r.smoothedNote(v) + r.estimatedNote(v)
}

// estimatedNote says how many areas' values are estimated (moved from
// split older planning areas), for a map's subtitle.
func (r *runner) estimatedNote(v value) string {
	n := 0
	for i, f := range v.flags {
		if f&datasets.Estimated != 0 && !math.IsNaN(v.values[i]) {
			n++
		}
	}
	if n == 0 {
		return ""
	}
	return r.lp.Sprintf(" · %d areas estimated", n)
}

// smoothedNote names the smoothing of smoothed values.
func (r *runner) smoothedNote(v value) string {
	switch v.smooth {
	case indicators.SmoothGlobalEB:
		return r.lp.Sprintf(" · smoothed (global empirical Bayes)")
	case indicators.SmoothLocalEB, indicators.SmoothLocalEBSpdep:
		return r.lp.Sprintf(" · smoothed (local empirical Bayes)")
	}
	return ""
}

// mssClasses classifies a map of an MSS's status or dynamic index by the
// classes the MSS computed (mss-<id>.csv), not by bounds: the MSS puts a
// bound into the class nearer the middle (−1 and 1 are mittel or stabil,
// 1.5 is niedrig), where a map's bounds would put −1 into the class
// below.
func (r *runner) mssClasses(id string, v value) (mapClasses, error) {
	var m *analysis.MSS
	dynamic := false
	for _, ix := range r.indices {
		if ix.mss != nil && id == ix.spec.id {
			m = ix.mss
		}
		if ix.mss != nil && id == ix.spec.id+MSSDynamicSuffix {
			m, dynamic = ix.mss, true
		}
	}
	if m == nil {
		panic("plan: no MSS for map " + id) // Validate set mss only for an MSS's values
	}
	class, bounds := m.StatusClass, []float64{-1, 1, 1.5}
	labels := []string{
		r.lp.Sprintf("high: below −1"),
		r.lp.Sprintf("medium: −1 to 1"),
		r.lp.Sprintf("low: over 1 to 1.5"),
		r.lp.Sprintf("very low: over 1.5"),
	}
	incl := []string{"lower", "both", "upper", "upper"}
	if dynamic {
		class, bounds = m.DynamicClass, []float64{-1, 1}
		labels = []string{
			r.lp.Sprintf("positive: below −1"),
			r.lp.Sprintf("stable: −1 to 1"),
			r.lp.Sprintf("negative: over 1"),
		}
		incl = incl[:3]
	}
	return mssMapClasses(v.values, class, bounds, labels, incl, r.palette(v, len(labels))), nil
}

// mssMapClasses builds the classes of an MSS map from each area's MSS
// class (1 the lowest, 0 for an area without one). The outer classes
// reach to the lowest and the highest value; an empty outer class has no
// outer bound (NaN).
func mssMapClasses(values []float64, class []int, bounds []float64, labels, incl []string, colours []color.Color) mapClasses {
	k := len(bounds) + 1
	c := analysis.Classes{Method: "mss", Min: math.NaN(), Counts: make([]int, k)}
	c.Bounds = append(append([]float64(nil), bounds...), math.NaN())
	area := make([]int, len(values))
	for a, x := range values {
		area[a] = class[a] - 1
		if math.IsNaN(x) || class[a] == 0 {
			area[a] = -1
			continue
		}
		c.Counts[area[a]]++
		if area[a] == 0 && !(x >= c.Min) {
			c.Min = x
		}
		if area[a] == k-1 && !(x <= c.Bounds[k-1]) {
			c.Bounds[k-1] = x
		}
	}
	return mapClasses{classes: c, colours: colours, method: "mss", area: area, labels: labels, incl: incl}
}

// layoutChange finds the values and classes of a map of the change of
// an indicator between two years.
func (r *runner) layoutChange(m MapSpec) (mapLayout, error) {
	ch := m.change
	for _, y := range []int{ch.From, ch.To} {
		if r.panel.YearIndex(y) < 0 {
			return mapLayout{}, errAt(r.c.plan.File, ch.Line, "map %q: change from %d to %d: the year %d is not in the data (%s)", m.Value, ch.From, ch.To, y, r.dataYears())
		}
	}
	v := r.changeValue(m.Value, ch)
	if allMissing(v.values) {
		return mapLayout{}, errAt(r.c.plan.File, ch.Line, "map %q: no planning area has a value in both %d and %d", m.Value, ch.From, ch.To)
	}
	var mc mapClasses
	var err error
	if m.Method == "manual" {
		mc.classes, err = analysis.Manual(v.values, m.Bounds)
		low := 0
		for _, b := range mc.classes.Bounds {
			if b <= 0 {
				low++
			}
		}
		if high := len(mc.classes.Bounds) - low; err == nil && high > 3 {
			err = errf("the highest change, %s, is above the last bound, and a change map has at most 3 classes on each side of 0; end the bounds at or above it",
				r.loc.Number(mc.classes.Bounds[len(mc.classes.Bounds)-1], v.decimals))
		}
		if err == nil {
			mc.colours, mc.method = divergingColours(v.need, low, len(mc.classes.Bounds)-low), "manual"
		}
	} else {
		if d := distinctCount(v.values); m.asked && d < m.Classes {
			err = errf("%d classes asked, but the changes take only %d distinct value(s); ask for at most %d classes", m.Classes, d, max(d, 2))
		} else {
			mc.classes, mc.colours, err = r.diverging(v, v.values, m.Classes, 0)
			mc.method = "diverging"
		}
	}
	if err != nil {
		return mapLayout{}, errAt(r.c.plan.File, m.Line, "map %q: change %d–%d: %v", m.Value, ch.From, ch.To, err)
	}
	if mc.classes.Note.Format != "" {
		r.notes = append(r.notes, lang.M("%s: %s", m.name, mc.classes.Note))
	}
	return mapLayout{year: ch.To, from: ch.From, v: v, mc: mc}, nil
}

// drawChange draws a change map as laid out.
func (r *runner) drawChange(m MapSpec, l mapLayout) ([]classRow, error) {
	ch, v, mc := m.change, l.v, l.mc
	method := r.lp.Sprintf("quantiles below and above 0")
	if mc.method == "manual" {
		method = r.loc.T("manual")
	}
	subtitle := fmt.Sprintf("%s · %s %d–%d · %s, %d %s", r.lp.Sprintf("Planning areas"), r.lp.Sprintf("change"),
		ch.From, ch.To, method, len(mc.classes.Bounds), r.loc.T("classes")) + r.smoothNote(v)
	fig := report.Map(report.MapSpec{
		Title: v.label, Subtitle: subtitle, Legend: r.changeLegend(ch, v.unit), Source: r.source(),
		Areas: r.displayAreas(), Values: v.values, Flags: v.flags, Classes: mc.classes,
		Colours: mc.colours, Decimals: v.decimals, City: v.city, Locale: r.loc,
		AreaLabels: r.labelsIf(m.Labels), LabelAt: r.labelPoints(m.Labels), Width: width(m.Size),
		Districts: r.districtOutlines(),
	})
	if err := r.writeFigure(m.name, fig); err != nil {
		return nil, err
	}
	alt, head, rows := r.valueAlt(v)
	title := fmt.Sprintf("%s%s – %s %d–%d", r.lp.Sprintf("Map: "), v.label, r.lp.Sprintf("change"), ch.From, ch.To)
	if err := r.keepFigure(m.name, title, fig, alt, head, rows); err != nil {
		return nil, err
	}
	return classRows(m, ch.To, ch.From, mc), nil
}

// changeLegend is a change map's legend heading: "Veränderung 2021–2024
// in Prozentpunkten".
func (r *runner) changeLegend(ch *ChangeSpec, unit string) string {
	head := fmt.Sprintf("%s %d–%d", r.lp.Sprintf("Change"), ch.From, ch.To)
	switch {
	case ch.relative():
		return head + r.lp.Sprintf(" in %%")
	case unit == r.lp.Sprintf("percentage points"):
		return head + r.lp.Sprintf(" in percentage points")
	case unit != "":
		return head + " in " + unit
	}
	return head
}

// changeValue is an indicator's change between the years of ch, in
// percentage points for a share (absolute) or in per cent (relative).
func (r *runner) changeValue(id string, ch *ChangeSpec) value {
	k := -1
	for i, d := range r.c.indicators {
		if d.ID == id {
			k = i
		}
	}
	d := r.c.indicators[k] // Validate refused a change of anything else
	yf, yt := r.panel.YearIndex(ch.From), r.panel.YearIndex(ch.To)
	values, flags := change(r.yearValues(r.values[k].Values, yf), r.yearValues(r.values[k].Values, yt),
		r.yearFlags(r.values[k].Flags, yf), r.yearFlags(r.values[k].Flags, yt), ch.relative())
	city, _ := change(r.city[k].Values[yf:yf+1], r.city[k].Values[yt:yt+1], r.city[k].Flags[yf:yf+1], r.city[k].Flags[yt:yt+1], ch.relative())
	unit, decimals := d.Unit.In(r.c.lang), d.Decimals
	switch {
	case ch.relative():
		unit, decimals = "%", 1
	case unit == "%":
		unit = r.lp.Sprintf("percentage points")
	}
	return value{label: d.Label.In(r.c.lang), unit: unit, need: d.Need, decimals: decimals,
		values: values, flags: flags, city: city[0], smooth: d.Smooth, year: ch.To}
}

// change returns each area's change from a to b: b − a, or relative
// 100·(b − a)/|a|. A change involving a confidential or suppressed value
// is hidden and flagged so (the map shows it as confidential); a value
// missing in either year, or a relative change from 0, leaves the change
// missing.
func change(a, b []float64, fa, fb []datasets.Flag, relative bool) ([]float64, []datasets.Flag) {
	out := make([]float64, len(a))
	flags := make([]datasets.Flag, len(a))
	for i := range a {
		if hidden := (fa[i] | fb[i]) & (datasets.Confidential | datasets.Suppressed); hidden != 0 {
			out[i], flags[i] = math.NaN(), hidden
			continue
		}
		d := b[i] - a[i]
		if relative {
			if a[i] == 0 {
				out[i], flags[i] = math.NaN(), datasets.DivByZero
				continue
			}
			d = 100 * d / math.Abs(a[i])
		}
		out[i] = d // NaN where either year is missing
		flags[i] = (fa[i] | fb[i]) & datasets.Estimated
	}
	return out, flags
}

// classRow is one row of classes.csv: one class of one map.
type classRow struct {
	figure, value string
	year, from    int    // from: a change map's first year, else 0
	change        string // absolute or relative; "" for a map of one year
	method        string
	class         int // from 1
	lower, upper  float64
	included      string // which bounds belong to the class: upper, lower or both
	count         int
	colour        color.Color
}

// classRows returns a map's rows of classes.csv: each class's bounds at
// full precision (the legend rounds them), its count and colour. The
// first class reaches down to the lowest value.
func classRows(m MapSpec, year, from int, mc mapClasses) []classRow {
	c := mc.classes
	var rows []classRow
	kind := ""
	if m.change != nil {
		kind = m.change.Kind
	}
	for k, hi := range c.Bounds {
		lo := c.Min
		if k > 0 {
			lo = c.Bounds[k-1]
		} else if lo > hi {
			lo = math.NaN() // an empty first class of fixed bounds
		}
		incl := "upper"
		if k == 0 {
			incl = "both"
		}
		if mc.incl != nil {
			incl = mc.incl[k]
		}
		rows = append(rows, classRow{figure: m.name, value: m.Value, year: year, from: from, change: kind, method: mc.method,
			class: k + 1, lower: lo, upper: hi, included: incl, count: c.Counts[k], colour: mc.colours[k]})
	}
	return rows
}

// hexColour writes a colour as #rrggbb.
func hexColour(c color.Color) string {
	r, g, b, _ := c.RGBA()
	return fmt.Sprintf("#%02x%02x%02x", r>>8, g>>8, b>>8)
}

// classesFrame is classes.csv: every class of every map, with its bounds
// at full precision.
func (r *runner) classesFrame(rows []classRow) *datasets.Frame {
	n := len(rows)
	var figure, val, change, method, included, colour datasets.Text
	var year, class, count datasets.Int
	from := datasets.Float{Values: make([]float64, n)}
	lower := datasets.Float{Values: make([]float64, n), Decimals: -1}
	upper := datasets.Float{Values: make([]float64, n), Decimals: -1}
	for i, c := range rows {
		figure, val, method = append(figure, c.figure), append(val, c.value), append(method, c.method)
		change, included = append(change, c.change), append(included, c.included) // codes: valueLabels
		colour = append(colour, hexColour(c.colour))
		year, class, count = append(year, int64(c.year)), append(class, int64(c.class)), append(count, int64(c.count))
		from.Values[i] = math.NaN()
		if c.from != 0 {
			from.Values[i] = float64(c.from)
		}
		lower.Values[i], upper.Values[i] = c.lower, c.upper
	}
	h := report.Headings(r.loc)
	f := &datasets.Frame{}
	f.Add("figure", r.lp.Sprintf("figure"), figure)
	f.Add("value", r.lp.Sprintf("indicator/index"), val)
	f.Add("year", h["year"], year)
	f.Add("change_from", r.lp.Sprintf("change from"), from)
	f.Add("change", r.lp.Sprintf("change"), change)
	f.Add("method", r.lp.Sprintf("classification"), method)
	f.Add("class", r.lp.Sprintf("class"), class)
	f.Add("lower", r.lp.Sprintf("lower bound"), lower)
	f.Add("upper", r.lp.Sprintf("upper bound"), upper)
	f.Add("included", r.lp.Sprintf("bound included"), included)
	f.Add("count", r.lp.Sprintf("areas"), count)
	f.Add("colour", r.lp.Sprintf("colour"), colour)
	return f
}

// writeClasses writes classes.csv (and the plan's other table formats):
// the class breaks of every map. Its sheet goes after the other tables'
// in tables.xlsx.
func (r *runner) writeClasses(rows []classRow) error {
	if len(rows) == 0 {
		return nil
	}
	sheets, notes, err := r.writeTable("classes", datasets.Whole(r.classesFrame(rows)), nil)
	r.xlsxLast = append(r.xlsxLast, sheets...)
	r.notes = append(r.notes, notes...)
	return err
}
