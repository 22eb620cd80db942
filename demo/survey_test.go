package demo

import (
	"bytes"
	"encoding/json"
	"io/fs"
	"math"
	"testing"

	"planatlas/datasets"
)

// surveyItems are the answer variables of befragung.sav with their
// user-missing code (0: none).
var surveyItems = []struct {
	name    string
	missing float64
}{{"F01_Kita", 9}, {"F02_Spiel", 9}, {"F03_Sicher", 9}, {"F04_Belastung", 9}, {"F05_Kinder", 0}}

// The demo survey must read with planatlas's own SPSS reader as a
// planner would read it: N4 area keys as the four-digit keys of the
// geometries, labels intact and "keine Angabe" as missing.
func TestSurveyReadsWithReadSav(t *testing.T) {
	values := []string{"Gewicht", "Geschlecht", "Altersgruppe"}
	for _, it := range surveyItems {
		values = append(values, it.name)
	}
	tab, dict := readSurvey(t, values...)
	if dict.Label != "Familienbefragung Musterstadt 2024 (synthetisch)" || dict.Encoding != "UTF-8" {
		t.Errorf("file label %q, encoding %q", dict.Label, dict.Encoding)
	}
	if tab.Len() < 1900 || tab.Len() > 2100 {
		t.Errorf("%d respondents, want about 2000", tab.Len())
	}
	ids := areaIDs(t)
	for i := range tab.Len() {
		k := tab.Key(i)
		if !ids[k] {
			t.Fatalf("case %d: key %q is not a pr_id of planungsraeume.geojson", i+1, k)
		}
	}
	checkLabels(t, dict)
	for j, it := range surveyItems {
		v := dict.Variable(it.name)
		col := tab.Values[3+j]
		nan := 0
		for i, x := range col {
			switch {
			case math.IsNaN(x):
				nan++
				if tab.Flags[3+j][i]&datasets.SourceMissing == 0 {
					t.Errorf("%s case %d: NaN without SourceMissing", it.name, i+1)
				}
			case x == 9 || x < 1 || x > 6:
				t.Errorf("%s case %d: %v", it.name, i+1, x)
			}
		}
		share := float64(nan) / float64(len(col))
		switch {
		case it.missing == 0 && (nan > 0 || len(v.Missing.Values) > 0):
			t.Errorf("%s: %d missing, declared %v", it.name, nan, v.Missing.Values)
		case it.missing != 0 && (len(v.Missing.Values) != 1 || v.Missing.Values[0] != it.missing):
			t.Errorf("%s: user-missing %v, want [%v]", it.name, v.Missing.Values, it.missing)
		case it.missing != 0 && (share < 0.03 || share > 0.08):
			t.Errorf("%s: %.1f %% keine Angabe, want 3–8 %%", it.name, 100*share)
		}
	}
}

// readSurvey reads befragung.sav with ReadSav: the area key, the district
// as a dimension and the values.
func readSurvey(t *testing.T, values ...string) (*datasets.Table, *datasets.SavDictionary) {
	t.Helper()
	raw, err := fs.ReadFile(FS(), "befragung.sav")
	if err != nil {
		t.Fatal(err)
	}
	spec := datasets.Spec{Key: "Planungsraum", FixedYear: 2024, Dims: []string{"Bezirk"}, Values: values}
	tab, dict, err := datasets.ReadSav(bytes.NewReader(raw), int64(len(raw)), "befragung.sav", spec)
	if err != nil {
		t.Fatal(err)
	}
	return tab, dict
}

// checkLabels checks the formats and some value labels of the dictionary.
func checkLabels(t *testing.T, dict *datasets.SavDictionary) {
	t.Helper()
	if f := dict.Variable("Planungsraum").Print.String(); f != "N4" {
		t.Errorf("Planungsraum has format %s, want N4", f)
	}
	want := map[string]map[float64]string{
		"Geschlecht":    {1: "männlich", 2: "weiblich"},
		"Altersgruppe":  {1: "18–29", 2: "30–44", 3: "45–64"},
		"F01_Kita":      {1: "sehr unzufrieden", 5: "sehr zufrieden", 9: "keine Angabe"},
		"F03_Sicher":    {1: "trifft gar nicht zu", 5: "trifft voll zu"},
		"F04_Belastung": {1: "ja", 2: "nein", 9: "keine Angabe"},
	}
	for name, labels := range want {
		got := map[float64]string{}
		for _, l := range dict.Variable(name).ValueLabels {
			got[l.Value] = l.Label
		}
		for v, l := range labels {
			if got[v] != l {
				t.Errorf("%s: value %v labelled %q, want %q", name, v, got[v], l)
			}
		}
	}
	if m := dict.Variable("F02_Spiel").Measure; m != datasets.MeasureOrdinal {
		t.Errorf("F02_Spiel is %v, want ordinal", m)
	}
}

// areaIDs returns the pr_id values of the demo's geometries.
func areaIDs(t *testing.T) map[string]bool {
	t.Helper()
	raw, err := fs.ReadFile(FS(), "planungsraeume.geojson")
	if err != nil {
		t.Fatal(err)
	}
	var fc struct {
		Features []struct {
			Properties struct {
				ID string `json:"pr_id"`
			} `json:"properties"`
		} `json:"features"`
	}
	if err := json.Unmarshal(raw, &fc); err != nil {
		t.Fatal(err)
	}
	ids := map[string]bool{}
	for _, f := range fc.Features {
		ids[f.Properties.ID] = true
	}
	return ids
}
