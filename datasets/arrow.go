package datasets

import (
	"bytes"
	"context"
	"io"
	"math"
	"planatlas/lang"
	"slices"
	"strconv"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"github.com/apache/arrow-go/v18/parquet/pqarrow"
)

// ReadParquet reads the columns of spec from a Parquet file. Key and
// dimension columns may be text or integers (integers are written in
// decimal, so a key stored as the number 1 becomes "1"); value columns
// must be numeric (or text holding numbers with a decimal point). Rows
// are counted from 1 in messages. The footer is checked before anything
// is read on its word (openParquet); a damaged file is an *InputError,
// also where arrow-go panics on it.
func ReadParquet(r io.ReaderAt, size int64, name string, spec Spec) (t *Table, err error) {
	defer recoverDamaged(name, "Parquet", &err)
	pf, err := openParquet(r, size, name)
	if err != nil {
		return nil, err
	}
	defer func() { _ = pf.Close() }() // read from memory: nothing to lose
	bad := func(err error) error {
		return &InputError{File: name, M: lang.M("not a readable Parquet file: %v", err)}
	}
	fr, err := pqarrow.NewFileReader(pf, pqarrow.ArrowReadProperties{BatchSize: 64 << 10}, memory.DefaultAllocator)
	if err != nil {
		return nil, bad(err)
	}
	schema, err := fr.Schema()
	if err != nil {
		return nil, bad(err)
	}
	header := make([]string, schema.NumFields())
	for i, f := range schema.Fields() {
		header[i] = f.Name
	}
	keyCol, yearCol, dimCols, valCols, err := resolveColumns(name, header, spec, 0)
	if err != nil {
		return nil, err
	}
	// Only the plan's columns, a batch at a time: a census extract's
	// other columns are never decoded, and the Arrow memory of one batch
	// is all there is at once.
	var cols []int
	for _, c := range append(append([]int{keyCol, yearCol}, dimCols...), valCols...) {
		if c >= 0 && !slices.Contains(cols, c) {
			cols = append(cols, c)
		}
	}
	slices.Sort(cols)
	for _, f := range schema.Fields() {
		if _, nested := f.Type.(arrow.NestedType); nested {
			cols = nil // leaf columns are not fields: read them all
			break
		}
	}
	rr, err := fr.GetRecordReader(context.Background(), cols, nil)
	if err != nil {
		return nil, bad(err)
	}
	defer rr.Release()
	acc := newArrowAccumulator(name, spec)
	// The footer's count, checked as it is, may still be a claim the
	// data does not bear out: reserve no more rows than the file has
	// bytes. Real files have a byte or more a row; the rest is appended.
	acc.t.reserve(int(min(pf.NumRows(), size)))
	for rr.Next() {
		rec := rr.RecordBatch()
		tbl := array.NewTableFromRecords(rec.Schema(), []arrow.RecordBatch{rec})
		err := acc.add(tbl)
		tbl.Release()
		if err != nil {
			return nil, err
		}
	}
	if err := rr.Err(); err != nil && err != io.EOF {
		return nil, bad(err)
	}
	return acc.table()
}

// ReadIPC reads the columns of spec from an Arrow IPC file (Feather v2).
// The file's structure is checked before arrow-go reads it (checkIPC)
// and every column after (validBatch); a damaged file is an
// *InputError, also where arrow-go panics on it.
func ReadIPC(r io.ReaderAt, size int64, name string, spec Spec) (t *Table, err error) {
	defer recoverDamaged(name, "Arrow IPC", &err)
	fr, err := openIPC(r, size, name)
	if err != nil {
		return nil, err
	}
	defer func() { _ = fr.Close() }() // read from memory: nothing to lose
	recs := make([]arrow.RecordBatch, 0, fr.NumRecords())
	defer func() {
		for _, rec := range recs {
			rec.Release()
		}
	}()
	for i := 0; i < fr.NumRecords(); i++ {
		rec, err := fr.RecordBatch(i)
		if err != nil {
			return nil, &InputError{File: name, M: lang.M("record batch %d cannot be read: %v%s", i+1, err, damagedAdvice())}
		}
		if err := validBatch(rec); err != nil {
			return nil, &InputError{File: name, M: lang.M("damaged Arrow IPC file: record batch %d: %v%s", i+1, err, damagedAdvice())}
		}
		// The reader reuses a batch on the next call: keep our own.
		rec.Retain()
		recs = append(recs, rec)
	}
	tbl := array.NewTableFromRecords(fr.Schema(), recs)
	defer tbl.Release()
	return fromArrow(tbl, name, spec)
}

// ArrowColumns returns the column names of a Parquet or Arrow IPC file,
// for checking a plan before it runs. It reads the schema and checks the
// file's structure, but reads no data.
func ArrowColumns(data []byte, name string, parquetFile bool) (names []string, err error) {
	var schema *arrow.Schema
	if parquetFile {
		defer recoverDamaged(name, "Parquet", &err)
		pf, err := openParquet(bytes.NewReader(data), int64(len(data)), name)
		if err != nil {
			return nil, err
		}
		defer func() { _ = pf.Close() }() // read from memory: nothing to lose
		fr, err := pqarrow.NewFileReader(pf, pqarrow.ArrowReadProperties{}, memory.DefaultAllocator)
		if err == nil {
			schema, err = fr.Schema()
		}
		if err != nil {
			return nil, &InputError{File: name, M: lang.M("not a readable Parquet file: %v", err)}
		}
	} else {
		defer recoverDamaged(name, "Arrow IPC", &err)
		fr, err := openIPC(bytes.NewReader(data), int64(len(data)), name)
		if err != nil {
			return nil, err
		}
		schema = fr.Schema()
		_ = fr.Close() // read from memory: nothing to lose
	}
	names = make([]string, schema.NumFields())
	for i, f := range schema.Fields() {
		names[i] = f.Name
	}
	return names, nil
}

// recoverDamaged turns a panic of arrow-go on a damaged file into an
// *InputError naming the file. The readers' entry points defer it; they
// build nothing that outlives them before they return, so a recovered
// reader leaves no state behind, and arrow-go reads in the calling
// goroutine (pqarrow's Parallel is off), so none is left running.
func recoverDamaged(name, format string, err *error) {
	if p := recover(); p != nil {
		*err = &InputError{File: name, M: lang.M("damaged %s file: the reader failed on it (%v)%s", format, p, damagedAdvice())}
	}
}

func fromArrow(tbl arrow.Table, name string, spec Spec) (*Table, error) {
	acc := newArrowAccumulator(name, spec)
	if err := acc.add(tbl); err != nil {
		return nil, err
	}
	return acc.table()
}

// arrowAccumulator builds a Table from Arrow tables read one after the
// other (the record batches of a file). Text is interned, so that the
// Table holds one copy of each key and dimension value and no reference
// into the Arrow buffers, which are freed batch by batch.
type arrowAccumulator struct {
	name string
	spec Spec
	t    *Table
}

func newArrowAccumulator(name string, spec Spec) *arrowAccumulator {
	t := NewTable(name, spec)
	t.ByRow = true
	return &arrowAccumulator{name: name, spec: spec, t: t}
}

func (a *arrowAccumulator) add(tbl arrow.Table) error {
	name, spec, t := a.name, a.spec, a.t
	schema := tbl.Schema()
	header := make([]string, schema.NumFields())
	for i, f := range schema.Fields() {
		header[i] = f.Name
	}
	keyCol, yearCol, dimCols, valCols, err := resolveColumns(name, header, spec, 0)
	if err != nil {
		return err
	}
	n, off := int(tbl.NumRows()), t.Len()
	text := func(col int, required bool) ([]string, error) {
		out := make([]string, n)
		if err := arrowText(tbl.Column(col), name, header[col], out, required, off); err != nil {
			return nil, err
		}
		return out, nil
	}
	keys := make([]string, n)
	if keyCol >= 0 {
		if keys, err = text(keyCol, true); err != nil {
			return err
		}
	}
	years := make([]int, n)
	for i := range years {
		years[i] = spec.FixedYear
	}
	if yearCol >= 0 {
		ys := make([]string, n)
		if err := arrowText(tbl.Column(yearCol), name, header[yearCol], ys, true, off); err != nil {
			return err
		}
		for i, s := range ys {
			y, err := parseYear(s)
			if err != nil {
				return &InputError{File: name, Line: off + i + 1, row: true, Column: header[yearCol], M: lang.M("%q %s", s, err)}
			}
			years[i] = y
		}
	}
	for d, c := range dimCols {
		vals, err := text(c, false)
		if err != nil {
			return err
		}
		for _, s := range vals {
			t.dims[d].Append(s)
		}
	}
	for v, c := range valCols {
		vals, flags := make([]float64, n), make([]Flag, n)
		if err := arrowNumbers(tbl.Column(c), name, header[c], vals, flags, off); err != nil {
			return err
		}
		t.Values[v] = append(t.Values[v], vals...)
		t.Flags[v] = append(t.Flags[v], flags...)
	}
	for i, k := range keys {
		t.keys.Append(k)
		t.years = append(t.years, int32(years[i]))
		t.lines = append(t.lines, int32(off+i+1))
	}
	return nil
}

func (a *arrowAccumulator) table() (*Table, error) {
	if a.t.Len() == 0 {
		return nil, &InputError{File: a.name, M: lang.M("the file has no data rows")}
	}
	a.t.seal()
	return a.t, nil
}

// arrowText converts a column to text. required makes nulls an error.
func arrowText(col *arrow.Column, name, colName string, out []string, required bool, off int) error {
	row := 0
	var small [1024]string // integer codes as text, made once each
	for _, chunk := range col.Data().Chunks() {
		var dict *array.String
		if a, ok := chunk.(*array.Dictionary); ok {
			if dict, ok = a.Dictionary().(*array.String); !ok {
				return arrowTypeError(name, colName, chunk.DataType(), "text or integers")
			}
		}
		for i := 0; i < chunk.Len(); i++ {
			if chunk.IsNull(i) {
				if required {
					return &InputError{File: name, Line: off + row + 1, row: true, Column: colName, M: lang.M("the value is empty (null)")}
				}
				row++
				continue
			}
			switch a := chunk.(type) {
			case *array.String:
				out[row] = trimSpace(a.Value(i))
			case *array.LargeString:
				out[row] = trimSpace(a.Value(i))
			case *array.Dictionary:
				out[row] = trimSpace(dict.Value(a.GetValueIndex(i)))
			default:
				v, ok := integerAt(chunk, i)
				if !ok {
					return arrowTypeError(name, colName, chunk.DataType(), "text or integers")
				}
				out[row] = integerText(v, &small)
			}
			row++
		}
	}
	return nil
}

// integerText writes an integer code as text, the small ones from a
// cache (ages, years' offsets, district numbers recur in every row).
func integerText(v int64, small *[1024]string) string {
	if v < 0 || v >= int64(len(small)) {
		return strconv.FormatInt(v, 10)
	}
	if small[v] == "" {
		small[v] = strconv.FormatInt(v, 10)
	}
	return small[v]
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

func arrowNumbers(col *arrow.Column, name, colName string, out []float64, flags []Flag, off int) error {
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
					e := numberError(name, off+row+1, colName, a.Value(i), DecimalPoint, err)
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
				return &InputError{File: name, Line: off + row + 1, row: true, Column: colName, M: lang.M("%v is not a number (NaN and infinity are not accepted)", v)}
			}
			out[row] = v
			row++
		}
	}
	return nil
}

func arrowTypeError(name, col string, dt arrow.DataType, want string) error {
	return &InputError{File: name, Column: col, M: lang.M("has type %s, expected %s", dt, want)}
}
