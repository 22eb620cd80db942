package datasets

import (
	"bytes"
	"encoding/base64"
	"encoding/binary"
	"errors"
	"testing"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/ipc"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"github.com/apache/arrow-go/v18/parquet/metadata"
)

// damagedParquet returns sampleFrame written as Parquet with its footer
// changed by edit.
func damagedParquet(t testing.TB, edit func(md *metadata.FileMetaData)) []byte {
	var buf bytes.Buffer
	if err := WriteParquet(&buf, sampleFrame()); err != nil {
		t.Fatal(err)
	}
	return editParquet(t, buf.Bytes(), edit)
}

// editParquet returns the Parquet file b with its footer changed by edit
// (and written again, with its new length).
func editParquet(t testing.TB, b []byte, edit func(md *metadata.FileMetaData)) []byte {
	n := int(binary.LittleEndian.Uint32(b[len(b)-8:]))
	md, err := metadata.NewFileMetaData(b[len(b)-8-n:len(b)-8], nil)
	if err != nil {
		t.Fatal(err)
	}
	edit(md)
	var out bytes.Buffer
	out.Write(b[:len(b)-8-n])
	k, err := md.WriteTo(&out, nil)
	if err != nil {
		t.Fatal(err)
	}
	binary.Write(&out, binary.LittleEndian, uint32(k))
	out.WriteString("PAR1")
	return out.Bytes()
}

// parquetRows sets the row count of the file and of its row groups.
func parquetRows(file, group int64) func(md *metadata.FileMetaData) {
	return func(md *metadata.FileMetaData) {
		md.NumRows = file
		for _, rg := range md.RowGroups {
			rg.NumRows = group
		}
	}
}

// Parquet footers whose counts, sizes or offsets the data cannot bear
// out are errors naming the file, the value and what to do; before,
// 10^12 rows ran out of memory and -5 panicked.
func TestReadDamagedParquet(t *testing.T) {
	const advice = ": the file is damaged or was not written completely; write or export it again"
	spec := Spec{Key: "key", Year: "year", Dims: []string{"name"}, Values: []string{"value"}}
	for _, tc := range []struct {
		name string
		edit func(md *metadata.FileMetaData)
		want string
	}{
		{"10^12 rows", parquetRows(1e12, 1e12),
			"x.parquet: damaged Parquet footer: the file claims 1000000000000 rows, more than planatlas reads (268435456)" + advice},
		{"-5 rows", parquetRows(-5, -5),
			"x.parquet: damaged Parquet footer: the file claims -5 rows" + advice},
		{"a row group of 10^12 rows", parquetRows(3, 1e12),
			"x.parquet: damaged Parquet footer: row group 1 claims 1000000000000 rows, the file 3 in all" + advice},
		{"a row group of -5 rows", parquetRows(3, -5),
			"x.parquet: damaged Parquet footer: row group 1 claims -5 rows, the file 3 in all" + advice},
		{"row groups short of the file", parquetRows(5, 3),
			"x.parquet: damaged Parquet footer: the file claims 5 rows, but its row groups hold 3" + advice},
		{"more rows than values", parquetRows(200_000_000, 200_000_000),
			`x.parquet: damaged Parquet footer: row group 1, column "key": holds 3 values for 200000000 rows` + advice},
		{"a column chunk past the data", func(md *metadata.FileMetaData) {
			md.RowGroups[0].Columns[1].MetaData.TotalCompressedSize = 1 << 40
		}, `x.parquet: damaged Parquet footer: row group 1, column "year": claims 1099511627776 bytes at offset 65, outside the file's 364 bytes of data` + advice},
		{"a column chunk before the data", func(md *metadata.FileMetaData) {
			md.RowGroups[0].Columns[2].MetaData.DataPageOffset = -7
			md.RowGroups[0].Columns[2].MetaData.DictionaryPageOffset = nil
		}, `x.parquet: damaged Parquet footer: row group 1, column "value": claims 96 bytes at offset -7, outside the file's 364 bytes of data` + advice},
		{"a group of 2^31-1 children", func(md *metadata.FileMetaData) {
			n := int32(1<<31 - 1)
			md.FileMetaData.Schema[0].NumChildren = &n
		}, `x.parquet: damaged Parquet footer: the schema: element 1 ("schema") claims 2147483647 children, but 4 elements follow` + advice},
		{"groups nested 100 deep", parquetNestedSchema(100), // 3 million overflowed the stack
			`x.parquet: damaged Parquet footer: the schema: groups nested more than 64 deep (at element 65, "g")` + advice},
		{"an Arrow schema of 2^31 fields", parquetArrowSchemaFields(1 << 31), // found by FuzzReadParquet
			"x.parquet: damaged Parquet footer: the Arrow schema in the metadata: the list of fields claims 2147483648 entries at offset 44, past the end of the 288 bytes of metadata" + advice},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b := damagedParquet(t, tc.edit)
			_, err := ReadParquet(bytes.NewReader(b), int64(len(b)), "x.parquet", spec)
			assertInputError(t, err, tc.want)
			_, err = ArrowColumns(b, "x.parquet", true)
			assertInputError(t, err, tc.want)
		})
	}
}

// parquetArrowSchemaFields sets the number of fields of the Arrow schema
// that a Parquet file written by Arrow keeps in its metadata; pqarrow
// made a slice of that many.
func parquetArrowSchemaFields(n uint32) func(md *metadata.FileMetaData) {
	return func(md *metadata.FileMetaData) {
		for _, kv := range md.FileMetaData.KeyValueMetadata {
			if kv.Key != "ARROW:schema" {
				continue
			}
			b, _ := base64.StdEncoding.DecodeString(*kv.Value)
			schema, _, _ := must(fbRoot(b[8:])).table(2)
			fields, _, _ := schema.vector(1, 4, "")
			binary.LittleEndian.PutUint32(b[8+fields-4:], n)
			v := base64.StdEncoding.EncodeToString(b)
			kv.Value = &v
		}
	}
}

// parquetNestedSchema makes the schema a chain of depth groups above the
// first column.
func parquetNestedSchema(depth int) func(md *metadata.FileMetaData) {
	return func(md *metadata.FileMetaData) {
		s := md.FileMetaData.Schema
		one := int32(1)
		root, leaf := *s[0], *s[1]
		root.NumChildren = &one
		out := append(s[:0:0], &root)
		for range depth {
			g := *s[0]
			g.Name, g.NumChildren, g.RepetitionType = "g", &one, leaf.RepetitionType
			out = append(out, &g)
		}
		md.FileMetaData.Schema = append(out, &leaf)
	}
}

func assertInputError(t *testing.T, err error, want string) {
	t.Helper()
	var ie *InputError
	if !errors.As(err, &ie) || err.Error() != want {
		t.Errorf("error\n  %v\nwant\n  %s", err, want)
	}
}

// damagedIPC returns sampleFrame written as an Arrow IPC file (zstd
// compressed if compressed) with one value of its metadata or body
// changed, as kind names. The places are found with the checker's own
// FlatBuffers reader.
func damagedIPC(t testing.TB, kind string, compressed bool) []byte {
	return damageIPC(t, sampleIPC(t, compressed), kind)
}

// damageIPC changes the Arrow IPC file b as kind names (see damagedIPC);
// the first column must be text.
func damageIPC(t testing.TB, b []byte, kind string) []byte {
	b = bytes.Clone(b)
	n := int(binary.LittleEndian.Uint32(b[len(b)-10:]))
	footerAt := len(b) - 10 - n
	f := must(fbRoot(b[footerAt : len(b)-10]))
	schema, _, _ := f.table(1)
	fields, _, _ := schema.vector(1, 4, "")
	blocks, _, _ := f.vector(3, 24, "")
	blk := b[footerAt+blocks:] // the first record batch
	off, metaLen := int(binary.LittleEndian.Uint64(blk)), int(binary.LittleEndian.Uint32(blk[8:]))
	msg := must(fbRoot(b[off+8 : off+metaLen]))
	rb, _, _ := msg.table(2)
	at := func(t fbTable, slot int) []byte { p, _ := t.field(slot, 8); return b[off+8+p:] }
	nodes, _, _ := rb.vector(1, 16, "")
	bufs, _, _ := rb.vector(2, 16, "")
	body := off + metaLen
	bufAt := func(i int) int { return body + int(binary.LittleEndian.Uint64(b[off+8+bufs+16*i:])) }
	switch kind {
	case "field count": // arrow-go made a slice of 2^31 fields
		binary.LittleEndian.PutUint32(b[footerAt+fields-4:], 1<<31)
	case "batch rows":
		binary.LittleEndian.PutUint64(at(rb, 0), 1<<40)
	case "node length":
		binary.LittleEndian.PutUint64(b[off+8+nodes:], 1<<40)
	case "buffer offset":
		binary.LittleEndian.PutUint64(b[off+8+bufs+16*2:], 1<<40)
	case "node count": // arrow-go read nodes past the list's end
		binary.LittleEndian.PutUint32(b[off+8+nodes-4:], 1)
	case "buffer count": // arrow-go read buffers past the list's end (found by FuzzReadIPC)
		binary.LittleEndian.PutUint32(b[off+8+bufs-4:], 1)
	case "text offsets": // the key column's second offset: past its text; arrow-go's String.Value panicked
		binary.LittleEndian.PutUint32(b[bufAt(1)+4:], 1000)
	case "text buffer": // the key column's offsets claim more values than they have
		binary.LittleEndian.PutUint64(b[off+8+bufs+16*1+8:], 8)
	case "unpacked size": // the first compressed buffer claims to unpack to 2^40 bytes
		for i := 0; ; i++ {
			if binary.LittleEndian.Uint64(b[off+8+bufs+16*i+8:]) > 0 {
				binary.LittleEndian.PutUint64(b[bufAt(i):], 1<<40)
				break
			}
		}
	default:
		t.Fatalf("unknown damage %q", kind)
	}
	return b
}

func must(t fbTable, err error) fbTable {
	if err != nil {
		panic(err)
	}
	return t
}

// sampleIPC writes sampleFrame as an Arrow IPC file, zstd compressed or
// not (planatlas's own writer does not compress; other writers do).
func sampleIPC(t testing.TB, compressed bool) []byte {
	var buf bytes.Buffer
	if !compressed {
		if err := WriteIPC(&buf, sampleFrame()); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	schema := arrow.NewSchema([]arrow.Field{{Name: "key", Type: arrow.BinaryTypes.String}, {Name: "value", Type: arrow.PrimitiveTypes.Float64}}, nil)
	bld := array.NewRecordBuilder(memory.DefaultAllocator, schema)
	defer bld.Release()
	bld.Field(0).(*array.StringBuilder).AppendValues([]string{"01", "02", "03"}, nil)
	bld.Field(1).(*array.Float64Builder).AppendValues([]float64{1, 2, 3}, nil)
	rec := bld.NewRecordBatch()
	defer rec.Release()
	w, err := ipc.NewFileWriter(&buf, ipc.WithSchema(schema), ipc.WithZstd())
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Write(rec); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// Arrow IPC files with a length, an offset or a count changed are errors
// naming the file, the place and the value; before, each of them ran out
// of memory or panicked (in arrow-go or in reading a value).
func TestReadDamagedIPC(t *testing.T) {
	const advice = ": the file is damaged or was not written completely; write or export it again"
	spec := Spec{Key: "key", Values: []string{"value"}, FixedYear: 2024}
	for _, tc := range []struct {
		kind       string
		compressed bool
		want       string
	}{
		{"field count", false, "x.arrow: damaged Arrow IPC file: schema: the list of fields claims 2147483648 entries at offset 88, past the end of the 328 bytes of metadata" + advice},
		{"batch rows", false, "x.arrow: damaged Arrow IPC file: record batch 1: the batch claims 1099511627776 rows" + advice},
		{"node length", false, "x.arrow: damaged Arrow IPC file: record batch 1: column node 1 claims 1099511627776 values, 0 of them null" + advice},
		{"buffer offset", false, "x.arrow: damaged Arrow IPC file: record batch 1: buffer 3 claims 7 bytes at offset 1099511627776, outside the batch's 136 bytes" + advice},
		{"node count", false, "x.arrow: damaged Arrow IPC file: record batch 1: the schema needs 4 column nodes, the batch has 1" + advice},
		{"buffer count", true, "x.arrow: damaged Arrow IPC file: record batch 1: the schema needs 5 buffers, the batch has 1" + advice},
		{"text offsets", false, `x.arrow: damaged Arrow IPC file: record batch 1: column "key": the text offset of row 3 is before that of row 2` + advice},
		{"text buffer", false, "x.arrow: record batch 1 cannot be read: arrow/ipc: error reading record batch: arrow/array: string offset buffer must have at least 4 values" + advice},
		{"unpacked size", true, "x.arrow: damaged Arrow IPC file: record batch 1: compressed buffer 2 claims to unpack to 1099511627776 bytes; the batch may unpack to 268435456 in all" + advice},
	} {
		t.Run(tc.kind, func(t *testing.T) {
			b := damagedIPC(t, tc.kind, tc.compressed)
			_, err := ReadIPC(bytes.NewReader(b), int64(len(b)), "x.arrow", spec)
			assertInputError(t, err, tc.want)
		})
	}
	// A block listed twice: the second batch's block is the first's.
	var buf bytes.Buffer
	if err := WriteIPCParts(&buf, func(yield func(*Frame) error) error {
		if err := yield(sampleFrame()); err != nil {
			return err
		}
		return yield(sampleFrame())
	}); err != nil {
		t.Fatal(err)
	}
	b := buf.Bytes()
	n := int(binary.LittleEndian.Uint32(b[len(b)-10:]))
	footerAt := len(b) - 10 - n
	blocks, nb, _ := must(fbRoot(b[footerAt:len(b)-10])).vector(3, 24, "")
	if nb != 2 {
		t.Fatalf("%d record batches", nb)
	}
	copy(b[footerAt+blocks+24:], b[footerAt+blocks:footerAt+blocks+24])
	_, err := ReadIPC(bytes.NewReader(b), int64(len(b)), "x.arrow", spec)
	assertInputError(t, err, "x.arrow: damaged Arrow IPC file: record batch 2 overlaps record batch 1"+advice)
	// The compressed file reads as written.
	b = sampleIPC(t, true)
	tab, err := ReadIPC(bytes.NewReader(b), int64(len(b)), "x.arrow", spec)
	if err != nil || tab.Len() != 3 || tab.Key(2) != "03" || tab.Values[0][2] != 3 {
		t.Errorf("compressed file: %v", err)
	}
}
