package datasets

import (
	"math"
	"strings"
	"testing"
)

func mustFilter(t *testing.T, col string, vals ...string) Filter {
	t.Helper()
	f, err := ParseFilter(col, vals)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func TestBuildPanelLong(t *testing.T) {
	tab, err := readTestCSV(t, "long.csv", Spec{Key: "planungsraum", Year: "jahr", Dims: []string{"alter", "geschlecht"}, Values: []string{"anzahl"}}, CSVOptions{})
	if err != nil {
		t.Fatal(err)
	}
	specs := []VariableSpec{
		{Name: "ew", Table: tab, Column: "anzahl"},
		{Name: "u18", Table: tab, Column: "anzahl", Where: []Filter{mustFilter(t, "alter", "0-17")}},
		{Name: "ab65", Table: tab, Column: "anzahl", Where: []Filter{mustFilter(t, "alter", "65-")}},
		{Name: "w65", Table: tab, Column: "anzahl", Where: []Filter{mustFilter(t, "alter", "65+"), mustFilter(t, "geschlecht", "w")}},
		{Name: "neugeb", Table: tab, Column: "anzahl", Where: []Filter{mustFilter(t, "alter", "0")}},
	}
	p, err := BuildPanel(specs, nil)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(p.Keys, ",") != "01,02" || len(p.Years) != 2 || p.Years[0] != 2023 {
		t.Fatalf("keys %v years %v", p.Keys, p.Years)
	}
	// cell order: year-major, so [2023/01, 2023/02, 2024/01, 2024/02]
	want := map[string][]float64{
		"ew":     {35, 7, 9, math.NaN()},
		"u18":    {26, 3, 9, 0},
		"ab65":   {9, 4, 0, math.NaN()},
		"w65":    {2, 4, 0, math.NaN()},
		"neugeb": {21, 3, 9, 0},
	}
	for name, w := range want {
		s := p.Var(name)
		for i := range w {
			if !sameFloat(s.Values[i], w[i]) {
				t.Errorf("%s[%d] = %v, want %v", name, i, s.Values[i], w[i])
			}
		}
	}
	if f := p.Var("ab65").Flags[3]; f != Confidential {
		t.Errorf("a sum over a confidential cell has flag %v, want confidential", f)
	}
	if p.Where("02") != "long.csv:7" {
		t.Errorf("Where(02) = %q", p.Where("02"))
	}
}

func TestBuildPanelErrors(t *testing.T) {
	long, err := readTestCSV(t, "long.csv", Spec{Key: "planungsraum", Year: "jahr", Dims: []string{"alter", "geschlecht"}, Values: []string{"anzahl"}}, CSVOptions{})
	if err != nil {
		t.Fatal(err)
	}
	missingYear, err := readTestCSV(t, "missingyear.csv", Spec{Key: "planungsraum", Year: "jahr", Values: []string{"x"}}, CSVOptions{})
	if err != nil {
		t.Fatal(err)
	}
	missingArea, err := readTestCSV(t, "missingarea.csv", Spec{Key: "planungsraum", Year: "jahr", Values: []string{"y"}}, CSVOptions{})
	if err != nil {
		t.Fatal(err)
	}
	missingYear.Complete, missingArea.Complete = true, true // complete: true in the plan
	dup, err := readTestCSV(t, "duplicate.csv", Spec{Key: "planungsraum", Year: "jahr", Values: []string{"arbeitslose"}}, CSVOptions{})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		specs []VariableSpec
		want  string
	}{
		{"missing year", []VariableSpec{{Name: "x", Table: missingYear, Column: "x"}},
			`missingyear.csv: missing rows (the table has these years for other areas): area "02" in 2024`},
		{"missing area", []VariableSpec{{Name: "x", Table: missingYear, Column: "x"}, {Name: "y", Table: missingArea, Column: "y"}},
			`missingarea.csv: 1 area(s) found in other tables or the geometry have no row here: "02" (missingyear.csv:3)`},
		{"duplicate", []VariableSpec{{Name: "a", Table: dup, Column: "arbeitslose"}},
			`duplicate.csv:3: duplicate row for area "01", year 2023: the same as line 2`},
		{"no match", []VariableSpec{{Name: "frauen", Table: long, Column: "anzahl", Where: []Filter{mustFilter(t, "geschlecht", "W")}}},
			`long.csv: variable "frauen": no row matches geschlecht: W (values in the table: "m", "w")`},
		{"split band", []VariableSpec{{Name: "a90", Table: long, Column: "anzahl", Where: []Filter{mustFilter(t, "alter", "90-99")}}},
			`long.csv:6: column "alter": the group "95+" is split by filter alter: 90-99`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := BuildPanel(tc.specs, nil)
			if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
				t.Errorf("BuildPanel() error\n  %v\nwant prefix\n  %s", err, tc.want)
			}
		})
	}
}

func TestParseRange(t *testing.T) {
	inf := math.Inf(1)
	tests := []struct {
		in     string
		lo, hi float64
		ok     bool
	}{
		{"65-", 65, inf, true},
		{"65+", 65, inf, true},
		{"0-17", 0, 17, true},
		{"-17", math.Inf(-1), 17, true},
		{"6", 6, 6, true},
		{"3 – 5", 3, 5, true},
		{"w", 0, 0, false},
		{"-", 0, 0, false},
	}
	for _, tc := range tests {
		lo, hi, ok := parseRange(tc.in)
		if ok != tc.ok || ok && (lo != tc.lo || hi != tc.hi) {
			t.Errorf("parseRange(%q) = %v, %v, %v; want %v, %v, %v", tc.in, lo, hi, ok, tc.lo, tc.hi, tc.ok)
		}
	}
}

func TestFamilies(t *testing.T) {
	tab, err := readTestCSV(t, "long.csv", Spec{Key: "planungsraum", Year: "jahr", Dims: []string{"alter", "geschlecht"}, Values: []string{"anzahl"}}, CSVOptions{})
	if err != nil {
		t.Fatal(err)
	}
	specs := []VariableSpec{
		{Name: "ew", Table: tab, Column: "anzahl"},
		{Name: "u18", Table: tab, Column: "anzahl", Where: []Filter{mustFilter(t, "alter", "0-17")}},
		{Name: "ab65", Table: tab, Column: "anzahl", Where: []Filter{mustFilter(t, "alter", "65-")}},
		{Name: "w", Table: tab, Column: "anzahl", Where: []Filter{mustFilter(t, "geschlecht", "w")}},
	}
	fs := Families(specs)
	if len(fs) != 1 || len(fs[0].Vars) != 4 {
		t.Fatalf("families %+v", fs)
	}
	f := fs[0]
	// ages fall into {0-17}, {65-}; sex into {m}, {w}: the table has rows
	// for 0-17 m, 0-17 w, 65+ m, 65+ w, so four atoms.
	if len(f.Member[0]) != 4 {
		t.Fatalf("%d atoms, want 4: %v", len(f.Member[0]), f.Member)
	}
	count := func(v int) int {
		n := 0
		for _, in := range f.Member[v] {
			if in {
				n++
			}
		}
		return n
	}
	if count(0) != 4 || count(1) != 2 || count(2) != 2 || count(3) != 2 {
		t.Errorf("membership %v", f.Member)
	}
	// u18 + ab65 = ew: the atoms of u18 and ab65 are disjoint and cover ew's.
	for a := range f.Member[0] {
		if f.Member[1][a] == f.Member[2][a] {
			t.Errorf("atom %d: u18 %v, ab65 %v", a, f.Member[1][a], f.Member[2][a])
		}
	}
}

// A table without complete: true that lacks an area, a year of an area,
// or an area of the geometry gives missing values (NoData) there, and
// Gaps says which.
func TestBuildPanelGaps(t *testing.T) {
	missingYear, err := readTestCSV(t, "missingyear.csv", Spec{Key: "planungsraum", Year: "jahr", Values: []string{"x"}}, CSVOptions{})
	if err != nil {
		t.Fatal(err)
	}
	missingArea, err := readTestCSV(t, "missingarea.csv", Spec{Key: "planungsraum", Year: "jahr", Values: []string{"y"}}, CSVOptions{})
	if err != nil {
		t.Fatal(err)
	}
	p, err := BuildPanelWith([]VariableSpec{{Name: "x", Table: missingYear, Column: "x"}, {Name: "y", Table: missingArea, Column: "y"}},
		PanelOptions{Areas: []string{"01", "02", "03"}})
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(p.Keys, ","); got != "01,02,03" {
		t.Fatalf("keys %s, want 01,02,03", got)
	}
	nan := math.NaN()
	want := map[string][]float64{ // 2023: 01 02 03, 2024: 01 02 03
		"x": {1, 2, nan, 3, nan, nan},
		"y": {1, nan, nan, 2, nan, nan},
	}
	for name, w := range want {
		s := p.Var(name)
		for i, v := range w {
			got := s.Values[i]
			if math.IsNaN(v) != math.IsNaN(got) || !math.IsNaN(v) && v != got {
				t.Errorf("%s[%d] = %v, want %v", name, i, got, v)
			}
			if math.IsNaN(v) && s.Flags[i] != NoData {
				t.Errorf("%s[%d] flagged %v, want no-data", name, i, s.Flags[i])
			}
		}
	}
	if len(p.Gaps) != 2 {
		t.Fatalf("gaps %+v, want two", p.Gaps)
	}
	if g := p.Gaps[0]; strings.Join(g.Areas, ",") != "03" || len(g.Cells) != 1 || g.Cells[0].String() != `area "02" in 2024` {
		t.Errorf("gap of missingyear.csv: areas %v, cells %v", g.Areas, g.Cells)
	}
	if g := p.Gaps[1]; strings.Join(g.Areas, ",") != "02,03" || len(g.Cells) != 0 {
		t.Errorf("gap of missingarea.csv: areas %v, cells %v", g.Areas, g.Cells)
	}
}
