package datasets

import (
	"bufio"
	"encoding/binary"
	"errors"
	"io"
	"math"
	"strconv"
	"strings"

	"planatlas/lang"
)

// ReadSav reads the columns of spec from an SPSS system file (.sav,
// uncompressed or bytecode-compressed, or .zsav), written on a
// little- or big-endian machine, and returns the Table and the file's
// dictionary (labels, formats, value labels, missing values, weight).
//
// Each case is a row; rows are counted from 1 as "case n" in messages.
// The year is spec.FixedYear unless spec.Year names a variable. Key,
// year and dimension variables are read as the user sees them in SPSS:
// a numeric one through its print format, so that a key 101 of format
// N4 is "0101" and one of format F4.0 is "101" (a key variable with
// decimals is refused); a string one without its trailing blanks. Value
// variables must be numeric. A system-missing value is NaN with the
// flag Empty, a user-missing value (the variable's discrete values and
// range) or a code of spec.Missing is NaN with the flag SourceMissing.
// A system-missing dimension is "".
//
// Every count and length in the file is checked against its size
// before it is used; a truncated or damaged file is an *InputError
// naming the record or case. Where the dictionary could be read, it is
// returned with the error, so that a caller can show what the file
// has.
func ReadSav(r io.ReaderAt, size int64, name string, spec Spec) (*Table, *SavDictionary, error) {
	d, dataStart, err := readSavDictionary(r, size, name)
	if err != nil {
		return nil, nil, err
	}
	cols, err := savColumns(d, name, spec)
	if err != nil {
		return nil, d, err
	}
	s := &savReader{r: r, size: size, off: dataStart, name: name, order: binaryOrder(d.BigEndian)}
	cases := &savCases{compressed: d.Compression > 0, bias: d.Bias, order: s.order, next: 8}
	s.order.PutUint64(cases.sysmis[:], math.Float64bits(d.sysmis))
	if d.elements == 0 {
		return nil, d, &InputError{File: name, M: lang.M("the file has no variables")}
	}
	elements := int64(d.elements)
	// The most cases the file can hold: each is 8 bytes an element
	// uncompressed, and at least a code byte an element compressed.
	var limit int64
	switch d.Compression {
	case 0:
		limit = (size - dataStart) / (8 * elements)
		if d.Cases > 0 && int64(d.Cases) > limit {
			return nil, d, &InputError{File: name, M: lang.M("the header declares %d cases, the file holds data for %d at most (truncated?)", d.Cases, limit)}
		}
		cases.src = bufio.NewReader(io.NewSectionReader(r, dataStart, size-dataStart))
	case 1:
		limit = (size - dataStart) / elements
		cases.src = bufio.NewReader(io.NewSectionReader(r, dataStart, size-dataStart))
	case 2:
		z, total, err := openZsav(s)
		if err != nil {
			return nil, d, err
		}
		limit = total / elements
		cases.src = bufio.NewReader(z)
	}
	if d.Cases >= 0 {
		limit = min(limit, int64(d.Cases))
	}
	// Room for the cases the file can hold, but for no more than it has
	// bytes: the blocks of a ZSAV file may claim a thousandfold; the
	// rest is appended as it comes.
	t, err := readSavCases(d, cases, cols, name, spec, int(min(limit, size)))
	if err != nil {
		return nil, d, err
	}
	return t, d, nil
}

// savCols are the variables of a Spec's columns.
type savCols struct {
	key, year *SavVariable
	dims      []*SavVariable
	vals      []*SavVariable
	codes     []codeSet
}

// savColumns finds the Spec's variables and checks their types.
func savColumns(d *SavDictionary, name string, spec Spec) (*savCols, error) {
	key, year, dims, vals, err := resolveColumns(name, d.Names(), spec, 0)
	if err != nil {
		var ie *InputError
		if errors.As(err, &ie) {
			ie.Line = 0 // a system file has no header line
		}
		return nil, err
	}
	c := &savCols{}
	if key >= 0 {
		c.key = &d.Variables[key]
		if !c.key.IsString() && c.key.Print.Decimals > 0 {
			return nil, &InputError{File: name, Column: c.key.Name, M: lang.M("the area key has decimals (format %s): an area key must be an integer or text", c.key.Print.String())}
		}
	}
	if year >= 0 {
		c.year = &d.Variables[year]
	}
	for _, i := range dims {
		c.dims = append(c.dims, &d.Variables[i])
	}
	for k, i := range vals {
		v := &d.Variables[i]
		if v.IsString() {
			return nil, &InputError{File: name, Column: v.Name, M: lang.M("is a string variable (format %s); a value column must be numeric", v.Print.String())}
		}
		c.vals = append(c.vals, v)
		c.codes = append(c.codes, spec.Missing.forColumn(spec.Values[k]))
	}
	return c, nil
}

// readSavCases reads every case and keeps the Spec's columns.
func readSavCases(d *SavDictionary, cases *savCases, c *savCols, name string, spec Spec, reserve int) (*Table, error) {
	t := NewTable(name, spec)
	t.ByRow, t.Unit = true, "case"
	t.reserve(reserve)
	buf := make([]byte, 8*d.elements)
	text := func(v *SavVariable, fixed bool) (string, lang.Message) {
		return savCellText(d, v, buf, fixed)
	}
	for n := 1; d.Cases < 0 || n <= d.Cases; n++ {
		caseErr := func(col string, m lang.Message) error {
			return &InputError{File: name, Line: n, row: true, unit: "case", Column: col, M: m}
		}
		err := cases.read(buf)
		if err == errSavEnd {
			if d.Cases >= 0 {
				return nil, caseErr("", lang.M("the data end after %d of the %d cases the header declares (truncated?)", n-1, d.Cases))
			}
			break
		}
		var short *savShort
		if errors.As(err, &short) {
			return nil, caseErr("", lang.M("damaged SPSS file: %s%s", short.m, damagedAdvice()))
		} else if err != nil {
			return nil, caseErr("", lang.M("damaged SPSS file: %v", err))
		}
		key := ""
		if c.key != nil {
			var bad lang.Message
			if key, bad = text(c.key, true); bad.Format != "" {
				return nil, caseErr(c.key.Name, bad)
			}
			if key == "" {
				return nil, caseErr(c.key.Name, lang.M("the area key is empty"))
			}
		}
		year := spec.FixedYear
		if c.year != nil {
			s, bad := text(c.year, true)
			if bad.Format != "" {
				return nil, caseErr(c.year.Name, bad)
			}
			if year, err = parseYear(s); err != nil {
				return nil, caseErr(c.year.Name, lang.M("%q %s", s, err))
			}
		}
		for k, v := range c.dims {
			s, bad := text(v, false)
			if bad.Format != "" {
				return nil, caseErr(v.Name, bad)
			}
			t.dims[k].Append(s)
		}
		for k, v := range c.vals {
			x, f := savNumber(d, v, buf, c.codes[k])
			if math.IsNaN(x) && f == 0 || math.IsInf(x, 0) {
				return nil, caseErr(v.Name, lang.M("%v is not a number (NaN and infinity are not accepted)", x))
			}
			t.Values[k], t.Flags[k] = append(t.Values[k], x), append(t.Flags[k], f)
		}
		t.keys.Append(key)
		t.years, t.lines = append(t.years, int32(year)), append(t.lines, int32(n))
	}
	if t.Len() == 0 {
		return nil, &InputError{File: name, M: lang.M("the file has no data rows")}
	}
	t.seal()
	return t, nil
}

// savNumber returns the number of a numeric variable in the case and
// its flag: NaN and Empty for system-missing, NaN and SourceMissing for
// a user-missing value or a declared code.
func savNumber(d *SavDictionary, v *SavVariable, buf []byte, codes codeSet) (float64, Flag) {
	x := math.Float64frombits(binaryOrder(d.BigEndian).Uint64(buf[8*v.offset:]))
	switch {
	case x == d.sysmis:
		return math.NaN(), Empty
	case v.Missing.Is(x) || codes.number(x):
		return math.NaN(), SourceMissing
	}
	return x, 0
}

// savCellText returns a variable's value in the case as text: a string
// without trailing blanks (its segments joined), a number as its print
// format shows it (see savNumberText). fixed asks for an integer (keys,
// years); a system-missing number is "".
func savCellText(d *SavDictionary, v *SavVariable, buf []byte, fixed bool) (string, lang.Message) {
	if !v.IsString() {
		x := math.Float64frombits(binaryOrder(d.BigEndian).Uint64(buf[8*v.offset:]))
		if x == d.sysmis {
			return "", lang.Message{}
		}
		return savNumberText(x, v.Print, fixed)
	}
	var b []byte
	off, left := 8*v.offset, v.Width
	for _, w := range v.segments {
		// The segments of a very long string hold its bytes one after
		// the other, 255 in each but the last.
		n := min(w, left)
		b = append(b, buf[off:off+n]...)
		left -= n
		off += (w + 7) / 8 * 8
	}
	return strings.TrimRight(d.text.decode(b), " "), lang.Message{}
}

// savNumberText writes a number as its print format shows it: with the
// format's decimals; N (restricted numeric) zero-padded to its width.
// fixed refuses a number that is not an integer.
func savNumberText(x float64, f SavFormat, fixed bool) (string, lang.Message) {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return "", lang.M("%v is not a number", x)
	}
	if fixed && (x != math.Trunc(x) || math.Abs(x) >= 1<<53) {
		return "", lang.M("%v is not an integer", x)
	}
	dec := f.Decimals
	if fixed {
		dec = 0
	}
	s := strconv.FormatFloat(x, 'f', dec, 64)
	if f.Name() == "N" && x >= 0 && len(s) < f.Width {
		s = strings.Repeat("0", f.Width-len(s)) + s
	}
	return s, lang.Message{}
}

// binaryOrder returns the byte order of a file.
func binaryOrder(bigEndian bool) binary.ByteOrder {
	if bigEndian {
		return binary.BigEndian
	}
	return binary.LittleEndian
}
