package plan

import (
	"math"

	"planatlas/analysis"
	"planatlas/datasets"
	"planatlas/report"
)

// goalsFrame assesses every goal of the plan (docs/methods.md section 5) on
// the published values of its area, district or city, and lays out the
// goals table.
func (r *runner) goalsFrame() (*datasets.Frame, error) {
	de := r.c.lang != "en"
	t := func(d, e string) string {
		if de {
			return d
		}
		return e
	}
	var id, title, ind, lvl, key, name, status datasets.Text
	var latestYear, targetYear datasets.Int
	var fromYear, latest, change, projected, target, share []float64
	for _, g := range r.c.goals {
		lvID, unitKey := "city", ""
		switch {
		case g.spec.Area != "":
			lvID, unitKey = "area", g.spec.Area
		case g.spec.District != "":
			lvID, unitKey = "district", g.spec.District
		}
		var lv *level
		switch lvID {
		case "district":
			lv = r.districtLevel()
		case "area":
			lv = r.levels[0]
		default:
			lv = r.levels[len(r.levels)-1]
		}
		if lv == nil {
			return nil, errAt(r.c.plan.File, g.spec.Line, "goal %q: the areas have no districts (areas: parent, or levels)", g.id)
		}
		u := 0
		if unitKey != "" {
			u = -1
			for i, k := range lv.keys {
				if k == unitKey {
					u = i
				}
			}
			if u < 0 {
				return nil, errAt(r.c.plan.File, g.spec.Line, "goal %q: there is no %s with the key %q%s", g.id, lvID, unitKey, didYouMean(unitKey, lv.keys))
			}
		}
		s := lv.values[g.indicator]
		nU := len(lv.keys)
		years := r.panel.Years
		vals := make([]float64, len(years))
		for y := range years {
			v, f := s.Values[y*nU+u], s.Flags[y*nU+u]
			if f&datasets.Suppressed != 0 {
				v = math.NaN() // a goal must not reveal a hidden value
			}
			vals[y] = v
		}
		a := analysis.AssessGoal(years, vals, g.spec.Target, g.spec.Year, g.increase)
		id = append(id, g.id)
		title = append(title, g.spec.Title.In(r.c.lang))
		ind = append(ind, r.c.indicators[g.indicator].Label.In(r.c.lang))
		lvl = append(lvl, lv.id)
		key = append(key, unitKey)
		name = append(name, lv.names[u])
		fy := math.NaN()
		if a.FromYear > 0 {
			fy = float64(a.FromYear)
		}
		fromYear = append(fromYear, fy)
		latestYear = append(latestYear, int64(a.LatestYear))
		latest = append(latest, a.Latest)
		change = append(change, a.Change)
		projected = append(projected, a.Projected)
		target = append(target, g.spec.Target)
		targetYear = append(targetYear, int64(g.spec.Year))
		share = append(share, 100*a.ShareClosed)
		status = append(status, goalStatusCodes[a.Status][0])
	}
	h := report.Headings(r.loc)
	f := &datasets.Frame{}
	f.Add("goal", t("Ziel", "goal"), id)
	f.Add("title", t("Titel", "title"), title)
	f.Add("indicator", h["indicator"], ind)
	f.Add("level", h["level"], lvl)
	f.Add("key", h["key"], key)
	f.Add("name", h["name"], name)
	f.Add("trend_from", t("Trend ab", "trend from"), datasets.Float{Values: fromYear, Decimals: 0})
	f.Add("latest_year", t("letztes Jahr", "latest year"), latestYear)
	f.Add("latest", t("letzter Wert", "latest value"), datasets.Float{Values: latest, Decimals: 2})
	f.Add("change_per_year", t("Veränderung je Jahr", "change per year"), datasets.Float{Values: change, Decimals: 3})
	f.Add("target_year", t("Zieljahr", "target year"), targetYear)
	f.Add("projected", t("fortgeschrieben", "projected"), datasets.Float{Values: projected, Decimals: 2})
	f.Add("target", t("Zielwert", "target"), datasets.Float{Values: target, Decimals: -1})
	f.Add("gap_closed_pct", t("Lücke geschlossen (%)", "gap closed (%)"), datasets.Float{Values: share, Decimals: 1})
	f.Add("status", t("Status", "status"), status)
	return f, nil
}

// writeGoals writes goals.csv (and the other table formats) if the plan
// has goals.
func (r *runner) writeGoals() error {
	if len(r.c.goals) == 0 {
		return nil
	}
	f, err := r.goalsFrame()
	if err != nil {
		return err
	}
	return r.writeFrame("goals", f)
}
