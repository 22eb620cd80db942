package datasets

import (
	"bytes"
	"encoding/binary"
	"errors"
	"io"
	"math"
	"os"
	"path/filepath"
	"testing"

	"github.com/apache/arrow-go/v18/parquet/metadata"
)

// FuzzReadCSV feeds the CSV reader arbitrary bytes: it must either read a
// table whose columns have equal lengths or return an *InputError naming
// the file, never panic or hang. Seeds: every CSV in testdata plus the
// committed corpus in testdata/fuzz/FuzzReadCSV.
//
//	go test ./datasets -run '^$' -fuzz FuzzReadCSV -fuzztime 10m
func FuzzReadCSV(f *testing.F) {
	seeds, _ := filepath.Glob("testdata/*.csv")
	for _, s := range seeds {
		b, err := os.ReadFile(s)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	spec := Spec{Key: "Gebiet", Year: "Jahr", Dims: []string{"Alter"}, Values: []string{"Anzahl"}}
	f.Fuzz(func(t *testing.T, b []byte) {
		tab, err := ReadCSV(bytes.NewReader(b), "fuzz.csv", spec, CSVOptions{})
		if err != nil {
			var ie *InputError
			if !errors.As(err, &ie) || ie.File != "fuzz.csv" {
				t.Fatalf("error without the file: %T %v", err, err)
			}
			return
		}
		n := tab.Len()
		if len(tab.years) != n || len(tab.lines) != n || len(tab.keys.Codes) != n || len(tab.Values[0]) != n || len(tab.Flags[0]) != n || len(tab.dims[0].Codes) != n {
			t.Fatalf("columns of unequal length")
		}
		for i, v := range tab.Values[0] {
			if math.IsInf(v, 0) {
				t.Fatalf("row %d: infinite value accepted", i)
			}
		}
	})
}

// FuzzReadParquet feeds the Parquet reader arbitrary bytes: it must read
// a table whose columns have equal lengths or return an *InputError
// naming the file, never panic, hang or run out of memory; ArrowColumns
// likewise. Seeds: sampleFrame as Parquet, footers claiming 10^12 and
// -5 rows (which crashed the reader once), and the committed corpus in
// testdata/fuzz/FuzzReadParquet.
//
//	go test ./datasets -run '^$' -fuzz '^FuzzReadParquet$' -fuzztime 10m
func FuzzReadParquet(f *testing.F) {
	edits := []func(*metadata.FileMetaData){func(*metadata.FileMetaData) {}, parquetRows(1e12, 1e12), parquetRows(-5, -5),
		parquetArrowSchemaFields(1 << 31), parquetNestedSchema(100)}
	for _, edit := range edits {
		f.Add(damagedParquet(f, edit))
	}
	spec := Spec{Key: "key", Year: "year", Dims: []string{"name"}, Values: []string{"value"}}
	f.Fuzz(func(t *testing.T, b []byte) {
		checkArrowRead(t, b, "fuzz.parquet", spec, ReadParquet, true)
	})
}

// FuzzReadIPC is FuzzReadParquet for Arrow IPC files. Seeds: sampleFrame
// as IPC, plain and zstd compressed, versions of them with a count or a
// length changed (which crashed the reader once), and the committed
// corpus in testdata/fuzz/FuzzReadIPC.
//
//	go test ./datasets -run '^$' -fuzz '^FuzzReadIPC$' -fuzztime 10m
func FuzzReadIPC(f *testing.F) {
	f.Add(sampleIPC(f, false))
	f.Add(sampleIPC(f, true))
	for _, kind := range []string{"field count", "node length", "text offsets"} {
		f.Add(damagedIPC(f, kind, false))
	}
	f.Add(damagedIPC(f, "unpacked size", true))
	f.Add(damagedIPC(f, "buffer count", true))
	spec := Spec{Key: "key", Dims: []string{"name"}, Values: []string{"value"}, FixedYear: 2024}
	f.Fuzz(func(t *testing.T, b []byte) {
		checkArrowRead(t, b, "fuzz.arrow", spec, ReadIPC, false)
	})
}

// checkArrowRead reads b with read and ArrowColumns and checks that each
// gives a sound table or an *InputError naming the file.
func checkArrowRead(t *testing.T, b []byte, name string, spec Spec, read func(io.ReaderAt, int64, string, Spec) (*Table, error), parquet bool) {
	badInput := func(err error) {
		var ie *InputError
		if !errors.As(err, &ie) || ie.File != name {
			t.Fatalf("error without the file: %T %v", err, err)
		}
	}
	if _, err := ArrowColumns(b, name, parquet); err != nil {
		badInput(err)
	}
	tab, err := read(bytes.NewReader(b), int64(len(b)), name, spec)
	if err != nil {
		badInput(err)
		return
	}
	n := tab.Len()
	if len(tab.years) != n || len(tab.lines) != n || len(tab.keys.Codes) != n || len(tab.Values[0]) != n || len(tab.Flags[0]) != n || len(tab.dims[0].Codes) != n {
		t.Fatalf("columns of unequal length")
	}
}

// FuzzReadSav feeds the SPSS reader arbitrary bytes: it must read a
// table whose columns have equal lengths or return an *InputError
// naming the file, never panic, hang or allocate more than the file
// can back. Besides the bytes, the fuzzer chooses an int32 to write at
// an offset, so that it reaches the counts and lengths deep in a valid
// file (which random byte changes rarely leave valid up to there).
// Seeds: the files of testdata/sav and the committed corpus in
// testdata/fuzz/FuzzReadSav.
//
//	go test ./datasets -run '^$' -fuzz '^FuzzReadSav$' -fuzztime 3m
func FuzzReadSav(f *testing.F) {
	for _, pattern := range []string{"testdata/sav/*.sav", "testdata/sav/*.zsav"} {
		seeds, _ := filepath.Glob(pattern)
		for _, s := range seeds {
			b, err := os.ReadFile(s)
			if err != nil {
				f.Fatal(err)
			}
			f.Add(b, uint16(0xffff), uint32(0))
			f.Add(b, uint16(80), uint32(0xffffffff))
		}
	}
	spec := Spec{Key: "Planungsraum", Dims: []string{"Bezirk", "Langtext"}, Values: []string{"Zufrieden", "Einkommen"}}
	f.Fuzz(func(t *testing.T, b []byte, off uint16, v uint32) {
		if int(off)+4 <= len(b) {
			binary.LittleEndian.PutUint32(b[off:], v)
		}
		tab, _, err := ReadSav(bytes.NewReader(b), int64(len(b)), "fuzz.sav", spec)
		if err != nil {
			var ie *InputError
			if !errors.As(err, &ie) || ie.File != "fuzz.sav" {
				t.Fatalf("error without the file: %T %v", err, err)
			}
			return
		}
		n := tab.Len()
		if len(tab.years) != n || len(tab.lines) != n || len(tab.keys.Codes) != n || len(tab.Values[1]) != n || len(tab.Flags[1]) != n || len(tab.dims[1].Codes) != n {
			t.Fatalf("columns of unequal length")
		}
		if _, err := ReadSavDictionary(bytes.NewReader(b), int64(len(b)), "fuzz.sav"); err != nil {
			t.Fatalf("the table was read, its dictionary not: %v", err)
		}
	})
}
