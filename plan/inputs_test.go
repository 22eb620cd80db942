package plan

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// inputsPlan is a plan on testdata/inputs: residents from two yearly
// files by a pattern with the year in their names, children as a formula
// over the columns and as a sum in a numerator, and an MSS-like table
// that leaves out area 04 and writes -9999 for area 02.
const inputsPlan = `planatlas: 1
city: Teststadt
language: en
areas: {file: gebiete.geojson, key: id, name: name, parent: bezirk}
inputs:
  einwohner:
    file: ew-*-12.csv
    key: id
    year: {from_name: "ew-{year}-12.csv"}
  mss:
    file: mss.csv
    key: PLR_ID
    year: 2023
    missing: [-9999]
variables:
  ew: {input: einwohner, column: ew}
  ew_u6: {input: einwohner, column: ew_u6}
  ew_6_14: {input: einwohner, column: ew_6_14}
  ew_15_17: {input: einwohner, column: ew_15_17}
  ew_u18: {input: einwohner, formula: "ew_u6 + ew_6_14 + ew_15_17"}
  s1: {input: mss, column: S1, aggregate: mean, weight: ew}
catalog: none
indicators:
  kinder:
    label: Children
    unit: "%"
    need: none
    numerator: ew_u6 + ew_6_14 + ew_15_17
    denominator: ew
    scale: 100
    proportion: true
  kinder_formel:
    label: Children (formula variable)
    unit: "%"
    need: none
    numerator: ew_u18
    denominator: ew
    scale: 100
    proportion: true
  arbeitslosigkeit:
    label: S1
    unit: "%"
    need: higher
    formula: s1
disclosure: {threshold: 0}
outputs:
  maps: []
  charts: []
  tables: [csv]
  images: []
  report: false
`

// copyInputs copies testdata/inputs into a temporary folder, with the
// plan text, and returns the plan's path.
func copyInputs(t *testing.T, plan string, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	entries, err := os.ReadDir("testdata/inputs")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join("testdata/inputs", e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, e.Name()), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "plan.yaml"), []byte(plan), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

func runInputs(t *testing.T, dir string) (*Result, string, error) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, "plan.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	p, err := Parse(data, "plan.yaml")
	if err != nil {
		return nil, "", err
	}
	out := filepath.Join(dir, "out")
	res, err := Run(p, Dir(dir), Options{Out: out, PlanData: data})
	return res, out, err
}

func TestInputs(t *testing.T) {
	tests := []struct {
		name    string
		old     string // replaced in the plan by new
		new     string
		files   map[string]string // written over testdata/inputs
		err     string            // a part of the error; "" for a run
		notes   []string          // parts of the run's notes
		rows    []string          // parts of lines of indicators.csv
		absent  []string          // texts no output table may hold
		inputs  int               // input files in the manifest (each hashed)
		protect []string          // files the output folder may not hold
	}{
		{name: "missing values and an incomplete table",
			notes: []string{
				`input "mss": 1 area(s) have no row in mss.csv; its variables are missing there (complete: true makes this an error): 04 Weststadt`,
				`variable(s) s1: no value where the source writes a declared missing-value code (missing:); 2023: 1 area(s), 02 Nordviertel`,
				`input "einwohner": 2 files read as one table: ew-2022-12.csv, ew-2023-12.csv (years 2022–2023 from the file names)`,
			},
			rows: []string{
				"arbeitslosigkeit,S1,%,2023,area,02,Nordviertel,,missing-code,",
				"arbeitslosigkeit,S1,%,2023,area,04,Weststadt,,no-data,",
				"arbeitslosigkeit,S1,%,2023,area,01,Altstadt,12.5,",
				// (100 + 150 + 60) / 1900
				"kinder,Children,%,2022,area,01,Altstadt,16.31578947368421,",
				"kinder_formel,Children (formula variable),%,2022,area,01,Altstadt,16.31578947368421,",
				// the city: (310 + 240 + 420 + 130) / 6400
				"kinder,Children,%,2022,city,,Teststadt,17.1875,",
			},
			absent:  []string{"-9999"},
			inputs:  4, // geometry, two yearly files, mss.csv
			protect: []string{"ew-2022-12.csv", "ew-2023-12.csv"}},
		{name: "undeclared code", old: "    missing: [-9999]\n", new: "",
			err: `plan.yaml:10: input "mss": mss.csv, column "S1": the value -9999 in 1 row(s) (mss.csv:3; areas 02 Nordviertel) looks like a code for a missing value, not a number; if it is one, declare it in the input: missing: [-9999]`},
		{name: "code declared for another column", old: "missing: [-9999]", new: "missing: {S3: [-9999]}",
			err: `column "S1": the value -9999 in 1 row(s)`},
		{name: "complete table", old: "    missing: [-9999]\n", new: "    missing: [-9999]\n    complete: true\n",
			err: `mss.csv: 1 area(s) found in other tables or the geometry have no row here: "04"`},
		{name: "pattern without a match", old: "ew-*-12.csv", new: "einwohner-*.csv",
			err: `plan.yaml:6: input "einwohner": no file matches "einwohner-*.csv"`},
		{name: "file name without the year", files: map[string]string{"ew-neu-12.csv": "id;ew;ew_u6;ew_6_14;ew_15_17\n01;1;0;0;0\n"},
			err: `plan.yaml:9: input "einwohner": the file name "ew-neu-12.csv" does not match year: {from_name: "ew-{year}-12.csv"}`},
		{name: "an area and year in two files",
			old:   "file: ew-*-12.csv\n    key: id\n    year: {from_name: \"ew-{year}-12.csv\"}",
			new:   "file: ew-*-12*.csv\n    key: id\n    year: {from_name: \"ew-{year}-12*.csv\"}",
			files: map[string]string{"ew-2023-12-nachtrag.csv": "id;ew;ew_u6;ew_6_14;ew_15_17\n03;1;0;0;0\n"},
			err:   `ew-2023-12.csv:4: area "03", year 2023 is also in ew-2023-12-nachtrag.csv:2: each area and year may come from one file only`},
		{name: "a numerator with a product", old: "numerator: ew_u6 + ew_6_14 + ew_15_17", new: "numerator: ew_u6 * 2",
			err: `indicator "kinder": numerator "ew_u6 * 2": a numerator or denominator is a variable or a sum of variables`},
		{name: "a formula column that is not there", old: "ew_u6 + ew_6_14 + ew_15_17\"}", new: "ew_u6 + ew_6_15 + ew_15_17\"}",
			err: `input "einwohner", variable "ew_u18" (formula): column "ew_6_15" not found in ew-2022-12.csv; did you mean "ew_6_14"?`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			plan := inputsPlan
			if tc.old != "" || tc.new != "" {
				if !strings.Contains(plan, tc.old) {
					t.Fatalf("the plan lacks %q", tc.old)
				}
				plan = strings.Replace(plan, tc.old, tc.new, 1)
			}
			dir := copyInputs(t, plan, tc.files)
			res, out, err := runInputs(t, dir)
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("error\n  %v\nwant it to contain\n  %s", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			notes := strings.Join(noteTexts(res.Notes), "\n")
			for _, n := range tc.notes {
				if !strings.Contains(notes, n) {
					t.Errorf("notes lack\n  %s\nin\n%s", n, notes)
				}
			}
			inds := string(readOut(t, out, "indicators.csv"))
			for _, row := range tc.rows {
				if !strings.Contains(inds, row) {
					t.Errorf("indicators.csv lacks %q", row)
				}
			}
			for _, f := range []string{"indicators.csv", "variables.csv", "areas.csv"} {
				text := string(readOut(t, out, f))
				for _, a := range tc.absent {
					if strings.Contains(text, a) {
						t.Errorf("%s holds %q", f, a)
					}
				}
			}
			var m struct {
				Inputs []struct{ Path string }
			}
			if err := json.Unmarshal(readOut(t, out, "manifest.json"), &m); err != nil {
				t.Fatal(err)
			}
			if len(m.Inputs) != tc.inputs {
				t.Errorf("%d input files in the manifest, want %d: %v", len(m.Inputs), tc.inputs, m.Inputs)
			}
			c, err := Validate(mustParse(t, plan), Dir(dir), "")
			if err != nil {
				t.Fatal(err)
			}
			prot := strings.Join(protected(c, Dir(dir)), "\n")
			for _, f := range tc.protect {
				if !strings.Contains(prot, filepath.Join(dir, f)) {
					t.Errorf("protected files lack %s:\n%s", f, prot)
				}
			}
		})
	}
}

func mustParse(t *testing.T, text string) *Plan {
	t.Helper()
	p, err := Parse([]byte(text), "plan.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return p
}
