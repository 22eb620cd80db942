package smallarea

import (
	"math"

	"gonum.org/v1/gonum/mat"

	"planatlas/lang"
)

// An AreaError is an area whose inputs the model cannot use. Area is its
// index in the input slices (from 0), so that the caller can name it.
type AreaError struct {
	Area int
	M    lang.Message
}

func (e *AreaError) Error() string { return e.M.String() }

// Localize renders the error in the printer's language.
func (e *AreaError) Localize(p *lang.Printer) string { return p.Message(e.M) }

// checkFH checks the inputs' lengths and every area's values, and
// returns which areas have a direct estimate. An area with a direct
// estimate needs all its covariates and a positive, finite sampling
// variance; an area without one needs its covariates (for its synthetic
// estimate).
func checkFH(y []float64, x *mat.Dense, psi []float64) ([]bool, error) {
	if x == nil {
		return nil, lang.Errorf("no covariates: the model needs at least an intercept")
	}
	n, p := x.Dims()
	if n != len(y) || len(psi) != len(y) {
		return nil, lang.Errorf("%d direct estimates, %d sampling variances and %d rows of covariates: each area needs one of each", len(y), len(psi), n)
	}
	in := make([]bool, n)
	m := 0
	for d := range y {
		j := missingCovariate(x.RawRowView(d))
		switch {
		case math.IsInf(y[d], 0):
			return nil, &AreaError{d, lang.M("area %d: the direct estimate %g is not a finite number", d, y[d])}
		case math.IsNaN(y[d]) && j >= 0:
			return nil, &AreaError{d, lang.M("area %d has neither a direct estimate nor covariate %d", d, j)}
		case math.IsNaN(y[d]):
			continue
		case j >= 0:
			return nil, &AreaError{d, lang.M("area %d has a direct estimate but no value of covariate %d", d, j)}
		case !(psi[d] > 0) || math.IsInf(psi[d], 0):
			return nil, &AreaError{d, lang.M("area %d: the sampling variance %g is not a positive number", d, psi[d])}
		}
		in[d] = true
		m++
	}
	if m <= p {
		return nil, lang.Errorf("%d area(s) with a direct estimate for %d coefficient(s): the model needs more areas than coefficients", m, p)
	}
	return in, nil
}

// missingCovariate returns the index of the first covariate that is not
// a finite number, or −1.
func missingCovariate(row []float64) int {
	for j, v := range row {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return j
		}
	}
	return -1
}
