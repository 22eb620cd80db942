package datasets

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
)

// MissingCodes are the codes with which a source marks missing values
// instead of leaving the cell empty, such as -9999 for areas below a
// minimum population. A code that reads as a number matches every cell
// with that value (-9999 matches "-9999", "-9999,0" and "-9.999"); any
// other code matches a cell holding exactly that text. Matching cells
// become NaN with the flag SourceMissing. The official signs (".", "-", "x",
// "…", "/") and empty cells are understood without a declaration and
// keep their meaning.
type MissingCodes struct {
	All []string // the codes of every value column
	// Column holds codes of single columns, in addition to All. A column
	// named here has its codes declared in full: none of its values is
	// suspected of being an undeclared code (see SuspectCode), so
	// {S1: []} says that S1 has none.
	Column map[string][]string
}

// Empty reports whether no code is declared.
func (m MissingCodes) Empty() bool { return len(m.All) == 0 && len(m.Column) == 0 }

// codeSet is the codes of one column, split into texts and numbers.
type codeSet struct {
	texts map[string]bool
	nums  []float64
}

func (m MissingCodes) forColumn(col string) codeSet {
	var cs codeSet
	add := func(code string) {
		code = trimSpace(code)
		if v, err := strconv.ParseFloat(code, 64); err == nil && !math.IsNaN(v) && !math.IsInf(v, 0) {
			cs.nums = append(cs.nums, v)
			return
		}
		if _, f, err := ParseNumber(code, DecimalPoint); err == nil && f&Missing != 0 {
			return // an official sign: understood anyway
		}
		if cs.texts == nil {
			cs.texts = map[string]bool{}
		}
		cs.texts[code] = true
	}
	for _, c := range m.All {
		add(c)
	}
	for _, c := range m.Column[col] {
		add(c)
	}
	return cs
}

func (cs codeSet) text(s string) bool { return cs.texts != nil && cs.texts[trimSpace(s)] }

func (cs codeSet) number(v float64) bool {
	for _, c := range cs.nums {
		if v == c {
			return true
		}
	}
	return false
}

// textCodes returns the text codes of each of the Spec's value columns,
// nil where a column has none, for the readers of text cells.
func (s Spec) textCodes() []codeSet {
	if s.Missing.Empty() {
		return nil
	}
	out := make([]codeSet, len(s.Values))
	for i, c := range s.Values {
		out[i] = s.Missing.forColumn(c)
	}
	return out
}

// MarkMissing turns the cells that hold a declared numeric code into NaN
// flagged SourceMissing (text codes are matched while a text file is read), and
// then looks for undeclared codes: it returns a *SuspectCode for the
// first value that looks like one (see SuspectCode), nil otherwise.
func (t *Table) MarkMissing() error {
	m := t.Spec.Missing
	for c, col := range t.Spec.Values {
		cs := m.forColumn(col)
		if len(cs.nums) == 0 {
			continue
		}
		vals, flags := t.Values[c], t.Flags[c]
		for i, v := range vals {
			if cs.number(v) {
				vals[i], flags[i] = math.NaN(), flags[i]|SourceMissing
			}
		}
	}
	for c, col := range t.Spec.Values {
		if _, declared := m.Column[col]; declared {
			continue
		}
		if s := t.suspect(c); s != nil {
			return s
		}
	}
	return nil
}

// SuspectCode is a value that looks like an undeclared code for a
// missing value. A value v of a column is suspected when, among the
// column's values that are not missing:
//
//   - v is negative and made of nines (-99, -999, -9999, …) while all
//     other values are 0 or more, apart from other such nines; or
//   - v is positive and made of nines (999, 9999, 99999, …), it is the
//     column's largest value, and its distance to the next value is
//     larger than the whole range of the other values; or
//   - v is the column's largest or smallest value, it occurs in two or
//     more rows of two or more areas, the other values take at least
//     five distinct values, and v's distance to the nearest of them is
//     more than twice their whole range.
//
// The range of the other values is the measure of scale: it is large
// for skewed data such as population counts (one large area makes it
// wide), so real extremes are not taken for codes; a code such as -9999
// in a column of shares (0 to 60) is 166 ranges away. A value that only
// one area holds, in several years, is not repeated in this sense.
// Apart from the first rule, columns of fewer than four values are not
// judged.
type SuspectCode struct {
	File   string
	Column string
	Value  float64
	Rows   int      // the rows holding it
	Where  []string // where the first few are ("file:line")
	Keys   []string // the areas of the first few
}

func (e *SuspectCode) Error() string {
	return fmt.Sprintf("%s: column %q: %s in %d row(s) (%s) looks like a code for a missing value, not a number",
		e.File, e.Column, e.Text(), e.Rows, strings.Join(e.Where, ", "))
}

// Text is the value as a plan would write it: -9999.
func (e *SuspectCode) Text() string { return strconv.FormatFloat(e.Value, 'f', -1, 64) }

// BadInput reports that the error is the user's to fix.
func (e *SuspectCode) BadInput() bool { return true }

// nines reports whether v is ±99, ±999, … (at least two nines).
func nines(v float64) bool {
	a := math.Abs(v)
	if a < 99 || a > 1e15 || a != math.Trunc(a) {
		return false
	}
	s := strconv.FormatFloat(a, 'f', 0, 64)
	return strings.Trim(s, "9") == ""
}

// suspect applies SuspectCode's rules to value column c.
func (t *Table) suspect(c int) *SuspectCode {
	vals := t.Values[c]
	n := 0
	lo, hi := math.Inf(1), math.Inf(-1) // over all values
	minPlain := math.Inf(1)             // the smallest value that is not a negative nines
	negNines := map[float64]int{}       // negative nines → first row
	for i, v := range vals {
		if math.IsNaN(v) {
			continue
		}
		n++
		lo, hi = math.Min(lo, v), math.Max(hi, v)
		if v < 0 && nines(v) {
			if _, ok := negNines[v]; !ok {
				negNines[v] = i
			}
			continue
		}
		minPlain = math.Min(minPlain, v)
	}
	if len(negNines) > 0 && minPlain >= 0 {
		var codes []float64
		for v := range negNines {
			codes = append(codes, v)
		}
		sort.Float64s(codes)
		return t.suspectOf(c, codes[len(codes)-1]) // the one nearest to 0 first: -99 before -9999
	}
	if n < 4 {
		return nil
	}
	// The extremes, and the values next to them.
	lo2, hi2 := math.Inf(1), math.Inf(-1)
	distinct := map[float64]bool{}
	for _, v := range vals {
		if math.IsNaN(v) {
			continue
		}
		if v != lo {
			lo2 = math.Min(lo2, v)
		}
		if v != hi {
			hi2 = math.Max(hi2, v)
		}
		if len(distinct) < 7 {
			distinct[v] = true
		}
	}
	if lo == hi {
		return nil
	}
	// The largest value against the others, [lo, hi2].
	if gap, spread := hi-hi2, hi2-lo; hi > 0 && nines(hi) && gap > spread && n-t.rowsOf(c, hi, 0) >= 3 {
		return t.suspectOf(c, hi)
	}
	for _, v := range []float64{hi, lo} {
		var gap, spread float64
		if v == hi {
			gap, spread = hi-hi2, hi2-lo
		} else {
			gap, spread = lo2-lo, hi-lo2
		}
		// five distinct values besides v
		if len(distinct) < 6 || gap <= 2*spread {
			continue
		}
		if t.rowsOf(c, v, 2) >= 2 {
			return t.suspectOf(c, v)
		}
	}
	return nil
}

// rowsOf counts the rows of column c holding v; with areas > 0 it stops
// at 0 unless v occurs in at least that many areas.
func (t *Table) rowsOf(c int, v float64, areas int) int {
	rows := 0
	keys := map[int32]bool{}
	for i, x := range t.Values[c] {
		if x == v {
			rows++
			if len(keys) < areas {
				keys[t.keys.Codes[i]] = true
			}
		}
	}
	if len(keys) < areas {
		return 0
	}
	return rows
}

func (t *Table) suspectOf(c int, v float64) *SuspectCode {
	s := &SuspectCode{File: t.Name, Column: t.Spec.Values[c], Value: v}
	for i, x := range t.Values[c] {
		if x != v {
			continue
		}
		s.Rows++
		if len(s.Where) < 3 {
			s.Where = append(s.Where, t.Loc(i))
			s.Keys = append(s.Keys, t.Key(i))
		}
	}
	return s
}
