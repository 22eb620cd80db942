package datasets

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"

	"planatlas/lang"
)

// Panel holds variables per area and year on one fixed area order. A
// variable's values are laid out year-major: the value of area a in year
// index y is at y*len(Keys)+a. Missing values are NaN with a Flag saying
// why.
type Panel struct {
	Keys  []string // area keys in the Panel's order (sorted)
	Years []int    // ascending
	names []string
	vars  map[string]*Series
	where map[string]string // area key → where it was first seen, for messages
	Notes []lang.Message    // things the user should know, e.g. years a table lacks
	Gaps  []Gap             // the areas and cells that tables lack (missing values)
}

// Series is one variable on a Panel: values and flags, year-major.
type Series struct {
	Values []float64
	Flags  []Flag
}

// NewSeries returns a series of n zero values without flags.
func NewSeries(n int) *Series {
	return &Series{Values: make([]float64, n), Flags: make([]Flag, n)}
}

// NewPanel returns an empty Panel on the given areas and years, for
// variables that are not read from tables (aggregates, for example).
func NewPanel(keys []string, years []int) *Panel {
	return &Panel{Keys: keys, Years: years, vars: map[string]*Series{}, where: map[string]string{}}
}

// Var returns the named variable or nil.
func (p *Panel) Var(name string) *Series { return p.vars[name] }

// Names returns the variable names in the order they were added.
func (p *Panel) Names() []string { return p.names }

// Len returns the number of cells of every variable: areas × years.
func (p *Panel) Len() int { return len(p.Keys) * len(p.Years) }

// YearIndex returns the position of year y in p.Years, or -1.
func (p *Panel) YearIndex(y int) int {
	i := sort.SearchInts(p.Years, y)
	if i < len(p.Years) && p.Years[i] == y {
		return i
	}
	return -1
}

// Where returns where an area key was first seen ("file:line"), for
// messages about keys that do not match.
func (p *Panel) Where(key string) string { return p.where[key] }

// Set adds or replaces a variable, for values that do not come from a
// table (for example an area's size from its geometry).
func (p *Panel) Set(name string, s *Series) error {
	if len(s.Values) != p.Len() || len(s.Flags) != p.Len() {
		return fmt.Errorf("variable %q has %d values, the panel %d", name, len(s.Values), p.Len())
	}
	if _, ok := p.vars[name]; !ok {
		p.names = append(p.names, name)
	}
	p.vars[name] = s
	return nil
}

// VariableSpec says how one variable is read: the value column of a
// table, summed over the rows that pass every filter. In a wide table
// (no dimensions) exactly one row per area and year is summed; in a long
// table, combinations without a row count as zero, as exports commonly
// leave out empty cells.
type VariableSpec struct {
	Name   string
	Table  *Table
	Column string
	Where  []Filter
	Count  bool // a count: negative values are errors, and so are fractions unless Weighted
	// Weighted marks a count whose values may be fractional by design
	// (weighted survey counts, estimates); disclosure control rounds them.
	Weighted bool
	// Sum: Column was computed row by row as the sum of these columns of
	// the table (a variable's formula "a + b + c"). Disclosure control
	// links the variable with the variables of those columns (Families).
	Sum []string
}

// BuildPanel reads the variables of specs into a Panel. years restricts
// the Panel to those years; nil takes every year found. It checks that
// no table has duplicate rows; an area that a table lacks, or a year
// that a table has for other areas but not for this one, is missing
// (NoData) in that table's variables and listed in Panel.Gaps, or an
// error where the table is Complete.
func BuildPanel(specs []VariableSpec, years []int) (*Panel, error) {
	return BuildPanelWith(specs, PanelOptions{Years: years})
}

// PanelOptions are BuildPanelWith's options.
type PanelOptions struct {
	Years []int // restricts the Panel to these years; nil takes every year found
	// Areas are areas the Panel holds besides those of the tables (those
	// of the geometry): in each table they lack, their values are
	// missing.
	Areas []string
}

// Gap is what a table lacks: areas without any row in the Panel's
// years, and cells (an area in a year the table has for other areas).
type Gap struct {
	Table *Table
	Areas []string       // keys, sorted
	Cells []lang.Message // `area "01" in 2024`
}

// BuildPanelWith is BuildPanel with options.
func BuildPanelWith(specs []VariableSpec, opt PanelOptions) (*Panel, error) {
	b := &panelBuilder{p: &Panel{vars: map[string]*Series{}, where: map[string]string{}}}
	seen := map[*Table]bool{}
	for _, s := range specs {
		if !seen[s.Table] {
			seen[s.Table] = true
			b.tables = append(b.tables, s.Table)
		}
	}
	for _, t := range b.tables {
		if err := t.CheckUnique(); err != nil {
			return nil, err
		}
	}
	b.setYears(opt.Years)
	for _, step := range []func() error{func() error { return b.setAreas(opt.Areas) }, b.checkAreas, b.mapRows} {
		if err := step(); err != nil {
			return nil, err
		}
	}
	dimCache := map[dimKey]coded{}
	for _, s := range specs {
		if err := b.addVariable(s, dimCache); err != nil {
			return nil, err
		}
	}
	return b.p, nil
}

// panelBuilder holds what the stages of BuildPanelWith hand on to each
// other.
type panelBuilder struct {
	p          *Panel
	tables     []*Table
	keysOf     []map[string]int // per table: key → its first row in the panel's years
	gaps       []*Gap           // per table: the areas and cells it lacks
	keyIdx     map[string]int   // area key → position in p.Keys
	tableYears [][]bool         // [table][year index]: the table has the year
	cellOf     [][]int32        // [table][row]: panel cell, -1 outside the years
	noRow      [][]int32        // [table]: cells of years it has without a row
}

type dimKey struct {
	t   *Table
	dim int
}
type coded struct {
	codes  []int32
	levels []string
}

// setYears sets the panel's years: those given, or all the tables have.
func (b *panelBuilder) setYears(years []int) {
	p, tables := b.p, b.tables
	if years != nil {
		p.Years = append([]int(nil), years...)
		sort.Ints(p.Years)
	} else {
		ys := map[int]bool{}
		for _, t := range tables {
			for _, y := range t.years {
				ys[int(y)] = true
			}
		}
		for y := range ys {
			p.Years = append(p.Years, y)
		}
		sort.Ints(p.Years)
	}
}

// setAreas sets the panel's areas: the union over all tables in the
// panel's years and the areas given (the geometry's), sorted.
func (b *panelBuilder) setAreas(areas []string) error {
	p, tables := b.p, b.tables
	inYears := func(y int) bool { return p.YearIndex(y) >= 0 }
	b.keysOf = make([]map[string]int, len(tables)) // key → first row
	for ti, t := range tables {
		m := map[string]int{}
		keys := t.keys
		seen := make([]bool, len(keys.Levels)) // a map lookup per distinct key, not per row
		for i, c := range keys.Codes {
			if seen[c] || !inYears(int(t.years[i])) {
				continue
			}
			seen[c] = true
			k := keys.Levels[c]
			m[k] = i
			if _, seen := p.where[k]; !seen {
				p.where[k] = t.Loc(i)
			}
		}
		if len(m) == 0 {
			return &InputError{File: t.Name, M: lang.M("no row for the years %s", yearList(p.Years))}
		}
		b.keysOf[ti] = m
	}
	for _, k := range areas {
		if _, seen := p.where[k]; !seen {
			p.where[k] = ""
		}
	}
	for k := range p.where {
		p.Keys = append(p.Keys, k)
	}
	sort.Strings(p.Keys)
	return nil
}

// checkAreas records the areas a table lacks (missing values there);
// it refuses them where the table is complete or its keys lost their
// leading zeros.
func (b *panelBuilder) checkAreas() error {
	p, tables := b.p, b.tables
	b.gaps = make([]*Gap, len(tables))
	for ti, t := range tables {
		b.gaps[ti] = &Gap{Table: t}
		var missing []string
		for _, k := range p.Keys {
			if _, ok := b.keysOf[ti][k]; !ok {
				b.gaps[ti].Areas = append(b.gaps[ti].Areas, k)
				if p.where[k] != "" {
					missing = append(missing, fmt.Sprintf("%q (%s)", k, p.where[k]))
				} else {
					missing = append(missing, fmt.Sprintf("%q", k))
				}
			}
		}
		if len(missing) > 0 {
			var hint lang.Message
			for _, k := range p.Keys {
				if _, ok := b.keysOf[ti][k]; ok {
					continue
				}
				for other := range b.keysOf[ti] {
					if other != k && strings.TrimLeft(other, "0") == strings.TrimLeft(k, "0") {
						hint = lang.M("; the keys look as if leading zeros were lost (%q here, %q in %s): keep keys as text, for example by quoting them or formatting the column as text in the spreadsheet", other, k, p.where[k])
						break
					}
				}
				if hint.Format != "" {
					break
				}
			}
			// Lost leading zeros are an error even where missing rows
			// are allowed: the rows are there, under other keys.
			if t.Complete || hint.Format != "" {
				if hint.Format == "" {
					hint = lang.M("; the plan marks this input complete: true (without it, these areas would have missing values)")
				}
				return &InputError{File: t.Name, M: lang.M("%d area(s) found in other tables or the geometry have no row here: %s%s",
					len(missing), listSome(missing, 5), hint)}
			}
		}
	}
	return nil
}

// mapRows maps each table's rows to the panel's cells, and finds the
// cells of the years a table has without a row for them.
func (b *panelBuilder) mapRows() error {
	p, tables := b.p, b.tables
	b.keyIdx = make(map[string]int, len(p.Keys))
	for i, k := range p.Keys {
		b.keyIdx[k] = i
	}
	nA, nY := len(p.Keys), len(p.Years)
	b.tableYears = make([][]bool, len(tables))
	b.cellOf = make([][]int32, len(tables))
	b.noRow = make([][]int32, len(tables))
	for ti, t := range tables {
		has := make([]bool, nY)
		cover := make([]bool, nA*nY)
		cells := make([]int32, t.Len())
		// The panel's area of each key, looked up once per distinct key.
		areaOf := make([]int, len(t.keys.Levels))
		for c, k := range t.keys.Levels {
			areaOf[c] = b.keyIdx[k]
		}
		lastYear, lastYi := int32(0), -1
		for i, c := range t.keys.Codes {
			if y := t.years[i]; lastYi < 0 || y != lastYear {
				lastYear, lastYi = y, p.YearIndex(int(y))
			}
			yi := lastYi
			if yi < 0 {
				cells[i] = -1
				continue
			}
			a := areaOf[c]
			has[yi] = true
			cover[yi*nA+a] = true
			cells[i] = int32(yi*nA + a)
		}
		b.cellOf[ti] = cells
		// The areas the table has rows for, looked up once, not once a year.
		inTable := make([]bool, nA)
		for a, k := range p.Keys {
			_, inTable[a] = b.keysOf[ti][k]
		}
		var missing []lang.Message
		var absent []int
		for yi := range p.Years {
			if !has[yi] {
				absent = append(absent, p.Years[yi])
				continue
			}
			for a, k := range p.Keys {
				if inTable[a] && !cover[yi*nA+a] {
					missing = append(missing, lang.M("area %q in %d", k, lang.Digits(p.Years[yi])))
				}
			}
		}
		if len(missing) > 0 && t.Complete {
			return &InputError{File: t.Name, M: lang.M("missing rows (the table has these years for other areas): %s; the plan marks this input complete: true", listSome(missing, 5))}
		}
		b.gaps[ti].Cells = missing
		for yi := range p.Years {
			if has[yi] {
				for a := range p.Keys {
					if !cover[yi*nA+a] {
						b.noRow[ti] = append(b.noRow[ti], int32(yi*nA+a))
					}
				}
			}
		}
		if len(b.gaps[ti].Areas) > 0 || len(b.gaps[ti].Cells) > 0 {
			p.Gaps = append(p.Gaps, *b.gaps[ti])
		}
		if len(absent) == 1 {
			p.Notes = append(p.Notes, lang.M("%s has no data for %s; its variables are missing in that year", t.Name, strconv.Itoa(absent[0])))
		} else if len(absent) > 1 {
			p.Notes = append(p.Notes, lang.M("%s has no data for %s; its variables are missing in those years", t.Name, YearRanges(absent)))
		}
		b.tableYears[ti] = has
	}
	return nil
}

// addVariable sums a variable's rows (those its filters accept) into
// its series; filters are decided once per distinct value of their
// column, cached in dimCache across variables.
func (b *panelBuilder) addVariable(s VariableSpec, dimCache map[dimKey]coded) error {
	p, tables := b.p, b.tables
	nA := len(p.Keys)
	if _, dup := p.vars[s.Name]; dup {
		return fmt.Errorf("variable %q is defined twice", s.Name)
	}
	t := s.Table
	col := t.ValueIndex(s.Column)
	if col < 0 {
		return fmt.Errorf("variable %q: column %q was not read from %s", s.Name, s.Column, t.Name)
	}
	dims := make([]int, len(s.Where))
	for i, f := range s.Where {
		dims[i] = t.DimIndex(f.Column)
		if dims[i] < 0 {
			return fmt.Errorf("variable %q: filter column %q was not read from %s", s.Name, f.Column, t.Name)
		}
	}
	ser := NewSeries(p.Len())
	ti := indexOf(tables, t)
	for yi := range p.Years {
		if !b.tableYears[ti][yi] {
			for a := 0; a < nA; a++ {
				ser.Values[yi*nA+a] = math.NaN()
				ser.Flags[yi*nA+a] = NoData
			}
		}
	}
	for _, c := range b.noRow[ti] {
		ser.Values[c], ser.Flags[c] = math.NaN(), NoData
	}
	// Each filter decided once per distinct value of its column.
	dimCodes := make([][]int32, len(s.Where))
	accept := make([][]bool, len(s.Where))
	for fi, f := range s.Where {
		dc, ok := dimCache[dimKey{t, dims[fi]}]
		if !ok {
			col := t.dims[dims[fi]]
			dc.codes, dc.levels = col.Codes, col.Levels
			dimCache[dimKey{t, dims[fi]}] = dc
		}
		codes, levels := dc.codes, dc.levels
		dimCodes[fi] = codes
		accept[fi] = make([]bool, len(levels))
		for li, v := range levels {
			ok, err := f.match(v)
			if err != nil {
				return t.errAt(firstRowOf(codes, int32(li)), f.Column, "%v", err)
			}
			accept[fi][li] = ok
		}
	}
	cells, vals, flags := b.cellOf[ti], t.Values[col], t.Flags[col]
	matched := 0
rows:
	for i, c := range cells {
		if c < 0 {
			continue
		}
		for fi := range dimCodes {
			if !accept[fi][dimCodes[fi][i]] {
				continue rows
			}
		}
		matched++
		if s.Count {
			if err := checkCount(t, i, s, vals[i]); err != nil {
				return err
			}
		}
		ser.Values[c] += vals[i]
		ser.Flags[c] |= flags[i]
	}
	if matched == 0 && len(s.Where) > 0 {
		return &InputError{File: t.Name, M: lang.M("variable %q: no row matches %s", s.Name, describeFilters(s.Where, t))}
	}
	p.names = append(p.names, s.Name)
	p.vars[s.Name] = ser
	return nil
}

func firstRowOf(codes []int32, c int32) int {
	for i, x := range codes {
		if x == c {
			return i
		}
	}
	return 0
}

func describeFilters(fs []Filter, t *Table) string {
	var parts []string
	for _, f := range fs {
		vals := map[string]bool{}
		if d := t.DimIndex(f.Column); d >= 0 {
			for _, v := range t.dims[d].Levels { // in the order they occur
				vals[v] = true
				if len(vals) > 12 {
					break
				}
			}
		}
		var list []string
		for v := range vals {
			list = append(list, v)
		}
		sort.Strings(list)
		parts = append(parts, fmt.Sprintf("%s: %s (values in the table: %s)", f.Column, f.Text, quoteList(list, 12)))
	}
	return strings.Join(parts, "; ")
}

func indexOf(ts []*Table, t *Table) int {
	for i, x := range ts {
		if x == t {
			return i
		}
	}
	return -1
}

func listSome[T string | lang.Message](items []T, n int) lang.Message {
	ms := make([]lang.Message, 0, n)
	for i, it := range items {
		if i == n {
			break
		}
		switch v := any(it).(type) {
		case string:
			ms = append(ms, lang.M("%s", v))
		case lang.Message:
			ms = append(ms, v)
		}
	}
	if len(items) <= n {
		return lang.Join(", ", ms)
	}
	return lang.M("%s and %d more", lang.Join(", ", ms), len(items)-n)
}

func yearList(ys []int) string {
	if len(ys) == 0 {
		return "(none)"
	}
	if len(ys) > 2 && ys[len(ys)-1]-ys[0] == len(ys)-1 {
		return fmt.Sprintf("%d–%d", ys[0], ys[len(ys)-1])
	}
	parts := make([]string, len(ys))
	for i, y := range ys {
		parts[i] = fmt.Sprint(y)
	}
	return strings.Join(parts, ", ")
}

// YearRanges writes ascending years as ranges: "2014–2019, 2021".
func YearRanges(ys []int) string {
	var parts []string
	for i := 0; i < len(ys); {
		j := i
		for j+1 < len(ys) && ys[j+1] == ys[j]+1 {
			j++
		}
		if j > i {
			parts = append(parts, fmt.Sprintf("%d–%d", ys[i], ys[j]))
		} else {
			parts = append(parts, fmt.Sprint(ys[i]))
		}
		i = j + 1
	}
	return strings.Join(parts, ", ")
}

// checkCount refuses a value that cannot be a count of persons: negative,
// or fractional unless the variable is weighted. A fraction such as 0,4
// would otherwise pass disclosure control, which hides counts 1 and 2.
func checkCount(t *Table, row int, s VariableSpec, v float64) error {
	switch {
	case v < 0:
		return t.errAt(row, s.Column, "%v is negative, but %q is a count", v, s.Name)
	case !s.Weighted && v != math.Trunc(v) && !math.IsNaN(v) && !math.IsInf(v, 0):
		return t.errAt(row, s.Column, "%v is not a whole number, but %q is a count of persons; for weighted counts (fractional by design) write weighted: true in the variable, for values that are not counts count: false", v, s.Name)
	}
	return nil
}
