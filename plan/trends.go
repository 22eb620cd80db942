package plan

import (
	"math"

	"planatlas/analysis"
	"planatlas/datasets"
	"planatlas/report"
)

// trendsFrame computes every indicator's trend on every level over the
// plan's years (docs/methods.md section 5), on the published values.
func (r *runner) trendsFrame() *datasets.Frame {
	de := r.c.lang != "en"
	t := func(d, e string) string {
		if de {
			return d
		}
		return e
	}
	alpha := r.c.plan.Outputs.Alpha
	if alpha == 0 {
		alpha = 0.05
	}
	k := r.c.plan.Outputs.ChangeYears
	if k == 0 {
		k = 5
	}
	years := r.panel.Years
	ts := make([]float64, len(years))
	for i, y := range years {
		ts[i] = float64(y)
	}
	// Text columns coded: a census grid's trends are 1.4 million rows.
	var ind, lvl, key, name datasets.Coded
	class := datasets.Coded{Levels: []string{"", "rising", "falling", "stable"}} // codes: valueLabels
	classCode := map[int]int32{1: 1, -1: 2, 0: 3}
	offset := make([]int32, len(r.levels)) // of each level's keys in key.Levels
	for li, l := range r.levels {
		offset[li] = int32(len(key.Levels))
		key.Levels = append(key.Levels, l.keys...)
		name.Levels = append(name.Levels, l.names...)
		lvl.Levels = append(lvl.Levels, l.id)
	}
	for _, d := range r.c.indicators {
		ind.Levels = append(ind.Levels, d.ID)
	}
	var n datasets.Int
	cols := make([][]float64, 10)
	// The trends of each level and indicator are computed in parallel,
	// each into its own slot, and then listed in order.
	type task struct{ l, k int }
	var tasks []task
	for li := range r.levels {
		for k2 := range r.c.indicators {
			tasks = append(tasks, task{li, k2})
		}
	}
	results := make([][]analysis.Trend, len(tasks))
	analysis.ForEach(len(tasks), func(i int) {
		l, s := r.levels[tasks[i].l], r.levels[tasks[i].l].values[tasks[i].k]
		nU := len(l.keys)
		out := make([]analysis.Trend, nU)
		y := make([]float64, len(years))
		for u := range out {
			for yi := range years {
				v := s.Values[yi*nU+u]
				if s.Flags[yi*nU+u]&datasets.Suppressed != 0 {
					v = math.NaN()
				}
				y[yi] = v
			}
			out[u] = analysis.ComputeTrend(ts, y, alpha)
		}
		results[i] = out
	})
	for i, tk := range tasks {
		l, s := r.levels[tk.l], r.levels[tk.l].values[tk.k]
		nU := len(l.keys)
		for u := 0; u < nU; u++ {
			tr := results[i][u]
			y := func(yi int) float64 {
				v := s.Values[yi*nU+u]
				if s.Flags[yi*nU+u]&datasets.Suppressed != 0 {
					return math.NaN()
				}
				return v
			}
			change := math.NaN()
			if last := len(years) - 1; last-k >= 0 {
				change = y(last) - y(last-k)
			}
			ind.Codes = append(ind.Codes, int32(tk.k))
			lvl.Codes = append(lvl.Codes, int32(tk.l))
			key.Codes = append(key.Codes, offset[tk.l]+int32(u))
			n = append(n, int64(tr.N))
			for c, v := range []float64{tr.Slope, tr.SE, tr.P, tr.TheilSen, tr.MKS, tr.MKZ, tr.MKP, tr.CAGR, change, 0} {
				cols[c] = append(cols[c], v)
			}
			cn := int32(0)
			if tr.N >= 3 {
				cn = classCode[tr.Class]
			}
			class.Codes = append(class.Codes, cn)
		}
	}
	h := report.Headings(r.loc)
	f := &datasets.Frame{}
	f.Add("indicator", h["indicator"], ind)
	f.Add("level", h["level"], lvl)
	f.Add("key", h["key"], key)
	name.Codes = key.Codes
	f.Add("name", h["name"], name)
	f.Add("years", t("Jahre", "years"), n)
	heads := []struct{ id, de, en string }{
		{"slope", "Steigung je Jahr (OLS)", "slope per year (OLS)"},
		{"slope_se", "Standardfehler", "standard error"},
		{"slope_p", "p (Steigung)", "p (slope)"},
		{"theil_sen", "Theil-Sen-Steigung", "Theil–Sen slope"},
		{"mk_s", "Mann-Kendall S", "Mann–Kendall S"},
		{"mk_z", "Mann-Kendall Z", "Mann–Kendall Z"},
		{"mk_p", "p (Mann-Kendall)", "p (Mann–Kendall)"},
		{"cagr", "jährliche Wachstumsrate", "compound annual growth rate"},
	}
	for c, hd := range heads {
		f.Add(hd.id, t(hd.de, hd.en), datasets.Float{Values: cols[c], Decimals: -1})
	}
	f.Add("change", t("Veränderung über", "change over")+" "+itoa(k)+" "+t("Jahre", "years"), datasets.Float{Values: cols[8], Decimals: -1})
	f.Add("trend", t("Trend", "trend"), class)
	return f
}

func itoa(i int) string {
	return datasets.FormatNumber(float64(i), 0, datasets.DecimalPoint, false)
}

// computeTrends computes the trends of every indicator on every level,
// given three years or more.
func (r *runner) computeTrends() error {
	if len(r.panel.Years) >= 3 {
		r.trends = r.trendsFrame()
	}
	return r.computeProjection()
}

// writeTrends writes trends.csv (and the other table formats).
func (r *runner) writeTrends() error {
	if r.trends == nil {
		return nil
	}
	return r.writeFrame("trends", r.trends)
}
