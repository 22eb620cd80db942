package datasets

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/ipc"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"github.com/apache/arrow-go/v18/parquet"
	"github.com/apache/arrow-go/v18/parquet/compress"
	"github.com/apache/arrow-go/v18/parquet/pqarrow"
)

// Frame is an output table: named, typed columns of equal length. It is
// written as CSV for people and as Parquet or Arrow IPC for programs.
type Frame struct {
	Names []string // column names for machine formats
	Heads []string // column headings for CSV; Names where empty
	Cols  []Column
}

// Column is one column of a Frame: a Text, an Int or a Float column.
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
	if err := f.check(); err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	if st.BOM {
		bw.WriteString("\ufeff")
	}
	row := make([]string, len(f.Cols))
	for i := range f.Cols {
		row[i] = f.Names[i]
		if i < len(f.Heads) && f.Heads[i] != "" {
			row[i] = f.Heads[i]
		}
	}
	writeCSVRow(bw, row, st.Delimiter)
	for r := 0; r < f.Len(); r++ {
		for i, c := range f.Cols {
			switch c := c.(type) {
			case Text:
				row[i] = c[r]
			case Int:
				row[i] = strconv.FormatInt(c[r], 10)
			case Float:
				if v, ok := c.published(r); ok {
					row[i] = FormatNumber(v, c.Decimals, st.Decimal, false)
				} else {
					row[i] = c.flag(r).Sign()
				}
			}
		}
		writeCSVRow(bw, row, st.Delimiter)
	}
	return bw.Flush()
}

func writeCSVRow(w *bufio.Writer, fields []string, delim rune) {
	for i, s := range fields {
		if i > 0 {
			w.WriteRune(delim)
		}
		if strings.ContainsRune(s, delim) || strings.ContainsAny(s, "\"\r\n") {
			w.WriteByte('"')
			w.WriteString(strings.ReplaceAll(s, `"`, `""`))
			w.WriteByte('"')
		} else {
			w.WriteString(s)
		}
	}
	w.WriteString("\r\n")
}

// arrowTable converts f into an Arrow table; the caller releases it.
func (f *Frame) arrowTable() (arrow.Table, error) {
	if err := f.check(); err != nil {
		return nil, err
	}
	mem := memory.DefaultAllocator
	fields := make([]arrow.Field, len(f.Cols))
	arrays := make([]arrow.Array, len(f.Cols))
	defer func() {
		for _, a := range arrays {
			if a != nil {
				a.Release()
			}
		}
	}()
	for i, c := range f.Cols {
		switch c := c.(type) {
		case Text:
			b := array.NewStringBuilder(mem)
			b.AppendValues(c, nil)
			arrays[i] = b.NewArray()
			b.Release()
			fields[i] = arrow.Field{Name: f.Names[i], Type: arrow.BinaryTypes.String}
		case Int:
			b := array.NewInt64Builder(mem)
			b.AppendValues(c, nil)
			arrays[i] = b.NewArray()
			b.Release()
			fields[i] = arrow.Field{Name: f.Names[i], Type: arrow.PrimitiveTypes.Int64}
		case Float:
			b := array.NewFloat64Builder(mem)
			valid := make([]bool, len(c.Values))
			for r := range c.Values {
				_, valid[r] = c.published(r)
			}
			b.AppendValues(c.Values, valid)
			arrays[i] = b.NewArray()
			b.Release()
			fields[i] = arrow.Field{Name: f.Names[i], Type: arrow.PrimitiveTypes.Float64, Nullable: true}
		default:
			return nil, fmt.Errorf("frame column %q: unknown column type %T", f.Names[i], c)
		}
	}
	schema := arrow.NewSchema(fields, nil)
	cols := make([]arrow.Column, len(arrays))
	for i, a := range arrays {
		chunked := arrow.NewChunked(a.DataType(), []arrow.Array{a})
		cols[i] = *arrow.NewColumn(fields[i], chunked)
		chunked.Release()
	}
	tbl := array.NewTable(schema, cols, int64(f.Len()))
	for i := range cols {
		cols[i].Release()
	}
	return tbl, nil
}

// WriteParquet writes f as a Parquet file with zstd compression. The file
// carries no time stamp, so equal frames give equal bytes.
func WriteParquet(w io.Writer, f *Frame) error {
	tbl, err := f.arrowTable()
	if err != nil {
		return err
	}
	defer tbl.Release()
	props := parquet.NewWriterProperties(
		parquet.WithCompression(compress.Codecs.Zstd),
		parquet.WithCreatedBy("planatlas"),
	)
	// pqarrow closes a sink that is an io.Closer; the caller owns w.
	return pqarrow.WriteTable(tbl, struct{ io.Writer }{w}, 64<<10, props, pqarrow.NewArrowWriterProperties(pqarrow.WithStoreSchema()))
}

// WriteIPC writes f as an Arrow IPC file (Feather v2).
func WriteIPC(w io.Writer, f *Frame) error {
	tbl, err := f.arrowTable()
	if err != nil {
		return err
	}
	defer tbl.Release()
	fw, err := ipc.NewFileWriter(struct{ io.Writer }{w}, ipc.WithSchema(tbl.Schema()))
	if err != nil {
		return err
	}
	tr := array.NewTableReader(tbl, 64<<10)
	defer tr.Release()
	for tr.Next() {
		if err := fw.Write(tr.RecordBatch()); err != nil {
			return err
		}
	}
	return fw.Close()
}
