package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"planatlas/lang"
)

// englishWords are words of English messages that German ones never
// hold (planatlas's own plan fields such as file or key are written
// without the spaces around them here).
var englishWords = []string{" the ", " not ", " is ", " are ", " file ", " files ", "column", "found", " must ", " use ", " and ", " or ", " of ", " has ", " have ", " with ", " row ", " line ", " feature ", " did you mean", " output folder"}

// TestBadInputGerman runs ten cases of the bad-input catalog in German,
// the base plan's language, and asserts their German messages: the plan,
// a CSV file, a geometry file, the join of data and areas, a formula,
// YAML and the output folder.
func TestBadInputGerman(t *testing.T) {
	tests := []struct {
		name, want string
	}{
		{"missing-column", `plan.yaml:16: Eingabe "arbeitsmarkt", Variable "sgb2": Spalte "SGB-II" fehlt in arbeitsmarkt.csv; meinten Sie "SGB II"? (Spalten: "Gebiet", "Jahr", "Arbeitslose", "SGB II", "Anteil Grün")`},
		{"non-numeric-count", `bevoelkerung.csv:7: Spalte "Anzahl": "12x" ist keine Zahl`},
		{"unterminated-quote", `arbeitsmarkt.csv:5: ein Feld in Anführungszeichen wird nicht geschlossen (" fehlt); es läuft bis Zeile 13`},
		{"unknown-area", `die Gebiete der Daten und von gebiete.geojson passen nicht zusammen; 1 Gebiet(e) in den Daten haben keine Geometrie: "09" (arbeitsmarkt.csv:14)`},
		{"formula-unknown-name", `plan.yaml:20: Indikator "gruen_anteil": Formel "gruen / flaeche": unbekannte Variable "flaeche" (bei Spalte 9)`},
		{"plan-unknown-field", `plan.yaml:27: unbekanntes Feld "methode" (Index); meinten Sie "method"? (Felder: components, dynamic, label, method, population, standardise, themes, valid, year)`},
		{"goal-year-typo", `plan.yaml:30: Ziel "weniger_sgb2": 20300 ist kein plausibles Jahr (1800–2200): ein Tippfehler?`},
		{"duplicate-area-year", `arbeitsmarkt.csv:5: doppelte Zeile für Gebiet "03", Jahr 2022: wie Zeile 4`},
		{"leading-zeros-lost", `die Gebiete der Daten und von gebiete.geojson passen nicht zusammen; 4 Gebiet(e) in den Daten haben keine Geometrie: "1" (arbeitsmarkt.csv:2), "2" (arbeitsmarkt.csv:3), "3" (arbeitsmarkt.csv:4), "4" (arbeitsmarkt.csv:5); bei den Schlüsseln scheinen führende Nullen verloren gegangen zu sein ("1" in arbeitsmarkt.csv:2, "01" in der Geometrie): behalten Sie Schlüssel als Text, etwa in Anführungszeichen oder indem Sie die Spalte in der Tabellenkalkulation als Text formatieren`},
		{"boundaries-not-covering", `plan.yaml:8: boundaries "alt": alt.geojson und die heutigen Gebiete (gebiete.geojson) decken nicht dasselbe Gebiet ab: 1 ältere(s) Gebiet(e) liegen ganz oder teilweise außerhalb der heutigen ("12" (1,00 von 2,00 km²)) und 2 heutige(s) außerhalb der älteren ("03" (0,50 von 1,00 km²), "04" (0,50 von 1,00 km²)); beide Ebenen müssen dieselbe Stadt im selben Koordinatensystem zeigen: prüfen Sie die Dateien und ihr Koordinatensystem`},
		{"output-folder-with-a-users-file", `Ausgabeordner out: enthält 1 Datei, die planatlas nicht geschrieben hat (Notizen.txt); verschieben Sie sie oder wählen Sie einen anderen Ordner`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			copyTree(t, "testdata/bad/_base", dir)
			out := filepath.Join(dir, "out")
			var so, se bytes.Buffer
			cmd := "validate"
			if strings.HasPrefix(tc.name, "output-folder-") {
				cmd = "run"
				if code := run([]string{"run", filepath.Join(dir, "plan.yaml"), "--out", out}, &so, &se); code != 0 {
					t.Fatalf("base run: exit %d: %s", code, se.String())
				}
			}
			caseDir := filepath.Join("testdata/bad", tc.name)
			copyTree(t, caseDir, dir)
			args := []string{cmd, filepath.Join(dir, "plan.yaml")}
			if b, err := os.ReadFile(filepath.Join(caseDir, "args")); err == nil {
				args = append([]string{cmd}, strings.Fields(strings.ReplaceAll(string(b), "{dir}", dir))...)
			} else if cmd == "run" {
				args = append(args, "--out", out)
			}
			so.Reset()
			se.Reset()
			if code := run(args, &so, &se); code != 2 {
				t.Errorf("exit code %d, want 2", code)
			}
			msg := strings.TrimSpace(strings.TrimPrefix(se.String(), "planatlas: "))
			msg = strings.ReplaceAll(msg, dir+string(filepath.Separator), "")
			if msg != tc.want {
				t.Errorf("message\n  %s\nwant\n  %s", msg, tc.want)
			}
			for _, w := range englishWords {
				if strings.Contains(" "+msg+" ", w) {
					t.Errorf("English %q in %s", w, msg)
				}
			}
		})
	}
}

// TestUsageErrorsInTheRunsLanguage checks the command line's own errors
// in German (the default before a plan is read) and with --lang en.
func TestUsageErrorsInTheRunsLanguage(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"validate", "nix/plan.yaml"}, "planatlas: Plan nix/plan.yaml nicht gefunden\n"},
		{[]string{"validate", "nix/plan.yaml", "--lang", "en"}, "planatlas: plan nix/plan.yaml not found\n"},
		{[]string{"validate", "x.yaml", "--lang", "fr"}, "planatlas: --lang \"fr\": möglich sind de oder en\n"},
		{[]string{"check-geometry", "a.geojson", "--plan", "p.yaml"}, "planatlas: geben Sie eine DATEI oder --plan an, nicht beides\n"},
		{[]string{"check-geometry", "a.geojson", "--plan", "p.yaml", "--lang=en"}, "planatlas: give a FILE or --plan, not both\n"},
	}
	for _, tc := range tests {
		var so, se bytes.Buffer
		if code := run(tc.args, &so, &se); code != 2 {
			t.Errorf("%v: exit code %d, want 2", tc.args, code)
		}
		if se.String() != tc.want {
			t.Errorf("%v:\n  %q\nwant\n  %q", tc.args, se.String(), tc.want)
		}
	}
	for n, want := range map[int][2]string{
		1: {"a.geojson: 1 Fehler; die Gebiete sind so nicht verwendbar", "a.geojson: 1 error; the areas cannot be used as they are"},
		3: {"a.geojson: 3 Fehler; die Gebiete sind so nicht verwendbar", "a.geojson: 3 errors; the areas cannot be used as they are"},
	} {
		err := geometryErrors{n, "a.geojson"}
		if got := lang.New("de").Error(err); got != want[0] {
			t.Errorf("de: %q, want %q", got, want[0])
		}
		if got := lang.New("en").Error(err); got != want[1] {
			t.Errorf("en: %q, want %q", got, want[1])
		}
	}
}
