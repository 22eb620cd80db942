package plan

import (
	"io/fs"
	"slices"
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
		{"index with one component", "", "", "SKIP"},
		{"unknown input", "{input: klima, column: Heiße Tage", "{input: klimadaten, column: Heiße Tage",
			`unknown input "klimadaten"; did you mean "klima"?`},
		{"weight without mean", "Heiße Tage, aggregate: mean, weight: ew}", "Heiße Tage, weight: ew}",
			`variable "heisse_tage": a weight needs aggregate: mean`},
		{"unknown weight", "Heiße Tage, aggregate: mean, weight: ew}", "Heiße Tage, aggregate: mean, weight: ewz}",
			`variable "heisse_tage": weight "ewz" is not a variable; did you mean "ew"?`},
		{"filter on a non-dimension", "where: {alter: 65-}", "where: {altersgruppe: 65-}",
			`variable "ew_65plus" filters on "altersgruppe", which is not among the dimensions of input "bevoelkerung" (alter, geschlecht)`},
		{"own indicator without need", "    smooth: eb-local\n", "    smooth: eb-local\n  quote_neu:\n    formula: 100 * sgb2 / ew_u65\n",
			`indicator "quote_neu": need is required: higher (a higher value means more need), lower, or none`},
		{"need misspelt", "    smooth: eb-local\n", "    smooth: eb-local\n    need: hoch\n",
			`indicator "kinderarmut": need "hoch": use higher, lower or none`},
		{"smoothing a non-rate", "  kinderarmut:\n", "  heisse_tage:\n",
			`indicator "heisse_tage": smooth: eb-local needs a rate with a numerator and a denominator`},
		{"unknown catalog indicator", "catalog: all", "catalog: [sgb2_quote, kinderarmutt]",
			`catalog: "kinderarmutt" is not a catalog indicator; did you mean "kinderarmut"?`},
		{"index component lacks its variable", "  auslaender:          {input: staatsangehoerigkeit, column: Ausländer}\n", "",
			"SKIP2"},
		{"descriptive indicator in an index", "      heisse_tage: 1\n", "      einwohner: 1\n",
			`index "bedarfsindex": indicator "einwohner" has need: none`},
		{"disclosure threshold", "threshold: 3", "threshold: -1",
			`disclosure: threshold -1: use 0 (no disclosure control) or a count such as 3`},
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
		{"unknown table format", "tables: [csv, parquet]", "tables: [csv, ods]",
			`tables: format "ods": use csv, parquet, arrow or xlsx`},
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
			if tc.want == "SKIP2" {
				text = strings.Replace(text, tc.old, "", 1)
				text = strings.Replace(text, "      heisse_tage: 1\n", "      auslaenderanteil: 1\n", 1)
				tc.want = `index "bedarfsindex": "auslaenderanteil" is not an indicator; the catalog indicator "auslaenderanteil" needs the variable(s) auslaender, which the plan does not define`
			} else if tc.want == "SKIP" {
				// one component left
				text = strings.Replace(text, "      sgb2_quote: 2\n      kinderarmut: 2\n      arbeitslosenanteil: 1\n      anteil_65plus: 1\n      heisse_tage: 1\n", "      sgb2_quote: 2\n", 1)
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
	sum := c.Summary()
	// The demo computes some indicators of every theme, not the whole
	// catalog (demo's TestDemoUsesEveryTheme): the others are unavailable.
	if c.lang != "en" || sum.Indicators < 40 || sum.Indices != 1 || len(c.maps) != 5 || c.maps[1].Classes != 6 || c.maps[1].Palette != "diverging" ||
		slices.Contains(sum.Unavailable, "kita_versorgung") || slices.Contains(sum.Unavailable, "wohngeldquote") {
		t.Errorf("checked %+v", sum)
	}
	bev := c.inputs[0]
	if strings.Join(bev.cols.Values, ",") != "anzahl" || strings.Join(bev.cols.Dims, ",") != "alter,geschlecht" {
		t.Errorf("bevoelkerung columns %+v", bev.cols)
	}
	if c.threshold != 3 || len(c.counts) != 37 {
		t.Errorf("disclosure: threshold %d, %d counts %v", c.threshold, len(c.counts), c.counts)
	}
	k := -1
	for i, d := range c.indicators {
		if d.ID == "kinderarmut" {
			k = i
		}
	}
	if k < 0 || c.indicators[k].Smooth != "eb-local" || c.indicators[k].Numerator != "sgb2_u15" || !c.indicators[k].Proportion {
		t.Errorf("kinderarmut: the plan's smoothing merged onto the catalog's definition: %+v", c.indicators[k])
	}
}

// A catalog indicator whose variables the plan lacks is not computed,
// with one note naming the missing variables; it is not an error.
func TestValidateMissingCatalogVariable(t *testing.T) {
	text := strings.Replace(demoPlanText(t), "  auslaender:          {input: staatsangehoerigkeit, column: Ausländer}\n", "", 1)
	// without the measures, whose notes (measures serving no goal) are not this test's
	text = strings.Replace(text, "measures:\n  file: massnahmen.csv\n", "", 1)
	p, err := Parse([]byte(text), "plan.yaml")
	if err != nil {
		t.Fatal(err)
	}
	c, err := Validate(p, FS{FS: demo.FS()}, "")
	if err != nil {
		t.Fatal(err)
	}
	s := c.Summary()
	// The demo lacks the variables of some catalog indicators already
	// (einbuergerungsquote needs einbuergerungen too): one note names them.
	if !slices.Contains(s.Unavailable, "auslaenderanteil") || len(s.Notes) != 1 ||
		!strings.HasPrefix(noteTexts(s.Notes)[0], `catalog: `) ||
		!strings.Contains(noteTexts(s.Notes)[0], ` indicator(s) not computed, the plan defines no variable for them: "auslaender" (auslaenderanteil, einbuergerungsquote); `) {
		t.Errorf("unavailable %v, notes %q", s.Unavailable, s.Notes)
	}
}

// "tables: []" and "images: []" mean none; leaving them out means the
// defaults (a census run that wants only the tabular stages must not
// write a 14 GB CSV).
func TestEmptyOutputListsMeanNone(t *testing.T) {
	for _, tc := range []struct {
		old, new       string
		tables, images int
	}{
		{"  tables: [csv, parquet]\n", "  tables: []\n", 0, 2},
		{"  tables: [csv, parquet]\n", "", 2, 2},
		{"  images: [svg, png]\n", "  images: []\n", 2, 0},
	} {
		text := strings.Replace(demoPlanText(t), tc.old, tc.new, 1)
		p, err := Parse([]byte(text), "plan.yaml")
		if err != nil {
			t.Fatal(err)
		}
		c, err := Validate(p, FS{FS: demo.FS()}, "en")
		if err != nil {
			t.Fatal(err)
		}
		if len(c.tables) != tc.tables || len(c.images) != tc.images {
			t.Errorf("%q: %d table formats, %d image formats; want %d, %d", tc.new, len(c.tables), len(c.images), tc.tables, tc.images)
		}
	}
}
