package datasets

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"
)

// windows1252Table reads testdata/windows-1252.txt, the characters of the
// bytes 0x80–0xFF in Windows-1252; undefined bytes are missing.
func windows1252Table(t *testing.T) map[byte]rune {
	t.Helper()
	f, err := os.Open("testdata/windows-1252.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	table := map[byte]rune{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Split(sc.Text(), "\t")
		if strings.HasPrefix(fields[0], "#") || fields[1] == "" {
			continue
		}
		b, err1 := strconv.ParseUint(fields[0], 0, 8)
		r, err2 := strconv.ParseUint(fields[1], 0, 32)
		if err1 != nil || err2 != nil {
			t.Fatalf("bad line %q", sc.Text())
		}
		table[byte(b)] = rune(r)
	}
	if len(table) != 123 {
		t.Fatalf("%d characters in the table, want 123", len(table))
	}
	return table
}

// Every byte 0x80–0xFF of a Windows-1252 file, named or detected, reads as
// the code page's character, 0x9F as "Ÿ"; the five bytes the code page
// leaves undefined are refused with file, line and byte.
func TestWindows1252Bytes(t *testing.T) {
	table := windows1252Table(t)
	for b := 0x80; b <= 0xFF; b++ {
		for _, enc := range []Encoding{EncodingWindows1252, EncodingAuto} {
			t.Run(fmt.Sprintf("%02X/%q", b, enc), func(t *testing.T) {
				data := []byte("k" + string([]byte{byte(b)}) + "z;x\n1;2\n")
				info, err := ReadCSVHeader(bytes.NewReader(data), "w.csv", CSVOptions{Encoding: enc})
				r, defined := table[byte(b)]
				switch {
				case defined && err != nil:
					t.Errorf("byte 0x%02X: %v", b, err)
				case defined && info.Header[0] != "k"+string(r)+"z":
					t.Errorf("byte 0x%02X reads as %q, want %q", b, info.Header[0], "k"+string(r)+"z")
				case !defined && (err == nil || err.Error() != fmt.Sprintf("w.csv:1: byte 0x%02X is neither UTF-8 nor Windows-1252: which encoding does the file have? Save it as UTF-8", b)):
					t.Errorf("byte 0x%02X: error %v", b, err)
				}
			})
		}
	}
	if r := table[0x9F]; r != 'Ÿ' {
		t.Errorf("the table gives 0x9F as %q", r)
	}
}
