package datasets

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/htmlindex"
)

// savText decodes the texts of a system file (names, labels, string
// values) to UTF-8. The encoding is the one the file names (subtype 20
// record, written by SPSS 16 and later and by PSPP), else the one its
// code page number implies (subtype 3), else guessed per text: UTF-8 if
// it is valid UTF-8, otherwise Windows-1252, as for CSV files.
type savText struct {
	name string            // the encoding's name, "" if guessed
	enc  encoding.Encoding // nil for UTF-8 and for guessing
	utf8 bool
}

// savCodePages maps the code page numbers of the integer info record to
// encoding names.
var savCodePages = map[int]string{
	65001: "utf-8", 1252: "windows-1252", 28591: "iso-8859-1", 28605: "iso-8859-15",
	1250: "windows-1250", 1251: "windows-1251", 2: "windows-1252", 3: "windows-1252",
}

// newSavText chooses the decoder for an encoding name (subtype 20) or a
// code page; ok is false if the name is one the reader does not know.
func newSavText(name string, codePage int) (t savText, ok bool) {
	if name == "" {
		n, known := savCodePages[codePage]
		if !known {
			return savText{}, true // guess per text
		}
		name = n
	}
	e, err := htmlindex.Get(strings.ToLower(name))
	if err != nil {
		// "CP1252" and friends: htmlindex knows "windows-1252".
		if n, err2 := strconv.Atoi(strings.TrimPrefix(strings.ToLower(name), "cp")); err2 == nil {
			e, err = htmlindex.Get("windows-" + strconv.Itoa(n))
		}
		if err != nil {
			return savText{}, false
		}
	}
	if hn, _ := htmlindex.Name(e); hn == "utf-8" {
		return savText{name: name, utf8: true}, true
	}
	return savText{name: name, enc: e}, true
}

// decode returns b as UTF-8.
func (t savText) decode(b []byte) string {
	switch {
	case t.utf8:
		return strings.ToValidUTF8(string(b), "\uFFFD")
	case t.enc != nil:
		out, err := t.enc.NewDecoder().Bytes(b)
		if err != nil {
			return decode1252Lossy(b)
		}
		return string(out)
	case utf8.Valid(b):
		return string(b)
	}
	return decode1252Lossy(b)
}

// field decodes a blank-padded fixed-width text.
func (t savText) field(b []byte) string { return t.decode([]byte(trimBlanks(string(b)))) }
