package plan

import (
	"archive/zip"
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
	return validateMeasuresSheet(t, workbook, "file: massnahmen.xlsx\n")
}

// validateMeasuresSheet is validateMeasuresXLSX with the plan's measures
// line given (file and sheet).
func validateMeasuresSheet(t *testing.T, workbook []byte, measures string) (*Checked, error) {
	t.Helper()
	text := demoPlanText(t)
	if !strings.Contains(text, "file: massnahmen.csv\n") {
		t.Fatal("the demo plan has no measures table")
	}
	text = strings.Replace(text, "file: massnahmen.csv\n", measures, 1)
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

// A workbook as a spreadsheet saves it: shared strings, a start in a
// date-formatted cell (Excel's serial day 45352), an end typed as a year,
// a budget in a number cell (100.125 euros, not 100125 as the text
// "100.125" would be read), a cell the file skips.
func TestMeasuresXLSXDateCells(t *testing.T) {
	const rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	parts := [][2]string{
		{"_rels/.rels", `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="` + rel + `/officeDocument" Target="xl/workbook.xml"/></Relationships>`},
		{"xl/workbook.xml", `<workbook xmlns:r="` + rel + `"><sheets><sheet name="Maßnahmen" sheetId="1" r:id="rId1"/></sheets></workbook>`},
		{"xl/_rels/workbook.xml.rels", `<Relationships><Relationship Id="rId1" Type="` + rel + `/worksheet" Target="worksheets/sheet1.xml"/>` +
			`<Relationship Id="rId2" Type="` + rel + `/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="` + rel + `/styles" Target="styles.xml"/></Relationships>`},
		{"xl/sharedStrings.xml", `<sst><si><t>id</t></si><si><t>ziele</t></si><si><t>wo</t></si><si><t>beginn</t></si><si><t>ende</t></si><si><t>budget</t></si><si><t>status</t></si>` +
			`<si><t>M1</t></si><si><t>arbeitslosigkeit_weinberg</t></si><si><t>0601</t></si></sst>`},
		{"xl/styles.xml", `<styleSheet><numFmts><numFmt numFmtId="164" formatCode="DD.MM.YYYY"/></numFmts><cellXfs><xf numFmtId="0"/><xf numFmtId="164"/></cellXfs></styleSheet>`},
		{"xl/worksheets/sheet1.xml", `<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c>` +
			`<c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c><c r="F1" t="s"><v>5</v></c><c r="G1" t="s"><v>6</v></c></row>` +
			`<row r="2"><c r="A2" t="s"><v>7</v></c><c r="B2" t="s"><v>8</v></c><c r="C2" t="s"><v>9</v></c><c r="D2" s="1"><v>45352</v></c>` +
			`<c r="E2"><v>2027</v></c><c r="F2"><v>100.125</v></c></row></sheetData></worksheet>`},
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, p := range parts {
		w, err := zw.Create(p[0])
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(p[1]))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	c, err := validateMeasuresXLSX(t, buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if len(c.measures) != 1 {
		t.Fatalf("%d measures", len(c.measures))
	}
	m := c.measures[0]
	if m.id != "M1" || m.start.text != "2024-03-01" || m.end.text != "2027" || m.budget != 100.125 || m.status != "planned" ||
		len(m.where) != 1 || m.where[0] != "0601" || m.line != 2 || m.file != "massnahmen.xlsx" {
		t.Errorf("%+v", *m)
	}
}

// measures: {file: …, sheet: …} reads the named sheet; a sheet the
// workbook lacks is an error naming it.
func TestMeasuresXLSXSheet(t *testing.T) {
	wb := demoMeasuresXLSX(t, nil)
	c, err := validateMeasuresSheet(t, wb, "file: massnahmen.xlsx\n  sheet: Maßnahmen\n")
	if err != nil || len(c.measures) < 30 {
		t.Fatalf("sheet Maßnahmen: %v", err)
	}
	if _, err := validateMeasuresSheet(t, wb, "file: massnahmen.xlsx\n  sheet: Tabelle2\n"); err == nil || !strings.Contains(err.Error(), "Tabelle2") {
		t.Errorf("sheet Tabelle2: %v", err)
	}
}
