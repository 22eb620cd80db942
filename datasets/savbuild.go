package datasets

import (
	"bytes"
	"encoding/binary"
	"math"
	"strconv"
	"strings"

	"planatlas/lang"
)

// buildSavDictionary turns the raw records into the dictionary: it
// chooses the text encoding, joins each string with its continuation
// records and a very long string with its segments, and applies long
// names, measurement levels, missing values and value labels.
func buildSavDictionary(s *savReader, d *SavDictionary, raw *savRaw, elements, weight int) error {
	codePage := 0
	if b, n := raw.ext[3], raw.extLen[3]; n == [2]int{4, 8} {
		codePage = int(int32(s.order.Uint32(b[28:])))
	}
	encName := ""
	if b, ok := raw.ext[20]; ok {
		encName = trimBlanks(string(b))
	}
	text, known := newSavText(encName, codePage)
	if !known {
		d.Notes = append(d.Notes, lang.M("unknown encoding %q: texts are read as UTF-8 where valid, else as Windows-1252", encName))
	}
	d.Encoding, d.text = text.name, text
	d.Label = text.field([]byte(d.Label))
	d.sysmis, d.elements = -math.MaxFloat64, len(raw.vars)
	lowest, highest := -math.MaxFloat64, math.MaxFloat64
	if b, n := raw.ext[4], raw.extLen[4]; n == [2]int{8, 3} {
		d.sysmis = math.Float64frombits(s.order.Uint64(b))
		highest = math.Float64frombits(s.order.Uint64(b[8:]))
		lowest = math.Float64frombits(s.order.Uint64(b[16:]))
	}
	if elements >= 0 && elements != len(raw.vars) {
		d.Notes = append(d.Notes, lang.M("the header declares %d elements per case, the dictionary has %d; the dictionary is followed", elements, len(raw.vars)))
	}
	named, err := savNamed(s, raw)
	if err != nil {
		return err
	}
	segOf, err := savVariables(s, d, raw, text, named, lowest, highest)
	if err != nil {
		return err
	}
	savMeasures(d, raw, s.order, segOf, len(named))
	if err := savApplyLabels(s, d, raw, text, named, segOf); err != nil {
		return err
	}
	if err := savLongLabels(s, d, raw, text); err != nil {
		return err
	}
	if err := savLongMissing(s, d, raw, text); err != nil {
		return err
	}
	if weight != 0 {
		for _, v := range d.Variables {
			if v.offset == weight-1 && !v.IsString() {
				d.Weight = v.Name
			}
		}
		if d.Weight == "" {
			s.rec = lang.M("file header")
			return s.damaged("the weight variable (element %d) is no numeric variable", weight)
		}
	}
	return nil
}

// savVariables makes the variables of the records that begin one,
// joining the segments of very long strings (subtype 14) and naming
// each by its long name (subtype 13). It returns the variable of each
// such record.
func savVariables(s *savReader, d *SavDictionary, raw *savRaw, text savText, named []int, lowest, highest float64) ([]int, error) {
	longNames := savPairs(text.decode(raw.ext[13]))
	widths := savPairs(text.decode(raw.ext[14]))
	// segOf maps each named variable record to its variable.
	segOf := make([]int, len(named))
	for i := 0; i < len(named); i++ {
		rv := raw.vars[named[i]]
		short := text.field(rv.name)
		v := SavVariable{Name: short, ShortName: short, Label: text.decode(rv.label), Width: max(rv.typ, 0),
			Print: savFormatOf(rv.print), Write: savFormatOf(rv.write), offset: named[i]}
		if long, ok := longNames[short]; ok && long != "" {
			v.Name = long
		}
		segs := 1
		if w, err := strconv.Atoi(strings.TrimRight(widths[short], "\x00 ")); err == nil && w > 255 && rv.typ > 0 {
			if w > 32767 {
				return nil, s.damaged("very long string %q of %d bytes: SPSS strings have at most 32767", v.Name, w)
			}
			segs = (w + 251) / 252
			if i+segs > len(named) {
				return nil, s.damaged("very long string %q of %d bytes needs %d segments, the file has %d variables after it", v.Name, w, segs, len(named)-i-1)
			}
			v.Width = w
		}
		for k := range segs {
			sw := raw.vars[named[i+k]].typ
			if rv.typ == 0 {
				break
			}
			if sw <= 0 {
				return nil, s.damaged("segment %d of the very long string %q is numeric", k+1, v.Name)
			}
			v.segments = append(v.segments, sw)
			segOf[i+k] = len(d.Variables)
		}
		segOf[i] = len(d.Variables)
		if rv.typ == 0 {
			v.Missing = savNumericMissing(s, rv, lowest, highest)
		} else {
			for _, m := range rv.missing {
				v.Missing.Texts = append(v.Missing.Texts, text.field(m))
			}
		}
		d.Variables = append(d.Variables, v)
		i += segs - 1
	}
	return segOf, nil
}

// savNamed checks that every string is followed by exactly its
// continuation records and returns the indices of the records that
// begin a variable.
func savNamed(s *savReader, raw *savRaw) ([]int, error) {
	var named []int
	for i := 0; i < len(raw.vars); i++ {
		v := raw.vars[i]
		if v.typ == -1 {
			s.rec = lang.M("variable record %d", i+1)
			return nil, s.damaged("a continuation record without a string variable before it")
		}
		named = append(named, i)
		for k := 1; k < (v.typ+7)/8; k++ {
			if i+k >= len(raw.vars) || raw.vars[i+k].typ != -1 {
				s.rec = lang.M("variable record %d", i+1)
				return nil, s.damaged("a string of width %d needs %d continuation records", v.typ, (v.typ+7)/8-1)
			}
		}
		i += max((v.typ+7)/8-1, 0)
	}
	return named, nil
}

// savPairs splits "KEY=value" entries separated by tabs (long names,
// very long string widths).
func savPairs(s string) map[string]string {
	out := map[string]string{}
	for e := range strings.SplitSeq(s, "\t") {
		if k, v, ok := strings.Cut(e, "="); ok {
			out[k] = strings.TrimRight(v, "\x00")
		}
	}
	return out
}

// savNumericMissing reads the user-missing values of a numeric variable
// record: up to three values, or a range (n = -2), or a range and one
// value (n = -3). LO and HI are stored as the file's lowest and highest
// numbers.
func savNumericMissing(s *savReader, rv savRawVar, lowest, highest float64) SavMissing {
	var m SavMissing
	vals := make([]float64, len(rv.missing))
	for i, b := range rv.missing {
		vals[i] = math.Float64frombits(s.order.Uint64(b))
	}
	if rv.nMissing < 0 {
		m.Range, m.Low, m.High = true, vals[0], vals[1]
		if m.Low <= lowest {
			m.Low = math.Inf(-1)
		}
		if m.High >= highest {
			m.High = math.Inf(1)
		}
		vals = vals[2:]
	}
	m.Values = vals
	return m
}

// savMeasures applies the measurement levels (subtype 11): three int32
// per variable record that begins a variable (level, width, alignment),
// or two in old files. A record of another length is ignored.
func savMeasures(d *SavDictionary, raw *savRaw, order binary.ByteOrder, segOf []int, n int) {
	b, ok := raw.ext[11]
	if !ok || raw.extLen[11][0] != 4 {
		return
	}
	count := raw.extLen[11][1]
	stride := 0
	switch {
	case n > 0 && count == 3*n:
		stride = 3
	case n > 0 && count == 2*n:
		stride = 2
	default:
		d.Notes = append(d.Notes, lang.M("measurement levels for %d values, not for %d variables: ignored", count, n))
		return
	}
	for i := range n {
		m := SavMeasure(int32(order.Uint32(b[4*stride*i:])))
		if m < MeasureUnknown || m > MeasureScale {
			m = MeasureUnknown
		}
		if v := &d.Variables[segOf[i]]; v.Measure == MeasureUnknown {
			v.Measure = m
		}
	}
}

// savApplyLabels attaches the value labels of the type 3 records to the
// variables of their type 4 records. The records name variable records
// by position; a set that points at a continuation record, mixes
// numeric and string variables or labels a string longer than 8 bytes
// (whose labels belong in the subtype 21 record) contradicts the
// dictionary, and the file is refused as damaged.
func savApplyLabels(s *savReader, d *SavDictionary, raw *savRaw, text savText, named, segOf []int) error {
	first := make(map[int]int, len(named)) // variable record → variable
	for i, r := range named {
		if k := segOf[i]; d.Variables[k].offset == r {
			first[r] = k
		}
	}
	for _, set := range raw.labels {
		s.off, s.rec = set.at, lang.M("value label record")
		kind := -1
		for _, r := range set.vars {
			k, ok := first[r]
			if !ok {
				return s.damaged("value labels for variable record %d, which does not begin a variable", r+1)
			}
			v := &d.Variables[k]
			isStr := 0
			if v.IsString() {
				isStr = 1
			}
			if kind >= 0 && kind != isStr {
				return s.damaged("one set of value labels for numeric and string variables (%q)", v.Name)
			}
			kind = isStr
			if v.Width > 8 {
				return s.damaged("value labels for the string %q of %d bytes belong in a long string label record", v.Name, v.Width)
			}
			for j, val := range set.values {
				l := SavValueLabel{Label: text.decode(set.labels[j])}
				if v.IsString() {
					l.Text = text.field(val)
				} else {
					l.Value = math.Float64frombits(s.order.Uint64(val))
				}
				v.ValueLabels = append(v.ValueLabels, l)
			}
		}
	}
	return nil
}

// savSub returns a reader over an extension record's data, for the
// records that hold lengths of their own (subtypes 21 and 22).
func savSub(s *savReader, raw *savRaw, sub int, rec lang.Message) *savReader {
	b := raw.ext[sub]
	return &savReader{r: bytes.NewReader(b), size: int64(len(b)), base: raw.extAt[sub], name: s.name, order: s.order, rec: rec}
}

// savLongLabels applies the value labels of strings longer than 8 bytes
// (subtype 21). A label set for a variable the file does not have, or
// for a numeric one, is ignored with a note: the record is optional and
// does not touch the data.
func savLongLabels(s *savReader, d *SavDictionary, raw *savRaw, text savText) error {
	if _, ok := raw.ext[21]; !ok {
		return nil
	}
	r := savSub(s, raw, 21, lang.M("long string value label record"))
	for r.left() > 0 {
		name, err := r.lenBytes()
		if err != nil {
			return err
		}
		if _, err := r.i32(); err != nil { // the variable's width
			return err
		}
		n, err := r.count(8)
		if err != nil {
			return err
		}
		v := d.Variable(text.decode(name))
		switch {
		case v == nil:
			d.Notes = append(d.Notes, lang.M("value labels for variable %q, which the file does not have: ignored", text.decode(name)))
		case !v.IsString():
			d.Notes = append(d.Notes, lang.M("text value labels for the numeric variable %q: ignored", v.Name))
			v = nil
		}
		for range n {
			val, err := r.lenBytes()
			if err != nil {
				return err
			}
			label, err := r.lenBytes()
			if err != nil {
				return err
			}
			if v != nil {
				v.ValueLabels = append(v.ValueLabels, SavValueLabel{Text: text.field(val), Label: text.decode(label)})
			}
		}
	}
	return nil
}

// savLongMissing applies the missing values of strings longer than 8
// bytes (subtype 22): name, count (one byte), value length, values.
func savLongMissing(s *savReader, d *SavDictionary, raw *savRaw, text savText) error {
	if _, ok := raw.ext[22]; !ok {
		return nil
	}
	r := savSub(s, raw, 22, lang.M("long string missing value record"))
	for r.left() > 0 {
		name, err := r.lenBytes()
		if err != nil {
			return err
		}
		nb, err := r.bytes(1)
		if err != nil {
			return err
		}
		size, err := r.count(1)
		if err != nil {
			return err
		}
		v := d.Variable(text.decode(name))
		if v == nil || !v.IsString() {
			d.Notes = append(d.Notes, lang.M("missing values for variable %q, which the file does not have as a string: ignored", text.decode(name)))
		}
		for range int(nb[0]) {
			val, err := r.bytes(int64(size))
			if err != nil {
				return err
			}
			if v != nil && v.IsString() {
				v.Missing.Texts = append(v.Missing.Texts, text.field(val))
			}
		}
	}
	return nil
}

// lenBytes reads an int32 length and that many bytes.
func (s *savReader) lenBytes() ([]byte, error) {
	n, err := s.count(1)
	if err != nil {
		return nil, err
	}
	return s.bytes(int64(n))
}
