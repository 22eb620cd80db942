package datasets

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"planatlas/lang"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// Encoding names a text encoding of an input file.
type Encoding string

const (
	EncodingAuto        Encoding = ""             // UTF-8 if the start of the file is valid UTF-8, else Windows-1252
	EncodingUTF8        Encoding = "utf-8"        // with or without byte order mark
	EncodingWindows1252 Encoding = "windows-1252" // the code page of German Windows (a superset of Latin-1's printable range)
)

// ParseEncoding accepts the common spellings of the supported encodings.
func ParseEncoding(s string) (Encoding, error) {
	switch strings.ToLower(strings.ReplaceAll(strings.TrimSpace(s), "_", "-")) {
	case "", "auto":
		return EncodingAuto, nil
	case "utf-8", "utf8":
		return EncodingUTF8, nil
	case "windows-1252", "cp1252", "latin-1", "latin1", "iso-8859-1", "ansi":
		return EncodingWindows1252, nil
	}
	return "", fmt.Errorf("unknown encoding %q (use utf-8 or windows-1252)", s)
}

// decode1252 returns the character of byte c >= 0x80 in Windows-1252, as
// golang.org/x/text decodes it, and false for the five bytes the code page
// leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D): x/text gives U+FFFD
// for them, which no defined byte decodes to. A text file holding them is
// in some other encoding, so the reader refuses it.
func decode1252(c byte) (rune, bool) {
	r := charmap.Windows1252.DecodeByte(c)
	return r, r != utf8.RuneError
}

// textReader turns an input file into a stream of valid UTF-8 lines. It
// strips a UTF-8 byte order mark, decodes Windows-1252 when asked or
// detected, and reports the first byte that fits neither encoding with
// its line.
type textReader struct {
	src      *bufio.Reader
	enc      Encoding
	line     int // lines delivered so far
	pending  []byte
	err      error
	name     string
	detected bool // enc was detected, not given
}

// sniffSize is how much of a file is examined to detect its encoding,
// delimiter and decimal convention.
const sniffSize = 1 << 20

func newTextReader(r io.Reader, name string, enc Encoding) (*textReader, []byte, error) {
	head := make([]byte, sniffSize)
	k, err := io.ReadFull(r, head)
	if err != nil && err != io.EOF && err != io.ErrUnexpectedEOF {
		return nil, nil, &InputError{File: name, M: lang.M("cannot read: %v", err)}
	}
	head = head[:k]
	if len(head) >= 2 && (head[0] == 0xFF && head[1] == 0xFE || head[0] == 0xFE && head[1] == 0xFF) {
		return nil, nil, &InputError{File: name, M: lang.M("the file is UTF-16 encoded; save it as UTF-8 (or Windows-1252)")}
	}
	if i := bytes.IndexByte(head, 0); i >= 0 {
		// No CSV holds NUL bytes; every other byte NUL is UTF-16 without
		// a byte order mark.
		even, odd := 0, 0
		for j, b := range head {
			if b == 0 {
				if j%2 == 0 {
					even++
				} else {
					odd++
				}
			}
		}
		if max(even, odd) > len(head)/4 && min(even, odd) == 0 {
			return nil, nil, &InputError{File: name, M: lang.M("the file looks UTF-16 encoded (every other byte is 0); save it as UTF-8 (or Windows-1252)")}
		}
		return nil, nil, &InputError{File: name, M: lang.M("the file holds a NUL byte (at byte %d): it is not a text file, or it is damaged", i+1)}
	}
	body := head
	if bytes.HasPrefix(head, utf8BOM) {
		body = head[3:]
		if enc == EncodingAuto {
			enc = EncodingUTF8
		}
	}
	t := &textReader{
		src:  bufio.NewReaderSize(io.MultiReader(bytes.NewReader(body), r), 64<<10),
		enc:  enc,
		name: name,
	}
	if enc == EncodingAuto {
		t.detected = true
		if validUTF8Prefix(body) {
			t.enc = EncodingUTF8
		} else {
			t.enc = EncodingWindows1252
		}
	}
	// The head, decoded, for delimiter and decimal detection.
	sample := body
	if t.enc == EncodingWindows1252 {
		sample = []byte(decode1252Lossy(body))
	}
	return t, sample, nil
}

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// validUTF8Prefix reports whether b is valid UTF-8 except for a rune cut
// off at its end.
func validUTF8Prefix(b []byte) bool {
	if utf8.Valid(b) {
		return true
	}
	for cut := 1; cut <= 3 && cut <= len(b); cut++ {
		if utf8.Valid(b[:len(b)-cut]) {
			return !utf8.FullRune(b[len(b)-cut:])
		}
	}
	return false
}

// decode1252Lossy decodes Windows-1252, undefined bytes as U+FFFD.
func decode1252Lossy(b []byte) string {
	var sb strings.Builder
	sb.Grow(len(b) + len(b)/8)
	for _, c := range b {
		if c < 0x80 {
			sb.WriteByte(c)
			continue
		}
		r, _ := decode1252(c)
		sb.WriteRune(r)
	}
	return sb.String()
}

// Read implements io.Reader, delivering UTF-8.
func (t *textReader) Read(p []byte) (int, error) {
	for len(t.pending) == 0 {
		if t.err != nil {
			return 0, t.err
		}
		line, err := t.src.ReadSlice('\n')
		if err == bufio.ErrBufferFull {
			// A very long line: deliver what we have, keep reading.
			err = nil
		} else if len(line) > 0 && line[len(line)-1] == '\n' {
			t.line++
		}
		if len(line) > 0 {
			conv, cerr := t.convert(line)
			if cerr != nil {
				t.err = cerr
				return 0, cerr
			}
			t.pending = conv
		}
		if err != nil {
			t.err = err
		}
	}
	n := copy(p, t.pending)
	t.pending = t.pending[n:]
	return n, nil
}

func (t *textReader) convert(b []byte) ([]byte, error) {
	lineNo := t.line
	if len(b) == 0 || b[len(b)-1] != '\n' {
		lineNo++
	}
	if bytes.Contains(b, utf8BOM) {
		return nil, &InputError{File: t.name, Line: lineNo, M: lang.M("byte order mark (BOM) inside the file: were two files joined? Remove it")}
	}
	if t.enc == EncodingUTF8 {
		if utf8.Valid(b) {
			return b, nil
		}
		bad := firstInvalid(b)
		hint := ""
		if t.detected {
			hint = "; the start of the file looked like UTF-8: if the file is Windows-1252, say encoding: windows-1252 in the plan"
		}
		return nil, &InputError{File: t.name, Line: lineNo, M: lang.M("byte 0x%02X is not valid UTF-8%s", bad, hint)}
	}
	out := make([]byte, 0, len(b)+8)
	for _, c := range b {
		if c < 0x80 {
			out = append(out, c)
			continue
		}
		r, ok := decode1252(c)
		if !ok {
			return nil, &InputError{File: t.name, Line: lineNo, M: lang.M("byte 0x%02X is neither UTF-8 nor Windows-1252: which encoding does the file have? Save it as UTF-8", c)}
		}
		out = utf8.AppendRune(out, r)
	}
	return out, nil
}

func firstInvalid(b []byte) byte {
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		if r == utf8.RuneError && size <= 1 {
			return b[0]
		}
		b = b[size:]
	}
	return 0
}
