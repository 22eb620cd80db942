package projection

// ExpectedDeaths are the deaths of the year after p that the life table
// expects, by sex and age at the year's end (the age of the birth
// cohort, as registers count them): for x ≥ 1, P_s(x−1) · q_s(x−1) (the
// open group also P_s(ω) · q_s(ω−1)); for the newborn, B · π_s · q_s(0)/2.
func (r *Rates) ExpectedDeaths(p Population) Population {
	omega := r.Omega()
	d := NewPopulation(omega)
	b := r.Births(p)
	for s := range p {
		for x := 0; x < omega; x++ {
			d[s][x+1] = p[s][x] * r.Q[s][x]
		}
		d[s][omega] += p[s][omega] * (1 - r.survival(s, omega))
		d[s][0] = b * r.birthShare(s) * r.Q[s][0] / 2
	}
	return d
}

// Deaths sums the observed and the expected deaths per sex of yearly
// steps (of any areas and years): the populations at the steps' starts
// and the deaths within them, deaths[i] in the year after starts[i]; the
// expected are ExpectedDeaths of each start, with the newborn those of
// the births r's fertility gives.
func (r *Rates) Deaths(starts, deaths []Population) (observed, expected [2]float64) {
	for t := range starts {
		e := r.ExpectedDeaths(starts[t])
		for s := range e {
			for x := range e[s] {
				observed[s] += deaths[t][s][x]
				expected[s] += e[s][x]
			}
		}
	}
	return observed, expected
}

// MortalityRatio is the standardised mortality ratio per sex: observed
// deaths over those the life table expects, Σ D / Σ E (Deaths), 1 where
// none are expected.
func MortalityRatio(observed, expected [2]float64) [2]float64 {
	out := [2]float64{1, 1}
	for s := range out {
		if expected[s] > 0 {
			out[s] = observed[s] / expected[s]
		}
	}
	return out
}

// WithMortality returns a copy of r whose probabilities of dying are
// multiplied by ratio per sex: the life table's shape at the level of
// the observed deaths. A probability stays below 1 (at most 0.999) and
// the open group's stays 1.
func (r *Rates) WithMortality(ratio [2]float64) *Rates {
	out := *r
	omega := r.Omega()
	for s := range out.Q {
		q := make([]float64, omega+1)
		for x := range q {
			q[x] = min(r.Q[s][x]*ratio[s], 0.999)
		}
		q[omega] = 1
		out.Q[s] = q
	}
	return &out
}
