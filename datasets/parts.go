package datasets

import (
	"bufio"
	"fmt"
	"io"
	"strconv"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/ipc"
	"github.com/apache/arrow-go/v18/parquet"
	"github.com/apache/arrow-go/v18/parquet/compress"
	"github.com/apache/arrow-go/v18/parquet/pqarrow"
)

// Coded is a text column of few distinct values, each stored once: row r
// reads Levels[Codes[r]]. The long output tables repeat the area's name
// and the indicator's label on every row; at 100,000 areas, ten years and
// 34 indicators that is 34 million rows, and as Text 16 bytes of string
// header per cell before any text. Coded costs 4 bytes per cell, and
// Parquet gets the dictionary it would otherwise build by hashing every
// value.
type Coded struct {
	Codes  []int32
	Levels []string
}

// Len returns the number of rows.
func (c Coded) Len() int { return len(c.Codes) }

// Repeat returns a Coded column of n rows, all s.
func Repeat(s string, n int) Coded {
	return Coded{Codes: make([]int32, n), Levels: []string{s}}
}

// At returns row r's text.
func (c Coded) At(r int) string { return c.Levels[c.Codes[r]] }

// Strings returns every row's text, for code that needs a []string.
func (c Coded) Strings() []string {
	out := make([]string, len(c.Codes))
	for r, x := range c.Codes {
		out[r] = c.Levels[x]
	}
	return out
}

// Parts is a table produced in parts with the same columns, so that a
// table of tens of millions of rows is written without being held in
// memory at once. It calls yield with each part in order and stops at
// the first error yield returns.
type Parts func(yield func(*Frame) error) error

// Whole returns f as a table of one part.
func Whole(f *Frame) Parts {
	return func(yield func(*Frame) error) error { return yield(f) }
}

// WriteCSVParts writes the parts as one CSV file (see WriteCSV).
func WriteCSVParts(w io.Writer, parts Parts, st CSVStyle) error {
	bw := bufio.NewWriterSize(w, 1<<16)
	first := true
	var row []string
	err := parts(func(f *Frame) error {
		if err := f.check(); err != nil {
			return err
		}
		if err := f.machineOnly("CSV"); err != nil {
			return err
		}
		if first {
			first = false
			if st.BOM {
				bw.WriteString("\ufeff")
			}
			row = make([]string, len(f.Cols))
			for i := range f.Cols {
				row[i] = f.Names[i]
				if i < len(f.Heads) && f.Heads[i] != "" {
					row[i] = f.Heads[i]
				}
			}
			writeCSVRow(bw, row, st.Delimiter)
		}
		if len(f.Cols) != len(row) {
			return fmt.Errorf("table part has %d columns, not %d", len(f.Cols), len(row))
		}
		var num []byte
		for r := 0; r < f.Len(); r++ {
			for i, c := range f.Cols {
				if i > 0 {
					bw.WriteRune(st.Delimiter)
				}
				switch c := c.(type) {
				case Text:
					writeCSVField(bw, c[r], st.Delimiter)
				case Coded:
					writeCSVField(bw, c.At(r), st.Delimiter)
				case Int:
					num = strconv.AppendInt(num[:0], c[r], 10)
					bw.Write(num)
				case Float:
					if v, ok := c.published(r); ok {
						bw.WriteString(FormatNumber(v, c.Decimals, st.Decimal, false))
					} else {
						writeCSVField(bw, c.flag(r).Sign(), st.Delimiter)
					}
				}
			}
			bw.WriteString("\r\n")
		}
		return nil
	})
	if err != nil {
		return err
	}
	return bw.Flush()
}

// plainLevels is the most levels a Coded column may have to be written
// to Parquet as a dictionary; above it the dictionary page would be
// larger than the data it saves.
const plainLevels = 1 << 22

// WriteParquetParts writes the parts as one Parquet file, in row groups
// of at most 512 Ki rows (see WriteParquet). A Coded column whose first
// part has at most plainLevels levels is written as dictionary-encoded
// text from its levels, others as plain text. pqarrow puts a column's
// whole dictionary into every row group, so row groups are large: with
// 64 Ki rows, the 100,000 area keys of a census grid were hashed again
// for every 65,536 rows (BenchmarkWriteParquetLong: 2.8 s for 10 million
// rows; 1.3–1.5 s with 512 Ki or 1 Mi rows per group, and 512 Ki holds
// half the memory).
func WriteParquetParts(w io.Writer, parts Parts) error {
	var fw *pqarrow.FileWriter
	var schema *arrow.Schema
	var plain []bool
	err := parts(func(f *Frame) error {
		if plain == nil {
			plain = make([]bool, len(f.Cols))
			for i, c := range f.Cols {
				if c, ok := c.(Coded); ok && len(c.Levels) > plainLevels {
					plain[i] = true
				}
			}
		}
		rec, err := f.arrowRecord(plain)
		if err != nil {
			return err
		}
		defer rec.Release()
		if fw == nil {
			// Dictionaries only for Coded text: numbers are mostly
			// distinct, and hashing them cost seconds at census scale.
			// zstd at its fastest level: within a few per cent of the
			// default's size, twice as fast.
			opts := []parquet.WriterProperty{
				parquet.WithCompression(compress.Codecs.Zstd),
				parquet.WithCompressionLevel(1),
				parquet.WithDictionaryDefault(false),
				parquet.WithCreatedBy("planatlas"),
				parquet.WithMaxRowGroupLength(512 << 10),
				parquet.WithDictionaryPageSizeLimit(64 << 20),
			}
			for i, c := range f.Cols {
				if _, ok := c.(Coded); ok && !plain[i] {
					// No min/max statistics: pqarrow finds them by
					// hashing every row group's indices (3 s of 34
					// million rows).
					opts = append(opts, parquet.WithDictionaryFor(f.Names[i], true), parquet.WithStatsFor(f.Names[i], false))
				}
				if _, ok := c.(Binary); ok {
					// The least and greatest byte string of a
					// column of geometries select nothing; without
					// them the footer does not carry two of them
					// per row group.
					opts = append(opts, parquet.WithStatsFor(f.Names[i], false))
				}
			}
			schema = rec.Schema()
			// pqarrow closes a sink that is an io.Closer; the caller owns w.
			fw, err = pqarrow.NewFileWriter(schema, struct{ io.Writer }{w}, parquet.NewWriterProperties(opts...), pqarrow.NewArrowWriterProperties(pqarrow.WithStoreSchema()))
			if err != nil {
				return err
			}
		} else if !rec.Schema().Equal(schema) {
			return fmt.Errorf("table part has the columns %s, not %s", rec.Schema(), schema)
		}
		return fw.Write(rec)
	})
	if err != nil {
		return err
	}
	if fw == nil {
		return fmt.Errorf("table without parts")
	}
	return fw.Close()
}

// WriteIPCParts writes the parts as one Arrow IPC file (see WriteIPC).
// Coded columns are written as plain text: the IPC file format does not
// allow a dictionary to change between record batches.
func WriteIPCParts(w io.Writer, parts Parts) error {
	var fw *ipc.FileWriter
	err := parts(func(f *Frame) error {
		rec, err := f.arrowRecord(nil)
		if err != nil {
			return err
		}
		defer rec.Release()
		if fw == nil {
			if fw, err = ipc.NewFileWriter(struct{ io.Writer }{w}, ipc.WithSchema(rec.Schema())); err != nil {
				return err
			}
		}
		for off := int64(0); off < rec.NumRows(); off += 64 << 10 {
			s := rec.NewSlice(off, min(rec.NumRows(), off+64<<10))
			err := fw.Write(s)
			s.Release()
			if err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	if fw == nil {
		return fmt.Errorf("table without parts")
	}
	return fw.Close()
}

// Collect joins the parts into one Frame of Text, Int and Float columns,
// for formats that need the whole table (XLSX). It stops with ok false
// once more than limit rows have come.
func Collect(parts Parts, limit int) (f *Frame, rows int, ok bool, err error) {
	var out *Frame
	err = parts(func(p *Frame) error {
		if err := p.machineOnly("a worksheet"); err != nil {
			return err
		}
		rows += p.Len()
		if rows > limit {
			return nil
		}
		if out == nil {
			out = &Frame{Names: p.Names, Heads: p.Heads, Cols: make([]Column, len(p.Cols))}
		}
		for i, c := range p.Cols {
			switch c := c.(type) {
			case Coded:
				t, _ := out.Cols[i].(Text)
				for r := range c.Codes {
					t = append(t, c.At(r))
				}
				out.Cols[i] = t
			case Text:
				t, _ := out.Cols[i].(Text)
				out.Cols[i] = append(t, c...)
			case Int:
				t, _ := out.Cols[i].(Int)
				out.Cols[i] = append(t, c...)
			case Float:
				t, _ := out.Cols[i].(Float)
				t.Values = append(t.Values, c.Values...)
				if c.Flags == nil {
					c.Flags = make([]Flag, len(c.Values))
				}
				t.Flags = append(t.Flags, c.Flags...)
				t.Decimals = c.Decimals
				out.Cols[i] = t
			}
		}
		return nil
	})
	return out, rows, err == nil && rows <= limit && out != nil, err
}

// arrowRecord converts f into an Arrow record batch; the caller releases
// it. Coded columns become text where plain is set for them, and all of
// them where plain is nil; dictionaries otherwise.
func (f *Frame) arrowRecord(plain []bool) (arrow.RecordBatch, error) {
	if err := f.check(); err != nil {
		return nil, err
	}
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
		a, err := arrowArray(c, plain == nil || plain[i])
		if err != nil {
			return nil, fmt.Errorf("frame column %q: %w", f.Names[i], err)
		}
		arrays[i] = a
		fields[i] = arrow.Field{Name: f.Names[i], Type: a.DataType(), Nullable: a.DataType().ID() == arrow.FLOAT64}
	}
	var meta *arrow.Metadata
	if len(f.Meta) > 0 {
		m := arrow.MetadataFrom(f.Meta)
		meta = &m
	}
	return array.NewRecordBatch(arrow.NewSchema(fields, meta), arrays, int64(f.Len())), nil
}

// Relabel returns the parts with the values of the text columns named in
// labels replaced by labels[name](value): the codes that Parquet and Arrow
// keep (area, no-data, rising) written in the reader's language for CSV
// and XLSX. A Coded column gets new levels (each translated once); other
// columns are shared with the parts.
func Relabel(parts Parts, labels map[string]func(string) string) Parts {
	if len(labels) == 0 {
		return parts
	}
	return func(yield func(*Frame) error) error {
		return parts(func(f *Frame) error {
			out := &Frame{Names: f.Names, Heads: f.Heads, Cols: make([]Column, len(f.Cols))}
			copy(out.Cols, f.Cols)
			for i, name := range f.Names {
				label, ok := labels[name]
				if !ok || i >= len(f.Cols) {
					continue
				}
				switch c := f.Cols[i].(type) {
				case Coded:
					levels := make([]string, len(c.Levels))
					for k, v := range c.Levels {
						levels[k] = label(v)
					}
					out.Cols[i] = Coded{Codes: c.Codes, Levels: levels}
				case Text:
					seen := map[string]string{}
					t := make(Text, len(c))
					for r, v := range c {
						s, ok := seen[v]
						if !ok {
							s = label(v)
							seen[v] = s
						}
						t[r] = s
					}
					out.Cols[i] = t
				}
			}
			return yield(out)
		})
	}
}
