package plan

import (
	"slices"

	"planatlas/lang"
	"planatlas/projection"
)

// areaModel is what projects one area: its rates (the city's life table,
// at the level of the observed deaths where given, and its own
// fertility where estimated) and its migration of the base period.
type areaModel struct {
	rates *projection.Rates
	net   projection.Population // mean net migration per year; unused with flows
	flows *projection.Flows     // in-moves and out-move rates; nil for net migration
}

// project projects start the given number of years with the migration
// times factor (a scenario's; 1 for the base) and, where extra is not
// nil, the residents of new dwellings completed in each year; it returns
// the populations and the number of cells set to 0.
func (m areaModel) project(start projection.Population, years int, factor float64, extra []projection.Population) ([]projection.Population, int) {
	out := make([]projection.Population, years)
	p, clamped := start, 0
	var flows projection.Flows
	if m.flows != nil {
		flows = m.flows.Scaled(factor)
	}
	for y := range out {
		var add projection.Population
		if extra != nil {
			add = extra[y]
		}
		var c int
		if m.flows != nil {
			p, c = m.rates.StepFlows(p, flows, add)
		} else {
			p, c = m.rates.Step(p, plus(m.net, factor, add))
		}
		out[y], clamped = p, clamped+c
	}
	return out, clamped
}

// plus returns net migration times f plus extra (nil: none).
func plus(m projection.Population, f float64, extra projection.Population) projection.Population {
	out := m.Clone()
	for s := range out {
		for x := range out[s] {
			out[s][x] *= f
			if extra[s] != nil {
				out[s][x] += extra[s][x]
			}
		}
	}
	return out
}

// modelInfo is what the notes say about how the models were made.
type modelInfo struct {
	mortality [2]float64 // observed over expected deaths per sex; 0 without deaths
	fertility *projection.Fertility
	births    float64
}

// areaModels makes each area's model from its populations of the base
// period, history[a] for the years base − period … base, and the
// register's events of the years after its first, where the plan names
// them.
func (r *runner) areaModels(s *ProjectionSpec, rates *projection.Rates, history [][]projection.Population, base int) ([]areaModel, modelInfo, error) {
	period, omega := len(history[0])-1, rates.Omega()
	first := base - period + 1
	var info modelInfo
	// fertility gives area a's rates: rates (at the deaths' level, once
	// that is known) with the area's own fertility where estimated.
	fertility := func(a int) *projection.Rates { return rates }
	if f := s.Fertility; f.estimated() {
		births, err := r.readBirths(f, s.Line, first, base, omega)
		if err != nil {
			return nil, info, err
		}
		women := make([][]float64, len(history))
		for a, h := range history {
			women[a] = make([]float64, omega+1)
			for t := 0; t < period; t++ {
				for x, w := range h[t][projection.Female] {
					women[a][x] += w
				}
			}
			info.births += sum(births[a])
		}
		info.births /= float64(period)
		est := projection.EstimateFertility(births, women, f.shrink())
		info.fertility = &est
		fertility = func(a int) *projection.Rates { return rates.WithFertility(est.Areas[a]) }
	}
	if d := s.LifeTable.Deaths; d != nil {
		deaths, err := r.readEvents("life_table: deaths", d.File, d.Key, d.Year, d.Age, d.Sex, []string{d.Count}, d.Line, first, base, omega)
		if err != nil {
			return nil, info, err
		}
		var observed, expected [2]float64
		for a, h := range history {
			var counts []projection.Population
			for t := 0; t < period; t++ {
				counts = append(counts, deaths.at(0, a, first+t, omega))
			}
			o, e := fertility(a).Deaths(h[:period], counts)
			for s := range o {
				observed[s], expected[s] = observed[s]+o[s], expected[s]+e[s]
			}
		}
		info.mortality = projection.MortalityRatio(observed, expected)
		rates = rates.WithMortality(info.mortality)
	}
	var moves *events
	if m := s.Migration; m != nil {
		var err error
		if moves, err = r.readEvents("migration", m.File, m.Key, m.Year, m.Age, m.Sex, []string{m.In, m.Out}, m.Line, first, base, omega); err != nil {
			return nil, info, err
		}
	}
	models := make([]areaModel, len(history))
	for a, h := range history {
		m := areaModel{rates: fertility(a)}
		switch {
		case moves == nil:
			m.net = m.rates.ResidualMigration(h)
		default:
			var in, out []projection.Population
			for y := first; y <= base; y++ {
				in, out = append(in, moves.at(0, a, y, omega)), append(out, moves.at(1, a, y, omega))
			}
			if s.Migration.Model == "flows" {
				f := m.rates.EstimateFlows(h, in, out)
				m.flows = &f
			} else {
				m.net = projection.NetMigration(in, out)
			}
		}
		models[a] = m
	}
	return models, info, nil
}

// modelNotes says how the models were made: the mortality level, the
// estimated fertility, the migration's source.
func (r *runner) modelNotes(s *ProjectionSpec, info modelInfo) []lang.Message {
	first, last := lang.Digits(r.year-s.basePeriod()+1), lang.Digits(r.year)
	var out []lang.Message
	if m := info.mortality; m != [2]float64{} {
		out = append(out, lang.M("population projection: the register's deaths of %d–%d were %.1f %% (men) and %.1f %% (women) of those the life table expects; its probabilities of dying are scaled to them", first, last, 100*m[projection.Male], 100*m[projection.Female]))
	}
	if f := info.fertility; f != nil {
		out = append(out, lang.M("population projection: fertility estimated from %.0f births a year in %d–%d: the city's total fertility rate %.2f, the areas' from %.2f to %.2f times the city's (drawn towards it with the weight of %g births)",
			info.births, first, last, sum(f.City), slices.Min(f.Level), slices.Max(f.Level), s.Fertility.shrink()))
	}
	switch {
	case s.Migration == nil:
		out = append(out, lang.M("population projection: net migration of %d–%d by the residual method (population less the survivors)", first, last))
	case s.Migration.Model == "flows":
		out = append(out, lang.M("population projection: migration from the register's moves of %d–%d: in-moves as counts, out-moves as rates of the residents", first, last))
	default:
		out = append(out, lang.M("population projection: net migration from the register's in- and out-moves of %d–%d", first, last))
	}
	return out
}
