package datasets

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"math"
	"strconv"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/ipc"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"github.com/apache/arrow-go/v18/parquet"
	"github.com/apache/arrow-go/v18/parquet/pqarrow"
)

// ReadParquet reads the columns of spec from a Parquet file. Key and
// dimension columns may be text or integers (integers are written in
// decimal, so a key stored as the number 1 becomes "1"); value columns
// must be numeric (or text holding numbers with a decimal point). Rows
// are counted from 1 in messages.
func ReadParquet(r io.ReaderAt, size int64, name string, spec Spec) (*Table, error) {
	sr := io.NewSectionReader(r, 0, size)
	tbl, err := pqarrow.ReadTable(context.Background(), sr, parquet.NewReaderProperties(memory.DefaultAllocator),
		pqarrow.ArrowReadProperties{BatchSize: 64 << 10}, memory.DefaultAllocator)
	if err != nil {
		return nil, &InputError{File: name, Msg: "not a readable Parquet file: " + err.Error()}
	}
	defer tbl.Release()
	return fromArrow(tbl, name, spec)
}

// ReadIPC reads the columns of spec from an Arrow IPC file (Feather v2).
func ReadIPC(r io.ReaderAt, size int64, name string, spec Spec) (*Table, error) {
	fr, err := ipc.NewFileReader(io.NewSectionReader(r, 0, size))
	if err != nil {
		return nil, &InputError{File: name, Msg: "not a readable Arrow IPC file: " + err.Error()}
	}
	defer fr.Close()
	recs := make([]arrow.RecordBatch, 0, fr.NumRecords())
	for i := 0; i < fr.NumRecords(); i++ {
		rec, err := fr.RecordBatch(i)
		if err != nil {
			return nil, &InputError{File: name, Msg: fmt.Sprintf("record batch %d cannot be read: %v", i, err)}
		}
		// The reader reuses a batch on the next call: keep our own.
		rec.Retain()
		defer rec.Release()
		recs = append(recs, rec)
	}
	tbl := array.NewTableFromRecords(fr.Schema(), recs)
	defer tbl.Release()
	return fromArrow(tbl, name, spec)
}

// ArrowColumns returns the column names of a Parquet or Arrow IPC file,
// for checking a plan before it runs.
func ArrowColumns(data []byte, name string, parquetFile bool) ([]string, error) {
	var schema *arrow.Schema
	if parquetFile {
		tbl, err := pqarrow.ReadTable(context.Background(), bytes.NewReader(data), parquet.NewReaderProperties(memory.DefaultAllocator),
			pqarrow.ArrowReadProperties{}, memory.DefaultAllocator)
		if err != nil {
			return nil, &InputError{File: name, Msg: "not a readable Parquet file: " + err.Error()}
		}
		schema = tbl.Schema()
		tbl.Release()
	} else {
		fr, err := ipc.NewFileReader(bytes.NewReader(data))
		if err != nil {
			return nil, &InputError{File: name, Msg: "not a readable Arrow IPC file: " + err.Error()}
		}
		schema = fr.Schema()
		fr.Close()
	}
	names := make([]string, schema.NumFields())
	for i, f := range schema.Fields() {
		names[i] = f.Name
	}
	return names, nil
}

func fromArrow(tbl arrow.Table, name string, spec Spec) (*Table, error) {
	schema := tbl.Schema()
	header := make([]string, schema.NumFields())
	for i, f := range schema.Fields() {
		header[i] = f.Name
	}
	keyCol, yearCol, dimCols, valCols, err := resolveColumns(name, header, spec, 0)
	if err != nil {
		return nil, err
	}
	n := int(tbl.NumRows())
	if n == 0 {
		return nil, &InputError{File: name, Msg: "the file has no data rows"}
	}
	t := &Table{
		Name:   name,
		Spec:   spec,
		Keys:   make([]string, n),
		Years:  make([]int, n),
		Dims:   make([][]string, len(dimCols)),
		Values: make([][]float64, len(valCols)),
		Flags:  make([][]Flag, len(valCols)),
		Lines:  make([]int, n),
		ByRow:  true,
	}
	for i := range t.Lines {
		t.Lines[i] = i + 1
		t.Years[i] = spec.FixedYear
	}
	if keyCol >= 0 {
		if err := arrowText(tbl.Column(keyCol), name, header[keyCol], t.Keys, true); err != nil {
			return nil, err
		}
	}
	if yearCol >= 0 {
		years := make([]string, n)
		if err := arrowText(tbl.Column(yearCol), name, header[yearCol], years, true); err != nil {
			return nil, err
		}
		for i, ys := range years {
			y, err := parseYear(ys)
			if err != nil {
				return nil, &InputError{File: name, Line: i + 1, row: true, Column: header[yearCol], Msg: fmt.Sprintf("%q %s", ys, err)}
			}
			t.Years[i] = y
		}
	}
	for d, c := range dimCols {
		t.Dims[d] = make([]string, n)
		if err := arrowText(tbl.Column(c), name, header[c], t.Dims[d], false); err != nil {
			return nil, err
		}
	}
	for v, c := range valCols {
		t.Values[v] = make([]float64, n)
		t.Flags[v] = make([]Flag, n)
		if err := arrowNumbers(tbl.Column(c), name, header[c], t.Values[v], t.Flags[v]); err != nil {
			return nil, err
		}
	}
	return t, nil
}

// arrowText converts a column to text. required makes nulls an error.
func arrowText(col *arrow.Column, name, colName string, out []string, required bool) error {
	row := 0
	for _, chunk := range col.Data().Chunks() {
		for i := 0; i < chunk.Len(); i++ {
			if chunk.IsNull(i) {
				if required {
					return &InputError{File: name, Line: row + 1, row: true, Column: colName, Msg: "the value is empty (null)"}
				}
				row++
				continue
			}
			var s string
			switch a := chunk.(type) {
			case *array.String:
				s = a.Value(i)
			case *array.LargeString:
				s = a.Value(i)
			case *array.Dictionary:
				d, ok := a.Dictionary().(*array.String)
				if !ok {
					return arrowTypeError(name, colName, chunk.DataType(), "text or integers")
				}
				s = d.Value(a.GetValueIndex(i))
			default:
				v, ok := integerAt(chunk, i)
				if !ok {
					return arrowTypeError(name, colName, chunk.DataType(), "text or integers")
				}
				s = strconv.FormatInt(v, 10)
			}
			out[row] = trimSpace(s)
			row++
		}
	}
	return nil
}

// integerAt returns element i of an integer array; ok is false for other
// types.
func integerAt(a arrow.Array, i int) (v int64, ok bool) {
	switch a := a.(type) {
	case *array.Int8:
		return int64(a.Value(i)), true
	case *array.Int16:
		return int64(a.Value(i)), true
	case *array.Int32:
		return int64(a.Value(i)), true
	case *array.Int64:
		return a.Value(i), true
	case *array.Uint8:
		return int64(a.Value(i)), true
	case *array.Uint16:
		return int64(a.Value(i)), true
	case *array.Uint32:
		return int64(a.Value(i)), true
	case *array.Uint64:
		return int64(a.Value(i)), true
	}
	return 0, false
}

func arrowNumbers(col *arrow.Column, name, colName string, out []float64, flags []Flag) error {
	row := 0
	for _, chunk := range col.Data().Chunks() {
		for i := 0; i < chunk.Len(); i++ {
			if chunk.IsNull(i) {
				out[row], flags[row] = math.NaN(), Empty
				row++
				continue
			}
			var v float64
			switch a := chunk.(type) {
			case *array.Float64:
				v = a.Value(i)
			case *array.Float32:
				v = float64(a.Value(i))
			case *array.String:
				f, fl, err := ParseNumber(a.Value(i), DecimalPoint)
				if err != nil {
					e := numberError(name, row+1, colName, a.Value(i), DecimalPoint, err)
					e.row = true
					return e
				}
				v, flags[row] = f, fl
			default:
				n, ok := integerAt(chunk, i)
				if !ok {
					return arrowTypeError(name, colName, chunk.DataType(), "numbers")
				}
				v = float64(n)
			}
			if math.IsNaN(v) || math.IsInf(v, 0) {
				return &InputError{File: name, Line: row + 1, row: true, Column: colName, Msg: fmt.Sprintf("%v is not a number (NaN and infinity are not accepted)", v)}
			}
			out[row] = v
			row++
		}
	}
	return nil
}

func arrowTypeError(name, col string, dt arrow.DataType, want string) error {
	return &InputError{File: name, Column: col, Msg: fmt.Sprintf("has type %s, expected %s", dt, want)}
}
