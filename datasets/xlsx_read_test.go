package datasets

import (
	"archive/zip"
	"bytes"
	"errors"
	"math"
	"os"
	"reflect"
	"strings"
	"testing"

	"planatlas/lang"
)

// handWorkbook zips the parts of a workbook with one sheet, sheet1.xml,
// named "Maßnahmen"; extra parts (sharedStrings.xml, styles.xml) are
// added as given.
func handWorkbook(t testing.TB, sheet string, extra map[string]string) []byte {
	t.Helper()
	parts := map[string]string{
		"_rels/.rels": `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
		"xl/workbook.xml": `<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
			`<sheets><sheet name="Maßnahmen" sheetId="1" r:id="rId1"/></sheets></workbook>`,
		"xl/_rels/workbook.xml.rels": `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet1.xml"/>` +
			`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>` +
			`<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`,
		"xl/worksheets/sheet1.xml": `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>` + sheet + `</sheetData></worksheet>`,
	}
	for k, v := range extra {
		parts[k] = v
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, name := range []string{"_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/worksheets/sheet1.xml", "xl/sharedStrings.xml", "xl/styles.xml"} {
		if v, ok := parts[name]; ok {
			w, err := zw.Create(name)
			if err != nil {
				t.Fatal(err)
			}
			w.Write([]byte(v))
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

const (
	testStrings = `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="3" uniqueCount="3">` +
		`<si><t>id</t></si><si><r><rPr><b/></rPr><t>Be</t></r><r><t xml:space="preserve">ginn</t></r><rPh sb="0" eb="1"><t>X</t></rPh></si><si><t>Schloßberg &amp; Co</t></si></sst>`
	testStyles = `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
		`<numFmts count="1"><numFmt numFmtId="164" formatCode="DD/MM/YYYY"/><numFmt numFmtId="165" formatCode="#,##0 [$€-407]"/></numFmts>` +
		`<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>` +
		`<cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/></cellXfs></styleSheet>`
)

// Shared strings (rich text joined, phonetic runs left out), inline
// strings, cells the file skips, booleans, errors, numbers in their
// shortest text and date-styled serials come out as texts in place.
func TestReadXLSXCells(t *testing.T) {
	extra := map[string]string{"xl/sharedStrings.xml": testStrings, "xl/styles.xml": testStyles}
	cases := []struct {
		name, sheet string
		header      []string
		rows        [][]string
		lines       []int
		number      [][]bool
	}{
		{"shared and inline strings",
			`<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>` +
				`<row r="2"><c r="A2" t="inlineStr"><is><r><t>M</t></r><r><t>1</t></r></is></c><c r="B2" t="s"><v>2</v></c></row>`,
			[]string{"id", "Beginn"}, [][]string{{"M1", "Schloßberg & Co"}}, []int{2}, [][]bool{{false, false}}},
		{"skipped cells and rows",
			`<row r="2"><c r="B2" t="inlineStr"><is><t>b</t></is></c><c r="D2" t="inlineStr"><is><t>d</t></is></c></row>` +
				`<row r="3" ht="20"/><row r="5"><c r="C5"><v>240000</v></c></row><row r="6"><c r="A6" t="str"><v>x</v></c><c r="E6"><v>0.5</v></c></row>`,
			[]string{"", "b", "", "d"}, [][]string{{"", "", "240000", ""}, {"x", "", "", "", "0.5"}}, []int{5, 6},
			[][]bool{{false, false, true, false}, {false, false, false, false, true}}},
		{"cells without references",
			`<row><c t="inlineStr"><is><t>a</t></is></c><c/><c t="inlineStr"><is><t>c</t></is></c></row><row><c><v>1E-3</v></c><c><v>-2.50</v></c><c><v>1e21</v></c></row>`,
			[]string{"a", "", "c"}, [][]string{{"0.001", "-2.5", "1e+21"}}, []int{2}, [][]bool{{true, true, true}}},
		{"booleans, errors, formulas",
			`<row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></c></row>` +
				`<row r="2"><c r="A2" t="b"><v>1</v></c><c r="B2" t="b"><v>0</v></c><c r="C2" t="e"><v>#DIV/0!</v></c><c r="D2"><f>1+1</f><v>2</v></c></row>`,
			[]string{"a"}, [][]string{{"TRUE", "FALSE", "#DIV/0!", "2"}}, []int{2}, [][]bool{{false, false, false, true}}},
		{"dates by cell style",
			`<row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></c></row>` +
				`<row r="2"><c r="A2" s="1"><v>45352</v></c><c r="B2" s="2"><v>45657.5</v></c><c r="C2" s="3"><v>45352</v></c><c r="D2"><v>45352</v></c><c r="E2" s="1"><v>2025</v></c></row>`,
			[]string{"a"}, [][]string{{"2024-03-01", "2024-12-31 12:00:00", "45352", "45352", "1905-07-17"}}, []int{2},
			[][]bool{{false, false, true, true, false}}},
	}
	for _, c := range cases {
		data := handWorkbook(t, c.sheet, extra)
		got, err := ReadXLSX(bytes.NewReader(data), int64(len(data)), "m.xlsx", "")
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		if got.Sheet != "Maßnahmen" || !reflect.DeepEqual(got.Header, c.header) || !reflect.DeepEqual(got.Rows, c.rows) ||
			!reflect.DeepEqual(got.Lines, c.lines) || !reflect.DeepEqual(got.Number, c.number) {
			t.Errorf("%s: got %q %q %q %v %v, want %q %q %v %v", c.name, got.Sheet, got.Header, got.Rows, got.Lines, got.Number, c.header, c.rows, c.lines, c.number)
		}
	}
}

// Frames written with WriteXLSX read back as the same texts and numbers,
// from the first sheet or the one named.
func TestReadXLSXRoundTrip(t *testing.T) {
	f := &Frame{}
	f.Add("key", "Schlüssel", Text{"0101", "0102", ""})
	f.Add("name", "Name", Text{"Mühlgraben", "Schloßberg & Co <1>", "x"})
	f.Add("n", "Anzahl", Int{3, 40, -7})
	f.Add("v", "Wert", Float{Values: []float64{1.25, math.NaN(), 0.1 + 0.2}, Flags: []Flag{0, Confidential, 0}})
	g := &Frame{}
	g.Add("a", "A", Float{Values: []float64{240000, 1e-7}})
	var buf bytes.Buffer
	if err := WriteXLSX(&buf, []Sheet{{"Erste", f}, {"Zweite", g}}); err != nil {
		t.Fatal(err)
	}
	r := bytes.NewReader(buf.Bytes())
	header, rows, lines, err := ReadXLSXRows(r, r.Size(), "t.xlsx", "")
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{{"0101", "Mühlgraben", "3", "1.25"}, {"0102", "Schloßberg & Co <1>", "40", "."}, {"", "x", "-7", "0.3"}}
	if !reflect.DeepEqual(header, []string{"Schlüssel", "Name", "Anzahl", "Wert"}) || !reflect.DeepEqual(rows, want) || !reflect.DeepEqual(lines, []int{2, 3, 4}) {
		t.Errorf("first sheet: %q %q %v", header, rows, lines)
	}
	header, rows, _, err = ReadXLSXRows(r, r.Size(), "t.xlsx", "zweite")
	if err != nil || !reflect.DeepEqual(header, []string{"A"}) || !reflect.DeepEqual(rows, [][]string{{"240000"}, {"1e-07"}}) {
		t.Errorf("second sheet: %q %q %v", header, rows, err)
	}
}

// A workbook written by hand the way LibreOffice Calc writes one (a
// hidden first sheet, which is passed over, shared strings, a date
// style, a cell with a formula, rows with spans and styles, a styled
// empty row), made by testdata/xlsx/make.py.
func TestReadXLSXLibreOffice(t *testing.T) {
	data, err := os.ReadFile("testdata/xlsx/libreoffice.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	got, err := ReadXLSX(bytes.NewReader(data), int64(len(data)), "libreoffice.xlsx", "")
	if err != nil {
		t.Fatal(err)
	}
	if got.Sheet != "Maßnahmen" {
		t.Errorf("read sheet %q, not the first visible one", got.Sheet)
	}
	if notes, err := ReadXLSX(bytes.NewReader(data), int64(len(data)), "libreoffice.xlsx", "notizen"); err != nil || notes.Header[0] != "not this sheet" {
		t.Errorf("the hidden sheet by its name: %v %v", notes, err)
	}
	wantHeader := []string{"id", "titel", "beginn", "ende", "budget", "bemerkung"}
	wantRows := [][]string{
		{"M1", "Quartiersbüro", "2024-03-01", "2026", "180000", ""},
		{"M2", "Schloßberg & Co", "2024", "2027-12-31", "1500.5", "inline"},
	}
	if !reflect.DeepEqual(got.Header, wantHeader) || !reflect.DeepEqual(got.Rows, wantRows) || !reflect.DeepEqual(got.Lines, []int{2, 4}) {
		t.Errorf("got %q %q %v", got.Header, got.Rows, got.Lines)
	}
}

// Serial day numbers of the 1900 and 1904 date systems.
func TestExcelDate(t *testing.T) {
	cases := []struct {
		serial float64
		d1904  bool
		want   string
	}{
		{1, false, "1900-01-01"}, {59, false, "1900-02-28"}, {60, false, ""}, {61, false, "1900-03-01"},
		{45352, false, "2024-03-01"}, {45658, false, "2025-01-01"}, {2958465, false, "9999-12-31"}, {2958466, false, ""},
		{0, false, ""}, {-1, false, ""}, {0, true, "1904-01-01"}, {43890, true, "2024-03-01"}, {45352.25, false, "2024-03-01 06:00:00"},
	}
	for _, c := range cases {
		got, ok := ExcelDate(c.serial, c.d1904)
		if got != c.want || ok != (c.want != "") {
			t.Errorf("ExcelDate(%v, %v) = %q %v, want %q", c.serial, c.d1904, got, ok, c.want)
		}
	}
}

// Damaged and hostile workbooks are input errors naming the file, sheet
// and cell, in English and German.
func TestReadXLSXErrors(t *testing.T) {
	head := `<row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></c></row>`
	cases := []struct {
		name string
		data []byte
		want string
	}{
		{"a CSV file", []byte("id;titel\nM1;x\n"), `m.xlsx: not an Excel workbook (.xlsx, a zip archive): save it from the spreadsheet as .xlsx, or name a CSV file .csv`},
		{"an old workbook", []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, `m.xlsx: an Excel 97–2003 workbook (.xls)`},
		{"column beyond XFD", handWorkbook(t, `<row r="1"><c r="XFE1"><v>1</v></c></row>`, nil), `m.xlsx: sheet "Maßnahmen", row 1: "XFE1" is not a cell reference (A1 to XFD1048576)`},
		{"four letters", handWorkbook(t, `<row r="1"><c r="AAAA1"><v>1</v></c></row>`, nil), `"AAAA1" is not a cell reference`},
		{"row beyond the last", handWorkbook(t, `<row r="1048577"><c><v>1</v></c></row>`, nil), `m.xlsx: sheet "Maßnahmen": row number "1048577" after row 0: rows are numbered 1 to 1048576, in order`},
		{"rows backwards", handWorkbook(t, head+`<row r="1"/>`, nil), `row number "1" after row 1`},
		{"cells backwards", handWorkbook(t, `<row r="1"><c r="C1"><v>1</v></c><c r="B1"><v>1</v></c></row>`, nil), `row 1: cell B1 comes after column C: cells are in column order`},
		{"cells beyond XFD", handWorkbook(t, `<row r="1"><c r="XFD1"><v>1</v></c><c><v>2</v></c></row>`, nil), `more than 16384 columns`},
		{"missing shared string", handWorkbook(t, `<row r="1"><c r="B1" t="s"><v>3</v></c></row>`, map[string]string{"xl/sharedStrings.xml": testStrings}), `m.xlsx: sheet "Maßnahmen", cell B1: shared string "3" does not exist (the workbook has 3)`},
		{"not a number", handWorkbook(t, head+`<row r="2"><c r="A2"><v>NaN</v></c></row>`, nil), `cell A2: "NaN" is not a number`},
		{"not a boolean", handWorkbook(t, head+`<row r="2"><c r="A2" t="b"><v>2</v></c></row>`, nil), `cell A2: "2" is not a boolean`},
		{"empty sheet", handWorkbook(t, `<row r="1"><c r="A1"/></row>`, nil), `m.xlsx: sheet "Maßnahmen" is empty`},
		{"broken XML", handWorkbook(t, `<row r="1"><c r="A1">`, nil), `m.xlsx: damaged workbook: the part xl/worksheets/sheet1.xml cannot be read: XML syntax error`},
		{"no such sheet", handWorkbook(t, head, nil), `m.xlsx: the workbook has no sheet "Tabelle2"; its sheets: Maßnahmen`},
		{"a long text", handWorkbook(t, `<row r="1"><c r="A1" t="str"><v>`+strings.Repeat("x", 200000)+`</v></c></row>`, nil), `cell A1: the text is longer than a spreadsheet cell holds (32767 characters)`},
		{"a long shared string", handWorkbook(t, head, map[string]string{"xl/sharedStrings.xml": `<sst><si><t>` + strings.Repeat("x", 200000) + `</t></si></sst>`}), `m.xlsx: shared string 0 is longer than`},
	}
	for _, c := range cases {
		sheet := ""
		if c.name == "no such sheet" {
			sheet = "Tabelle2"
		}
		_, err := ReadXLSX(bytes.NewReader(c.data), int64(len(c.data)), "m.xlsx", sheet)
		var ie *InputError
		if !errors.As(err, &ie) || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: got %v, want %s", c.name, err, c.want)
			continue
		}
		if de := lang.New("de").Error(err); de == err.Error() && !strings.Contains(c.want, "XML") {
			t.Errorf("%s: no German text: %s", c.name, de)
		}
	}
}

// A part that unpacks beyond the limit is refused without reading it
// all; a sheet of many empty rows costs nothing kept.
func TestReadXLSXLimits(t *testing.T) {
	big := strings.Repeat(`<row><c/></row>`, 1000)
	data := handWorkbook(t, `<row r="1"><c r="A1"><v>1</v></c></row>`+big, nil)
	got, err := ReadXLSX(bytes.NewReader(data), int64(len(data)), "m.xlsx", "")
	if err != nil || len(got.Rows) != 0 {
		t.Errorf("empty rows: %v %v", got, err)
	}
	c := &cappedReader{r: strings.NewReader(strings.Repeat("x", 100)), left: 10}
	buf := make([]byte, 64)
	n, err := c.Read(buf)
	if n != 11 || !errors.Is(err, errPartTooLarge) {
		t.Errorf("capped read: %d %v", n, err)
	}
}

// FuzzReadXLSX: no workbook makes the reader panic, hang or fail with
// anything but an input error.
func FuzzReadXLSX(f *testing.F) {
	fr := &Frame{}
	fr.Add("id", "id", Text{"M1", "M2"})
	fr.Add("b", "budget", Float{Values: []float64{240000, 0.5}})
	var buf bytes.Buffer
	if err := WriteXLSX(&buf, []Sheet{{"Maßnahmen", fr}}); err != nil {
		f.Fatal(err)
	}
	f.Add(buf.Bytes())
	f.Add(handWorkbook(f, `<row r="2"><c r="B2" t="s" s="1"><v>1</v></c><c r="D2" s="2"><v>45352</v></c></row>`,
		map[string]string{"xl/sharedStrings.xml": testStrings, "xl/styles.xml": testStyles}))
	if data, err := os.ReadFile("testdata/xlsx/libreoffice.xlsx"); err == nil {
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		got, err := ReadXLSX(bytes.NewReader(data), int64(len(data)), "f.xlsx", "")
		if err != nil {
			var ie *InputError
			if !errors.As(err, &ie) || strings.Contains(err.Error(), "the reader failed on it") {
				t.Fatalf("not an input error, or a panic: %v", err)
			}
			return
		}
		for i, row := range got.Rows {
			if len(row) < len(got.Header) || len(got.Number[i]) != len(row) {
				t.Fatalf("row %d: %d cells for a header of %d", i, len(row), len(got.Header))
			}
		}
	})
}

// FuzzReadXLSXParts fuzzes the XML of a sheet, its shared strings and
// styles inside a sound archive (mutations of FuzzReadXLSX's zipped
// bytes mostly break the archive's checksums and never reach the XML).
func FuzzReadXLSXParts(f *testing.F) {
	f.Add(`<row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="inlineStr"><is><r><t>a</t></r><rPh><t>b</t></rPh></is></c></row>`+
		`<row r="3"><c r="B3" s="2"><v>45352</v></c><c t="b"><v>1</v></c><c t="e"><v>#N/A</v></c></row>`, testStrings, testStyles)
	f.Add(`<row><c><v>1e308</v></c><c r="XFD1"><v>-0</v></c></row>`, `<sst><si><t>x</t></si></sst>`, `<styleSheet/>`)
	f.Fuzz(func(t *testing.T, sheet, sst, styles string) {
		data := handWorkbook(t, sheet, map[string]string{"xl/sharedStrings.xml": sst, "xl/styles.xml": styles})
		got, err := ReadXLSX(bytes.NewReader(data), int64(len(data)), "f.xlsx", "")
		if err != nil {
			var ie *InputError
			if !errors.As(err, &ie) || strings.Contains(err.Error(), "the reader failed on it") {
				t.Fatalf("not an input error, or a panic: %v", err)
			}
			return
		}
		if len(got.Rows) != len(got.Lines) || len(got.Rows) != len(got.Number) {
			t.Fatalf("%d rows, %d lines, %d number rows", len(got.Rows), len(got.Lines), len(got.Number))
		}
		for i, row := range got.Rows {
			if len(row) < len(got.Header) || len(got.Number[i]) != len(row) || (i > 0 && got.Lines[i] <= got.Lines[i-1]) {
				t.Fatalf("row %d: %d cells for a header of %d, line %d", i, len(row), len(got.Header), got.Lines[i])
			}
		}
	})
}
