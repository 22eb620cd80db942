package demo

import (
	"io/fs"
	"slices"
	"testing"

	"go.yaml.in/yaml/v3"

	"planatlas/indicators"
)

// The demo plan shows every theme of the catalog: with "catalog: all" it
// computes each catalog indicator whose variables it defines (the area
// in km² comes from the geometry), and every theme has at least one such
// indicator. The indices draw only on indicators the plan has.
func TestDemoUsesEveryTheme(t *testing.T) {
	data, err := fs.ReadFile(FS(), PlanFile)
	if err != nil {
		t.Fatal(err)
	}
	var p struct {
		Catalog   any                       `yaml:"catalog"`
		Variables map[string]yaml.Node      `yaml:"variables"`
		Indices   map[string]map[string]any `yaml:"indices"`
	}
	if err := yaml.Unmarshal(data, &p); err != nil {
		t.Fatal(err)
	}
	if p.Catalog != "all" {
		t.Fatalf("the demo plan's catalog is %v, want all", p.Catalog)
	}
	cat, err := indicators.LoadCatalog()
	if err != nil {
		t.Fatal(err)
	}
	defined := func(v string) bool { _, ok := p.Variables[v]; return ok || v == "area_km2" }
	used := map[string][]string{}
	for _, d := range cat.Indicators {
		if vars := d.Vars(); len(vars) > 0 && !slices.ContainsFunc(vars, func(v string) bool { return !defined(v) }) {
			used[d.Topic] = append(used[d.Topic], d.ID)
		}
	}
	for _, th := range cat.Themes {
		if len(used[th.ID]) == 0 {
			t.Errorf("the demo plan uses no indicator of the theme %s (%s)", th.ID, th.Title.En)
		}
	}
	for name, ix := range p.Indices {
		comps, _ := ix["components"].(map[string]any)
		for id := range comps {
			if d, ok := cat.Get(id); ok && !slices.Contains(used[d.Topic], id) {
				t.Errorf("index %s: component %s lacks variables in the demo plan", name, id)
			}
		}
	}
}
