package plan

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"planatlas/datasets"
)

// outputValues lists what maps, charts and spatial statistics may show:
// the indicators, the indices and the MSS's dynamic indices.
func (chk *checker) outputValues() {
	p, c := chk.p, chk.c
	chk.values = append(indicatorIDs(c.indicators), p.Indices.Names()...)
	for _, ix := range c.indices {
		if ix.mss {
			chk.values = append(chk.values, ix.id+MSSDynamicSuffix)
		}
	}
}

// isValue reports whether v can be mapped or charted.
func (chk *checker) isValue(v string) bool { return contains(chk.values, v) }

// claim reserves an output's file name; a second claim is an error.
func (chk *checker) claim(name string, line int) {
	if first, dup := chk.seen[name]; dup {
		chk.fail(line, "the output %q is named twice (first on line %d)", name, first)
	}
	chk.seen[name] = line
}

// SpatialSpec names the indicators and indices that get spatial
// statistics: global Moran's I, Geary's C, General G, local Moran (LISA)
// and Getis–Ord Gi*, with permutation tests.
type SpatialSpec struct {
	Values       []string `yaml:"values"`
	Permutations int      `yaml:"permutations"` // 999 if absent
	Alpha        float64  `yaml:"alpha"`        // of the cluster map; 0.05 if absent
	FDR          bool     `yaml:"fdr"`          // Benjamini–Hochberg adjusted pseudo p for the clusters
	Line         int      `yaml:"-"`
}

// OutputsSpec says what is written.
type OutputsSpec struct {
	Year        int          `yaml:"year"` // year of maps, charts and ranking; the last if absent
	Maps        []MapSpec    `yaml:"maps"`
	Charts      []ChartSpec  `yaml:"charts"`
	Tables      []string     `yaml:"tables"`       // csv, parquet, arrow
	Images      []string     `yaml:"images"`       // svg, png
	CSV         string       `yaml:"csv"`          // german or international; by language if absent
	Pyramid     *PyramidSpec `yaml:"pyramid"`      // population pyramids in the report's profiles
	Report      *bool        `yaml:"report"`       // report.html; true if absent
	Profiles    *bool        `yaml:"profiles"`     // a profile per planning area in the report; true if absent
	Alpha       float64      `yaml:"alpha"`        // significance of trends; 0.05 if absent
	ChangeYears int          `yaml:"change_years"` // the span of the change in trends.csv; 5 if absent
	// Simplify is the tolerance in metres to which the maps' boundaries
	// are simplified (shared boundaries stay shared); 0 draws them as
	// they are. If absent, a quarter of a printed pixel: the map's width
	// divided by 5000.
	Simplify *float64 `yaml:"simplify"`
	Line     int      `yaml:"-"`
}

// MapSpec is one choropleth map.
type MapSpec struct {
	Value string `yaml:"value"` // an indicator or index
	// ID names the map's file (map-<id>.svg) instead of its value, so
	// that one value can be mapped twice, say with two classifications.
	ID string `yaml:"id"`
	// Year is the year mapped; the outputs' year if absent. A map of
	// another year has the year in its file name (map-anteil_u6-2021).
	Year int `yaml:"year"`
	// Change maps an indicator's change between two years instead of
	// its value in one.
	Change  ChangeSpec  `yaml:"change"`
	change  *ChangeSpec // Change, if the plan gives it
	asked   bool        // the plan gives the number of classes
	mss     bool        // the MSS's official classes: each area in the class the MSS gives it
	name    string      // the file's name without extension
	Classes int         `yaml:"classes"`
	Method  string      `yaml:"method"` // quantile (default), equal, fisher, stdmean, box, headtails, maximum, manual
	Bounds  []float64   `yaml:"bounds"` // manual: the classes' upper bounds
	// Palette diverging splits the classes at the city's value: quantile
	// classes below it in blue, above it in red (reversed where a lower
	// value means more need). Sequential if absent.
	Palette string `yaml:"palette"`
	// Labels writes the areas' names on the map where they fit.
	Labels bool `yaml:"labels"`
	// Size is portrait (a column of an A4 page, the default) or landscape
	// (across an A4 landscape page).
	Size string `yaml:"size"`
	// AllYears classifies the values of all years together, so that the
	// bounds stay the same from one edition of the plan to the next.
	AllYears bool `yaml:"all_years"`
	Line     int  `yaml:"-"`
}

// ChangeSpec is a change map's two years and how the change is
// measured: absolute, the difference in the indicator's unit
// (percentage points for a share), or relative, in per cent of the
// first year's value.
type ChangeSpec struct {
	From int    `yaml:"from"`
	To   int    `yaml:"to"`
	Kind string `yaml:"kind"` // absolute (default) or relative
	Line int    `yaml:"-"`
}

// relative reports whether the change is in per cent.
func (c *ChangeSpec) relative() bool { return c.Kind == "relative" }

// ChartSpec is one chart.
type ChartSpec struct {
	Type  string `yaml:"type"`  // ranking (default), scatter, or trend (small multiples: city and districts over the years)
	Value string `yaml:"value"` // ranking: the indicator or index; scatter: the vertical axis
	X     string `yaml:"x"`     // scatter: the indicator on the horizontal axis
	Size  string `yaml:"size"`  // portrait (default) or landscape; ranking and trend
	ID    string `yaml:"id"`    // names the file (ranking-<id>.svg) instead of the value
	Year  int    `yaml:"year"`  // ranking and scatter: the year shown; the outputs' year if absent
	// Top is how many areas a long ranking shows at each end: a ranking
	// of more than twice as many areas shows the first and the last Top
	// with a marker for those between. 25 if absent (15 for landscape).
	Top  *int `yaml:"top"`
	name string
	Line int `yaml:"-"`
}

// DefaultTop is how many areas a long ranking chart shows at each end:
// 50 bars and the marker between them fit a column of an A4 page.
const DefaultTop = 25

// defaultTopLandscape is DefaultTop for an A4 landscape page.
const defaultTopLandscape = 15

// top returns how many areas a ranking shows at each end.
func (ch ChartSpec) top() int {
	switch {
	case ch.Top != nil:
		return *ch.Top
	case ch.Size == "landscape":
		return defaultTopLandscape
	}
	return DefaultTop
}

// checkSpatial checks the spatial statistics' values and parameters.
func (chk *checker) checkSpatial() {
	p := chk.p
	sp := p.Spatial
	for _, v := range sp.Values {
		if !chk.isValue(v) {
			chk.fail(sp.Line, "spatial: %q is not an indicator or index%s%s", v, chk.unavailable(v), didYouMean(v, chk.values))
		}
	}
	if sp.Permutations < 0 || sp.Permutations > 99999 {
		chk.fail(sp.Line, "spatial: permutations %d: use 99 to 99999 (999 if absent)", sp.Permutations)
	}
	if sp.Alpha < 0 || sp.Alpha >= 1 {
		chk.fail(sp.Line, "spatial: alpha %g: a significance level between 0 and 1, such as 0.05", sp.Alpha)
	}
}

// figureID is what an id of a map or chart may be: it names a file.
var figureID = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$`)

// checkFigureYear checks a map's or chart's year: plausible, and for an
// index the year it is computed for, where the plan says that year.
func (chk *checker) checkFigureYear(what, value string, year, line int) {
	if year == 0 {
		return
	}
	if !datasets.PlausibleYear(year) {
		chk.fail(line, "%s %q: year %d is not a plausible year (%d–%d): a typo?", what, value, year, datasets.FirstYear, datasets.LastYear)
		return
	}
	if ix := chk.indexOf(value); ix != nil {
		iy := ix.year
		if iy == 0 {
			iy = chk.p.Outputs.Year
		}
		if iy != 0 && iy != year {
			chk.fail(line, "%s %q: year %d, but the index is computed for %d; an index ranks one year (set the index's year, or leave out year here)", what, value, year, iy)
		}
	}
}

// indexOf returns the index an output value names (an index or an MSS's
// dynamic index), or nil for an indicator.
func (chk *checker) indexOf(v string) *index {
	for _, ix := range chk.c.indices {
		if v == ix.id || ix.mss && v == ix.id+MSSDynamicSuffix {
			return ix
		}
	}
	return nil
}

// figureName is the file name (without extension) of a map or chart:
// kind-id if the plan names it, else kind-value, with the year where it
// is not the outputs' year.
func (chk *checker) figureName(kind, id, value string, year int) string {
	if id != "" {
		return kind + "-" + id
	}
	if year != 0 && year != chk.p.Outputs.Year {
		return fmt.Sprintf("%s-%s-%d", kind, value, year)
	}
	return kind + "-" + value
}

// checkFigureID checks a map's or chart's id.
func (chk *checker) checkFigureID(what, value, id string, line int) {
	if id != "" && !figureID.MatchString(id) {
		chk.fail(line, "%s %q: id %q: use up to 64 letters, digits, _ and - (it names the file)", what, value, id)
	}
}

// checkMaps checks each map: its value, classes, method and palette.
func (chk *checker) checkMaps() {
	c := chk.c
	for _, m := range chk.p.Outputs.Maps {
		if !chk.isValue(m.Value) {
			chk.fail(m.Line, "map: %q is not an indicator or index%s%s", m.Value, chk.unavailable(m.Value), didYouMean(m.Value, chk.values))
		}
		if m.Change != (ChangeSpec{}) {
			ch := m.Change
			m.change = &ch
		}
		m.asked = m.Classes != 0
		if m.Classes == 0 {
			m.Classes = 5
			if m.change != nil {
				m.Classes = 6 // three on each side of 0
			}
		}
		if m.Classes < 2 || m.Classes > 7 {
			chk.fail(m.Line, "map %q: %d classes; use 2 to 7", m.Value, m.Classes)
		}
		if m.Method == "" && m.change == nil && mssValue(c.indices, m.Value) {
			// The MSS's own classes: each area in the class the MSS
			// gives it (a bound belongs to the class nearer the middle).
			m.Method, m.Bounds, m.mss = "manual", []float64{-1, 1, 1.5}, true
			if strings.HasSuffix(m.Value, MSSDynamicSuffix) {
				m.Bounds = []float64{-1, 1}
			}
		}
		switch m.Method {
		case "", "quantile":
			m.Method = "quantile"
		case "equal", "fisher", "stdmean", "box", "headtails", "maximum":
		case "manual":
			if len(m.Bounds) == 0 {
				chk.fail(m.Line, "map %q: manual classes need their upper bounds (bounds: [10, 20, 30])", m.Value)
			}
			for i := 1; i < len(m.Bounds); i++ {
				if !(m.Bounds[i] > m.Bounds[i-1]) {
					chk.fail(m.Line, "map %q: bounds must increase: %v after %v", m.Value, m.Bounds[i], m.Bounds[i-1])
					break
				}
			}
		default:
			chk.fail(m.Line, "map %q: classification %q: use quantile, equal, fisher, stdmean, box, headtails, maximum or manual", m.Value, m.Method)
		}
		if m.Size != "" && m.Size != "portrait" && m.Size != "landscape" {
			chk.fail(m.Line, "map %q: size %q: use portrait or landscape", m.Value, m.Size)
		}
		switch m.Palette {
		case "", "sequential":
			if m.Palette != "" && m.change != nil {
				chk.fail(m.Line, "map %q: a change map is diverging, blue and red on each side of 0; leave out palette", m.Value)
			}
		case "diverging":
			if m.Classes > 6 {
				chk.fail(m.Line, "map %q: a diverging map has at most 6 classes, 3 on each side of the city's value", m.Value)
			}
			if m.Method != "quantile" && m.change == nil {
				chk.fail(m.Line, "map %q: a diverging map uses quantiles on each side of the city's value; leave out method", m.Value)
			}
		default:
			chk.fail(m.Line, "map %q: palette %q: use sequential or diverging", m.Value, m.Palette)
		}
		if m.Method != "manual" && len(m.Bounds) > 0 {
			chk.fail(m.Line, "map %q: bounds are for method: manual", m.Value)
		}
		chk.checkFigureID("map", m.Value, m.ID, m.Line)
		chk.checkFigureYear("map", m.Value, m.Year, m.Line)
		if m.change != nil {
			chk.checkChange(&m)
			suffix := "change"
			if m.change.relative() {
				suffix = "change-relative"
			}
			m.name = chk.figureName("map", m.ID, fmt.Sprintf("%s-%s-%d-%d", m.Value, suffix, m.change.From, m.change.To), 0)
		} else {
			m.name = chk.figureName("map", m.ID, m.Value, m.Year)
		}
		chk.claim(m.name, m.Line)
		c.maps = append(c.maps, m)
	}
}

// checkChange checks a change map: two plausible years in order, a
// known kind, an indicator (not an index), and classes around 0.
func (chk *checker) checkChange(m *MapSpec) {
	ch := m.change
	line := ch.Line
	if ch.From == 0 || ch.To == 0 {
		chk.fail(line, "map %q: change needs the years from and to, such as change: {from: 2019, to: 2024}", m.Value)
	}
	for _, y := range []int{ch.From, ch.To} {
		if y != 0 && !datasets.PlausibleYear(y) {
			chk.fail(line, "map %q: change: year %d is not a plausible year (%d–%d): a typo?", m.Value, y, datasets.FirstYear, datasets.LastYear)
		}
	}
	if ch.From != 0 && ch.To != 0 && ch.From >= ch.To {
		chk.fail(line, "map %q: change from %d to %d: from must be the earlier year", m.Value, ch.From, ch.To)
	}
	switch ch.Kind {
	case "":
		ch.Kind = "absolute"
	case "absolute", "relative":
	default:
		chk.fail(line, "map %q: change kind %q: use absolute (the difference; percentage points for a share) or relative (in per cent)", m.Value, ch.Kind)
	}
	if m.Year != 0 {
		chk.fail(m.Line, "map %q: a change map has its years in change (from, to); leave out year", m.Value)
	}
	if chk.indexOf(m.Value) != nil || contains(chk.p.Indices.Names(), m.Value) {
		chk.fail(m.Line, "map %q: a change map is for an indicator; an index ranks one year, and its values of two years do not compare", m.Value)
	}
	if m.AllYears {
		chk.fail(m.Line, "map %q: all_years is for maps of one year; a change map's classes are its changes'", m.Value)
	}
	switch m.Method {
	case "quantile":
	case "manual":
		if len(m.Bounds) > 0 && !slices.Contains(m.Bounds, 0) {
			chk.fail(m.Line, "map %q: a change map's bounds must include 0, where blue turns to red", m.Value)
		}
		below, above := 0, 0
		for _, b := range m.Bounds {
			if b < 0 {
				below++
			} else if b > 0 {
				above++
			}
		}
		if below > 2 || above > 3 {
			chk.fail(m.Line, "map %q: a change map has at most 3 classes on each side of 0: at most 2 bounds below 0 and 3 above", m.Value)
		}
	default:
		chk.fail(m.Line, "map %q: a change map has quantiles on each side of 0 (leave out method) or method: manual with bounds that include 0", m.Value)
	}
	if m.Classes > 6 && m.Method == "quantile" {
		chk.fail(m.Line, "map %q: a change map has at most 6 quantile classes, 3 on each side of 0", m.Value)
	}
}

// checkCharts checks each chart: its type and the values it shows.
func (chk *checker) checkCharts() {
	p, c := chk.p, chk.c
	for _, ch := range p.Outputs.Charts {
		if ch.Type == "" {
			ch.Type = "ranking"
		}
		if ch.Size != "" && ch.Size != "portrait" && ch.Size != "landscape" {
			chk.fail(ch.Line, "chart %q: size %q: use portrait or landscape", ch.Value, ch.Size)
		}
		switch ch.Type {
		case "ranking":
			if ch.X != "" {
				chk.fail(ch.Line, "chart: x is for type scatter")
			}
			if ch.Top != nil && *ch.Top < 1 {
				chk.fail(ch.Line, "chart %q: top %d: how many areas a long ranking shows at each end, such as 25", ch.Value, *ch.Top)
			}
		case "trend":
			if ch.X != "" {
				chk.fail(ch.Line, "chart: x is for type scatter")
			}
			if contains(p.Indices.Names(), ch.Value) || strings.HasSuffix(ch.Value, MSSDynamicSuffix) {
				chk.fail(ch.Line, "chart: a trend is drawn for an indicator; %q is an index of one year", ch.Value)
			}
			if ch.Year != 0 {
				chk.fail(ch.Line, "chart %q: a trend shows every year; leave out year", ch.Value)
			}
		case "scatter":
			if !chk.isValue(ch.X) {
				chk.fail(ch.Line, "chart: scatter needs x, an indicator or index for the horizontal axis%s", didYouMean(ch.X, chk.values))
			}
			chk.checkFigureYear("chart", ch.X, ch.Year, ch.Line)
		default:
			chk.fail(ch.Line, "chart type %q: use ranking, scatter or trend", ch.Type)
		}
		if ch.Type != "ranking" && ch.Top != nil {
			chk.fail(ch.Line, "chart %q: top is for type ranking", ch.Value)
		}
		if !chk.isValue(ch.Value) {
			chk.fail(ch.Line, "chart: %q is not an indicator or index%s%s", ch.Value, chk.unavailable(ch.Value), didYouMean(ch.Value, chk.values))
		}
		chk.checkFigureID("chart", ch.Value, ch.ID, ch.Line)
		if ch.Type != "trend" {
			chk.checkFigureYear("chart", ch.Value, ch.Year, ch.Line)
		}
		value := ch.Value
		if ch.Type == "scatter" {
			value = ch.X + "-" + ch.Value
		}
		ch.name = chk.figureName(ch.Type, ch.ID, value, ch.Year)
		chk.claim(ch.name, ch.Line)
		c.charts = append(c.charts, ch)
	}
}

// checkFormats checks the outputs' formats, years and parameters.
func (chk *checker) checkFormats() {
	c := chk.c
	o := chk.p.Outputs
	// Absent: the default; an empty list ("tables: []"): none.
	c.tables = o.Tables
	if c.tables == nil {
		c.tables = []string{"csv", "parquet"}
	}
	for _, t := range c.tables {
		if t != "csv" && t != "parquet" && t != "arrow" && t != "xlsx" {
			chk.fail(o.Line, "tables: format %q: use csv, parquet, arrow or xlsx", t)
		}
	}
	c.images = o.Images
	if c.images == nil {
		c.images = []string{"svg", "png"}
	}
	for _, f := range c.images {
		if f != "svg" && f != "png" && f != "pdf" {
			chk.fail(o.Line, "images: format %q: use svg, png or pdf", f)
		}
	}
	if o.Alpha < 0 || o.Alpha >= 1 {
		chk.fail(o.Line, "alpha %g: a significance level between 0 and 1, such as 0.05", o.Alpha)
	}
	if o.ChangeYears < 0 || o.ChangeYears > datasets.LastYear-datasets.FirstYear {
		chk.fail(o.Line, "change_years %d: a number of years, such as 5", o.ChangeYears)
	}
	if o.Year != 0 && !datasets.PlausibleYear(o.Year) {
		chk.fail(o.Line, "year %d is not a plausible year (%d–%d): a typo?", o.Year, datasets.FirstYear, datasets.LastYear)
	}
	if o.Simplify != nil && *o.Simplify < 0 {
		chk.fail(o.Line, "simplify %g: a tolerance in metres cannot be negative (0 draws the boundaries as they are)", *o.Simplify)
	}
	switch o.CSV {
	case "":
		c.csv = datasets.GermanCSV
		if c.lang == "en" {
			c.csv = datasets.InternationalCSV
		}
	case "german":
		c.csv = datasets.GermanCSV
	case "international":
		c.csv = datasets.InternationalCSV
	default:
		chk.fail(o.Line, "csv %q: use german or international", o.CSV)
	}
}
