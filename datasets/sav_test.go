package datasets

import (
	"bytes"
	"encoding/binary"
	"encoding/csv"
	"errors"
	"fmt"
	"math"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"planatlas/lang"
)

// savFile reads a test file of testdata/sav.
func savFile(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile("testdata/sav/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func readSavBytes(b []byte, name string, spec Spec) (*Table, *SavDictionary, error) {
	return ReadSav(bytes.NewReader(b), int64(len(b)), name, spec)
}

// umfrageSpec reads every variable of the umfrage files: numbers as
// values, strings as dimensions.
var umfrageSpec = Spec{Key: "Planungsraum", FixedYear: 2025,
	Dims:   []string{"Bezirk", "Bemerkung", "Langtext"},
	Values: []string{"Planungsraum", "Gewicht", "Zufrieden", "Alter", "Schicht", "Einkommen"}}

// TestReadSavAgainstR compares every value with R's foreign::read.spss
// (testdata/sav/dump.R wrote the CSVs): numbers to the last bit, NA
// where the reader has a missing value, strings byte for byte. The
// ZSAV file, which foreign cannot read, holds the same data as the
// compressed .sav and is compared with its CSV; the big-endian file is
// umfrage_uncomp.sav byte-swapped (swapSav).
func TestReadSavAgainstR(t *testing.T) {
	cases := []struct {
		file, csv string
		spec      Spec
	}{
		{"umfrage_comp.sav", "umfrage_comp.sav.R.csv", umfrageSpec},
		{"umfrage_uncomp.sav", "umfrage_uncomp.sav.R.csv", umfrageSpec},
		{"umfrage_be.sav", "umfrage_be.sav.R.csv", umfrageSpec},
		{"umfrage.zsav", "umfrage_comp.sav.R.csv", umfrageSpec},
		{"klein_comp.sav", "klein_comp.sav.R.csv", Spec{Key: "Planungsraum", Dims: []string{"Bezirk", "Langtext"}, Values: []string{"Planungsraum", "Zufrieden", "Einkommen"}}},
		{"klein.zsav", "klein_comp.sav.R.csv", Spec{Key: "Planungsraum", Dims: []string{"Bezirk", "Langtext"}, Values: []string{"Planungsraum", "Zufrieden", "Einkommen"}}},
		{"cp1252.sav", "cp1252.sav.R.csv", Spec{Key: "Gebiet", FixedYear: 2025, Dims: []string{"Gebiet"}, Values: []string{"Anzahl", "Anteil"}}},
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			tab, _, err := readSavBytes(savFile(t, c.file), c.file, c.spec)
			if err != nil {
				t.Fatal(err)
			}
			rows, err := csv.NewReader(bytes.NewReader(savFile(t, c.csv))).ReadAll()
			if err != nil {
				t.Fatal(err)
			}
			if tab.Len() != len(rows)-1 {
				t.Fatalf("%d cases, R has %d", tab.Len(), len(rows)-1)
			}
			checked := 0
			for j, col := range rows[0] {
				for i, row := range rows[1:] {
					want := row[j]
					switch {
					case tab.ValueIndex(col) >= 0:
						k := tab.ValueIndex(col)
						got := "NA"
						if v := tab.Values[k][i]; !math.IsNaN(v) {
							got = fmt.Sprintf("%.17g", v)
						} else if tab.Flags[k][i]&Missing == 0 {
							t.Errorf("%s case %d: NaN without a missing flag", col, i+1)
						}
						if got != want {
							t.Errorf("%s case %d: %s, R has %s", col, i+1, got, want)
						}
					case tab.DimIndex(col) >= 0:
						if got := tab.Dim(tab.DimIndex(col), i); got != want {
							t.Errorf("%s case %d: %q, R has %q", col, i+1, got, want)
						}
					default:
						t.Fatalf("column %s not read", col)
					}
					checked++
				}
			}
			if checked != len(rows[0])*(len(rows)-1) {
				t.Errorf("checked %d cells", checked)
			}
		})
	}
}

// TestReadSavTable checks what R cannot show: the area key as SPSS
// prints it, the missing values' flags and the case numbers.
func TestReadSavTable(t *testing.T) {
	for _, file := range []string{"umfrage_comp.sav", "umfrage_uncomp.sav", "umfrage.zsav", "umfrage_be.sav"} {
		tab, d, err := readSavBytes(savFile(t, file), file, Spec{Key: "Planungsraum", FixedYear: 2025,
			Dims: []string{"Alter", "Einkommen"}, Values: []string{"Zufrieden", "Einkommen"}})
		if err != nil {
			t.Fatal(err)
		}
		if want := []string{"0101", "0102", "0103", "1204", "1205"}; !slices.Equal(keysOf(tab), want) {
			t.Errorf("%s: keys %q, want %q (N4)", file, keysOf(tab), want)
		}
		if want := []int{2025, 2025, 2025, 2025, 2025}; !slices.Equal(yearsOf(tab), want) {
			t.Errorf("%s: years %v", file, yearsOf(tab))
		}
		if want := []int{1, 2, 3, 4, 5}; !slices.Equal(linesOf(tab), want) || !tab.ByRow || tab.Unit != "case" {
			t.Errorf("%s: lines %v, by row %v, unit %q", file, linesOf(tab), tab.ByRow, tab.Unit)
		}
		if want := []Flag{0, 0, SourceMissing, 0, Empty}; !slices.Equal(tab.Flags[0], want) {
			t.Errorf("%s: Zufrieden flags %v, want %v (9 user-missing, system-missing)", file, tab.Flags[0], want)
		}
		if want := []Flag{0, 0, SourceMissing, SourceMissing, 0}; !slices.Equal(tab.Flags[1], want) {
			t.Errorf("%s: Einkommen flags %v, want %v (-1 and 99999 user-missing)", file, tab.Flags[1], want)
		}
		// Dimensions as printed: F3.0 without decimals, F8.2 with two;
		// system-missing is empty, user-missing kept.
		if want := []string{"34", "71", "", "45", "18"}; !slices.Equal(dimOf(tab, 0), want) {
			t.Errorf("%s: Alter %q, want %q", file, dimOf(tab, 0), want)
		}
		if want := []string{"2100.50", "1800.00", "-1.00", "99999.00", "3200.25"}; !slices.Equal(dimOf(tab, 1), want) {
			t.Errorf("%s: Einkommen %q, want %q", file, dimOf(tab, 1), want)
		}
		if got := tab.Loc(2); got != file+": case 3" {
			t.Errorf("Loc %q", got)
		}
		if got := lang.New("de").Message(tab.LocMessage(2)); got != file+": Fall 3" {
			t.Errorf("German Loc %q", got)
		}
		if d.Weight != "Gewicht" || d.Cases != 5 {
			t.Errorf("%s: weight %q, cases %d", file, d.Weight, d.Cases)
		}
	}
}

// TestReadSavDictionary checks the dictionary of each file.
func TestReadSavDictionary(t *testing.T) {
	type want struct {
		compression int
		bigEndian   bool
		encoding    string
	}
	files := map[string]want{
		"umfrage_comp.sav":   {1, false, "UTF-8"},
		"umfrage_uncomp.sav": {0, false, "UTF-8"},
		"umfrage.zsav":       {2, false, "UTF-8"},
		"umfrage_be.sav":     {0, true, "UTF-8"},
	}
	for file, w := range files {
		b := savFile(t, file)
		d, err := ReadSavDictionary(bytes.NewReader(b), int64(len(b)), file)
		if err != nil {
			t.Fatal(err)
		}
		if d.Compression != w.compression || d.BigEndian != w.bigEndian || d.Encoding != w.encoding || len(d.Notes) != 0 {
			t.Errorf("%s: compression %d, big-endian %v, encoding %q, notes %v", file, d.Compression, d.BigEndian, d.Encoding, d.Notes)
		}
		names := []string{"Planungsraum", "Gewicht", "Zufrieden", "Alter", "Bezirk", "Bemerkung", "Schicht", "Einkommen", "Langtext"}
		if cols, err := SavColumns(bytes.NewReader(b), int64(len(b)), file); err != nil || !slices.Equal(cols, names) {
			t.Errorf("%s: names %q %v", file, cols, err)
		}
		checkSavVariables(t, file, d)
		if l := d.Variable("Zufrieden").LabelOf(9); l != "weiß nicht" {
			t.Errorf("%s: label of 9: %q", file, l)
		}
	}
}

func checkSavVariables(t *testing.T, file string, d *SavDictionary) {
	t.Helper()
	vars := []struct {
		name, short, label, print string
		width                     int
		measure                   SavMeasure
		labels                    string
		missing                   string
	}{
		{"Planungsraum", "PLANUNGS", "Planungsraum (LOR)", "N4", 0, MeasureScale, "", "{[] [] false 0 0}"},
		{"Gewicht", "GEWICHT", "Gewichtungsfaktor", "F9.3", 0, MeasureScale, "", "{[] [] false 0 0}"},
		{"Zufrieden", "ZUFRIEDE", "Zufriedenheit mit der Wohngegend", "F1", 0, MeasureOrdinal,
			"1=sehr zufrieden 2=zufrieden 3=teils/teils 4=unzufrieden 5=sehr unzufrieden 9=weiß nicht", "{[9] [] false 0 0}"},
		{"Alter", "ALTER", "", "F3", 0, MeasureScale, "", "{[] [] true -Inf 0}"},
		{"Bezirk", "BEZIRK", "", "A12", 12, MeasureNominal, "Mitte=Bezirk Mitte Köpenick=Treptow-Köpenick", "{[] [] false 0 0}"},
		{"Bemerkung", "BEMERKUN", "Bemerkung (Freitext)", "A40", 40, MeasureNominal, "ÄÖÜäöüß=Umlaute (Test)", `{[] [""] false 0 0}`},
		{"Schicht", "SCHICHT", "", "F2", 0, MeasureScale, "", "{[] [] false 0 0}"},
		{"Einkommen", "EINKOMME", "Haushaltsnettoeinkommen in €", "F9.2", 0, MeasureScale, "", "{[-1 99999] [] false 0 0}"},
		{"Langtext", "LANGTEXT", "", "A255", 300, MeasureNominal, "", "{[] [] false 0 0}"},
	}
	for _, w := range vars {
		v := d.Variable(w.name)
		if v == nil {
			t.Errorf("%s: no variable %s", file, w.name)
			continue
		}
		var labels []string
		for _, l := range v.ValueLabels {
			if v.IsString() {
				labels = append(labels, l.Text+"="+l.Label)
			} else {
				labels = append(labels, fmt.Sprintf("%g=%s", l.Value, l.Label))
			}
		}
		missing := fmt.Sprintf("{%v %q %v %v %v}", v.Missing.Values, v.Missing.Texts, v.Missing.Range, v.Missing.Low, v.Missing.High)
		missing = strings.ReplaceAll(missing, "[] ", "[] ")
		if v.ShortName != w.short || v.Label != w.label || v.Print.String() != w.print || v.Width != w.width ||
			v.Measure != w.measure || strings.Join(labels, " ") != w.labels || missing != strings.Replace(w.missing, "[] []", "[] []", 1) {
			t.Errorf("%s: %s: short %q label %q print %s width %d measure %v labels %q missing %s",
				file, w.name, v.ShortName, v.Label, v.Print, v.Width, v.Measure, strings.Join(labels, " "), missing)
		}
	}
}

// TestReadSavWindows1252 reads the file PSPP wrote in Windows-1252: its
// labels are decoded, its string key keeps its leading zero.
func TestReadSavWindows1252(t *testing.T) {
	b := savFile(t, "cp1252.sav")
	tab, d, err := readSavBytes(b, "cp1252.sav", Spec{Key: "Gebiet", FixedYear: 2025, Values: []string{"Anzahl", "Anteil"}})
	if err != nil {
		t.Fatal(err)
	}
	if d.Encoding != "WINDOWS-1252" || d.Variable("Anzahl").Label != "Anzahl der Befragten (Größe)" ||
		d.Variable("Anteil").ValueLabels[0].Label != "nicht ermittelbar (Straße)" {
		t.Errorf("encoding %q, labels %+v", d.Encoding, d.Variables)
	}
	if m := d.Variable("Anteil").Missing; !m.Range || m.Low != 99 || !math.IsInf(m.High, 1) {
		t.Errorf("Anteil missing %+v, want 99 THRU HI", m)
	}
	if !slices.Equal(keysOf(tab), []string{"01", "02", "10"}) || !slices.Equal(tab.Flags[1], []Flag{0, Empty, SourceMissing}) {
		t.Errorf("keys %q, flags %v", keysOf(tab), tab.Flags[1])
	}
}

// TestReadSavSpecErrors checks the errors about a plan's columns.
func TestReadSavSpecErrors(t *testing.T) {
	cases := []struct {
		spec Spec
		want string
	}{
		{Spec{Key: "Planungsraum", Values: []string{"Bezirk"}}, `umfrage_comp.sav: column "Bezirk": is a string variable (format A12); a value column must be numeric`},
		{Spec{Key: "Planungsraumm", Values: []string{"Gewicht"}}, `umfrage_comp.sav: area key column "Planungsraumm" not found; did you mean "Planungsraum"? (columns: "Planungsraum", "Gewicht", "Zufrieden", "Alter", "Bezirk", "Bemerkung", "Schicht", "Einkommen", "Langtext")`},
		{Spec{Key: "Einkommen", Values: []string{"Gewicht"}}, `umfrage_comp.sav: column "Einkommen": the area key has decimals (format F9.2): an area key must be an integer or text`},
		{Spec{Key: "Alter", Values: []string{"Gewicht"}}, `umfrage_comp.sav: case 3: column "Alter": the area key is empty`},
		{Spec{Key: "Planungsraum", Year: "Alter", Values: []string{"Gewicht"}}, `umfrage_comp.sav: case 1: column "Alter": "34" `},
	}
	b := savFile(t, "umfrage_comp.sav")
	for _, c := range cases {
		_, _, err := readSavBytes(b, "umfrage_comp.sav", c.spec)
		var ie *InputError
		if !errors.As(err, &ie) || !strings.HasPrefix(err.Error(), c.want) {
			t.Errorf("%+v: got %v, want %s", c.spec, err, c.want)
		}
	}
	_, _, err := readSavBytes(b, "u.sav", Spec{Key: "Alter", Values: []string{"Gewicht"}})
	var ie *InputError
	if !errors.As(err, &ie) || !strings.HasPrefix(ie.Localize(lang.New("de")), "u.sav: Fall 3: ") {
		t.Errorf("German: %v", err)
	} else {
		t.Log(ie.Localize(lang.New("de")))
	}
	// Declared codes of the plan count as missing, like user-missing ones.
	tab, _, err := readSavBytes(b, "x.sav", Spec{Key: "Planungsraum", Values: []string{"Schicht"}, Missing: MissingCodes{All: []string{"3"}}})
	if err != nil || !slices.Equal(tab.Flags[0], []Flag{0, 0, 0, 0, SourceMissing}) {
		t.Errorf("declared code: %v %v", err, tab.Flags)
	}
}

// patch returns a copy of b with the int32 at the offset of the k-th
// match of pattern (plus delta) set to v, in little-endian order.
func patch(t *testing.T, b []byte, pattern []byte, k, delta int, v uint32) []byte {
	t.Helper()
	out, at := bytes.Clone(b), -1
	for range k + 1 {
		i := bytes.Index(out[at+1:], pattern)
		if i < 0 {
			t.Fatalf("pattern %x not found", pattern)
		}
		at += 1 + i
	}
	binary.LittleEndian.PutUint32(out[at+delta:], v)
	return out
}

func le32(vs ...uint32) []byte {
	var b []byte
	for _, v := range vs {
		b = binary.LittleEndian.AppendUint32(b, v)
	}
	return b
}

// TestReadSavHostile feeds damaged and hostile files: each must fail
// at once with an *InputError naming the file and what is wrong.
func TestReadSavHostile(t *testing.T) {
	comp, uncomp, zsav := savFile(t, "umfrage_comp.sav"), savFile(t, "umfrage_uncomp.sav"), savFile(t, "umfrage.zsav")
	huge := uint32(0x7fffffff)
	cases := []struct {
		name string
		b    []byte
		want string
	}{
		{"not spss", []byte(strings.Repeat("Gebiet;Anzahl\n", 20)), "not an SPSS system file"},
		{"short", uncomp[:100], "bytes are too few for its header"},
		{"layout code", patch(t, uncomp, le32(2, 51), 0, 0, 7), "layout code 7 is neither 2 nor 3"},
		{"compression", patch(t, uncomp, le32(2, 51), 0, 8, 5), "unsupported SPSS compression 5"},
		{"zsav as sav", patch(t, zsav, le32(2, 51), 0, 8, 1), "unsupported SPSS compression 1"},
		{"cases uncompressed", patch(t, uncomp, le32(2, 51), 0, 16, huge), "the header declares 2147483647 cases, the file holds data for 5 at most"},
		{"cases compressed", patch(t, comp, le32(2, 51), 0, 16, huge), "case 6: the data end after 5 of the 2147483647 cases"},
		{"cases zsav", patch(t, zsav, le32(2, 51), 0, 16, 6), "case 6: the data end after 5 of the 6 cases"},
		{"label length", patch(t, comp, le32(2, 0, 1), 0, 32, huge), "entries of at least 1 bytes"},
		{"missing count", patch(t, comp, le32(2, 0, 1, 0), 0, 12, 9), "missing value count 9"},
		{"value labels", patch(t, comp, le32(3, 6), 0, 4, huge), "value label record at byte"},
		{"label index", patch(t, comp, le32(4, 1, 3), 0, 8, 999), "value labels for variable 999"},
		{"label on continuation", patch(t, comp, le32(4, 1, 3), 0, 8, 6), "does not begin a variable"},
		{"label on long string", patch(t, comp, le32(4, 1, 3), 0, 8, 7), `value labels for the string "Bemerkung" of 40 bytes belong in a long string label record`},
		{"extension count", patch(t, comp, le32(7, 11, 4), 0, 12, huge), "subtype 11 declares 2147483647 elements of 4 bytes"},
		{"extension size", patch(t, comp, le32(7, 11, 4), 0, 8, huge), "elements of 2147483647 bytes"},
		{"long label length", patch(t, comp, append(le32(9), "Bemerkung"...), 0, 0, huge), "long string value label record"},
		{"record type", patch(t, comp, le32(999, 0), 0, 0, 998), "unknown record type 998"},
		{"weight", patch(t, comp, le32(2, 51), 0, 12, 5), "the weight variable (element 5) is no numeric variable"},
		{"zsav trailer", patch(t, zsav, le32(0xffffff9c, 0xffffffff, 0, 0), 0, 20, huge), "the ZSAV trailer declares 2147483647 blocks"},
		{"zsav block size", patch(t, zsav, le32(0xffffff9c, 0xffffffff, 0, 0), 0, 16, 16), "does not fit the file"},
		{"zsav block inflates too much", patch(t, patch(t, zsav, le32(0xffffff9c, 0xffffffff, 0, 0), 0, 16, huge), le32(0xffffff9c, 0xffffffff, 0, 0), 0, 40, huge), "inflating to 2147483647"},
		{"zsav block damaged", zlibDamaged(t, zsav), "case 1: damaged SPSS file: zlib block 1 cannot be read"},
	}
	for _, c := range cases {
		start := time.Now()
		_, _, err := readSavBytes(c.b, "bad.sav", umfrageSpec)
		var ie *InputError
		if !errors.As(err, &ie) || ie.File != "bad.sav" || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: got %v, want %q", c.name, err, c.want)
		}
		if d := time.Since(start); d > time.Second {
			t.Errorf("%s: took %v", c.name, d)
		}
	}
}

// TestReadSavTruncated cuts every file at many offsets: each cut must
// be an *InputError (or, cut after the last case of a file whose header
// does not count them, a shorter table), never a panic.
func TestReadSavTruncated(t *testing.T) {
	for _, file := range []string{"umfrage_comp.sav", "umfrage_uncomp.sav", "umfrage.zsav", "umfrage_be.sav", "cp1252.sav"} {
		b, spec := savFile(t, file), umfrageSpec
		if file == "cp1252.sav" {
			spec = Spec{Key: "Gebiet", Values: []string{"Anzahl", "Anteil"}}
		}
		for cut := 0; cut < len(b); cut += 1 + cut/16 {
			_, _, err := readSavBytes(b[:cut], file, spec)
			var ie *InputError
			if !errors.As(err, &ie) || ie.File != file {
				t.Errorf("%s cut at %d: %v", file, cut, err)
			}
		}
	}
}

// TestReadSavMixedLabels gives the string key's value labels to a
// numeric variable too: one label set for both kinds contradicts the
// dictionary and is refused. (A set for one variable cannot be checked:
// the label record does not say which kind its values are.)
func TestReadSavMixedLabels(t *testing.T) {
	b := savFile(t, "cp1252.sav")
	i := bytes.Index(b, le32(4, 1, 1))
	if i < 0 {
		t.Fatal("no index record for Gebiet")
	}
	mixed := append(append(bytes.Clone(b[:i]), le32(4, 2, 1, 2)...), b[i+12:]...)
	_, _, err := readSavBytes(mixed, "m.sav", Spec{Key: "Gebiet", Values: []string{"Anzahl"}})
	if err == nil || !strings.Contains(err.Error(), `one set of value labels for numeric and string variables ("Anzahl")`) {
		t.Errorf("got %v", err)
	}
	// The file as written reads.
	if _, d, err := readSavBytes(b, "m.sav", Spec{Key: "Gebiet", Values: []string{"Anzahl"}}); err != nil ||
		fmt.Sprint(d.Variable("Gebiet").ValueLabels) != "[{0 01 Innenstadt}]" {
		t.Errorf("%v %v", err, d)
	}
}

// TestReadSavNotes checks that an optional record naming a variable the
// file does not have is ignored with a note.
func TestReadSavNotes(t *testing.T) {
	b := bytes.Clone(savFile(t, "umfrage_comp.sav"))
	i := bytes.Index(b, append(le32(9), "Bemerkung"...))
	copy(b[i+4:], "Bemerkunx")
	tab, d, err := readSavBytes(b, "x.sav", umfrageSpec)
	if err != nil || tab.Len() != 5 {
		t.Fatal(err)
	}
	if len(d.Notes) != 1 || d.Notes[0].String() != `value labels for variable "Bemerkunx", which the file does not have: ignored` {
		t.Errorf("notes %v", d.Notes)
	}
	if len(d.Variable("Bemerkung").ValueLabels) != 0 {
		t.Errorf("labels applied to the wrong variable")
	}
}

func TestSavNumberText(t *testing.T) {
	cases := []struct {
		x     float64
		f     SavFormat
		fixed bool
		want  string
		bad   bool
	}{
		{101, SavFormat{Type: 16, Width: 4}, true, "0101", false},
		{12345, SavFormat{Type: 16, Width: 4}, true, "12345", false},
		{101, SavFormat{Type: 5, Width: 8}, true, "101", false},
		{-3, SavFormat{Type: 5, Width: 8}, true, "-3", false},
		{1.5, SavFormat{Type: 5, Width: 8}, true, "", true},
		{1.5, SavFormat{Type: 5, Width: 8, Decimals: 2}, false, "1.50", false},
		{1e300, SavFormat{Type: 5, Width: 8}, true, "", true},
	}
	for _, c := range cases {
		got, bad := savNumberText(c.x, c.f, c.fixed)
		if got != c.want || (bad.Format != "") != c.bad {
			t.Errorf("%v %v: %q %v", c.x, c.f, got, bad)
		}
	}
	if s := strconv.Itoa(len(savFormatNames)); s == "0" {
		t.Error("no formats")
	}
}

// zlibDamaged overwrites the deflate data of the first block of a ZSAV
// file, after its two-byte zlib header.
func zlibDamaged(t *testing.T, zsav []byte) []byte {
	b := bytes.Clone(zsav)
	i := bytes.Index(b, le32(999, 0))
	if i < 0 {
		t.Fatal("no dictionary end")
	}
	start := int(binary.LittleEndian.Uint64(b[i+8:])) + 24
	for k := start + 2; k < start+40; k++ {
		b[k] = 0xff
	}
	return b
}

// TestReadSavUnknownCount reads files whose header does not count the
// cases (-1, as some writers do): the data end decides.
func TestReadSavUnknownCount(t *testing.T) {
	for _, file := range []string{"umfrage_comp.sav", "umfrage_uncomp.sav", "umfrage.zsav"} {
		b := patch(t, savFile(t, file), le32(2, 51), 0, 16, 0xffffffff)
		tab, d, err := readSavBytes(b, file, umfrageSpec)
		if err != nil || d.Cases != -1 || tab.Len() != 5 || tab.Values[5][4] != 3200.25 {
			t.Errorf("%s: %v, cases %v", file, err, tab)
		}
		// Cut within the last case: an error, not four cases.
		_, _, err = readSavBytes(b[:len(b)-9], file, umfrageSpec)
		if file != "umfrage.zsav" && (err == nil || !strings.Contains(err.Error(), "case 5: damaged SPSS file: the data end within the case")) {
			t.Errorf("%s cut: %v", file, err)
		}
	}
}

// TestReadSavEveryInt32 overwrites every int32 of the small files, in
// turn, with values a hostile or damaged file might hold there: each
// must read or fail with an *InputError, at once, never panic.
func TestReadSavEveryInt32(t *testing.T) {
	spec := Spec{Key: "Planungsraum", Dims: []string{"Bezirk", "Langtext"}, Values: []string{"Zufrieden", "Einkommen"}}
	start := time.Now()
	runs := 0
	for _, file := range []string{"klein_comp.sav", "klein.zsav", "cp1252.sav"} {
		orig := savFile(t, file)
		b := bytes.Clone(orig)
		for off := 0; off+4 <= len(b); off++ {
			for _, v := range []uint32{0, 0xffffffff, 0x7fffffff, 300} {
				binary.LittleEndian.PutUint32(b[off:], v)
				_, _, err := readSavBytes(b, file, spec)
				var ie *InputError
				if err != nil && (!errors.As(err, &ie) || ie.File != file) {
					t.Fatalf("%s, %d at %d: %v", file, v, off, err)
				}
				runs++
			}
			copy(b[off:off+4], orig[off:])
		}
	}
	if d := time.Since(start); d > 3*time.Second {
		t.Errorf("%d runs took %v", runs, d)
	}
}
