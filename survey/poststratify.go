package survey

import (
	"sort"

	"planatlas/lang"
)

// PostStratify returns the design with its weights post-stratified to
// the population counts of the groups (e.g. age × sex per district, one
// label per cross-classified cell): in each group g the weights are
// multiplied by N_g / Σ_{i∈g} w_i (Lumley 2010, section 7.3; R's
// postStratify). Every group of the sample needs a population count and
// every group with a positive count needs a row.
//
// The variance then uses post-stratum-centred influence values:
// z_i − w*_i · Σ_{j∈g} (z_j w_j/w*_j) / Σ_{j∈g} w_j, with w the weights
// before and w* after post-stratification.
func (d *Design) PostStratify(groups []string, population map[string]float64) (*Design, error) {
	ps, err := d.postStratify(groups, population)
	if err != nil {
		return nil, err
	}
	return d.derive(ps.after, ps), nil
}

// poststratum is the step of a post-stratification.
type poststratum struct {
	group  []int     // row → group
	size   int       // number of groups
	before []float64 // weights before
	after  []float64 // weights after
}

func (d *Design) postStratify(groups []string, population map[string]float64) (*poststratum, error) {
	if len(groups) != len(d.w) {
		return nil, lang.Errorf("the post-strata have %d entries for %d rows", len(groups), len(d.w))
	}
	idx, names := index(groups, len(groups))
	sum := make([]float64, len(names))
	for i, k := range idx {
		sum[k] += d.w[i]
	}
	factor := make([]float64, len(names))
	for k, name := range names {
		pop, ok := population[name]
		if !ok || !(pop > 0) {
			return nil, lang.Errorf("group %q is in the sample but has no positive population count", name)
		}
		factor[k] = pop / sum[k]
	}
	inSample := make(map[string]bool, len(names))
	for _, name := range names {
		inSample[name] = true
	}
	var missing []string
	for name, pop := range population {
		if pop > 0 && !inSample[name] {
			missing = append(missing, name)
		}
	}
	if len(missing) > 0 {
		sort.Strings(missing)
		return nil, lang.Errorf("group %q has a population count but no row in the sample", missing[0])
	}
	after := make([]float64, len(d.w))
	for i, k := range idx {
		after[i] = d.w[i] * factor[k]
	}
	return &poststratum{idx, len(names), d.w, after}, nil
}

func (p *poststratum) residuals(z []float64) {
	num := make([]float64, p.size)
	den := make([]float64, p.size)
	for i, k := range p.group {
		num[k] += z[i] * p.before[i] / p.after[i]
		den[k] += p.before[i]
	}
	for i, k := range p.group {
		z[i] -= num[k] / den[k] * p.after[i]
	}
}
