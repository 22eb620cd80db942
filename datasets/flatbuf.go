package datasets

import (
	"encoding/binary"
	"fmt"
)

// fbTable is a table of a FlatBuffers buffer (the encoding of Arrow IPC
// metadata), checked to lie in the buffer with its vtable. arrow-go
// reads these buffers without checks, so its own reading of a damaged
// one panics, reads garbage or allocates what a length claims; the
// IPC reader checks the buffers with fbTable first. Its methods check
// each field, reference and vector before they return it.
type fbTable struct {
	b     []byte
	pos   int // the table's start
	vt    int // its vtable's start
	vtLen int // the vtable's size in bytes
	size  int // the table's inline size in bytes
}

// fbMaxFields bounds the fields of a table: Arrow's have 7 at most.
const fbMaxFields = 64

func fbU32(b []byte, at int) (uint32, error) {
	if at < 0 || at > len(b)-4 {
		return 0, fmt.Errorf("offset %d is outside the %d bytes of metadata", at, len(b))
	}
	return binary.LittleEndian.Uint32(b[at:]), nil
}

// fbRoot returns the root table of b.
func fbRoot(b []byte) (fbTable, error) {
	off, err := fbU32(b, 0)
	if err != nil {
		return fbTable{}, err
	}
	return fbTableAt(b, int64(off))
}

func fbTableAt(b []byte, pos int64) (fbTable, error) {
	if pos < 0 || pos > int64(len(b))-4 {
		return fbTable{}, fmt.Errorf("a table at offset %d is outside the %d bytes of metadata", pos, len(b))
	}
	so := int32(binary.LittleEndian.Uint32(b[pos:]))
	vt := pos - int64(so)
	if vt < 0 || vt > int64(len(b))-4 {
		return fbTable{}, fmt.Errorf("the table at offset %d has its field list outside the metadata", pos)
	}
	t := fbTable{b: b, pos: int(pos), vt: int(vt),
		vtLen: int(binary.LittleEndian.Uint16(b[vt:])), size: int(binary.LittleEndian.Uint16(b[vt+2:]))}
	if t.vtLen < 4 || t.vtLen > 4+2*fbMaxFields || t.vtLen%2 != 0 || t.vtLen > len(b)-t.vt || t.size < 4 || t.size > len(b)-t.pos {
		return fbTable{}, fmt.Errorf("the table at offset %d claims sizes (%d, %d) that do not fit the metadata", pos, t.vtLen, t.size)
	}
	// Every field present starts inside the table: arrow-go reads the
	// scalar fields it wants without a check.
	for o := 4; o < t.vtLen; o += 2 {
		if off := int(binary.LittleEndian.Uint16(b[t.vt+o:])); off >= t.size {
			return fbTable{}, fmt.Errorf("field %d of the table at offset %d lies outside the table", (o-4)/2, pos)
		}
	}
	return t, nil
}

// field returns the position of field slot, whose value takes width
// bytes, or 0 if the table does not have the field.
func (t fbTable) field(slot, width int) (int, error) {
	o := 4 + 2*slot
	if o+2 > t.vtLen {
		return 0, nil
	}
	off := int(binary.LittleEndian.Uint16(t.b[t.vt+o:]))
	if off == 0 {
		return 0, nil
	}
	if off+width > t.size {
		return 0, fmt.Errorf("field %d of the table at offset %d lies outside the table", slot, t.pos)
	}
	return t.pos + off, nil
}

// int64Field returns a field of 8 bytes, or def if there is none.
func (t fbTable) int64Field(slot int, def int64) (int64, error) {
	at, err := t.field(slot, 8)
	if at == 0 || err != nil {
		return def, err
	}
	return int64(binary.LittleEndian.Uint64(t.b[at:])), nil
}

// byteField returns a field of 1 byte, or 0 if there is none.
func (t fbTable) byteField(slot int) (byte, error) {
	at, err := t.field(slot, 1)
	if at == 0 || err != nil {
		return 0, err
	}
	return t.b[at], nil
}

// ref returns where the reference in field slot points; ok is false if
// the table does not have the field.
func (t fbTable) ref(slot int) (target int64, ok bool, err error) {
	at, err := t.field(slot, 4)
	if at == 0 || err != nil {
		return 0, false, err
	}
	return int64(at) + int64(binary.LittleEndian.Uint32(t.b[at:])), true, nil
}

// table returns the table that field slot refers to.
func (t fbTable) table(slot int) (fbTable, bool, error) {
	target, ok, err := t.ref(slot)
	if !ok || err != nil {
		return fbTable{}, false, err
	}
	sub, err := fbTableAt(t.b, target)
	return sub, err == nil, err
}

// vector returns the start and the length of the vector that field slot
// refers to, checked to hold n elements of elem bytes in the buffer; it
// is empty if the table does not have the field. what names the vector
// in errors.
func (t fbTable) vector(slot, elem int, what string) (start, n int, err error) {
	target, ok, err := t.ref(slot)
	if !ok || err != nil {
		return 0, 0, err
	}
	l, err := fbU32(t.b, int(min(target, int64(len(t.b)))))
	if err != nil {
		return 0, 0, fmt.Errorf("the %s: %v", what, err)
	}
	start = int(target) + 4
	if uint64(l)*uint64(elem) > uint64(len(t.b)-start) {
		return 0, 0, fmt.Errorf("the %s claims %d entries at offset %d, past the end of the %d bytes of metadata", what, l, target, len(t.b))
	}
	return start, int(l), nil
}

// tables calls fn with each table of the vector of tables in field slot.
func (t fbTable) tables(slot int, what string, fn func(i int, sub fbTable) error) error {
	start, n, err := t.vector(slot, 4, what)
	if err != nil {
		return err
	}
	for i := range n {
		at := start + 4*i
		sub, err := fbTableAt(t.b, int64(at)+int64(binary.LittleEndian.Uint32(t.b[at:])))
		if err != nil {
			return err
		}
		if err := fn(i, sub); err != nil {
			return err
		}
	}
	return nil
}
