package plan

import (
	"strings"

	"planatlas/indicators"
)

// rateExpr is a numerator or denominator written as a sum of variables
// (ew_u6 + ew_6_14): its series is computed on the areas' panel under
// its text as name, and summed to the districts and the city like the
// variables, so that the Wilson intervals, the check that a part is not
// larger than its whole, smoothing and rank uncertainty read it as they
// read a variable.
type rateExpr struct {
	text    string
	formula *indicators.Formula
}

// checkRateExpressions collects the numerators and denominators that are
// sums of variables; each of their variables must be summed (not a mean),
// so that the sum of the areas' values is the value of the district.
func (chk *checker) checkRateExpressions() {
	c := chk.c
	seen := map[string]bool{}
	for k, d := range c.indicators {
		for _, text := range []string{d.Numerator, d.Denominator} {
			if text == "" || chk.known(text) || seen[text] {
				continue
			}
			seen[text] = true
			f, err := indicators.Compile(text, chk.known, chk.candidates)
			if err != nil {
				chk.fail(c.indicatorLines[k], "indicator %q: %v", d.ID, err)
				continue
			}
			var means []string
			for _, v := range f.Vars {
				if vv := chk.byVar[v]; vv != nil && vv.agg.Mean || v == AreaVariable {
					means = append(means, v)
				}
			}
			if len(means) > 0 {
				chk.fail(c.indicatorLines[k], "indicator %q: %q adds up %s, which is not a count (a mean, or the area's size); a numerator or denominator is a sum of counts", d.ID, text, strings.Join(means, ", "))
				continue
			}
			c.rates = append(c.rates, rateExpr{text: text, formula: f})
		}
	}
}

// rateSeries adds the series of the numerators and denominators that are
// sums of variables to the areas' panel.
func (r *runner) rateSeries() error {
	for _, e := range r.c.rates {
		if err := r.panel.Set(e.text, e.formula.Eval(r.panel)); err != nil {
			return errf("numerator or denominator %q: %v", e.text, err)
		}
	}
	return nil
}
