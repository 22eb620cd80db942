package plan

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"regexp"
	"sort"
	"strings"

	"planatlas/analysis"
	"planatlas/datasets"
	"planatlas/geo"
	"planatlas/indicators"
)

// PointCount is the built-in column of a points input: each point counts
// once, so a variable {input: kitas, column: count} counts the points
// per area.
const PointCount = "count"

// AreaVariable is the built-in variable holding each area's size in km²,
// from its geometry (for densities).
const AreaVariable = "area_km2"

// Checked is a plan with every name resolved and checked, ready to run.
type Checked struct {
	plan           *Plan
	seed           uint64
	lang           string
	crs            geo.CRS
	weights        weightsRule
	inputs         []*input
	variables      []*variable
	indicators     []*indicators.Indicator
	indicatorLines []int               // the plan line of each indicator
	unavailable    map[string][]string // catalog indicators not computed → the variables they lack
	catalogVersion string
	threshold      int      // disclosure control: counts below it are hidden
	counts         []string // the count variables (subject to disclosure control)
	indices        []*index
	goals          []*goal
	pyramid        *input // the input of the population pyramids
	maps           []MapSpec
	charts         []ChartSpec
	tables         []string
	images         []string
	csv            datasets.CSVStyle
	notes          []string
	warnings       []string // notes that report.html shows at its top
}

type input struct {
	name   string
	spec   InputSpec
	format string // csv, parquet, arrow, geometry
	csv    datasets.CSVOptions
	cols   datasets.Spec
	line   int
	// yearFromRun: a geometry file's attributes without a year column
	// are for the outputs' year, or the latest year of the other inputs.
	yearFromRun bool
	pointsTable bool    // points given by x and y columns of a table
	crs         geo.CRS // points: their CRS where the file does not say
}

type variable struct {
	name     string
	in       *input
	column   string
	filters  []datasets.Filter
	agg      indicators.Aggregation
	count    bool
	weighted bool // a count whose values may be fractional
	line     int
}

type index struct {
	id         string
	label      Text
	mean       bool
	mss        bool
	method     string
	scale      string // zsum, zmean: the standardisation
	year       int
	components []component
	dynamic    []component // mss
	valid      *ValidSpec  // mss: the areas that take part
	theme      []int       // svi: the theme of each component
	themes     []string    // svi: theme names
	population string      // svi
	line       int
}

type goal struct {
	id        string
	spec      GoalSpec
	indicator int
	increase  bool
}

type component struct {
	indicator int // position in Checked.indicators
	weight    float64
}

// Summary says what a checked plan will compute.
type Summary struct {
	Inputs, Variables, Indicators, Indices int
	Unavailable                            []string // catalog indicators the plan's variables do not allow
	Notes                                  []string
}

// Summary returns what the plan will compute.
func (c *Checked) Summary() Summary {
	s := Summary{Inputs: len(c.inputs), Variables: len(c.variables), Indicators: len(c.indicators), Indices: len(c.indices), Notes: c.notes}
	for id := range c.unavailable {
		s.Unavailable = append(s.Unavailable, id)
	}
	sort.Strings(s.Unavailable)
	return s
}

// errorList collects the plan's errors so that validate shows them all.
type errorList []error

func (l errorList) Error() string {
	var parts []string
	for _, e := range l {
		parts = append(parts, e.Error())
	}
	return strings.Join(parts, "\n")
}

// BadInput reports that the errors are the user's to fix.
func (l errorList) BadInput() bool { return true }

var identifier = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)

// Validate checks the plan without running it: required fields, names
// and references, formulas, and that every file exists and has the
// columns the plan names. lang overrides the plan's language if not "".
func Validate(p *Plan, src Source, lang string) (*Checked, error) {
	c := &Checked{plan: p, unavailable: map[string][]string{}}
	var errs errorList
	fail := func(line int, format string, args ...any) {
		errs = append(errs, &Error{File: p.File, Line: line, Msg: fmt.Sprintf(format, args...)})
	}

	if p.Version != 1 {
		if p.Version == 0 {
			fail(1, "the plan must begin with \"planatlas: 1\" (the version of the plan format)")
		} else {
			fail(p.Line, "plan format version %d is not supported by this planatlas (it reads version 1)", p.Version)
		}
	}
	c.seed = 1
	if p.Seed != nil {
		c.seed = *p.Seed
	}
	c.lang = p.Language
	if lang != "" {
		c.lang = lang
	}
	switch c.lang {
	case "":
		c.lang = "de"
	case "de", "en":
	default:
		fail(p.Line, "language %q: use de or en", c.lang)
	}

	// Areas.
	if p.Areas.File == "" || p.Areas.Key == "" {
		fail(p.Areas.Line, "areas: file and key are required (the geometry file and the property holding the area key)")
	}
	if p.Areas.CRS != "" {
		crs, err := geo.ParseCRS(p.Areas.CRS)
		if err != nil {
			fail(p.Areas.Line, "areas: %v", err)
		}
		c.crs = crs
	}
	if p.Areas.File != "" && geo.FormatOf(p.Areas.File) == "" {
		fail(p.Areas.Line, "areas: %q is not a geometry file planatlas reads: use GeoJSON (.geojson), a shapefile (.shp with .shx, .dbf, .prj) or a GeoPackage (.gpkg)", p.Areas.File)
	}
	switch p.Areas.Duplicates {
	case "", "error", "merge":
	default:
		fail(p.Areas.Line, "areas: duplicates %q: use error (a key used twice is an error) or merge (its features become one area)", p.Areas.Duplicates)
	}
	if p.Areas.Tolerance < 0 {
		fail(p.Areas.Line, "areas: tolerance %g: a distance in metres cannot be negative", p.Areas.Tolerance)
	}
	var err error
	if c.weights, err = checkWeights(p); err != nil {
		fail(p.Weights.Line, "weights: %v", err)
	}

	// Inputs.
	byInput := map[string]*input{}
	for _, e := range p.Inputs {
		in := &input{name: e.Name, spec: e.Value, line: e.Line}
		s := e.Value
		in.format = s.Format
		if in.format == "" {
			in.format = formatOf(s.File)
		}
		switch in.format {
		case "csv", "parquet", "arrow", "geometry", "grid":
			if s.X != "" || s.Y != "" {
				fail(e.Line, "input %q: x and y are for points (format: points)", e.Name)
			}
		case "points":
			in.pointsTable = geo.FormatOf(s.File) == ""
			if s.Key != "" {
				fail(e.Line, "input %q: points are assigned to the planning areas by their coordinates; remove key", e.Name)
			}
			if in.pointsTable && (s.X == "" || s.Y == "") {
				fail(e.Line, "input %q: points in a table need x and y, the columns with their coordinates (and crs if not EPSG:4326)", e.Name)
			}
			if !in.pointsTable && (s.X != "" || s.Y != "") {
				fail(e.Line, "input %q: the points of %s are its geometries; x and y are for tables", e.Name, s.File)
			}
			if s.CRS != "" {
				crs, err := geo.ParseCRS(s.CRS)
				if err != nil {
					fail(e.Line, "input %q: %v", e.Name, err)
				}
				in.crs = crs
			} else if in.pointsTable {
				in.crs = geo.WGS84
			}
		default:
			fail(e.Line, "input %q: format %q is not supported (csv, parquet, arrow, geometry, points, grid)", e.Name, in.format)
		}
		if s.File == "" || (s.Key == "" && in.format != "points") {
			fail(e.Line, "input %q: file and key are required", e.Name)
		}
		switch s.Delimiter {
		case "":
		case ";", ",":
			in.csv.Delimiter = rune(s.Delimiter[0])
		case "tab", "\t", "\\t":
			in.csv.Delimiter = '\t'
		default:
			fail(e.Line, "input %q: delimiter %q: use \";\", \",\" or tab", e.Name, s.Delimiter)
		}
		switch s.Decimal {
		case "":
		case ",":
			in.csv.Decimal = datasets.DecimalComma
		case ".":
			in.csv.Decimal = datasets.DecimalPoint
		default:
			fail(e.Line, "input %q: decimal %q: use \",\" or \".\"", e.Name, s.Decimal)
		}
		enc, err := datasets.ParseEncoding(s.Encoding)
		if err != nil {
			fail(e.Line, "input %q: %v", e.Name, err)
		}
		in.csv.Encoding = enc
		in.cols = datasets.Spec{Key: s.Key, Year: s.Year.Column, FixedYear: s.Year.Fixed, Dims: s.Dimensions}
		if in.format == "points" && in.pointsTable {
			in.cols.Values = []string{s.X, s.Y}
		}
		if s.Year.Column == "" && s.Year.Fixed == 0 {
			if in.format == "geometry" || in.format == "points" {
				// The attributes of a geometry file are one year: the
				// outputs' year, else the latest of the other inputs.
				in.yearFromRun = true
			} else {
				fail(e.Line, "input %q: year is required: the year column, or the year of a table without one (year: 2024)", e.Name)
			}
		}
		byInput[e.Name] = in
		c.inputs = append(c.inputs, in)
	}

	// Variables.
	byVar := map[string]*variable{}
	var varNames []string
	for _, e := range p.Variables {
		v := &variable{name: e.Name, column: e.Value.Column, line: e.Line}
		if !identifier.MatchString(e.Name) {
			fail(e.Line, "variable name %q: use letters, digits and _ only, starting with a letter (it is used in formulas)", e.Name)
		}
		if e.Name == AreaVariable {
			fail(e.Line, "variable name %q is built in (each area's size from its geometry)", e.Name)
		}
		in, ok := byInput[e.Value.Input]
		switch {
		case e.Value.Input == "":
			fail(e.Line, "variable %q: input is required", e.Name)
		case !ok:
			fail(e.Line, "variable %q: unknown input %q%s", e.Name, e.Value.Input, suggest(e.Value.Input, p.Inputs.Names()))
		}
		if e.Value.Column == "" {
			fail(e.Line, "variable %q: column is required", e.Name)
		}
		v.in = in
		for _, w := range e.Value.Where {
			f, err := datasets.ParseFilter(w.Name, w.Value)
			if err != nil {
				fail(w.Line, "variable %q: %v", e.Name, err)
				continue
			}
			v.filters = append(v.filters, f)
			if in != nil && len(in.spec.Dimensions) > 0 && !contains(in.spec.Dimensions, w.Name) {
				fail(w.Line, "variable %q filters on %q, which is not among the dimensions of input %q (%s)", e.Name, w.Name, in.name, strings.Join(in.spec.Dimensions, ", "))
			}
		}
		switch e.Value.Aggregate {
		case "", "sum":
			if e.Value.Weight != "" {
				fail(e.Line, "variable %q: a weight needs aggregate: mean", e.Name)
			}
		case "mean":
			v.agg = indicators.Aggregation{Mean: true, Weight: e.Value.Weight}
		default:
			fail(e.Line, "variable %q: aggregate %q: use sum or mean", e.Name, e.Value.Aggregate)
		}
		byVar[e.Name] = v
		varNames = append(varNames, e.Name)
		c.variables = append(c.variables, v)
	}
	for _, v := range c.variables {
		if w := v.agg.Weight; w != "" && byVar[w] == nil && w != AreaVariable {
			fail(v.line, "variable %q: weight %q is not a variable%s", v.name, w, suggest(w, varNames))
		}
	}
	// A population pyramid reads its input's age and sex.
	if py := p.Outputs.Pyramid; py != nil {
		in := byInput[py.Input]
		switch {
		case in == nil:
			fail(py.Line, "pyramid: unknown input %q%s", py.Input, suggest(py.Input, p.Inputs.Names()))
		case py.Column == "" || py.Age == "" || py.Sex == "" || py.Male == "" || py.Female == "":
			fail(py.Line, "pyramid: input, column, age, sex, male and female are required")
		default:
			c.pyramid = in
			if !contains(in.cols.Values, py.Column) {
				in.cols.Values = append(in.cols.Values, py.Column)
			}
		}
	}
	// Columns each input must provide.
	for _, in := range c.inputs {
		dims := append([]string(nil), in.spec.Dimensions...)
		if py := p.Outputs.Pyramid; py != nil && c.pyramid == in {
			for _, d := range []string{py.Age, py.Sex} {
				if !contains(dims, d) {
					dims = append(dims, d)
				}
			}
		}
		for _, v := range c.variables {
			if v.in != in {
				continue
			}
			if in.format == "points" && v.column == PointCount {
				// built in: each point counts once
			} else if !contains(in.cols.Values, v.column) {
				in.cols.Values = append(in.cols.Values, v.column)
			}
			for _, f := range v.filters {
				if !contains(dims, f.Column) {
					dims = append(dims, f.Column)
				}
			}
		}
		in.cols.Dims = dims
	}

	// Indicators: the catalog's the plan selects, then the plan's own;
	// a plan indicator with a catalog name overrides the fields it gives.
	cat, err := indicators.LoadCatalog()
	if err != nil {
		return nil, err // the shipped catalog is broken: a bug, not bad input
	}
	c.catalogVersion = cat.Version
	known := func(n string) bool { return byVar[n] != nil || n == AreaVariable }
	candidates := append(append([]string(nil), varNames...), AreaVariable)
	type pending struct {
		def      indicators.Definition
		line     int
		fromPlan bool
	}
	var defs []pending
	defIndex := map[string]int{}
	add := func(d pending) {
		if i, ok := defIndex[d.def.ID]; ok {
			defs[i] = d
			return
		}
		defIndex[d.def.ID] = len(defs)
		defs = append(defs, d)
	}
	var catIDs []string
	if p.Catalog.All {
		for _, d := range cat.Indicators {
			catIDs = append(catIDs, d.ID)
		}
	}
	for _, id := range p.Catalog.IDs {
		if _, ok := cat.Get(id); !ok {
			var all []string
			for _, d := range cat.Indicators {
				all = append(all, d.ID)
			}
			fail(p.Catalog.Line, "catalog: %q is not a catalog indicator%s (planatlas indicators lists them)", id, didYouMean(id, all))
			continue
		}
		catIDs = append(catIDs, id)
	}
	for _, id := range catIDs {
		d, _ := cat.Get(id)
		add(pending{def: d, line: p.Catalog.Line})
	}
	for _, e := range p.Indicators {
		if !identifier.MatchString(e.Name) {
			fail(e.Line, "indicator name %q: use letters, digits and _ only, starting with a letter", e.Name)
		}
		own := e.Value
		own.ID = e.Name
		if base, ok := cat.Get(e.Name); ok {
			own = base.Merge(own)
		}
		add(pending{def: own, line: e.Line, fromPlan: true})
	}
	missingFor := map[string][]string{} // variable → catalog indicators that need it
	var missingOrder []string
	byInd := map[string]int{}
	for _, d := range defs {
		if !d.fromPlan {
			var missing []string
			for _, v := range d.def.Vars() {
				if !known(v) {
					missing = append(missing, v)
				}
			}
			if len(missing) > 0 {
				for _, v := range missing {
					if _, seen := missingFor[v]; !seen {
						missingOrder = append(missingOrder, v)
					}
					missingFor[v] = append(missingFor[v], d.def.ID)
				}
				c.unavailable[d.def.ID] = missing
				continue
			}
		}
		ind, err := d.def.Compile(known, candidates)
		if err != nil {
			fail(d.line, "indicator %q: %v", d.def.ID, err)
			continue
		}
		byInd[ind.ID] = len(c.indicators)
		c.indicators = append(c.indicators, ind)
		c.indicatorLines = append(c.indicatorLines, d.line)
	}
	for _, v := range missingOrder {
		c.notes = append(c.notes, fmt.Sprintf("catalog: the plan defines no variable %q, so these indicators are not computed: %s",
			v, strings.Join(missingFor[v], ", ")))
	}
	unavailable := func(id string) string {
		if m, ok := c.unavailable[id]; ok {
			return fmt.Sprintf("; the catalog indicator %q needs the variable(s) %s, which the plan does not define", id, strings.Join(m, ", "))
		}
		return ""
	}

	// Disclosure control.
	c.threshold = 3
	if t := p.Disclosure.Threshold; t != nil {
		if *t < 0 || *t > 1000 {
			fail(p.Disclosure.Line, "disclosure: threshold %d: use 0 (no disclosure control) or a count such as 3", *t)
		}
		c.threshold = *t
	}
	if w := disclosureWarning(c.threshold, c.lang); w != "" {
		c.warnings = append(c.warnings, w)
		c.notes = append(c.notes, w)
	}
	for _, v := range c.variables {
		if v.agg.Mean {
			if v.count {
				fail(v.line, "variable %q: a mean is not a count; count: true needs aggregate: sum", v.name)
			}
			if spec, _ := p.Variables.Get(v.name); spec.Value.Weighted {
				fail(v.line, "variable %q: a mean is not a count; weighted: true needs aggregate: sum", v.name)
			}
			continue
		}
		spec, _ := p.Variables.Get(v.name)
		if spec.Value.Count == nil || *spec.Value.Count {
			v.count = true
			// Counts of grid cells split between areas are shares of
			// persons: fractional by design.
			v.weighted = spec.Value.Weighted || v.in != nil && v.in.format == "grid"
			c.counts = append(c.counts, v.name)
		} else if spec.Value.Weighted {
			fail(v.line, "variable %q: weighted: true is for counts with fractional values; this variable says count: false", v.name)
		}
	}

	// Indices.
	for _, e := range p.Indices {
		s := e.Value
		ix := &index{id: e.Name, label: s.Label, year: s.Year, line: e.Line}
		if s.Year != 0 && !datasets.PlausibleYear(s.Year) {
			fail(e.Line, "index %q: year %d is not a plausible year (%d–%d): a typo?", e.Name, s.Year, datasets.FirstYear, datasets.LastYear)
		}
		if !identifier.MatchString(e.Name) {
			fail(e.Line, "index name %q: use letters, digits and _ only, starting with a letter", e.Name)
		}
		if _, clash := defIndex[e.Name]; clash {
			fail(e.Line, "index %q has the name of an indicator; outputs need distinct names", e.Name)
		}
		if ix.label.De == "" && ix.label.En == "" {
			ix.label = Text{De: e.Name, En: e.Name}
		}
		ix.method = s.Method
		switch s.Method {
		case "zsum", "imd", "pca":
		case "zmean":
			ix.mean = true
		case "mss":
			ix.mss = true
		case "svi":
			if len(s.Themes) == 0 {
				fail(e.Line, "index %q: method svi needs themes, each a list of indicators", e.Name)
			}
			for ti, th := range s.Themes {
				ix.themes = append(ix.themes, th.Name)
				for _, id := range th.Value {
					s.Components = append(s.Components, Entry[float64]{Name: id, Value: 1, Line: th.Line})
					ix.theme = append(ix.theme, ti)
				}
			}
			ix.population = s.Population
			if s.Population != "" && byVar[s.Population] == nil {
				fail(e.Line, "index %q: population: %q is not a variable%s", e.Name, s.Population, suggest(s.Population, varNames))
			}
		case "":
			fail(e.Line, "index %q: method is required (zsum, zmean, mss, svi, imd or pca)", e.Name)
		default:
			fail(e.Line, "index %q: method %q: use zsum, zmean, mss, svi, imd or pca", e.Name, s.Method)
		}
		ix.scale = s.Standardise
		if ix.scale == "" {
			ix.scale = "z"
		}
		if _, err := analysis.Standardise(ix.scale, nil); err != nil {
			fail(e.Line, "index %q: %v", e.Name, err)
		}
		if s.Standardise != "" && s.Method != "zsum" && s.Method != "zmean" {
			fail(e.Line, "index %q: standardise is for methods zsum and zmean", e.Name)
		}
		if s.Method != "svi" && len(s.Themes) > 0 {
			fail(e.Line, "index %q: themes are for method svi", e.Name)
		}
		if len(s.Components) < 2 {
			fail(e.Line, "index %q has %d component(s); a composite index needs at least two indicators", e.Name, len(s.Components))
		}
		comps := func(list Named[float64]) []component {
			var out []component
			for _, comp := range list {
				k, ok := byInd[comp.Name]
				if !ok {
					fail(comp.Line, "index %q: %q is not an indicator%s%s", e.Name, comp.Name, unavailable(comp.Name), didYouMean(comp.Name, indicatorIDs(c.indicators)))
					continue
				}
				if c.indicators[k].Need == indicators.NoNeed && !ix.mss {
					fail(comp.Line, "index %q: indicator %q has need: none; an index component needs need: higher or lower", e.Name, comp.Name)
				}
				if ix.mss && comp.Value != 1 {
					fail(comp.Line, "index %q: the MSS weighs every indicator equally; give %q the weight 1", e.Name, comp.Name)
				}
				if !(comp.Value > 0) || math.IsInf(comp.Value, 0) {
					fail(comp.Line, "index %q: weight of %q is %v; weights must be positive", e.Name, comp.Name, comp.Value)
				}
				out = append(out, component{indicator: k, weight: comp.Value})
			}
			return out
		}
		ix.components = comps(s.Components)
		switch {
		case ix.mss:
			if len(s.Dynamic) == 0 {
				fail(e.Line, "index %q: method mss needs dynamic, the indicators of change", e.Name)
			}
			ix.dynamic = comps(s.Dynamic)
			ix.valid = s.Valid
			if s.Valid != nil && byVar[s.Valid.Variable] == nil {
				fail(s.Valid.Line, "index %q: valid: %q is not a variable%s", e.Name, s.Valid.Variable, suggest(s.Valid.Variable, varNames))
			}
		case len(s.Dynamic) > 0 || s.Valid != nil:
			fail(e.Line, "index %q: dynamic and valid are for method mss", e.Name)
		}
		c.indices = append(c.indices, ix)
	}

	// Goals.
	for _, e := range p.Goals {
		g := &goal{id: e.Name, spec: e.Value}
		s := e.Value
		k, ok := byInd[s.Indicator]
		switch {
		case s.Indicator == "":
			fail(e.Line, "goal %q: indicator is required", e.Name)
		case !ok:
			fail(e.Line, "goal %q: %q is not an indicator%s%s", e.Name, s.Indicator, unavailable(s.Indicator), didYouMean(s.Indicator, indicatorIDs(c.indicators)))
		}
		g.indicator = k
		if s.Year == 0 {
			fail(e.Line, "goal %q: year is required: the year by which the target is to be reached", e.Name)
		} else if !datasets.PlausibleYear(s.Year) {
			fail(e.Line, "goal %q: year %d is not a plausible year (%d–%d): a typo?", e.Name, s.Year, datasets.FirstYear, datasets.LastYear)
		}
		if s.Area != "" && s.District != "" {
			fail(e.Line, "goal %q: give an area or a district, not both (neither: the city)", e.Name)
		}
		switch s.Direction {
		case "increase":
			g.increase = true
		case "decrease":
		case "":
			if ok {
				switch c.indicators[k].Need {
				case indicators.HigherIsNeed:
				case indicators.LowerIsNeed:
					g.increase = true
				default:
					fail(e.Line, "goal %q: indicator %q has need: none; say direction: increase or decrease", e.Name, s.Indicator)
				}
			}
		default:
			fail(e.Line, "goal %q: direction %q: use increase or decrease", e.Name, s.Direction)
		}
		if g.spec.Title.De == "" && g.spec.Title.En == "" {
			g.spec.Title = Text{De: e.Name, En: e.Name}
		}
		c.goals = append(c.goals, g)
	}

	// Outputs.
	o := p.Outputs
	values := append(indicatorIDs(c.indicators), p.Indices.Names()...)
	for _, ix := range c.indices {
		if ix.mss {
			values = append(values, ix.id+MSSDynamicSuffix)
		}
	}
	isValue := func(v string) bool { return contains(values, v) }
	// Spatial statistics.
	sp := p.Spatial
	for _, v := range sp.Values {
		if !isValue(v) {
			fail(sp.Line, "spatial: %q is not an indicator or index%s%s", v, unavailable(v), didYouMean(v, values))
		}
	}
	if sp.Permutations < 0 || sp.Permutations > 99999 {
		fail(sp.Line, "spatial: permutations %d: use 99 to 99999 (999 if absent)", sp.Permutations)
	}
	if sp.Alpha < 0 || sp.Alpha >= 1 {
		fail(sp.Line, "spatial: alpha %g: a significance level between 0 and 1, such as 0.05", sp.Alpha)
	}
	seen := map[string]int{}
	claim := func(name string, line int) {
		if first, dup := seen[name]; dup {
			fail(line, "the output %q is named twice (first on line %d)", name, first)
		}
		seen[name] = line
	}
	for _, m := range o.Maps {
		if !isValue(m.Value) {
			fail(m.Line, "map: %q is not an indicator or index%s%s", m.Value, unavailable(m.Value), didYouMean(m.Value, values))
		}
		m.asked = m.Classes != 0
		if m.Classes == 0 {
			m.Classes = 5
		}
		if m.Classes < 2 || m.Classes > 7 {
			fail(m.Line, "map %q: %d classes; use 2 to 7", m.Value, m.Classes)
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
				fail(m.Line, "map %q: manual classes need their upper bounds (bounds: [10, 20, 30])", m.Value)
			}
			for i := 1; i < len(m.Bounds); i++ {
				if !(m.Bounds[i] > m.Bounds[i-1]) {
					fail(m.Line, "map %q: bounds must increase: %v after %v", m.Value, m.Bounds[i], m.Bounds[i-1])
					break
				}
			}
		default:
			fail(m.Line, "map %q: classification %q: use quantile, equal, fisher, stdmean, box, headtails, maximum or manual", m.Value, m.Method)
		}
		if m.Size != "" && m.Size != "portrait" && m.Size != "landscape" {
			fail(m.Line, "map %q: size %q: use portrait or landscape", m.Value, m.Size)
		}
		switch m.Palette {
		case "", "sequential":
		case "diverging":
			if m.Classes > 6 {
				fail(m.Line, "map %q: a diverging map has at most 6 classes, 3 on each side of the city's value", m.Value)
			}
			if m.Method != "quantile" {
				fail(m.Line, "map %q: a diverging map uses quantiles on each side of the city's value; leave out method", m.Value)
			}
		default:
			fail(m.Line, "map %q: palette %q: use sequential or diverging", m.Value, m.Palette)
		}
		if m.Method != "manual" && len(m.Bounds) > 0 {
			fail(m.Line, "map %q: bounds are for method: manual", m.Value)
		}
		claim("map-"+m.Value, m.Line)
		c.maps = append(c.maps, m)
	}
	for _, ch := range o.Charts {
		if ch.Type == "" {
			ch.Type = "ranking"
		}
		if ch.Size != "" && ch.Size != "portrait" && ch.Size != "landscape" {
			fail(ch.Line, "chart %q: size %q: use portrait or landscape", ch.Value, ch.Size)
		}
		switch ch.Type {
		case "ranking":
			if ch.X != "" {
				fail(ch.Line, "chart: x is for type scatter")
			}
		case "trend":
			if ch.X != "" {
				fail(ch.Line, "chart: x is for type scatter")
			}
			if contains(p.Indices.Names(), ch.Value) || strings.HasSuffix(ch.Value, MSSDynamicSuffix) {
				fail(ch.Line, "chart: a trend is drawn for an indicator; %q is an index of one year", ch.Value)
			}
		case "scatter":
			if !isValue(ch.X) {
				fail(ch.Line, "chart: scatter needs x, an indicator or index for the horizontal axis%s", didYouMean(ch.X, values))
			}
		default:
			fail(ch.Line, "chart type %q: use ranking, scatter or trend", ch.Type)
		}
		if !isValue(ch.Value) {
			fail(ch.Line, "chart: %q is not an indicator or index%s%s", ch.Value, unavailable(ch.Value), didYouMean(ch.Value, values))
		}
		name := ch.Type + "-" + ch.Value
		if ch.Type == "scatter" {
			name = "scatter-" + ch.X + "-" + ch.Value
		}
		claim(name, ch.Line)
		c.charts = append(c.charts, ch)
	}
	// Absent: the default; an empty list ("tables: []"): none.
	c.tables = o.Tables
	if c.tables == nil {
		c.tables = []string{"csv", "parquet"}
	}
	for _, t := range c.tables {
		if t != "csv" && t != "parquet" && t != "arrow" && t != "xlsx" {
			fail(o.Line, "tables: format %q: use csv, parquet, arrow or xlsx", t)
		}
	}
	c.images = o.Images
	if c.images == nil {
		c.images = []string{"svg", "png"}
	}
	for _, f := range c.images {
		if f != "svg" && f != "png" && f != "pdf" {
			fail(o.Line, "images: format %q: use svg, png or pdf", f)
		}
	}
	if o.Alpha < 0 || o.Alpha >= 1 {
		fail(o.Line, "alpha %g: a significance level between 0 and 1, such as 0.05", o.Alpha)
	}
	if o.ChangeYears < 0 || o.ChangeYears > datasets.LastYear-datasets.FirstYear {
		fail(o.Line, "change_years %d: a number of years, such as 5", o.ChangeYears)
	}
	if o.Year != 0 && !datasets.PlausibleYear(o.Year) {
		fail(o.Line, "year %d is not a plausible year (%d–%d): a typo?", o.Year, datasets.FirstYear, datasets.LastYear)
	}
	if o.Simplify != nil && *o.Simplify < 0 {
		fail(o.Line, "simplify %g: a tolerance in metres cannot be negative (0 draws the boundaries as they are)", *o.Simplify)
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
		fail(o.Line, "csv %q: use german or international", o.CSV)
	}
	if len(errs) > 0 {
		return nil, errs
	}

	// Files and columns, now that the plan itself is sound.
	if err := checkFile(src, p.Areas.File); err != nil {
		fail(p.Areas.Line, "areas: %v", err)
	}
	for _, in := range c.inputs {
		header, delim, err := readColumns(src, in)
		if err != nil {
			fail(in.line, "input %q: %v", in.name, err)
			continue
		}
		if hint := datasets.DelimiterHint(header, delim); hint != "" {
			fail(in.line, "input %q: %s: %s", in.name, in.spec.File, hint)
			continue
		}
		type column struct {
			name, role string
			line       int
		}
		var need []column
		if in.cols.Key != "" {
			need = append(need, column{in.cols.Key, "key", in.line})
		}
		if in.pointsTable {
			need = append(need, column{in.spec.X, "x", in.line}, column{in.spec.Y, "y", in.line})
		}
		if in.cols.Year != "" {
			need = append(need, column{in.cols.Year, "year", in.line})
		}
		for _, d := range in.cols.Dims {
			need = append(need, column{d, "dimension", in.line})
		}
		for _, v := range c.variables {
			if v.in == in && !(in.format == "points" && v.column == PointCount) {
				need = append(need, column{v.column, "variable " + quote(v.name), v.line})
			}
		}
		for _, n := range need {
			if !contains(header, n.name) {
				fail(n.line, "input %q, %s: column %q not found in %s%s (columns: %s)", in.name, n.role, n.name, in.spec.File,
					didYouMean(n.name, header), strings.Join(quoteAll(header), ", "))
			}
		}
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return c, nil
}

// MSSDynamicSuffix names the dynamic index of an mss index as an output
// value: index "mss" has the maps "mss" (status) and "mss_dynamik".
const MSSDynamicSuffix = "_dynamik"

func mssValue(indices []*index, v string) bool {
	for _, ix := range indices {
		if ix.mss && (v == ix.id || v == ix.id+MSSDynamicSuffix) {
			return true
		}
	}
	return false
}

// checkFile reports whether a file can be opened.
func checkFile(src Source, name string) error {
	f, err := src.Open(name)
	if err != nil {
		return openError(name, err)
	}
	return f.Close()
}

// notFound is a file the plan names that does not exist; it unwraps to
// fs.ErrNotExist, so that optional files (a shapefile's .cpg) can be told
// from broken ones.
type notFound struct{ name string }

func (e *notFound) Error() string { return fmt.Sprintf("file %q not found", e.name) }
func (e *notFound) Unwrap() error { return fs.ErrNotExist }

func openError(name string, err error) error {
	if errors.Is(err, fsNotExist) {
		return &notFound{name}
	}
	return fmt.Errorf("cannot open %q: %v", name, err)
}

// readColumns reads the column names of an input file and, for CSV, the
// delimiter it was read with.
func readColumns(src Source, in *input) ([]string, rune, error) {
	f, err := src.Open(in.spec.File)
	if err != nil {
		return nil, 0, openError(in.spec.File, err)
	}
	defer func() { _ = f.Close() }() // read only: nothing to lose
	if in.format == "geometry" || (in.format == "points" && !in.pointsTable) {
		l, err := geo.ReadLayer(in.spec.File, sourceOpener(src), in.spec.Layer)
		if err != nil {
			return nil, 0, err
		}
		return l.Fields, 0, nil
	}
	if in.format == "csv" || in.format == "grid" || in.pointsTable {
		info, err := datasets.ReadCSVHeader(f, in.spec.File, in.csv)
		if err != nil {
			return nil, 0, err
		}
		return info.Header, info.Delimiter, nil
	}
	data, err := io.ReadAll(f)
	if err != nil {
		return nil, 0, err
	}
	cols, err := datasets.ArrowColumns(data, in.spec.File, in.format == "parquet")
	return cols, 0, err
}

func indicatorIDs(inds []*indicators.Indicator) []string {
	out := make([]string, len(inds))
	for i, d := range inds {
		out[i] = d.ID
	}
	return out
}

func formatOf(file string) string {
	low := strings.ToLower(file)
	switch {
	case strings.HasSuffix(low, ".parquet"), strings.HasSuffix(low, ".pq"):
		return "parquet"
	case strings.HasSuffix(low, ".arrow"), strings.HasSuffix(low, ".feather"), strings.HasSuffix(low, ".ipc"):
		return "arrow"
	case geo.FormatOf(file) != "":
		return "geometry"
	}
	return "csv"
}

// didYouMean returns "; did you mean "x"?" for a close candidate, or "".
func didYouMean(name string, candidates []string) string {
	if s := datasets.Suggest(name, candidates); s != "" {
		return fmt.Sprintf("; did you mean %q?", s)
	}
	return ""
}

// suggest is didYouMean, or else a list of the candidates if it is short.
func suggest(name string, candidates []string) string {
	if s := didYouMean(name, candidates); s != "" {
		return s
	}
	if len(candidates) > 0 && len(candidates) <= 12 {
		sorted := append([]string(nil), candidates...)
		sort.Strings(sorted)
		return " (known: " + strings.Join(sorted, ", ") + ")"
	}
	return ""
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func quote(s string) string { return fmt.Sprintf("%q", s) }

func quoteAll(list []string) []string {
	out := make([]string, 0, len(list))
	for i, s := range list {
		if i == 15 {
			out = append(out, fmt.Sprintf("… %d more", len(list)-15))
			break
		}
		out = append(out, quote(s))
	}
	return out
}

var fsNotExist = fs.ErrNotExist
