package plan

import (
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
	Value   string    `yaml:"value"` // an indicator or index
	asked   bool      // the plan gives the number of classes
	Classes int       `yaml:"classes"`
	Method  string    `yaml:"method"` // quantile (default), equal, fisher, stdmean, box, headtails, maximum, manual
	Bounds  []float64 `yaml:"bounds"` // manual: the classes' upper bounds
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

// ChartSpec is one chart.
type ChartSpec struct {
	Type  string `yaml:"type"`  // ranking (default), scatter, or trend (small multiples: city and districts over the years)
	Value string `yaml:"value"` // ranking: the indicator or index; scatter: the vertical axis
	X     string `yaml:"x"`     // scatter: the indicator on the horizontal axis
	Size  string `yaml:"size"`  // portrait (default) or landscape; ranking and trend
	Line  int    `yaml:"-"`
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

// checkMaps checks each map: its value, classes, method and palette.
func (chk *checker) checkMaps() {
	c := chk.c
	for _, m := range chk.p.Outputs.Maps {
		if !chk.isValue(m.Value) {
			chk.fail(m.Line, "map: %q is not an indicator or index%s%s", m.Value, chk.unavailable(m.Value), didYouMean(m.Value, chk.values))
		}
		m.asked = m.Classes != 0
		if m.Classes == 0 {
			m.Classes = 5
		}
		if m.Classes < 2 || m.Classes > 7 {
			chk.fail(m.Line, "map %q: %d classes; use 2 to 7", m.Value, m.Classes)
		}
		if m.Method == "" && mssValue(c.indices, m.Value) {
			// The MSS's own classes.
			m.Method, m.Bounds = "manual", []float64{-1, 1, 1.5}
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
		case "diverging":
			if m.Classes > 6 {
				chk.fail(m.Line, "map %q: a diverging map has at most 6 classes, 3 on each side of the city's value", m.Value)
			}
			if m.Method != "quantile" {
				chk.fail(m.Line, "map %q: a diverging map uses quantiles on each side of the city's value; leave out method", m.Value)
			}
		default:
			chk.fail(m.Line, "map %q: palette %q: use sequential or diverging", m.Value, m.Palette)
		}
		if m.Method != "manual" && len(m.Bounds) > 0 {
			chk.fail(m.Line, "map %q: bounds are for method: manual", m.Value)
		}
		chk.claim("map-"+m.Value, m.Line)
		c.maps = append(c.maps, m)
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
		case "trend":
			if ch.X != "" {
				chk.fail(ch.Line, "chart: x is for type scatter")
			}
			if contains(p.Indices.Names(), ch.Value) || strings.HasSuffix(ch.Value, MSSDynamicSuffix) {
				chk.fail(ch.Line, "chart: a trend is drawn for an indicator; %q is an index of one year", ch.Value)
			}
		case "scatter":
			if !chk.isValue(ch.X) {
				chk.fail(ch.Line, "chart: scatter needs x, an indicator or index for the horizontal axis%s", didYouMean(ch.X, chk.values))
			}
		default:
			chk.fail(ch.Line, "chart type %q: use ranking, scatter or trend", ch.Type)
		}
		if !chk.isValue(ch.Value) {
			chk.fail(ch.Line, "chart: %q is not an indicator or index%s%s", ch.Value, chk.unavailable(ch.Value), didYouMean(ch.Value, chk.values))
		}
		name := ch.Type + "-" + ch.Value
		if ch.Type == "scatter" {
			name = "scatter-" + ch.X + "-" + ch.Value
		}
		chk.claim(name, ch.Line)
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
