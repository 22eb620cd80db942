package datasets

import (
	"fmt"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/memory"
)

// Binary is a column of byte strings, written to Parquet as BYTE_ARRAY:
// the Well-Known Binary geometries of GeoParquet. It is for the machine
// formats only; a CSV or a worksheet has no cell for it, and writing one
// there is an error.
type Binary [][]byte

// Len returns the number of rows.
func (c Binary) Len() int { return len(c) }

// Struct is a column of records with named fields of equal length,
// written to Parquet as a group: the per-row bounding box that
// GeoParquet 1.1 calls a covering ({xmin, ymin, xmax, ymax}). Like
// Binary it is for the machine formats only.
type Struct struct {
	Names []string
	Cols  []Column
}

// Len returns the number of rows.
func (c Struct) Len() int {
	if len(c.Cols) == 0 {
		return 0
	}
	return c.Cols[0].Len()
}

// machineOnly reports an error for the first column of f that only the
// machine formats can hold, naming the table format that cannot.
func (f *Frame) machineOnly(format string) error {
	for i, c := range f.Cols {
		switch c.(type) {
		case Binary, Struct:
			return fmt.Errorf("frame column %q (%T) cannot be written to %s", f.Names[i], c, format)
		}
	}
	return nil
}

// binaryArray converts a Binary column.
func binaryArray(c Binary, mem memory.Allocator) arrow.Array {
	b := array.NewBinaryBuilder(mem, arrow.BinaryTypes.Binary)
	defer b.Release()
	b.AppendValues(c, nil)
	return b.NewArray()
}

// structArray converts a Struct column; its fields are converted as
// top-level columns are (a Float field is nullable, as in arrowRecord).
func structArray(c Struct, plain bool) (arrow.Array, error) {
	if len(c.Names) != len(c.Cols) {
		return nil, fmt.Errorf("struct of %d names and %d fields", len(c.Names), len(c.Cols))
	}
	children := make([]arrow.Array, len(c.Cols))
	defer func() {
		for _, a := range children {
			if a != nil {
				a.Release()
			}
		}
	}()
	fields := make([]arrow.Field, len(c.Cols))
	for i, col := range c.Cols {
		if col.Len() != c.Len() {
			return nil, fmt.Errorf("struct field %q has %d rows, not %d", c.Names[i], col.Len(), c.Len())
		}
		a, err := arrowArray(col, plain)
		if err != nil {
			return nil, fmt.Errorf("struct field %q: %w", c.Names[i], err)
		}
		children[i] = a
		fields[i] = arrow.Field{Name: c.Names[i], Type: a.DataType(), Nullable: a.DataType().ID() == arrow.FLOAT64}
	}
	return array.NewStructArrayWithFields(children, fields)
}
