package plan

import (
	"math"

	"planatlas/datasets"
	"planatlas/lang"
	"planatlas/projection"
)

// bandProjection is a projection of published age bands (Berlin's eight):
// per area the bands of the base year and of each projected year, by
// yearly cohort-change ratios drawn towards the city's (docs/methods.md
// section 11).
type bandProjection struct {
	labels []string
	widths []int
	start  [][]float64   // [area][band]; nil for an area without every band in every year of the base period
	areas  [][][]float64 // [area][year][band]
}

// computeBandProjection projects the plan's age bands from the base year
// with the ratios of the base period, and backtests the method.
func (r *runner) computeBandProjection(s *ProjectionSpec) error {
	bp := &bandProjection{}
	lo := 0
	for _, e := range s.Bands {
		bp.widths = append(bp.widths, e.Value)
		hi := lo + e.Value - 1
		if e.Value == 0 {
			hi = -1
		}
		bp.labels = append(bp.labels, groupLabel(lo, hi))
		lo += e.Value
	}
	res := &projected{base: r.year, bands: bp}
	for y := 1; y <= s.years(); y++ {
		res.years = append(res.years, r.year+y)
	}
	hist, skipped := r.bandHistory(s, r.year-s.basePeriod(), r.year)
	ratios := r.bandRatios(s, hist, bp.widths)
	bp.start = make([][]float64, len(hist))
	bp.areas = make([][][]float64, len(hist))
	for a, h := range hist {
		if h != nil {
			bp.start[a] = h[len(h)-1]
			bp.areas[a] = projection.ProjectBands(h[len(h)-1], ratios[a], bp.widths, s.years())
		}
	}
	r.proj = res
	r.notes = append(r.notes, lang.M("population projection: %d areas from %d to %d in %d age bands, by the yearly cohort-change ratios of %d–%d drawn towards the city's", len(hist)-skipped, lang.Digits(r.year), lang.Digits(r.year+s.years()), len(bp.widths), lang.Digits(r.year-s.basePeriod()), lang.Digits(r.year)))
	if skipped > 0 {
		r.notes = append(r.notes, lang.M("population projection: %d areas lack a band in a year of the base period and are not projected", skipped))
	}
	r.bandBacktest(s)
	return nil
}

// bandHistory returns per area the bands of the years first to last from
// the panel; nil for an area missing one, and how many are.
func (r *runner) bandHistory(s *ProjectionSpec, first, last int) ([][][]float64, int) {
	n := len(r.panel.Keys)
	out := make([][][]float64, n)
	skipped := 0
	for a := range out {
		for y := first; y <= last; y++ {
			yi := r.panel.YearIndex(y)
			row := make([]float64, len(s.Bands))
			for b, e := range s.Bands {
				row[b] = math.NaN()
				if yi >= 0 {
					row[b] = r.panel.Var(e.Name).Values[yi*n+a]
				}
			}
			out[a] = append(out[a], row)
		}
		for _, row := range out[a] {
			for _, v := range row {
				if math.IsNaN(v) {
					out[a] = nil
				}
			}
			if out[a] == nil {
				skipped++
				break
			}
		}
	}
	return out, skipped
}

// bandRatios returns each area's band ratios, drawn towards the city's
// by the plan's shrink weight (1000 persons if 0).
func (r *runner) bandRatios(s *ProjectionSpec, hist [][][]float64, widths []int) [][]float64 {
	k := s.Shrink
	if k == 0 {
		k = 1000
	}
	cityNum, cityDen := make([]float64, len(widths)), make([]float64, len(widths))
	for _, h := range hist {
		if h == nil {
			continue
		}
		num, den := projection.BandSums(h, widths)
		for b := range num {
			cityNum[b], cityDen[b] = cityNum[b]+num[b], cityDen[b]+den[b]
		}
	}
	city := make([]float64, len(widths))
	for b := range city {
		if cityDen[b] > 0 {
			city[b] = cityNum[b] / cityDen[b]
		}
	}
	out := make([][]float64, len(hist))
	for a, h := range hist {
		if h != nil {
			num, den := projection.BandSums(h, widths)
			out[a] = projection.ShrunkRatios(num, den, city, k)
		}
	}
	return out
}

// bandBacktest projects the bands from the latest base year that leaves
// a base period before it and a year after it, and compares with the
// panel's years since, in all and per band.
func (r *runner) bandBacktest(s *ProjectionSpec) {
	bp, first := r.proj.bands, r.panel.Years[0]
	horizons := min(s.years(), r.year-(first+s.basePeriod()))
	if horizons < 1 {
		return
	}
	base := r.year - horizons
	hist, _ := r.bandHistory(s, base-s.basePeriod(), r.year)
	var train [][][]float64
	for _, h := range hist {
		if h != nil {
			h = h[:s.basePeriod()+1]
		}
		train = append(train, h)
	}
	ratios := r.bandRatios(s, train, bp.widths)
	bt := &backtest{base: base, horizons: horizons}
	pick := append([]func([]float64) float64{sum}, bandPickers(len(bp.widths))...)
	for g, f := range pick {
		var proj, obs, h2 [][]float64
		var last []float64
		for a, h := range train {
			if h == nil {
				continue
			}
			out := projection.ProjectBands(h[len(h)-1], ratios[a], bp.widths, horizons)
			var p, o, hh []float64
			for y := 0; y < horizons; y++ {
				p, o = append(p, f(out[y])), append(o, f(hist[a][s.basePeriod()+1+y]))
			}
			for _, row := range h {
				hh = append(hh, f(row))
			}
			proj, obs, h2, last = append(proj, p), append(obs, o), append(h2, hh), append(last, hh[len(hh)-1])
		}
		label := "all"
		if g > 0 {
			label = bp.labels[g-1]
		}
		bg := backtestGroup{label: label, cohort: projection.Measure(proj, obs),
			constant: projection.Measure(projection.Constant(last, horizons), obs), linear: projection.Measure(projection.Linear(h2, horizons), obs)}
		for _, apes := range projection.APEs(proj, obs) {
			bg.q80 = append(bg.q80, projection.Quantile(apes, 0.8))
		}
		bt.groups = append(bt.groups, bg)
	}
	r.proj.backtest = bt
	all, h := bt.groups[0], horizons-1
	r.notes = append(r.notes, lang.M("population projection: a backtest from %d with only the data up to it misses the residents of the areas in %d by %.1f %% on average (MAPE; holding %d constant: %.1f %%, the linear trend: %.1f %%); backtest.csv has every age group, and projection.csv 80 %% intervals from these errors",
		lang.Digits(base), lang.Digits(r.year), all.cohort[h].MAPE, lang.Digits(base), all.constant[h].MAPE, all.linear[h].MAPE))
}

// bandPickers returns, per band, a function picking it from a row.
func bandPickers(n int) []func([]float64) float64 {
	out := make([]func([]float64) float64, n)
	for b := range out {
		out[b] = func(row []float64) float64 { return row[b] }
	}
	return out
}

// bandFrame is projection.csv of a band projection: the city and each
// planning area by band, with 80 % intervals from the backtest.
func (r *runner) bandFrame() *datasets.Frame {
	p, bp := r.proj, r.proj.bands
	var key, name, scenario, sex, age datasets.Text
	var year datasets.Int
	val, lower, upper := datasets.Float{Decimals: 1}, datasets.Float{Decimals: 1}, datasets.Float{Decimals: 1}
	row := func(k, n, a string, y int, v, half float64, f datasets.Flag) {
		key, name, scenario, sex, age = append(key, k), append(name, n), append(scenario, "base"), append(sex, ""), append(age, a)
		year = append(year, int64(y))
		val.Values, val.Flags = append(val.Values, v), append(val.Flags, f)
		lower.Values, upper.Values = append(lower.Values, math.Max(0, v*(1-half/100))), append(upper.Values, v*(1+half/100))
		lower.Flags, upper.Flags = append(lower.Flags, f), append(upper.Flags, f)
	}
	city := r.levels[len(r.levels)-1].names[0]
	for y := range p.years {
		for b, label := range bp.labels {
			var t float64
			var flag datasets.Flag // hidden where a hidden band goes in
			for a, rows := range bp.areas {
				if rows != nil {
					t += rows[y][b]
					if r.smallCount(bp.start[a][b]) {
						flag = datasets.Suppressed
					}
				}
			}
			row("", city, label, p.years[y], t, math.NaN(), flag)
		}
	}
	for a, k := range r.panel.Keys {
		if bp.areas[a] == nil {
			continue
		}
		for b, label := range bp.labels {
			// a band of fewer residents than the disclosure threshold in
			// the base year is hidden: its projection starts from them
			var flag datasets.Flag
			if r.smallCount(bp.start[a][b]) {
				flag = datasets.Suppressed
			}
			for y := range p.years {
				row(k, r.areas.Names[a], label, p.years[y], bp.areas[a][y][b], p.backtest.interval(b+1, y+1), flag)
			}
		}
	}
	return r.projectionColumns(key, name, year, scenario, sex, age, val, lower, upper)
}

// bandCharts draws the youngest and the oldest band per district as an
// index of the base year.
func (r *runner) bandCharts() error {
	bp := r.proj.bands
	for _, b := range []int{0, len(bp.labels) - 1} {
		id := r.c.plan.Projection.Bands[b].Name
		if err := r.indexChart(id, lang.M("Residents aged %s", bp.labels[b]), func(in func(int) bool) []float64 {
			counts := make([]float64, len(r.proj.years)+1)
			for a, rows := range bp.areas {
				if rows == nil || !in(a) {
					continue
				}
				counts[0] += bp.start[a][b]
				for y := range rows {
					counts[y+1] += rows[y][b]
				}
			}
			return counts
		}, func(a int) bool { return bp.start[a] != nil && r.smallCount(bp.start[a][b]) }); err != nil {
			return err
		}
	}
	return nil
}
