package plan

import (
	"math"

	"gonum.org/v1/gonum/mat"

	"planatlas/datasets"
	"planatlas/lang"
	"planatlas/smallarea"
	"planatlas/survey"
)

// smallAreaEstimates replaces an item's area estimates by Fay–Herriot
// EBLUPs (docs/methods.md section 13): the direct estimates and their
// variances with the covariates' values of the survey's year, an
// intercept, and, if asked, SAR area effects over the plan's weights.
// An area with fewer than 2 answers or a variance of 0 takes part
// without a direct estimate (its estimate is synthetic, x'β̂); the
// spatial model leaves it out, as an area without covariates, and both
// keep their direct estimates. The areas' quality flags follow the EBLUPs' coefficients of
// variation, √MSE over the estimate, and every model estimate is
// flagged Estimated.
func (r *runner) smallAreaEstimates(run *surveyRun, it *surveyItemRun, x [][]float64) error {
	sa := run.spec.SmallArea
	n := len(r.areas.Keys)
	var rows []int // the areas in the model
	for a := 0; a < n; a++ {
		e := it.est[0][a]
		direct := e.N >= 2 && e.SE > 0
		if !anyNaN(x[a]) && (direct || !sa.Spatial) {
			rows = append(rows, a)
		}
	}
	if need := len(x[0]) + 3; len(rows) < need {
		return errAt(r.c.plan.File, sa.Line, "survey %q: item %q: small_area: only %d areas have every covariate (and, in the spatial model, a direct estimate); a model with %d covariates needs at least %d", run.name, it.check.name, len(rows), len(x[0]), need)
	}
	y, psi := make([]float64, len(rows)), make([]float64, len(rows))
	xm := mat.NewDense(len(rows), len(x[0])+1, nil)
	for k, a := range rows {
		e := it.est[0][a]
		y[k], psi[k] = e.Value, e.SE*e.SE
		if e.N < 2 || !(psi[k] > 0) {
			y[k], psi[k] = math.NaN(), math.NaN()
		}
		xm.Set(k, 0, 1)
		for j, v := range x[a] {
			xm.Set(k, j+1, v)
		}
	}
	value, mse, method, err := r.fitSmallArea(sa, rows, y, xm, psi)
	if err != nil {
		return errAt(r.c.plan.File, sa.Line, "survey %q: item %q: small_area: %v", run.name, it.check.name, err)
	}
	it.fh = &fhResult{method: make([]string, n)}
	for k, a := range rows {
		se := math.Sqrt(mse[k])
		e := it.est[0][a]
		it.est[0][a] = survey.Interval{Estimate: survey.Estimate{Value: value[k], SE: se, Var: mse[k], N: e.N, PopSize: e.PopSize, DEff: math.NaN(), NEff: math.NaN()},
			Lower: value[k] - 1.959963984540054*se, Upper: value[k] + 1.959963984540054*se}
		it.flags[0][a] = run.spec.Quality.flagModel(it.est[0][a].Estimate)
		it.fh.method[a] = method
		if math.IsNaN(y[k]) {
			// x'β̂ alone: published only where the plan says so
			it.fh.method[a] = "synthetic"
			if !sa.Synthetic {
				it.flags[0][a] |= datasets.Unreliable
			}
		}
	}
	if len(rows) < n {
		r.notes = append(r.notes, lang.M("survey %q: item %q: %d areas lack a covariate (or, in the spatial model, a direct estimate with a variance) and keep their direct estimates", run.name, it.check.name, n-len(rows)))
	}
	return nil
}

// fitSmallArea fits the Fay–Herriot model, spatial or not, and returns
// the areas' EBLUPs and MSEs.
func (r *runner) fitSmallArea(sa *SmallAreaSpec, rows []int, y []float64, x *mat.Dense, psi []float64) (value, mse []float64, method string, err error) {
	if !sa.Spatial {
		fit, err := smallarea.FitFH(y, x, psi, smallarea.Options{Method: smallarea.REML})
		if err != nil {
			return nil, nil, "", err
		}
		return fit.EBLUP, fit.MSE(), "Fay–Herriot", nil
	}
	if err := r.buildWeights(); err != nil {
		return nil, nil, "", err
	}
	w := r.rowWeights(rows)
	fit, err := smallarea.FitSFH(y, x, psi, w, smallarea.Options{Method: smallarea.REML})
	if err != nil {
		return nil, nil, "", err
	}
	m, err := fit.MSE()
	return fit.EBLUP, m, "spatial Fay–Herriot", err
}

// rowWeights returns the plan's weights among the given areas,
// row-standardised again (an area whose neighbours are all outside has
// none).
func (r *runner) rowWeights(rows []int) *mat.Dense {
	at := map[int]int{}
	for k, a := range rows {
		at[a] = k
	}
	w := mat.NewDense(len(rows), len(rows), nil)
	for k, a := range rows {
		var sum float64
		for j, b := range r.weights.Neighbours[a] {
			if c, ok := at[b]; ok {
				w.Set(k, c, r.weights.Values[a][j])
				sum += r.weights.Values[a][j]
			}
		}
		for c := 0; c < len(rows) && sum > 0; c++ {
			w.Set(k, c, w.At(k, c)/sum)
		}
	}
	return w
}

// flagModel applies the quality rules to a model estimate: by its
// coefficient of variation alone (the model borrows strength where
// respondents are few), and always Estimated.
func (q QualitySpec) flagModel(e survey.Estimate) datasets.Flag {
	cv := coefficientOfVariation(e)
	switch {
	case !(cv <= q.hideCV()):
		return datasets.Unreliable | datasets.Estimated
	case cv > q.markCV():
		return datasets.Uncertain | datasets.Estimated
	}
	return datasets.Estimated
}

func anyNaN(x []float64) bool {
	for _, v := range x {
		if math.IsNaN(v) {
			return true
		}
	}
	return false
}

// covariates returns each area's covariates of a survey's small-area
// model in its year: a variable's value, or an indicator's computed on
// the areas' panel (before the surveys' items are on it: a covariate
// cannot use one).
func (r *runner) covariates(run *surveyRun) ([][]float64, error) {
	sa := run.spec.SmallArea
	yi := r.panel.YearIndex(run.spec.Year)
	n := len(r.areas.Keys)
	out := make([][]float64, n)
	for _, name := range sa.Covariates {
		var s *datasets.Series
		if v := r.panel.Var(name); v != nil {
			s = v
		}
		for _, d := range r.c.indicators {
			if s == nil && d.ID == name {
				for _, v := range d.Formula.Vars {
					if r.panel.Var(v) == nil {
						return nil, errAt(r.c.plan.File, sa.Line, "survey %q: small_area: covariate %q uses %q, which is not a register variable; a covariate cannot use a survey's item", run.name, name, v)
					}
				}
				s = d.Formula.Eval(r.panel)
			}
		}
		if s == nil {
			return nil, errAt(r.c.plan.File, sa.Line, "survey %q: small_area: covariate %q is neither a variable nor an indicator", run.name, name)
		}
		have := 0
		for a := 0; a < n; a++ {
			v := s.Values[yi*n+a]
			if !math.IsNaN(v) {
				have++
			}
			out[a] = append(out[a], v)
		}
		if have == 0 {
			return nil, errAt(r.c.plan.File, sa.Line, "survey %q: small_area: covariate %q has no value in %d, the survey's year; choose a covariate the register has for that year", run.name, name, lang.Digits(run.spec.Year))
		}
	}
	return out, nil
}
