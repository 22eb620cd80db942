package plan

import (
	"bytes"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"

	"planatlas/datasets"
	"planatlas/indicators"
	"planatlas/lang"
	"planatlas/survey"
)

// surveyRun is one survey's microdata and estimates.
type surveyRun struct {
	name   string
	spec   *SurveySpec
	table  *datasets.Table
	area   []int // each respondent's area
	design *survey.Design
	items  []*surveyItemRun
}

// surveyItemRun is an item's answers and its estimates on every level.
type surveyItemRun struct {
	check *surveyItemCheck
	year  int                 // the survey's
	y     []float64           // per respondent: the answer, or 0/1 for a share; NaN without an answer
	share bool                // estimated in %: the mean of y times 100
	est   [][]survey.Interval // [level][unit]; N = 0 where a unit has no answer
	flags [][]datasets.Flag   // [level][unit]: Uncertain or Unreliable by the quality rules
	fh    *fhResult           // Fay–Herriot estimates of the areas; nil without
}

// computeSurveys estimates every survey's items on the levels lvls (the
// areas first, the city last) and sets each item and its estimated
// population as variables of the survey's year on the areas' panel.
func (r *runner) computeSurveys(lvls []indicators.Level) error {
	for i := range r.c.plan.Surveys {
		e := &r.c.plan.Surveys[i]
		run, err := r.readSurvey(e.Name, &e.Value)
		if err != nil {
			return err
		}
		if err := r.surveyDesign(run, lvls); err != nil {
			return err
		}
		var x [][]float64
		if e.Value.SmallArea != nil {
			if x, err = r.covariates(run); err != nil {
				return err
			}
		}
		for _, c := range e.Value.items {
			it, err := r.estimateItem(run, c, lvls)
			if err != nil {
				return err
			}
			if x != nil && !c.total { // a model of means and shares, not of totals
				if err := r.smallAreaEstimates(run, it, x); err != nil {
					return err
				}
			}
			run.items = append(run.items, it)
			if err := r.setSurveyVariables(run, it); err != nil {
				return err
			}
		}
		r.surveys = append(r.surveys, run)
		r.notes = append(r.notes, r.surveyNote(run))
	}
	return nil
}

// surveyNote says how many respondents the survey has in how many areas,
// and what the quality rules made of its items' area estimates.
func (r *runner) surveyNote(run *surveyRun) lang.Message {
	per := make([]int, len(r.areas.Keys))
	for _, a := range run.area {
		per[a]++
	}
	lo, hi, with := len(run.area), 0, 0
	for _, n := range per {
		if n > 0 {
			with++
			lo, hi = min(lo, n), max(hi, n)
		}
	}
	var published, limited, hidden int
	for _, it := range run.items {
		for _, f := range it.flags[0] {
			switch {
			case f&datasets.NoData != 0:
			case f&datasets.Unreliable != 0:
				hidden++
			case f&datasets.Uncertain != 0:
				limited++
			default:
				published++
			}
		}
	}
	return lang.M("survey %q: %d respondents in %d of %d planning areas (%d to %d each); of the areas' estimates of its %d items %d published, %d of limited reliability, %d not published (survey.csv says why)",
		run.name, run.table.Len(), with, len(r.areas.Keys), lo, hi, len(run.items), published, limited, hidden)
}

// readSurvey reads a survey's columns: the key, the items, the weight
// and the fpc as numbers, strata, clusters and raking margins as text.
func (r *runner) readSurvey(name string, s *SurveySpec) (*surveyRun, error) {
	spec := datasets.Spec{Key: s.Key, FixedYear: s.Year, Values: []string{s.Weight}, Missing: datasets.MissingCodes{Column: map[string][]string{}}}
	for _, c := range s.items {
		spec.Values = append(spec.Values, c.column)
		if len(s.Missing) > 0 {
			spec.Missing.Column[c.column] = s.Missing
		}
	}
	if s.FPC != "" {
		spec.Values = append(spec.Values, s.FPC)
	}
	for _, d := range []string{s.Strata, s.Cluster} {
		if d != "" {
			spec.Dims = append(spec.Dims, d)
		}
	}
	margins := s.Rake
	if s.PostStratify != nil {
		margins = append(margins, *s.PostStratify)
	}
	for _, m := range margins {
		if !contains(spec.Dims, m.Column) {
			spec.Dims = append(spec.Dims, m.Column)
		}
	}
	t, err := r.readSurveyFile(name, s, spec)
	if err != nil {
		return nil, err
	}
	pos := r.areaPositions()
	run := &surveyRun{name: name, spec: s, table: t, area: make([]int, t.Len())}
	unknown, first := 0, -1
	for i := range t.Len() {
		k := t.Key(i)
		a, ok := pos[k]
		if !ok {
			if unknown++; first < 0 {
				first = i
			}
			continue
		}
		run.area[i] = a
	}
	if unknown > 0 {
		k := t.Key(first)
		return nil, errAt(r.c.plan.File, s.Line, "survey %q: %s: the respondent's area %q is not a planning area of %s%s (respondents with an unknown area: %d); correct the keys, or leave the respondents out",
			name, t.LocMessage(first), k, r.c.plan.Areas.File, leadingZeros(k, pos), unknown)
	}
	return run, nil
}

// leadingZeros is a hint where a key matches an area's but for leading
// zeros: an area key exported as a number loses them.
func leadingZeros(k string, pos map[string]int) lang.Message {
	for key := range pos {
		if key != k && strings.TrimLeft(key, "0") == strings.TrimLeft(k, "0") {
			return lang.M(" (the areas have %q: were leading zeros lost?)", key)
		}
	}
	return lang.Message{}
}

// readSurveyFile reads the survey's file as SPSS or CSV.
func (r *runner) readSurveyFile(name string, s *SurveySpec, spec datasets.Spec) (*datasets.Table, error) {
	rd, done, err := r.hashed(s.File)
	if err != nil {
		return nil, errAt(r.c.plan.File, s.Line, "survey %q: %v", name, err)
	}
	if !s.sav() {
		t, err := datasets.ReadCSV(rd, s.File, spec, datasets.CSVOptions{})
		if err = done(err); err != nil {
			return nil, err
		}
		return t, t.MarkMissing()
	}
	data, err := io.ReadAll(rd)
	if err != nil {
		return nil, done(err)
	}
	t, _, err := datasets.ReadSav(bytes.NewReader(data), int64(len(data)), s.File, spec)
	return t, done(err)
}

// surveyDesign makes the survey's design and rakes it to the register's
// margins.
func (r *runner) surveyDesign(run *surveyRun, lvls []indicators.Level) error {
	s, t := run.spec, run.table
	opt := survey.Options{Lonely: lonelyPSU(s.LonelyPSU)}
	if s.Strata != "" {
		opt.Strata = t.DimColumn(t.DimIndex(s.Strata)).Strings()
	}
	if s.Cluster != "" {
		opt.Clusters = t.DimColumn(t.DimIndex(s.Cluster)).Strings()
	}
	if s.FPC != "" {
		opt.FPC = t.Values[t.ValueIndex(s.FPC)]
	}
	w := t.Values[t.ValueIndex(s.Weight)]
	for i, v := range w {
		switch {
		case math.IsNaN(v):
			return errAt(r.c.plan.File, s.Line, "survey %q: %s: column %q: the weight is empty; every respondent needs a weight above 0", run.name, t.LocMessage(i), s.Weight)
		case !(v > 0) || math.IsInf(v, 0):
			return errAt(r.c.plan.File, s.Line, "survey %q: %s: column %q: the weight is %g; every respondent needs a weight above 0", run.name, t.LocMessage(i), s.Weight, v)
		}
	}
	d, err := survey.NewDesign(w, opt)
	if err != nil {
		return errAt(r.c.plan.File, s.Line, "survey %q: %s: %v", run.name, s.File, err)
	}
	run.design = d
	if err := r.rakeSurvey(run, lvls); err != nil {
		return err
	}
	return r.trimSurvey(run)
}

// rakeSurvey rakes the survey's weights to the register's margins.
func (r *runner) rakeSurvey(run *surveyRun, lvls []indicators.Level) error {
	s, t, d := run.spec, run.table, run.design
	if s.PostStratify != nil {
		margins, err := r.rakeMargins(run, lvls, []RakeMarginSpec{*s.PostStratify})
		if err != nil {
			return err
		}
		if run.design, err = d.PostStratify(margins[0].Groups, margins[0].Population); err != nil {
			return errAt(r.c.plan.File, s.PostStratify.Line, "survey %q: poststratify: %v", run.name, err)
		}
		r.notes = append(r.notes, lang.M("survey %q: %d respondents, weights post-stratified to the register (groups: %d)", run.name, t.Len(), len(margins[0].Population)))
		return nil
	}
	if len(s.Rake) == 0 {
		return nil
	}
	margins, err := r.rakeMargins(run, lvls, s.Rake)
	if err != nil {
		return err
	}
	raked, conv, err := d.Rake(margins, survey.RakeOptions{})
	if err != nil {
		return errAt(r.c.plan.File, s.Line, "survey %q: rake: %v", run.name, err)
	}
	run.design = raked
	if !conv.Converged {
		r.notes = append(r.notes, lang.M("survey %q: raking did not converge in %d iterations; the weights of the last are used", run.name, conv.Iterations))
	}
	r.notes = append(r.notes, lang.M("survey %q: %d respondents, weights raked to the register (margins: %d, iterations: %d)", run.name, t.Len(), len(margins), conv.Iterations))
	return nil
}

// trimSurvey trims the weights to the plan's multiples of their mean and
// says how many were trimmed.
func (r *runner) trimSurvey(run *surveyRun) error {
	tr := run.spec.Trim
	if tr == nil {
		return nil
	}
	w := run.design.Weights()
	mean := sum(w) / float64(len(w))
	lo, hi := tr.Lower*mean, tr.Upper*mean
	outside := 0
	for _, v := range w {
		if v < lo || v > hi {
			outside++
		}
	}
	d, err := run.design.TrimWeights(lo, hi, true)
	if err != nil {
		return errAt(r.c.plan.File, tr.Line, "survey %q: trim: %v", run.name, err)
	}
	run.design = d
	r.notes = append(r.notes, lang.M("survey %q: %d weights outside %g to %g times the mean weight trimmed to those bounds; what was cut off is shared among the others", run.name, outside, tr.Lower, tr.Upper))
	return nil
}

// lonelyPSU maps the plan's word to the survey package's option.
func lonelyPSU(s string) survey.LonelyPSU {
	return map[string]survey.LonelyPSU{"remove": survey.LonelyRemove, "certainty": survey.LonelyCertainty,
		"adjust": survey.LonelyAdjust, "average": survey.LonelyAverage}[s]
}

// rakeMargins builds the margins of raking: each respondent's group is
// the unit of the margin's level (the city if none) and the code of its
// answer; a group's population is the sum of the code's variable over
// the unit's areas in the survey's year.
func (r *runner) rakeMargins(run *surveyRun, lvls []indicators.Level, specs []RakeMarginSpec) ([]survey.Margin, error) {
	s, t := run.spec, run.table
	yi := r.panel.YearIndex(s.Year)
	if yi < 0 {
		return nil, errAt(r.c.plan.File, s.Line, "survey %q: year %d has no data of the register to rake to (its years: %s)", run.name, lang.Digits(s.Year), datasets.YearRanges(r.panel.Years))
	}
	var out []survey.Margin
	for _, m := range specs {
		lv, ok := levelByID(lvls, m.By)
		if !ok {
			return nil, errAt(r.c.plan.File, m.Line, "survey %q: rake: by %q is not a level of the areas (%s)", run.name, m.By, levelIDs(lvls))
		}
		pop := map[string]float64{}
		for _, tot := range m.Totals {
			v := r.panel.Var(tot.Value)
			for a := range r.areas.Keys {
				x := v.Values[yi*len(r.areas.Keys)+a]
				if math.IsNaN(x) {
					return nil, errAt(r.c.plan.File, tot.Line, "survey %q: rake: %s has no value for area %q in %d; the margins need every area", run.name, tot.Value, r.areas.Keys[a], lang.Digits(s.Year))
				}
				pop[lv.Keys[lv.Member[a]]+"|"+tot.Name] += x
			}
		}
		codes := t.DimColumn(t.DimIndex(m.Column)).Strings()
		groups := make([]string, len(codes))
		for i, c := range codes {
			g := lv.Keys[lv.Member[run.area[i]]] + "|" + c
			if _, ok := pop[g]; !ok {
				return nil, errAt(r.c.plan.File, m.Line, "survey %q: rake: %s: %s %q has no total; give it one in totals, or recode the answer", run.name, t.LocMessage(i), m.Column, c)
			}
			groups[i] = g
		}
		out = append(out, survey.Margin{Groups: groups, Population: pop})
	}
	return out, nil
}

// levelByID finds a level; "" and "city" are the city, "area" the
// areas.
func levelByID(lvls []indicators.Level, id string) (indicators.Level, bool) {
	if id == "" {
		id = "city"
	}
	for _, l := range lvls {
		if l.ID == id {
			return l, true
		}
	}
	return indicators.Level{}, false
}

func levelIDs(lvls []indicators.Level) string {
	var ids []string
	for _, l := range lvls {
		ids = append(ids, l.ID)
	}
	sort.Strings(ids)
	return joinQuoted(ids)
}

// joinQuoted lists names in quotes, separated by commas.
func joinQuoted(names []string) string {
	out := ""
	for i, n := range names {
		if i > 0 {
			out += ", "
		}
		out += strconv.Quote(n)
	}
	return out
}

// fhResult says how each area's estimate of an item was made where the
// survey has a small-area model.
type fhResult struct {
	method []string // per area: "Fay–Herriot", "spatial Fay–Herriot", "synthetic", or "" (direct)
}
