package plan

import (
	"math"
	"strings"

	"planatlas/datasets"
	"planatlas/geo"
	"planatlas/indicators"
	"planatlas/lang"
)

// level is one level of the geography with its variables and indicators.
type level struct {
	id     string // area, city, or the id of a level between them ("district" for areas: parent)
	label  Text   // the level's name in tables and reports
	keys   []string
	names  []string
	member []int           // for areas: the unit of this level each area belongs to
	panel  *datasets.Panel // the variables, aggregated to this level
	values []*datasets.Series
	// coverage per indicator (nil for the areas): the share of each
	// unit's residents (or areas) in the areas its value is computed from.
	coverage []*datasets.Series
	num, den [][]float64 // per indicator, for proportions: Σ numerator and Σ denominator of the reference (nil for the areas)
	// varCoverage by variable (nil for the areas): the coverage of the
	// variable's totals.
	varCoverage map[string]*datasets.Series
	lower       []*datasets.Series // Wilson bounds of proportions (nil for others)
	upper       []*datasets.Series
	versus      [][]int8 // per indicator and cell: +1 significantly above the city, -1 below, 0 not (nil for others)
}

func (l *level) indicatorsLevel() indicators.Level {
	return indicators.Level{ID: l.id, Keys: l.keys, Names: l.names, Member: l.member}
}

func (r *runner) computeIndicators() error {
	a := r.areas
	rules := map[string]indicators.Aggregation{}
	for _, v := range append(r.c.variables, r.c.surveyVars...) {
		rules[v.name] = v.agg
	}
	cityName := r.c.plan.City.In(r.c.lang)
	if cityName == "" {
		cityName = r.loc.T("city")
	}
	areaLevel := &level{id: "area", label: Text{De: "Planungsraum", En: "planning area"}, keys: a.Keys, names: a.Names, panel: r.panel, member: identity(len(a.Keys))}
	r.levels = []*level{areaLevel}
	lvls, labels, err := r.buildLevels()
	if err != nil {
		return err
	}
	lvls = append(lvls, indicators.CityLevel(len(a.Keys), "", cityName))
	labels = append(labels, Text{De: "Stadt", En: "city"})
	if err := r.computeSurveys(append([]indicators.Level{areaLevel.indicatorsLevel()}, lvls...)); err != nil {
		return err
	}
	for i, lv := range lvls {
		agg, err := indicators.Aggregate(r.panel, lv, rules)
		if err != nil {
			return err
		}
		r.levels = append(r.levels, &level{id: lv.ID, label: labels[i], keys: lv.Keys, names: lv.Names, member: lv.Member, panel: agg})
	}

	// Disclosure control on every level, before anything is derived, so
	// that every derived value carries the flag of a hidden count.
	counts := map[string]bool{}
	if r.c.threshold > 0 && len(r.c.counts) > 0 {
		h := indicators.Hierarchy{}
		for i, l := range r.levels {
			h.Levels = append(h.Levels, l.panel)
			if i+1 < len(r.levels) {
				h.Parent = append(h.Parent, parentOf(l, r.levels[i+1]))
			}
		}
		res, err := indicators.Suppress(h, r.families, r.c.counts, r.c.threshold)
		if err != nil {
			return errf("%s: %v", r.c.plan.File, err)
		}
		if res.Primary > 0 {
			r.notes = append(r.notes, lang.M("disclosure control: %d counts below %d hidden (.), and %d further cells so that none can be recomputed from totals",
				res.Primary, r.c.threshold, res.Secondary))
		}
		for _, v := range r.c.counts {
			counts[v] = true
		}
	}

	defs := r.c.indicators
	areaLevel.values = indicators.Compute(r.panel, defs)
	if err := r.dropUnsupported(); err != nil {
		return err
	}
	defs = r.c.indicators
	areaVals := areaLevel.values
	for k, d := range defs {
		if allMissing(areaVals[k].Values) {
			return errAt(r.c.plan.File, r.c.indicatorLines[k], "indicator %q has no value in any area and year: %s; check its formula and inputs", d.ID, r.whyMissingM(d, areaVals[k].Flags))
		}
	}
	// Reference values: by each indicator's kind, over the areas that
	// have a value, with their coverage; hidden where they would reveal a
	// hidden count.
	in := indicators.RefInput{Panel: r.panel, Rules: rules, Basis: r.c.population}
	for _, l := range r.levels[1:] {
		l.values = make([]*datasets.Series, len(defs))
		l.coverage = make([]*datasets.Series, len(defs))
		l.num, l.den = make([][]float64, len(defs)), make([][]float64, len(defs))
		lv := l.indicatorsLevel()
		for k, d := range defs {
			ref, err := indicators.Reference(d, in, areaVals[k], lv)
			if err != nil {
				return err
			}
			ref.Disclose(d, in, l.panel, lv, counts)
			l.values[k], l.coverage[k], l.num[k], l.den[k] = ref.Values, ref.Coverage, ref.Num, ref.Den
		}
	}
	if err := r.variableCoverage(in, counts); err != nil {
		return err
	}
	r.clearExactUnits()
	if err := r.computeOlder(); err != nil {
		return err
	}
	r.olderNotes()
	if r.c.population != "" {
		r.notes = append(r.notes, lang.M("reference values: where areas have no value, the coverage column gives the share of residents (%s) in the areas with a value", r.c.population))
	}
	if err := r.checkProportions(); err != nil {
		return err
	}
	if err := r.smooth(); err != nil {
		return err
	}
	r.intervals()
	r.surveyFlags(defs)
	r.values = areaVals
	r.city = r.levels[len(r.levels)-1].values
	return nil
}

// variableCoverage computes the coverage of every variable's totals on
// the levels above the areas: the share of residents (or areas) in the
// areas with a value, hidden where it would reveal a hidden count.
func (r *runner) variableCoverage(in indicators.RefInput, counts map[string]bool) error {
	for _, l := range r.levels[1:] {
		l.varCoverage = map[string]*datasets.Series{}
	}
	for _, v := range r.c.variables {
		f, err := indicators.Compile(v.name, func(string) bool { return true }, nil)
		if err != nil {
			return err
		}
		d := &indicators.Indicator{ID: v.name, Formula: f}
		d.InferKind(func(n string) bool { return in.Rules[n].Mean })
		for _, l := range r.levels[1:] {
			lv := l.indicatorsLevel()
			ref, err := indicators.Reference(d, in, r.panel.Var(v.name), lv)
			if err != nil {
				return err
			}
			ref.Disclose(d, in, l.panel, lv, counts)
			l.varCoverage[v.name] = ref.Coverage
		}
	}
	return nil
}

func identity(n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = i
	}
	return out
}

// parentOf maps each unit of l to its unit in the next level up (the
// levels nest: buildLevels checked it).
func parentOf(l, up *level) []int {
	out := make([]int, len(l.keys))
	for a, u := range l.member {
		out[u] = up.member[a]
	}
	return out
}

// checkProportions stops the run where a count is larger than the
// population it is a part of: a share above 100 % is an error in the
// data, and a silent value would mislead.
func (r *runner) checkProportions() error {
	p := r.panel
	nA := len(p.Keys)
	for _, d := range r.c.indicators {
		if !d.Proportion {
			continue
		}
		num, den := p.Var(d.Numerator), p.Var(d.Denominator)
		var bad []lang.Message
		for i, x := range num.Values {
			if n := den.Values[i]; x > n {
				bad = append(bad, lang.M("area %q in %d: %s = %g, %s = %g", p.Keys[i%nA], lang.Digits(p.Years[i/nA]), d.Numerator, x, d.Denominator, n))
			}
		}
		if len(bad) > 0 {
			var more lang.Message
			if len(bad) > 3 {
				more = lang.M(" and %d more", len(bad)-3)
				bad = bad[:3]
			}
			return errAt(r.c.plan.File, r.c.indicatorLines[r.indicatorIndex(d.ID)],
				"indicator %q: a count is larger than the population it belongs to (%s%s); check the inputs of %s and %s",
				d.ID, msgList{"; ", bad}, more, d.Numerator, d.Denominator)
		}
	}
	return nil
}

func (r *runner) indicatorIndex(id string) int {
	for k, d := range r.c.indicators {
		if d.ID == id {
			return k
		}
	}
	return -1
}

// smooth replaces the areas' values of indicators with smoothing by their
// empirical Bayes estimates, year by year, flagged Smoothed.
func (r *runner) smooth() error {
	var nb geo.Neighbours
	p := r.panel
	nA := len(p.Keys)
	for k, d := range r.c.indicators {
		if d.Smooth == indicators.SmoothNone {
			continue
		}
		if nb == nil && d.Smooth != indicators.SmoothGlobalEB {
			if err := r.buildWeights(); err != nil {
				return err
			}
			nb = r.weights.Neighbours
			if is := nb.Islands(); len(is) > 0 {
				var names []string
				for _, i := range is {
					names = append(names, r.areas.Names[i])
				}
				r.notes = append(r.notes, lang.M("local empirical Bayes: %d area(s) without neighbours are smoothed within themselves: %s", len(is), strings.Join(names, ", ")))
			}
		}
		s := r.levels[0].values[k]
		num, den := p.Var(d.Numerator), p.Var(d.Denominator)
		for y := range p.Years {
			x, n := num.Values[y*nA:(y+1)*nA], den.Values[y*nA:(y+1)*nA]
			var eb []float64
			switch d.Smooth {
			case indicators.SmoothGlobalEB:
				eb = indicators.GlobalEB(x, n)
			case indicators.SmoothLocalEB:
				eb = indicators.LocalEB(x, n, nb, false)
			case indicators.SmoothLocalEBSpdep:
				eb = indicators.LocalEB(x, n, nb, true)
			}
			for a := 0; a < nA; a++ {
				c := y*nA + a
				if math.IsNaN(eb[a]) {
					s.Values[c] = math.NaN()
					continue
				}
				s.Values[c] = d.Scale * eb[a]
				s.Flags[c] |= datasets.Smoothed
			}
		}
	}
	return nil
}

// intervals computes Wilson 95 % intervals for the proportions on every
// level, and marks the areas and districts whose interval lies entirely
// above or below the city's value.
func (r *runner) intervals() {
	city := r.levels[len(r.levels)-1]
	nY := len(r.panel.Years)
	for _, l := range r.levels {
		n := len(l.keys)
		l.lower = make([]*datasets.Series, len(r.c.indicators))
		l.upper = make([]*datasets.Series, len(r.c.indicators))
		l.versus = make([][]int8, len(r.c.indicators))
		for k, d := range r.c.indicators {
			if !d.Proportion {
				continue
			}
			// The areas' counts, or the sums a reference value is made of.
			num, den := l.panel.Var(d.Numerator).Values, l.panel.Var(d.Denominator).Values
			if l.num != nil && l.num[k] != nil {
				num, den = l.num[k], l.den[k]
			}
			lo, hi := datasets.NewSeries(n*nY), datasets.NewSeries(n*nY)
			vs := make([]int8, n*nY)
			for c := range lo.Values {
				a, b := indicators.Wilson(num[c], den[c])
				lo.Values[c], hi.Values[c] = d.Scale*a, d.Scale*b
				// the interval reveals what the value reveals
				f := l.values[k].Flags[c] &^ datasets.Smoothed
				lo.Flags[c], hi.Flags[c] = f, f
				if l != city && !math.IsNaN(a) {
					ref := city.values[k].Values[c/n]
					switch {
					case ref < lo.Values[c]:
						vs[c] = 1
					case ref > hi.Values[c]:
						vs[c] = -1
					}
				}
			}
			l.lower[k], l.upper[k], l.versus[k] = lo, hi, vs
		}
	}
}
