package datasets

import (
	"errors"
	"math"
	"planatlas/lang"
	"strings"
)

// Cell is one attribute value of a record source such as the attribute
// table of a geometry file: the text as the file holds it, whether the
// file stores it as a number (then written with a decimal point), and
// whether it is null.
type Cell struct {
	Text   string
	Number bool
	Null   bool
}

// FromRecords builds a Table from records with the given header, as a
// geometry file's attributes serve as a data table (many cities ship
// their figures that way). unit names a record in messages ("feature");
// records are counted from 1. Numbers stored as numbers are read with a
// decimal point; numbers stored as text may use a decimal comma, and
// the placeholders of German statistics are understood as in ReadCSV.
func FromRecords(name, unit string, header []string, records [][]Cell, spec Spec) (*Table, error) {
	keyCol, yearCol, dimCols, valCols, err := resolveColumns(name, header, spec, 0)
	if err != nil {
		var ie *InputError
		if errors.As(err, &ie) {
			ie.Line = 0 // a geometry file has no header line
			ie.Msg = strings.ReplaceAll(ie.Msg, "(columns: ", "(attributes: ")
		}
		return nil, err
	}
	t := NewTable(name, spec)
	t.ByRow, t.Unit = true, unit
	codes := spec.textCodes()
	for r, rec := range records {
		n := r + 1
		bad := func(col int, format string, args ...any) error {
			return &InputError{File: name, Line: n, row: true, unit: unit, Column: header[col], M: lang.M(format, args...)}
		}
		key := ""
		if keyCol >= 0 {
			key = trimSpace(rec[keyCol].Text)
			if rec[keyCol].Null || key == "" {
				return nil, bad(keyCol, "the area key is empty")
			}
		}
		year := spec.FixedYear
		if yearCol >= 0 {
			ys := trimSpace(rec[yearCol].Text)
			if year, err = parseYear(strings.TrimSuffix(ys, ".0")); err != nil {
				return nil, bad(yearCol, "%q %s", ys, err)
			}
		}
		t.keys.Append(key)
		t.years = append(t.years, int32(year))
		t.lines = append(t.lines, int32(n))
		for i, c := range dimCols {
			t.dims[i].Append(trimSpace(rec[c].Text))
		}
		for i, c := range valCols {
			v, f := math.NaN(), Empty
			if codes != nil && !rec[c].Null && codes[i].text(rec[c].Text) {
				v, f = math.NaN(), SourceMissing
			} else if !rec[c].Null {
				dec := DecimalPoint
				if !rec[c].Number && strings.Contains(rec[c].Text, ",") {
					dec = DecimalComma
				}
				if v, f, err = ParseNumber(rec[c].Text, dec); err != nil {
					return nil, numberError(name, n, header[c], rec[c].Text, dec, err).inUnit(unit)
				}
			}
			t.Values[i] = append(t.Values[i], v)
			t.Flags[i] = append(t.Flags[i], f)
		}
	}
	if t.Len() == 0 {
		return nil, &InputError{File: name, M: lang.M("the file has no features")}
	}
	t.seal()
	return t, nil
}

// inUnit makes the error count records of the given unit.
func (e *InputError) inUnit(unit string) *InputError {
	e.row, e.unit = true, unit
	return e
}
