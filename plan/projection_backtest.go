package plan

import (
	"errors"
	"fmt"
	"math"

	"planatlas/datasets"
	"planatlas/lang"
	"planatlas/projection"
)

// backtest is the projection's own backtest (docs/methods.md section
// 11): the same method from an earlier base year with only the data up
// to it, compared with the years observed since, per age group of
// projection.csv and in all; the errors give the projection's intervals.
type backtest struct {
	base     int
	horizons int
	groups   []backtestGroup
}

type backtestGroup struct {
	label                    string
	cohort, constant, linear []projection.Accuracy
	q80                      []float64 // per horizon: the 80th percentile of the cohort method's APEs
}

// computeBacktest projects from the latest base year that leaves a base
// period before it and at least one observed year after it, up to the
// projection's horizon; nothing (and a note) where the data are too
// short. The models are made as for the projection, from the data up
// to the backtest's base year.
func (r *runner) computeBacktest(rates *projection.Rates) error {
	s := r.c.plan.Projection
	bp := s.basePeriod()
	first := r.year
	py := r.inTables[r.c.pyramid]
	for i := range py.Len() {
		first = min(first, py.Year(i))
	}
	horizons := min(s.years(), r.year-(first+bp))
	if horizons < 1 {
		r.notes = append(r.notes, lang.M("population projection: no backtest, the data (%d–%d) are too short for a base period of %d years and a year after it", lang.Digits(first), lang.Digits(r.year), bp))
		return nil
	}
	base := r.year - horizons
	pops, missing := r.populations(base-bp, r.year, rates.Omega())
	if len(missing) > 0 {
		r.notes = append(r.notes, lang.M("population projection: no backtest, the years %s are missing", datasets.YearRanges(missing)))
		return nil
	}
	history := make([][]projection.Population, len(pops))
	for a, p := range pops {
		history[a] = p[:bp+1]
	}
	models, _, err := r.areaModels(s, rates, history, base)
	var short missingEvents
	if errors.As(err, &short) {
		r.notes = append(r.notes, lang.M("population projection: no backtest from %d, the register's events do not reach back to its base period: %s", lang.Digits(base), short.err.M))
		return nil
	}
	if err != nil {
		return err
	}
	bt := &backtest{base: base, horizons: horizons}
	projected := make([][]projection.Population, len(pops))
	for a, p := range pops {
		projected[a], _ = models[a].project(p[bp], horizons, 1, nil)
	}
	groups := append([]struct{ lo, hi int }{{0, -1}}, tableGroups...)
	for _, g := range groups {
		hi := g.hi
		if hi < 0 {
			hi = rates.Omega()
		}
		var proj, obs, hist [][]float64
		var last []float64
		for a, p := range pops {
			var pr, ob, hi2 []float64
			for h := 0; h < horizons; h++ {
				pr, ob = append(pr, projected[a][h].Sum(g.lo, hi)), append(ob, p[bp+1+h].Sum(g.lo, hi))
			}
			for _, hp := range p[:bp+1] {
				hi2 = append(hi2, hp.Sum(g.lo, hi))
			}
			proj, obs, hist, last = append(proj, pr), append(obs, ob), append(hist, hi2), append(last, hi2[bp])
		}
		bg := backtestGroup{label: groupLabel(g.lo, g.hi), cohort: projection.Measure(proj, obs),
			constant: projection.Measure(projection.Constant(last, horizons), obs), linear: projection.Measure(projection.Linear(hist, horizons), obs)}
		for _, apes := range projection.APEs(proj, obs) {
			bg.q80 = append(bg.q80, projection.Quantile(apes, 0.8))
		}
		bt.groups = append(bt.groups, bg)
	}
	r.proj.backtest = bt
	all := bt.groups[0]
	h := horizons - 1
	r.notes = append(r.notes, lang.M("population projection: a backtest from %d with only the data up to it misses the residents of the areas in %d by %.1f %% on average (MAPE; holding %d constant: %.1f %%, the linear trend: %.1f %%); backtest.csv has every age group, and projection.csv 80 %% intervals from these errors",
		lang.Digits(base), lang.Digits(r.year), all.cohort[h].MAPE, lang.Digits(base), all.constant[h].MAPE, all.linear[h].MAPE))
	return nil
}

// groupLabel names an age group: "3–5", "80+", "all" for 0 to the open
// group.
func groupLabel(lo, hi int) string {
	switch {
	case lo == 0 && hi < 0:
		return "all"
	case hi < 0:
		return fmt.Sprintf("%d+", lo)
	}
	return fmt.Sprintf("%d–%d", lo, hi)
}

// interval is the relative half-width (in %) of the 80 % interval of a
// group's projection at horizon h (1, 2, …): the backtest's 80th
// percentile of absolute percentage errors, growing in proportion to the
// horizon beyond the backtest's last; NaN without a backtest.
func (bt *backtest) interval(group, h int) float64 {
	if bt == nil || len(bt.groups[group].q80) == 0 {
		return math.NaN()
	}
	q := bt.groups[group].q80
	if h <= len(q) {
		return q[h-1]
	}
	return q[len(q)-1] * float64(h) / float64(len(q))
}

// backtestFrame is backtest.csv: per age group and horizon the mean
// absolute and algebraic percentage errors of the projection and of the
// two baselines, and the areas compared.
func (r *runner) backtestFrame() *datasets.Frame {
	bt := r.proj.backtest
	var group datasets.Text
	var horizon, n datasets.Int
	cols := make([]datasets.Float, 5)
	for i := range cols {
		cols[i].Decimals = 2
	}
	for _, g := range bt.groups {
		for h := 0; h < bt.horizons; h++ {
			group, horizon, n = append(group, g.label), append(horizon, int64(h+1)), append(n, int64(g.cohort[h].N))
			for i, v := range []float64{g.cohort[h].MAPE, g.cohort[h].MALPE, g.constant[h].MAPE, g.linear[h].MAPE, g.q80[h]} {
				cols[i].Values = append(cols[i].Values, v)
			}
		}
	}
	f := &datasets.Frame{}
	f.Add("age", r.lp.Sprintf("age"), group)
	f.Add("horizon", r.lp.Sprintf("years after %d", lang.Digits(bt.base)), horizon)
	f.Add("areas", r.lp.Sprintf("areas"), n)
	for i, h := range []string{r.lp.Sprintf("MAPE (%%)"), r.lp.Sprintf("MALPE (%%)"), r.lp.Sprintf("MAPE, base year held (%%)"), r.lp.Sprintf("MAPE, linear trend (%%)"), r.lp.Sprintf("80th percentile of APE (%%)")} {
		f.Add([]string{"mape", "malpe", "mape_constant", "mape_linear", "ape_p80"}[i], h, cols[i])
	}
	return f
}
