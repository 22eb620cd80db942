package plan

import (
	"io/fs"
	"strings"
	"testing"

	"planatlas/demo"
)

func demoPlanText(t *testing.T) string {
	t.Helper()
	b, err := fs.ReadFile(demo.FS(), demo.PlanFile)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// Each change to the demo plan must be caught before anything runs, with
// the plan's line and the name at fault.
func TestValidateErrors(t *testing.T) {
	tests := []struct {
		name, old, new, want string
	}{
		{"index with one component", "      arbeitslosenquote: 1\n      anteil_65plus: 1\n      heisse_tage: 1\n      sgb2_quote: 2\n      kinderarmut: 2\n", "",
			"SKIP"},
		{"unknown input", "{input: klima, column: Heiße Tage", "{input: klimadaten, column: Heiße Tage",
			`unknown input "klimadaten"; did you mean "klima"?`},
		{"weight without mean", "aggregate: mean, weight: einwohner", "weight: einwohner",
			`variable "heisse_tage": a weight needs aggregate: mean`},
		{"unknown weight", "weight: einwohner}", "weight: einwohnerzahl}",
			`variable "heisse_tage": weight "einwohnerzahl" is not a variable; did you mean "einwohner"?`},
		{"filter on a non-dimension", "where: {alter: 65-}", "where: {altersgruppe: 65-}",
			`variable "ew_65plus" filters on "altersgruppe", which is not among the dimensions of input "bevoelkerung" (alter, geschlecht)`},
		{"need missing", "    need: higher\n    formula: 100 * ew_65plus / einwohner", "    formula: 100 * ew_65plus / einwohner",
			`indicator "anteil_65plus": need is required: higher (a higher value means more need) or lower`},
		{"need misspelt", "    need: higher\n    formula: 100 * ew_65plus / einwohner", "    need: hoch\n    formula: 100 * ew_65plus / einwohner",
			`indicator "anteil_65plus": need "hoch": use higher or lower`},
		{"component not an indicator", "      heisse_tage: 1\n", "      hitzetage: 1\n",
			`index "bedarfsindex": "hitzetage" is not an indicator`},
		{"negative weight", "      heisse_tage: 1\n", "      heisse_tage: -1\n",
			`index "bedarfsindex": weight of "heisse_tage" is -1; weights must be positive`},
		{"map of an unknown value", "    - value: sgb2_quote\n", "    - value: sgb2quote\n",
			`map: "sgb2quote" is not an indicator or index; did you mean "sgb2_quote"?`},
		{"too many classes", "      classes: 5", "      classes: 9",
			`map "bedarfsindex": 9 classes; use 2 to 7`},
		{"same output twice", "    - value: sgb2_quote\n", "    - value: bedarfsindex\n",
			`the output "map-bedarfsindex" is named twice`},
		{"unknown table format", "tables: [csv, parquet]", "tables: [csv, xlsx]",
			`tables: format "xlsx": use csv, parquet or arrow`},
		{"missing file", "file: klima.csv", "file: klima-2024.csv",
			`input "klima": file "klima-2024.csv" not found`},
		{"no version", "planatlas: 1\n", "",
			`the plan must begin with "planatlas: 1"`},
		{"index named like an indicator", "  bedarfsindex:\n    label: {de: Sozialer", "  sgb2_quote:\n    label: {de: Sozialer",
			`index "sgb2_quote" has the name of an indicator`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			text := demoPlanText(t)
			if tc.want == "SKIP" {
				// one component left
				text = strings.Replace(text, "      sgb2_quote: 2\n      kinderarmut: 2\n      arbeitslosenquote: 1\n      anteil_65plus: 1\n      heisse_tage: 1\n", "      sgb2_quote: 2\n", 1)
				tc.want = `index "bedarfsindex" has 1 component(s); a composite index needs at least two indicators`
			} else {
				if !strings.Contains(text, tc.old) {
					t.Fatalf("the demo plan lacks %q", tc.old)
				}
				text = strings.Replace(text, tc.old, tc.new, 1)
			}
			p, err := Parse([]byte(text), "plan.yaml")
			if err != nil {
				t.Fatalf("parse: %v", err)
			}
			_, err = Validate(p, FS{FS: demo.FS()}, "")
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("Validate error\n  %v\nwant\n  %s", err, tc.want)
			}
			if err != nil && !strings.HasPrefix(err.Error(), "plan.yaml:") {
				t.Errorf("error %q does not name the plan and line", err)
			}
			if bad, ok := err.(interface{ BadInput() bool }); !ok || !bad.BadInput() {
				t.Errorf("error %T is not a bad-input error", err)
			}
		})
	}
}

func TestValidateDemo(t *testing.T) {
	p, err := Parse([]byte(demoPlanText(t)), "plan.yaml")
	if err != nil {
		t.Fatal(err)
	}
	c, err := Validate(p, FS{FS: demo.FS()}, "en")
	if err != nil {
		t.Fatal(err)
	}
	if c.lang != "en" || len(c.indicators) != 6 || len(c.indices) != 1 || len(c.maps) != 2 || c.maps[1].Classes != 5 {
		t.Errorf("compiled %+v", c)
	}
	bev := c.inputs[0]
	if strings.Join(bev.cols.Values, ",") != "anzahl" || strings.Join(bev.cols.Dims, ",") != "alter,geschlecht" {
		t.Errorf("bevoelkerung columns %+v", bev.cols)
	}
}
