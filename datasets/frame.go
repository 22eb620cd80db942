package datasets

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"strings"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/memory"
)

// Frame is an output table: named, typed columns of equal length. It is
// written as CSV for people and as Parquet or Arrow IPC for programs.
type Frame struct {
	Names []string // column names for machine formats
	Heads []string // column headings for CSV; Names where empty
	Cols  []Column
	// Meta is key-value metadata for the machine formats: the Arrow
	// schema's metadata, which pqarrow also writes as the Parquet file's
	// key_value_metadata (where GeoParquet keeps its "geo" JSON). Keys
	// are written sorted, so a map gives equal bytes for equal frames.
	Meta map[string]string
}

// Column is one column of a Frame: a Text, Coded, Int or Float column,
// or, for the machine formats only, a Binary or Struct column.
type Column interface {
	Len() int
}

// Text is a column of strings.
type Text []string

// Int is a column of integers.
type Int []int64

// Float is a column of numbers. A NaN, and any value flagged Suppressed,
// is written as the official sign of its flag in CSV ("." confidential or
// suppressed, "–" nothing, "x" not meaningful) and as null in Parquet and
// Arrow: a hidden value never reaches a file. Decimals rounds the CSV
// text (negative: as many digits as needed to read the value back
// exactly).
type Float struct {
	Values   []float64
	Flags    []Flag // may be nil
	Decimals int
}

func (c Float) flag(r int) Flag {
	if c.Flags == nil {
		return 0
	}
	return c.Flags[r]
}

// published returns row r's value and whether it may be shown.
func (c Float) published(r int) (float64, bool) {
	v := c.Values[r]
	return v, !math.IsNaN(v) && c.flag(r)&Suppressed == 0
}

func (c Text) Len() int  { return len(c) }
func (c Int) Len() int   { return len(c) }
func (c Float) Len() int { return len(c.Values) }

// Add appends a column.
func (f *Frame) Add(name, heading string, c Column) {
	f.Names = append(f.Names, name)
	f.Heads = append(f.Heads, heading)
	f.Cols = append(f.Cols, c)
}

// Len returns the number of rows.
func (f *Frame) Len() int {
	if len(f.Cols) == 0 {
		return 0
	}
	return f.Cols[0].Len()
}

func (f *Frame) check() error {
	for i, c := range f.Cols {
		if c.Len() != f.Len() {
			return fmt.Errorf("frame column %q has %d rows, not %d", f.Names[i], c.Len(), f.Len())
		}
	}
	return nil
}

// CSVStyle is the convention a CSV file is written in.
type CSVStyle struct {
	Delimiter rune    // ';' for German spreadsheets, ',' otherwise
	Decimal   Decimal // DecimalComma or DecimalPoint
	BOM       bool    // a UTF-8 byte order mark, so that Excel reads umlauts right
}

// GermanCSV is what German Excel opens directly: ";", decimal comma,
// UTF-8 with byte order mark.
var GermanCSV = CSVStyle{Delimiter: ';', Decimal: DecimalComma, BOM: true}

// InternationalCSV is RFC 4180 with a decimal point.
var InternationalCSV = CSVStyle{Delimiter: ',', Decimal: DecimalPoint}

// WriteCSV writes f with lines ending in CRLF (RFC 4180). Numbers are not
// grouped into thousands, so that every spreadsheet reads them back.
func WriteCSV(w io.Writer, f *Frame, st CSVStyle) error {
	return WriteCSVParts(w, Whole(f), st)
}

func writeCSVRow(w *bufio.Writer, fields []string, delim rune) {
	for i, s := range fields {
		if i > 0 {
			w.WriteRune(delim)
		}
		writeCSVField(w, s, delim)
	}
	w.WriteString("\r\n")
}

// writeCSVField writes one field, quoted where it holds the delimiter, a
// quote or a line break.
func writeCSVField(w *bufio.Writer, s string, delim rune) {
	if strings.ContainsRune(s, delim) || strings.ContainsAny(s, "\"\r\n") {
		w.WriteByte('"')
		w.WriteString(strings.ReplaceAll(s, `"`, `""`))
		w.WriteByte('"')
	} else {
		w.WriteString(s)
	}
}

// arrowArray converts one column; plain turns Coded into text.
func arrowArray(c Column, plain bool) (arrow.Array, error) {
	mem := memory.DefaultAllocator
	switch c := c.(type) {
	case Text:
		b := array.NewStringBuilder(mem)
		defer b.Release()
		b.AppendValues(c, nil)
		return b.NewArray(), nil
	case Coded:
		if plain {
			b := array.NewStringBuilder(mem)
			defer b.Release()
			b.Reserve(len(c.Codes))
			for r := range c.Codes {
				b.Append(c.At(r))
			}
			return b.NewArray(), nil
		}
		ib := array.NewInt32Builder(mem)
		defer ib.Release()
		ib.AppendValues(c.Codes, nil)
		idx := ib.NewArray()
		defer idx.Release()
		sb := array.NewStringBuilder(mem)
		defer sb.Release()
		sb.AppendValues(c.Levels, nil)
		dict := sb.NewArray()
		defer dict.Release()
		dt := &arrow.DictionaryType{IndexType: arrow.PrimitiveTypes.Int32, ValueType: arrow.BinaryTypes.String}
		return array.NewDictionaryArray(dt, idx, dict), nil
	case Int:
		b := array.NewInt64Builder(mem)
		defer b.Release()
		b.AppendValues(c, nil)
		return b.NewArray(), nil
	case Float:
		b := array.NewFloat64Builder(mem)
		defer b.Release()
		valid := make([]bool, len(c.Values))
		for r := range c.Values {
			_, valid[r] = c.published(r)
		}
		b.AppendValues(c.Values, valid)
		return b.NewArray(), nil
	case Binary:
		return binaryArray(c, mem), nil
	case Struct:
		return structArray(c, plain)
	}
	return nil, fmt.Errorf("unknown column type %T", c)
}

// WriteParquet writes f as a Parquet file with zstd compression. The file
// carries no time stamp, so equal frames give equal bytes.
func WriteParquet(w io.Writer, f *Frame) error {
	return WriteParquetParts(w, Whole(f))
}

// WriteIPC writes f as an Arrow IPC file (Feather v2).
func WriteIPC(w io.Writer, f *Frame) error {
	return WriteIPCParts(w, Whole(f))
}
