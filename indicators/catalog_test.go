package indicators

import (
	"strings"
	"testing"
)

// The shipped catalog parses, holds at least the 30 indicators the
// project promises, and every indicator compiles against the catalog's
// own variables.
func TestCatalog(t *testing.T) {
	c, err := LoadCatalog()
	if err != nil {
		t.Fatal(err)
	}
	if c.Version == "" || len(c.Indicators) < 30 {
		t.Fatalf("version %q, %d indicators", c.Version, len(c.Indicators))
	}
	vars := map[string]bool{}
	var names []string
	for _, v := range c.Variables {
		if v.Label.De == "" || v.Label.En == "" {
			t.Errorf("variable %s lacks a label", v.Name)
		}
		vars[v.Name] = true
		names = append(names, v.Name)
	}
	known := func(n string) bool { return vars[n] }
	for _, d := range c.Indicators {
		ind, err := d.Compile(known, names)
		if err != nil {
			t.Errorf("%s: %v", d.ID, err)
			continue
		}
		if d.Label.De == "" || d.Label.En == "" || d.Definition.De == "" || d.Definition.En == "" || d.Unit.De == "" || d.Unit.En == "" || d.Topic == "" {
			t.Errorf("%s: label, definition, unit and topic are required in both languages", d.ID)
		}
		if ind.Proportion && (ind.Numerator == "" || ind.Scale != 100) {
			t.Errorf("%s: a proportion needs a numerator, a denominator and scale 100", d.ID)
		}
	}
	for _, id := range []string{"anteil_u3", "anteil_3_5", "anteil_6_9", "anteil_u18", "anteil_65plus", "anteil_80plus",
		"jugendquotient", "altenquotient", "gesamtquotient", "alterungsindex", "bevoelkerung_1j", "bevoelkerung_5j",
		"auslaenderanteil", "arbeitslosenanteil", "langzeitarbeitslosenanteil", "sgb2_quote", "kinderarmut",
		"beschaeftigtenquote", "einwohnerdichte", "heisse_tage", "tropennaechte", "oberflaechentemperatur",
		"gruenanteil", "versiegelungsgrad", "hitzeempfindliche", "anteil_hitzeempfindliche", "ew_hitzebelastet"} {
		if _, ok := c.Get(id); !ok {
			t.Errorf("the catalog lacks %s", id)
		}
	}
	d, _ := c.Get("sgb2_quote")
	if d.FormulaText() != "100 * sgb2 / ew_u65" || strings.Join(d.Vars(), ",") != "sgb2,ew_u65" {
		t.Errorf("sgb2_quote: %q %v", d.FormulaText(), d.Vars())
	}
}

func TestDefinitionMergeAndErrors(t *testing.T) {
	c, _ := LoadCatalog()
	base, _ := c.Get("kinderarmut")
	yes := true
	merged := base.Merge(Definition{Smooth: SmoothLocalEB, Label: Label{En: "Child poverty rate"}})
	if merged.Smooth != SmoothLocalEB || merged.Label.En != "Child poverty rate" || merged.Label.De != base.Label.De || merged.Numerator != "sgb2_u15" {
		t.Errorf("merge kept or replaced the wrong fields: %+v", merged)
	}
	all := func(string) bool { return true }
	tests := []struct {
		d    Definition
		want string
	}{
		{Definition{ID: "x", Formula: "a", Need: "more"}, `need "more": use higher, lower or none`},
		{Definition{ID: "x", Formula: "a"}, "need is required"},
		{Definition{ID: "x", Need: "higher", Numerator: "a"}, "numerator and denominator go together"},
		{Definition{ID: "x", Need: "higher", Formula: "a", Proportion: &yes}, "proportion: true needs a numerator"},
		{Definition{ID: "x", Need: "higher", Formula: "a", Smooth: SmoothGlobalEB}, "smooth: eb-global needs a rate"},
		{Definition{ID: "x", Need: "higher", Formula: "a", Smooth: "kriging"}, `smooth "kriging": use eb-global`},
		{Definition{ID: "x", Need: "higher", Formula: "a", Reference: "mean"}, `reference "mean": use sum`},
		{Definition{ID: "x", Need: "higher"}, "a formula, or a numerator and a denominator, is required"},
	}
	for _, tc := range tests {
		if _, err := tc.d.Compile(all, nil); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%+v: error %v, want %q", tc.d, err, tc.want)
		}
	}
}
