package indicators

import (
	"testing"

	"planatlas/datasets"
)

// FuzzCompile: any text as a formula compiles or gives a *FormulaError
// with a column inside the text, never a panic or a hang; a formula that
// compiles is also evaluated. Seeds: the catalog's formulas and the
// corpus in testdata/fuzz/FuzzCompile.
//
//	go test ./indicators -run '^$' -fuzz FuzzCompile -fuzztime 10m
func FuzzCompile(f *testing.F) {
	for _, s := range []string{"100 * sgb2 / ew", "lag(ew, 5)", "max(a, b, 0) - abs(c)", "a > 0 ? a : b", "sqrt(log(exp(a)))", "(a + b) / (ew - a)"} {
		f.Add(s)
	}
	names := []string{"a", "b", "c", "ew", "sgb2"}
	known := func(s string) bool {
		for _, n := range names {
			if n == s {
				return true
			}
		}
		return false
	}
	panel := datasets.NewPanel([]string{"01", "02"}, []int{2020, 2021, 2022})
	for i, n := range names {
		s := &datasets.Series{Values: []float64{0, 1, 2, 3, 4, float64(i)}, Flags: make([]datasets.Flag, 6)}
		if err := panel.Set(n, s); err != nil {
			f.Fatal(err)
		}
	}
	f.Fuzz(func(t *testing.T, s string) {
		fm, err := Compile(s, known, names)
		if err != nil {
			fe, ok := err.(*FormulaError)
			if !ok {
				t.Fatalf("%T: %v", err, err)
			}
			if fe.Column < 0 || fe.Column > len(s)+1 {
				t.Fatalf("column %d outside the formula of %d bytes", fe.Column, len(s))
			}
			return
		}
		if out := fm.Eval(panel); len(out.Values) != panel.Len() {
			t.Fatalf("%d values for %d cells", len(out.Values), panel.Len())
		}
	})
}
