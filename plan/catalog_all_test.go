package plan

import (
	"strings"
	"testing"

	"planatlas/demo"
)

// TestCatalogAllSkipsUnsupported: with four years of data, "catalog: all"
// leaves out the five-year change with its reason, while a plan that
// uses the indicator (here on a map) fails with the same reason, and
// Check finds both, as a run would.
func TestCatalogAllSkipsUnsupported(t *testing.T) {
	tests := []struct {
		name, edit string
		wantNote   string
		wantErr    string
	}{
		{"left out", "", "bevoelkerung_5j (it compares each year with 5 years earlier, and the data cover only 2021–2024)", ""},
		{"used on a map", "  maps:\n    - value: bevoelkerung_5j\n", "",
			`indicator "bevoelkerung_5j" has no value in any area and year: it compares each year with 5 years earlier, and the data cover only 2021–2024`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			text := strings.Replace(demoPlanText(t), "catalog: all\n", "catalog: all\nyears: 2021-2024\n", 1)
			if !strings.Contains(text, "years: 2021-2024") {
				t.Fatal("the demo plan has no \"catalog: all\" line")
			}
			if tc.edit != "" {
				text = strings.Replace(text, "  maps:\n", tc.edit, 1)
			}
			p, err := Parse([]byte(text), "plan.yaml")
			if err != nil {
				t.Fatal(err)
			}
			c, notes, err := Check(p, FS{FS: demo.FS()}, Options{Lang: "en"})
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("error %v, want %q", err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(strings.Join(noteTexts(notes), "\n"), tc.wantNote) {
				t.Errorf("notes lack %q:\n%s", tc.wantNote, strings.Join(noteTexts(notes), "\n"))
			}
			for _, d := range c.indicators {
				if d.ID == "bevoelkerung_5j" {
					t.Error("bevoelkerung_5j is still among the indicators")
				}
			}
			// the index's components still point at their indicators
			var comps []string
			for _, comp := range c.indices[0].components {
				comps = append(comps, c.indicators[comp.indicator].ID)
			}
			if got := strings.Join(comps, ","); got != "sgb2_quote,kinderarmut,arbeitslosenanteil,anteil_65plus,heisse_tage" {
				t.Errorf("index components %s", got)
			}
		})
	}
}
