package citygen

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"math"
	"strings"
)

// The demo ships its survey as an SPSS system file because that is how
// municipal surveys reach a planning office: the file carries the
// dictionary (labels, value labels, user-missing codes, formats) that a
// CSV export loses. The writer below produces the plain, uncompressed
// little-endian layout described in the GNU PSPP Developers Guide,
// "System File Format", with only numeric variables: enough for the
// demo, and each record is one that every reader knows.

// SPSS format type codes (PSPP Developers Guide, "Variable Record").
const (
	savFmtF = 5
	savFmtN = 16
)

// Measurement levels of the variable display record (subtype 11).
const (
	measureNominal = 1
	measureOrdinal = 2
	measureScale   = 3
)

// savFormat is a print/write format such as F8.3 or N4.
type savFormat struct{ typ, width, decimals int }

func (f savFormat) code() int32 { return int32(f.typ<<16 | f.width<<8 | f.decimals) }

// savLabel labels one value of a numeric variable.
type savLabel struct {
	value float64
	label string
}

// savVar is one numeric variable with its dictionary entries and data.
type savVar struct {
	name, short, label string
	format             savFormat
	measure            int
	labels             []savLabel
	missing            []float64 // discrete user-missing values, at most 3
	values             []float64 // one per case
}

// savFile is a whole system file: its label and its variables, all of
// the same length.
type savFile struct {
	label string
	vars  []savVar
}

// bytes encodes the file. The header's creation date and time are fixed
// so that the demo is the same bytes on every run.
func (f *savFile) bytes() ([]byte, error) {
	if err := f.check(); err != nil {
		return nil, err
	}
	w := &savBuf{}
	f.header(w)
	for _, v := range f.vars {
		v.record(w)
	}
	for i, v := range f.vars {
		if len(v.labels) > 0 {
			v.labelRecords(w, i+1)
		}
	}
	f.extensions(w)
	w.i32(999, 0) // dictionary termination
	cases := len(f.vars[0].values)
	for c := 0; c < cases; c++ {
		for _, v := range f.vars {
			w.f64(v.values[c])
		}
	}
	return w.Bytes(), nil
}

// check refuses what the layout cannot hold, so that a mistake in the
// generator is an error, not a file that readers misread.
func (f *savFile) check() error {
	if len(f.vars) == 0 {
		return fmt.Errorf("sav: no variables")
	}
	if len(f.label) > 64 {
		return fmt.Errorf("sav: file label longer than 64 bytes")
	}
	shorts := map[string]bool{}
	for _, v := range f.vars {
		switch {
		case len(v.short) == 0 || len(v.short) > 8 || strings.ToUpper(v.short) != v.short:
			return fmt.Errorf("sav: %s: short name %q is not 1-8 upper-case bytes", v.name, v.short)
		case shorts[v.short]:
			return fmt.Errorf("sav: short name %q twice", v.short)
		case len(v.values) != len(f.vars[0].values):
			return fmt.Errorf("sav: %s has %d values, %s %d", v.name, len(v.values), f.vars[0].name, len(f.vars[0].values))
		case len(v.missing) > 3:
			return fmt.Errorf("sav: %s: more than 3 missing values", v.name)
		case len(v.label) > 255:
			return fmt.Errorf("sav: %s: label longer than 255 bytes", v.name)
		}
		for _, l := range v.labels {
			if len(l.label) > 120 {
				return fmt.Errorf("sav: %s: value label %q longer than 120 bytes", v.name, l.label)
			}
		}
		shorts[v.short] = true
	}
	return nil
}

// header writes the file header record.
func (f *savFile) header(w *savBuf) {
	w.WriteString("$FL2")
	w.text("@(#) SPSS DATA FILE planatlas demo generator", 60)
	w.i32(2, int32(len(f.vars)), 0, 0, int32(len(f.vars[0].values))) // layout, case size, uncompressed, no weight, cases
	w.f64(100)                                                       // compression bias
	w.text("01 Jan 25", 9)
	w.text("00:00:00", 8)
	w.text(f.label, 64)
	w.text("", 3)
}

// record writes the variable record (type 2).
func (v *savVar) record(w *savBuf) {
	hasLabel := int32(0)
	if v.label != "" {
		hasLabel = 1
	}
	w.i32(2, 0, hasLabel, int32(len(v.missing)), v.format.code(), v.format.code())
	w.text(v.short, 8)
	if hasLabel == 1 {
		w.i32(int32(len(v.label)))
		w.text(v.label, (len(v.label)+3)/4*4)
	}
	for _, m := range v.missing {
		w.f64(m)
	}
}

// labelRecords writes the value label record (type 3) and its index
// record (type 4) for the variable at 1-based dictionary index idx.
func (v *savVar) labelRecords(w *savBuf, idx int) {
	w.i32(3, int32(len(v.labels)))
	for _, l := range v.labels {
		w.f64(l.value)
		w.WriteByte(byte(len(l.label)))
		w.text(l.label, (len(l.label)+1+7)/8*8-1)
	}
	w.i32(4, 1, int32(idx))
}

// extensions writes the machine integer and floating-point info, the
// display parameters (measurement levels), the long names and the
// character encoding.
func (f *savFile) extensions(w *savBuf) {
	// version 1.0.0, machine -1, IEEE 754, compression 1, little-endian, UTF-8
	w.i32(7, 3, 4, 8, 1, 0, 0, -1, 1, 1, 2, 65001)
	w.i32(7, 4, 8, 3)
	w.f64(-math.MaxFloat64)
	w.f64(math.MaxFloat64)
	w.f64(math.Float64frombits(0xffeffffffffffffe))
	w.i32(7, 11, 4, int32(3*len(f.vars)))
	for _, v := range f.vars {
		w.i32(int32(v.measure), 8, 1) // width 8, right-aligned
	}
	names := make([]string, len(f.vars))
	for i, v := range f.vars {
		names[i] = v.short + "=" + v.name
	}
	long := strings.Join(names, "\t")
	w.i32(7, 13, 1, int32(len(long)))
	w.WriteString(long)
	w.i32(7, 20, 1, 5)
	w.WriteString("UTF-8")
}

// savBuf is a byte buffer with the little-endian writes of the format.
type savBuf struct{ bytes.Buffer }

func (w *savBuf) i32(vs ...int32) {
	for _, v := range vs {
		_ = binary.Write(&w.Buffer, binary.LittleEndian, v)
	}
}

func (w *savBuf) f64(v float64) {
	_ = binary.Write(&w.Buffer, binary.LittleEndian, math.Float64bits(v))
}

// text writes s padded with blanks to n bytes (s must fit).
func (w *savBuf) text(s string, n int) {
	w.WriteString(s)
	w.WriteString(strings.Repeat(" ", n-len(s)))
}
