package datasets

import (
	"bytes"
	"cmp"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"planatlas/lang"
	"slices"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/ipc"
	"github.com/apache/arrow-go/v18/arrow/memory"
)

// Limits of the Arrow IPC check, far above what a planatlas input needs.
const (
	maxFieldDepth = 64       // nesting of fields (a planatlas input has none)
	maxMetadata   = 64 << 20 // bytes of the footer or of a message's metadata
	// A compressed batch may unpack to this many bytes, or to 256 times
	// its compressed size if that is more: zstd packs a column of equal
	// values that well, and a damaged size must not allocate gigabytes.
	minUnpackLimit = 256 << 20
	unpackRatio    = 256
)

// openIPC checks an Arrow IPC file (checkIPC) and opens it. The caller
// closes the reader.
func openIPC(r io.ReaderAt, size int64, name string) (*ipc.FileReader, error) {
	if err := checkIPC(r, size); err != nil {
		return nil, &InputError{File: name, M: lang.M("damaged Arrow IPC file: %v%s", err, damagedAdvice())}
	}
	fr, err := ipc.NewFileReader(io.NewSectionReader(r, 0, size))
	if err != nil {
		return nil, &InputError{File: name, M: lang.M("not a readable Arrow IPC file: %v", err)}
	}
	return fr, nil
}

// checkIPC checks the structure of an Arrow IPC file before arrow-go
// reads it: the footer's schema (every length, every reference, the
// depth of nested fields) and, for each record batch and dictionary, the
// block's place in the file, its message's metadata, the row counts
// (at most maxRows), every buffer's place in the body and the sizes
// compressed buffers unpack to. A file that is not Arrow IPC at all is
// left to arrow-go to say so.
func checkIPC(r io.ReaderAt, size int64) error {
	var tail [10]byte
	if size < int64(len(tail))+8 {
		return nil
	}
	if _, err := r.ReadAt(tail[:], size-10); err != nil || string(tail[4:]) != "ARROW1" {
		return nil
	}
	n := int64(int32(binary.LittleEndian.Uint32(tail[:])))
	footerAt := size - 10 - n
	if n <= 0 || n > maxMetadata || footerAt < 8 {
		return fmt.Errorf("the footer claims %d bytes, but the file has %d", n, size)
	}
	footer := make([]byte, n)
	if _, err := r.ReadAt(footer, footerAt); err != nil {
		return fmt.Errorf("the footer cannot be read: %v", err)
	}
	f, err := fbRoot(footer)
	if err != nil {
		return fmt.Errorf("footer: %v", err)
	}
	c := &ipcCheck{r: r, dataEnd: footerAt, budget: len(footer) / 4}
	schema, ok, err := f.table(1)
	if err == nil && !ok {
		err = errors.New("there is none")
	}
	if err == nil {
		err = c.schema(schema)
	}
	if err != nil {
		return fmt.Errorf("schema: %v", err)
	}
	return c.checkBlocks(f)
}

// ipcCheck is the state of one checkIPC.
type ipcCheck struct {
	r       io.ReaderAt
	dataEnd int64 // where the footer starts
	budget  int   // tables that may still be checked (one per 4 bytes of metadata)

	batchLayout ipcLayout           // of a record batch of the schema
	dictLayouts map[int64]ipcLayout // of the batch of a dictionary, by id
}

// schema checks a Schema table: its fields and custom metadata. It
// notes the layout a record batch of the schema has, and each
// dictionary's (c.batchLayout, c.dictLayouts).
func (c *ipcCheck) schema(s fbTable) error {
	if err := c.keyValues(s, 2); err != nil {
		return err
	}
	if _, _, err := s.vector(3, 8, "list of features"); err != nil { // features
		return err
	}
	return s.tables(1, "list of fields", func(i int, f fbTable) error {
		l, err := c.field(f, 1, i)
		c.batchLayout.add(l)
		return err
	})
}

// field checks a Field table at nesting depth and its children, and
// returns the layout of its data in a record batch. Tables may be
// shared, so the number of tables checked is bounded too: else a few
// shared children at every level would make the work exponential.
func (c *ipcCheck) field(f fbTable, depth, i int) (ipcLayout, error) {
	if c.budget--; c.budget < 0 || depth > maxFieldDepth {
		return ipcLayout{}, fmt.Errorf("fields nested more than %d deep, or more fields than the metadata holds", maxFieldDepth)
	}
	if _, _, err := f.vector(0, 1, "field name"); err != nil { // name
		return ipcLayout{}, fmt.Errorf("field %d: %v", i+1, err)
	}
	own, err := typeLayout(f)
	if err == nil {
		err = c.keyValues(f, 6)
	}
	if err == nil {
		err = f.tables(5, "list of children", func(k int, child fbTable) error {
			l, err := c.field(child, depth+1, k)
			own.add(l)
			return err
		})
	}
	if err != nil {
		return ipcLayout{}, fmt.Errorf("field %d: %v", i+1, err)
	}
	dict, ok, err := f.table(4)
	if !ok || err != nil {
		return own, err
	}
	// A dictionary-encoded field holds indices in a batch; its own layout
	// is that of its dictionary's batches.
	id, err := dict.int64Field(0, 0)
	if err == nil {
		_, _, err = dict.table(1) // the index type
	}
	if c.dictLayouts == nil {
		c.dictLayouts = map[int64]ipcLayout{}
	}
	c.dictLayouts[id] = own
	return ipcLayout{nodes: 1, buffers: 2}, err
}

// keyValues checks the custom metadata (a vector of KeyValue) in slot.
func (c *ipcCheck) keyValues(t fbTable, slot int) error {
	return t.tables(slot, "custom metadata", func(_ int, kv fbTable) error {
		if c.budget--; c.budget < 0 {
			return errors.New("more custom metadata than the metadata holds")
		}
		if _, _, err := kv.vector(0, 1, "metadata key"); err != nil {
			return err
		}
		_, _, err := kv.vector(1, 1, "metadata value")
		return err
	})
}

// ipcBlock is an entry of the footer's list of dictionaries or record
// batches: where a message is in the file.
type ipcBlock struct {
	what            string // "dictionary" or "record batch"
	n               int    // its number, from 1
	off, meta, body int64
}

// blocks returns the blocks (offset, metadata length, body length) in
// slot of the footer f.
func blocks(f fbTable, slot int, what, plural string) ([]ipcBlock, error) {
	start, n, err := f.vector(slot, 24, "list of "+plural)
	if err != nil {
		return nil, fmt.Errorf("footer: %v", err)
	}
	out := make([]ipcBlock, n)
	for i := range out {
		b := f.b[start+24*i:]
		out[i] = ipcBlock{what: what, n: i + 1, off: int64(binary.LittleEndian.Uint64(b)),
			meta: int64(int32(binary.LittleEndian.Uint32(b[8:]))), body: int64(binary.LittleEndian.Uint64(b[16:]))}
	}
	return out, nil
}

// checkBlocks checks the blocks and the message of each. Blocks may not
// overlap: else a few big ones, listed many times, would be read over
// and over.
func (c *ipcCheck) checkBlocks(f fbTable) error {
	dicts, err := blocks(f, 2, "dictionary", "dictionaries")
	if err != nil {
		return err
	}
	batches, err := blocks(f, 3, "record batch", "record batches")
	if err != nil {
		return err
	}
	all := append(dicts, batches...)
	slices.SortFunc(all, func(a, b ipcBlock) int { return cmp.Compare(a.off, b.off) })
	for k := 1; k < len(all); k++ {
		if p, b := all[k-1], all[k]; b.off < p.off+max(p.meta, 0)+max(p.body, 0) {
			return fmt.Errorf("%s %d overlaps %s %d", b.what, b.n, p.what, p.n)
		}
	}
	for _, b := range all {
		if err := c.block(b.off, b.meta, b.body); err != nil {
			return fmt.Errorf("%s %d: %v", b.what, b.n, err)
		}
	}
	return nil
}

// block checks the block of a message at off: metaLen bytes of metadata,
// then bodyLen bytes of body.
func (c *ipcCheck) block(off, metaLen, bodyLen int64) error {
	switch {
	case off < 8 || metaLen < 8 || metaLen > maxMetadata || bodyLen < 0 || off > c.dataEnd-metaLen || bodyLen > c.dataEnd-off-metaLen:
		return fmt.Errorf("claims %d + %d bytes at offset %d, outside the file's %d bytes of data", metaLen, bodyLen, off, c.dataEnd)
	}
	meta := make([]byte, metaLen)
	if _, err := c.r.ReadAt(meta, off); err != nil {
		return fmt.Errorf("cannot be read: %v", err)
	}
	prefix := 4
	if bytes.HasPrefix(meta, []byte{0xff, 0xff, 0xff, 0xff}) {
		prefix = 8
	}
	if l := int64(binary.LittleEndian.Uint32(meta[prefix-4:])); l > metaLen-int64(prefix) {
		return fmt.Errorf("the message claims %d bytes of metadata, the block has %d", l, metaLen-int64(prefix))
	}
	m, err := fbRoot(meta[prefix:])
	if err != nil {
		return err
	}
	if err := c.keyValues(m, 4); err != nil {
		return err
	}
	claimed, err := m.int64Field(3, 0)
	if err != nil || claimed != bodyLen {
		return fmt.Errorf("the message claims a body of %d bytes, the block %d", claimed, bodyLen)
	}
	kind, err := m.byteField(1)
	if err != nil {
		return err
	}
	var version int16
	if at, err := m.field(0, 2); err != nil {
		return err
	} else if at != 0 {
		version = int16(binary.LittleEndian.Uint16(m.b[at:]))
	}
	header, ok, err := m.table(2)
	layout := c.batchLayout
	switch {
	case err != nil:
		return err
	case !ok:
		return errors.New("the message has no header")
	case kind == 2: // DictionaryBatch: its data is a record batch
		id, err := header.int64Field(0, 0)
		if err != nil {
			return err
		}
		if layout, ok = c.dictLayouts[id]; !ok {
			return nil // a dictionary the schema has not: arrow-go says so
		}
		if header, ok, err = header.table(1); err != nil || !ok {
			return fmt.Errorf("the dictionary has no data (%v)", err)
		}
	case kind != 3:
		return nil // not a batch: arrow-go says so
	}
	return c.batch(header, off+metaLen, bodyLen, layout, version)
}

// batch checks a RecordBatch table whose body of bodyLen bytes starts at
// bodyAt in the file: the row counts of the batch and of its field
// nodes, the place of every buffer in the body, and what compressed
// buffers unpack to, before arrow-go allocates any of it.
func (c *ipcCheck) batch(rb fbTable, bodyAt, bodyLen int64, layout ipcLayout, version int16) error {
	rows, err := rb.int64Field(0, 0)
	if err != nil {
		return err
	}
	if rows < 0 || rows > maxRows {
		return fmt.Errorf("the batch claims %d rows", rows)
	}
	start, nodes, err := rb.vector(1, 16, "list of column nodes")
	if err != nil {
		return err
	}
	for i := range nodes {
		b := rb.b[start+16*i:]
		l, nulls := int64(binary.LittleEndian.Uint64(b)), int64(binary.LittleEndian.Uint64(b[8:]))
		if l < 0 || l > maxRows || nulls < 0 || nulls > l {
			return fmt.Errorf("column node %d claims %d values, %d of them null", i+1, l, nulls)
		}
	}
	start, n, err := rb.vector(2, 16, "list of buffers")
	if err != nil {
		return err
	}
	for i := range n {
		b := rb.b[start+16*i:]
		off, l := int64(binary.LittleEndian.Uint64(b)), int64(binary.LittleEndian.Uint64(b[8:]))
		if off < 0 || l < 0 || off > bodyLen || l > bodyLen-off {
			return fmt.Errorf("buffer %d claims %d bytes at offset %d, outside the batch's %d bytes", i+1, l, off, bodyLen)
		}
	}
	vstart, vn, err := rb.vector(4, 8, "list of variadic buffer counts")
	variadic := make([]int64, vn)
	for i := 0; err == nil && i < vn; i++ {
		if variadic[i] = int64(binary.LittleEndian.Uint64(rb.b[vstart+8*i:])); variadic[i] < 0 || variadic[i] > int64(n) {
			err = fmt.Errorf("the batch claims %d data buffers for a column, but has %d buffers", variadic[i], n)
		}
	}
	if err == nil {
		err = checkLayout(layout, version, nodes, n, variadic)
	}
	if err != nil {
		return err
	}
	if _, compressed, err := rb.table(3); err != nil || !compressed {
		return err
	}
	return c.unpacked(rb.b[start:start+16*n], bodyAt, bodyLen)
}

// unpacked checks the sizes that the compressed buffers listed in bufs
// (offset and length, 16 bytes each) claim to unpack to: each is
// written in the buffer's first 8 bytes, -1 for a buffer stored as is.
func (c *ipcCheck) unpacked(bufs []byte, bodyAt, bodyLen int64) error {
	limit := max(minUnpackLimit, unpackRatio*bodyLen)
	var total int64
	var head [8]byte
	for i := 0; i < len(bufs); i += 16 {
		off, l := int64(binary.LittleEndian.Uint64(bufs[i:])), int64(binary.LittleEndian.Uint64(bufs[i+8:]))
		if l == 0 {
			continue
		}
		if l < 8 {
			return fmt.Errorf("compressed buffer %d has %d bytes, too few for its size", i/16+1, l)
		}
		if _, err := c.r.ReadAt(head[:], bodyAt+off); err != nil {
			return fmt.Errorf("compressed buffer %d cannot be read: %v", i/16+1, err)
		}
		u := int64(binary.LittleEndian.Uint64(head[:]))
		if u == -1 {
			continue
		}
		if u < 0 || u > limit-total {
			return fmt.Errorf("compressed buffer %d claims to unpack to %d bytes; the batch may unpack to %d in all", i/16+1, u, limit)
		}
		total += u
	}
	return nil
}

// validBatch checks that the buffers of every column of a record batch
// read from an IPC file hold the values the column claims (arrow-go
// does not): else reading a value would run past a buffer.
func validBatch(rec arrow.RecordBatch) error {
	for c, col := range rec.Columns() {
		if err := validArray(col); err != nil {
			return fmt.Errorf("column %q: %v", rec.ColumnName(c), err)
		}
	}
	return nil
}

// validArray checks the validity bitmap of a, and the values of the
// types planatlas reads: fixed-width numbers, text, and text
// dictionaries (whose every index must be in the dictionary).
func validArray(a arrow.Array) error {
	d := a.Data()
	n := d.Offset() + d.Len()
	bufs := d.Buffers()
	if len(bufs) > 0 && bufs[0] != nil && bufs[0].Len() < (n+7)/8 {
		return fmt.Errorf("the validity bitmap has %d bytes for %d values", bufs[0].Len(), n)
	}
	switch a := a.(type) {
	case *array.String:
		return validOffsets(arrow.Int32Traits.CastFromBytes(bufferBytes(bufs, 1)), d.Offset(), d.Len(), bufferLen(bufs, 2))
	case *array.LargeString:
		return validOffsets(arrow.Int64Traits.CastFromBytes(bufferBytes(bufs, 1)), d.Offset(), d.Len(), bufferLen(bufs, 2))
	case *array.Dictionary:
		return validDictionary(a)
	}
	if fw, ok := a.DataType().(arrow.FixedWidthDataType); ok && fw.BitWidth() >= 8 {
		need := n * (fw.BitWidth() / 8)
		if have := bufferLen(bufs, 1); have < need {
			return fmt.Errorf("%d values of %d bytes need %d bytes, the buffer has %d", n, fw.BitWidth()/8, need, have)
		}
	}
	return nil
}

// validDictionary checks a dictionary's indices, and its values if they
// are text.
func validDictionary(a *array.Dictionary) error {
	if err := validArray(a.Indices()); err != nil {
		return fmt.Errorf("the indices: %v", err)
	}
	dict := a.Dictionary()
	switch dict.(type) {
	case *array.String, *array.LargeString:
		if err := validArray(dict); err != nil {
			return fmt.Errorf("the dictionary: %v", err)
		}
	}
	for i := range a.Len() {
		if k := a.GetValueIndex(i); !a.IsNull(i) && (k < 0 || k >= dict.Len()) {
			return fmt.Errorf("row %d refers to entry %d of a dictionary of %d", i+1, k, dict.Len())
		}
	}
	return nil
}

// validOffsets checks the offsets of n strings from off into a data
// buffer of dataLen bytes: there are enough, they do not decrease, and
// they stay in the buffer. (arrow-go's ValidateFull slices the text
// before it has checked all offsets, and so panics on some.)
func validOffsets[T int32 | int64](offsets []T, off, n, dataLen int) error {
	if n == 0 {
		return nil
	}
	if len(offsets) < off+n+1 {
		return fmt.Errorf("%d values need %d text offsets, the buffer has %d", n, off+n+1, len(offsets))
	}
	o := offsets[off : off+n+1]
	if o[0] < 0 {
		return fmt.Errorf("the first text offset is %d", o[0])
	}
	for i := 1; i < len(o); i++ {
		if o[i] < o[i-1] {
			return fmt.Errorf("the text offset of row %d is before that of row %d", i+1, i)
		}
	}
	if int64(o[n]) > int64(dataLen) {
		return fmt.Errorf("the text runs to byte %d of a buffer of %d", o[n], dataLen)
	}
	return nil
}

func bufferBytes(bufs []*memory.Buffer, i int) []byte {
	if i >= len(bufs) || bufs[i] == nil {
		return nil
	}
	return bufs[i].Bytes()
}

func bufferLen(bufs []*memory.Buffer, i int) int {
	if i >= len(bufs) || bufs[i] == nil {
		return 0
	}
	return bufs[i].Len()
}

// checkSchemaMessage checks an Arrow IPC stream that holds a schema, as
// Parquet files written by Arrow keep their Arrow schema (base64, under
// "ARROW:schema"): pqarrow reads it with arrow-go's unchecked IPC reader.
// The stream's first message must be a schema and lie in b; its body,
// which a schema does not have, must too.
func checkSchemaMessage(b []byte) error {
	prefix := 4
	if bytes.HasPrefix(b, []byte{0xff, 0xff, 0xff, 0xff}) {
		prefix = 8
	}
	if len(b) < prefix {
		return errors.New("it is too short")
	}
	l := int64(int32(binary.LittleEndian.Uint32(b[prefix-4:])))
	if l < 4 || l > int64(len(b)-prefix) {
		return fmt.Errorf("its message claims %d bytes, the %d bytes of metadata hold %d", l, len(b), len(b)-prefix)
	}
	m, err := fbRoot(b[prefix : int64(prefix)+l])
	if err != nil {
		return err
	}
	body, err := m.int64Field(3, 0)
	if err != nil || body < 0 || body > int64(len(b)-prefix)-l {
		return fmt.Errorf("its message claims a body of %d bytes (%v)", body, err)
	}
	if kind, err := m.byteField(1); err != nil || kind != 1 {
		return fmt.Errorf("it is not a schema (message type %d, %v)", kind, err)
	}
	schema, ok, err := m.table(2)
	if err == nil && !ok {
		err = errors.New("the message has no schema")
	}
	if err != nil {
		return err
	}
	return (&ipcCheck{budget: int(l) / 4}).schema(schema)
}
