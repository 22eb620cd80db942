package datasets

import (
	"encoding/base64"
	"encoding/binary"
	"fmt"
	"io"
	"planatlas/lang"

	"github.com/apache/arrow-go/v18/parquet/file"
	"github.com/apache/arrow-go/v18/parquet/metadata"
)

// maxSchemaDepth bounds the nesting of a Parquet schema: planatlas's
// inputs are flat, and nested data rarely goes 10 deep.
const maxSchemaDepth = 64

// maxRows is the most rows a Parquet or Arrow IPC file may claim. Read
// into a Table a row takes some 50 bytes, so this is some 13 GB: more
// than planatlas can hold, and far more than any city's statistics
// (1,000,000 areas for 30 years and 8 age groups are 240 million rows).
const maxRows = 1 << 28

// damagedAdvice ends the message about a damaged Parquet, Arrow or SPSS
// file, in the reader's language.
func damagedAdvice() lang.Message {
	return lang.M(": the file is damaged or was not written completely; write or export it again")
}

// openParquet opens a Parquet file and checks the counts, sizes and
// offsets of its footer against each other and the file's size, so
// that nothing is allocated or read on the word of a damaged footer.
// The caller closes the reader.
func openParquet(r io.ReaderAt, size int64, name string) (*file.Reader, error) {
	if err := checkParquetSchema(r, size); err != nil {
		return nil, &InputError{File: name, M: lang.M("damaged Parquet footer: the schema: %v%s", err, damagedAdvice())}
	}
	pf, err := file.NewParquetReader(io.NewSectionReader(r, 0, size))
	if err != nil {
		return nil, &InputError{File: name, M: lang.M("not a readable Parquet file: %v", err)}
	}
	if err := checkParquetFooter(pf.MetaData(), size); err != nil {
		_ = pf.Close() // the file is refused anyway
		return nil, &InputError{File: name, M: lang.M("damaged Parquet footer: %v%s", err, damagedAdvice())}
	}
	return pf, nil
}

// checkParquetFooter checks the row counts of the file and its row
// groups (not negative, adding up, at most maxRows, no more than each
// column chunk's values) and that every column chunk lies between the
// file's magic number and its footer.
func checkParquetFooter(md *metadata.FileMetaData, size int64) error {
	rows := md.NumRows
	switch {
	case rows < 0:
		return fmt.Errorf("the file claims %d rows", rows)
	case rows > maxRows:
		return fmt.Errorf("the file claims %d rows, more than planatlas reads (%d)", rows, maxRows)
	}
	dataEnd := size - 8 - int64(md.Size()) // the footer and its length and magic number follow the data
	var sum int64
	for g := range md.NumRowGroups() {
		rg := md.RowGroup(g)
		n := rg.NumRows()
		if n < 0 || n > rows-sum {
			return fmt.Errorf("row group %d claims %d rows, the file %d in all", g+1, n, rows)
		}
		sum += n
		for c := range rg.NumColumns() {
			col, err := rg.ColumnChunk(c)
			if err != nil {
				return fmt.Errorf("row group %d, column %d: %v", g+1, c+1, err)
			}
			if err := checkColumnChunk(col, n, dataEnd); err != nil {
				return fmt.Errorf("row group %d, column %q: %v", g+1, col.PathInSchema().String(), err)
			}
		}
	}
	if sum != rows {
		return fmt.Errorf("the file claims %d rows, but its row groups hold %d", rows, sum)
	}
	return checkArrowSchema(md.KeyValueMetadata())
}

// checkArrowSchema checks the Arrow schema that Arrow's writers keep in
// a Parquet file's metadata, decoded as pqarrow decodes it, before
// pqarrow reads it without checks. A schema that cannot be decoded is
// left to pqarrow to report.
func checkArrowSchema(kv metadata.KeyValueMetadata) error {
	s := kv.FindValue("ARROW:schema")
	if s == nil {
		return nil
	}
	var b []byte
	var err error
	if len(*s)%4 == 0 {
		b, err = base64.StdEncoding.DecodeString(*s)
	}
	if len(b) == 0 || err != nil {
		if b, err = base64.RawStdEncoding.DecodeString(*s); err != nil {
			return nil
		}
	}
	if err := checkSchemaMessage(b); err != nil {
		return fmt.Errorf("the Arrow schema in the metadata: %v", err)
	}
	return nil
}

// checkColumnChunk checks a column chunk of a row group of rows rows
// whose data must end at dataEnd. Every row has a value or a null in
// every column (a list at least one), so a chunk has at least rows.
func checkColumnChunk(col *metadata.ColumnChunkMetaData, rows, dataEnd int64) error {
	start, length := col.DataPageOffset(), col.TotalCompressedSize()
	if col.HasDictionaryPage() && col.DictionaryPageOffset() > 0 && col.DictionaryPageOffset() < start {
		start = col.DictionaryPageOffset()
	}
	switch {
	case col.NumValues() < rows:
		return fmt.Errorf("holds %d values for %d rows", col.NumValues(), rows)
	case start < 4 || length < 0 || length > dataEnd-start:
		return fmt.Errorf("claims %d bytes at offset %d, outside the file's %d bytes of data", length, start, max(dataEnd-4, 0))
	}
	return nil
}

// checkParquetSchema checks the schema in the raw footer before arrow-go
// parses it, as arrow-go makes a slice as long as each group claims
// children and recurses along the nesting: a group's children must be
// among the elements that follow, and groups at most maxSchemaDepth
// deep. What is not a Parquet footer at all is left to arrow-go.
func checkParquetSchema(r io.ReaderAt, size int64) error {
	var tail [8]byte
	if size < 12 {
		return nil
	}
	if _, err := r.ReadAt(tail[:], size-8); err != nil || string(tail[4:]) != "PAR1" {
		return nil
	}
	n := int64(binary.LittleEndian.Uint32(tail[:]))
	if n > size-12 {
		return nil
	}
	footer := make([]byte, n)
	if _, err := r.ReadAt(footer, size-8-n); err != nil {
		return nil
	}
	names, children, err := schemaElements(footer)
	if err != nil {
		return err
	}
	return checkSchemaTree(names, children)
}

// schemaElements reads the name and the number of children of each
// element of the schema in a FileMetaData (field 2, a list of
// SchemaElement, whose name is field 4 and num_children field 5).
func schemaElements(footer []byte) (names []string, children []int64, err error) {
	r := &thriftReader{b: footer}
	err = r.fields(func(id int64, typ byte) error {
		if id != 2 || typ != 9 {
			return r.skip(typ)
		}
		n, _, err := r.list()
		for k := 0; err == nil && k < n; k++ {
			var name string
			var nc int64
			err = r.fields(func(id int64, typ byte) error {
				switch {
				case id == 4 && typ == 8:
					l, err := r.varint()
					if err == nil && l > uint64(len(r.b)-r.i) {
						err = errThriftEnd
					}
					if err == nil {
						name, r.i = string(r.b[r.i:r.i+int(l)]), r.i+int(l)
					}
					return err
				case id == 5 && typ == 5:
					v, err := r.zigzag()
					nc = v
					return err
				}
				return r.skip(typ)
			})
			names, children = append(names, name), append(children, nc)
		}
		return err
	})
	return names, children, err
}

// checkSchemaTree checks that the schema elements, a tree written depth
// first with each group's number of children, nest at most
// maxSchemaDepth deep and that no group claims more children than there
// are elements after it.
func checkSchemaTree(names []string, children []int64) error {
	var open []int64 // children still to come, of each group open
	for i, nc := range children {
		if i > 0 {
			if len(open) == 0 {
				return fmt.Errorf("element %d (%q) is outside the root", i+1, names[i])
			}
			open[len(open)-1]--
		}
		if left := int64(len(children) - i - 1); nc < 0 || nc > left {
			return fmt.Errorf("element %d (%q) claims %d children, but %d elements follow", i+1, names[i], nc, left)
		}
		if nc > 0 {
			if open = append(open, nc); len(open) > maxSchemaDepth {
				return fmt.Errorf("groups nested more than %d deep (at element %d, %q)", maxSchemaDepth, i+1, names[i])
			}
		}
		for len(open) > 0 && open[len(open)-1] == 0 {
			open = open[:len(open)-1]
		}
	}
	return nil
}
