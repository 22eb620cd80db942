package datasets

import (
	"io"

	"planatlas/lang"
)

// savRaw is the dictionary as the records hold it, before the extension
// records (long names, very long strings, encoding) are applied.
type savRaw struct {
	vars   []savRawVar // one per variable record, continuations included
	labels []savLabelSet
	ext    map[int][]byte // extension records by subtype (the last of each)
	extLen map[int][2]int // their element size and count
	extAt  map[int]int64  // their data's offsets in the file
}

// savRawVar is one variable record (type 2).
type savRawVar struct {
	typ      int // 0 numeric, 1..255 string width, -1 continuation of a string
	name     []byte
	label    []byte
	print    int32
	write    int32
	nMissing int // -3..3: negative means a range (and with -3 one value)
	missing  [][]byte
}

// savLabelSet is a value label record (type 3) with the variables of its
// index record (type 4).
type savLabelSet struct {
	values [][]byte
	labels [][]byte
	vars   []int // 0-based variable record indices
	at     int64 // the byte offset of the record, for messages
}

// ReadSavDictionary reads the dictionary of an SPSS system file
// (variables, labels, formats, missing values, encoding) without
// reading any case, for checking a plan's column names before it runs.
func ReadSavDictionary(r io.ReaderAt, size int64, name string) (*SavDictionary, error) {
	d, _, err := readSavDictionary(r, size, name)
	return d, err
}

// SavColumns returns the variable names of an SPSS system file, for
// checking a plan's columns before it runs (like ReadCSVHeader and
// ArrowColumns); it reads the dictionary only.
func SavColumns(r io.ReaderAt, size int64, name string) ([]string, error) {
	d, err := ReadSavDictionary(r, size, name)
	if err != nil {
		return nil, err
	}
	return d.Names(), nil
}

// readSavDictionary reads the header and the dictionary records up to
// the termination record (type 999) and returns the dictionary and the
// offset of the data.
func readSavDictionary(r io.ReaderAt, size int64, name string) (*SavDictionary, int64, error) {
	s := &savReader{r: r, size: size, name: name}
	d := &SavDictionary{}
	elements, weight, err := readSavHeader(s, d)
	if err != nil {
		return nil, 0, err
	}
	raw := &savRaw{ext: map[int][]byte{}, extLen: map[int][2]int{}, extAt: map[int]int64{}}
	for done := false; !done; {
		start := s.off
		s.rec = lang.M("record header")
		typ, err := s.i32()
		if err != nil {
			return nil, 0, err
		}
		switch typ {
		case 2:
			s.rec = lang.M("variable record %d", len(raw.vars)+1)
			err = readSavVariable(s, raw)
		case 3:
			s.rec = lang.M("value label record")
			err = readSavLabels(s, raw, start)
		case 4:
			s.off = start
			return nil, 0, s.damaged("a value label index record (type 4) without its value labels")
		case 6:
			s.rec = lang.M("document record")
			var n int
			if n, err = s.count(80); err == nil {
				_, err = s.bytes(int64(n) * 80)
			}
		case 7:
			s.rec = lang.M("extension record")
			err = readSavExtension(s, raw)
		case 999:
			s.rec = lang.M("dictionary end")
			_, err = s.i32()
			done = true
		default:
			s.off = start
			return nil, 0, s.damaged("unknown record type %d", int(typ))
		}
		if err != nil {
			return nil, 0, err
		}
	}
	dataStart := s.off
	if err := buildSavDictionary(s, d, raw, elements, weight); err != nil {
		return nil, 0, err
	}
	return d, dataStart, nil
}

// readSavVariable reads a variable record (GNU PSPP Developers Guide,
// "Variable Record").
func readSavVariable(s *savReader, raw *savRaw) error {
	var v savRawVar
	var f [5]int32
	for i := range f {
		x, err := s.i32()
		if err != nil {
			return err
		}
		f[i] = x
	}
	typ, hasLabel, nMissing := f[0], f[1], f[2]
	v.typ, v.print, v.write, v.nMissing = int(typ), f[3], f[4], int(nMissing)
	if typ < -1 || typ > 255 {
		return s.damaged("variable type %d is neither numeric (0) nor a string width (1 to 255)", int(typ))
	}
	var err error
	if v.name, err = s.bytes(8); err != nil {
		return err
	}
	switch hasLabel {
	case 0:
	case 1:
		n, err := s.count(1)
		if err != nil {
			return err
		}
		if v.label, err = s.bytes(int64(n+3) / 4 * 4); err != nil {
			return err
		}
		v.label = v.label[:n]
	default:
		return s.damaged("label flag %d is neither 0 nor 1", int(hasLabel))
	}
	if nMissing < -3 || nMissing > 3 || nMissing == -1 {
		return s.damaged("missing value count %d is not one of -3, -2, 0, 1, 2, 3", int(nMissing))
	}
	if typ == -1 && (nMissing != 0 || hasLabel != 0) {
		return s.damaged("a string's continuation record has a label or missing values")
	}
	for range max(nMissing, -nMissing) {
		b, err := s.bytes(8)
		if err != nil {
			return err
		}
		v.missing = append(v.missing, b)
	}
	raw.vars = append(raw.vars, v)
	return nil
}

// readSavLabels reads a value label record (type 3) and the index
// record (type 4) that must follow it.
func readSavLabels(s *savReader, raw *savRaw, start int64) error {
	n, err := s.count(16) // value, length byte, label padded to 8
	if err != nil {
		return err
	}
	set := savLabelSet{at: start}
	for range n {
		v, err := s.bytes(8)
		if err != nil {
			return err
		}
		l, err := s.bytes(1)
		if err != nil {
			return err
		}
		size := (int64(l[0]) + 1 + 7) / 8 * 8 // length byte and label, padded to 8
		text, err := s.bytes(size - 1)
		if err != nil {
			return err
		}
		set.values, set.labels = append(set.values, v), append(set.labels, text[:l[0]])
	}
	s.rec = lang.M("value label index record")
	typ, err := s.i32()
	if err != nil {
		return err
	}
	if typ != 4 {
		return s.damaged("record type %d follows a value label record instead of its index record (type 4)", int(typ))
	}
	m, err := s.count(4)
	if err != nil {
		return err
	}
	for range m {
		i, err := s.i32()
		if err != nil {
			return err
		}
		if i < 1 || int(i) > len(raw.vars) {
			return s.damaged("value labels for variable %d; the file has %d variable records before it", int(i), len(raw.vars))
		}
		set.vars = append(set.vars, int(i)-1)
	}
	raw.labels = append(raw.labels, set)
	return nil
}

// readSavExtension reads an extension record (type 7): subtype, element
// size and count, then size×count bytes, checked against the file's
// size before they are read.
func readSavExtension(s *savReader, raw *savRaw) error {
	var f [3]int32
	for i := range f {
		x, err := s.i32()
		if err != nil {
			return err
		}
		f[i] = x
	}
	sub, size, n := int(f[0]), int64(f[1]), int64(f[2])
	if size < 0 || n < 0 || size > 0 && n > s.left()/size {
		return s.damaged("extension record subtype %d declares %d elements of %d bytes, the file has %d bytes left", sub, n, size, s.left())
	}
	at := s.off
	data, err := s.bytes(size * n)
	if err != nil {
		return err
	}
	switch sub {
	case 3, 4, 11, 13, 14, 20, 21, 22:
		raw.ext[sub], raw.extLen[sub], raw.extAt[sub] = data, [2]int{int(size), int(n)}, at
	}
	return nil
}
