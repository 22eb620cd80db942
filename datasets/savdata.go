package datasets

import (
	"bufio"
	"compress/zlib"
	"encoding/binary"
	"errors"
	"io"
	"math"

	"planatlas/lang"
)

// savCases yields the cases of a system file one at a time, each as the
// 8-byte elements of an uncompressed case (numbers in the file's byte
// order, strings as blank-padded bytes), whatever the file's
// compression.
type savCases struct {
	src        *bufio.Reader
	compressed bool
	bias       float64
	order      binary.ByteOrder
	sysmis     [8]byte
	cmds       [8]byte // the current block of compression codes
	next       int     // the next code of cmds to use; 8: read a block
	ended      bool    // code 252 (end of data) was read
}

// errSavEnd is a clean end of the data, between two cases.
var errSavEnd = errors.New("end of data")

// savShort is the error for data that end within a case or a zlib
// block that holds less than it says.
type savShort struct{ m lang.Message }

func (e *savShort) Error() string { return e.m.String() }

// read fills buf with the next case; errSavEnd at a clean end, a
// *savShort where the data end within the case.
func (c *savCases) read(buf []byte) error {
	if c.ended {
		return errSavEnd
	}
	if !c.compressed {
		_, err := io.ReadFull(c.src, buf)
		switch {
		case err == io.EOF:
			return errSavEnd
		case err == io.ErrUnexpectedEOF:
			return &savShort{lang.M("the data end within the case (truncated?)")}
		}
		return err
	}
	for e := 0; e < len(buf); e += 8 {
		if err := c.element(buf[e:e+8], e == 0); err != nil {
			return err
		}
	}
	return nil
}

// element decodes one element of bytecode-compressed data (GNU PSPP
// Developers Guide, "Data Record"): blocks of eight codes, each 0
// (nothing), 1–251 (the number code−bias), 252 (end of data), 253 (the
// element follows after the block, uncompressed), 254 (eight blanks) or
// 255 (system-missing).
func (c *savCases) element(out []byte, first bool) error {
	short := &savShort{lang.M("the data end within the case (truncated?)")}
	for {
		if c.next == 8 {
			n, err := io.ReadFull(c.src, c.cmds[:])
			if err == io.EOF || err == io.ErrUnexpectedEOF && first && allZero(c.cmds[:n]) {
				if first {
					return errSavEnd
				}
				return short
			}
			if err != nil {
				if err == io.ErrUnexpectedEOF {
					return short
				}
				return err
			}
			c.next = 0
		}
		code := c.cmds[c.next]
		c.next++
		switch {
		case code == 0:
			continue
		case code <= 251:
			c.order.PutUint64(out, math.Float64bits(float64(code)-c.bias))
		case code == 252:
			c.ended = true
			if first {
				return errSavEnd
			}
			return &savShort{lang.M("the end-of-data code comes within the case")}
		case code == 253:
			if _, err := io.ReadFull(c.src, out); err != nil {
				if err == io.EOF || err == io.ErrUnexpectedEOF {
					return short
				}
				return err
			}
		case code == 254:
			copy(out, "        ")
		default:
			copy(out, c.sysmis[:])
		}
		return nil
	}
}

func allZero(b []byte) bool {
	for _, x := range b {
		if x != 0 {
			return false
		}
	}
	return true
}

// zsavBlock is one zlib block of a ZSAV file, as its trailer lists it.
type zsavBlock struct {
	at, size, usize int64
}

// zsavReader reads the bytecode stream of a ZSAV file by inflating its
// blocks one after the other; each yields exactly the size the trailer
// declares.
type zsavReader struct {
	r      io.ReaderAt
	blocks []zsavBlock
	i      int
	cur    io.Reader
	left   int64
}

func (z *zsavReader) Read(p []byte) (int, error) {
	for {
		if z.cur != nil && z.left == 0 {
			z.cur = nil
		}
		if z.cur == nil {
			if z.i == len(z.blocks) {
				return 0, io.EOF
			}
			b := z.blocks[z.i]
			zr, err := zlib.NewReader(io.NewSectionReader(z.r, b.at, b.size))
			if err != nil {
				return 0, &savShort{lang.M("zlib block %d cannot be read: %v", z.i+1, err)}
			}
			z.cur, z.left = zr, b.usize
			z.i++
		}
		if int64(len(p)) > z.left {
			p = p[:z.left]
		}
		n, err := z.cur.Read(p)
		z.left -= int64(n)
		if err == io.EOF && z.left > 0 || err != nil && err != io.EOF {
			if err == io.EOF {
				err = io.ErrUnexpectedEOF
			}
			return n, &savShort{lang.M("zlib block %d cannot be read: %v", z.i, err)}
		}
		if n > 0 {
			return n, nil
		}
		if err == io.EOF {
			z.left = 0
		}
	}
}

// openZsav reads the ZSAV header and trailer (GNU PSPP Developers
// Guide, "ZLIB Compressed Data") and checks every offset and size in
// them against the file and each other. A block may inflate to at most
// 1032 times its size, the limit of zlib's format; more is refused
// before anything is inflated, so a file cannot claim gigabytes.
func openZsav(s *savReader) (*zsavReader, int64, error) {
	s.rec = lang.M("ZSAV header")
	start := s.off
	var h [3]int64
	for i := range h {
		b, err := s.bytes(8)
		if err != nil {
			return nil, 0, err
		}
		h[i] = int64(s.order.Uint64(b))
	}
	zofs, tofs, tlen := h[0], h[1], h[2]
	if zofs != start || tofs < s.off || tlen < 24 || tofs > s.size || tlen > s.size-tofs {
		return nil, 0, s.damaged("the ZSAV header's offsets (%d, %d, %d) do not fit the file of %d bytes", zofs, tofs, tlen, s.size)
	}
	dataStart := s.off
	s.off, s.rec = tofs, lang.M("ZSAV trailer")
	tr, err := s.bytes(24)
	if err != nil {
		return nil, 0, err
	}
	blockSize, n := int64(int32(s.order.Uint32(tr[16:]))), int64(int32(s.order.Uint32(tr[20:])))
	if blockSize <= 0 || n < 0 || n > (tlen-24)/24 {
		return nil, 0, s.damaged("the ZSAV trailer declares %d blocks of %d bytes in %d bytes", n, blockSize, tlen)
	}
	z := &zsavReader{r: s.r, blocks: make([]zsavBlock, 0, n)}
	next, total := dataStart, int64(0)
	for i := range n {
		e, err := s.bytes(24)
		if err != nil {
			return nil, 0, err
		}
		b := zsavBlock{at: int64(s.order.Uint64(e[8:])), usize: int64(int32(s.order.Uint32(e[16:]))), size: int64(int32(s.order.Uint32(e[20:])))}
		if b.at != next || b.size <= 0 || b.size > tofs-b.at || b.usize < 0 || b.usize > blockSize || b.usize > 1032*b.size+64 {
			return nil, 0, s.damaged("ZSAV block %d (at byte %d, %d bytes inflating to %d) does not fit the file", int(i)+1, b.at, b.size, b.usize)
		}
		next += b.size
		total += b.usize
		z.blocks = append(z.blocks, b)
	}
	return z, total, nil
}
