package datasets

import (
	"encoding/binary"
	"fmt"
	"planatlas/lang"
	"sort"
	"strconv"
	"strings"
)

// Spec names the columns of an input table that a plan uses. Only these
// are read; every other column is skipped without being parsed.
type Spec struct {
	Key       string       // column with the area key, read as text ("01" stays "01"); "" for points located by their coordinates
	Year      string       // column with the year; "" if the table holds one year only
	FixedYear int          // the year of a table without a year column
	Dims      []string     // dimension columns of a long table (age, sex, ...), read as text
	Values    []string     // numeric columns
	Missing   MissingCodes // codes the source writes for missing values
}

// Table is an input table reduced to the columns of its Spec, one entry
// per data row. Dims, Values and Flags are indexed like Spec.Dims and
// Spec.Values. Keys and dimensions are stored as dictionary codes
// (TextColumn), years and lines as int32: 4 bytes per row each instead
// of a 16-byte string header or an 8-byte int (a 2 GB CSV of 80 million
// rows held 95 bytes per row before).
type Table struct {
	Name   string       // the file name used in messages
	Spec   Spec         // what was read
	keys   TextColumn   // area key per row
	years  []int32      // year per row
	dims   []TextColumn // [dimension], rows as codes
	Values [][]float64  // [value column][row]; NaN where missing
	Flags  [][]Flag     // [value column][row]
	lines  []int32      // source line (CSV) or 1-based row (Parquet, Arrow) per row
	ByRow  bool         // Lines counts rows, not text lines
	Unit   string       // what a row is called where ByRow: "row" if "", "feature" for geometry files, "case" for SPSS files
	// Complete: every area must have a row in every year the table has;
	// otherwise an area without a row has missing values (NoData).
	Complete bool
	parts    []part // the files of a table read from several (Concat)
}

// NewTable returns a table without rows for the columns of spec.
func NewTable(name string, spec Spec) *Table {
	return &Table{Name: name, Spec: spec, dims: make([]TextColumn, len(spec.Dims)),
		Values: make([][]float64, len(spec.Values)), Flags: make([][]Flag, len(spec.Values))}
}

// Key returns the area key of row i.
func (t *Table) Key(i int) string { return t.keys.At(i) }

// Year returns the year of row i.
func (t *Table) Year(i int) int { return int(t.years[i]) }

// Line returns the source line (or row, where ByRow) of row i.
func (t *Table) Line(i int) int { return int(t.lines[i]) }

// Dim returns the value of dimension d (indexed like Spec.Dims) in row i.
func (t *Table) Dim(d, i int) string { return t.dims[d].At(i) }

// NumDims returns the number of dimension columns.
func (t *Table) NumDims() int { return len(t.dims) }

// KeyColumn returns the area keys as codes and levels (levels in the
// order they first occur; each occurs in some row).
func (t *Table) KeyColumn() Coded { return t.keys.Coded }

// DimColumn returns dimension d as codes and levels, as KeyColumn.
func (t *Table) DimColumn(d int) Coded { return t.dims[d].Coded }

// RowDims returns the dimension values of row i, in buf if it has room.
func (t *Table) RowDims(i int, buf []string) []string {
	buf = buf[:0]
	for d := range t.dims {
		buf = append(buf, t.dims[d].At(i))
	}
	return buf
}

// AppendRow adds a row; dims, vals and flags are indexed like the
// table's dimension and value columns.
func (t *Table) AppendRow(key string, year, line int, dims []string, vals []float64, flags []Flag) {
	t.appendRow(key, year, line, dims)
	for v := range t.Values {
		t.Values[v] = append(t.Values[v], vals[v])
		t.Flags[v] = append(t.Flags[v], flags[v])
	}
}

// appendRow adds a row's key, year, line and dimensions, not its values.
func (t *Table) appendRow(key string, year, line int, dims []string) {
	t.keys.Append(key)
	t.years = append(t.years, int32(year))
	t.lines = append(t.lines, int32(line))
	for d := range t.dims {
		t.dims[d].Append(dims[d])
	}
}

// seal drops the columns' indexes once all rows are read.
func (t *Table) seal() {
	t.keys.seal()
	for d := range t.dims {
		t.dims[d].seal()
	}
}

// part is one file of a table read from several: its rows begin at
// start.
type part struct {
	name  string
	start int
}

// File returns the name of the file row i comes from: Name, or for a
// table read from several files (Concat) the file of that row.
func (t *Table) File(i int) string {
	if len(t.parts) == 0 {
		return t.Name
	}
	k := sort.Search(len(t.parts), func(k int) bool { return t.parts[k].start > i }) - 1
	return t.parts[max(k, 0)].name
}

// Concat joins tables read with the same Spec from several files, in
// the order given, into one named name (for messages about the whole
// table; messages about a row name its file). An area and year found in
// two files is an error naming both.
func Concat(name string, tables []*Table) (*Table, error) {
	if len(tables) == 1 {
		return tables[0], nil
	}
	out := &Table{Name: name, Spec: tables[0].Spec, ByRow: tables[0].ByRow, Unit: tables[0].Unit,
		dims: make([]TextColumn, len(tables[0].dims)), Values: make([][]float64, len(tables[0].Values)), Flags: make([][]Flag, len(tables[0].Values))}
	n := 0
	for _, t := range tables {
		n += t.Len()
	}
	out.reserve(n)
	// The years of each file: only files that share a year can share an
	// area and year.
	yearsOf := make([]map[int]bool, len(tables))
	for k, t := range tables {
		yearsOf[k] = map[int]bool{}
		for _, y := range t.years {
			yearsOf[k][int(y)] = true
		}
		for j := 0; j < k; j++ {
			for y := range yearsOf[k] {
				if yearsOf[j][y] {
					if err := overlap(tables[j], t, y); err != nil {
						return nil, err
					}
				}
			}
		}
		out.parts = append(out.parts, part{name: t.Name, start: out.Len()})
		out.keys.appendColumn(t.keys)
		out.years = append(out.years, t.years...)
		out.lines = append(out.lines, t.lines...)
		for d := range t.dims {
			out.dims[d].appendColumn(t.dims[d])
		}
		for v := range t.Values {
			out.Values[v] = append(out.Values[v], t.Values[v]...)
			out.Flags[v] = append(out.Flags[v], t.Flags[v]...)
		}
	}
	out.seal()
	return out, nil
}

// overlap reports the first area that both a and b have in year y.
func overlap(a, b *Table, y int) error {
	rows := map[string]int{}
	for i, c := range a.keys.Codes {
		if int(a.years[i]) == y {
			if k := a.keys.Levels[c]; rows[k] == 0 {
				rows[k] = i + 1
			}
		}
	}
	// b's first row per key in year y, in row order.
	first := make([]bool, len(b.keys.Levels))
	for i, c := range b.keys.Codes {
		if int(b.years[i]) != y || first[c] {
			continue
		}
		first[c] = true
		k := b.keys.Levels[c]
		if j := rows[k]; j > 0 {
			return b.errAt(i, "", "area %q, year %d is also in %s: each area and year may come from one file only (are two files for the same year, or is the year read wrongly?)", k, y, a.Loc(j-1))
		}
	}
	return nil
}

// reserve makes room for n rows, so that the columns of a large file grow
// without copying (which doubled the peak memory of a 2 GB file).
func (t *Table) reserve(n int) {
	t.keys.reserve(n)
	t.years, t.lines = make([]int32, 0, n), make([]int32, 0, n)
	for d := range t.dims {
		t.dims[d].reserve(n)
	}
	for v := range t.Values {
		t.Values[v], t.Flags[v] = make([]float64, 0, n), make([]Flag, 0, n)
	}
}

// DropRows frees the rows once they are no longer needed, keeping Name
// and Spec for messages.
func (t *Table) DropRows() {
	t.keys, t.years, t.dims, t.Values, t.Flags, t.lines = TextColumn{}, nil, nil, nil, nil, nil
	t.parts = nil
}

// Len returns the number of data rows.
func (t *Table) Len() int { return len(t.keys.Codes) }

// Loc returns "file:line" (or "file: row n") of row i, for messages.
func (t *Table) Loc(i int) string {
	if t.ByRow {
		unit := t.Unit
		if unit == "" {
			unit = "row"
		}
		return fmt.Sprintf("%s: %s %d", t.File(i), unit, t.lines[i])
	}
	return fmt.Sprintf("%s:%d", t.File(i), t.lines[i])
}

// LocMessage is Loc for the reader's language: "bevoelkerung.csv:12",
// "schulen.geojson: Objekt 60".
func (t *Table) LocMessage(i int) lang.Message {
	line := strconv.Itoa(int(t.lines[i]))
	switch {
	case !t.ByRow:
		return lang.M("%s", t.Loc(i))
	case t.Unit == "" || t.Unit == "row":
		return lang.M("%s: row %s", t.File(i), line)
	case t.Unit == "feature":
		return lang.M("%s: feature %s", t.File(i), line)
	case t.Unit == "case":
		return lang.M("%s: case %s", t.File(i), line)
	}
	return lang.M("%s", t.Loc(i))
}

// errAt builds an InputError for row i.
func (t *Table) errAt(i int, column, format string, args ...any) *InputError {
	return &InputError{File: t.File(i), Line: int(t.lines[i]), row: t.ByRow, unit: t.Unit, Column: column, M: lang.M(format, args...)}
}

// ValueIndex returns the position of a value column in t.Values, or -1.
func (t *Table) ValueIndex(column string) int {
	for i, c := range t.Spec.Values {
		if c == column {
			return i
		}
	}
	return -1
}

// DimIndex returns the position of a dimension column (Dim, DimColumn),
// or -1.
func (t *Table) DimIndex(column string) int {
	for i, c := range t.Spec.Dims {
		if c == column {
			return i
		}
	}
	return -1
}

// CheckUnique reports the first two rows with the same area, year and
// dimension values: in a wide table one row per area and year, in a long
// table one row per area, year and combination of dimensions.
func (t *Table) CheckUnique() error {
	// Rows are numbered by (key, year, dimension values) densely where
	// the product of the distinct counts is small, as it is for every
	// real table: an array lookup per row instead of a map insert of a
	// composed string (4.5 s of 8 million population rows before).
	codes := make([][]int32, 0, 2+len(t.dims))
	sizes := make([]int, 0, 2+len(t.dims))
	coded := func(col TextColumn) {
		codes = append(codes, col.Codes)
		sizes = append(sizes, max(1, len(col.Levels)))
	}
	coded(t.keys)
	years := make([]int32, t.Len())
	yid := map[int32]int32{}
	for i, y := range t.years {
		id, ok := yid[y]
		if !ok {
			id = int32(len(yid))
			yid[y] = id
		}
		years[i] = id
	}
	codes, sizes = append(codes, years), append(sizes, max(1, len(yid)))
	for _, d := range t.dims {
		coded(d)
	}
	cells := 1
	for _, n := range sizes {
		if cells > (1<<40)/n {
			cells = -1
			break
		}
		cells *= n
	}
	row := func(i int) int {
		c := 0
		for k, n := range sizes {
			c = c*n + int(codes[k][i])
		}
		return c
	}
	var firstRow func(i int) (int, bool)
	if cells >= 0 && cells <= max(1<<20, 4*t.Len()) {
		first := make([]int32, cells)
		firstRow = func(i int) (int, bool) {
			c := row(i)
			if j := first[c]; j > 0 {
				return int(j - 1), true
			}
			first[c] = int32(i + 1)
			return 0, false
		}
	} else {
		// Too many combinations for an array: the codes as a map key.
		seen := make(map[string]int, t.Len())
		buf := make([]byte, 0, 4*len(codes))
		firstRow = func(i int) (int, bool) {
			buf = buf[:0]
			for _, cs := range codes {
				buf = binary.LittleEndian.AppendUint32(buf, uint32(cs[i]))
			}
			c := string(buf)
			if j, dup := seen[c]; dup {
				return j, true
			}
			seen[c] = i
			return 0, false
		}
	}
	for i := range t.Len() {
		j, dup := firstRow(i)
		if !dup {
			continue
		}
		dims := ""
		for di, d := range t.dims {
			dims += fmt.Sprintf(", %s %q", t.Spec.Dims[di], d.At(i))
		}
		what := lang.M("area %q, year %d%s", t.Key(i), lang.Digits(t.Year(i)), dims)
		var hint lang.Message
		if !t.sameValues(i, j) {
			hint = lang.M("; the rows differ in their values: if the table is long (one row per age, sex, ...), name all its dimension columns in the plan")
		}
		var same any = lang.M("line %d", lang.Digits(t.Line(j)))
		if t.File(j) != t.File(i) {
			same = t.Loc(j)
		}
		return t.errAt(i, "", "duplicate row for %s: the same as %s%s", what, same, hint)
	}
	return nil
}

// sameValues reports whether rows i and j hold the same values.
func (t *Table) sameValues(i, j int) bool {
	for c := range t.Values {
		a, b := t.Values[c][i], t.Values[c][j]
		if a != b && !(a != a && b != b) || t.Flags[c][i] != t.Flags[c][j] {
			return false
		}
	}
	return true
}

// resolveColumns finds the Spec's columns in a header and returns their
// positions: key, year (-1 if none), dims, values. A missing column is an
// error with the closest existing names; a header that looks like one
// column holding several names points at the delimiter.
func resolveColumns(name string, header []string, spec Spec, delim rune) (key, year int, dims, vals []int, err error) {
	index := make(map[string]int, len(header))
	for i, h := range header {
		if _, dup := index[h]; dup && h != "" {
			return 0, 0, nil, nil, &InputError{File: name, Line: 1, Column: h, M: lang.M("the header names this column twice")}
		}
		index[h] = i
	}
	find := func(col, role string) (int, error) {
		if i, ok := index[col]; ok {
			return i, nil
		}
		return -1, missingColumnError(name, header, col, role, delim)
	}
	key = -1
	if spec.Key != "" { // "" for points, whose area is found from their coordinates
		if key, err = find(spec.Key, "area key"); err != nil {
			return
		}
	}
	year = -1
	if spec.Year != "" {
		if year, err = find(spec.Year, "year"); err != nil {
			return
		}
	}
	for _, d := range spec.Dims {
		var i int
		if i, err = find(d, "dimension"); err != nil {
			return
		}
		dims = append(dims, i)
	}
	for _, v := range spec.Values {
		var i int
		if i, err = find(v, "value"); err != nil {
			return
		}
		vals = append(vals, i)
	}
	return
}

func missingColumnError(name string, header []string, col, role string, delim rune) error {
	what := lang.M(role + " column")
	if hint := DelimiterHint(header, delim); hint.Format != "" {
		return &InputError{File: name, Line: 1, M: lang.M("%s %q not found; %s", what, col, hint)}
	}
	var mean lang.Message
	if s := Suggest(col, header); s != "" {
		mean = lang.M("; did you mean %q?", s)
	}
	return &InputError{File: name, Line: 1, M: lang.M("%s %q not found%s (columns: %s)", what, col, mean, quoteList(header, 12))}
}

// DelimiterHint explains a header that was read as a single column
// holding another delimiter: "the header is a single column "a,b": the
// file seems to be delimited by ",", not ";"". It returns "" otherwise.
func DelimiterHint(header []string, delim rune) lang.Message {
	if len(header) != 1 {
		return lang.Message{}
	}
	for _, d := range []rune{';', '\t', ',', '|'} {
		if d != delim && strings.ContainsRune(header[0], d) {
			return lang.M("the header is a single column %q: the file seems to be delimited by %s, not %s", header[0], delimName(d), delimName(delim))
		}
	}
	return lang.Message{}
}

func delimName(d rune) string {
	switch d {
	case ';':
		return `";"`
	case ',':
		return `","`
	case '\t':
		return "tab"
	case 0:
		return "(none)"
	}
	return fmt.Sprintf("%q", d)
}

func quoteList(names []string, max int) string {
	var parts []string
	for i, n := range names {
		if i == max {
			parts = append(parts, fmt.Sprintf("… +%d", len(names)-max))
			break
		}
		parts = append(parts, fmt.Sprintf("%q", n))
	}
	return strings.Join(parts, ", ")
}

// Suggest returns the candidate closest to name if it is close enough to
// be a likely misspelling (up to two or three edits, ignoring case), or
// a candidate one of them begins with; "" if there is none.
func Suggest(name string, candidates []string) string {
	best, bestD := "", 1<<30
	sorted := append([]string(nil), candidates...)
	sort.Strings(sorted)
	for _, c := range sorted {
		d := editDistance(strings.ToLower(name), strings.ToLower(c))
		if d < bestD {
			best, bestD = c, d
		}
	}
	limit := 2
	if len(name) > 8 {
		limit = 3
	}
	if bestD <= limit {
		return best
	}
	// A candidate that begins the name or that the name begins, such as
	// "einwohner" for "einwohnerzahl".
	best = ""
	low := strings.ToLower(name)
	for _, c := range sorted {
		lc := strings.ToLower(c)
		if len(lc) >= 4 && len(low) >= 4 && (strings.HasPrefix(low, lc) || strings.HasPrefix(lc, low)) && len(c) > len(best) {
			best = c
		}
	}
	return best
}

func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// SetKeys gives the rows their area keys (for points, the areas that
// contain them) and drops the rows whose key is "" (points outside every
// area).
func (t *Table) SetKeys(keys []string) {
	var col TextColumn
	keep := 0
	for i, k := range keys {
		if k == "" {
			continue
		}
		col.Append(k)
		t.years[keep] = t.years[i]
		t.lines[keep] = t.lines[i]
		for d := range t.dims {
			t.dims[d].Codes[keep] = t.dims[d].Codes[i]
		}
		for v := range t.Values {
			t.Values[v][keep] = t.Values[v][i]
			t.Flags[v][keep] = t.Flags[v][i]
		}
		keep++
	}
	col.seal()
	t.keys, t.years, t.lines = col, t.years[:keep], t.lines[:keep]
	for d := range t.dims {
		t.dims[d].Codes = t.dims[d].Codes[:keep]
		t.dims[d].renumber()
	}
	for v := range t.Values {
		t.Values[v] = t.Values[v][:keep]
		t.Flags[v] = t.Flags[v][:keep]
	}
}

// AddConstant adds a value column holding v in every row, such as the
// count column of a points table (each point counts once).
func (t *Table) AddConstant(column string, v float64) {
	t.Spec.Values = append(append([]string(nil), t.Spec.Values...), column)
	vals := make([]float64, t.Len())
	for i := range vals {
		vals[i] = v
	}
	t.Values = append(t.Values, vals)
	t.Flags = append(t.Flags, make([]Flag, t.Len()))
}

// AddColumn adds a value column computed from the others, such as a
// variable's formula over the columns of a wide table; a column of that
// name already added is kept.
func (t *Table) AddColumn(column string, vals []float64, flags []Flag) {
	if t.ValueIndex(column) >= 0 {
		return
	}
	t.Spec.Values = append(append([]string(nil), t.Spec.Values...), column)
	t.Values = append(t.Values, vals)
	t.Flags = append(t.Flags, flags)
}

// RowError is an InputError about row i of the table and a column.
func (t *Table) RowError(i int, column, format string, args ...any) *InputError {
	return t.errAt(i, column, format, args...)
}
