package datasets

import (
	"errors"
	"fmt"
)

// maxThriftDepth bounds the nesting of structs and lists that
// thriftReader skips, and so its recursion; a Parquet footer nests 6 at
// most.
const maxThriftDepth = 64

// thriftReader reads the Thrift compact protocol, as far as checking a
// Parquet footer needs: it reads one struct's fields and skips the
// others, checking every length against the bytes left.
type thriftReader struct {
	b     []byte
	i     int
	depth int
}

var errThriftEnd = errors.New("the footer ends early")

func (r *thriftReader) byte() (byte, error) {
	if r.i >= len(r.b) {
		return 0, errThriftEnd
	}
	r.i++
	return r.b[r.i-1], nil
}

func (r *thriftReader) varint() (uint64, error) {
	var v uint64
	for shift := 0; shift < 64; shift += 7 {
		c, err := r.byte()
		if err != nil {
			return 0, err
		}
		v |= uint64(c&0x7f) << shift
		if c < 0x80 {
			return v, nil
		}
	}
	return 0, errors.New("a number of the footer is too long")
}

// zigzag reads a signed integer (i16, i32 or i64).
func (r *thriftReader) zigzag() (int64, error) {
	v, err := r.varint()
	return int64(v>>1) ^ -int64(v&1), err
}

// fields calls fn with the id and the compact type of each field of a
// struct; fn must read or skip the field's value.
func (r *thriftReader) fields(fn func(id int64, typ byte) error) error {
	if r.depth++; r.depth > maxThriftDepth {
		return fmt.Errorf("structures nested more than %d deep", maxThriftDepth)
	}
	defer func() { r.depth-- }()
	var id int64
	for {
		h, err := r.byte()
		if err != nil || h == 0 { // 0: the end of the struct
			return err
		}
		if d := int64(h >> 4); d != 0 {
			id += d
		} else if id, err = r.zigzag(); err != nil {
			return err
		}
		if err := fn(id, h&0x0f); err != nil {
			return err
		}
	}
}

// list reads a list's header: its length, checked against the bytes
// left (every element takes one at least), and its elements' type.
func (r *thriftReader) list() (int, byte, error) {
	h, err := r.byte()
	if err != nil {
		return 0, 0, err
	}
	n := uint64(h >> 4)
	if n == 15 {
		if n, err = r.varint(); err != nil {
			return 0, 0, err
		}
	}
	if n > uint64(len(r.b)-r.i) {
		return 0, 0, fmt.Errorf("a list claims %d entries, more than the footer's bytes", n)
	}
	return int(n), h & 0x0f, nil
}

// skip skips a value of compact type typ.
func (r *thriftReader) skip(typ byte) error {
	switch typ {
	case 1, 2: // a bool in a field's header
		return nil
	case 3: // byte
		_, err := r.byte()
		return err
	case 4, 5, 6: // i16, i32, i64
		_, err := r.varint()
		return err
	case 7: // double
		return r.bytes(8)
	case 13: // uuid
		return r.bytes(16)
	case 8: // binary
		n, err := r.varint()
		if err == nil && n > uint64(len(r.b)-r.i) {
			err = errThriftEnd
		}
		if err != nil {
			return err
		}
		return r.bytes(int(n))
	case 9, 10: // list, set
		return r.skipList()
	case 11: // map
		return r.skipMap()
	case 12: // struct
		return r.fields(func(_ int64, t byte) error { return r.skip(t) })
	}
	return fmt.Errorf("unknown value type %d", typ)
}

func (r *thriftReader) bytes(n int) error {
	if n > len(r.b)-r.i {
		return errThriftEnd
	}
	r.i += n
	return nil
}

func (r *thriftReader) skipList() error {
	n, elem, err := r.list()
	if elem == 1 || elem == 2 { // bools in lists take a byte
		elem = 3
	}
	for k := 0; err == nil && k < n; k++ {
		err = r.skipNested(elem)
	}
	return err
}

func (r *thriftReader) skipMap() error {
	n, err := r.varint()
	if err != nil || n == 0 {
		return err
	}
	if n > uint64(len(r.b)-r.i) {
		return fmt.Errorf("a map claims %d entries, more than the footer's bytes", n)
	}
	kv, err := r.byte()
	for k := uint64(0); err == nil && k < n; k++ {
		if err = r.skipNested(kv >> 4); err == nil {
			err = r.skipNested(kv & 0x0f)
		}
	}
	return err
}

// skipNested skips an element of a list or map, one level deeper.
func (r *thriftReader) skipNested(typ byte) error {
	if r.depth++; r.depth > maxThriftDepth {
		return fmt.Errorf("structures nested more than %d deep", maxThriftDepth)
	}
	defer func() { r.depth-- }()
	if typ == 1 || typ == 2 {
		typ = 3
	}
	return r.skip(typ)
}
