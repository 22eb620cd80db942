package plan

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"

	"planatlas/datasets"
	"planatlas/geo"
	"planatlas/lang"
)

// readTable reads a table input (csv, parquet, arrow) from its files, in
// order, as one table, each file recorded in the manifest; with year:
// {from_name: …} each file's rows take the year of its name. Declared
// missing-value codes become missing values, and undeclared ones are
// errors.
func (r *runner) readTable(in *input) (*datasets.Table, error) {
	var parts []*datasets.Table
	var years []int
	for _, name := range in.files {
		cols := in.cols
		if in.yearName != nil {
			y, err := in.fileYear(name)
			if err != nil {
				return nil, errAt(r.c.plan.File, in.spec.Year.Line, "input %q: %v", in.name, err)
			}
			cols.FixedYear = y
			years = append(years, y)
		}
		rd, done, err := r.hashed(name)
		if err != nil {
			return nil, errAt(r.c.plan.File, in.line, "input %q: %v", in.name, err)
		}
		var t *datasets.Table
		switch in.format {
		case "csv":
			opt := in.csv
			opt.SizeHint = rd.(*countReader).size
			t, err = datasets.ReadCSV(rd, name, cols, opt)
		default:
			var data []byte
			if data, err = io.ReadAll(rd); err == nil {
				br := bytes.NewReader(data)
				if in.format == "parquet" {
					t, err = datasets.ReadParquet(br, int64(len(data)), name, cols)
				} else {
					t, err = datasets.ReadIPC(br, int64(len(data)), name, cols)
				}
			}
		}
		if err = done(err); err != nil {
			return nil, err
		}
		parts = append(parts, t)
	}
	t, err := datasets.Concat(in.spec.File.String(), parts)
	if err != nil {
		return nil, err
	}
	if len(parts) > 1 {
		var fromNames, leftOut any = "", ""
		if len(years) > 0 {
			sorted := append([]int(nil), years...)
			sort.Ints(sorted)
			fromNames = lang.M(" (years %s from the file names)", datasets.YearRanges(sorted))
			if keep := r.c.plan.Years.List; len(keep) > 0 {
				var left []int
				for _, y := range sorted {
					if !containsYear(keep, y) {
						left = append(left, y)
					}
				}
				if len(left) > 0 {
					leftOut = lang.M("; the plan's years (years: %s) leave out %s", datasets.YearRanges(keep), datasets.YearRanges(left))
				}
			}
		}
		r.notes = append(r.notes, lang.M("input %q: %d files read as one table: %s%s%s", in.name, len(parts), r.someNames(in.files, 4), fromNames, leftOut))
	}
	if err := r.markMissing(in, t); err != nil {
		return nil, err
	}
	t.Complete = in.spec.Complete
	return t, nil
}

// markMissing turns the declared codes of an input's table into missing
// values and refuses a value that looks like an undeclared code, with
// the fix: the missing: line to add.
func (r *runner) markMissing(in *input, t *datasets.Table) error {
	err := t.MarkMissing()
	var sc *datasets.SuspectCode
	if !errors.As(err, &sc) {
		return err
	}
	areas := make([]string, len(sc.Keys))
	for i, k := range sc.Keys {
		areas[i] = r.areaName(k)
	}
	more := ""
	if sc.Rows > len(sc.Where) {
		more = ", …"
	}
	return errAt(r.c.plan.File, in.line,
		"input %q: %s, column %q: the value %s in %d row(s) (%s%s; areas %s) looks like a code for a missing value, not a number; "+
			"if it is one, declare it in the input: missing: [%s] (or for this column only: missing: {%s: [%s]}); "+
			"if %s is a real value, declare the column's codes in full, none if it has none: missing: {%s: []}",
		in.name, sc.File, sc.Column, sc.Text(), sc.Rows, strings.Join(sc.Where, ", "), more, strings.Join(areas, ", "),
		sc.Text(), yamlKey(sc.Column), sc.Text(), sc.Text(), yamlKey(sc.Column))
}

// yamlKey writes a column name as a YAML key: quoted where it has to be.
func yamlKey(s string) string {
	if identifier.MatchString(s) {
		return s
	}
	return quote(s)
}

// editionHint explains keys without a geometry that occur only in some
// years, while every area of the other years has one: the data of those
// years are on another edition of the planning areas (Berlin's 447
// areas until 2020, 542 since 2021).
func (r *runner) editionHint(inGeom map[string]bool, years map[int]bool) lang.Message {
	strange, known := map[int]map[string]bool{}, map[int]map[string]bool{}
	add := func(m map[int]map[string]bool, y int, k string) {
		if m[y] == nil {
			m[y] = map[string]bool{}
		}
		m[y][k] = true
	}
	for _, in := range r.c.inputs {
		t := r.inTables[in]
		if t == nil || in.format == "points" || in.format == "grid" {
			continue
		}
		for i := range t.Len() {
			k := t.Key(i)
			if y := t.Year(i); len(years) == 0 || years[y] {
				if inGeom[k] {
					add(known, y, k)
				} else {
					add(strange, y, k)
				}
			}
		}
	}
	// A year is on another edition where many of its keys are unknown;
	// one stray key (a typo, a dissolved area) is not an edition.
	var odd, fine []int
	for y, ks := range strange {
		if len(ks) < 2 || 10*len(ks) < len(ks)+len(known[y]) {
			return lang.Message{}
		}
		odd = append(odd, y)
	}
	for y := range known {
		if strange[y] == nil {
			fine = append(fine, y)
		}
	}
	if len(odd) == 0 || len(fine) == 0 {
		return lang.Message{}
	}
	sort.Ints(odd)
	sort.Ints(fine)
	return lang.M("the areas without a geometry are in the data of %s only, and every area of %s has one: the data of %s look like another edition of the planning areas; give the plan that edition's geometry with the years published on it, and their data are moved onto the current areas (boundaries: {alt: {file: …, key: …, years: …}}), or restrict the plan to the years on these areas (years: %s)",
		datasets.YearRanges(odd), datasets.YearRanges(fine), datasets.YearRanges(odd), strings.ReplaceAll(datasets.YearRanges(fine), "–", "-"))
}

// areaName returns "key name" of an area of the geometry, or the key.
func (r *runner) areaName(key string) string {
	if r.names == nil && r.geom != nil {
		r.names = make(map[string]string, len(r.geom.Keys))
		for i, k := range r.geom.Keys {
			if n := r.geom.Names[i]; n != "" && n != k {
				r.names[k] = k + " " + n
			}
		}
	}
	if n, ok := r.names[key]; ok {
		return n
	}
	return key
}

// checkCoverage compares the areas of the tables (in the plan's years)
// with the geometry's before the panel is built. An area of a table that
// the geometry lacks is an error listing both sides (with a hint where
// leading zeros were lost); an area of the geometry that a table lacks
// has missing values there, but a geometry most of whose areas have no
// row in any input is refused: missing values are for the few areas a
// table leaves out (those below a minimum population), not for a
// geometry of another territory or a wrong key.
func (r *runner) checkCoverage() error {
	years := map[int]bool{}
	for _, y := range r.c.plan.Years.List {
		years[y] = true
	}
	where := map[string]string{}
	var keys []string
	for _, in := range r.c.inputs {
		t := r.inTables[in]
		if t == nil || in.format == "points" || in.format == "grid" {
			continue // counted in every area of the geometry
		}
		for i := range t.Len() {
			k := t.Key(i)
			if len(years) > 0 && !years[t.Year(i)] {
				continue
			}
			if _, ok := where[k]; !ok {
				where[k] = t.Loc(i)
				keys = append(keys, k)
			}
		}
	}
	if len(keys) == 0 {
		return nil
	}
	inGeom := make(map[string]bool, len(r.geom.Keys))
	for _, k := range r.geom.Keys {
		inGeom[k] = true
	}
	for _, k := range keys {
		if !inGeom[k] {
			sort.Strings(keys)
			_, err := r.geom.Join(keys, func(k string) string { return where[k] })
			var je *geo.JoinError
			if errors.As(err, &je) && je.Hint.Format == "" {
				je.Hint = lostZeros(keys, inGeom, r.geom.Keys, where)
			}
			if je != nil && je.Hint.Format == "" {
				je.Hint = r.layerHint(inGeom, years)
			}
			if je != nil && je.Hint.Format == "" {
				je.Hint = r.editionHint(inGeom, years)
			}
			return err
		}
	}
	var none []string
	for _, k := range r.geom.Keys {
		if _, ok := where[k]; !ok {
			none = append(none, r.areaName(k))
		}
	}
	if n := len(r.geom.Keys); len(none) > n/2 {
		return errAt(r.c.plan.File, r.c.plan.Areas.Line,
			"areas: %d of the %d areas of %s have no row in any input (%s): is it the right geometry, and is key the column the inputs use?",
			len(none), n, r.c.plan.Areas.File, r.someNames(none, 5))
	}
	return nil
}

// lostZeros explains data keys that are geometry keys without their
// leading zeros (or with more), or returns "".
func lostZeros(keys []string, inGeom map[string]bool, geomKeys []string, where map[string]string) lang.Message {
	stripped := make(map[string]string, len(geomKeys))
	for _, g := range geomKeys {
		stripped[strings.TrimLeft(g, "0")] = g
	}
	for _, k := range keys {
		if g, ok := stripped[strings.TrimLeft(k, "0")]; ok && !inGeom[k] && g != k {
			return lang.M("the keys look as if leading zeros were lost (%q in %s, %q in the geometry): keep keys as text, for example by quoting them or formatting the column as text in the spreadsheet", k, where[k], g)
		}
	}
	return lang.Message{}
}

// gapNotes says which areas each input lacks (they have missing values
// there), and which areas and years the declared codes left without a
// value.
func (r *runner) gapNotes(p *datasets.Panel) {
	inputOf := map[*datasets.Table]*input{}
	for in, t := range r.inTables {
		inputOf[t] = in
	}
	for _, g := range p.Gaps {
		in := inputOf[g.Table]
		name := g.Table.Name
		if in != nil {
			name = in.name
		}
		if len(g.Areas) > 0 {
			areas := make([]string, len(g.Areas))
			for i, k := range g.Areas {
				areas[i] = r.areaName(k)
			}
			r.notes = append(r.notes, lang.M(
				"input %q: %d area(s) have no row in %s; its variables are missing there (complete: true makes this an error): %s",
				name, len(g.Areas), g.Table.Name, r.someNames(areas, 6)))
		}
		if len(g.Cells) > 0 {
			r.notes = append(r.notes, lang.M(
				"input %q: %d area(s) and year(s) have no row in %s although the table has that year for other areas; its variables are missing there: %s",
				name, len(g.Cells), g.Table.Name, someMessages(g.Cells, 6)))
		}
	}
	// Declared codes: one note per group of variables with the same
	// missing cells.
	nA := len(p.Keys)
	type group struct {
		vars  []string
		cells []int
	}
	var groups []*group
	bySig := map[string]*group{}
	for _, v := range r.c.variables {
		s := p.Var(v.name)
		if s == nil {
			continue
		}
		var cells []int
		var sig strings.Builder
		for c, f := range s.Flags {
			if f&datasets.SourceMissing != 0 && math.IsNaN(s.Values[c]) {
				cells = append(cells, c)
				fmt.Fprintf(&sig, "%d,", c)
			}
		}
		if len(cells) == 0 {
			continue
		}
		g := bySig[sig.String()]
		if g == nil {
			g = &group{cells: cells}
			bySig[sig.String()] = g
			groups = append(groups, g)
		}
		g.vars = append(g.vars, v.name)
	}
	for _, g := range groups {
		byYear := map[int][]string{}
		var years []int
		for _, c := range g.cells {
			y := p.Years[c/nA]
			if _, ok := byYear[y]; !ok {
				years = append(years, y)
			}
			byYear[y] = append(byYear[y], r.areaName(p.Keys[c%nA]))
		}
		var parts []lang.Message
		for _, y := range years {
			parts = append(parts, lang.M("%s: %d area(s), %s", strconv.Itoa(y), len(byYear[y]), r.someNames(byYear[y], 5)))
		}
		r.notes = append(r.notes, lang.M(
			"variable(s) %s: no value where the source writes a declared missing-value code (missing:); %s",
			strings.Join(g.vars, ", "), lang.Join("; ", parts)))
	}
}

// formulaColumn computes a formula variable's column on each row of its
// table: missing where any column it names is. For a count, the columns
// must be counts too: a negative value in any of them is an error, as it
// is in a count's column.
//
// Disclosure control: a formula that is only a sum of columns ("a + b +
// c") joins the family of those columns, so that a hidden count of one
// of them cannot be recomputed from the sum and the others. Any other
// formula (a difference, a product) cannot be written as a sum of atoms:
// such a variable is a count of its own, without a family; its small
// values are hidden, but its relation to the variables of its columns is
// unknown to disclosure control, and a note says so.
func (r *runner) formulaColumn(v *variable, t *datasets.Table) error {
	cols := make(map[string]int, len(v.formula.Vars))
	for _, c := range v.formula.Vars {
		cols[c] = t.ValueIndex(c)
	}
	n := t.Len()
	vals, flags := make([]float64, n), make([]datasets.Flag, n)
	for i := 0; i < n; i++ {
		var bad error
		vals[i], flags[i] = v.formula.EvalRow(func(name string) (float64, datasets.Flag) {
			c := cols[name]
			x := t.Values[c][i]
			if v.count && x < 0 && bad == nil {
				bad = t.RowError(i, name, "%v is negative, but the formula of %q makes a count from it", x, v.name)
			}
			return x, t.Flags[c][i]
		})
		if bad != nil {
			return bad
		}
	}
	t.AddColumn(v.column, vals, flags)
	if v.count && v.sum == nil && r.c.threshold > 0 {
		r.notes = append(r.notes, lang.M(
			"variable %q: its formula %q is not only a sum of columns, so disclosure control does not know how it relates to the variables of its columns; it hides its small values, but check that no hidden count can be recomputed from it and the others (or write count: false if it is not a count)", v.name, v.column))
	}
	return nil
}

// someMessages joins the first n messages, and says how many more there
// are.
func someMessages(ms []lang.Message, n int) lang.Message {
	if len(ms) <= n {
		return lang.Join(", ", ms)
	}
	return lang.M("%s and %d more", lang.Join(", ", ms[:n]), len(ms)-n)
}
