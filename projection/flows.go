package projection

// Flows are an area's migration from the register's moves instead of
// the residual method: in-moves as counts per year, out-moves as rates
// of the residents at risk, so that an area that shrinks also loses
// fewer by out-moves (docs/methods.md section 11).
type Flows struct {
	// In are the in-moves per year by sex and age at the year's end.
	In Population
	// Out are the out-move rates by sex and age at the year's end: the
	// share of a cohort's survivors (the newborn's at age 0) that moves
	// out within the year, 0 to 1.
	Out Population
}

// EstimateFlows estimates an area's flows from observed consecutive
// years obs (at least two) and the moves of the years after the first,
// in[t] and out[t] for the step from obs[t] to obs[t+1]: In is the mean
// of the in-moves, Out(x) = Σ_t out_t(x) / Σ_t S_t(x) with S_t the
// survivors of obs[t] by the life table. Where no one was at risk
// (S = 0) the out-moves are taken off the in-moves as counts.
func (r *Rates) EstimateFlows(obs []Population, in, out []Population) Flows {
	f := Flows{In: NewPopulation(r.Omega()), Out: NewPopulation(r.Omega())}
	risk := NewPopulation(r.Omega())
	steps := float64(len(obs) - 1)
	for t := 0; t+1 < len(obs); t++ {
		surv := r.survivors(obs[t])
		for s := range f.In {
			for x := range f.In[s] {
				f.In[s][x] += in[t][s][x] / steps
				f.Out[s][x] += out[t][s][x]
				risk[s][x] += surv[s][x]
			}
		}
	}
	for s := range f.Out {
		for x, o := range f.Out[s] {
			switch {
			case risk[s][x] > 0:
				f.Out[s][x] = min(o/risk[s][x], 1)
			default:
				f.In[s][x] -= o / steps
				f.Out[s][x] = 0
			}
		}
	}
	return f
}

// Scaled returns the flows of a migration scenario: in-moves and
// out-move rates times f (the rates at most 1), which scales the net
// migration of the base period by f.
func (f Flows) Scaled(factor float64) Flows {
	out := Flows{In: f.In.Clone(), Out: f.Out.Clone()}
	for s := range out.In {
		for x := range out.In[s] {
			out.In[s][x] *= factor
			out.Out[s][x] = min(out.Out[s][x]*factor, 1)
		}
	}
	return out
}

// StepFlows projects p one year with flows: survivors and the newborn
// as in Step, less the out-moves Out · S, plus the in-moves and extra
// (the residents of new dwellings; nil: none). Negative results are set
// to 0; it returns how many cells were.
func (r *Rates) StepFlows(p Population, f Flows, extra Population) (Population, int) {
	next := r.survivors(p)
	clamped := 0
	for s := range next {
		for x := range next[s] {
			next[s][x] += f.In[s][x] - f.Out[s][x]*next[s][x]
			if extra[s] != nil {
				next[s][x] += extra[s][x]
			}
			if next[s][x] < 0 {
				next[s][x] = 0
				clamped++
			}
		}
	}
	return next, clamped
}

// ProjectFlows projects p the given number of years with the same flows
// every year and returns the population of each year and the number of
// cells set to 0.
func (r *Rates) ProjectFlows(p Population, f Flows, years int) ([]Population, int) {
	out := make([]Population, years)
	clamped := 0
	for y := range out {
		var c int
		p, c = r.StepFlows(p, f, Population{})
		out[y] = p
		clamped += c
	}
	return out, clamped
}

// NetMigration is the register's net migration averaged over the steps
// of a base period: the mean of in-moves less out-moves, in[t] − out[t],
// by sex and age at the year's end.
func NetMigration(in, out []Population) Population {
	m := NewPopulation(len(in[0][Male]) - 1)
	steps := float64(len(in))
	for t := range in {
		for s := range m {
			for x := range m[s] {
				m[s][x] += (in[t][s][x] - out[t][s][x]) / steps
			}
		}
	}
	return m
}
