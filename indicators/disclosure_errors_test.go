package indicators

import (
	"errors"
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"gonum.org/v1/gonum/mat"

	"planatlas/datasets"
)

func TestNullSpaceNotFinite(t *testing.T) {
	for _, x := range []float64{math.NaN(), math.Inf(1), math.Inf(-1)} {
		a := mat.NewDense(2, 3, []float64{1, x, 0, 0, 1, 1})
		if _, err := nullSpace(a); !errors.Is(err, errSVD) {
			t.Errorf("%v in the matrix: error %v, want %v", x, err, errSVD)
		}
	}
}

// When the SVD fails, Suppress returns an internal error that says
// where, never panics.
func TestSuppressSVDFails(t *testing.T) {
	failing := func(*mat.Dense) ([][]float64, error) { return nil, errSVD }
	tests := []struct {
		name   string
		city   func() (Hierarchy, []datasets.Family, []string)
		inText []string
	}{
		{"family relations", func() (Hierarchy, []datasets.Family, []string) {
			h, fams := toyCity{under: []float64{2, 40, 35, 50, 60}, over: []float64{90, 200, 180, 300, 250}, district: []int{0, 0, 0, 1, 1}}.hierarchy()
			return h, fams, []string{"u18", "ab18", "ew"}
		}, []string{"disclosure control: relations of family /", "3 variables", "SVD did not converge"}},
		{"hidden cells", func() (Hierarchy, []datasets.Family, []string) {
			// No family: the first SVD is of a group of hidden cells.
			c := newMicroCity(rand.New(rand.NewPCG(1, 7)), cityShape{areas: []int{4, 4}, years: 1, small: 0.5, groups: [][][]bool{{{true}}}})
			return c.h, nil, c.vars
		}, []string{"disclosure control, 2020: ", "hidden or missing counts of g0v0", "SVD did not converge"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			h, fams, vars := tc.city()
			cfg := defaultConfig()
			cfg.nullSpace = failing
			_, err := suppress(h, fams, vars, 3, cfg)
			if !errors.Is(err, errSVD) {
				t.Fatalf("error %v, want one wrapping %v", err, errSVD)
			}
			var bad interface{ BadInput() bool }
			if errors.As(err, &bad) {
				t.Errorf("%v is reported as bad input; it is an internal error", err)
			}
			for _, s := range tc.inText {
				if !strings.Contains(err.Error(), s) {
					t.Errorf("%q does not say %q", err, s)
				}
			}
		})
	}
}

// Groups of linked cells beyond the limits are refused with a
// LinkedCellsError that names the family, the variables, the limit and
// what to do; before any cell is flagged when the primary cells already
// exceed them.
func TestSuppressRefusesLargeGroups(t *testing.T) {
	toy := toyCity{under: []float64{2, 40, 35, 1, 2}, over: []float64{90, 200, 180, 300, 250}, district: []int{0, 0, 0, 1, 1}}
	tests := []struct {
		name             string
		maxCells, maxSum int
		early            bool // refused before any block is solved
		noFamily         bool
		inText           []string
	}{
		{"family too large", 2, 100, true, false, []string{"disclosure control: family /", "has 3 count variables (u18, ab18, ew), more than the 2", "split it"}},
		{"too many primary cells", 1, 100, true, true, []string{"disclosure control, 2024: 2 hidden or missing counts of x (no family)", "more than the 1 ", "publish fewer variables"}},
		{"too many sums", 3, 2, true, false, []string{"disclosure control, 2024: 2 hidden or missing counts, in 3 sums, of u18 (family /)", "more sums than the 2", "publish fewer variables of the family"}},
		{"grows too large", 4, 100, false, false, []string{"disclosure control, 2024: 5 hidden or missing counts of u18, ab18 (family /)", "more than the 4 ", "publish fewer variables"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			h, fams := toy.hierarchy()
			// x, a variable of its own with u18's counts, is solved
			// first unless the refusal comes before any solve.
			for _, p := range h.Levels {
				u := p.Var("u18")
				p.Set("x", &datasets.Series{Values: u.Values, Flags: make([]datasets.Flag, len(u.Flags))})
			}
			vars := []string{"x", "u18", "ab18", "ew"}
			if tc.noFamily {
				fams = nil
			}
			cfg := defaultConfig()
			cfg.maxCells, cfg.maxSums = tc.maxCells, tc.maxSum
			_, err := suppress(h, fams, vars, 3, cfg)
			var lc *LinkedCellsError
			if !errors.As(err, &lc) {
				t.Fatalf("error %v, want a LinkedCellsError", err)
			}
			if !lc.BadInput() {
				t.Error("not bad input")
			}
			for _, s := range tc.inText {
				if !strings.Contains(err.Error(), s) {
					t.Errorf("%q does not say %q", err, s)
				}
			}
			if flagged := anyHidden(h, []string{"x"}); flagged == tc.early {
				t.Errorf("x flagged %v, refused before any solve %v", flagged, tc.early)
			}
		})
	}
}
