package plan

import (
	"encoding/csv"
	"math"
	"os"
	"strconv"
	"strings"
	"testing"

	"planatlas/datasets"
	"planatlas/survey"
)

// TestSurveyAgainstR runs testdata/survey (152 respondents drawn per
// district, raked to the men and women of each district; and the same
// with the weights trimmed to 0.9 to 1.1 times their mean) and compares
// survey.csv and indicators.csv with R's survey package on the same
// file (testdata/survey/survey_reference.R, its output survey_r.csv):
// respondents exactly, estimates to 1e-9 (indicators.csv has every
// digit), standard errors, Korn–Graubard and t intervals and design
// effects to survey.csv's rounding. The quality rules hide area 02 (11
// and 12 respondents) and mark the estimates whose coefficient of
// variation is above 15 %.
func TestSurveyAgainstR(t *testing.T) {
	poststratified := func(s string) string {
		s = strings.Replace(s, "    rake:\n      - {column: Geschlecht", "    interval: logit\n    poststratify: {column: Geschlecht", 1)
		s = strings.Replace(s, "\"2\": ew_w}}\n", "\"2\": ew_w}}\n", 1)
		s = strings.Replace(s, "      kinder: {column: F3}\n", "      kinder: {column: F3}\n      belastet_n: {column: F2, category: 1, total: true}\n", 1)
		return strings.Replace(s, "outputs:\n", "  belastete: {label: {de: Belastete, en: Burdened}, unit: {de: Personen, en: persons}, need: higher, formula: belastet_n, decimals: 1}\noutputs:\n", 1)
	}
	for _, c := range []struct {
		name string
		edit func(string) string
		ref  string
	}{
		{"raked", func(s string) string { return s }, "survey_r.csv"},
		{"trimmed", func(s string) string {
			return strings.Replace(s, "    items:\n", "    trim: {lower: 0.9, upper: 1.1}\n    items:\n", 1)
		}, "survey_r_trimmed.csv"},
		{"poststratified", poststratified, "survey_r_poststratified.csv"},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := planDir(t, "testdata/survey", c.edit)
			out, _, err := runDir(t, dir)
			if err != nil {
				t.Fatal(err)
			}
			compareSurvey(t, out, "testdata/survey/"+c.ref)
		})
	}
}

// compareSurvey compares a run's survey.csv and indicators.csv with R's
// numbers in ref.
func compareSurvey(t *testing.T, out, ref string) {
	levels := map[string]string{"Gebiet": "Planungsraum", "Bezirk": "Stadtteil", "city": "Stadt"}
	indicator := map[string]string{"zufrieden": "zufriedenheit", "belastet": "belastung", "kinder": "kinderzahl", "belastet_n": "belastete"}
	got, values := map[string]map[string]string{}, map[string]map[string]string{}
	for _, row := range tableRows(t, out, "survey.csv") {
		got[row["Merkmal"]+"|"+row["Ebene"]+"|"+row["Schlüssel"]] = row
	}
	for _, row := range tableRows(t, out, "indicators.csv") {
		if row["Jahr"] == "2024" {
			values[row["Indikator"]+"|"+row["Ebene"]+"|"+row["Schlüssel"]] = row
		}
	}
	rows := readReference(t, ref)
	for _, want := range rows {
		key := levels[want["level"]] + "|" + strings.TrimPrefix(want["key"], "all")
		g := got[want["item"]+"|"+key]
		if g == nil {
			t.Fatalf("survey.csv has no row %s %s", want["item"], key)
		}
		if g["Befragte"] != want["n"] {
			t.Errorf("%s %s: %s respondents, R %s", want["item"], key, g["Befragte"], want["n"])
		}
		hidden := strings.HasPrefix(g["Veröffentlichung"], "nicht sicher genug (/)")
		if few := g["Veröffentlichung"] == "nicht sicher genug (/): zu wenige Befragte"; few != (key == "Planungsraum|02") {
			t.Errorf("%s %s: publication %q", want["item"], key, g["Veröffentlichung"])
		}
		if hidden {
			if g["Schätzwert"] != "/" || values[indicator[want["item"]]+"|"+key]["Wert"] != "/" {
				t.Errorf("%s %s: estimate %q, indicators.csv %q, want /", want["item"], key, g["Schätzwert"], values[indicator[want["item"]]+"|"+key]["Wert"])
			}
			continue
		}
		if v := values[indicator[want["item"]]+"|"+key]["Wert"]; v == "/" {
			t.Fatalf("%s %s: indicators.csv has /, survey.csv %q", want["item"], key, g["Veröffentlichung"])
		}
		exact := germanNumber(t, values[indicator[want["item"]]+"|"+key]["Wert"])
		if r := num(t, want["estimate"]); math.Abs(exact-r) > 1e-9*math.Abs(r) {
			t.Errorf("%s %s: indicators.csv %.12g, R %.12g", want["item"], key, exact, r)
		}
		for col, rcol := range map[string]string{"Schätzwert": "estimate", "Standardfehler": "se", "untere 95%-Grenze": "lower", "obere 95%-Grenze": "upper", "Designeffekt": "deff"} {
			tol := 0.00005 + 1e-9
			if col == "Designeffekt" {
				tol = 0.005 + 1e-9
			}
			if v, r := germanNumber(t, g[col]), num(t, want[rcol]); math.Abs(v-r) > tol {
				t.Errorf("%s %s %s: %g, R %g", want["item"], key, col, v, r)
			}
		}
		limited := g["Veröffentlichung"] == "Aussagewert eingeschränkt"
		if cv := germanNumber(t, g["Variationskoeffizient (%)"]); limited != (cv > 15) {
			t.Errorf("%s %s: coefficient of variation %g, quality %q", want["item"], key, cv, g["Veröffentlichung"])
		}
	}
	if len(rows)%7 != 0 || len(rows) < 21 {
		t.Errorf("%d reference rows, want 3 or 4 items × 7 units", len(rows))
	}
}

// readReference reads a CSV with a header into rows by column name.
func readReference(t *testing.T, name string) []map[string]string {
	t.Helper()
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var out []map[string]string
	for _, r := range rows[1:] {
		m := map[string]string{}
		for i, h := range rows[0] {
			m[h] = r[i]
		}
		out = append(out, m)
	}
	return out
}

func num(t *testing.T, s string) float64 {
	t.Helper()
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// TestSurveyWithBoundaries: a survey indicator in a plan with an older
// layer of areas runs (it crashed once computing the indicators of the
// older areas): the survey is estimated on the current areas, and on the
// older areas its indicator is not meaningful ("x").
func TestSurveyWithBoundaries(t *testing.T) {
	dir := planDir(t, "testdata/boundaries", func(s string) string {
		s = strings.Replace(s, "catalog: [einwohner, anteil_u6]\n", `catalog: [einwohner, anteil_u6]
indicators:
  zufriedenheit: {label: {de: Zufriedenheit, en: Satisfaction}, unit: "%", need: lower, formula: zufrieden}
surveys:
  befragung:
    file: befragung.csv
    key: Gebiet
    year: 2022
    weight: Gewicht
    items:
      zufrieden: {column: F1, top: 4}
`, 1)
		return s
	})
	var b strings.Builder
	b.WriteString("Gebiet;Gewicht;F1\n")
	for i, k := range []string{"0101", "0102", "0201", "0202", "0301"} {
		for j := 0; j < 40; j++ {
			b.WriteString(k + ";10;" + strconv.Itoa(1+(i+j)%5) + "\n")
		}
	}
	if err := os.WriteFile(dir+"/befragung.csv", []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	out, _, err := runDir(t, dir)
	if err != nil {
		t.Fatal(err)
	}
	shown := 0
	for _, r := range tableRows(t, out, "indicators.csv") {
		if r["Indikator"] == "zufriedenheit" && r["Jahr"] == "2022" && r["Ebene"] == "Planungsraum" && r["Wert"] != "/" {
			shown++
		}
	}
	if shown != 5 {
		t.Errorf("%d areas with a survey value, want 5", shown)
	}
	older := 0
	for _, r := range tableRows(t, out, "indicators-lor2019.csv") {
		if r["Indikator"] != "zufriedenheit" {
			continue
		}
		older++
		if r["Wert"] != "x" {
			t.Errorf("indicators-lor2019.csv: %s %s %s = %q, want x", r["Schlüssel"], r["Jahr"], r["Indikator"], r["Wert"])
		}
	}
	if older == 0 {
		t.Error("indicators-lor2019.csv has no row of the survey's indicator")
	}
}

// TestQualityRules: the publication of an estimate by its respondents
// and coefficient of variation, direct and from the model, and the
// reason survey.csv gives.
func TestQualityRules(t *testing.T) {
	q := QualitySpec{} // defaults: 30 respondents, 30 % and 15 %
	for _, c := range []struct {
		name   string
		e      survey.Estimate
		model  bool
		method string
		flag   datasets.Flag
		reason string
	}{
		{"no respondents", survey.Estimate{N: 0, Value: math.NaN(), SE: math.NaN()}, false, "direct", datasets.NoData, "no respondents"},
		{"29 respondents", survey.Estimate{N: 29, Value: 0.5, SE: 0.01}, false, "direct", datasets.Unreliable, "not reliable enough (/): too few respondents"},
		{"CV 31 %", survey.Estimate{N: 100, Value: 0.1, SE: 0.031}, false, "direct", datasets.Unreliable, "not reliable enough (/): coefficient of variation too high"},
		{"CV 30 %", survey.Estimate{N: 100, Value: 0.1, SE: 0.03}, false, "direct", datasets.Uncertain, "limited reliability"},
		{"CV 15 %", survey.Estimate{N: 30, Value: 0.2, SE: 0.03}, false, "direct", 0, "published"},
		{"everyone alike", survey.Estimate{N: 40, Value: 0, SE: 0}, false, "direct", 0, "published"},
		{"model, 5 respondents", survey.Estimate{N: 5, Value: 0.4, SE: 0.04}, true, "Fay–Herriot", datasets.Estimated, "published"},
		{"model, CV 20 %", survey.Estimate{N: 5, Value: 0.2, SE: 0.04}, true, "Fay–Herriot", datasets.Uncertain | datasets.Estimated, "limited reliability"},
		{"model, CV 40 %", survey.Estimate{N: 50, Value: 0.1, SE: 0.04}, true, "Fay–Herriot", datasets.Unreliable | datasets.Estimated, "not reliable enough (/): coefficient of variation too high"},
	} {
		f := q.flag(c.e)
		if c.model {
			f = q.flagModel(c.e)
		}
		if f != c.flag || q.reason(c.e, f, c.method) != c.reason {
			t.Errorf("%s: flag %v, reason %q; want %v, %q", c.name, f, q.reason(c.e, f, c.method), c.flag, c.reason)
		}
	}
	if r := q.reason(survey.Estimate{N: 1}, datasets.Unreliable|datasets.Estimated, "synthetic"); r != "not reliable enough (/): synthetic only" {
		t.Errorf("synthetic: %q", r)
	}
}
