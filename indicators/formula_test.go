package indicators

import (
	"math"
	"strings"
	"testing"

	"planatlas/datasets"
)

var testVars = map[string]*datasets.Series{
	"sgb2":      {Values: []float64{30, 5, math.NaN(), 0, 4}, Flags: []datasets.Flag{0, 0, datasets.Confidential, 0, datasets.Uncertain}},
	"einwohner": {Values: []float64{200, 100, 50, 0, 16}, Flags: make([]datasets.Flag, 5)},
	"flaeche":   {Values: []float64{4, 1, 0.5, 2, -1}, Flags: make([]datasets.Flag, 5)},
}

func compileTest(t *testing.T, text string) (*Formula, error) {
	known := func(n string) bool { return testVars[n] != nil }
	return Compile(text, known, []string{"sgb2", "einwohner", "flaeche"})
}

func TestFormulaEval(t *testing.T) {
	nan := math.NaN()
	tests := []struct {
		formula string
		want    []float64
		flags   []datasets.Flag
	}{
		{"100 * sgb2 / einwohner", []float64{15, 5, nan, nan, 25},
			[]datasets.Flag{0, 0, datasets.Confidential, datasets.DivByZero, datasets.Uncertain}},
		{"einwohner / flaeche", []float64{50, 100, 100, 0, -16}, make([]datasets.Flag, 5)},
		{"-einwohner + 2^3", []float64{-192, -92, -42, 8, -8}, make([]datasets.Flag, 5)},
		{"sqrt(flaeche)", []float64{2, 1, math.Sqrt(0.5), math.Sqrt2, nan},
			[]datasets.Flag{0, 0, 0, 0, datasets.NotMeaningful}},
		{"max(sgb2, 10)", []float64{30, 10, nan, 10, 10},
			[]datasets.Flag{0, 0, datasets.Confidential, 0, datasets.Uncertain}},
		{"log(einwohner)", []float64{math.Log(200), math.Log(100), math.Log(50), nan, math.Log(16)},
			[]datasets.Flag{0, 0, 0, datasets.NotMeaningful, 0}},
		{"(1 + 2) * 3", []float64{9, 9, 9, 9, 9}, make([]datasets.Flag, 5)},
	}
	for _, tc := range tests {
		f, err := compileTest(t, tc.formula)
		if err != nil {
			t.Errorf("Compile(%q): %v", tc.formula, err)
			continue
		}
		got := f.Eval(testPanel(t))
		for i := range tc.want {
			v := got.Values[i]
			if !(v == tc.want[i] || math.IsNaN(v) && math.IsNaN(tc.want[i]) || math.Abs(v-tc.want[i]) < 1e-12) || got.Flags[i] != tc.flags[i] {
				t.Errorf("%s [%d] = %v (%v), want %v (%v)", tc.formula, i, v, got.Flags[i], tc.want[i], tc.flags[i])
			}
		}
	}
}

// testPanel holds testVars on five areas in one year.
func testPanel(t *testing.T) *datasets.Panel {
	t.Helper()
	p := datasets.NewPanel([]string{"a", "b", "c", "d", "e"}, []int{2024})
	for name, s := range testVars {
		if err := p.Set(name, s); err != nil {
			t.Fatal(err)
		}
	}
	return p
}

func TestFormulaLagAndComparison(t *testing.T) {
	p := datasets.NewPanel([]string{"a", "b"}, []int{2020, 2021, 2023})
	p.Set("ew", &datasets.Series{Values: []float64{100, 50, 110, 40, 121, 30}, Flags: make([]datasets.Flag, 6)})
	known := func(n string) bool { return n == "ew" }
	f, err := Compile("100 * (ew / lag(ew, 1) - 1)", known, nil)
	if err != nil {
		t.Fatal(err)
	}
	got := f.Eval(p)
	// 2020 has no previous year; 2021 vs 2020; 2023 has no 2022 (a gap).
	want := []float64{math.NaN(), math.NaN(), 10, -20, math.NaN(), math.NaN()}
	for i := range want {
		if !(math.Abs(got.Values[i]-want[i]) < 1e-12 || math.IsNaN(want[i]) && math.IsNaN(got.Values[i])) {
			t.Errorf("change[%d] = %v, want %v", i, got.Values[i], want[i])
		}
	}
	if got.Flags[0] != datasets.NoData || got.Flags[4] != datasets.NoData {
		t.Errorf("flags %v", got.Flags)
	}
	f, _ = Compile("ew * (ew >= 100)", known, nil)
	got = f.Eval(p)
	if got.Values[0] != 100 || got.Values[1] != 0 || got.Values[3] != 0 {
		t.Errorf("comparison: %v", got.Values)
	}
	if _, err := Compile("lag(ew, 0)", known, nil); err == nil || !strings.Contains(err.Error(), "k must be a whole number of years, 1 or more") {
		t.Errorf("lag(ew, 0): %v", err)
	}
}

func TestFormulaErrors(t *testing.T) {
	tests := []struct {
		formula, want string
	}{
		{"100 * sgb / einwohner", `formula "100 * sgb / einwohner": unknown variable "sgb"; did you mean "sgb2"? (at column 7)`},
		{"100 * sgb2 / einwohnr", `unknown variable "einwohnr"; did you mean "einwohner"? (at column 14)`},
		{"sgb2 and flaeche", `operator "and" is not allowed in a formula (use + - * / ^ and comparisons) (at column 6)`},
		{"round(sgb2)", `unknown function "round"`},
		{"sqrt(sgb2, 2)", `sqrt takes one argument`},
		{"sgb2 / (einwohner", `unexpected token`},
		{"", `the formula is empty`},
		{`"text"`, `is not allowed in a formula`},
	}
	for _, tc := range tests {
		_, err := compileTest(t, tc.formula)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Compile(%q) error = %v, want %q", tc.formula, err, tc.want)
		}
	}
}

func TestFormulaVars(t *testing.T) {
	f, err := compileTest(t, "100 * (sgb2 + sgb2) / einwohner")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(f.Vars, ",") != "sgb2,einwohner" {
		t.Errorf("Vars = %v", f.Vars)
	}
}

func TestFormulaShapes(t *testing.T) {
	tests := []struct {
		text           string
		linear, lag    bool
		sum            string // SumOf's variables; "" if not a sum
		row            float64
		rowMissingWith string // a variable whose missing value makes the row missing
	}{
		{"a + b + c", true, false, "a b c", 6, "b"},
		{"a - (b + c)", true, false, "", -4, "c"},
		{"a + a", true, false, "", 2, "a"},
		{"2 * a", false, false, "", 2, "a"},
		{"a * b", false, false, "", 2, "b"},
		{"a", true, false, "", 1, "a"},
		{"lag(a, 1)", false, true, "", 0, ""},
	}
	values := map[string]float64{"a": 1, "b": 2, "c": 3}
	for _, tc := range tests {
		f, err := Compile(tc.text, func(string) bool { return true }, nil)
		if err != nil {
			t.Fatal(err)
		}
		if f.Linear() != tc.linear || (f.MaxLag() > 0) != tc.lag {
			t.Errorf("%s: linear %v, lag %v", tc.text, f.Linear(), (f.MaxLag() > 0))
		}
		vars, ok := f.SumOf()
		if got := strings.Join(vars, " "); ok != (tc.sum != "") || got != tc.sum {
			t.Errorf("%s: SumOf() = %q, %v", tc.text, got, ok)
		}
		if tc.lag {
			continue
		}
		v, _ := f.EvalRow(func(n string) (float64, datasets.Flag) { return values[n], 0 })
		if v != tc.row {
			t.Errorf("%s: EvalRow() = %v, want %v", tc.text, v, tc.row)
		}
		v, fl := f.EvalRow(func(n string) (float64, datasets.Flag) {
			if n == tc.rowMissingWith {
				return math.NaN(), datasets.SourceMissing
			}
			return values[n], 0
		})
		if !math.IsNaN(v) || fl&datasets.SourceMissing == 0 {
			t.Errorf("%s with %s missing: %v flagged %v", tc.text, tc.rowMissingWith, v, fl)
		}
	}
}
