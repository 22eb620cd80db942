package plan

import (
	"fmt"
	"math"
	"strconv"

	"planatlas/datasets"
	"planatlas/indicators"
	"planatlas/lang"
	"planatlas/projection"
	"planatlas/report"
)

// projectionGroups are the age groups whose projection the report shows:
// the ages of Kita, primary school and care.
var projectionGroups = []struct {
	id     string
	lo, hi int // hi < 0: to the open group
	title  lang.Message
}{
	{"kita", 3, 5, lang.M("Children aged 3 to 5 (Kita)")},
	{"school", 6, 9, lang.M("Children aged 6 to 9 (primary school)")},
	{"80plus", 80, -1, lang.M("Residents aged 80 and over")},
}

// writeProjection writes projection.csv: every area and the city by
// year, sex and single year of age.
func (r *runner) writeProjection() error {
	if r.proj == nil {
		return nil
	}
	if r.proj.backtest != nil {
		if err := r.writeFrame("backtest", r.backtestFrame()); err != nil {
			return err
		}
	}
	if r.proj.bands != nil {
		return r.writeFrame("projection", r.bandFrame())
	}
	return r.writeFrame("projection", r.projectionFrame())
}

// projectionCharts draws, per age group, the districts' (or the city's)
// development as an index of the base year.
func (r *runner) projectionCharts() error {
	if r.proj == nil {
		return nil
	}
	if r.proj.bands != nil {
		return r.bandCharts()
	}
	for _, g := range projectionGroups {
		if err := r.projectionChart(g.id, g.lo, g.hi, g.title); err != nil {
			return err
		}
	}
	r.projectionPyramid()
	return r.projectionMap()
}

// tableGroups are the age groups of projection.csv for the planning
// areas: the ages of Kita, school, working life and old age.
var tableGroups = []struct{ lo, hi int }{{0, 2}, {3, 5}, {6, 9}, {10, 15}, {16, 17}, {18, 64}, {65, 79}, {80, -1}}

// projectionFrame is projection.csv: the city by sex and single year of
// age, each planning area by age group (both sexes). An area's group
// whose residents in the base year are fewer than the disclosure
// threshold is hidden in every year: its projection starts from them.
func (r *runner) projectionFrame() *datasets.Frame {
	py := r.c.plan.Outputs.Pyramid
	p := r.proj
	var key, name, sex, age, scenario datasets.Text
	var year datasets.Int
	val := datasets.Float{Decimals: 1}
	lower, upper := datasets.Float{Decimals: 1}, datasets.Float{Decimals: 1}
	sc := "base"
	row := func(k, n, s, a string, y int, v float64, f datasets.Flag, half float64) {
		key, name, sex, age, scenario = append(key, k), append(name, n), append(sex, s), append(age, a), append(scenario, sc)
		year = append(year, int64(y))
		val.Values, val.Flags = append(val.Values, v), append(val.Flags, f)
		lower.Values, lower.Flags = append(lower.Values, math.Max(0, v*(1-half/100))), append(lower.Flags, f)
		upper.Values, upper.Flags = append(upper.Values, v*(1+half/100)), append(upper.Flags, f)
	}
	// the city's single ages of an age group hidden in some area are
	// hidden too: with the other areas' groups they would give it
	hiddenAge := make([]bool, p.omega+1)
	for a := range p.start {
		for _, g := range tableGroups {
			hi := g.hi
			if hi < 0 {
				hi = p.omega
			}
			if r.smallCount(p.start[a].Sum(g.lo, hi)) {
				for x := g.lo; x <= hi; x++ {
					hiddenAge[x] = true
				}
			}
		}
	}
	city := r.levels[len(r.levels)-1].names[0]
	for y, pop := range r.projectionSum(func(int) bool { return true }) {
		for s, code := range []string{py.Male, py.Female} {
			for x, v := range pop[s] {
				label := strconv.Itoa(x)
				if x == p.omega {
					label += "+"
				}
				var flag datasets.Flag
				if hiddenAge[x] {
					flag = datasets.Suppressed
				}
				row("", city, code, label, p.years[y], v, flag, math.NaN())
			}
		}
	}
	for _, scen := range []struct {
		code  string
		areas [][]projection.Population
	}{{"base", p.areas}, {"low", p.low}, {"high", p.high}, {"housing", p.housing}} {
		if scen.areas == nil {
			continue
		}
		sc = scen.code
		for a, k := range r.areas.Keys {
			for gi, g := range tableGroups {
				hi, label := g.hi, fmt.Sprintf("%d–%d", g.lo, g.hi)
				if hi < 0 {
					hi, label = p.omega, fmt.Sprintf("%d+", g.lo)
				}
				var flag datasets.Flag
				if r.smallCount(p.start[a].Sum(g.lo, hi)) {
					flag = datasets.Suppressed
				}
				for y, pop := range scen.areas[a] {
					half := math.NaN() // intervals for the base scenario only
					if sc == "base" {
						half = p.backtest.interval(gi+1, y+1)
					}
					row(k, r.areas.Names[a], "", label, p.years[y], pop.Sum(g.lo, hi), flag, half)
				}
			}
		}
	}
	return r.projectionColumns(key, name, year, scenario, sex, age, val, lower, upper)
}

// projectionColumns makes projection.csv from its columns.
func (r *runner) projectionColumns(key, name datasets.Text, year datasets.Int, scenario, sex, age datasets.Text, val, lower, upper datasets.Float) *datasets.Frame {
	h := report.Headings(r.loc)
	f := &datasets.Frame{}
	f.Add("key", h["key"], key)
	f.Add("name", h["name"], name)
	f.Add("year", h["year"], year)
	f.Add("scenario", r.lp.Sprintf("scenario"), scenario)
	f.Add("sex", r.lp.Sprintf("sex"), sex)
	f.Add("age", r.lp.Sprintf("age"), age)
	f.Add("value", r.lp.Sprintf("residents (projected)"), val)
	f.Add("lower", r.lp.Sprintf("lower 80 %% bound"), lower)
	f.Add("upper", r.lp.Sprintf("upper 80 %% bound"), upper)
	return f
}

// projectionSum sums the projected populations of the areas in.
func (r *runner) projectionSum(in func(area int) bool) []projection.Population {
	p := r.proj
	out := make([]projection.Population, len(p.years))
	for y := range out {
		out[y] = projection.NewPopulation(p.omega)
		for a := range p.areas {
			if !in(a) {
				continue
			}
			for s := range out[y] {
				for x, v := range p.areas[a][y][s] {
					out[y][s][x] += v
				}
			}
		}
	}
	return out
}

// projectionChart draws one age group's development in the city and its
// districts as an index (base year = 100), with the counts in the
// report's data table.
func (r *runner) projectionChart(id string, lo, hi int, title lang.Message) error {
	p := r.proj
	if hi < 0 {
		hi = p.omega
	}
	return r.indexChart(id, title, func(in func(int) bool) []float64 {
		counts := []float64{r.baseCount(in, lo, hi)}
		for _, pop := range r.projectionSum(in) {
			counts = append(counts, pop.Sum(lo, hi))
		}
		return counts
	}, func(a int) bool { return r.smallCount(p.start[a].Sum(lo, hi)) })
}

// smallCount reports whether n is a count below the disclosure threshold
// (and not 0): a projection that starts from it is hidden, and so is any
// sum of areas it goes into.
func (r *runner) smallCount(n float64) bool { return n > 0 && n < float64(r.c.threshold) }

// indexChart draws a projected count's development in the city and its
// districts as an index (base year = 100): counts gives, for the areas
// in a unit, the count of the base year and of each projected year. A
// unit with an area whose count is hidden (hidden) is left out: its sum
// and the others' would give the hidden one.
func (r *runner) indexChart(id string, title lang.Message, counts func(in func(int) bool) []float64, hidden func(a int) bool) error {
	p := r.proj
	years := append([]int{p.base}, p.years...)
	units := []string{r.levels[len(r.levels)-1].names[0]}
	member := []func(int) bool{func(int) bool { return true }}
	if d := r.districtLevel(); d != nil {
		for u, n := range d.names {
			units = append(units, n)
			member = append(member, func(a int) bool { return d.member[a] == u })
		}
	}
	spec := report.TrendSpec{
		Title:    r.lp.Message(title),
		Subtitle: r.lp.Sprintf("Projection %d–%d, index %d = 100; grey: city", lang.Digits(p.base), lang.Digits(p.years[len(p.years)-1]), lang.Digits(p.base)),
		Source:   r.source(), Years: years, Decimals: 0, Locale: r.loc,
	}
	head := []string{report.Headings(r.loc)["year"]}
	rows := make([][]string, len(years))
	for y, yr := range years {
		rows[y] = []string{fmt.Sprint(yr)}
	}
	for u, in := range member {
		cs := counts(in)
		hide := false
		for a := range r.areas.Keys {
			hide = hide || in(a) && hidden(a)
		}
		index := make([]float64, len(cs))
		for y, c := range cs {
			index[y] = 100 * c / cs[0]
			cell := r.loc.Number(c, 0)
			if hide {
				index[y], cell = math.NaN(), "."
			}
			rows[y] = append(rows[y], cell)
		}
		spec.Names, spec.Series = append(spec.Names, units[u]), append(spec.Series, index)
		head = append(head, units[u])
	}
	fig := report.Trends(spec)
	name := "projection-" + id
	if err := r.writeFigure(name, fig); err != nil {
		return err
	}
	return r.keepFigure(name, r.lp.Sprintf("Projection: ")+spec.Title, fig, spec.Subtitle+".", head, rows)
}

// baseCount is the number of residents aged lo to hi in the base year in
// the areas in.
func (r *runner) baseCount(in func(int) bool, lo, hi int) float64 {
	var t float64
	for a, p := range r.proj.start {
		if in(a) {
			t += p.Sum(lo, hi)
		}
	}
	return t
}

// projectionMap maps each area's projected change of children aged 3 to
// 5 (the Kita age) from the base year to the projection's last year, in
// per cent, classes below and above 0. Areas with fewer such children in
// the base year than the disclosure threshold have no value.
func (r *runner) projectionMap() error {
	p := r.proj
	last := len(p.years) - 1
	v := value{label: r.lp.Sprintf("Children aged 3 to 5 (Kita)"), unit: "%", need: indicators.NoNeed, decimals: 1,
		values: make([]float64, len(p.areas)), flags: make([]datasets.Flag, len(p.areas)), city: math.NaN()}
	var base, end float64
	for a := range p.areas {
		b, e := p.start[a].Sum(3, 5), p.areas[a][last].Sum(3, 5)
		base, end = base+b, end+e
		switch {
		case b < math.Max(1, float64(r.c.threshold)):
			v.values[a], v.flags[a] = math.NaN(), datasets.Suppressed
		default:
			v.values[a] = 100 * (e - b) / b
		}
	}
	if base > 0 {
		v.city = 100 * (end - base) / base
	}
	classes, colours, err := r.diverging(v, v.values, 4, 0)
	if err != nil {
		return nil // fewer than two distinct changes: no map
	}
	fig := report.Map(report.MapSpec{
		Title:    v.label,
		Subtitle: r.lp.Sprintf("Projected change %d–%d, in %%", lang.Digits(p.base), lang.Digits(p.years[last])),
		Legend:   r.lp.Sprintf("change in %%"), Source: r.source(),
		Areas: r.displayAreas(), Values: v.values, Flags: v.flags, Classes: classes, Colours: colours, Decimals: 1,
		City: v.city, Locale: r.loc, Districts: r.districtOutlines(),
	})
	if err := r.writeFigure("projection-map-kita", fig); err != nil {
		return err
	}
	alt, head, rows := r.valueAlt(v)
	return r.keepFigure("projection-map-kita", r.lp.Sprintf("Projection: ")+v.label, fig, alt, head, rows)
}

// projectionProfile is an area's projection in its profile: the age
// groups of projection.csv from the base year to the last, each as a
// line of its own; none for an area with a group hidden by disclosure
// control, or without a projection.
func (r *runner) projectionProfile(p report.HTMLProfile, a int) (report.HTMLFigure, bool) {
	pr := r.proj
	if pr == nil || pr.bands != nil {
		return report.HTMLFigure{}, false
	}
	years := append([]int{pr.base}, pr.years...)
	head := []string{r.lp.Sprintf("age")}
	for _, y := range []int{0, min(5, len(pr.years)), len(pr.years)} {
		head = append(head, strconv.Itoa(years[y]))
	}
	var rows []report.SparkRow
	var table [][]string
	for _, g := range tableGroups {
		hi, label := g.hi, fmt.Sprintf("%d–%d", g.lo, g.hi)
		if hi < 0 {
			hi, label = pr.omega, fmt.Sprintf("%d+", g.lo)
		}
		base := pr.start[a].Sum(g.lo, hi)
		if base > 0 && base < float64(r.c.threshold) {
			return report.HTMLFigure{}, false
		}
		series, none := []float64{base}, []float64{math.NaN()}
		for _, pop := range pr.areas[a] {
			series, none = append(series, pop.Sum(g.lo, hi)), append(none, math.NaN())
		}
		rows = append(rows, report.SparkRow{Label: label, Years: years, Area: series, City: none, Decimals: 0,
			Unit: r.lp.Sprintf("residents")})
		cells := []string{label}
		for _, y := range []int{0, min(5, len(pr.years)), len(pr.years)} {
			cells = append(cells, r.loc.Number(series[y], 0))
		}
		table = append(table, cells)
	}
	total := func(pop projection.Population) float64 { return pop.Total() }
	return report.HTMLFigure{
		ID:    "projection-" + p.Key,
		Title: r.lp.Sprintf("Projection %d–%d by age group", lang.Digits(pr.base), lang.Digits(pr.years[len(pr.years)-1])),
		SVG:   report.SparklinesSVG(r.loc, rows),
		Alt: r.lp.Sprintf("%s: %s residents in %d, %s projected for %d.", p.Name, r.loc.Number(total(pr.start[a]), 0), lang.Digits(pr.base),
			r.loc.Number(total(pr.areas[a][len(pr.years)-1]), 0), lang.Digits(pr.years[len(pr.years)-1])),
		Head: head, Rows: table,
	}, true
}

// projectionPyramid is the city's age structure in the projection's last
// year (10-year groups, shares), with the base year's as the line.
func (r *runner) projectionPyramid() {
	pr := r.proj
	if pr == nil || !r.wantReport() {
		return
	}
	toAges := func(pop projection.Population) *ages {
		a := &ages{}
		for x := range pop[0] {
			a.male[min(x, 100)] += pop[projection.Male][x]
			a.female[min(x, 100)] += pop[projection.Female][x]
		}
		return a
	}
	var start projection.Population
	for i, p := range pr.start {
		if i == 0 {
			start = projection.NewPopulation(pr.omega)
		}
		for s := range p {
			for x, v := range p[s] {
				start[s][x] += v
			}
		}
	}
	all := r.projectionSum(func(int) bool { return true })
	last := len(pr.years) - 1
	labels, m, f, _ := banded(toAges(all[last]), 10, 0)
	_, bm, bf, _ := banded(toAges(start), 10, 0)
	total, btotal := sum(m)+sum(f), sum(bm)+sum(bf)
	ms, fs, bms, bfs := percents(m, total), percents(f, total), percents(bm, btotal), percents(bf, btotal)
	var rows [][]string
	for i := range labels {
		k := len(labels) - 1 - i
		rows = append(rows, []string{labels[k], r.loc.Number(ms[k], 1), r.loc.Number(fs[k], 1), r.loc.Number(bms[k], 1), r.loc.Number(bfs[k], 1)})
	}
	y0, y1 := strconv.Itoa(pr.base), strconv.Itoa(pr.years[last])
	r.html = append(r.html, report.HTMLFigure{
		ID:    "projection-pyramid",
		Title: r.lp.Sprintf("Age structure of the city %s, projected (line: %s)", y1, y0),
		SVG:   report.PyramidSVG(r.loc, labels, ms, fs, bms, bfs, r.lp.Sprintf("men"), r.lp.Sprintf("women")),
		Alt: r.lp.Sprintf("In %s, %s %% of the residents would be 80 or older (%s: %s %%), %s %% under 10 (%s: %s %%).", y1,
			r.loc.Number(100*all[last].Sum(80, pr.omega)/total, 1), y0, r.loc.Number(100*start.Sum(80, pr.omega)/btotal, 1),
			r.loc.Number(ms[0]+fs[0], 1), y0, r.loc.Number(bms[0]+bfs[0], 1)),
		Head: []string{r.lp.Sprintf("age"), r.lp.Sprintf("men (%%)") + " " + y1, r.lp.Sprintf("women (%%)") + " " + y1,
			r.lp.Sprintf("men (%%)") + " " + y0, r.lp.Sprintf("women (%%)") + " " + y0},
		Rows: rows,
	})
}
