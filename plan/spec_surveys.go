package plan

import (
	"path/filepath"
	"strings"

	"planatlas/indicators"
)

// SurveySpec is a sample survey's microdata (docs/methods.md section
// 12): one row per respondent with the planning area's key, the design
// (weights, strata, clusters, finite population correction), optional
// raking to the register's margins, and the items that become variables
// of the survey's year, estimated per area, level and city.
type SurveySpec struct {
	File    string `yaml:"file"` // CSV or SPSS (.sav, .zsav)
	Key     string `yaml:"key"`
	Year    int    `yaml:"year"`
	Weight  string `yaml:"weight"`
	Strata  string `yaml:"strata"`
	Cluster string `yaml:"cluster"`
	FPC     string `yaml:"fpc"` // the stratum's population size, or its sampling fraction
	// LonelyPSU says what to do with a stratum of one cluster: fail (the
	// default), remove, certainty, adjust or average, as R's
	// survey.lonely.psu.
	LonelyPSU string `yaml:"lonely_psu"`
	// PostStratify adjusts the weights to the register's counts of one
	// classification (e.g. age group × sex, coded in one column) per
	// unit of a level: post-stratification. Rake does it for several
	// margins at once; a plan gives one of the two.
	PostStratify *RakeMarginSpec  `yaml:"poststratify"`
	Rake         []RakeMarginSpec `yaml:"rake"`
	Trim         *TrimSpec        `yaml:"trim"`
	// Interval is the method of the shares' 95 % intervals: beta
	// (Korn–Graubard, the default) or logit.
	Interval  string             `yaml:"interval"`
	Items     Named[SurveyItem]  `yaml:"items"`
	Quality   QualitySpec        `yaml:"quality"`
	SmallArea *SmallAreaSpec     `yaml:"small_area"`
	Missing   []string           `yaml:"missing"` // the items' codes for "no answer" besides the file's own
	Line      int                `yaml:"-"`
	items     []*surveyItemCheck `yaml:"-"`
}

// SurveyItem is one answer turned into a variable: the mean of the
// column, the share (in %) answering at least Top (top-two-box: 4 on a
// 1–5 scale), or the share of one Category; with Total, the estimated
// number of persons (or the total of the column) instead of the mean
// or share.
type SurveyItem struct {
	Column   string   `yaml:"column"`
	Top      *float64 `yaml:"top"`
	Category *float64 `yaml:"category"`
	Total    bool     `yaml:"total"`
	Line     int      `yaml:"-"`
}

// RakeMarginSpec is one margin of raking: the respondents' answer in
// Column, whose codes' population totals are the register's variables,
// summed per unit of the level By (the city if "").
type RakeMarginSpec struct {
	Column string        `yaml:"column"`
	By     string        `yaml:"by"`
	Totals Named[string] `yaml:"totals"`
	Line   int           `yaml:"-"`
}

// TrimSpec trims the weights (after raking) to Lower and Upper times
// their mean; what is cut off is shared out among the others, repeated
// until no weight is outside (R's trimWeights, strict).
type TrimSpec struct {
	Lower float64 `yaml:"lower"`
	Upper float64 `yaml:"upper"`
	Line  int     `yaml:"-"`
}

// QualitySpec are the publication rules of survey estimates: fewer
// respondents than MinN or a coefficient of variation above HideCV (%)
// is not published ("/"), above MarkCV marked ("( )").
type QualitySpec struct {
	MinN   int     `yaml:"min_n"`
	HideCV float64 `yaml:"hide_cv"`
	MarkCV float64 `yaml:"mark_cv"`
	Line   int     `yaml:"-"`
}

// SmallAreaSpec asks for Fay–Herriot estimates of the planning areas
// (docs/methods.md section 13) with the plan's variables or indicators
// as covariates, the spatial model (SAR random effects with the plan's
// weights) if Spatial.
type SmallAreaSpec struct {
	Covariates []string `yaml:"covariates"`
	Spatial    bool     `yaml:"spatial"`
	// Synthetic publishes the estimates of areas without a usable
	// direct estimate (fewer than 2 answers, or no spread among them):
	// x'β̂ alone, from the model and the covariates. Not published if
	// false: such an estimate says nothing of the area's respondents.
	Synthetic bool `yaml:"synthetic"`
	Line      int  `yaml:"-"`
}

func (q QualitySpec) minN() int {
	if q.MinN == 0 {
		return 30
	}
	return q.MinN
}

func (q QualitySpec) hideCV() float64 {
	if q.HideCV == 0 {
		return 30
	}
	return q.HideCV
}

func (q QualitySpec) markCV() float64 {
	if q.MarkCV == 0 {
		return 15
	}
	return q.MarkCV
}

// surveyItemCheck is an item as the checker found it.
type surveyItemCheck struct {
	name, column string
	kind         string // mean, top, category
	at           float64
	total        bool // the estimated total, not the mean or share
	line         int
}

// sav says whether the survey is an SPSS file.
func (s *SurveySpec) sav() bool {
	ext := strings.ToLower(filepath.Ext(s.File))
	return ext == ".sav" || ext == ".zsav"
}

// checkSurveys checks the surveys and makes each item a variable, a
// mean weighted by the estimated population behind it, so that a
// district's value from its areas is the district's own estimate.
func (chk *checker) checkSurveys() {
	for i := range chk.p.Surveys {
		e := &chk.p.Surveys[i]
		s := &e.Value
		var lacks []string
		for _, f := range []struct {
			name string
			ok   bool
		}{{"file", s.File != ""}, {"key", s.Key != ""}, {"year", s.Year != 0}, {"weight", s.Weight != ""}, {"items", len(s.Items) > 0}} {
			if !f.ok {
				lacks = append(lacks, f.name)
			}
		}
		if len(lacks) > 0 {
			chk.fail(e.Line, "survey %q needs file, key, year, weight and items; it lacks %s", e.Name, strings.Join(lacks, ", "))
		}
		switch s.LonelyPSU {
		case "", "fail", "remove", "certainty", "adjust", "average":
		default:
			chk.fail(e.Line, "survey %q: lonely_psu %q: fail, remove, certainty, adjust or average", e.Name, s.LonelyPSU)
		}
		q := s.Quality
		if q.MinN < 0 || q.HideCV < 0 || q.MarkCV < 0 || q.markCV() > q.hideCV() {
			chk.fail(e.Line, "survey %q: quality min_n %d, hide_cv %g, mark_cv %g: counts and percentages, mark_cv at most hide_cv (defaults 30, 30, 15)", e.Name, q.MinN, q.HideCV, q.MarkCV)
		}
		if t := s.Trim; t != nil && !(t.Lower >= 0 && t.Lower < 1 && t.Upper > 1) {
			chk.fail(t.Line, "survey %q: trim lower %g, upper %g: multiples of the mean weight, lower from 0 to below 1, upper above 1 (e.g. 0.3 and 3)", e.Name, t.Lower, t.Upper)
		}
		switch s.Interval {
		case "", "beta", "logit":
		default:
			chk.fail(e.Line, "survey %q: interval %q: beta (Korn–Graubard, the default) or logit", e.Name, s.Interval)
		}
		if s.PostStratify != nil && len(s.Rake) > 0 {
			chk.fail(s.PostStratify.Line, "survey %q: give poststratify (one classification) or rake (several margins), not both", e.Name)
		}
		margins := s.Rake
		if s.PostStratify != nil {
			margins = []RakeMarginSpec{*s.PostStratify}
		}
		for _, m := range margins {
			if m.Column == "" || len(m.Totals) == 0 {
				chk.fail(m.Line, "survey %q: a margin of rake needs column and totals (each code's variable)", e.Name)
			}
			for _, t := range m.Totals {
				if chk.byVar[t.Value] == nil {
					chk.fail(t.Line, "survey %q: rake: total %q is not a variable%s", e.Name, t.Value, suggest(t.Value, chk.varNames))
				}
			}
		}
		s.items = nil
		for _, it := range s.Items {
			chk.checkSurveyItem(e.Name, s, it)
		}
		if len(s.items) == 0 {
			continue
		}
	}
}

// checkSurveyItem checks an item and registers its variable.
func (chk *checker) checkSurveyItem(survey string, s *SurveySpec, it Entry[SurveyItem]) {
	v := it.Value
	c := &surveyItemCheck{name: it.Name, column: v.Column, kind: "mean", line: it.Line, total: v.Total}
	switch {
	case !identifier.MatchString(it.Name):
		chk.fail(it.Line, "survey %q: item name %q: use letters, digits and _ only, starting with a letter (it is used in formulas)", survey, it.Name)
	case chk.byVar[it.Name] != nil:
		chk.fail(it.Line, "survey %q: item %q is already a variable", survey, it.Name)
	case v.Column == "":
		chk.fail(it.Line, "survey %q: item %q needs column", survey, it.Name)
	case v.Top != nil && v.Category != nil:
		chk.fail(it.Line, "survey %q: item %q: give top (the share answering at least it) or category (the share of one answer), not both", survey, it.Name)
	case v.Top != nil:
		c.kind, c.at = "top", *v.Top
	case v.Category != nil:
		c.kind, c.at = "category", *v.Category
	}
	s.items = append(s.items, c)
	vr := &variable{name: it.Name, column: v.Column, line: it.Line, weighted: true,
		agg: indicators.Aggregation{Mean: true, Weight: surveyWeightVar(it.Name)}}
	if v.Total {
		vr.agg = indicators.Aggregation{} // totals add up over areas
	}
	chk.byVar[it.Name] = vr
	chk.byVar[surveyWeightVar(it.Name)] = &variable{name: surveyWeightVar(it.Name), line: it.Line, weighted: true}
	chk.varNames = append(chk.varNames, it.Name)
	chk.c.surveyVars = append(chk.c.surveyVars, vr, chk.byVar[surveyWeightVar(it.Name)])
}

// surveyWeightVar is the hidden variable of an item's estimated
// population (the sum of the weights of those who answered), which
// weights the item's mean over areas.
func surveyWeightVar(item string) string { return "survey_population__" + item }
