package datasets

import (
	"bytes"
	"encoding/binary"
	"os"
	"testing"
)

// swapSav returns an uncompressed little-endian system file as the same
// file written on a big-endian machine: every integer and number
// byte-swapped, texts and strings left as they are. PSPP writes only
// the machine's own order, so the big-endian test file is made this way
// (testdata/sav/umfrage_be.sav); R reads it as an independent check.
func swapSav(t *testing.T, in []byte) []byte {
	b := bytes.Clone(in)
	le := binary.LittleEndian
	sw4 := func(o int) { binary.BigEndian.PutUint32(b[o:], le.Uint32(b[o:])) }
	sw8 := func(o int) { binary.BigEndian.PutUint64(b[o:], le.Uint64(b[o:])) }
	for _, o := range []int{64, 68, 72, 76, 80} {
		sw4(o)
	}
	sw8(84)
	o := savHeaderSize
	var numeric []bool // per element
	for {
		typ := int(le.Uint32(b[o:]))
		sw4(o)
		o += 4
		switch typ {
		case 2:
			vt, label, nm := int32(le.Uint32(b[o:])), le.Uint32(b[o+4:]), int32(le.Uint32(b[o+8:]))
			for k := range 5 {
				sw4(o + 4*k)
			}
			o += 28
			numeric = append(numeric, vt == 0)
			if label == 1 {
				n := int(le.Uint32(b[o:]))
				sw4(o)
				o += 4 + (n+3)/4*4
			}
			for range max(nm, -nm) {
				if vt == 0 {
					sw8(o)
				}
				o += 8
			}
		case 3:
			n := int(le.Uint32(b[o:]))
			sw4(o)
			o += 4
			var vals []int
			for range n {
				vals = append(vals, o)
				o += 8 + (int(b[o+8])+8)/8*8
			}
			sw4(o) // type 4
			m := int(le.Uint32(b[o+4:]))
			sw4(o + 4)
			first := int(le.Uint32(b[o+8:]))
			for k := range m {
				sw4(o + 8 + 4*k)
			}
			o += 8 + 4*m
			if numeric[first-1] {
				for _, v := range vals {
					sw8(v)
				}
			}
		case 6:
			n := int(le.Uint32(b[o:]))
			sw4(o)
			o += 4 + 80*n
		case 7:
			sub, size, n := le.Uint32(b[o:]), int(le.Uint32(b[o+4:])), int(le.Uint32(b[o+8:]))
			sw4(o)
			sw4(o + 4)
			sw4(o + 8)
			o += 12
			if sub == 3 { // integer info: the machine's byte order, 1 for big-endian
				le.PutUint32(b[o+24:], 1)
			}
			switch {
			case size == 4 || size == 8:
				for k := range n {
					if size == 4 {
						sw4(o + 4*k)
					} else {
						sw8(o + 8*k)
					}
				}
			case sub == 21 || sub == 22:
				swapLongStringRecord(b[o:o+size*n], sub)
			}
			o += size * n
		case 999:
			sw4(o)
			o += 4
			for e := 0; o+8*e < len(b); e++ {
				if numeric[e%len(numeric)] {
					sw8(o + 8*e)
				}
			}
			return b
		default:
			t.Fatalf("record type %d at %d", typ, o-4)
		}
	}
}

// swapLongStringRecord swaps the int32 lengths inside a long string
// value label (21) or missing value (22) record.
func swapLongStringRecord(b []byte, sub uint32) {
	o := 0
	i32 := func() int {
		n := int(binary.LittleEndian.Uint32(b[o:]))
		binary.BigEndian.PutUint32(b[o:], uint32(n))
		o += 4
		return n
	}
	for o < len(b) {
		o += i32() // the variable's name
		if sub == 22 {
			n := int(b[o])
			o++
			o += n * i32()
			continue
		}
		i32() // width
		for range i32() {
			o += i32() // value
			o += i32() // label
		}
	}
}

// TestSavBigEndianFile checks that the committed big-endian file is
// swapSav of the little-endian one; SAV_UPDATE=1 writes it.
func TestSavBigEndianFile(t *testing.T) {
	in, err := os.ReadFile("testdata/sav/umfrage_uncomp.sav")
	if err != nil {
		t.Fatal(err)
	}
	got := swapSav(t, in)
	const path = "testdata/sav/umfrage_be.sav"
	if os.Getenv("SAV_UPDATE") == "1" {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s is not the byte-swapped umfrage_uncomp.sav (SAV_UPDATE=1 rewrites it)", path)
	}
}
