package plan

import (
	"fmt"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/paulmach/orb"

	"planatlas/analysis"
	"planatlas/datasets"
	"planatlas/indicators"
	"planatlas/lang"
	"planatlas/report"
)

// keepFigure keeps a figure for the HTML report, with its text
// alternative and its data; render draws it.
func (r *runner) keepFigure(id, title string, fig report.Figure, alt string, head []string, rows [][]string) error {
	if !r.wantReport() {
		return nil
	}
	i := len(r.html)
	r.html = append(r.html, report.HTMLFigure{ID: id, Title: title, Alt: alt, Head: head, Rows: rows})
	r.jobs = append(r.jobs, func() error {
		// Jobs run after the last append, each on its own element.
		svg, err := fig.InlineSVG()
		r.html[i].SVG = svg
		return err
	})
	return nil
}

func (r *runner) wantReport() bool {
	return r.c.plan.Outputs.Report == nil || *r.c.plan.Outputs.Report
}

// valueAlt describes a map of v in words: the highest and the lowest
// area, the city, the areas without a value.
func (r *runner) valueAlt(v value) (string, []string, [][]string) {
	type av struct {
		i int
		x float64
	}
	var have []av
	missing, unreliable := 0, 0
	for i, x := range v.values {
		if math.IsNaN(x) && v.flags != nil && v.flags[i]&datasets.Unreliable != 0 {
			unreliable++
			continue
		}
		if math.IsNaN(x) {
			missing++
			continue
		}
		have = append(have, av{i, x})
	}
	sort.SliceStable(have, func(a, b int) bool { return have[a].x > have[b].x })
	num := func(x float64) string {
		s := r.loc.Number(x, v.decimals)
		if v.unit != "" {
			return s + " " + v.unit
		}
		return s
	}
	alt := ""
	if len(have) > 0 {
		hi, lo := have[0], have[len(have)-1]
		alt = r.lp.Sprintf("%s has the highest value, %s; %s the lowest, %s.",
			r.areas.Names[hi.i], num(hi.x), r.areas.Names[lo.i], num(lo.x))
	}
	if !math.IsNaN(v.city) {
		alt += r.lp.Sprintf(" The city: %s%s.", num(v.city), v.coverage)
	}
	if missing > 0 {
		alt += r.lp.Sprintf(" %d planning areas without a value (confidential or missing).", missing)
	}
	if unreliable > 0 {
		alt += r.lp.Sprintf(" Planning areas not published, the survey's estimate not being reliable enough (/): %d.", unreliable)
	}
	head := []string{r.loc.T("rank"), report.Headings(r.loc)["key"], report.Headings(r.loc)["name"], report.Headings(r.loc)["value"]}
	var rows [][]string
	limited := false
	for k, a := range have {
		n := num(a.x)
		if v.flags != nil && v.flags[a.i]&datasets.Uncertain != 0 {
			n, limited = "("+n+")", true // the official sign of limited reliability
		}
		rows = append(rows, []string{fmt.Sprint(k + 1), r.areas.Keys[a.i], r.areas.Names[a.i], n})
	}
	if limited {
		alt += r.lp.Sprintf(" Values in parentheses: limited reliability (a coefficient of variation above the plan's limit).")
	}
	return alt, head, rows
}

// maxDefaultProfiles is the most areas that get profiles unless the plan
// asks: a report of a city's planning areas, not of a census grid.
const maxDefaultProfiles = 1000

// capRows cuts the data tables of the report to their first
// maxDefaultProfiles rows (for the ranking: the areas of most need),
// saying so: a page with a table of a census grid's 100,000 rows is read
// by nobody and opened by few browsers. The tables files have every row.
func (r *runner) capRows(figs []report.HTMLFigure) []report.HTMLFigure {
	out := make([]report.HTMLFigure, len(figs))
	for i, f := range figs {
		if n := len(f.Rows); n > maxDefaultProfiles {
			f.Rows = f.Rows[:maxDefaultProfiles]
			f.Alt = strings.TrimSpace(f.Alt + " " + r.lp.Sprintf("The table shows the first %d of %d rows; all are in the output folder's tables.", maxDefaultProfiles, n))
		}
		out[i] = f
	}
	return out
}

// writeReport writes report.html: the kept maps and charts, the ranking
// and the goals as tables, sources and notes, and one profile per area.
func (r *runner) writeReport() error {
	if !r.wantReport() {
		return nil
	}
	h := report.Headings(r.loc)
	rep := report.HTMLReport{
		Lang: r.c.lang, Title: r.c.plan.Title.In(r.c.lang), City: r.c.plan.City.In(r.c.lang), Figures: r.html, Warnings: r.lp.Messages(r.c.warnings), Notes: r.lp.Messages(r.notes),
		Sources: []string{r.source()},
		T: map[string]string{"sources": r.lp.Sprintf("Data and sources"), "file": r.lp.Sprintf("file"),
			"bytes": r.lp.Sprintf("bytes"), "notes": r.lp.Sprintf("Notes of the run"), "data": r.lp.Sprintf("Data")},
	}
	if rep.Title == "" {
		rep.Title = r.lp.Sprintf("Social area analysis")
	}
	rep.Intro = r.lp.Sprintf("%d planning areas, %d indicators, years %s–%s; maps of %s. All values computed from the input files below with planatlas %s.",
		len(r.areas.Keys), len(r.c.indicators), strconv.Itoa(r.panel.Years[0]), strconv.Itoa(r.panel.Years[len(r.panel.Years)-1]), strconv.Itoa(r.year), Version)
	for _, in := range r.inputs {
		rep.Inputs = append(rep.Inputs, [3]string{in.Path, fmt.Sprint(in.Bytes), in.SHA256})
	}
	// The ranking of the first index, with plausible ranks and drivers.
	var first *indexResult
	if len(r.indices) > 0 {
		first = r.indices[0]
		var rows [][]string
		for _, a := range first.ranking.Order {
			if first.ranking.Rank[a] == 0 {
				continue
			}
			rows = append(rows, []string{fmt.Sprint(first.ranking.Rank[a]), r.plausible(first, a), r.areas.Keys[a], r.areas.Names[a],
				r.areas.ParentNames[a], r.loc.Number(first.ix.Values[a], 2), r.drivers(first, a)})
		}
		rep.Tables = append(rep.Tables, report.HTMLFigure{ID: "ranking", Title: r.lp.Sprintf("Ranking: ") + first.spec.label.In(r.c.lang),
			Alt:  r.lp.Sprintf("Rank 1 = most need; plausible ranks from 1000 draws (90 %%)."),
			Head: []string{h["rank"], r.lp.Sprintf("plausible"), h["key"], h["name"], h["district"], h["indexvalue"], r.lp.Sprintf("drivers")}, Rows: rows})
	}
	if len(r.c.goals) > 0 {
		f, err := r.goalsFrame()
		if err != nil {
			return err
		}
		head, rows := frameRows(r.readableFrame(f), r, []string{"title", "name", "latest_year", "latest", "projected", "target", "target_year", "status"})
		rep.Tables = append(rep.Tables, report.HTMLFigure{ID: "goals", Title: r.lp.Sprintf("Goals"),
			Alt: r.lp.Sprintf("The last five years' trend projected to the target year."), Head: head, Rows: rows})
	}
	ms, err := r.measureReport()
	if err != nil {
		return err
	}
	rep.Tables = append(rep.Tables, ms...)
	// A page per theme of the catalog (and heading of the plan's own).
	cat, err := indicators.LoadCatalog()
	if err != nil {
		return err
	}
	rep.Tables = append(rep.Tables, r.themeTables(cat)...)
	// The city's age structure.
	pyr := r.pyramidData()
	city := cityAges(pyr)
	if pyr != nil {
		name := r.levels[len(r.levels)-1].names[0]
		if f, ok := r.pyramidFigure(report.HTMLProfile{Key: "stadt", Name: name}, city, city); ok {
			f.Title = r.lp.Sprintf("Age structure of %s %s", name, strconv.Itoa(r.year))
			rep.Figures = append(rep.Figures, f)
		}
	}
	switch pr := r.c.plan.Outputs.Profiles; {
	case pr != nil && *pr, pr == nil && len(r.areas.Keys) <= maxDefaultProfiles:
		rep.Profiles = r.profiles(first, pyr, city)
	case pr == nil:
		r.notes = append(r.notes, lang.M("report: no area profiles for %d areas (more than %d); outputs: profiles: true writes them", len(r.areas.Keys), maxDefaultProfiles))
	}
	rep.Figures = r.capRows(rep.Figures)
	rep.Tables = r.capRows(rep.Tables)
	return r.st.Write("report.html", func(w io.Writer) error { return report.WriteHTML(w, rep) })
}

func (r *runner) plausible(ix *indexResult, a int) string {
	if ix.ranges.Lo == nil || ix.ranges.Lo[a] == 0 {
		return ""
	}
	if ix.ranges.Lo[a] == ix.ranges.Hi[a] {
		return fmt.Sprint(ix.ranges.Lo[a])
	}
	return fmt.Sprintf("%d–%d", ix.ranges.Lo[a], ix.ranges.Hi[a])
}

func (r *runner) drivers(ix *indexResult, a int) string {
	var names []string
	for _, k := range ix.ranking.Drivers[a] {
		names = append(names, r.c.indicators[ix.spec.components[k].indicator].Label.In(r.c.lang))
	}
	return strings.Join(names, ", ")
}

// frameRows renders chosen columns of a frame as text for the report:
// numbers in the report's format, hidden or missing values empty.
func frameRows(f *datasets.Frame, r *runner, cols []string) ([]string, [][]string) {
	var idx []int
	var head []string
	for _, c := range cols {
		for k, n := range f.Names {
			if n == c {
				idx = append(idx, k)
				head = append(head, f.Heads[k])
			}
		}
	}
	n := 0
	if len(f.Cols) > 0 {
		n = f.Cols[0].Len()
	}
	rows := make([][]string, n)
	for i := range rows {
		for _, k := range idx {
			cell := ""
			switch c := f.Cols[k].(type) {
			case datasets.Text:
				cell = c[i]
			case datasets.Coded:
				cell = c.At(i)
			case datasets.Int:
				cell = fmt.Sprint(c[i])
			case datasets.Float:
				if v := c.Values[i]; !math.IsNaN(v) && (c.Flags == nil || c.Flags[i]&datasets.Suppressed == 0) {
					d := c.Decimals
					if d < 0 {
						d = 2
					}
					cell = r.loc.Number(v, d)
				}
			}
			rows[i] = append(rows[i], cell)
		}
	}
	return head, rows
}

// profiles makes one page per planning area: its rank and drivers on the
// first index, a spine chart of its key indicators against the city, and
// a locator map.
func (r *runner) profiles(first *indexResult, pyr []*ages, city *ages) []report.HTMLProfile {
	pc := r.newProfileContext(first)
	var out []report.HTMLProfile
	noPyramid := 0
	for a := range r.areas.Keys {
		p := r.profileHeader(pc, first, a)
		p.Figures = append(p.Figures, r.spineFigure(pc, p, a))
		if f, ok := r.sparkFigure(p, pc.keys, a); ok {
			p.Figures = append(p.Figures, f)
		}
		if pyr != nil {
			if f, ok := r.pyramidFigure(p, pyr[a], city); ok {
				p.Figures = append(p.Figures, f)
			} else {
				noPyramid++
			}
		}
		if f, ok := r.projectionProfile(p, a); ok {
			p.Figures = append(p.Figures, f)
		}
		if r.measures != nil {
			p.Tables = append(p.Tables, r.measuresHere(a))
		}
		if len(pc.geoms) <= 300 {
			p.Figures = append(p.Figures, report.HTMLFigure{
				ID: "locator-" + p.Key, Title: r.lp.Sprintf("Location in the city"),
				SVG:  report.LocatorSVG(r.areas, pc.geoms, a),
				Alt:  r.lp.Sprintf("%s lies in the district %s.", p.Name, p.District),
				Head: []string{pc.h["key"], pc.h["name"], pc.h["district"]}, Rows: [][]string{{p.Key, p.Name, p.District}},
			})
		}
		out = append(out, p)
	}
	if noPyramid > 0 {
		r.notes = append(r.notes, lang.M("report: %d profile(s) without a population pyramid: fewer than %d residents, or even 20-year groups would show counts below the disclosure threshold", noPyramid, 1000))
	}
	return out
}

// profileContext is what every area's profile shares: its key
// indicators, the levels above the areas and the table's headings.
type profileContext struct {
	keys        []int
	yi          int
	upper       []*level // the units the areas lie in, smallest first
	levelLabels []string
	geoms       []orb.MultiPolygon
	h           map[string]string
	head        []string
}

func (r *runner) newProfileContext(first *indexResult) *profileContext {
	pc := &profileContext{keys: r.profileKeys(first), yi: r.panel.YearIndex(r.year), upper: r.levels[1 : len(r.levels)-1]}
	for _, l := range pc.upper {
		pc.levelLabels = append(pc.levelLabels, l.label.In(r.c.lang))
	}
	pc.geoms = r.displayAreas().Geoms
	pc.h = report.Headings(r.loc)
	pc.head = []string{pc.h["indicator"], pc.h["unit"], pc.h["value"], r.lp.Sprintf("95 %% interval")}
	pc.head = append(pc.head, pc.levelLabels...)
	pc.head = append(pc.head, r.lp.Sprintf("city"), r.lp.Sprintf("lowest area"), r.lp.Sprintf("highest area"))
	return pc
}

// profileKeys are a profile's key indicators: the first index's
// components and the goals' indicators, else the first ten indicators
// with a need.
func (r *runner) profileKeys(first *indexResult) []int {
	var keys []int
	seen := map[int]bool{}
	addK := func(k int) {
		if !seen[k] {
			seen[k] = true
			keys = append(keys, k)
		}
	}
	if first != nil {
		for _, c := range first.spec.components {
			addK(c.indicator)
		}
		for _, c := range first.spec.dynamic {
			addK(c.indicator)
		}
	}
	for _, g := range r.c.goals {
		addK(g.indicator)
	}
	for k, d := range r.c.indicators {
		if len(keys) >= 10 {
			break
		}
		if d.Need != indicators.NoNeed {
			addK(k)
		}
	}
	return keys
}

// profileHeader is an area's profile without figures: its name, the
// units it lies in, its rank and the rank's drivers.
func (r *runner) profileHeader(pc *profileContext, first *indexResult, a int) report.HTMLProfile {
	p := report.HTMLProfile{Key: r.areas.Keys[a], Name: r.areas.Names[a], District: r.areas.ParentNames[a]}
	if !r.c.simpleParent && len(pc.upper) > 0 {
		var chain []string
		for i, l := range pc.upper {
			chain = append(chain, pc.levelLabels[i]+" "+l.names[l.member[a]])
		}
		p.District = strings.Join(chain, " · ")
	}
	if first != nil && first.ranking.Rank[a] > 0 {
		p.Rank = r.lp.Sprintf("rank %d of %d on %s", first.ranking.Rank[a], countRanked(first), first.spec.label.In(r.c.lang))
		if pl := r.plausible(first, a); pl != "" {
			p.Rank += r.lp.Sprintf(" (plausible %s)", pl)
		}
		p.Drivers = r.lp.Sprintf("Drivers: ") + r.drivers(first, a)
	}
	return p
}

// spineFigure is an area's key indicators against the units it lies in
// and the city, as a chart and a table.
func (r *runner) spineFigure(pc *profileContext, p report.HTMLProfile, a int) report.HTMLFigure {
	var rows []report.SpineRow
	var alt []string
	var table [][]string
	for _, k := range pc.keys {
		row, cells, text, ok := r.spineRow(pc, k, a)
		if !ok {
			continue
		}
		rows, table, alt = append(rows, row), append(table, cells), append(alt, text)
	}
	title := r.lp.Sprintf("Key indicators %s against the city", strconv.Itoa(r.year))
	if len(pc.upper) > 0 {
		title = r.lp.Sprintf("Key indicators %s against the units the area lies in and the city", strconv.Itoa(r.year))
	}
	return report.HTMLFigure{
		ID:    "spine-" + p.Key,
		Title: title,
		SVG:   report.SpineSVG(r.loc, rows, pc.levelLabels...),
		Alt:   fmt.Sprintf("%s: %s.", p.Name, strings.Join(alt, "; ")),
		Head:  pc.head,
		Rows:  table,
	}
}

// spineRow is indicator k of area a in its profile: the chart's row,
// the table's cells and the words for screen readers; false where no
// area has a value.
func (r *runner) spineRow(pc *profileContext, k, a int) (report.SpineRow, []string, string, bool) {
	d := r.c.indicators[k]
	v := r.value(d.ID)
	row := report.SpineRow{Label: d.Label.In(r.c.lang), Value: v.values[a], City: v.city, Lo: math.NaN(), Hi: math.NaN(),
		Min: math.Inf(1), Max: math.Inf(-1), Decimals: d.Decimals, Unit: d.Unit.In(r.c.lang)}
	for _, x := range v.values {
		if !math.IsNaN(x) {
			row.Min, row.Max = math.Min(row.Min, x), math.Max(row.Max, x)
		}
	}
	if math.IsInf(row.Min, 0) {
		return row, nil, "", false
	}
	lv, cityLv := r.levels[0], r.levels[len(r.levels)-1]
	nU, yi := len(lv.keys), pc.yi
	if lv.lower != nil && lv.lower[k] != nil && !math.IsNaN(row.Value) {
		row.Lo, row.Hi = lv.lower[k].Values[yi*nU+a], lv.upper[k].Values[yi*nU+a]
	}
	val := r.loc.T("nodata")
	if !math.IsNaN(row.Value) {
		val = r.loc.Number(row.Value, d.Decimals)
	}
	interval := ""
	if !math.IsNaN(row.Lo) {
		interval = r.loc.Number(row.Lo, d.Decimals) + " – " + r.loc.Number(row.Hi, d.Decimals)
	}
	cells := []string{row.Label, row.Unit, val, interval}
	var refs []string
	for i, l := range pc.upper {
		c := yi*len(l.keys) + l.member[a]
		row.Levels = append(row.Levels, levelValue(l, k, c))
		txt := r.refText(l, k, c, d.Decimals)
		cells = append(cells, txt)
		refs = append(refs, pc.levelLabels[i]+" "+l.names[l.member[a]]+" "+txt)
	}
	city := r.refText(cityLv, k, yi, d.Decimals)
	refs = append(refs, r.lp.Sprintf("city ")+city)
	cells = append(cells, city, r.loc.Number(row.Min, d.Decimals), r.loc.Number(row.Max, d.Decimals))
	return row, cells, fmt.Sprintf("%s %s (%s)", row.Label, val, strings.Join(refs, "; ")), true
}

func countRanked(ix *indexResult) int {
	n := 0
	for _, k := range ix.ranking.Rank {
		if k > 0 {
			n++
		}
	}
	return n
}

// levelValue returns the published value of level l's indicator k in
// cell c: NaN where hidden.
func levelValue(l *level, k, c int) float64 {
	if l.values[k].Flags[c]&datasets.Suppressed != 0 {
		return math.NaN()
	}
	return l.values[k].Values[c]
}

// refText writes the value of level l's indicator k in cell c for the
// report, with its coverage where the value is computed from part of the
// unit (areas without a value).
func (r *runner) refText(l *level, k, c, decimals int) string {
	v := levelValue(l, k, c)
	if math.IsNaN(v) {
		return r.loc.T("nodata")
	}
	return r.loc.Number(v, decimals) + r.coverageNote(l, k, c)
}

// coverageNote says " (Abdeckung 97,3 %)" where the value of level l's
// indicator k in cell c covers less than all of its unit's residents (or
// areas), rounded down so that it never shows 100 %; "" where it covers
// all.
func (r *runner) coverageNote(l *level, k, c int) string {
	if l.coverage == nil || l.coverage[k] == nil || l.coverage[k].Values[c] >= 1 {
		return ""
	}
	cv := l.coverage[k]
	if cv.Flags[c]&datasets.Suppressed != 0 {
		return r.lp.Sprintf(" (coverage below 100 %%)")
	}
	return r.lp.Sprintf(" (coverage %s %%)", r.loc.Number(math.Floor(1000*cv.Values[c])/10, 1))
}

// sparkFigure shows how an area's key indicators developed over the
// plan's years, against its district and the city: those with values in
// two years or more, over the years that have them; none (false) if no
// indicator has.
func (r *runner) sparkFigure(p report.HTMLProfile, keys []int, a int) (report.HTMLFigure, bool) {
	lv, city := r.levels[0], r.levels[len(r.levels)-1]
	dist := r.districtLevel()
	all := r.panel.Years
	series := func(l *level, k, u int) []float64 {
		n := len(l.keys)
		out := make([]float64, len(all))
		for y := range all {
			v, f := l.values[k].Values[y*n+u], l.values[k].Flags[y*n+u]
			if f&datasets.Suppressed != 0 {
				v = math.NaN()
			}
			out[y] = v
		}
		return out
	}
	// The indicators with a development: values of the area in two
	// years or more; the years from the first to the last of them.
	var shown []int
	y0, y1 := len(all), -1
	for _, k := range keys {
		s := series(lv, k, a)
		first, last := -1, -1
		for y, v := range s {
			if !math.IsNaN(v) {
				if first < 0 {
					first = y
				}
				last = y
			}
		}
		if first >= 0 && last > first {
			shown = append(shown, k)
			y0, y1 = min(y0, first), max(y1, last)
		}
	}
	if len(shown) == 0 {
		return report.HTMLFigure{}, false
	}
	keys = shown
	years := all[y0 : y1+1]
	cut := func(s []float64) []float64 { return s[y0 : y1+1] }
	var rows []report.SparkRow
	var alt []string
	estimated := false
	head := []string{report.Headings(r.loc)["year"]}
	var table [][]string
	for range years {
		table = append(table, nil)
	}
	for y, yr := range years {
		table[y] = append(table[y], fmt.Sprint(yr))
	}
	for _, k := range keys {
		d := r.c.indicators[k]
		row := report.SparkRow{Label: d.Label.In(r.c.lang), Years: years, Area: cut(series(lv, k, a)), City: cut(series(city, k, 0)), Decimals: d.Decimals, Unit: d.Unit.In(r.c.lang),
			Break: r.boundaryBreak(years), Estimated: estimatedYears(lv.values[k], len(lv.keys), a, y0, len(years))}
		if dist != nil {
			row.District = cut(series(dist, k, dist.member[a]))
		}
		rows = append(rows, row)
		estimated = estimated || row.Estimated != nil
		tr := analysis.ComputeTrend(floatYears(years), row.Area, 0.05)
		word := map[int]string{1: r.lp.Sprintf("rising"), -1: r.lp.Sprintf("falling"), 0: r.lp.Sprintf("no clear trend")}[tr.Class]
		if tr.N >= 3 {
			alt = append(alt, row.Label+" "+word)
		}
		head = append(head, row.Label)
		if dist != nil {
			head = append(head, row.Label+" ("+dist.names[dist.member[a]]+")")
		}
		head = append(head, row.Label+" ("+r.lp.Sprintf("city")+")")
		for y := range years {
			cell := func(v float64) string {
				if math.IsNaN(v) {
					return ""
				}
				return r.loc.Number(v, d.Decimals)
			}
			areaCell := cell(row.Area[y])
			if row.Estimated != nil && row.Estimated[y] && areaCell != "" {
				areaCell += r.lp.Sprintf(" (estimated)")
			}
			table[y] = append(table[y], areaCell)
			if dist != nil {
				table[y] = append(table[y], cell(row.District[y])+r.coverageNote(dist, k, (y0+y)*len(dist.keys)+dist.member[a]))
			}
			table[y] = append(table[y], cell(row.City[y])+r.coverageNote(city, k, y0+y))
		}
	}
	return report.HTMLFigure{
		ID:    "trend-" + p.Key,
		Title: r.sparkTitle(years, p.Name, dist, a, estimated),
		SVG:   report.SparklinesSVG(r.loc, rows),
		Alt:   fmt.Sprintf("%s: %s.", p.Name, strings.Join(alt, "; ")),
		Head:  head, Rows: table,
	}, true
}

func floatYears(ys []int) []float64 {
	out := make([]float64, len(ys))
	for i, y := range ys {
		out[i] = float64(y)
	}
	return out
}

func (r *runner) sparkTitle(years []int, name string, dist *level, a int, estimated bool) string {
	var t string
	if dist == nil {
		t = r.lp.Sprintf("Development %s–%s (red: %s, blue: city)", strconv.Itoa(years[0]), strconv.Itoa(years[len(years)-1]), name)
	} else {
		t = r.lp.Sprintf("Development %s–%s (red: %s, grey dashed: %s, blue: city)",
			strconv.Itoa(years[0]), strconv.Itoa(years[len(years)-1]), name, dist.names[dist.member[a]])
	}
	if b := r.boundaryBreak(years); b > 0 {
		if estimated {
			return t + r.lp.Sprintf("; thin dashed line: new planning areas from %d; red dashed: estimated", lang.Digits(b))
		}
		return t + r.lp.Sprintf("; thin dashed line: new planning areas from %d", lang.Digits(b))
	}
	return t
}
