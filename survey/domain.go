package survey

import "planatlas/lang"

// DomainEstimate is the estimate of one domain.
type DomainEstimate struct {
	Domain string
	Estimate
}

// MeanBy returns the mean of y in each domain of by (e.g. the planning
// area of each row), in sorted order of the domains, like R's
// svyby(~y, ~by, design, svymean): each domain keeps the full design.
func (d *Design) MeanBy(y []float64, by []string) ([]DomainEstimate, error) {
	return d.by(y, by, false)
}

// TotalBy returns the total of y in each domain of by.
func (d *Design) TotalBy(y []float64, by []string) ([]DomainEstimate, error) {
	return d.by(y, by, true)
}

func (d *Design) by(y []float64, by []string, total bool) ([]DomainEstimate, error) {
	doms, err := d.domains(by)
	if err != nil {
		return nil, err
	}
	out := make([]DomainEstimate, len(doms))
	for k, dom := range doms {
		e, err := d.estimate(y, dom.in, total)
		if err != nil {
			return nil, err
		}
		out[k] = DomainEstimate{dom.name, e}
	}
	return out, nil
}

type domain struct {
	name string
	in   []bool
}

// domains splits the rows by the values of by, sorted.
func (d *Design) domains(by []string) ([]domain, error) {
	if len(by) != len(d.w) {
		return nil, lang.Errorf("the domain has %d entries for %d rows", len(by), len(d.w))
	}
	idx, names := index(by, len(by))
	out := make([]domain, len(names))
	for k, name := range names {
		out[k] = domain{name, make([]bool, len(by))}
	}
	for i, k := range idx {
		out[k].in[i] = true
	}
	return out, nil
}

// Indicator returns 1 where v equals category and 0 elsewhere: the
// variable whose mean is the category's share.
func Indicator(v []string, category string) []float64 {
	out := make([]float64, len(v))
	for i, s := range v {
		if s == category {
			out[i] = 1
		}
	}
	return out
}

// AtLeast returns 1 where x ≥ threshold, 0 where it is smaller and NaN
// where x is NaN: on a 1–5 scale, AtLeast(x, 4) is the "top two box".
func AtLeast(x []float64, threshold float64) []float64 {
	out := make([]float64, len(x))
	for i, v := range x {
		switch {
		case v != v:
			out[i] = v
		case v >= threshold:
			out[i] = 1
		}
	}
	return out
}
