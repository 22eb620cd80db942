package datasets

import (
	"encoding/binary"
	"io"
	"math"

	"planatlas/lang"
)

// savReader reads the records of an SPSS system file. Every length the
// file declares is checked against the bytes left before anything of
// that length is read or allocated; a short or inconsistent file is an
// *InputError naming the record and the byte offset.
type savReader struct {
	r     io.ReaderAt
	size  int64
	off   int64
	base  int64 // the offset of r in the file, for messages about a record read from memory
	name  string
	order binary.ByteOrder
	rec   lang.Message // the record being read, for messages
}

// damaged returns the error for a damaged dictionary: what is wrong, in
// which record, at which byte.
func (s *savReader) damaged(format string, args ...any) *InputError {
	return &InputError{File: s.name, M: lang.M("damaged SPSS file: %s at byte %d: %s%s", s.rec, s.base+s.off, lang.M(format, args...), damagedAdvice())}
}

// left returns the bytes after the current offset.
func (s *savReader) left() int64 { return s.size - s.off }

// bytes reads n bytes, checked against the file's size first.
func (s *savReader) bytes(n int64) ([]byte, error) {
	if n < 0 || n > s.left() {
		return nil, s.damaged("the record needs %d bytes, the file has %d left (truncated?)", n, s.left())
	}
	b := make([]byte, n)
	if _, err := s.r.ReadAt(b, s.off); err != nil && err != io.EOF {
		return nil, s.damaged("%v", err)
	}
	s.off += n
	return b, nil
}

func (s *savReader) i32() (int32, error) {
	b, err := s.bytes(4)
	if err != nil {
		return 0, err
	}
	return int32(s.order.Uint32(b)), nil
}

// count reads an int32 count of items of at least min bytes each and
// checks that so many fit in the rest of the file.
func (s *savReader) count(min int64) (int, error) {
	n, err := s.i32()
	if err != nil {
		return 0, err
	}
	if n < 0 || int64(n) > s.left()/min {
		return 0, s.damaged("the record declares %d entries of at least %d bytes, the file has %d bytes left", int(n), min, s.left())
	}
	return int(n), nil
}

// savHeaderSize is the size of the file header record.
const savHeaderSize = 176

// readSavHeader reads the file header: magic, byte order, elements per
// case, compression, weight, case count and bias (GNU PSPP Developers
// Guide, "File Header Record").
func readSavHeader(s *savReader, d *SavDictionary) (elements, weight int, err error) {
	s.rec = lang.M("file header")
	if s.size < savHeaderSize {
		return 0, 0, &InputError{File: s.name, M: lang.M("not an SPSS system file: %d bytes are too few for its header", s.size)}
	}
	h, err := s.bytes(savHeaderSize)
	if err != nil {
		return 0, 0, err
	}
	magic := string(h[:4])
	if magic != "$FL2" && magic != "$FL3" {
		return 0, 0, &InputError{File: s.name, M: lang.M("not an SPSS system file (it does not begin with \"$FL2\" or \"$FL3\")")}
	}
	switch layout := binary.LittleEndian.Uint32(h[64:]); {
	case layout == 2 || layout == 3:
		s.order = binary.LittleEndian
	case binary.BigEndian.Uint32(h[64:]) == 2 || binary.BigEndian.Uint32(h[64:]) == 3:
		s.order, d.BigEndian = binary.BigEndian, true
	default:
		return 0, 0, &InputError{File: s.name, M: lang.M("not an SPSS system file: layout code %d is neither 2 nor 3", int(layout))}
	}
	o := s.order
	d.Product = trimBlanks(string(h[4:64]))
	elements = int(int32(o.Uint32(h[68:])))
	d.Compression = int(int32(o.Uint32(h[72:])))
	weight = int(int32(o.Uint32(h[76:])))
	d.Cases = int(int32(o.Uint32(h[80:])))
	d.Bias = math.Float64frombits(o.Uint64(h[84:]))
	d.Label = string(h[109:173]) // decoded once the encoding is known
	switch {
	case magic == "$FL3" && d.Compression != 2, magic == "$FL2" && d.Compression != 0 && d.Compression != 1:
		return 0, 0, &InputError{File: s.name, M: lang.M("unsupported SPSS compression %d (the reader knows none, bytecode and ZSAV)", d.Compression)}
	}
	if d.Cases < -1 {
		return 0, 0, s.damaged("the header declares %d cases", d.Cases)
	}
	return elements, weight, nil
}

// trimBlanks drops the trailing blanks (and NULs) that fixed-width texts
// of a system file are padded with.
func trimBlanks(s string) string {
	i := len(s)
	for i > 0 && (s[i-1] == ' ' || s[i-1] == 0) {
		i--
	}
	return s[:i]
}
