package plan

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io/fs"
	"math"
	"strings"
	"testing"

	"planatlas/datasets"
	"planatlas/demo"
)

// validateMeasuresXLSX validates the demo plan with its measures read
// from the workbook massnahmen.xlsx.
func validateMeasuresXLSX(t *testing.T, workbook []byte) (*Checked, error) {
	t.Helper()
	text := demoPlanText(t)
	if !strings.Contains(text, "file: massnahmen.csv\n") {
		t.Fatal("the demo plan has no measures table")
	}
	text = strings.Replace(text, "file: massnahmen.csv\n", "file: massnahmen.xlsx\n", 1)
	p, err := Parse([]byte(text), "plan.yaml")
	if err != nil {
		t.Fatalf("parse: %v", err)
	}
	return Validate(p, FS{FS: overlayFS{files: map[string]string{"massnahmen.xlsx": string(workbook)}, base: demo.FS()}}, "")
}

// demoMeasuresXLSX writes the demo's massnahmen.csv as a workbook: every
// column as text but the budget, which is a number column; edit changes
// the records (header first) before.
func demoMeasuresXLSX(t *testing.T, edit func([][]string)) []byte {
	t.Helper()
	b, err := fs.ReadFile(demo.FS(), "massnahmen.csv")
	if err != nil {
		t.Fatal(err)
	}
	r := csv.NewReader(bytes.NewReader(b))
	r.Comma = ';'
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if edit != nil {
		edit(recs)
	}
	f := &datasets.Frame{}
	for k, h := range recs[0] {
		var texts datasets.Text
		var euros []float64
		for _, rec := range recs[1:] {
			texts = append(texts, rec[k])
			v, ok := parseEuros(rec[k])
			if !ok {
				v = math.NaN()
			}
			euros = append(euros, v)
		}
		if h == "budget" {
			f.Add(h, h, datasets.Float{Values: euros})
		} else {
			f.Add(h, h, texts)
		}
	}
	var buf bytes.Buffer
	if err := datasets.WriteXLSX(&buf, []datasets.Sheet{{Name: "Maßnahmen", Frame: f}}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// The demo's measures read from a workbook are exactly those read from
// its CSV table: ids, titles, goals, places, dates, status, budgets
// (number cells here, "240.000" as text in the CSV), history, rows.
func TestMeasuresXLSXAsCSV(t *testing.T) {
	fromCSV, err := validateMeasures(t, "", "")
	if err != nil {
		t.Fatal(err)
	}
	fromXLSX, err := validateMeasuresXLSX(t, demoMeasuresXLSX(t, nil))
	if err != nil {
		t.Fatal(err)
	}
	if len(fromXLSX.measures) != len(fromCSV.measures) || len(fromCSV.measures) < 30 {
		t.Fatalf("%d measures from the workbook, %d from the CSV", len(fromXLSX.measures), len(fromCSV.measures))
	}
	for i, m := range fromXLSX.measures {
		if m.file != "massnahmen.xlsx" {
			t.Errorf("measure %s: file %q", m.id, m.file)
		}
		x, c := *m, *fromCSV.measures[i]
		x.file = c.file
		if a, b := fmt.Sprintf("%+v", x), fmt.Sprintf("%+v", c); a != b {
			t.Errorf("from the workbook:\n%s\nfrom the CSV:\n%s", a, b)
		}
	}
}

// A mistake in a workbook's row is an input error at the sheet's row
// number and the column; a workbook without ids or rows is refused.
func TestMeasuresXLSXErrors(t *testing.T) {
	cases := []struct {
		name string
		edit func([][]string)
		want string
	}{
		{"status", func(r [][]string) { r[2][8] = "fertig" }, `massnahmen.xlsx:3: column "status": measure "M02": "fertig" is not a status`},
		{"date", func(r [][]string) { r[1][6] = "1. März 2024" }, `massnahmen.xlsx:2: column "beginn": measure "M01": start "1. März 2024" is not a date`},
		{"empty id", func(r [][]string) { r[4][0] = " " }, `massnahmen.xlsx:5: column "id": the measure's id is empty`},
		{"no ids", func(r [][]string) { r[0][0] = "code" }, `massnahmen.xlsx:1: the measures table has no column of ids`},
	}
	for _, c := range cases {
		_, err := validateMeasuresXLSX(t, demoMeasuresXLSX(t, c.edit))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: got %v, want %s", c.name, err, c.want)
		}
	}
	_, err := validateMeasuresXLSX(t, []byte("id;titel\nM1;x\n"))
	if err == nil || !strings.Contains(err.Error(), "massnahmen.xlsx: not an Excel workbook (.xlsx, a zip archive)") {
		t.Errorf("a CSV named .xlsx: %v", err)
	}
}
