package plan

import (
	"math"

	"gonum.org/v1/gonum/stat/distuv"

	"planatlas/datasets"
	"planatlas/indicators"
	"planatlas/lang"
	"planatlas/survey"
)

// estimateItem estimates an item on every level: a share with Korn and
// Graubard's interval, a mean with the t interval of the design's
// degrees of freedom, each unit flagged by the quality rules.
func (r *runner) estimateItem(run *surveyRun, c *surveyItemCheck, lvls []indicators.Level) (*surveyItemRun, error) {
	t := run.table
	x := t.Values[t.ValueIndex(c.column)]
	if err := r.checkAnswers(run, c, x); err != nil {
		return nil, err
	}
	it := &surveyItemRun{check: c, year: run.spec.Year, y: make([]float64, len(x)), share: c.kind != "mean" && !c.total}
	for i, v := range x {
		switch {
		case math.IsNaN(v) || c.kind == "mean":
			it.y[i] = v
		case c.kind == "top" && v >= c.at, c.kind == "category" && v == c.at:
			it.y[i] = 1
		}
	}
	for _, lv := range lvls {
		by := make([]string, len(x))
		for i, a := range run.area {
			by[i] = lv.Keys[lv.Member[a]]
		}
		ests, err := r.domainEstimates(run, it, by)
		if err != nil {
			return nil, errAt(r.c.plan.File, run.spec.Line, "survey %q: item %q: %v", run.name, c.name, err)
		}
		row := make([]survey.Interval, len(lv.Keys))
		flags := make([]datasets.Flag, len(lv.Keys))
		for u, k := range lv.Keys {
			e, ok := ests[k]
			if !ok {
				e = survey.Interval{Estimate: survey.Estimate{Value: math.NaN(), SE: math.NaN()}, Lower: math.NaN(), Upper: math.NaN()}
			}
			row[u], flags[u] = e, run.spec.Quality.flag(e.Estimate)
		}
		it.est, it.flags = append(it.est, row), append(it.flags, flags)
	}
	return it, nil
}

// domainEstimates returns the item's estimate and 95 % interval per
// domain.
func (r *runner) domainEstimates(run *surveyRun, it *surveyItemRun, by []string) (map[string]survey.Interval, error) {
	out := map[string]survey.Interval{}
	if it.check.total {
		ests, err := run.design.TotalBy(it.y, by)
		if err != nil {
			return nil, err
		}
		for _, d := range ests {
			out[d.Domain] = tInterval(d.Estimate)
		}
		return out, nil
	}
	if it.share {
		method := survey.CIBeta
		if run.spec.Interval == "logit" {
			method = survey.CILogit
		}
		ints, err := run.design.CIPropBy(it.y, by, method, 0.95)
		if err != nil {
			return nil, err
		}
		for _, d := range ints {
			out[d.Domain] = d.Interval
		}
		return out, nil
	}
	ests, err := run.design.MeanBy(it.y, by)
	if err != nil {
		return nil, err
	}
	for _, d := range ests {
		out[d.Domain] = tInterval(d.Estimate)
	}
	return out, nil
}

// tInterval is the 95 % t interval of an estimate on its degrees of
// freedom (NaN without any).
func tInterval(e survey.Estimate) survey.Interval {
	q := math.NaN()
	if e.DF > 0 {
		q = distuv.StudentsT{Mu: 0, Sigma: 1, Nu: float64(e.DF)}.Quantile(0.975)
	}
	return survey.Interval{Estimate: e, Lower: e.Value - q*e.SE, Upper: e.Value + q*e.SE}
}

// flag applies the quality rules to an estimate: not published ("/",
// Unreliable) with fewer respondents than min_n or a coefficient of
// variation above hide_cv, marked ("( )", Uncertain) above mark_cv.
func (q QualitySpec) flag(e survey.Estimate) datasets.Flag {
	cv := coefficientOfVariation(e)
	switch {
	case e.N == 0:
		return datasets.NoData
	case e.N < q.minN() || !(cv <= q.hideCV()):
		return datasets.Unreliable
	case cv > q.markCV():
		return datasets.Uncertain
	}
	return 0
}

// coefficientOfVariation is 100 · SE / |estimate|; 0 where both are 0
// (everyone gave the same answer), +Inf for an estimate of 0 with an
// SE.
func coefficientOfVariation(e survey.Estimate) float64 {
	if e.SE == 0 {
		return 0
	}
	return 100 * e.SE / math.Abs(e.Value)
}

// setSurveyVariables sets the item (a share in %) and its estimated
// population on the areas' panel in the survey's year; an area without
// a respondent has no value there.
func (r *runner) setSurveyVariables(run *surveyRun, it *surveyItemRun) error {
	p, s := r.panel, run.spec
	yi := p.YearIndex(s.Year)
	if yi < 0 {
		return errAt(r.c.plan.File, s.Line, "survey %q: year %d is not among the years of the data (%s); the survey's items need the areas of that year", run.name, lang.Digits(s.Year), datasets.YearRanges(p.Years))
	}
	val, pop := datasets.NewSeries(p.Len()), datasets.NewSeries(p.Len())
	for i := range val.Values {
		val.Values[i], val.Flags[i] = math.NaN(), datasets.NoData
		pop.Values[i], pop.Flags[i] = math.NaN(), datasets.NoData
	}
	scale := 1.0
	if it.share {
		scale = 100
	}
	n := len(p.Keys)
	for a := range p.Keys {
		e := it.est[0][a]
		if math.IsNaN(e.Value) {
			continue
		}
		val.Values[yi*n+a], val.Flags[yi*n+a] = e.Value*scale, 0
		pop.Values[yi*n+a], pop.Flags[yi*n+a] = e.PopSize, 0
	}
	if err := p.Set(it.check.name, val); err != nil {
		return err
	}
	return p.Set(surveyWeightVar(it.check.name), pop)
}

// surveyFlags marks the indicators that use a survey's item with the
// item's quality flags on every level, and gives the levels above the
// areas the survey's own estimate of the item where the indicator is the
// item itself. A value that is not published is removed.
func (r *runner) surveyFlags(defs []*indicators.Indicator) {
	byItem := map[string]*surveyItemRun{}
	for _, run := range r.surveys {
		for _, it := range run.items {
			byItem[it.check.name] = it
		}
	}
	for k, d := range defs {
		for _, v := range d.Formula.Vars {
			it := byItem[v]
			if it == nil {
				continue
			}
			yi := r.panel.YearIndex(it.year)
			own := d.Formula.Text == v
			for li, l := range r.levels {
				s := l.values[k]
				n := len(l.keys)
				if own {
					r.surveyBounds(l, li, k, yi, it)
				}
				for u := range l.keys {
					cell := yi*n + u
					f := it.flags[li][u]
					switch {
					case f&datasets.NoData != 0 && own:
						// no respondent: no value, and no other reason
						s.Values[cell], s.Flags[cell] = math.NaN(), datasets.NoData
						continue
					case li > 0 && own && !math.IsNaN(it.est[li][u].Value):
						s.Values[cell] = it.est[li][u].Value * it.scale()
						if l.coverage != nil && l.coverage[k] != nil {
							l.coverage[k].Values[cell] = 1 // the survey's own estimate of the unit, not a sum of areas
						}
					}
					s.Flags[cell] |= f
					if s.Flags[cell]&(datasets.Unreliable|datasets.NoData) != 0 {
						s.Values[cell] = math.NaN()
					}
				}
			}
		}
	}
}

// surveyBounds gives an item's own indicator the survey's 95 %
// intervals on level l (index li) in the survey's year (cell index yi),
// hidden where the value is, and compares each unit with the city: above
// or below where the city's estimate lies outside the unit's interval.
func (r *runner) surveyBounds(l *level, li, k, yi int, it *surveyItemRun) {
	if l.lower == nil {
		return
	}
	n := len(l.keys)
	lo, hi := datasets.NewSeries(len(l.values[k].Values)), datasets.NewSeries(len(l.values[k].Values))
	for c := range lo.Values {
		lo.Values[c], hi.Values[c] = math.NaN(), math.NaN()
	}
	vs := make([]int8, len(lo.Values))
	city := it.est[len(it.est)-1][0].Value * it.scale()
	for u := range l.keys {
		e, f := it.est[li][u], it.flags[li][u]
		if f&(datasets.Unreliable|datasets.NoData) != 0 {
			continue
		}
		c := yi*n + u
		lo.Values[c], hi.Values[c] = e.Lower*it.scale(), e.Upper*it.scale()
		switch {
		case li == len(it.est)-1:
		case city < lo.Values[c]:
			vs[c] = 1 // the city's estimate is below the unit's interval
		case city > hi.Values[c]:
			vs[c] = -1
		}
	}
	l.lower[k], l.upper[k], l.versus[k] = lo, hi, vs
}

func (it *surveyItemRun) scale() float64 {
	if it.share {
		return 100
	}
	return 1
}
