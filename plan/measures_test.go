package plan

import (
	"errors"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"planatlas/datasets"
	"planatlas/demo"
	"planatlas/lang"
)

// overlayFS is the demo with some files replaced.
type overlayFS struct {
	files map[string]string
	base  fs.FS
}

func (o overlayFS) Open(name string) (fs.File, error) {
	if s, ok := o.files[name]; ok {
		return fstest.MapFS{name: {Data: []byte(s)}}.Open(name)
	}
	return o.base.Open(name)
}

// validateMeasures validates the demo plan with its measures table
// replaced (if table is not "") and its measures section replaced (if
// section is not "").
func validateMeasures(t *testing.T, table, section string) (*Checked, error) {
	t.Helper()
	text := demoPlanText(t)
	if section != "" {
		block := "measures:\n  file: massnahmen.csv\nmonitoring:\n  index: bedarfsindex\n"
		if !strings.Contains(text, block) {
			t.Fatal("the demo plan has no measures block")
		}
		text = strings.Replace(text, block, section, 1)
	}
	p, err := Parse([]byte(text), "plan.yaml")
	if err != nil {
		t.Fatalf("parse: %v", err)
	}
	files := map[string]string{}
	if table != "" {
		files["massnahmen.csv"] = table
	}
	return Validate(p, FS{FS: overlayFS{files: files, base: demo.FS()}}, "")
}

const measuresHead = "id;titel;ziele;wo;amt;beginn;ende;status;budget\n"

// Each mistake in a measures table is an input error naming the file,
// the line and the column; in the plan, the plan's line.
func TestMeasureErrors(t *testing.T) {
	for _, tc := range []struct{ name, table, section, want, de string }{
		{"duplicate id", measuresHead + "M1;A;sgb2_stadt;0101;Amt;2024;2025;geplant;\nM1;B;sgb2_stadt;0102;Amt;2024;2025;geplant;\n", "",
			`massnahmen.csv:3: column "id": measure "M1": the id is used twice (first on line 2)`, ""},
		{"unknown status", measuresHead + "M1;A;sgb2_stadt;0101;Amt;2024;2025;fertig;\n", "",
			`massnahmen.csv:2: column "status": measure "M1": "fertig" is not a status; use one of: planned, started, implemented, postponed, dropped`,
			`erlaubt sind: geplant, begonnen, umgesetzt, verschoben, entfallen`},
		{"not a date", measuresHead + "M1;A;sgb2_stadt;0101;Amt;31.02.2024;2025;geplant;\n", "",
			`massnahmen.csv:2: column "beginn": measure "M1": start "31.02.2024" is not a date (a year such as 2025, 2025-03-31 or 31.03.2025)`, ""},
		{"end before start", measuresHead + "M1;A;sgb2_stadt;0101;Amt;2025-06-01;2024;geplant;\n", "",
			`massnahmen.csv:2: column "ende": measure "M1": it ends (2024) before it starts (2025-06-01)`, ""},
		{"unknown goal", measuresHead + "M1;A;sgb2_stadtt;0101;Amt;2024;2025;geplant;\n", "",
			`massnahmen.csv:2: column "ziele": measure "M1": "sgb2_stadtt" is not a goal of the plan; did you mean "sgb2_stadt"?`, ""},
		{"budget", measuresHead + "M1;A;sgb2_stadt;0101;Amt;2024;2025;geplant;viel\n", "",
			`measure "M1": budget "viel" is not an amount in euros`, ""},
		{"no id column", "nr_alt;titel\nM1;A\n", "", `the measures table has no column of ids`, ""},
		{"status in the plan", "", "measures:\n  m1:\n    goals: sgb2_stadt\n    status: done\n", `: measure "m1": "done" is not a status; use one of: planned`, ""},
		{"history year", "", "measures:\n  m1:\n    goals: sgb2_stadt\n    history: {20244: geplant}\n", `measure "m1": history: "20244" is not a year`, ""},
		{"history status", measuresHead[:len(measuresHead)-1] + ";status_2024\nM1;A;sgb2_stadt;0101;Amt;2024;2025;geplant;;gestartet\n", "",
			`massnahmen.csv:2: column "status_2024": measure "M1": "gestartet" is not a status`, ""},
		{"unknown index", "", "monitoring:\n  index: bedarf\n", `monitoring: "bedarf" is not an index; did you mean "bedarfsindex"?`, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			section := tc.section
			if strings.HasPrefix(section, "monitoring") {
				section = "measures:\n  file: massnahmen.csv\n" + section
			}
			_, err := validateMeasures(t, tc.table, section)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error\n  %v\nwant\n  %s", err, tc.want)
			}
			if bad, ok := err.(interface{ BadInput() bool }); !ok || !bad.BadInput() {
				t.Errorf("error %T is not a bad-input error", err)
			}
			if tc.de != "" {
				if got := lang.New("de").Error(err); !strings.Contains(got, tc.de) {
					t.Errorf("German: %s\nwant %s", got, tc.de)
				}
			}
		})
	}
}

// A goal no measure serves and a measure serving no goal are notes; a
// plan's measures keep their history in order of years.
func TestMeasureNotesAndPlanSyntax(t *testing.T) {
	section := "measures:\n  m1:\n    title: {de: Quartiersbüro, en: Neighbourhood office}\n    goals: [sgb2_stadt, kita_stadt]\n    where: [\"0101\", \"06\"]\n" +
		"    office: Sozialamt\n    start: 2024\n    end: 31.12.2026\n    status: begonnen\n    budget: 12500\n    indicator: sgb2_quote\n" +
		"    history: {2025: begonnen, 2024: planned}\n  m2:\n    status: verschoben\n"
	c, err := validateMeasures(t, "", section)
	if err != nil {
		t.Fatal(err)
	}
	var notes []string
	for _, n := range c.notes {
		notes = append(notes, n.String())
	}
	all := strings.Join(notes, "\n")
	for _, want := range []string{`measure "m2" serves no goal`, `goal "kinderarmut_stadt": no measure serves it`} {
		if !strings.Contains(all, want) {
			t.Errorf("no note %q in\n%s", want, all)
		}
	}
	if strings.Contains(all, `goal "sgb2_stadt": no measure`) {
		t.Error("a note on a goal that a measure serves")
	}
	m := c.measures[0]
	if m.title.De != "Quartiersbüro" || m.status != "started" || m.budget != 12500 || m.end.text != "2026-12-31" || m.start.text != "2024" ||
		len(m.history) != 2 || m.history[0] != (yearStatus{2024, "planned"}) || m.history[1] != (yearStatus{2025, "started"}) {
		t.Errorf("measure m1: %+v", m)
	}
	if c.measures[1].status != "postponed" || !math.IsNaN(c.measures[1].budget) {
		t.Errorf("measure m2: %+v", c.measures[1])
	}
}

// Keys the areas do not have are found in the dry run (validate), with
// the key meant where one lost its leading zero.
func TestMeasureUnknownPlaces(t *testing.T) {
	table := measuresHead + "M1;A;sgb2_stadt;101;Amt;2024;2025;geplant;\nM2;B;sgb2_stadt;0199;Amt;2024;2025;geplant;\nM3;C;sgb2_stadt;stadt 6;Amt;2024;2025;geplant;\n"
	dir := lightDemoDir(t, func(s string) string { return s })
	if err := os.WriteFile(filepath.Join(dir, "massnahmen.csv"), []byte(table), 0o644); err != nil {
		t.Fatal(err)
	}
	p, err := Parse([]byte(lightDemo(demoPlanText(t))), "plan.yaml")
	if err != nil {
		t.Fatal(err)
	}
	_, _, err = Check(p, Dir(dir), Options{})
	var list errorList
	if !errors.As(err, &list) || len(list) != 3 {
		t.Fatalf("want 3 errors, got %v", err)
	}
	for i, want := range []string{
		`massnahmen.csv:2: column "wo": measure "M1": "101" is neither a planning area's nor a district's key; did you mean "0101"? The key seems to have lost its leading zero`,
		`massnahmen.csv:3: column "wo": measure "M2": "0199" is neither a planning area's nor a district's key`,
		`massnahmen.csv:4: column "wo": measure "M3": "6" is neither a planning area's nor a district's key`,
	} {
		if !strings.Contains(list[i].Error(), want) {
			t.Errorf("error %d:\n  %v\nwant\n  %s", i, list[i], want)
		}
		var ie *datasets.InputError
		if !errors.As(list[i], &ie) {
			t.Errorf("error %d is a %T, not an input error", i, list[i])
		}
	}
}

func TestMeasureValues(t *testing.T) {
	for _, tc := range []struct {
		in, text string
		ok       bool
	}{
		{"2025", "2025", true}, {"2025-03-31", "2025-03-31", true}, {"31.03.2025", "2025-03-31", true}, {"1.4.2025", "2025-04-01", true},
		{"", "", true}, {"2025-02-30", "", false}, {"30.02.2025", "", false}, {"März 2025", "", false}, {"20250", "", false}, {"0999", "", false},
	} {
		d, ok := parseMeasureDate(tc.in)
		if ok != tc.ok || d.text != tc.text {
			t.Errorf("date %q: %q %v, want %q %v", tc.in, d.text, ok, tc.text, tc.ok)
		}
	}
	for _, tc := range []struct {
		in   string
		want float64
		ok   bool
	}{
		{"12500", 12500, true}, {"12.500", 12500, true}, {"2.400.000", 2400000, true}, {"12.500,50", 12500.5, true},
		{"12,500.50", 12500.5, true}, {"1250.5", 1250.5, true}, {"12 500 €", 12500, true}, {"viel", 0, false}, {"-5", 0, false},
	} {
		v, ok := parseEuros(tc.in)
		if ok != tc.ok || (ok && v != tc.want) {
			t.Errorf("euros %q: %v %v, want %v %v", tc.in, v, ok, tc.want, tc.ok)
		}
	}
	for _, tc := range []struct{ in, code string }{{"Geplant", "planned"}, {"begonnen", "started"}, {"implemented", "implemented"},
		{"verschoben", "postponed"}, {"ENTFALLEN", "dropped"}, {"", ""}} {
		if c, ok := statusCode(tc.in); !ok || c != tc.code {
			t.Errorf("status %q: %q %v, want %q", tc.in, c, ok, tc.code)
		}
	}
	if _, ok := statusCode("fertig"); ok {
		t.Error("fertig is a status")
	}
}

// The top fifth of need: ⌈n/5⌉ areas with a value, and those tied
// with the last of them.
func TestHighNeed(t *testing.T) {
	nan := math.NaN()
	for _, tc := range []struct {
		v    []float64
		want string
	}{
		{[]float64{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, "........xx"},
		{[]float64{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}, "........xxx"},
		{[]float64{5, nan, 1, 2, 3}, "x...."},
		{[]float64{3, 3, 1, 2, 0}, "xx..."},
		{[]float64{nan, nan}, ".."},
	} {
		got := ""
		for _, h := range highNeed(tc.v) {
			if h {
				got += "x"
			} else {
				got += "."
			}
		}
		if got != tc.want {
			t.Errorf("%v: %s, want %s", tc.v, got, tc.want)
		}
	}
}
