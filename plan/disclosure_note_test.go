package plan

import (
	"strings"
	"testing"

	"planatlas/demo"
	"planatlas/lang"
)

// Disclosure control switched off or weakened is said in every run: a
// note (terminal, manifest.json) and a warning at the top of report.html,
// in the run's language. The usual threshold and harsher ones say nothing.
func TestDisclosureOffIsNoted(t *testing.T) {
	tests := []struct {
		threshold, lang string
		want            string
	}{
		{"0", "de", "Geheimhaltung ausgeschaltet (disclosure: threshold: 0): Fallzahlen von 1 und 2 werden veröffentlicht"},
		{"1", "de", "Geheimhaltung ausgeschaltet (disclosure: threshold: 1)"},
		{"2", "de", "Geheimhaltung abgeschwächt (disclosure: threshold: 2): Fallzahlen ab 2 werden veröffentlicht; üblich ist 3"},
		{"0", "en", "disclosure control is off (disclosure: threshold: 0): counts of 1 and 2 are published"},
		{"2", "en", "disclosure control is weakened (disclosure: threshold: 2)"},
		{"3", "de", ""},
		{"10", "en", ""},
	}
	for _, tc := range tests {
		t.Run(tc.threshold+"-"+tc.lang, func(t *testing.T) {
			text := strings.Replace(demoPlanText(t), "threshold: 3", "threshold: "+tc.threshold, 1)
			p, err := Parse([]byte(text), "plan.yaml")
			if err != nil {
				t.Fatal(err)
			}
			c, err := Validate(p, FS{FS: demo.FS()}, tc.lang)
			if err != nil {
				t.Fatal(err)
			}
			lp := lang.New(tc.lang)
			var found []string
			for _, n := range lp.Messages(c.notes) {
				if strings.Contains(n, "disclosure: threshold") {
					found = append(found, n)
				}
			}
			if tc.want == "" {
				if len(found) > 0 || len(c.warnings) > 0 {
					t.Errorf("notes %q, warnings %q", found, c.warnings)
				}
				return
			}
			if len(found) != 1 || !strings.HasPrefix(found[0], tc.want) {
				t.Errorf("notes %q, want one starting %q", found, tc.want)
			}
			if len(c.warnings) != 1 || lp.Message(c.warnings[0]) != found[0] {
				t.Errorf("report.html warnings %q", c.warnings)
			}
		})
	}
}
