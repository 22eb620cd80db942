package plan

import (
	"fmt"
	"image/color"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/paulmach/orb"

	"planatlas/analysis"
	"planatlas/datasets"
	"planatlas/geo"
	"planatlas/indicators"
	"planatlas/lang"
	"planatlas/report"
)

// value is what a map or chart shows: an indicator or an index in the
// outputs' year.
type value struct {
	label    string
	unit     string // in the run's language
	need     indicators.Need
	decimals int
	values   []float64
	flags    []datasets.Flag
	city     float64
	smooth   string // the smoothing method, if any
	index    *indexResult
	year     int       // the year of the values (an index's own year)
	mss      bool      // the dynamic index of an MSS
	all      []float64 // an indicator's published values of all years (for bounds held fixed)
	coverage string    // " (Abdeckung 97,3 %)" where the city's value covers less than all residents
}

// value returns what a map or chart shows of id in the outputs' year
// (an index: in its own year).
func (r *runner) value(id string) value { return r.valueAt(id, r.year) }

// valueAt returns an indicator's values in year, which is in the data
// (figureYear checked it), or an index's in its own year.
func (r *runner) valueAt(id string, year int) value {
	yi := r.panel.YearIndex(year)
	for k, d := range r.c.indicators {
		if d.ID == id {
			flags := r.yearFlags(r.values[k].Flags, yi)
			city := r.city[k].Values[yi]
			if r.city[k].Flags[yi]&datasets.Suppressed != 0 {
				city = math.NaN()
			}
			return value{
				label: d.Label.In(r.c.lang), unit: d.Unit.In(r.c.lang), need: d.Need, decimals: d.Decimals,
				values: published(r.yearValues(r.values[k].Values, yi), flags), flags: flags, city: city, smooth: d.Smooth,
				all: published(r.values[k].Values, r.values[k].Flags), year: year,
				coverage: r.coverageNote(r.levels[len(r.levels)-1], k, yi),
			}
		}
	}
	for _, ix := range r.indices {
		if ix.mss != nil && id == ix.spec.id+MSSDynamicSuffix {
			label := ix.spec.label.In(r.c.lang) + r.lp.Sprintf(" – dynamics")
			return value{label: label, need: indicators.HigherIsNeed, decimals: 2, year: ix.year, mss: true,
				values: ix.mss.DynamicIndex, flags: make([]datasets.Flag, len(ix.mss.DynamicIndex)), city: math.NaN()}
		}
		if ix.spec.id == id {
			// An area without an index value carries its components' flags,
			// so that a map says "confidential" where that is the reason.
			iy := r.panel.YearIndex(ix.year)
			flags := make([]datasets.Flag, len(ix.ix.Values))
			for a, v := range ix.ix.Values {
				if !math.IsNaN(v) {
					continue
				}
				for _, c := range ix.spec.components {
					flags[a] |= r.yearFlags(r.values[c.indicator].Flags, iy)[a]
				}
			}
			return value{label: ix.spec.label.In(r.c.lang), need: indicators.HigherIsNeed, decimals: 2, year: ix.year,
				values: ix.ix.Values, flags: flags, city: math.NaN(), index: ix}
		}
	}
	panic("plan: unknown value " + id) // Validate checked every name
}

// published returns the values a reader may see: suppressed ones become
// NaN (their flags say why).
func published(v []float64, f []datasets.Flag) []float64 {
	out := make([]float64, len(v))
	for i, x := range v {
		if f[i]&datasets.Suppressed != 0 {
			x = math.NaN()
		}
		out[i] = x
	}
	return out
}

func (r *runner) source() string {
	src := r.c.plan.Source.In(r.c.lang)
	if src == "" {
		return r.loc.T("source") + ": " + r.loc.T("own")
	}
	return fmt.Sprintf("%s: %s; %s", r.loc.T("source"), src, r.loc.T("own"))
}

func (r *runner) legendTitle(v value) string {
	if v.index != nil && v.index.mss != nil {
		return r.lp.Sprintf("status index (official classes)")
	}
	if v.mss {
		return r.lp.Sprintf("dynamic index (official classes)")
	}
	if v.index != nil {
		switch v.index.spec.method {
		case "svi":
			return r.lp.Sprintf("percentile rank (0 to 1)")
		case "imd":
			return r.lp.Sprintf("score (weighted exponential ranks)")
		case "pca":
			return r.lp.Sprintf("sum of principal component scores")
		}
		if v.index.spec.scale != "z" && v.index.spec.scale != "z-sample" {
			return r.lp.Sprintf("index value (weighted standardised values)")
		}
		if v.index.spec.mean {
			return r.lp.Sprintf("Index value (mean of weighted z-scores)")
		}
		return r.lp.Sprintf("Index value (sum of weighted z-scores)")
	}
	if v.unit == "" {
		return v.label
	}
	return r.lp.Sprintf("in ") + v.unit
}

// pick chooses between a German and an English text. New texts go
// through the catalog instead (r.lp.Sprintf, lang.M).
func (r *runner) pick(de, en string) string {
	if r.c.lang == "en" {
		return en
	}
	return de
}

func (r *runner) palette(v value, n int) []color.Color {
	if v.need == indicators.LowerIsNeed {
		return report.Palette("YlGnBu", n)
	}
	return report.Palette("YlOrRd", n)
}

// displayAreas returns the areas with their boundaries simplified for
// drawing (outputs: simplify), computed once.
func (r *runner) displayAreas() *geo.Areas {
	if r.display != nil {
		return r.display
	}
	tol := r.simplifyTolerance()
	a := *r.areas
	if tol > 0 {
		a.Geoms = r.areas.Simplify(tol)
	}
	r.display = &a
	return r.display
}

// simplifyTolerance is the tolerance in metres by which maps simplify
// boundaries: outputs: simplify, else a 5000th of the map's extent.
func (r *runner) simplifyTolerance() float64 {
	if s := r.c.plan.Outputs.Simplify; s != nil {
		return *s
	}
	b := r.areas.Bound()
	return math.Max(b.Max[0]-b.Min[0], b.Max[1]-b.Min[1]) / 5000
}

// districtOutlines returns the outlines of the districts (the areas'
// parents, dissolved from the drawn areas) that maps draw over the
// planning areas; nil without districts, or with one district only.
func (r *runner) districtOutlines() []orb.MultiPolygon {
	if r.outlined {
		return r.outlines
	}
	r.outlined = true
	a := r.displayAreas()
	if len(a.Parents) != len(a.Geoms) {
		return nil
	}
	distinct := map[string]bool{}
	for _, p := range a.Parents {
		if p != "" {
			distinct[p] = true
		}
	}
	if len(distinct) > 1 {
		r.outlines = geo.Outlines(a.Geoms, a.Parents)
	}
	return r.outlines
}

func (r *runner) figures() error {
	var classes []classRow
	for i, m := range r.c.maps {
		rows, err := r.drawMap(m, r.layouts[i])
		if err != nil {
			return err
		}
		classes = append(classes, rows...)
	}
	for _, ch := range r.c.charts {
		if ch.Type == "scatter" {
			if err := r.scatterChart(ch); err != nil {
				return err
			}
			continue
		}
		if ch.Type == "trend" {
			if err := r.trendChart(ch); err != nil {
				return err
			}
			continue
		}
		year, err := r.figureYear("chart", ch.Value, ch.Year, ch.Line)
		if err != nil {
			return err
		}
		v := r.valueAt(ch.Value, year)
		fig := r.rankingChart(v, width(ch.Size), ch.top())
		if err := r.writeFigure(ch.name, fig); err != nil {
			return err
		}
		alt, head, rows := r.valueAlt(v)
		if err := r.keepFigure(ch.name, r.lp.Sprintf("Ranking: ")+v.label+r.yearNote(ch.Year), fig, alt, head, rows); err != nil {
			return err
		}
	}
	if err := r.writeClasses(classes); err != nil {
		return err
	}
	if err := r.spatialFigures(); err != nil {
		return err
	}
	if err := r.boundaryMaps(); err != nil {
		return err
	}
	if err := r.projectionCharts(); err != nil {
		return err
	}
	return r.render()
}

// distinctCount counts the distinct values other than NaN.
func distinctCount(v []float64) int {
	seen := map[float64]bool{}
	for _, x := range v {
		if !math.IsNaN(x) {
			seen[x] = true
		}
	}
	return len(seen)
}

// render draws the figures queued by writeFigure and keepFigure, on as
// many goroutines as there are processors: a map of 100,000 areas takes
// a second to rasterise. Each job writes its own file or report slot.
func (r *runner) render() error {
	jobs := r.jobs
	r.jobs = nil
	errs := make([]error, len(jobs))
	analysis.ForEach(len(jobs), func(i int) { errs[i] = jobs[i]() })
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// rankingNote explains the ranking chart's labels.
func (r *runner) rankingNote(v value) string {
	if v.index != nil && v.index.ranges.Lo != nil {
		return r.lp.Sprintf("rank 1 = most need; in brackets: plausible ranks (90 %%)")
	}
	return r.lp.Sprintf("rank 1 = most need")
}

// rankingChart draws the areas ranked by v; a ranking of more than
// 2·top areas shows the first and the last top (ranking.csv and the
// report's table have them all).
func (r *runner) rankingChart(v value, w float64, top int) report.Figure {
	var order []int
	var ranks analysis.Ranking
	if v.index != nil {
		ranks = v.index.ranking
	} else {
		signed := make([]float64, len(v.values))
		for i, x := range v.values {
			signed[i] = x * float64(v.need)
		}
		ranks = analysis.Rank(signed, nil)
	}
	order = ranks.Order
	classes, _ := analysis.Quantiles(v.values, 5)
	colours := r.palette(v, len(classes.Bounds))
	var labels, missing []string
	var vals []float64
	var cols []color.Color
	for _, a := range order {
		if math.IsNaN(v.values[a]) {
			missing = append(missing, r.areas.Names[a])
			continue
		}
		label := fmt.Sprintf("%d. %s", ranks.Rank[a], r.areas.Names[a])
		if v.index != nil && v.index.ranges.Lo != nil && v.index.ranges.Lo[a] > 0 {
			lo, hi := v.index.ranges.Lo[a], v.index.ranges.Hi[a]
			if lo == hi {
				label += fmt.Sprintf(" (%d)", lo)
			} else {
				label += fmt.Sprintf(" (%d–%d)", lo, hi)
			}
		}
		labels = append(labels, label)
		vals = append(vals, v.values[a])
		cols = append(cols, colours[classes.Class(v.values[a])])
	}
	spec := report.BarSpec{
		Title:    v.label,
		Subtitle: fmt.Sprintf("%s %d · %s", r.lp.Sprintf("Ranking of planning areas"), v.year, r.rankingNote(v)),
		Axis:     r.legendTitle(v),
		Source:   r.source(),
		Labels:   labels, Values: vals, Colours: cols,
		Ref: v.city, Decimals: v.decimals, Locale: r.loc, Width: w, Top: top,
	}
	if v.index != nil {
		spec.Ref = 0
		spec.RefLabel = r.lp.Sprintf("mean of planning areas = 0")
	} else if !math.IsNaN(v.city) {
		spec.RefLabel = fmt.Sprintf("%s: %s", r.loc.T("city"), r.loc.Number(v.city, v.decimals))
	}
	if len(missing) > 0 {
		spec.Note = fmt.Sprintf("%s: %s", r.loc.T("notranked"), r.someNames(missing, 20))
	}
	return report.BarChart(spec)
}

// writeFigure queues the figure's files in the plan's image formats;
// render draws them.
func (r *runner) writeFigure(base string, fig report.Figure) error {
	for _, f := range r.c.images {
		r.jobs = append(r.jobs, func() error {
			return r.st.Write(base+"."+f, func(w io.Writer) error { return fig.Write(w, f) })
		})
	}
	return nil
}

func (r *runner) tables() error {
	var lv []report.LevelValues
	var lp []report.LevelPanel
	for _, l := range r.levels {
		lv = append(lv, report.LevelValues{Level: l.id, Keys: l.keys, Names: l.names, Years: r.panel.Years,
			Series: l.values, Lower: l.lower, Upper: l.upper, Versus: l.versus, Coverage: l.coverage})
		lp = append(lp, report.LevelPanel{Level: l.id, Names: l.names, Panel: l.panel, Coverage: l.varCoverage})
	}
	var varNames []string
	for _, v := range r.c.variables {
		varNames = append(varNames, v.name)
	}
	// areas.parquet is GeoParquet: areas.csv's columns and the
	// boundaries (AreaGeoFrame), encoded only if the plan asks for
	// Parquet.
	areas := report.AreaFrame(r.loc, r.areas, r.weights)
	areasGeo := func(yield func(*datasets.Frame) error) error {
		f, err := report.AreaGeoFrame(areas, r.areas)
		if err != nil {
			return err
		}
		return yield(f)
	}
	frames := []struct {
		name    string
		frame   datasets.Parts
		parquet datasets.Parts // nil: frame
	}{
		{"indicators", report.IndicatorParts(r.loc, r.c.indicators, lv), nil},
		{"variables", report.VariableParts(r.loc, varNames, lp), nil},
		{"areas", datasets.Whole(areas), areasGeo},
	}
	if len(r.indices) > 0 {
		var ranked []report.RankedIndex
		for _, ix := range r.indices {
			var comps []string
			var hidden [][]bool
			iy := r.panel.YearIndex(ix.year)
			for _, c := range ix.spec.components {
				comps = append(comps, r.c.indicators[c.indicator].Label.In(r.c.lang))
				h := make([]bool, len(r.areas.Keys))
				for a, f := range r.yearFlags(r.values[c.indicator].Flags, iy) {
					h[a] = f&datasets.Suppressed != 0
				}
				hidden = append(hidden, h)
			}
			ranked = append(ranked, report.RankedIndex{
				ID: ix.spec.id, Label: ix.spec.label.In(r.c.lang), Year: ix.year,
				Keys: r.areas.Keys, Names: r.areas.Names, Districts: r.areas.ParentNames,
				Values: ix.ix.Values, Ranking: ix.ranking, Components: comps, Contrib: ix.ix.Contrib, Hidden: hidden,
				Lo: ix.ranges.Lo, Hi: ix.ranges.Hi,
			})
		}
		frames = append(frames, struct {
			name    string
			frame   datasets.Parts
			parquet datasets.Parts
		}{"ranking", datasets.Whole(report.RankingFrame(r.loc, ranked)), nil})
	}
	// The long tables are written side by side; their sheets and notes
	// are taken in order afterwards.
	sheets := make([][]datasets.Sheet, len(frames))
	notes := make([][]lang.Message, len(frames))
	errs := make([]error, len(frames))
	analysis.ForEach(len(frames), func(i int) {
		sheets[i], notes[i], errs[i] = r.writeTable(frames[i].name, frames[i].frame, frames[i].parquet)
	})
	for i := range frames {
		if errs[i] != nil {
			return errs[i]
		}
		r.sheets = append(r.sheets, sheets[i]...)
		r.notes = append(r.notes, notes[i]...)
	}
	if err := r.writeWeights(); err != nil {
		return err
	}
	if err := r.writeMSS(); err != nil {
		return err
	}
	if err := r.writeGoals(); err != nil {
		return err
	}
	if err := r.writeMeasures(); err != nil {
		return err
	}
	if err := r.writeTrends(); err != nil {
		return err
	}
	if err := r.writeCrosswalk(); err != nil {
		return err
	}
	if err := r.writeOlder(); err != nil {
		return err
	}
	if err := r.writeProjection(); err != nil {
		return err
	}
	if err := r.writeSurveys(); err != nil {
		return err
	}
	if err := r.writePCA(); err != nil {
		return err
	}
	if err := r.spatialTables(); err != nil {
		return err
	}
	if err := r.writeWorkbook(); err != nil {
		return err
	}
	return r.st.Write("areas.geojson", func(w io.Writer) error { return geo.WriteGeoJSON(w, r.areas, r.geoProperties()) })
}

// geoProperties are the attributes of areas.geojson: identity (with the
// district and, given levels, each level's key and name as ID_key and
// ID_name), size, and every indicator and index in the outputs' year.
func (r *runner) geoProperties() []geo.Property {
	a := r.areas
	km2 := a.AreasM2()
	for i := range km2 {
		km2[i] = math.Round(km2[i]/1e6*1e4) / 1e4
	}
	props := []geo.Property{
		{Name: "key", Text: a.Keys},
		{Name: "name", Text: a.Names},
		{Name: "district_key", Text: a.Parents},
		{Name: "district", Text: a.ParentNames},
	}
	// Each level's key and name (the districts are one of them).
	if !r.c.simpleParent {
		for _, l := range r.levels[1 : len(r.levels)-1] {
			keys, names := make([]string, len(a.Keys)), make([]string, len(a.Keys))
			for i, u := range l.member {
				keys[i], names[i] = l.keys[u], l.names[u]
			}
			props = append(props, geo.Property{Name: l.id + "_key", Text: keys}, geo.Property{Name: l.id + "_name", Text: names})
		}
	}
	props = append(props, geo.Property{Name: AreaVariable, Num: km2})
	yi := r.panel.YearIndex(r.year)
	for k, d := range r.c.indicators {
		props = append(props, geo.Property{Name: d.ID, Num: published(r.yearValues(r.values[k].Values, yi), r.yearFlags(r.values[k].Flags, yi))})
	}
	for _, ix := range r.indices {
		rank := make([]float64, len(ix.ranking.Rank))
		for i, v := range ix.ranking.Rank {
			rank[i] = float64(v)
			if v == 0 {
				rank[i] = math.NaN()
			}
		}
		props = append(props, geo.Property{Name: ix.spec.id, Num: ix.ix.Values}, geo.Property{Name: ix.spec.id + "_rank", Num: rank})
	}
	return props
}

// writeFrame writes a table in every format the plan asks for, as
// base.csv, base.parquet, base.arrow.
func (r *runner) writeFrame(base string, f *datasets.Frame) error {
	return r.writeParts(base, datasets.Whole(f))
}

// excelRows is the most rows a worksheet holds, the heading included.
const excelRows = 1 << 20

// writeParts writes a table given in parts in every format the plan asks
// for. A table too long for a worksheet is left out of tables.xlsx with a
// note; the other formats have it whole.
func (r *runner) writeParts(base string, parts datasets.Parts) error {
	sheets, notes, err := r.writeTable(base, parts, nil)
	r.sheets = append(r.sheets, sheets...)
	r.notes = append(r.notes, notes...)
	return err
}

// writeTable is writeParts without changing the runner: it returns the
// table's sheet for tables.xlsx and its notes, so that tables can be
// written on several goroutines. CSV and XLSX get the values of text
// columns in the run's language, Parquet and Arrow their codes
// (readable). parquet, if not nil, is what base.parquet is written from
// instead of parts: the same table with columns only Parquet holds
// (areas.parquet's geometries).
func (r *runner) writeTable(base string, parts, parquet datasets.Parts) ([]datasets.Sheet, []lang.Message, error) {
	if parquet == nil {
		parquet = parts
	}
	var sheets []datasets.Sheet
	var notes []lang.Message
	for _, format := range r.c.tables {
		var err error
		switch format {
		case "csv":
			err = r.st.Write(base+".csv", func(w io.Writer) error { return datasets.WriteCSVParts(w, r.readable(parts), r.c.csv) })
		case "parquet":
			err = r.st.Write(base+".parquet", func(w io.Writer) error { return datasets.WriteParquetParts(w, parquet) })
		case "arrow":
			err = r.st.Write(base+".arrow", func(w io.Writer) error { return datasets.WriteIPCParts(w, parts) })
		case "xlsx":
			// One workbook for all tables, written at the end.
			f, rows, ok, cerr := datasets.Collect(r.readable(parts), excelRows-1)
			if cerr != nil {
				return nil, nil, cerr
			}
			if !ok {
				notes = append(notes, lang.M("tables.xlsx: %s left out, %d rows are more than a worksheet holds (%d); it is in the other table formats", base, rows, excelRows-1))
				continue
			}
			sheets = append(sheets, datasets.Sheet{Name: r.sheetName(base), Frame: f})
		}
		if err != nil {
			return nil, nil, err
		}
	}
	return sheets, notes, nil
}

// writeWorkbook writes tables.xlsx with a sheet per table, if the plan
// asks for xlsx.
func (r *runner) writeWorkbook() error {
	sheets := append(r.sheets, r.xlsxLast...)
	if len(sheets) == 0 {
		return nil
	}
	return r.st.Write("tables.xlsx", func(w io.Writer) error { return datasets.WriteXLSX(w, sheets) })
}

// scatterChart draws one indicator against another over the areas, with
// the least-squares line and Pearson's r.
func (r *runner) scatterChart(ch ChartSpec) error {
	yx, err := r.figureYear("chart", ch.X, ch.Year, ch.Line)
	if err != nil {
		return err
	}
	yy, err := r.figureYear("chart", ch.Value, ch.Year, ch.Line)
	if err != nil {
		return err
	}
	vx, vy := r.valueAt(ch.X, yx), r.valueAt(ch.Value, yy)
	var xs, ys []float64
	for i := range vx.values {
		if !math.IsNaN(vx.values[i]) && !math.IsNaN(vy.values[i]) {
			xs, ys = append(xs, vx.values[i]), append(ys, vy.values[i])
		}
	}
	if len(xs) < 3 {
		return errAt(r.c.plan.File, ch.Line, "chart scatter %s–%s: fewer than 3 areas have both values", ch.X, ch.Value)
	}
	var mx, my float64
	for i := range xs {
		mx += xs[i]
		my += ys[i]
	}
	n := float64(len(xs))
	mx, my = mx/n, my/n
	var sxx, syy, sxy float64
	for i := range xs {
		sxx += (xs[i] - mx) * (xs[i] - mx)
		syy += (ys[i] - my) * (ys[i] - my)
		sxy += (xs[i] - mx) * (ys[i] - my)
	}
	b := sxy / sxx
	a := my - b*mx
	rho := sxy / math.Sqrt(sxx*syy)
	axis := func(v value) string {
		if v.unit != "" {
			return v.label + " (" + v.unit + ")"
		}
		return v.label
	}
	fig := report.Scatter(report.ScatterSpec{
		Title:    fmt.Sprintf("%s – %s", vy.label, vx.label),
		Subtitle: fmt.Sprintf("%s %s · %d %s", r.lp.Sprintf("Planning areas"), yearSpan(vx.year, vy.year), len(xs), r.lp.Sprintf("planning areas with both values")),
		XLabel:   axis(vx), YLabel: axis(vy), Source: r.source(), X: vx.values, Y: vy.values,
		Slope: b, Intercept: a, SlopeLabel: "r = " + r.loc.Number(rho, 2), Locale: r.loc, Raw: true,
		Decimals: [2]int{vx.decimals, vy.decimals},
	})
	name := ch.name
	if err := r.writeFigure(name, fig); err != nil {
		return err
	}
	alt := r.lp.Sprintf("Over %d planning areas, %s and %s correlate with r = %s; per unit of %s, %s rises by %s.",
		len(xs), vx.label, vy.label, r.loc.Number(rho, 2), vx.label, vy.label, r.loc.Number(b, 3))
	h := report.Headings(r.loc)
	var rows [][]string
	for i := range vx.values {
		if !math.IsNaN(vx.values[i]) && !math.IsNaN(vy.values[i]) {
			rows = append(rows, []string{r.areas.Keys[i], r.areas.Names[i], r.loc.Number(vx.values[i], vx.decimals), r.loc.Number(vy.values[i], vy.decimals)})
		}
	}
	return r.keepFigure(name, r.lp.Sprintf("Scatter: ")+vy.label+" – "+vx.label+r.yearNote(ch.Year), fig, alt,
		[]string{h["key"], h["name"], vx.label, vy.label}, rows)
}

// trendChart draws an indicator's development for the city and each
// district (or, without districts, each area) as small multiples.
func (r *runner) trendChart(ch ChartSpec) error {
	k := -1
	for i, d := range r.c.indicators {
		if d.ID == ch.Value {
			k = i
		}
	}
	d := r.c.indicators[k]
	cityLv := r.levels[len(r.levels)-1]
	units := r.levels[0]
	if d := r.districtLevel(); d != nil {
		units = d
	}
	// The years the indicator has a value in: an input of other years
	// (the MSS of 2020 beside population from 2021) does not stretch
	// the axis.
	first, last := r.valueSpan(k)
	years := r.panel.Years[first : last+1]
	series := func(l *level, u int) []float64 {
		n := len(l.keys)
		out := make([]float64, len(years))
		for y := range years {
			c := (first+y)*n + u
			v := l.values[k].Values[c]
			if l.values[k].Flags[c]&datasets.Suppressed != 0 {
				v = math.NaN()
			}
			out[y] = v
		}
		return out
	}
	spec := report.TrendSpec{
		Title:    d.Label.In(r.c.lang),
		Subtitle: r.lp.Sprintf("Development %s–%s; grey: city", strconv.Itoa(years[0]), strconv.Itoa(years[len(years)-1])),
		Source:   r.source(), Years: years, Decimals: d.Decimals, Locale: r.loc, Width: width(ch.Size),
	}
	spec.Names = append(spec.Names, cityLv.names[0])
	spec.Series = append(spec.Series, series(cityLv, 0))
	for u := range units.keys {
		spec.Names = append(spec.Names, units.names[u])
		spec.Series = append(spec.Series, series(units, u))
	}
	if spec.Break = r.boundaryBreak(years); spec.Break > 0 {
		est := [][]bool{estimatedYears(cityLv.values[k], 1, 0, first, len(years))}
		for u := range units.keys {
			est = append(est, estimatedYears(units.values[k], len(units.keys), u, first, len(years)))
		}
		mark := r.lp.Sprintf("; dashed vertical line: new planning areas from %d", lang.Digits(spec.Break))
		for _, e := range est {
			if e != nil {
				spec.Estimated = est
				mark = r.lp.Sprintf("; dashed vertical line: new planning areas from %d; dashed red line: estimated", lang.Digits(spec.Break))
				break
			}
		}
		spec.Subtitle += mark
	}
	fig := report.Trends(spec)
	name := ch.name
	if err := r.writeFigure(name, fig); err != nil {
		return err
	}
	h := report.Headings(r.loc)
	head := append([]string{h["year"]}, spec.Names...)
	var rows [][]string
	var alt []string
	for y, yr := range years {
		row := []string{fmt.Sprint(yr)}
		for _, ser := range spec.Series {
			cell := ""
			if !math.IsNaN(ser[y]) {
				cell = r.loc.Number(ser[y], d.Decimals)
			}
			row = append(row, cell)
		}
		rows = append(rows, row)
	}
	for p, ser := range spec.Series {
		tr := analysis.ComputeTrend(floatYears(years), ser, 0.05)
		if tr.N >= 3 {
			alt = append(alt, spec.Names[p]+" "+map[int]string{1: r.lp.Sprintf("rising"), -1: r.lp.Sprintf("falling"), 0: r.lp.Sprintf("no clear trend")}[tr.Class])
		}
	}
	return r.keepFigure(name, r.lp.Sprintf("Development: ")+d.Label.In(r.c.lang), fig, strings.Join(alt, "; ")+".", head, rows)
}

// valueSpan returns the first and last year (as indices of the panel's
// years) in which indicator k has a value in some area; all years if it
// has none.
func (r *runner) valueSpan(k int) (first, last int) {
	n := len(r.levels[0].keys)
	vals := r.values[k].Values
	first, last = -1, -1
	for y := range r.panel.Years {
		for a := 0; a < n; a++ {
			if !math.IsNaN(vals[y*n+a]) {
				if first < 0 {
					first = y
				}
				last = y
				break
			}
		}
	}
	if first < 0 {
		return 0, len(r.panel.Years) - 1
	}
	return first, last
}

// diverging classifies values into quantile classes below and above
// centre (the city's value, or 0 for a change), k/2 on each side (centre
// a class bound), and colours them blue below and red above, reversed
// where a lower value means more need.
func (r *runner) diverging(v value, pool []float64, k int, centre float64) (analysis.Classes, []color.Color, error) {
	var low, high []float64
	for _, x := range pool {
		switch {
		case math.IsNaN(x):
		case x <= centre:
			low = append(low, x)
		default:
			high = append(high, x)
		}
	}
	kLow, kHigh := k/2, k-k/2
	var bounds []float64
	if len(low) > 0 {
		cl, err := analysis.Quantiles(low, kLow)
		if err != nil {
			return analysis.Classes{}, nil, err
		}
		bounds = append(bounds, cl.Bounds[:len(cl.Bounds)-1]...)
		bounds = append(bounds, centre)
		kLow = len(cl.Bounds)
	} else {
		kLow = 0
	}
	if len(high) > 0 {
		ch, err := analysis.Quantiles(high, kHigh)
		if err != nil {
			return analysis.Classes{}, nil, err
		}
		bounds = append(bounds, ch.Bounds...)
		kHigh = len(ch.Bounds)
	} else {
		kHigh = 0
	}
	classes, err := analysis.Manual(v.values, bounds)
	if err != nil {
		return classes, nil, err
	}
	classes.Method = "diverging"
	return classes, divergingColours(v.need, kLow, kHigh), nil
}

// divergingColours colours kLow classes below a centre and kHigh above
// it, each side darkest farthest from the centre: blue below and red
// above, or red below and blue above where a lower value means more
// need (a fall is then the worse).
func divergingColours(need indicators.Need, kLow, kHigh int) []color.Color {
	half := max(kLow, kHigh)
	pal := report.Palette("RdBu", 2*half) // dark red … light red, light blue … dark blue
	var cols []color.Color
	if need == indicators.LowerIsNeed {
		for i := 0; i < kLow; i++ {
			cols = append(cols, pal[half-kLow+i])
		}
		for i := 0; i < kHigh; i++ {
			cols = append(cols, pal[half+i])
		}
		return cols
	}
	for i := 0; i < kLow; i++ {
		cols = append(cols, pal[half+kLow-1-i])
	}
	for i := 0; i < kHigh; i++ {
		cols = append(cols, pal[half-1-i])
	}
	return cols
}

func (r *runner) labelsIf(on bool) []string {
	if !on {
		return nil
	}
	return r.areas.Names
}

func (r *runner) labelPoints(on bool) []orb.Point {
	if !on {
		return nil
	}
	return r.displayAreas().LabelPoints()
}

// width is a figure's page width for a plan's size: 0 (the A4 portrait
// column) unless landscape.
func width(size string) float64 {
	if size == "landscape" {
		return report.Landscape
	}
	return 0
}
