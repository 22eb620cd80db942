package datasets

import (
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func readTestCSV(t *testing.T, name string, spec Spec, opt CSVOptions) (*Table, error) {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	return ReadCSV(f, name, spec, opt)
}

// The same small table written three ways: German (";", decimal comma,
// UTF-8 with BOM), international (",", decimal point) and a tab-separated
// Windows-1252 export. Each must give the same keys, names and numbers.
func TestReadCSVConventions(t *testing.T) {
	spec := Spec{Key: "planungsraum", Year: "jahr", Dims: []string{"name"}, Values: []string{"arbeitslose", "quote"}}
	tests := []struct {
		file     string
		delim    rune
		enc      Encoding
		names    []string
		arbeitsl []float64
		flagsA   []Flag
		quote    []float64
		flagsQ   []Flag
	}{
		{"de_bom.csv", ';', EncodingUTF8, []string{"Altstadt", "Mühlgraben", "Süd"},
			[]float64{1234, math.NaN(), math.NaN()}, []Flag{0, Confidential, NotMeaningful},
			[]float64{12.5, math.NaN(), 3.4}, []Flag{0, Nothing, Uncertain}},
		{"en_comma.csv", ',', EncodingUTF8, []string{"Altstadt", "Mühlgraben", "Süd"},
			[]float64{1234, math.NaN(), math.NaN()}, []Flag{0, Confidential, NotMeaningful},
			[]float64{12.5, math.NaN(), 3.4}, []Flag{0, Nothing, Uncertain}},
		{"cp1252_tab.csv", '\t', EncodingWindows1252, []string{"Altstadt", "Mühlgraben", "Süd"},
			[]float64{1234, math.NaN(), 7}, []Flag{0, Empty, 0},
			[]float64{12.5, 0.5, 3.4}, []Flag{0, 0, 0}},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			tab, err := readTestCSV(t, tc.file, spec, CSVOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if got := strings.Join(keysOf(tab), " "); got != "01 02 010" {
				t.Errorf("keys = %q, want leading zeros kept: %q", got, "01 02 010")
			}
			if got := strings.Join(dimOf(tab, 0), "|"); got != strings.Join(tc.names, "|") {
				t.Errorf("names = %q, want %q", got, strings.Join(tc.names, "|"))
			}
			for i := range tc.arbeitsl {
				if !sameFloat(tab.Values[0][i], tc.arbeitsl[i]) || tab.Flags[0][i] != tc.flagsA[i] {
					t.Errorf("arbeitslose[%d] = %v %v, want %v %v", i, tab.Values[0][i], tab.Flags[0][i], tc.arbeitsl[i], tc.flagsA[i])
				}
				if !sameFloat(tab.Values[1][i], tc.quote[i]) || tab.Flags[1][i] != tc.flagsQ[i] {
					t.Errorf("quote[%d] = %v %v, want %v %v", i, tab.Values[1][i], tab.Flags[1][i], tc.quote[i], tc.flagsQ[i])
				}
			}
			if tab.Year(0) != 2023 || tab.Line(0) != 2 || tab.Line(2) != 4 {
				t.Errorf("year %d, lines %v", tab.Year(0), linesOf(tab))
			}
			f, _ := os.Open(filepath.Join("testdata", tc.file))
			defer f.Close()
			info, err := ReadCSVHeader(f, tc.file, CSVOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if info.Delimiter != tc.delim || info.Encoding != tc.enc || info.Header[0] != "planungsraum" {
				t.Errorf("detected %q %q %q, want %q %q", info.Delimiter, info.Encoding, info.Header[0], tc.delim, tc.enc)
			}
		})
	}
}

func sameFloat(a, b float64) bool {
	return a == b || math.IsNaN(a) && math.IsNaN(b) || math.Abs(a-b) < 1e-12
}

// Every bad file stops with one message that names file, line, column
// and the offending text.
func TestReadCSVErrors(t *testing.T) {
	spec := Spec{Key: "planungsraum", Year: "jahr", Values: []string{"arbeitslose"}}
	tests := []struct {
		file string
		spec Spec
		opt  CSVOptions
		want string
	}{
		{"notnumber.csv", spec, CSVOptions{}, `notnumber.csv:3: column "arbeitslose": "12x" is not a number`},
		{"mixed.csv", Spec{Key: "planungsraum", Year: "jahr", Values: []string{"quote"}}, CSVOptions{},
			`mixed.csv:3: column "quote": "3.25" is written with a decimal point, but line 2 (column "quote") has "12,5" with a decimal comma: mixed decimal conventions`},
		{"mixed.csv", Spec{Key: "planungsraum", Year: "jahr", Values: []string{"quote"}}, CSVOptions{Decimal: DecimalComma},
			`mixed.csv:3: column "quote": "3.25" looks like a number with a decimal point, but this file uses a decimal comma: mixed decimal conventions`},
		{"empty.csv", spec, CSVOptions{}, `empty.csv: the file is empty`},
		{"headeronly.csv", spec, CSVOptions{}, `headeronly.csv: the file has a header but no data rows`},
		{"badencoding.csv", Spec{Key: "planungsraum", Year: "jahr", Dims: []string{"name"}}, CSVOptions{},
			`badencoding.csv:2: byte 0x81 is neither UTF-8 nor Windows-1252`},
		{"bommiddle.csv", spec, CSVOptions{}, `bommiddle.csv:3: byte order mark (BOM) inside the file`},
		{"fields.csv", spec, CSVOptions{}, `fields.csv:3: the line has 2 fields, the header 3 (delimiter ";")`},
		{"codeundeclared.csv", spec, CSVOptions{}, `codeundeclared.csv:3: column "arbeitslose": "k.A." is not a number; if it stands for a missing value, declare it for the input: missing: ["k.A."]`},
		{"nan.csv", spec, CSVOptions{}, `nan.csv:2: column "arbeitslose": "NaN" is not a number (NaN and infinity are not accepted)`},
		{"badyear.csv", spec, CSVOptions{}, `badyear.csv:3: column "jahr": "20x3" is not a year`},
		{"notnumber.csv", Spec{Key: "planungsraum", Year: "jahr", Values: []string{"arbeitslos"}}, CSVOptions{},
			`notnumber.csv:1: value column "arbeitslos" not found; did you mean "arbeitslose"?`},
		{"comma_header.csv", spec, CSVOptions{Delimiter: ';'},
			`comma_header.csv:1: area key column "planungsraum" not found; the header is a single column "planungsraum,jahr,arbeitslose": the file seems to be delimited by ",", not ";"`},
		{"badquote.csv", Spec{Key: "planungsraum", Year: "jahr", Values: []string{"ew"}}, CSVOptions{},
			`badquote.csv:2: a quoted field is not closed`},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			_, err := readTestCSV(t, tc.file, tc.spec, tc.opt)
			if err == nil {
				t.Fatalf("no error, want %q", tc.want)
			}
			if !strings.HasPrefix(err.Error(), tc.want) {
				t.Errorf("error\n  %s\nwant prefix\n  %s", err, tc.want)
			}
			if ie, ok := err.(*InputError); !ok || !ie.BadInput() {
				t.Errorf("error type %T, want *InputError", err)
			}
		})
	}
}

func TestCheckUnique(t *testing.T) {
	tab, err := readTestCSV(t, "duplicate.csv", Spec{Key: "planungsraum", Year: "jahr", Values: []string{"arbeitslose"}}, CSVOptions{})
	if err != nil {
		t.Fatal(err)
	}
	err = tab.CheckUnique()
	want := `duplicate.csv:3: duplicate row for area "01", year 2023: the same as line 2`
	if err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Errorf("CheckUnique() = %v, want %q", err, want)
	}
}

func TestSuggest(t *testing.T) {
	cands := []string{"einwohner", "arbeitslose", "klima", "Arbeitslose", "sgb2_quote"}
	tests := map[string]string{
		"einwohnr":      "einwohner",
		"arbeitslos":    "Arbeitslose", // sorted first among equals
		"klimadaten":    "klima",
		"einwohnerzahl": "einwohner",
		"sgb2quote":     "sgb2_quote",
		"xyz":           "",
		"ew":            "",
	}
	for in, want := range tests {
		if got := Suggest(in, cands); got != want {
			t.Errorf("Suggest(%q) = %q, want %q", in, got, want)
		}
	}
}
