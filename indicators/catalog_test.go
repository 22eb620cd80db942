package indicators

import (
	"strings"
	"testing"
)

// The shipped catalog parses, holds at least the 80 indicators the
// project promises (issue 23: every theme of a social plan), and every indicator compiles against the catalog's
// own variables.
func TestCatalog(t *testing.T) {
	c, err := LoadCatalog()
	if err != nil {
		t.Fatal(err)
	}
	if c.Version == "" || len(c.Indicators) < 80 {
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

// Every catalog entry is complete: both languages for label, definition,
// unit and source; a kind that fits its formula; a need direction; a
// theme of the themes: block with both titles. Every theme has
// indicators and every variable is used.
func TestCatalogEntriesComplete(t *testing.T) {
	c, err := LoadCatalog()
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Indicators) < 80 {
		t.Errorf("%d indicators, want at least 80", len(c.Indicators))
	}
	for _, th := range c.Themes {
		if th.Title.De == "" || th.Title.En == "" || th.Title.De == th.ID {
			t.Errorf("theme %s: a title in both languages is required (not the id)", th.ID)
		}
	}
	for _, want := range []string{"demografie", "soziales", "kinderbetreuung", "pflege", "wohnen", "gesundheit",
		"sicherheit", "fachkraefte", "gleichstellung", "familie", "migration", "klima"} {
		if _, ok := c.Theme(want); !ok {
			t.Errorf("the catalog lacks the theme %s", want)
		}
	}
	vars := map[string]bool{}
	var names []string
	for _, v := range c.Variables {
		vars[v.Name] = true
		names = append(names, v.Name)
	}
	known := func(n string) bool { return vars[n] }
	// The variables of the mean indicators aggregate as means.
	means := map[string]bool{}
	for _, d := range c.Indicators {
		if d.Kind == "mean" {
			for _, v := range d.Vars() {
				means[v] = true
			}
		}
	}
	perTheme := map[string]int{}
	used := map[string]bool{}
	for _, d := range c.Indicators {
		both := func(what string, l Label) {
			if strings.TrimSpace(l.De) == "" || strings.TrimSpace(l.En) == "" {
				t.Errorf("%s: %s needs de and en", d.ID, what)
			}
		}
		both("label", d.Label)
		both("definition", d.Definition)
		both("unit", d.Unit)
		both("source", d.Source)
		if _, ok := c.Theme(d.Topic); !ok {
			t.Errorf("%s: topic %q is not a theme of the catalog", d.ID, d.Topic)
		}
		perTheme[d.Topic]++
		if d.Need != "higher" && d.Need != "lower" && d.Need != "none" {
			t.Errorf("%s: need %q", d.ID, d.Need)
		}
		ind, err := d.Compile(known, names)
		if err != nil {
			t.Errorf("%s: %v", d.ID, err)
			continue
		}
		for _, v := range ind.Formula.Vars {
			used[v] = true
		}
		if err := kindFits(d, ind, func(v string) bool { return means[v] }); err != "" {
			t.Errorf("%s: kind %q: %s", d.ID, d.Kind, err)
		}
	}
	for _, th := range c.Themes {
		if perTheme[th.ID] == 0 {
			t.Errorf("theme %s has no indicator", th.ID)
		}
	}
	for _, v := range c.Variables {
		if !used[v.Name] {
			t.Errorf("variable %s is used by no indicator", v.Name)
		}
	}
}

// kindFits checks a declared kind against the formula: a count adds up, a
// share is a proportion, a rate is a ratio or a change (not a count), a
// mean is made of variables that are means (mean says which are).
func kindFits(d Definition, ind *Indicator, mean func(string) bool) string {
	switch d.Kind {
	case "count":
		if ind.InferKind(mean); ind.Kind != KindCount {
			return "the formula is not a count"
		}
	case "share":
		if ind.InferKind(mean); !ind.Proportion && ind.Kind != KindRatio {
			return "a share is a proportion or a ratio of counts"
		}
	case "rate":
		if ind.Kind == KindCount || ind.Proportion {
			return "a count or a share is not a rate"
		}
	case "mean":
		ind.InferKind(func(string) bool { return true })
		if ind.Kind != KindMean {
			return "the formula is not made of means"
		}
	default:
		return "use count, share, rate or mean"
	}
	return ""
}
