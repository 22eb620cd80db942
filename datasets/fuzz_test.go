package datasets

import (
	"bytes"
	"errors"
	"math"
	"os"
	"path/filepath"
	"testing"
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
		if len(tab.Years) != n || len(tab.Lines) != n || len(tab.Values[0]) != n || len(tab.Flags[0]) != n || len(tab.Dims[0]) != n {
			t.Fatalf("columns of unequal length")
		}
		for i, v := range tab.Values[0] {
			if math.IsInf(v, 0) {
				t.Fatalf("row %d: infinite value accepted", i)
			}
		}
	})
}
