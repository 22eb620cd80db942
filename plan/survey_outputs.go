package plan

import (
	"math"

	"planatlas/datasets"
	"planatlas/report"
	"planatlas/survey"
)

// writeSurveys writes survey.csv: per survey, item, level and unit the
// respondents, the estimate with its standard error, coefficient of
// variation, 95 % interval, design effect and effective sample size,
// and what the quality rules decided. An estimate that is not published
// is written as "/", with its respondents and coefficient of variation,
// so that a planner sees why.
func (r *runner) writeSurveys() error {
	if len(r.surveys) == 0 {
		return nil
	}
	return r.writeFrame("survey", r.surveyFrame())
}

func (r *runner) surveyFrame() *datasets.Frame {
	var surveyCol, item, level, key, name, quality, method datasets.Text
	var n datasets.Int
	est, se, lo, hi := datasets.Float{Decimals: 4}, datasets.Float{Decimals: 4}, datasets.Float{Decimals: 4}, datasets.Float{Decimals: 4}
	cv, deff, neff := datasets.Float{Decimals: 1}, datasets.Float{Decimals: 2}, datasets.Float{Decimals: 1}
	for _, run := range r.surveys {
		for _, it := range run.items {
			sc := it.scale()
			for li, l := range r.levels {
				for u := range l.keys {
					e, f := it.est[li][u], it.flags[li][u]
					m := "direct"
					if li == 0 && it.fh != nil && it.fh.method[u] != "" {
						m = it.fh.method[u]
					}
					surveyCol, item, level = append(surveyCol, run.name), append(item, it.check.name), append(level, l.label.In(r.c.lang))
					key, name = append(key, l.keys[u]), append(name, l.names[u])
					n = append(n, int64(e.N))
					hide := datasets.Flag(0)
					if f&datasets.Unreliable != 0 {
						hide = datasets.Unreliable
					}
					for _, c := range []struct {
						col *datasets.Float
						v   float64
					}{{&est, e.Value * sc}, {&se, e.SE * sc}, {&lo, e.Lower * sc}, {&hi, e.Upper * sc}} {
						v := c.v
						if hide != 0 {
							v = math.NaN() // "/"
						}
						c.col.Values, c.col.Flags = append(c.col.Values, v), append(c.col.Flags, hide)
					}
					c, d, ne := coefficientOfVariation(e.Estimate), e.DEff, e.NEff
					if e.Value == 0 && e.SE == 0 || e.N == 0 && m == "direct" {
						c = math.NaN() // not defined
					}
					if e.N == 0 {
						d, ne = math.NaN(), math.NaN()
					}
					cv.Values = append(cv.Values, c)
					deff.Values, neff.Values = append(deff.Values, d), append(neff.Values, ne)
					quality = append(quality, r.lp.Value("quality", run.spec.Quality.reason(e.Estimate, f, m)))
					method = append(method, r.lp.Value("method", m))
				}
			}
		}
	}
	h := report.Headings(r.loc)
	f := &datasets.Frame{}
	f.Add("survey", r.lp.Sprintf("survey"), surveyCol)
	f.Add("item", r.lp.Sprintf("item"), item)
	f.Add("level", h["level"], level)
	f.Add("key", h["key"], key)
	f.Add("name", h["name"], name)
	f.Add("n", r.lp.Sprintf("respondents"), n)
	f.Add("estimate", r.lp.Sprintf("estimate"), est)
	f.Add("se", r.lp.Sprintf("standard error"), se)
	f.Add("cv", r.lp.Sprintf("coefficient of variation (%%)"), cv)
	f.Add("lower", h["lower"], lo)
	f.Add("upper", h["upper"], hi)
	f.Add("deff", r.lp.Sprintf("design effect"), deff)
	f.Add("n_eff", r.lp.Sprintf("effective sample size"), neff)
	f.Add("quality", r.lp.Sprintf("publication"), quality)
	f.Add("method", r.lp.Sprintf("method"), method)
	return f
}

// reason names what the quality rules decided, and why an estimate is
// not published.
func (q QualitySpec) reason(e survey.Estimate, f datasets.Flag, method string) string {
	switch {
	case f&datasets.NoData != 0:
		return "no respondents"
	case f&datasets.Unreliable != 0 && method == "synthetic":
		return "not reliable enough (/): synthetic only"
	case f&datasets.Unreliable != 0 && method == "direct" && e.N < q.minN():
		return "not reliable enough (/): too few respondents"
	case f&datasets.Unreliable != 0:
		return "not reliable enough (/): coefficient of variation too high"
	case f&datasets.Uncertain != 0:
		return "limited reliability"
	}
	return "published"
}
