package plan

import (
	"io/fs"
	"strings"
	"testing"

	"planatlas/demo"
)

func TestParseDemoPlan(t *testing.T) {
	data, err := fs.ReadFile(demo.FS(), demo.PlanFile)
	if err != nil {
		t.Fatal(err)
	}
	p, err := Parse(data, "plan.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if p.Version != 1 || p.Title.In("en") != "Social area analysis Musterstadt" || p.City.In("de") != "Musterstadt" {
		t.Errorf("header: %+v", p)
	}
	if got := strings.Join(p.Inputs.Names(), ","); got != "bevoelkerung,staatsangehoerigkeit,arbeitsmarkt,klima,sozialplan,kitas" {
		t.Errorf("inputs in order: %s", got)
	}
	v, _ := p.Variables.Get("ew_65plus")
	w, _ := v.Value.Where.Get("alter")
	if v.Value.Input != "bevoelkerung" || len(w.Value) != 1 || w.Value[0] != "65-" || v.Line == 0 {
		t.Errorf("ew_65plus = %+v", v)
	}
	ix, _ := p.Indices.Get("bedarfsindex")
	if len(ix.Value.Components) != 5 || ix.Value.Components[0].Name != "sgb2_quote" || ix.Value.Components[0].Value != 2 {
		t.Errorf("components %+v", ix.Value.Components)
	}
	if len(p.Outputs.Maps) != 5 || p.Outputs.Maps[1].Value != "sgb2_quote" || p.Outputs.Maps[0].Classes != 5 {
		t.Errorf("maps %+v", p.Outputs.Maps)
	}
	ka, _ := p.Indicators.Get("kinderarmut")
	if ka.Value.Smooth != "eb-local" || !p.Catalog.All || p.Disclosure.Threshold == nil || *p.Disclosure.Threshold != 3 {
		t.Errorf("kinderarmut %+v, catalog %+v, disclosure %+v", ka.Value, p.Catalog, p.Disclosure)
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, yaml, want string
	}{
		{"unknown top-level field", "planatlas: 1\ntitel: x\n",
			`plan.yaml:2: unknown field "titel" in the plan; did you mean "title"?`},
		{"unknown nested field", "planatlas: 1\nindices:\n  a:\n    method: zsum\n    weigths: {x: 1}\n",
			`plan.yaml:5: unknown field "weigths" in an index`},
		{"wrong type", "planatlas: 1\noutputs:\n  year: zweitausend\n",
			`plan.yaml:3: "year": text ` + "`zweitau...`" + ` is given where a whole number is expected`},
		{"a number for a section", "planatlas: 1\nindices:\n  mss:\n    valid: 300\n",
			`plan.yaml:4: valid must be a mapping of its fields (min, variable), not the value "300"`},
		{"a list for a number", "planatlas: 1\noutputs:\n  maps:\n    - value: a\n      classes: [1, 2]\n",
			`plan.yaml:5: "classes": a list is given where a whole number is expected`},
		{"duplicate name", "planatlas: 1\nvariables:\n  a: {input: x, column: y}\n  a: {input: x, column: z}\n",
			`plan.yaml:4: "a" is defined twice in variables (first on line 3); YAML would silently use the later one: keep one of them`},
		{"duplicate section", "planatlas: 1\ndisclosure: {threshold: 3}\ntitle: x\ndisclosure:\n  threshold: 1\n",
			`plan.yaml:4: "disclosure" is defined twice (first on line 2)`},
		{"duplicate field", "planatlas: 1\ndisclosure:\n  threshold: 3\n  threshold: 1\n",
			`plan.yaml:4: "threshold" is defined twice in disclosure (first on line 3)`},
		{"duplicate in a flow mapping", "planatlas: 1\nvariables:\n  a: {input: x, column: y, column: z}\n",
			`plan.yaml:3: "column" is defined twice in variables.a (first on line 3)`},
		{"duplicate in a list item", "planatlas: 1\noutputs:\n  maps:\n    - value: a\n      classes: 5\n      classes: 3\n",
			`plan.yaml:6: "classes" is defined twice in outputs.maps (first on line 5)`},
		{"duplicate filter", "planatlas: 1\nvariables:\n  a:\n    input: x\n    where: {alter: 0-5, geschlecht: w, alter: 6-9}\n",
			`plan.yaml:5: "alter" is defined twice in variables.a.where (first on line 5)`},
		{"bad yaml", "planatlas: 1\n  title: [\n", `plan.yaml:2: not valid YAML`},
		{"empty", "", `plan.yaml: the plan is empty`},
		{"not a mapping", "- a\n- b\n", `plan.yaml:1: the plan must be a mapping of its fields (areas, boundaries, catalog,`},
		{"bad years", "planatlas: 1\nyears: 2024-2014\n", `plan.yaml:2: years: "2024-2014" is not a year`},
		{"fraction for a whole number", "planatlas: 1\ndisclosure: {threshold: 2.9}\n", `plan.yaml:2: "threshold": 2.9 is not a whole number`},
		{"fraction for a count of classes", "planatlas: 1\noutputs:\n  maps:\n    - value: a\n      classes: 4.5\n", `plan.yaml:5: "classes": 4.5 is not a whole number`},
		{"an infinite distance", "planatlas: 1\nweights: {type: distance, distance: .inf}\n", `plan.yaml:2: "distance": .inf is not a number planatlas can use (infinite or not a number)`},
		{"a bound not a number", "planatlas: 1\noutputs:\n  maps:\n    - value: a\n      method: manual\n      bounds: [1, .nan]\n", `plan.yaml:6: "bounds": .nan is not a number planatlas can use`},
		{"years typo", "planatlas: 1\nyears: 2014-202400000\n", `plan.yaml:2: years: 202400000 is not a plausible year (1800–2200): a typo?`},
		{"year typo in a list", "planatlas: 1\nyears:\n  - 2014\n  - 215\n", `plan.yaml:4: years: 215 is not a plausible year`},
		{"fixed year typo", "planatlas: 1\ninputs:\n  a: {file: a.csv, key: k, year: 20224}\n", `plan.yaml:3: year: 20224 is not a plausible year`},
		{"language in text", "planatlas: 1\ntitle: {de: a, fr: b}\n", `plan.yaml:2: unknown language "fr"`},
		{"language in a label", "planatlas: 1\nindicators:\n  x:\n    label: {de: a, fr: b}\n", `plan.yaml:4: "label": unknown language "fr" in a text (use de and en)`},
		{"unknown indicator field", "planatlas: 1\nindicators:\n  x:\n    weight: 3\n", `plan.yaml:4: unknown field "weight" in an indicator`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse([]byte(tc.yaml), "plan.yaml")
			if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
				t.Errorf("Parse error\n  %v\nwant prefix\n  %s", err, tc.want)
			}
		})
	}
}
