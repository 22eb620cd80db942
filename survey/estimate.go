package survey

import (
	"math"

	"planatlas/lang"
)

// Estimate is a design-based estimate of a mean or total.
type Estimate struct {
	Value float64 // the estimate
	SE    float64 // its standard error, the square root of Var
	Var   float64 // its Taylor-linearisation variance
	// DEff is the design effect: Var over the variance under simple
	// random sampling without replacement of the same number of rows
	// (R's svymean(..., deff = TRUE)).
	DEff float64
	N    int     // rows used: in the domain, the variable not NaN
	NEff float64 // effective sample size N/DEff
	// PopSize is the estimated population of the domain, the sum of
	// the used rows' weights.
	PopSize float64
	// DF are the degrees of freedom of the domain: PSUs minus strata
	// among its rows (R's degf of the domain's subset).
	DF int
}

// Mean returns the weighted mean of y, a ratio estimator: ŷ = Σ w·y / Σ w.
// Rows where y is NaN are left out as in R's svymean(na.rm = TRUE): the
// estimate is that of the domain of rows with a value, so the design
// (strata, PSUs, fpc) stays that of the whole sample.
func (d *Design) Mean(y []float64) (Estimate, error) { return d.estimate(y, nil, false) }

// Total returns the weighted total Σ w·y of y, NaN values left out.
func (d *Design) Total(y []float64) (Estimate, error) { return d.estimate(y, nil, true) }

// DomainMean returns the mean of y over the rows where domain is true,
// keeping the full design (Lumley 2010, section 2.3): the influence
// values are zero outside the domain.
func (d *Design) DomainMean(y []float64, domain []bool) (Estimate, error) {
	return d.estimate(y, domain, false)
}

// DomainTotal returns the total of y over the rows where domain is true.
func (d *Design) DomainTotal(y []float64, domain []bool) (Estimate, error) {
	return d.estimate(y, domain, true)
}

// rows returns which rows an estimate uses: in the domain (nil: all)
// and, when y is given, with a value.
func (d *Design) rows(y []float64, domain []bool) ([]bool, error) {
	n := len(d.w)
	if y != nil && len(y) != n {
		return nil, lang.Errorf("the variable has %d values for %d rows", len(y), n)
	}
	if domain != nil && len(domain) != n {
		return nil, lang.Errorf("the domain has %d entries for %d rows", len(domain), n)
	}
	in := make([]bool, n)
	for i := range in {
		in[i] = (domain == nil || domain[i]) && (y == nil || !math.IsNaN(y[i]))
	}
	return in, nil
}

// present marks the strata that have rows among in; after weighting,
// R keeps every stratum in a domain's design.
func (d *Design) present(in []bool) []bool {
	p := make([]bool, len(d.names))
	for i, ok := range in {
		if ok || len(d.steps) > 0 {
			p[d.stratum[i]] = true
		}
	}
	return p
}

// estimate computes a mean (total false) or total of y over the rows in
// domain with a value. The weighted influence values are, for the total,
// z_i = w_i·y_i and, for the mean, z_i = w_i·(y_i − ŷ)/N̂ (Binder 1983).
// The design effect divides the variance by that of simple random
// sampling without replacement, s²·(N̂ − n)/(N̂·n) for the mean and N̂²
// times it for the total, with s² = n/(n−1) · Σ w (y − ŷ)² / N̂. A domain
// without rows has NaN estimates (R reports 0).
func (d *Design) estimate(y []float64, domain []bool, total bool) (Estimate, error) {
	in, err := d.rows(y, domain)
	if err != nil {
		return Estimate{}, err
	}
	var e Estimate
	var sy float64
	for i, ok := range in {
		if ok {
			e.N++
			e.PopSize += d.w[i]
			sy += d.w[i] * y[i]
		}
	}
	if e.N == 0 {
		nan := math.NaN()
		return Estimate{Value: nan, SE: nan, Var: nan, DEff: nan, NEff: nan, DF: d.df(domainRows(domain, len(d.w)))}, nil
	}
	mean := sy / e.PopSize
	z := make([]float64, len(d.w))
	var ss float64
	for i, ok := range in {
		if !ok {
			continue
		}
		r := y[i] - mean
		ss += d.w[i] * r * r
		if total {
			z[i] = d.w[i] * y[i]
		} else {
			z[i] = d.w[i] * r / e.PopSize
		}
	}
	e.Value = mean
	if total {
		e.Value = sy
	}
	e.Var = d.variance(z, d.present(in))
	e.SE = math.Sqrt(e.Var)
	n, pop := float64(e.N), e.PopSize
	s2 := ss / pop * n / (n - 1)
	srs := s2 * (pop - n) / (pop * n)
	if total {
		srs *= pop * pop
	} else if pop < n {
		srs = math.NaN()
	}
	e.DEff = e.Var / srs
	e.NEff = n / e.DEff
	e.DF = d.df(domainRows(domain, len(d.w)))
	return e, nil
}

// domainRows returns domain, or all rows for nil.
func domainRows(domain []bool, n int) []bool {
	if domain != nil {
		return domain
	}
	in := make([]bool, n)
	for i := range in {
		in[i] = true
	}
	return in
}

// df returns the degrees of freedom of the rows in: their distinct PSUs
// minus their distinct strata, as R's degf counts them in a subset.
func (d *Design) df(in []bool) int {
	psus, strata := map[int]bool{}, map[int]bool{}
	for i, ok := range in {
		if ok {
			psus[d.psu[i]] = true
			strata[d.stratum[i]] = true
		}
	}
	return len(psus) - len(strata)
}
