package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/spf13/cobra"

	"planatlas/demo"
	"planatlas/indicators"
	"planatlas/report"
)

// initDemo writes the demo's plan and data into a new folder.
func initDemo(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	var stdout, stderr bytes.Buffer
	if code := run([]string{"init", dir}, &stdout, &stderr); code != 0 {
		t.Fatalf("init: exit %d: %s", code, stderr.String())
	}
	return dir
}

// tree returns the SHA-256 of every file below dir, by relative path.
func tree(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		h := sha256.Sum256(b)
		out[rel] = hex.EncodeToString(h[:])
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func sameTree(t *testing.T, a, b map[string]string) bool {
	t.Helper()
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			t.Logf("differs: %s", k)
			return false
		}
	}
	return true
}

func TestRunDemoWritesEveryOutput(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	var stdout, stderr bytes.Buffer
	if code := run([]string{"run", "--out", out}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	files := tree(t, out)
	for _, want := range []string{
		"map-bedarfsindex.svg", "map-bedarfsindex.png", "ranking-bedarfsindex.svg", "ranking-bedarfsindex.png",
		"indicators.csv", "indicators.parquet", "ranking.csv", "ranking.parquet", "areas.geojson", "manifest.json",
		"areas.csv", "areas.parquet", "weights.gal", "weights.gwt",
	} {
		if _, ok := files[want]; !ok {
			t.Errorf("%s not written", want)
		}
	}
	if !strings.Contains(stdout.String(), fmt.Sprintf("%d Dateien geschrieben nach", len(files))) {
		t.Errorf("stdout: %q", stdout.String())
	}
	// The notes in German: no "note:", no English sentence, numbers with
	// decimal commas.
	for _, want := range []string{"  Hinweis: Geheimhaltung: 118 Fallzahlen unter 3 verborgen", "Moran's I 0,5977 (z 5,90, Permutations-p"} {
		if !strings.Contains(stdout.String(), want) {
			t.Errorf("stdout lacks %q:\n%s", want, stdout.String())
		}
	}
	for _, english := range []string{"note:", " the ", " and ", " areas", " counts "} {
		if strings.Contains(stdout.String(), english) {
			t.Errorf("stdout of a German run has %q:\n%s", english, stdout.String())
		}
	}
	if stderr.Len() != 0 {
		t.Errorf("progress lines on a non-terminal: %q", stderr.String())
	}
	// The report has a page per theme of the catalog, headed by its
	// title, never by its id (the demo uses an indicator of every theme).
	html, err := os.ReadFile(filepath.Join(out, "report.html"))
	if err != nil {
		t.Fatal(err)
	}
	cat, err := indicators.LoadCatalog()
	if err != nil {
		t.Fatal(err)
	}
	for _, th := range cat.Themes {
		if want := fmt.Sprintf(`<section id="theme-%s"><h2>%s</h2>`, th.ID, th.Title.De); !strings.Contains(string(html), want) {
			t.Errorf("report.html lacks %s", want)
		}
		if strings.Contains(string(html), "<h2>"+th.ID+"</h2>") {
			t.Errorf("report.html has the raw theme id %s as a heading", th.ID)
		}
	}
	for _, want := range []string{"<td>Pflegequote ab 65 Jahren</td>", "<td>Zufriedenheit mit der Kinderbetreuung</td>"} {
		if !strings.Contains(string(html), want) {
			t.Errorf("report.html's theme pages lack %s", want)
		}
	}
}

// Two runs, and a run of the plan written by init, give the same bytes.
func TestRunIsDeterministicAndInitReproducesDemo(t *testing.T) {
	tmp := t.TempDir()
	a, b := filepath.Join(tmp, "a"), filepath.Join(tmp, "b")
	for _, out := range []string{a, b} {
		var so, se bytes.Buffer
		if code := run([]string{"run", "--out", out}, &so, &se); code != 0 {
			t.Fatalf("exit %d: %s", code, se.String())
		}
	}
	ta := tree(t, a)
	if !sameTree(t, ta, tree(t, b)) {
		t.Error("two runs of the demo differ")
	}
	dir := initDemo(t)
	var so, se bytes.Buffer
	if code := run([]string{"run", filepath.Join(dir, "plan.yaml")}, &so, &se); code != 0 {
		t.Fatalf("exit %d: %s", code, se.String())
	}
	if !sameTree(t, ta, tree(t, filepath.Join(dir, "out"))) {
		t.Error("planatlas init DIR && planatlas run DIR/plan.yaml does not reproduce the demo output")
	}
}

// Each bad input stops the run with one message naming file, line and
// field, exit code 2, and the previous output untouched.
func TestBadInputKeepsPreviousOutput(t *testing.T) {
	tests := []struct {
		name   string
		mutate func(t *testing.T, dir string)
		want   string // a regular expression the message must match
	}{
		{"wrong delimiter", func(t *testing.T, dir string) {
			edit(t, dir, "plan.yaml", "    key: Planungsraum\n    year: Jahr\n  klima:", "    key: Planungsraum\n    year: Jahr\n    delimiter: tab\n  klima:")
		}, `^\S*plan\.yaml:\d+: input "arbeitsmarkt": arbeitsmarkt\.csv: the header is a single column "Planungsraum;Bezeichnung;.*": the file seems to be delimited by ";", not tab$`},
		{"non-numeric count", func(t *testing.T, dir string) {
			editLine(t, dir, "bevoelkerung.csv", 214, func(l string) string { return l[:strings.LastIndex(l, ";")+1] + "12x" })
		}, `^bevoelkerung\.csv:214: column "anzahl": "12x" is not a number$`},
		{"duplicate area and year", func(t *testing.T, dir string) {
			editLine(t, dir, "arbeitsmarkt.csv", 40, func(l string) string { return l + "\r\n" + l })
		}, `^arbeitsmarkt\.csv:41: duplicate row for area "0101", year 2015: the same as line 40$`},
		{"area in the data but not in the geometry", func(t *testing.T, dir string) {
			removeFeature(t, dir, "0903")
		}, `^the areas of the data and of planungsraeume\.geojson do not match; 1 area\(s\) in the data have no geometry: "0903" \(bevoelkerung\.csv:\d+\)$`},
		{"area in the geometry but not in the data", func(t *testing.T, dir string) {
			edit(t, dir, "planungsraeume.geojson", `"pr_id":"0101"`, `"pr_id":"101"`)
		}, `^the areas of the data and of planungsraeume\.geojson do not match; 1 area\(s\) in the data have no geometry: "0101" \(bevoelkerung\.csv:2\); 1 area\(s\) in planungsraeume\.geojson have no data: "101" \(feature 1\); the keys look as if leading zeros were lost`},
		{"plan names a missing column", func(t *testing.T, dir string) {
			edit(t, dir, "plan.yaml", "column: Arbeitslose}", "column: Arbeitslos}")
		}, `^\S*plan\.yaml:\d+: input "arbeitsmarkt", variable "arbeitslose": column "Arbeitslos" not found in arbeitsmarkt\.csv; did you mean "Arbeitslose"\? \(columns: "Planungsraum", "Bezeichnung", .*\)$`},
		{"count above its denominator", func(t *testing.T, dir string) {
			// line 40: area 0101 in 2015; SGB II recipients under 15 set to
			// 9000 (9999 would be taken for a missing-value code)
			editLine(t, dir, "arbeitsmarkt.csv", 40, func(l string) string {
				f := strings.Split(l, ";")
				f[6] = "9000"
				return strings.Join(f, ";")
			})
		}, `^\S*plan\.yaml:\d+: indicator "kinderarmut": a count is larger than the population it belongs to \(area "0101" in 2015: sgb2_u15 = 9,?000, ew_u15 = \d+\); check the inputs of sgb2_u15 and ew_u15$`},
		{"negative count", func(t *testing.T, dir string) {
			editLine(t, dir, "arbeitsmarkt.csv", 40, func(l string) string {
				f := strings.Split(l, ";")
				f[3] = "-5"
				return strings.Join(f, ";")
			})
		}, `^arbeitsmarkt\.csv:40: column "Arbeitslose": -5 is negative, but "arbeitslose" is a count$`},
		{"plan with an unknown field", func(t *testing.T, dir string) {
			edit(t, dir, "plan.yaml", "    method: zsum", "    methode: zsum")
		}, `^\S*plan\.yaml:\d+: unknown field "methode" in an index; did you mean "method"\?`},
		{"formula with an unknown name", func(t *testing.T, dir string) {
			edit(t, dir, "plan.yaml", "    smooth: eb-local\n", "    smooth: eb-local\n  quote_neu:\n    need: higher\n    formula: 100 * sgb2 / ew_u_65\n")
		}, `^\S*plan\.yaml:\d+: indicator "quote_neu": formula "100 \* sgb2 / ew_u_65": unknown variable "ew_u_65"; did you mean "ew_u65"\? \(at column 14\)$`},
	}
	// One first run for every case: each starts from a copy of the demo
	// folder with its output.
	first := initDemo(t)
	var so, se bytes.Buffer
	if code := run([]string{"run", filepath.Join(first, "plan.yaml")}, &so, &se); code != 0 {
		t.Fatalf("first run: exit %d: %s", code, se.String())
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			copyTree(t, first, dir)
			plan := filepath.Join(dir, "plan.yaml")
			var so, se bytes.Buffer
			before := tree(t, filepath.Join(dir, "out"))
			tc.mutate(t, dir)
			so.Reset()
			se.Reset()
			code := run([]string{"run", plan, "--lang", "en"}, &so, &se)
			if code != 2 {
				t.Errorf("exit code %d, want 2 (stderr %q)", code, se.String())
			}
			msg := strings.TrimSpace(strings.TrimPrefix(se.String(), "planatlas: "))
			if !regexp.MustCompile(tc.want).MatchString(msg) {
				t.Errorf("message\n  %s\ndoes not match\n  %s", msg, tc.want)
			}
			if !sameTree(t, before, tree(t, filepath.Join(dir, "out"))) {
				t.Error("the previous output changed")
			}
			if left := leftovers(t, dir); len(left) > 0 {
				t.Errorf("staging folders left behind: %v", left)
			}
		})
	}
}

func TestUsageErrors(t *testing.T) {
	tests := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"run", "--colour"}, 2, "unknown flag: --colour"},
		{[]string{"run", "a.yaml", "b.yaml"}, 2, "accepts at most 1 arg(s), received 2"},
		{[]string{"run", "--lang", "fr"}, 2, `--lang "fr": möglich sind de oder en`},
		{[]string{"run", "does-not-exist.yaml", "--lang", "en"}, 2, "plan does-not-exist.yaml not found"},
		{[]string{"run", "does-not-exist.yaml"}, 2, "Plan does-not-exist.yaml nicht gefunden"},
		{[]string{"validate"}, 2, "accepts 1 arg(s), received 0"},
		// without --key: the attributes, and the unique text one proposed
		{[]string{"check-geometry", "../../demo/data/planungsraeume.geojson", "--lang", "en"}, 2, "pr_id                38 distinct value(s) in 38 feature(s) — unique"},
		{[]string{"check-geometry", "../../demo/data/planungsraeume.geojson"}, 2, "pr_id                38 verschiedene Werte in 38 Objekt(en) — eindeutig"},
		{[]string{"check-geometry", "../../demo/data/planungsraeume.geojson", "--lang", "en"}, 2, "try\n  planatlas check-geometry ../../demo/data/planungsraeume.geojson --key pr_id\n"},
		{[]string{"version"}, 0, ""},
	}
	for _, tc := range tests {
		var so, se bytes.Buffer
		code := run(tc.args, &so, &se)
		if code != tc.code || !strings.Contains(se.String(), tc.want) {
			t.Errorf("%v: exit %d, stderr %q; want %d, %q", tc.args, code, se.String(), tc.code, tc.want)
		}
	}
}

func TestValidateAndInit(t *testing.T) {
	dir := initDemo(t)
	var so, se bytes.Buffer
	if code := run([]string{"validate", filepath.Join(dir, "plan.yaml")}, &so, &se); code != 0 || !strings.Contains(so.String(), "in Ordnung (6 Eingaben, 43 Variablen, 47 Indikatoren, 1 Index)") {
		t.Errorf("validate: exit %d, %q %q", code, so.String(), se.String())
	}
	so.Reset()
	se.Reset()
	if code := run([]string{"init", dir}, &so, &se); code != 2 || !strings.Contains(se.String(), "gibt es schon; mit --force") {
		t.Errorf("init over existing files: exit %d, %q", code, se.String())
	}
	names, _ := fs.Glob(demo.FS(), "*")
	sort.Strings(names)
	for _, n := range names {
		if _, err := os.Stat(filepath.Join(dir, n)); err != nil {
			t.Errorf("init did not write %s", n)
		}
	}
}

func TestRunEnglish(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	var so, se bytes.Buffer
	if code := run([]string{"run", "--out", out, "--lang", "en"}, &so, &se); code != 0 {
		t.Fatalf("exit %d: %s", code, se.String())
	}
	csv, _ := os.ReadFile(filepath.Join(out, "ranking.csv"))
	if !strings.HasPrefix(string(csv), "index,label,year,rank,tie,plausible rank from,plausible rank to,key,name,district,index value,") || !strings.Contains(string(csv), "Social need index") {
		t.Errorf("English ranking.csv starts %q", string(csv[:120]))
	}
	svg, _ := os.ReadFile(filepath.Join(out, "map-bedarfsindex.svg"))
	if !strings.Contains(string(svg), "Source: Musterstadt, synthetic demo data; own calculation") {
		t.Error("English map lacks the English source line")
	}
}

func edit(t *testing.T, dir, name, old, new string) {
	t.Helper()
	p := filepath.Join(dir, name)
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), old) {
		t.Fatalf("%s does not contain %q", name, old)
	}
	os.WriteFile(p, []byte(strings.Replace(string(b), old, new, 1)), 0o644)
}

// editLine rewrites line n (1-based) of a file, keeping its line ending.
func editLine(t *testing.T, dir, name string, n int, fn func(string) string) {
	t.Helper()
	p := filepath.Join(dir, name)
	b, _ := os.ReadFile(p)
	lines := strings.SplitAfter(string(b), "\n")
	l := lines[n-1]
	end := "\n"
	if strings.HasSuffix(l, "\r\n") {
		end = "\r\n"
	}
	lines[n-1] = fn(strings.TrimSuffix(l, end)) + end
	os.WriteFile(p, []byte(strings.Join(lines, "")), 0o644)
}

func removeFeature(t *testing.T, dir, key string) {
	t.Helper()
	p := filepath.Join(dir, "planungsraeume.geojson")
	b, _ := os.ReadFile(p)
	var kept []string
	for _, l := range strings.Split(string(b), "\n") {
		if strings.Contains(l, `"pr_id":"`+key+`"`) {
			continue
		}
		kept = append(kept, l)
	}
	s := strings.Join(kept, "\n")
	s = strings.Replace(s, "]]}}\n]}", "]]}}\n]}", 1)
	s = regexp.MustCompile(`,\n\]\}`).ReplaceAllString(s, "\n]}")
	os.WriteFile(p, []byte(s), 0o644)
}

func leftovers(t *testing.T, dir string) []string {
	entries, _ := os.ReadDir(dir)
	var out []string
	for _, e := range entries {
		if strings.Contains(e.Name(), ".planatlas-") {
			out = append(out, e.Name())
		}
	}
	return out
}

func TestIndicatorsCommand(t *testing.T) {
	tests := []struct {
		args []string
		code int
		want []string
	}{
		{[]string{"indicators"}, 0, []string{"# planatlas-Indikatorkatalog, Version", "## Arbeit und Soziales", "| `kinderarmut` | Kinderarmut (SGB II unter 15) | % | höherer Wert | `100 * sgb2_u15 / ew_u15` ⊂ |", "| `auslaender` |"}},
		{[]string{"indicators", "--lang", "en"}, 0, []string{"# planatlas indicator catalog, version", "## Climate and heat", "| `heisse_tage` | Hot days | days | higher value |"}},
		{[]string{"indicators", "--format", "csv"}, 0, []string{"\ufeffKennung;Thema;Bezeichnung;Einheit;Bedarfsrichtung;Formel;Zähler;Nenner;Anteil;Definition;Quelle\r\n",
			"sgb2_quote;Arbeit und Soziales;SGB-II-Quote;%;höher = Bedarf;100 * sgb2 / ew_u65;sgb2;ew_u65;ja;Leistungsberechtigte nach SGB II je 100 Einwohner unter 65 Jahren;Statistik der Bundesagentur für Arbeit, Grundsicherung für Arbeitsuchende: SGB-II-Quote",
			"pflegequote_65plus;Pflege und Alter;Pflegequote ab 65 Jahren;%;höher = Bedarf;100 * pflege_65plus / ew_65plus;", ";Pflegestatistik nach § 109 SGB XI (Destatis)"}},
		{[]string{"indicators", "--format", "csv", "--lang", "en"}, 0, []string{"id,topic,label,unit,need,formula,numerator,denominator,proportion,definition,source\r\n",
			"sgb2_quote,Labour and social benefits,SGB II rate,%,higher,100 * sgb2 / ew_u65,sgb2,ew_u65,yes,Recipients of SGB II benefits per 100 residents under 65,\"Statistics of the Federal Employment Agency",
			"straftaten_hz,Safety and cleanliness,", "Police crime statistics (BKA)"}},
		{[]string{"indicators", "--theme", "pflege"}, 0, []string{"## Pflege und Alter\n", "| `pflegequote_65plus` | Pflegequote ab 65 Jahren | % | höherer Wert |", "| `pflege_65plus` |"}},
		{[]string{"indicators", "--theme", "kinderbetreuung", "--lang", "en"}, 0, []string{"## Childcare and education\n", "| `kita_versorgung` |"}},
		{[]string{"indicators", "--theme", "pflegen"}, 2, nil},
		{[]string{"indicators", "--format", "xlsx"}, 2, nil},
	}
	for _, tc := range tests {
		var so, se bytes.Buffer
		code := run(tc.args, &so, &se)
		if code != tc.code {
			t.Errorf("%v: exit %d (%s)", tc.args, code, se.String())
		}
		for _, w := range tc.want {
			if !strings.Contains(so.String(), w) {
				t.Errorf("%v: output lacks %q", tc.args, w)
			}
		}
	}
	var so, se bytes.Buffer
	run([]string{"indicators", "--format", "csv"}, &so, &se)
	if n := strings.Count(so.String(), "\r\n") - 1; n < 80 {
		t.Errorf("the catalog lists %d indicators, want at least 80", n)
	}
}

// The demo's outputs carry the flags: suppressed counts and the values
// derived from them, smoothed rates, Wilson intervals and comparisons with
// the city, and the manifest records the catalog and the threshold.
func TestDemoOutputsCarryFlags(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	var so, se bytes.Buffer
	if code := run([]string{"run", "--out", out}, &so, &se); code != 0 {
		t.Fatalf("exit %d: %s", code, se.String())
	}
	read := func(name string) string {
		b, err := os.ReadFile(filepath.Join(out, name))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	vars, inds, man := read("variables.csv"), read("indicators.csv"), read("manifest.json")
	for _, want := range []string{";.;gesperrt (.);\r\n"} { // the last column: coverage, empty for the areas
		if !strings.Contains(vars, want) {
			t.Errorf("variables.csv lacks %q", want)
		}
	}
	for _, want := range []string{";.;gesperrt (.), geglättet;.;.;;\r\n", ";geglättet;", ";über Stadt;\r\n", ";unter Stadt;\r\n", ";über Stadt;100\r\n", "\r\nkinderarmut;Kinderarmut (SGB II unter 15);%;2024;Stadt;;Musterstadt;"} {
		if !strings.Contains(inds, want) {
			t.Errorf("indicators.csv lacks %q", want)
		}
	}
	for _, want := range []string{`"indicator_catalog": "2026.12"`, `"disclosure_threshold": 3`, "Geheimhaltung:"} {
		if !strings.Contains(man, want) {
			t.Errorf("manifest.json lacks %q", want)
		}
	}
	// No published count is 1 or 2.
	for _, line := range strings.Split(vars, "\r\n")[1:] {
		f := strings.Split(line, ";")
		if len(f) > 5 && (f[5] == "1" || f[5] == "2") && !strings.HasPrefix(f[0], "heisse") && !strings.HasPrefix(f[0], "tropen") {
			t.Errorf("published count: %s", line)
		}
	}
}

// check-geometry prints every problem with feature and key and exits 2
// on an error, 0 on a clean file; with --plan it checks the plan's areas.
func TestCheckGeometry(t *testing.T) {
	dir := initDemo(t)
	var so, se bytes.Buffer
	if code := run([]string{"check-geometry", "--plan", filepath.Join(dir, "plan.yaml")}, &so, &se); code != 0 {
		t.Fatalf("demo: exit %d: %s%s", code, so.String(), se.String())
	}
	want := "planungsraeume.geojson (GeoJSON)\n  Koordinatenbezugssystem: EPSG:25833\n  Objekte: 38, Planungsräume: 38, "
	if !strings.HasPrefix(so.String(), want) || !strings.HasSuffix(so.String(), "1 Teil(e)\n0 Fehler, 0 Warnungen\n") {
		t.Errorf("demo report:\n%s", so.String())
	}
	// Two features with one key, one ring crossing itself, one gap.
	gj := `{"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"EPSG:25833"}},"features":[
{"type":"Feature","properties":{"id":"01"},"geometry":{"type":"Polygon","coordinates":[[[372000,5640000],[372100,5640000],[372100,5640100],[372000,5640100],[372000,5640000]]]}},
{"type":"Feature","properties":{"id":"01"},"geometry":{"type":"Polygon","coordinates":[[[372100,5640000],[372200,5640000],[372200,5640100],[372100,5640100],[372100,5640000]]]}},
{"type":"Feature","properties":{"id":"02"},"geometry":{"type":"Polygon","coordinates":[[[372000,5640100],[372100,5640200],[372100,5640100],[372000,5640200],[372000,5640100]]]}},
{"type":"Feature","properties":{"id":"03"},"geometry":{"type":"Polygon","coordinates":[[[372500,5640500],[372600,5640500],[372600,5640600],[372500,5640600],[372500,5640500]]]}}]}`
	file := filepath.Join(dir, "bad.geojson")
	os.WriteFile(file, []byte(gj), 0o644)
	so.Reset()
	se.Reset()
	code := run([]string{"check-geometry", file, "--key", "id", "--lang", "en"}, &so, &se)
	wantLines := []string{
		`  error: feature 2 (key "01"): the key is used by feature 1 too`,
		`  error: feature 3 (key "02"): "geometry": not a valid polygon: polygon 1, ring 1, a ring crosses or touches itself near (372000, 5640100)`,
		"2 errors, 0 warnings",
	}
	for _, w := range wantLines {
		if !strings.Contains(so.String(), w) {
			t.Errorf("missing %q in\n%s", w, so.String())
		}
	}
	if code != 2 || !strings.Contains(se.String(), "2 errors;") {
		t.Errorf("exit %d, stderr %s", code, se.String())
	}
	so.Reset()
	if code := run([]string{"check-geometry", file, "--lang", "en"}, &so, &se); code != 2 || !strings.Contains(se.String(), "--key is required") {
		t.Errorf("without --key: exit %d, %s", code, se.String())
	}
}

// Exit codes: 0 done, 1 failed, 2 bad input, 3 internal error — also for
// a panic, which leaves no staging folder behind and asks to report it.
func TestExitCodes(t *testing.T) {
	parent := t.TempDir()
	out := filepath.Join(parent, "out")
	cases := []struct {
		name string
		fn   func() error
		code int
		want string
	}{
		{"done", func() error { return nil }, 0, ""},
		{"failed", func() error { return errors.New("disk full") }, 1, "planatlas: disk full"},
		{"bad input", func() error { return usageError{errors.New("--lang xx: use de or en")} }, 2, "--lang xx"},
		{"internal error", func() error { return internalErr{} }, 3, "interner Fehler: broken invariant\nThis is a bug in planatlas"},
		{"panic", func() error {
			st, err := report.Stage(out)
			if err != nil {
				return err
			}
			defer st.Abort()
			panic(fmt.Sprintf("index %d out of range", 7)) // a bug
		}, 3, "planatlas: internal error: index 7 out of range\nThis is a bug in planatlas"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			root := &cobra.Command{Use: "planatlas", SilenceErrors: true, SilenceUsage: true,
				RunE: func(*cobra.Command, []string) error { return c.fn() }}
			var se bytes.Buffer
			root.SetErr(&se)
			if code := execute(root, nil, &se); code != c.code {
				t.Errorf("exit code %d, want %d", code, c.code)
			}
			if !strings.Contains(se.String(), c.want) {
				t.Errorf("stderr %q does not contain %q", se.String(), c.want)
			}
			if left := leftovers(t, parent); len(left) > 0 {
				t.Errorf("left behind: %v", left)
			}
		})
	}
}

type internalErr struct{}

func (internalErr) Error() string  { return "broken invariant" }
func (internalErr) Internal() bool { return true }

// Area keys with a space ("PR 01") are fine for every computation; only
// the weights files for GeoDa and PySAL cannot carry them, and the run
// says so instead of failing after all the work.
func TestKeysWithSpaces(t *testing.T) {
	dir := t.TempDir()
	copyTree(t, "testdata/bad/_base", dir)
	for _, f := range []string{"gebiete.geojson", "bevoelkerung.csv", "arbeitsmarkt.csv"} {
		p := filepath.Join(dir, f)
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		s := regexp.MustCompile(`("id": *")(0[1-4])"`).ReplaceAllString(string(b), `${1}PR $2"`)
		s = regexp.MustCompile(`(?m)^(0[1-4]);`).ReplaceAllString(s, "PR $1;")
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	edit(t, dir, "plan.yaml", "inputs:\n", "weights: {type: queen}\ninputs:\n")
	out := filepath.Join(dir, "out")
	var so, se bytes.Buffer
	if code := run([]string{"run", filepath.Join(dir, "plan.yaml"), "--out", out}, &so, &se); code != 0 {
		t.Fatalf("exit %d: %s", code, se.String())
	}
	if !strings.Contains(so.String(), `Hinweis: weights.gal und weights.gwt werden nicht geschrieben: der Gebietsschlüssel "PR 01" enthält Leerraum`) {
		t.Errorf("stdout: %s", so.String())
	}
	if _, err := os.Stat(filepath.Join(out, "weights.gal")); err == nil {
		t.Error("weights.gal written")
	}
	if b, _ := os.ReadFile(filepath.Join(out, "indicators.csv")); !strings.Contains(string(b), "PR 04") {
		t.Error("indicators.csv lacks the area PR 04")
	}
}

// An empty --out (an unset variable in a script) is refused, not taken
// for the default folder.
func TestEmptyOut(t *testing.T) {
	var so, se bytes.Buffer
	if code := run([]string{"run", "--out", "", "--lang", "en"}, &so, &se); code != 2 || !strings.Contains(se.String(), "--out is empty") {
		t.Errorf("exit %d: %s", code, se.String())
	}
}
