package datasets

import (
	"bytes"
	"math"
	"strings"
	"testing"
)

func sampleFrame() *Frame {
	f := &Frame{}
	f.Add("key", "Schlüssel", Text{"01", "02", "010"})
	f.Add("year", "Jahr", Int{2023, 2023, 2024})
	f.Add("value", "Wert", Float{Values: []float64{1234.5, math.NaN(), -0.25}, Flags: []Flag{0, Confidential, 0}, Decimals: -1})
	f.Add("name", "Name", Text{"Altstadt", "Mühlgraben; Süd", `Am "Hang"`})
	return f
}

// A frame written as Parquet or Arrow IPC reads back with the same keys
// (leading zeros intact), years and values; nulls come back as empty.
func TestArrowRoundTrip(t *testing.T) {
	spec := Spec{Key: "key", Year: "year", Dims: []string{"name"}, Values: []string{"value"}}
	for _, format := range []string{"parquet", "ipc"} {
		t.Run(format, func(t *testing.T) {
			var buf bytes.Buffer
			var err error
			if format == "parquet" {
				err = WriteParquet(&buf, sampleFrame())
			} else {
				err = WriteIPC(&buf, sampleFrame())
			}
			if err != nil {
				t.Fatal(err)
			}
			r := bytes.NewReader(buf.Bytes())
			var tab *Table
			if format == "parquet" {
				tab, err = ReadParquet(r, r.Size(), "x."+format, spec)
			} else {
				tab, err = ReadIPC(r, r.Size(), "x."+format, spec)
			}
			if err != nil {
				t.Fatal(err)
			}
			if strings.Join(keysOf(tab), ",") != "01,02,010" || tab.Year(2) != 2024 || tab.Dim(0, 1) != "Mühlgraben; Süd" {
				t.Errorf("read back %v %v %v", keysOf(tab), yearsOf(tab), dimOf(tab, 0))
			}
			if tab.Values[0][0] != 1234.5 || !math.IsNaN(tab.Values[0][1]) || tab.Flags[0][1] != Empty || tab.Values[0][2] != -0.25 {
				t.Errorf("values %v flags %v", tab.Values[0], tab.Flags[0])
			}
			if tab.Loc(1) != "x."+format+": row 2" {
				t.Errorf("Loc = %q", tab.Loc(1))
			}
			cols, err := ArrowColumns(buf.Bytes(), "x", format == "parquet")
			if err != nil || strings.Join(cols, ",") != "key,year,value,name" {
				t.Errorf("ArrowColumns = %v, %v", cols, err)
			}
		})
	}
}

// Equal frames give equal Parquet bytes: no time stamps, no randomness.
func TestParquetDeterministic(t *testing.T) {
	var a, b bytes.Buffer
	if err := WriteParquet(&a, sampleFrame()); err != nil {
		t.Fatal(err)
	}
	if err := WriteParquet(&b, sampleFrame()); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two writes of one frame differ")
	}
}

func TestParquetErrors(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteParquet(&buf, sampleFrame()); err != nil {
		t.Fatal(err)
	}
	trunc := buf.Bytes()[:buf.Len()/2]
	r := bytes.NewReader(trunc)
	_, err := ReadParquet(r, r.Size(), "cut.parquet", Spec{Key: "key", Values: []string{"value"}})
	if err == nil || !strings.HasPrefix(err.Error(), "cut.parquet: not a readable Parquet file") {
		t.Errorf("truncated: %v", err)
	}
	r = bytes.NewReader(buf.Bytes())
	_, err = ReadParquet(r, r.Size(), "t.parquet", Spec{Key: "key", Values: []string{"name"}})
	if err == nil || !strings.Contains(err.Error(), `t.parquet: row 1: column "name": "Altstadt" is not a number`) {
		t.Errorf("text as number: %v", err)
	}
}

func TestWriteCSV(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteCSV(&buf, sampleFrame(), GermanCSV); err != nil {
		t.Fatal(err)
	}
	want := "\ufeffSchlüssel;Jahr;Wert;Name\r\n01;2023;1234,5;Altstadt\r\n02;2023;.;\"Mühlgraben; Süd\"\r\n010;2024;-0,25;\"Am \"\"Hang\"\"\"\r\n"
	if buf.String() != want {
		t.Errorf("German CSV:\n%q\nwant\n%q", buf.String(), want)
	}
	// And it reads back with our own reader.
	tab, err := ReadCSV(&buf, "back.csv", Spec{Key: "Schlüssel", Year: "Jahr", Values: []string{"Wert"}}, CSVOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if tab.Values[0][0] != 1234.5 || tab.Flags[0][1] != Confidential || tab.Values[0][2] != -0.25 {
		t.Errorf("read back %v %v", tab.Values[0], tab.Flags[0])
	}
}

// A value flagged Suppressed is computed but never written: "." in CSV,
// null in Parquet.
func TestFrameHidesSuppressed(t *testing.T) {
	f := &Frame{}
	f.Add("k", "", Text{"a", "b"})
	f.Add("v", "", Float{Values: []float64{2, 40}, Flags: []Flag{Suppressed, 0}, Decimals: 0})
	var csvBuf, pq bytes.Buffer
	if err := WriteCSV(&csvBuf, f, InternationalCSV); err != nil {
		t.Fatal(err)
	}
	if csvBuf.String() != "k,v\r\na,.\r\nb,40\r\n" {
		t.Errorf("CSV %q", csvBuf.String())
	}
	if err := WriteParquet(&pq, f); err != nil {
		t.Fatal(err)
	}
	r := bytes.NewReader(pq.Bytes())
	tab, err := ReadParquet(r, r.Size(), "x.parquet", Spec{Key: "k", FixedYear: 2024, Values: []string{"v"}})
	if err != nil {
		t.Fatal(err)
	}
	if !math.IsNaN(tab.Values[0][0]) || tab.Flags[0][0] != Empty || tab.Values[0][1] != 40 {
		t.Errorf("Parquet holds %v %v", tab.Values[0], tab.Flags[0])
	}
}
