package datasets

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
)

// twoParts is a table of two parts whose Coded columns have different
// levels, as the long output tables have per indicator.
func twoParts() Parts {
	part := func(ind string, keys []string, codes []int32, vals []float64) *Frame {
		f := &Frame{}
		f.Add("indicator", "Indikator", Repeat(ind, len(codes)))
		f.Add("key", "Schlüssel", Coded{Codes: codes, Levels: keys})
		f.Add("year", "Jahr", Int{2023, 2024, 2024}[:len(codes)])
		f.Add("value", "Wert", Float{Values: vals, Flags: []Flag{0, Suppressed, 0}[:len(codes)], Decimals: 1})
		return f
	}
	return func(yield func(*Frame) error) error {
		if err := yield(part("a", []string{"01", "02"}, []int32{1, 0, 1}, []float64{1.24, 2, 3})); err != nil {
			return err
		}
		return yield(part("b;c", []string{"03", "x"}, []int32{0, 1}, []float64{4, 5}))
	}
}

func TestPartsRoundTrip(t *testing.T) {
	var csv bytes.Buffer
	if err := WriteCSVParts(&csv, twoParts(), GermanCSV); err != nil {
		t.Fatal(err)
	}
	want := "\ufeffIndikator;Schlüssel;Jahr;Wert\r\na;02;2023;1,2\r\na;01;2024;.\r\na;02;2024;3,0\r\n\"b;c\";03;2023;4,0\r\n\"b;c\";x;2024;.\r\n"
	if csv.String() != want {
		t.Errorf("CSV\n%q\nwant\n%q", csv.String(), want)
	}
	for _, format := range []string{"parquet", "arrow"} {
		var buf bytes.Buffer
		var err error
		if format == "parquet" {
			err = WriteParquetParts(&buf, twoParts())
		} else {
			err = WriteIPCParts(&buf, twoParts())
		}
		if err != nil {
			t.Fatal(format, err)
		}
		spec := Spec{Key: "key", Year: "year", Dims: []string{"indicator"}, Values: []string{"value"}}
		var tab *Table
		if format == "parquet" {
			tab, err = ReadParquet(bytes.NewReader(buf.Bytes()), int64(buf.Len()), "t."+format, spec)
		} else {
			tab, err = ReadIPC(bytes.NewReader(buf.Bytes()), int64(buf.Len()), "t."+format, spec)
		}
		if err != nil {
			t.Fatal(format, err)
		}
		got := strings.Join(keysOf(tab), ",") + " " + strings.Join(dimOf(tab, 0), ",")
		if got != "02,01,02,03,x a,a,a,b;c,b;c" {
			t.Errorf("%s: keys and indicators %q", format, got)
		}
		if v := tab.Values[0]; v[0] != 1.24 || v[1] == v[1] || v[3] != 4 || v[4] == v[4] {
			t.Errorf("%s: values %v (suppressed must be null)", format, v)
		}
	}
}

func TestCollectStopsAtLimit(t *testing.T) {
	f, rows, ok, err := Collect(twoParts(), 5)
	if err != nil || !ok || rows != 5 || f.Cols[1].(Text)[3] != "03" || f.Cols[3].(Float).Flags[4] != Suppressed {
		t.Errorf("Collect: %v rows %d ok %v %v", f, rows, ok, err)
	}
	if _, rows, ok, _ := Collect(twoParts(), 4); ok || rows != 5 {
		t.Errorf("limit 4: ok %v rows %d", ok, rows)
	}
}

// A Coded column of more than plainLevels levels is written as plain text
// and reads back the same.
func TestParquetManyLevels(t *testing.T) {
	n := plainLevels + 10
	keys := make([]string, n)
	codes := make([]int32, n)
	vals := make([]float64, n)
	for i := range keys {
		keys[i] = fmt.Sprintf("%07d", i)
		codes[i] = int32(n - 1 - i)
		vals[i] = float64(i)
	}
	f := &Frame{}
	f.Add("key", "", Coded{Codes: codes, Levels: keys})
	f.Add("year", "", Repeat("2024", n))
	f.Add("value", "", Float{Values: vals})
	var buf bytes.Buffer
	if err := WriteParquetParts(&buf, Whole(f)); err != nil {
		t.Fatal(err)
	}
	tab, err := ReadParquet(bytes.NewReader(buf.Bytes()), int64(buf.Len()), "t.parquet", Spec{Key: "key", Year: "year", Values: []string{"value"}})
	if err != nil {
		t.Fatal(err)
	}
	if tab.Len() != n || tab.Key(0) != keys[n-1] || tab.Key(n-1) != "0000000" || tab.Year(5) != 2024 || tab.Values[0][7] != 7 {
		t.Errorf("read back %d rows, first key %q", tab.Len(), tab.Key(0))
	}
}

// Relabel writes the codes of the named text columns as labels, leaving
// other columns and the parts themselves as they are.
func TestRelabel(t *testing.T) {
	f := &Frame{}
	f.Add("level", "Ebene", Coded{Codes: []int32{0, 1, 0}, Levels: []string{"area", "city"}})
	f.Add("flag", "Kennzeichen", Text{"", "no-data", "no-data"})
	f.Add("name", "Name", Text{"area", "city", "area"})
	f.Add("value", "Wert", Float{Values: []float64{1, 2, 3}, Decimals: -1})
	labels := map[string]func(string) string{
		"level": func(s string) string { return map[string]string{"area": "Planungsraum", "city": "Stadt"}[s] },
		"flag":  func(s string) string { return map[string]string{"": "", "no-data": "keine Angabe"}[s] },
		"value": func(string) string { return "never" },
	}
	var b strings.Builder
	if err := WriteCSVParts(&b, Relabel(Whole(f), labels), GermanCSV); err != nil {
		t.Fatal(err)
	}
	want := "\ufeffEbene;Kennzeichen;Name;Wert\r\nPlanungsraum;;area;1\r\nStadt;keine Angabe;city;2\r\nPlanungsraum;keine Angabe;area;3\r\n"
	if b.String() != want {
		t.Errorf("got\n%q\nwant\n%q", b.String(), want)
	}
	if f.Cols[0].(Coded).Levels[0] != "area" || f.Cols[1].(Text)[1] != "no-data" {
		t.Errorf("the frame was changed: %v", f.Cols)
	}
}
