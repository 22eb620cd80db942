package main

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
)

// Words that give away the other language. Each is matched as a whole
// word, case-insensitive, over the text a reader sees; area names, file
// names and the plan's own texts are the user's and are taken out first
// where they could contain one.
var (
	otherEnglish = []string{"the", "is", "are", "not", "with", "and", "of", "files", "written", "note",
		"error", "errors", "column", "hidden", "classes", "area", "areas", "city", "no-data", "suppressed",
		"higher", "lower", "missing", "found", "must", "use", "should", "neighbours", "links", "feature",
		"features", "rising", "falling", "stable", "indicators", "variables", "ranking", "because", "data"}
	otherGerman = []string{"der", "die", "das", "und", "nicht", "mit", "Dateien", "geschrieben", "Hinweis",
		"Fehler", "Spalte", "Klassen", "Planungsräume", "Planungsraum", "Stadt", "keine", "Angabe",
		"gesperrt", "höher", "niedriger", "fehlt", "Nachbarn", "Objekte", "steigend", "fallend",
		"Indikatoren", "Rangfolge", "weil", "Warnung", "Hinweise", "Entwicklung", "Jahr", "Quelle", "Daten"}
)

// languageCases are the bad inputs the language test runs: one of each
// kind of message (plan, file, values, keys, geometry, output folder).
var languageCases = []string{"plan-unknown-field", "missing-column", "non-numeric-count", "duplicate-area-year",
	"unknown-area", "leading-zeros-lost", "missing-code-undeclared", "unclosed-ring", "valid-without-variable",
	"output-folder-foreign-manifest", "boundaries-keys-match-neither", "boundaries-not-covering"}

// TestLanguage runs the demo, a plan with an older layer of areas
// (plan/testdata/boundaries), validate, init, check-geometry on a file
// with problems and twelve bad inputs in German and in English, and fails on
// any word of the other language in what a reader sees: the terminal,
// report.html, the CSV and XLSX tables and the SVG figures.
func TestLanguage(t *testing.T) {
	for _, tc := range []struct {
		lang  string
		wrong []string
	}{{"de", otherEnglish}, {"en", otherGerman}} {
		t.Run(tc.lang, func(t *testing.T) {
			pattern := regexp.MustCompile(`(?i)(^|[^\p{L}-])(` + strings.Join(tc.wrong, "|") + `)($|[^\p{L}-])`)
			check := func(where, text string) {
				t.Helper()
				for i, line := range strings.Split(text, "\n") {
					if m := pattern.FindStringSubmatch(line); m != nil {
						t.Errorf("%s:%d: %q in %q", where, i+1, m[2], clip(line))
						return // one per source is enough to read
					}
				}
			}
			outputs, user := languageOutputs(t, tc.lang)
			if tc.lang == "de" && strings.Contains(outputs["run stdout"], "note:") {
				t.Errorf("a German run prints \"note:\"")
			}
			for name, text := range outputs {
				check(name, withoutUserTexts(text, user))
			}
		})
	}
}

// languageOutputs runs every command a user meets and returns what they
// read, by where it appears, and the texts that are the user's own (the
// areas' and districts' names).
func languageOutputs(t *testing.T, lang string) (map[string]string, []string) {
	t.Helper()
	out := map[string]string{}
	dir := initDemo(t)
	cmd := func(name string, args ...string) int {
		var so, se bytes.Buffer
		code := run(append(args, "--lang", lang), &so, &se)
		out[name+" stdout"], out[name+" stderr"] = so.String(), se.String()
		return code
	}
	ok := func(name string, args ...string) {
		if cmd(name, args...) != 0 {
			t.Fatalf("%s: %s", name, out[name+" stderr"])
		}
	}
	ok("init", "init", filepath.Join(t.TempDir(), "neu"))
	ok("validate", "validate", filepath.Join(dir, "plan.yaml"))
	res := filepath.Join(dir, "out")
	ok("run", "run", filepath.Join(dir, "plan.yaml"), "--out", res)
	readOutputs(t, out, res, "")
	bdir := t.TempDir()
	copyTree(t, "../../plan/testdata/boundaries", bdir)
	ok("boundaries run", "run", filepath.Join(bdir, "plan.yaml"), "--out", filepath.Join(bdir, "out"))
	readOutputs(t, out, filepath.Join(bdir, "out"), "boundaries/")
	cmd("check-geometry", "check-geometry", "../../examples/berlin/data/lor2019-planning-areas.geojson", "--key", "id")
	for _, c := range languageCases {
		d := t.TempDir()
		copyTree(t, "testdata/bad/_base", d)
		copyTree(t, filepath.Join("testdata/bad", c), d)
		args := []string{"run", filepath.Join(d, "plan.yaml"), "--out", filepath.Join(d, "out")}
		if b, err := os.ReadFile(filepath.Join(d, "args")); err == nil {
			args = append([]string{"run"}, strings.Fields(strings.NewReplacer("{dir}", d).Replace(string(b)))...)
		}
		cmd(c, args...)
	}
	return out, userTexts(t, filepath.Join(res, "areas.csv"))
}

// readOutputs adds the texts of a run's outputs to out, by file name
// after prefix.
func readOutputs(t *testing.T, out map[string]string, res, prefix string) {
	files, _ := filepath.Glob(filepath.Join(res, "*"))
	for _, f := range files {
		b, _ := os.ReadFile(f)
		name := prefix + filepath.Base(f)
		switch filepath.Ext(f) {
		case ".csv":
			out[name] = string(b)
		case ".svg":
			out[name] = strings.Join(svgTexts(b), "\n")
		case ".html":
			out[name] = htmlText(string(b))
		case ".xlsx":
			out[name] = xlsxText(t, b)
		}
	}
}

var (
	quoted    = regexp.MustCompile(`"[^"]*"|&#34;.*?&#34;|“[^”]*”|„[^“]*“`)
	planField = regexp.MustCompile(`\b[a-z_]+: *[\[{][^\]}]*[\]}]`) // plan syntax quoted in a message: missing: [-9999]
	userToken = regexp.MustCompile(`\S*[_0-9/\\.]\S*`)              // keys, ids, file names, paths, numbers
)

// withoutUserTexts takes out of a text what the user wrote: quoted
// values (columns, keys, ids), the areas' and districts' names, file
// names and ids.
func withoutUserTexts(text string, user []string) string {
	text = planField.ReplaceAllString(quoted.ReplaceAllString(text, " "), " ")
	for _, u := range user {
		text = strings.ReplaceAll(text, u, " ")
	}
	return userToken.ReplaceAllString(text, " ")
}

// userTexts reads the names of the areas and districts from areas.csv,
// longest first, and adds those of the bad-input catalog's base.
func userTexts(t *testing.T, areasCSV string) []string {
	b, err := os.ReadFile(areasCSV)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{"Nordviertel": true, "Weststadt": true, "Oststadt": true, "Südviertel": true, "Musterstadt": true, "Teststadt": true,
		"Neustadt": true, "Altstadt": true, "Ostfeld": true, "Markt": true, "Hafen": true, "Heide": true, "Anger": true, "Feld": true} // plan/testdata/boundaries
	for _, l := range strings.Split(string(b), "\n")[1:] {
		f := strings.FieldsFunc(l, func(r rune) bool { return r == ';' || r == ',' })
		if len(f) > 2 {
			seen[f[1]], seen[f[2]] = true, true
		}
	}
	var out []string
	for s := range seen {
		if s != "" {
			out = append(out, s)
		}
	}
	sort.Slice(out, func(i, j int) bool { return len(out[i]) > len(out[j]) || len(out[i]) == len(out[j]) && out[i] < out[j] })
	return out
}

var (
	svgText  = regexp.MustCompile(`<text[^>]*>([^<]*)</text>`)
	htmlTags = regexp.MustCompile(`(?s)<script.*?</script>|<style.*?</style>|<[^>]+>`)
)

// svgTexts returns the texts of an SVG figure.
func svgTexts(b []byte) []string {
	var out []string
	for _, m := range svgText.FindAllSubmatch(b, -1) {
		out = append(out, string(m[1]))
	}
	return out
}

// htmlText returns the text of an HTML page, one line per line of it.
func htmlText(s string) string { return htmlTags.ReplaceAllString(s, " ") }

// xlsxText returns the shared strings and sheet names of a workbook.
func xlsxText(t *testing.T, b []byte) string {
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	var s strings.Builder
	for _, f := range zr.File {
		if f.Name == "xl/sharedStrings.xml" || f.Name == "xl/workbook.xml" {
			rc, _ := f.Open()
			x, _ := io.ReadAll(rc)
			rc.Close()
			s.WriteString(strings.ReplaceAll(htmlTags.ReplaceAllString(string(x), "\n"), "\n\n", "\n"))
		}
	}
	return s.String()
}

func clip(s string) string {
	if len(s) > 160 {
		return s[:160] + "…"
	}
	return s
}
