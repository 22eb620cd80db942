package plan

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"regexp"
	"sort"
	"strings"

	"planatlas/datasets"
	"planatlas/geo"
	"planatlas/indicators"
	"planatlas/lang"
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
	surveyVars     []*variable // the surveys' items and their estimated populations
	levels         []LevelSpec // the levels above the areas, smallest first
	simpleParent   bool        // levels come from areas: parent (and parent_name)
	districts      string      // the level called districts; the largest if ""
	population     string      // the variable of residents for coverage; "" for the share of areas
	seed           uint64
	lang           string
	crs            geo.CRS
	weights        weightsRule
	boundaries     []*boundary // older layers of planning areas
	inputs         []*input
	variables      []*variable
	indicators     []*indicators.Indicator
	indicatorLines []int               // the plan line of each indicator
	unavailable    map[string][]string // catalog indicators not computed → the variables they lack
	implicit       map[string]bool     // indicators only "catalog: all" selects: left out where the data cannot support them
	catalogVersion string
	threshold      int      // disclosure control: counts below it are hidden
	counts         []string // the count variables (subject to disclosure control)
	indices        []*index
	goals          []*goal
	measures       []*measure // the social plan's measures (spec_measures.go)
	monitoring     string     // the index the measures are held against; the first if ""
	pyramid        *input     // the input of the population pyramids
	maps           []MapSpec
	charts         []ChartSpec
	tables         []string
	images         []string
	csv            datasets.CSVStyle
	notes          []lang.Message
	warnings       []lang.Message // notes that report.html shows at its top
	rates          []rateExpr     // numerators and denominators that are sums of variables
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
	// files: the files read, sorted within each pattern (the names or
	// patterns of spec.File resolved when the files are checked).
	files    []string
	yearName *regexp.Regexp // year: {from_name: …}, compiled
	missing  datasets.MissingCodes
}

// file returns the input's first file: its only one, unless it is a
// table read from several.
func (in *input) file() string {
	if len(in.files) > 0 {
		return in.files[0]
	}
	return in.spec.File.first()
}

type variable struct {
	name     string
	in       *input
	column   string              // the column, or the formula's text
	formula  *indicators.Formula // over the input's columns; nil for a column
	sum      []string            // the columns of a formula that is only their sum
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
	Notes                                  []lang.Message
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

// Localize renders the errors in the printer's language, one a line.
func (l errorList) Localize(p *lang.Printer) string {
	parts := make([]string, len(l))
	for i, e := range l {
		parts[i] = p.Error(e)
	}
	return strings.Join(parts, "\n")
}

var identifier = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)

// checker holds what one section's check hands on to the next: the
// plan's inputs, variables and indicators by name, and the errors found.
type checker struct {
	p          *Plan
	c          *Checked
	src        Source
	lang       string // overrides the plan's language if not ""
	errs       errorList
	byInput    map[string]*input
	byVar      map[string]*variable
	varNames   []string
	candidates []string       // what a formula may name: the variables and area_km2
	defIndex   map[string]int // indicator definitions by id, in plan order
	byInd      map[string]int // compiled indicators: position in c.indicators
	values     []string       // what outputs may show
	seen       map[string]int // output names claimed → the plan line
	grids      *geo.GridFiles // the grid files crs: names, read once
}

func (chk *checker) fail(line int, format string, args ...any) {
	chk.errs = append(chk.errs, errAt(chk.p.File, line, format, args...))
}

// Validate checks the plan without running it: required fields, names
// and references, formulas, and that every file exists and has the
// columns the plan names. lang overrides the plan's language if not "".
// Each section of the plan has its checker beside its type (spec_*.go);
// they run in the order in which later sections refer to earlier ones.
func Validate(p *Plan, src Source, lang string) (*Checked, error) {
	chk := &checker{p: p, src: src, lang: lang,
		c:       &Checked{plan: p, unavailable: map[string][]string{}},
		byInput: map[string]*input{}, byVar: map[string]*variable{},
		defIndex: map[string]int{}, byInd: map[string]int{}, seen: map[string]int{}}
	chk.checkHeader()
	chk.checkAreas()
	chk.checkBoundaries()
	chk.checkInputs()
	chk.checkVariables()
	chk.checkSurveys()
	chk.checkPopulation()
	chk.checkPyramid()
	chk.checkProjection()
	chk.inputColumns()
	chk.checkBoundaryWeights()
	if err := chk.checkIndicators(); err != nil {
		return nil, err
	}
	chk.checkRateExpressions()
	chk.checkDisclosure()
	chk.checkIndices()
	chk.checkGoals()
	chk.checkMeasures()
	chk.outputValues()
	chk.checkSpatial()
	chk.checkMaps()
	chk.checkCharts()
	chk.checkFormats()
	if len(chk.errs) > 0 {
		return nil, chk.errs
	}
	chk.checkFiles()
	chk.checkLevelFiles()
	if len(chk.errs) > 0 {
		return nil, chk.errs
	}
	return chk.c, nil
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

// Localize renders the error in the printer's language.
func (e *notFound) Localize(p *lang.Printer) string { return p.Sprintf("file %q not found", e.name) }

// errf returns the error of an English format string, rendered in the
// reader's language; integers are written with digits only.
func errf(format string, args ...any) error {
	return lang.Errorf(format, lang.IntsAsDigits(args)...)
}
func (e *notFound) Unwrap() error { return fs.ErrNotExist }

func openError(name string, err error) error {
	if errors.Is(err, fsNotExist) {
		return &notFound{name}
	}
	return lang.Errorf("cannot open %q: %v", name, err)
}

// readColumns reads the column names of an input's file name and, for
// CSV, the delimiter it was read with.
func readColumns(src Source, in *input, name string) ([]string, rune, error) {
	f, err := src.Open(name)
	if err != nil {
		return nil, 0, openError(name, err)
	}
	defer func() { _ = f.Close() }() // read only: nothing to lose
	if in.format == "geometry" || (in.format == "points" && !in.pointsTable) {
		l, err := geo.ReadLayer(name, sourceOpener(src), in.spec.Layer)
		if err != nil {
			return nil, 0, err
		}
		return l.Fields, 0, nil
	}
	if in.format == "csv" || in.format == "grid" || in.pointsTable {
		info, err := datasets.ReadCSVHeader(f, name, in.csv)
		if err != nil {
			return nil, 0, err
		}
		return info.Header, info.Delimiter, nil
	}
	data, err := io.ReadAll(f)
	if err != nil {
		return nil, 0, err
	}
	cols, err := datasets.ArrowColumns(data, name, in.format == "parquet")
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

// didYouMean returns "; did you mean "x"?" for a close candidate, or an
// empty message.
func didYouMean(name string, candidates []string) lang.Message {
	if s := datasets.Suggest(name, candidates); s != "" {
		return lang.M("; did you mean %q?", s)
	}
	return lang.Message{}
}

// suggest is didYouMean, or else a list of the candidates if it is short.
func suggest(name string, candidates []string) lang.Message {
	if s := didYouMean(name, candidates); s.Format != "" {
		return s
	}
	if len(candidates) > 0 && len(candidates) <= 12 {
		sorted := append([]string(nil), candidates...)
		sort.Strings(sorted)
		return lang.M(" (known: %s)", strings.Join(sorted, ", "))
	}
	return lang.Message{}
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
			out = append(out, fmt.Sprintf("… +%d", len(list)-15))
			break
		}
		out = append(out, quote(s))
	}
	return out
}

var fsNotExist = fs.ErrNotExist
