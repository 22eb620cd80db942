package plan

import (
	"crypto/sha256"
	"encoding/hex"
	"hash"
	"io"
	"io/fs"
	"math"
	"path"
	"strconv"
	"strings"
	"time"

	"github.com/paulmach/orb"

	"planatlas/analysis"
	"planatlas/datasets"
	"planatlas/geo"
	"planatlas/indicators"
	"planatlas/lang"
	"planatlas/report"
)

// Version is planatlas's version, recorded in every manifest.
const Version = "0.1.0"

// Options control a run.
type Options struct {
	Out      string // the output folder
	Lang     string // "de" or "en"; the plan's language if ""
	PlanData []byte // the plan's bytes, hashed into the manifest
	// Progress, if set, is called after each stage with its number, the
	// number of stages, its name in the run's language and its duration.
	Progress func(step, steps int, stage string, took time.Duration)
	// Reading, if set, is called while a large input file (256 MB or
	// more) is read, every 256 MB, with the bytes read and the file's
	// size: a 2 GB census extract takes a while.
	Reading func(file string, done, total int64)
}

// Result says what a run wrote.
type Result struct {
	Out   string
	Files []report.FileRecord
	Notes []lang.Message // rendered in the run's language by the caller
}

// Run validates the plan, computes everything it asks for and writes
// the outputs into opt.Out. On any error the output folder is left as it
// was.
func Run(p *Plan, src Source, opt Options) (*Result, error) {
	c, err := Validate(p, src, opt.Lang)
	if err != nil {
		return nil, err
	}
	st, err := report.Stage(opt.Out, protected(c, src)...)
	if err != nil {
		return nil, err
	}
	defer st.Abort()
	r := &runner{c: c, src: src, loc: report.NewLocale(c.lang), lp: lang.New(c.lang), st: st, opt: opt}
	steps := append(r.computeSteps(), r.writeSteps()...)
	if err := r.do(steps); err != nil {
		return nil, err
	}
	return &Result{Out: opt.Out, Files: st.Files(), Notes: append(r.notes, st.Notes()...)}, nil
}

// Check is a dry run: it validates the plan and computes everything Run
// computes — reading every file, joining it to the areas, indicators,
// disclosure control, indices, trends, weights and spatial statistics —
// but draws and writes nothing. A plan that passes Check fails in Run
// only where writing the outputs fails. It returns the checked plan and
// the run's notes.
func Check(p *Plan, src Source, opt Options) (*Checked, []lang.Message, error) {
	c, err := Validate(p, src, opt.Lang)
	if err != nil {
		return nil, nil, err
	}
	r := &runner{c: c, src: src, loc: report.NewLocale(c.lang), lp: lang.New(c.lang), opt: opt}
	if err := r.do(r.computeSteps()); err != nil {
		return nil, nil, err
	}
	return c, r.notes, nil
}

// step is one stage of a run, named for the progress lines.
type step struct {
	name lang.Message
	fn   func() error
}

// computeSteps are the stages that read and compute; they write nothing.
func (r *runner) computeSteps() []step {
	return []step{
		{lang.M("inputs read"), r.read},
		{lang.M("panel built"), r.buildPanel},
		{lang.M("geometries joined"), r.join},
		{lang.M("indicators computed"), r.computeIndicators},
		{lang.M("indices and rankings computed"), r.computeIndices},
		{lang.M("trends computed"), r.computeTrends},
		{lang.M("spatial statistics computed"), r.computeSpatial},
		{lang.M("measures matched to the areas"), r.matchMeasures},
		{lang.M("figures checked"), r.checkFigures},
	}
}

// writeSteps are the stages that draw and write into the staging folder,
// and the commit that swaps it in.
func (r *runner) writeSteps() []step {
	return []step{
		{lang.M("maps and charts drawn"), r.figures},
		{lang.M("tables and geodata written"), r.tables},
		{lang.M("report written"), r.writeReport},
		{lang.M("output committed"), r.commit},
	}
}

// do runs the steps in order, reporting each to opt.Progress.
func (r *runner) do(steps []step) error {
	for i, s := range steps {
		t0 := time.Now()
		if err := s.fn(); err != nil {
			return err
		}
		if r.opt.Progress != nil {
			r.opt.Progress(i+1, len(steps), r.lp.Message(s.name), time.Since(t0))
		}
	}
	return nil
}

// protected returns the plan's file and the files it names, where they
// are on disk: the output folder may not contain them. An input read
// from several files (a list or a pattern) gives every file it matched.
func protected(c *Checked, src Source) []string {
	d, ok := src.(Dir)
	if !ok {
		return nil
	}
	p := c.plan
	files := []string{p.File, d.Path(p.Areas.File)}
	for _, in := range c.inputs {
		for _, f := range in.files {
			files = append(files, d.Path(f))
		}
	}
	for _, b := range c.boundaries {
		files = append(files, d.Path(b.spec.File))
	}
	for _, s := range p.Surveys {
		files = append(files, d.Path(s.Value.File))
	}
	if s := p.Projection; s != nil {
		for _, f := range s.files() {
			files = append(files, d.Path(f))
		}
	}
	if p.Weights.File != "" {
		files = append(files, d.Path(p.Weights.File))
	}
	if p.Measures.File != "" {
		files = append(files, d.Path(p.Measures.File))
	}
	for _, l := range p.Areas.Levels {
		if l.Names.File != "" {
			files = append(files, d.Path(l.Names.File))
		}
	}
	return files
}

// runner holds the state of one run as it passes through the stages.
type runner struct {
	c     *Checked
	src   Source
	loc   report.Locale
	lp    *lang.Printer // the run's language
	st    *report.Staging
	opt   Options
	notes []lang.Message

	inputs   []report.FileRecord
	geom     *geo.Areas
	inTables map[*input]*datasets.Table
	layers   []*layerRun                // the older layers of planning areas (boundaries)
	aux      map[*input]auxPoints       // locations of the inputs that weight older layers
	proj     *projected                 // the population projection, if the plan asks for one
	register map[string]*datasets.Table // the projection's register files by name, read once
	surveys  []*surveyRun               // the surveys' estimates
	specs    []datasets.VariableSpec
	families []datasets.Family // of the counts, for disclosure control
	panel    *datasets.Panel
	areas    *geo.Areas
	weights  *geo.Weights       // built when the plan has weights or a statistic needs them
	display  *geo.Areas         // the areas simplified for maps
	outlines []orb.MultiPolygon // the districts' outlines over maps, once found
	outlined bool
	pca      map[string]*analysis.PCA // pca indices by id: loadings for their table
	names    map[string]string        // area key → "key name", for notes
	spatial  []*spatialResult
	layouts  []mapLayout         // of the maps, found before drawing
	html     []report.HTMLFigure // figures kept for report.html
	jobs     []func() error      // figures to draw (render)
	sheets   []datasets.Sheet    // tables for tables.xlsx
	xlsxLast []datasets.Sheet    // the figures' tables (classes), last in tables.xlsx
	year     int                 // the outputs' year
	levels   []*level            // areas first, the city last
	values   []*datasets.Series  // the areas' indicator values (levels[0].values)
	city     []*datasets.Series  // the city's indicator values
	indices  []*indexResult
	trends   *datasets.Frame // nil with fewer than three years
	measures *measureRun     // the measures matched to the areas; nil without measures
}

type indexResult struct {
	spec    *index
	year    int
	ix      *analysis.Index
	mss     *analysis.MSS // method mss: the full result
	ranking analysis.Ranking
	ranges  analysis.RankRange // plausible ranks; empty for mss
}

// hashed opens a file of the plan and records its hash and size in the
// manifest once it has been read to the end. The caller passes the error
// of its reading to done, which returns it, or else the error of reading
// the rest for the hash.
func (r *runner) hashed(name string) (io.Reader, func(error) error, error) {
	f, err := r.src.Open(name)
	if err != nil {
		return nil, nil, openError(name, err)
	}
	h := sha256.New()
	cr := &countReader{r: io.TeeReader(f, h), size: -1}
	if st, ok := f.(interface{ Stat() (fs.FileInfo, error) }); ok {
		if fi, err := st.Stat(); err == nil {
			cr.size = fi.Size()
		}
	}
	// Progress of large files only, about every 256 MB.
	if total := cr.size; r.opt.Reading != nil && total >= readingStep {
		cr.step, cr.report = readingStep, func(n int64) { r.opt.Reading(name, n, total) }
	}
	done := func(readErr error) error {
		_, err := io.Copy(io.Discard, cr) // hash what the reader did not need
		_ = f.Close()                     // read only: nothing to lose
		if readErr != nil {
			return readErr
		}
		if err != nil {
			return errf("reading %s: %v", name, err)
		}
		r.inputs = append(r.inputs, report.FileRecord{Path: name, SHA256: hexSum(h), Bytes: cr.n})
		return nil
	}
	return cr, done, nil
}

// readingStep is how many bytes of a large input pass between two
// reports of Options.Reading.
const readingStep = 256 << 20

type countReader struct {
	r      io.Reader
	n      int64
	size   int64       // the file's size; -1 if unknown
	step   int64       // report every step bytes; 0: never
	report func(int64) // called with the bytes read so far
}

func (c *countReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	before := c.n
	c.n += int64(n)
	if c.step > 0 && c.n/c.step != before/c.step {
		c.report(c.n)
	}
	return n, err
}

func hexSum(h hash.Hash) string { return hex.EncodeToString(h.Sum(nil)) }

// opener reads files of the plan whole, recording each in the manifest.
func (r *runner) opener() geo.Opener {
	return func(name string) ([]byte, error) {
		rd, done, err := r.hashed(name)
		if err != nil {
			return nil, err
		}
		b, err := io.ReadAll(rd)
		return b, done(err)
	}
}

func (r *runner) read() error {
	a := r.c.plan.Areas
	open := r.opener()
	layer, err := geo.ReadLayer(a.File, func(name string) ([]byte, error) {
		b, err := open(name)
		if err != nil && name == a.File {
			return nil, errAt(r.c.plan.File, a.Line, "areas: %v", err)
		}
		return b, err
	}, a.Layer)
	if err != nil {
		return err
	}
	r.geom, err = layer.Areas(geo.ReadOptions{Key: a.Key, Name: a.Name, Parent: a.Parent, ParentName: a.ParentName, Attributes: r.c.levelAttributes(), CRS: r.c.crs, MergeDuplicates: a.Duplicates == "merge", Repair: a.Repair})
	if err != nil {
		return err
	}
	r.notes = append(r.notes, layer.Notes...)
	if err := r.readBoundaries(open); err != nil {
		return err
	}
	r.inTables = map[*input]*datasets.Table{}
	var later []*input // their year or areas depend on the other inputs or the areas
	for _, in := range r.c.inputs {
		if in.format == "geometry" || in.format == "points" || in.format == "grid" {
			later = append(later, in)
			continue
		}
		t, err := r.readTable(in)
		if err != nil {
			return err
		}
		r.inTables[in] = t
	}
	for _, in := range later {
		var err error
		switch in.format {
		case "geometry":
			err = r.readGeometryTable(in, layer)
		case "points":
			err = r.readPoints(in)
		case "grid":
			err = r.readGrid(in)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// inputYear sets the year of an input without a year column that takes
// it from the run: the outputs' year, else the latest of the other
// inputs.
func (r *runner) inputYear(in *input, cols *datasets.Spec) error {
	if !in.yearFromRun {
		return nil
	}
	cols.FixedYear = r.c.plan.Outputs.Year
	for _, t := range r.inTables {
		for row := range t.Len() {
			y := t.Year(row)
			if cols.FixedYear == 0 || (r.c.plan.Outputs.Year == 0 && y > cols.FixedYear) {
				cols.FixedYear = y
			}
		}
	}
	if cols.FixedYear == 0 {
		return errAt(r.c.plan.File, in.line, "input %q: %s has no year column: give its year (year: 2024)", in.name, in.file())
	}
	r.notes = append(r.notes, lang.M("input %q: %s is taken as the year %s", in.name, in.file(), strconv.Itoa(cols.FixedYear)))
	return nil
}

// readGeometryTable reads the attributes of a geometry file as an input
// table (the areas' own file is not read twice). Without a year column
// they are for the outputs' year, else the latest year of the other
// inputs.
func (r *runner) readGeometryTable(in *input, areasLayer *geo.Layer) error {
	l := areasLayer
	if in.file() != r.c.plan.Areas.File || in.spec.Layer != r.c.plan.Areas.Layer {
		var err error
		if l, err = geo.ReadLayer(in.file(), r.opener(), in.spec.Layer); err != nil {
			return err
		}
	}
	cols := in.cols
	if err := r.inputYear(in, &cols); err != nil {
		return err
	}
	t, err := datasets.FromRecords(in.file(), "feature", l.Fields, layerRecords(l), cols)
	if err != nil {
		return err
	}
	if err := r.markMissing(in, t); err != nil {
		return err
	}
	t.Complete = in.spec.Complete
	r.inTables[in] = t
	return nil
}

func (r *runner) buildPanel() error {
	for _, v := range r.c.variables {
		if v.formula != nil {
			if err := r.formulaColumn(v, r.inTables[v.in]); err != nil {
				return err
			}
		}
	}
	before := map[*input]*datasets.Table{}
	for in, t := range r.inTables {
		before[in] = t
	}
	if err := r.rebaseInputs(); err != nil {
		return err
	}
	for _, v := range r.c.variables {
		t := r.inTables[v.in]
		// moved counts are fractions where an area was split
		weighted := v.weighted || t != before[v.in]
		r.specs = append(r.specs, datasets.VariableSpec{Name: v.name, Table: t, Column: v.column, Where: v.filters, Count: v.count, Weighted: weighted, Sum: v.sum})
	}
	// The geometry's areas belong to the panel: where a table lacks one,
	// its variables are missing there (an error with complete: true).
	if err := r.checkCoverage(); err != nil {
		return err
	}
	p, err := datasets.BuildPanelWith(r.specs, datasets.PanelOptions{Years: r.c.plan.Years.List, Areas: r.geom.Keys})
	if err != nil {
		return err
	}
	r.panel = p
	r.boundaryNotes(p)
	// The rows are in the panel now; disclosure control needs the
	// families of counts they form, and only the pyramid reads an input
	// again. At 100,000 areas the population table alone is 8 million
	// rows.
	if r.c.threshold > 0 && len(r.c.counts) > 0 {
		r.families = datasets.Families(r.specs)
	}
	for in, t := range r.inTables {
		if in != r.c.pyramid {
			t.DropRows()
		}
	}
	r.notes = append(r.notes, r.c.notes...)
	r.notes = append(r.notes, p.Notes...)
	r.gapNotes(p)
	r.year = r.c.plan.Outputs.Year
	if r.year == 0 {
		r.year = p.Years[len(p.Years)-1]
	}
	if p.YearIndex(r.year) < 0 {
		return errAt(r.c.plan.File, r.c.plan.Outputs.Line, "outputs: year %d is not in the data (%d–%d)", r.year, p.Years[0], p.Years[len(p.Years)-1])
	}
	return nil
}

func (r *runner) join() error {
	a, err := r.geom.Join(r.panel.Keys, r.panel.Where)
	if err != nil {
		return err
	}
	r.areas = a
	// each area's size, the same in every year
	n := len(a.Keys)
	s := datasets.NewSeries(r.panel.Len())
	m2 := a.AreasM2()
	for y := range r.panel.Years {
		for i := 0; i < n; i++ {
			s.Values[y*n+i] = m2[i] / 1e6
		}
	}
	if err := r.panel.Set(AreaVariable, s); err != nil {
		return err
	}
	if err := r.rateSeries(); err != nil {
		return err
	}
	if r.c.plan.Weights.Line > 0 {
		return r.buildWeights()
	}
	return nil
}

func (r *runner) computeIndices() error {
	for _, spec := range r.c.indices {
		year := spec.year
		if year == 0 {
			year = r.year
		}
		yi := r.panel.YearIndex(year)
		if yi < 0 {
			return errAt(r.c.plan.File, spec.line, "index %q: year %d is not in the data", spec.id, year)
		}
		if err := r.indexHasData(spec, year, yi); err != nil {
			return err
		}
		if spec.mss {
			if err := r.computeMSS(spec, year, yi); err != nil {
				return err
			}
			continue
		}
		var cs []analysis.Component
		for _, comp := range spec.components {
			d := r.c.indicators[comp.indicator]
			cs = append(cs, analysis.Component{ID: d.ID, Values: r.yearValues(r.values[comp.indicator].Values, yi), Need: int(d.Need), Weight: comp.weight})
		}
		var ix *analysis.Index
		var err error
		switch spec.method {
		case "svi", "imd", "pca":
			ix, err = r.otherIndex(spec, cs, yi)
		default:
			ix, err = analysis.Combine(cs, spec.mean, spec.scale)
		}
		if err != nil {
			return errAt(r.c.plan.File, spec.line, "index %q: %v", spec.id, err)
		}
		if allMissing(ix.Values) {
			return errAt(r.c.plan.File, spec.line, "index %q: no area has values for all its components in %d", spec.id, year)
		}
		for _, f := range ix.Flat {
			r.notes = append(r.notes, lang.M("index %s: indicator %s has the same value in every area in %s and does not count", spec.id, f, strconv.Itoa(year)))
		}
		if n := countMissing(ix.Values); n > 0 {
			var names []string
			for a, v := range ix.Values {
				if math.IsNaN(v) {
					names = append(names, r.areas.Names[a])
				}
			}
			r.notes = append(r.notes, lang.M("index %s: %d area(s) without a value in %s (a component is missing): %s", spec.id, n, strconv.Itoa(year), strings.Join(names, ", ")))
		}
		res := &indexResult{spec: spec, year: year, ix: ix, ranking: analysis.Rank(ix.Values, ix.Contrib)}
		if spec.method == "zsum" || spec.method == "zmean" {
			if res.ranges, err = r.rankRanges(spec, cs, yi); err != nil {
				return errAt(r.c.plan.File, spec.line, "index %q: %v", spec.id, err)
			}
		}
		r.indices = append(r.indices, res)
	}
	return nil
}

// Rank uncertainty: replicates, and how much each weight may vary.
const (
	rankReps   = 1000
	rankJitter = 0.25
)

// rankRanges computes the plausible ranks of an index: rates drawn from
// their counts, weights varied by up to ±25 %, 1000 replicates (fewer
// above 2,000 areas, at least 100) seeded by the plan's seed.
// indexHasData refuses an index whose components have no value at all
// in its year, naming the years they have values in: an index without a
// year of its own takes the outputs' year, where an edition's data (the
// MSS of 2020) may have none.
func (r *runner) indexHasData(spec *index, year, yi int) error {
	comps := append(append([]component(nil), spec.components...), spec.dynamic...)
	n := len(r.areas.Keys)
	has := map[int]bool{}
	for _, comp := range comps {
		vals := r.values[comp.indicator].Values
		for y := range r.panel.Years {
			for a := 0; a < n; a++ {
				if !math.IsNaN(vals[y*n+a]) {
					has[y] = true
					break
				}
			}
		}
	}
	if has[yi] {
		return nil
	}
	var years []int
	for y, yr := range r.panel.Years {
		if has[y] {
			years = append(years, yr)
		}
	}
	var outYear, have lang.Message
	if spec.year == 0 {
		outYear = lang.M(" (the outputs' year; the index has no year of its own)")
	}
	if len(years) > 0 {
		have = lang.M("; its indicators have values in %s: give the index that year (year: %d)", datasets.YearRanges(years), lang.Digits(years[len(years)-1]))
	}
	return errAt(r.c.plan.File, spec.line, "index %q: no indicator of it has a value in %d%s%s", spec.id, year, outYear, have)
}

func (r *runner) rankRanges(spec *index, cs []analysis.Component, yi int) (analysis.RankRange, error) {
	us := make([]analysis.Uncertain, len(cs))
	for k, comp := range spec.components {
		d := r.c.indicators[comp.indicator]
		us[k] = analysis.Uncertain{Component: cs[k]}
		if d.Proportion && d.Numerator != "" && d.Denominator != "" {
			us[k].X = r.yearValues(r.panel.Var(d.Numerator).Values, yi)
			us[k].N = r.yearValues(r.panel.Var(d.Denominator).Values, yi)
			us[k].Scale = d.Scale
			if us[k].Scale == 0 {
				us[k].Scale = 1
			}
		}
	}
	// Fewer replicates for very many areas: each costs a sort of them.
	reps := rankReps
	if n := len(r.areas.Keys); n > 2000 {
		reps = max(100, rankReps*2000/n)
	}
	return analysis.RankUncertainty(us, spec.mean, spec.scale, reps, rankJitter, r.c.seed)
}

// yearValues returns the values of year index yi of a year-major series.
func (r *runner) yearValues(v []float64, yi int) []float64 {
	n := len(r.panel.Keys)
	return v[yi*n : (yi+1)*n]
}

func (r *runner) yearFlags(f []datasets.Flag, yi int) []datasets.Flag {
	n := len(r.panel.Keys)
	return f[yi*n : (yi+1)*n]
}

func hasParents(ps []string) bool {
	for _, p := range ps {
		if p == "" {
			return false
		}
	}
	return len(ps) > 0
}

func allMissing(v []float64) bool { return countMissing(v) == len(v) }

func countMissing(v []float64) int {
	n := 0
	for _, x := range v {
		if math.IsNaN(x) {
			n++
		}
	}
	return n
}

// whyMissing says why an indicator has no value anywhere: a variable of
// its formula that is 0 or missing in every area and year, or else the
// flags of its values.
func (r *runner) whyMissing(d *indicators.Indicator, fs []datasets.Flag) string {
	return r.whyMissingM(d, fs).String()
}

// whyMissingM is whyMissing as a Message.
func (r *runner) whyMissingM(d *indicators.Indicator, fs []datasets.Flag) lang.Message {
	if d.Formula != nil {
		ys := r.panel.Years
		if k := d.Formula.MaxLag(); k > 0 && len(ys) > 0 && ys[len(ys)-1]-ys[0] < k {
			return lang.M("it compares each year with %d years earlier, and the data cover only %d–%d", k, lang.Digits(ys[0]), lang.Digits(ys[len(ys)-1]))
		}
		for _, v := range d.Formula.Vars {
			s := r.panel.Var(v)
			if s == nil {
				continue
			}
			zero, missing := true, true
			for _, x := range s.Values {
				if !math.IsNaN(x) {
					missing = false
					if x != 0 {
						zero = false
					}
				}
			}
			switch {
			case missing:
				return lang.M("the variable %q has no value in any area and year", v)
			case zero && d.Formula.Divides(v):
				return lang.M("it divides by the variable %q, which is 0 in every area and year", v)
			}
		}
	}
	var all datasets.Flag
	for _, f := range fs {
		all |= f
	}
	if all == 0 {
		return lang.M("no reason recorded")
	}
	return lang.M("its values are flagged %s", all.String())
}

func (r *runner) commit() error {
	planHash := sha256.Sum256(r.opt.PlanData)
	m := &report.Manifest{
		Tool:       "planatlas",
		Version:    Version,
		Title:      r.c.plan.Title.In(r.c.lang),
		Language:   r.c.lang,
		Plan:       report.FileRecord{Path: path.Base(strings.ReplaceAll(r.c.plan.File, "\\", "/")), SHA256: hex.EncodeToString(planHash[:]), Bytes: int64(len(r.opt.PlanData))},
		Inputs:     r.inputs,
		Years:      r.panel.Years,
		OutputYear: r.year,
		Outputs:    r.st.Files(),
		Catalog:    r.c.catalogVersion,
		Disclosure: r.c.threshold,
		Notes:      r.lp.Messages(r.notes),
	}
	if err := r.st.Write(report.ManifestFile, func(w io.Writer) error { return report.WriteManifest(w, m) }); err != nil {
		return err
	}
	return r.st.Commit()
}
