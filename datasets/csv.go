package datasets

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"math"
	"planatlas/lang"
	"strconv"
	"strings"
)

// CSVOptions override what the reader would otherwise detect. The zero
// value detects everything.
type CSVOptions struct {
	Delimiter rune     // ';', ',' or '\t'; 0 detects
	Decimal   Decimal  // DecimalComma or DecimalPoint; DecimalAuto detects
	Encoding  Encoding // EncodingUTF8 or EncodingWindows1252; EncodingAuto detects
	SizeHint  int64    // the file's size if known, to reserve room for its rows
}

// CSVInfo tells what the reader detected, for the run log.
type CSVInfo struct {
	Delimiter rune
	Decimal   Decimal
	Encoding  Encoding
	Header    []string
}

// ReadCSVHeader reads only the header of a CSV file and reports the
// detected delimiter and encoding; the plan validator uses it to check
// column names before anything runs.
func ReadCSVHeader(r io.Reader, name string, opt CSVOptions) (*CSVInfo, error) {
	tr, sample, err := newTextReader(r, name, opt.Encoding)
	if err != nil {
		return nil, err
	}
	info := &CSVInfo{Delimiter: opt.Delimiter, Decimal: opt.Decimal, Encoding: tr.enc}
	if info.Delimiter == 0 {
		info.Delimiter = sniffDelimiter(sample)
	}
	cr := newCSV(tr, info.Delimiter)
	header, err := readHeader(cr, name)
	if err != nil {
		return nil, err
	}
	info.Header = header
	return info, nil
}

func newCSV(r io.Reader, delim rune) *csv.Reader {
	cr := csv.NewReader(r)
	cr.Comma = delim
	cr.FieldsPerRecord = -1 // checked here, with a better message
	cr.ReuseRecord = true
	return cr
}

func readHeader(cr *csv.Reader, name string) ([]string, error) {
	rec, err := cr.Read()
	if err == io.EOF {
		return nil, &InputError{File: name, M: lang.M("the file is empty")}
	}
	if err != nil {
		return nil, csvError(name, err)
	}
	header := make([]string, len(rec))
	for i, h := range rec {
		header[i] = trimSpace(strings.TrimPrefix(h, "\ufeff"))
	}
	return header, nil
}

// csvError turns an error of encoding/csv or of the text reader into an
// InputError with file and line.
func csvError(name string, err error) error {
	var ie *InputError
	if errors.As(err, &ie) {
		return ie
	}
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		msg, line := lang.M("%v", pe.Err), pe.Line
		switch {
		case errors.Is(pe.Err, csv.ErrBareQuote):
			msg = lang.M(`a quote (") inside an unquoted field; quote the whole field or remove the quote`)
		case errors.Is(pe.Err, csv.ErrQuote):
			// Where the quote opens, not where the file ends.
			msg, line = lang.M(`a quoted field is not closed (missing "); it runs on to line %d`, lang.Digits(pe.Line)), pe.StartLine
		}
		return &InputError{File: name, Line: line, M: msg}
	}
	return &InputError{File: name, M: lang.M("cannot read: %v", err)}
}

// ReadCSV reads the columns of spec from a CSV file written the way
// German municipal exports are: delimiter ";", "," or tab, decimal comma
// or point, UTF-8 (with or without byte order mark) or Windows-1252, the
// official placeholder signs for missing values. name is used in error
// messages. The file is streamed: only the Spec's columns are kept.
func ReadCSV(r io.Reader, name string, spec Spec, opt CSVOptions) (_ *Table, err error) {
	defer recoverDamaged(name, "CSV", &err)
	tr, sample, err := newTextReader(r, name, opt.Encoding)
	if err != nil {
		return nil, err
	}
	delim := opt.Delimiter
	if delim == 0 {
		delim = sniffDelimiter(sample)
	}
	cr := newCSV(tr, delim)
	header, err := readHeader(cr, name)
	if err != nil {
		return nil, err
	}
	keyCol, yearCol, dimCols, valCols, err := resolveColumns(name, header, spec, delim)
	if err != nil {
		return nil, err
	}
	dec := opt.Decimal
	if dec == DecimalAuto {
		if dec, err = sniffDecimal(name, sample, delim, header, valCols); err != nil {
			return nil, err
		}
	}
	t := NewTable(name, spec)
	if opt.SizeHint > 0 && len(sample) > 0 {
		// Room for the rows the file's size promises.
		lines := max(1, bytes.Count(sample, []byte{'\n'}))
		t.reserve(int(float64(opt.SizeHint)/(float64(len(sample))/float64(lines))*1.02) + 16)
	}
	yearCache := make(map[string]int)
	codes := spec.textCodes()
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, csvError(name, err)
		}
		line, _ := cr.FieldPos(0)
		if len(rec) != len(header) {
			if len(rec) == 1 && trimSpace(rec[0]) == "" {
				continue // a line of blanks
			}
			return nil, &InputError{File: name, Line: line, M: lang.M(
				"the line has %d fields, the header %d (delimiter %s)", len(rec), len(header), delimName(delim))}
		}
		key := ""
		if keyCol >= 0 {
			key = trimSpace(rec[keyCol])
			if key == "" {
				return nil, &InputError{File: name, Line: line, Column: header[keyCol], M: lang.M("the area key is empty")}
			}
		}
		year := spec.FixedYear
		if yearCol >= 0 {
			ys := trimSpace(rec[yearCol])
			y, ok := yearCache[ys]
			if !ok {
				y, err = parseYear(ys)
				if err != nil {
					return nil, &InputError{File: name, Line: line, Column: header[yearCol], M: lang.M("%q %s", ys, err)}
				}
				yearCache[strings.Clone(ys)] = y
			}
			year = y
		}
		t.keys.Append(key)
		t.years = append(t.years, int32(year))
		t.lines = append(t.lines, int32(line))
		for i, c := range dimCols {
			t.dims[i].Append(trimSpace(rec[c]))
		}
		for i, c := range valCols {
			if codes != nil && codes[i].text(rec[c]) {
				t.Values[i] = append(t.Values[i], math.NaN())
				t.Flags[i] = append(t.Flags[i], SourceMissing)
				continue
			}
			v, f, err := ParseNumber(rec[c], dec)
			if err != nil {
				return nil, numberError(name, line, header[c], rec[c], dec, err)
			}
			t.Values[i] = append(t.Values[i], v)
			t.Flags[i] = append(t.Flags[i], f)
		}
	}
	if t.Len() == 0 {
		return nil, &InputError{File: name, M: lang.M("the file has a header but no data rows")}
	}
	t.seal()
	return t, nil
}

func numberError(name string, line int, column, text string, dec Decimal, err error) *InputError {
	text = trimSpace(text)
	if errors.Is(err, errMixed) {
		other := "decimal point"
		if dec == DecimalPoint {
			other = "decimal comma"
		}
		return &InputError{File: name, Line: line, Column: column, M: lang.M(
			"%q looks like a number with a %s, but this file uses a %s: mixed decimal conventions", text, lang.M(other), lang.M(dec.String()))}
	}
	if err.Error() == "is not a number" && !strings.ContainsAny(text, "0123456789") {
		// "k.A.", "n/a", "keine Angabe": a code the plan has not declared
		return &InputError{File: name, Line: line, Column: column, M: lang.M("%q is not a number; if it stands for a missing value, declare it for the input: missing: [%q]", text, text)}
	}
	return &InputError{File: name, Line: line, Column: column, M: lang.M("%q %s", text, err)}
}

// parseYear reads a four-digit year.
func parseYear(s string) (int, error) {
	y, err := strconv.Atoi(s)
	if err != nil {
		if s == "" {
			return 0, msgErr("is not a year (the year is empty)")
		}
		return 0, msgErr("is not a year")
	}
	if !PlausibleYear(y) {
		return 0, msgErr("is not a plausible year (%d–%d): a typo?", FirstYear, LastYear)
	}
	return y, nil
}

// The plausible years: planning data reach back to the first censuses
// and forward to projections. A year outside is a typo (20224, 202), and
// taken as one it would make every yearly loop run for ages.
const (
	FirstYear = 1800
	LastYear  = 2200
)

// PlausibleYear reports whether y lies within FirstYear and LastYear.
func PlausibleYear(y int) bool { return y >= FirstYear && y <= LastYear }
