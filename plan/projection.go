package plan

import (
	"errors"
	"math"
	"strconv"
	"strings"

	"planatlas/datasets"
	"planatlas/lang"
	"planatlas/projection"
)

// projected is the result of the plan's projection: per area (in the
// areas' order) the population of each year after the base year.
type projected struct {
	base     int
	years    []int
	areas    [][]projection.Population // [area][year]
	start    []projection.Population   // [area]: the base year's population
	low      [][]projection.Population // [area][year]: the low migration scenario; nil without scenarios
	high     [][]projection.Population
	housing  [][]projection.Population // [area][year]: with the planned dwellings; nil without
	bands    *bandProjection           // a projection of age bands instead of single years
	backtest *backtest                 // nil where the data are too short
	omega    int
	clamped  int
}

// computeProjection projects every area's population (the pyramid's
// input) from the base year — the outputs' year — with the life table,
// the fertility rates and each area's net migration of the base period
// (docs/methods.md section 11).
func (r *runner) computeProjection() error {
	s := r.c.plan.Projection
	if s == nil {
		return nil
	}
	if len(s.Bands) > 0 {
		return r.computeBandProjection(s)
	}
	rates, err := r.projectionRates(s)
	if err != nil {
		return err
	}
	omega := rates.Omega()
	history, err := r.projectionHistory(s, omega)
	if err != nil {
		return err
	}
	models, info, err := r.areaModels(s, rates, history, r.year)
	if err != nil {
		return err
	}
	res := &projected{base: r.year, omega: omega}
	for y := 1; y <= s.years(); y++ {
		res.years = append(res.years, r.year+y)
	}
	var extra [][]projection.Population
	var dwellings float64
	if s.Housing != nil {
		if extra, dwellings, err = r.housingResidents(s, omega); err != nil {
			return err
		}
	}
	for a, h := range history {
		start, m := h[len(h)-1], models[a]
		out, c := m.project(start, s.years(), 1, nil)
		res.areas, res.start = append(res.areas, out), append(res.start, start)
		res.clamped += c
		if extra != nil {
			housing, _ := m.project(start, s.years(), 1, extra[a])
			res.housing = append(res.housing, housing)
		}
		if sc := s.Scenarios; sc != nil {
			low, _ := m.project(start, s.years(), sc.Low, nil)
			high, _ := m.project(start, s.years(), sc.High, nil)
			res.low, res.high = append(res.low, low), append(res.high, high)
		}
	}
	r.proj = res
	r.notes = append(r.notes, lang.M("population projection: %d areas from %d to %d by single year of age and sex", len(history), lang.Digits(r.year), lang.Digits(r.year+s.years())))
	r.notes = append(r.notes, r.modelNotes(s, info)...)
	if extra != nil {
		var more float64
		for a := range res.areas {
			more += res.housing[a][len(res.years)-1].Total() - res.areas[a][len(res.years)-1].Total()
		}
		r.notes = append(r.notes, lang.M("population projection: the housing scenario adds %.0f planned dwellings; in %d the city would have %.0f residents more than in the base", dwellings, lang.Digits(res.years[len(res.years)-1]), more))
	}
	if err := r.applyControl(s); err != nil {
		return err
	}
	if res.clamped > 0 {
		r.notes = append(r.notes, lang.M("population projection: in %d cells (area, year, age, sex) net migration took more residents than there were; they are 0", res.clamped))
	}
	return r.computeBacktest(rates)
}

// projectionRates reads the life table and the fertility rates (none
// where they are estimated from births).
func (r *runner) projectionRates(s *ProjectionSpec) (*projection.Rates, error) {
	py := r.c.plan.Outputs.Pyramid
	lt, err := r.readSmallTable(s.LifeTable.File, s.LifeTable.Age, []string{s.LifeTable.Sex}, s.LifeTable.Q, s.Line)
	if err != nil {
		return nil, err
	}
	omega := 0
	for row := range lt.Len() {
		k := lt.Key(row)
		omega = max(omega, ageOf(k))
	}
	rates := &projection.Rates{Q: [2][]float64{make([]float64, omega+1), make([]float64, omega+1)}, Fertility: make([]float64, omega+1)}
	for i := range lt.Len() {
		k := lt.Key(i)
		x := ageOf(k)
		switch lt.Dim(0, i) {
		case py.Male:
			rates.Q[projection.Male][x] = lt.Values[0][i]
		case py.Female:
			rates.Q[projection.Female][x] = lt.Values[0][i]
		default:
			return nil, errAt(r.c.plan.File, s.Line, "projection: %s, line %d: sex %q is neither the pyramid's %q nor %q", s.LifeTable.File, lt.Line(i), lt.Dim(0, i), py.Male, py.Female)
		}
	}
	if s.Fertility.estimated() { // each area's, from the register's births (areaModels)
		if err := rates.Check(); err != nil {
			return nil, errAt(r.c.plan.File, s.Line, "projection: %s: %v", s.LifeTable.File, err)
		}
		return rates, nil
	}
	f, err := r.readSmallTable(s.Fertility.File, s.Fertility.Age, nil, s.Fertility.Rate, s.Line)
	if err != nil {
		return nil, err
	}
	for i := range f.Len() {
		k := f.Key(i)
		if x := ageOf(k); x >= 0 && x <= omega {
			rates.Fertility[x] = f.Values[0][i]
		} else {
			return nil, errAt(r.c.plan.File, s.Line, "projection: %s, line %d: age %q is outside the life table's 0 to %d", s.Fertility.File, f.Line(i), k, omega)
		}
	}
	if err := rates.Check(); err != nil {
		file := s.LifeTable.File
		var re *projection.RateError
		if errors.As(err, &re) && re.Fertility {
			file = s.Fertility.File
		}
		return nil, errAt(r.c.plan.File, s.Line, "projection: %s: %v", file, err)
	}
	return rates, nil
}

// readSmallTable reads a CSV of rates keyed by age, as planatlas reads
// any table (delimiter, decimal sign and encoding detected), recorded in
// the manifest.
func (r *runner) readSmallTable(name, age string, dims []string, value string, line int) (*datasets.Table, error) {
	rd, done, err := r.hashed(name)
	if err != nil {
		return nil, errAt(r.c.plan.File, line, "projection: %v", err)
	}
	t, err := datasets.ReadCSV(rd, name, datasets.Spec{Key: age, FixedYear: 1, Dims: dims, Values: []string{value}}, datasets.CSVOptions{})
	if err = done(err); err != nil {
		return nil, err
	}
	for i := range t.Len() {
		k := t.Key(i)
		if ageOf(k) < 0 || math.IsNaN(t.Values[0][i]) {
			return nil, errAt(r.c.plan.File, line, "projection: %s, line %d: age %q with %s %q: an age (0, 1, …, or the open group as 95+) and a number are needed", name, t.Line(i), k, value, strconv.FormatFloat(t.Values[0][i], 'g', -1, 64))
		}
	}
	return t, nil
}

// ageOf reads an age such as "37" or "95+"; −1 if it is none.
func ageOf(s string) int {
	a, err := strconv.Atoi(strings.TrimSuffix(strings.TrimSpace(s), "+"))
	if err != nil || a < 0 {
		return -1
	}
	return a
}

// projectionHistory returns, per area, the populations of the base
// period's years up to the base year from the pyramid's input, ages
// above the life table's last folded into it.
func (r *runner) projectionHistory(s *ProjectionSpec, omega int) ([][]projection.Population, error) {
	out, missing := r.populations(r.year-s.basePeriod(), r.year, omega)
	if len(missing) > 0 {
		py := r.c.plan.Outputs.Pyramid
		return nil, errAt(r.c.plan.File, r.c.plan.Projection.Line, "projection: the population by age and sex (input %q) has no year %s of the base period %d–%d: give a shorter base_period, or the missing years", py.Input, datasets.YearRanges(missing), lang.Digits(r.year-s.basePeriod()), lang.Digits(r.year))
	}
	return out, nil
}

// populations returns, per area, the populations of the years first to
// last from the pyramid's input, and the years it has no row for.
func (r *runner) populations(first, last, omega int) ([][]projection.Population, []int) {
	py := r.c.plan.Outputs.Pyramid
	t := r.inTables[r.c.pyramid]
	ai, si, vi := t.DimIndex(py.Age), t.DimIndex(py.Sex), t.ValueIndex(py.Column)
	pos := map[string]int{}
	for i, k := range r.areas.Keys {
		pos[k] = i
	}
	out := make([][]projection.Population, len(r.areas.Keys))
	for a := range out {
		for y := first; y <= last; y++ {
			out[a] = append(out[a], projection.NewPopulation(omega))
		}
	}
	seen := map[int]bool{}
	for row := range t.Len() {
		k := t.Key(row)
		a, ok := pos[k]
		y := t.Year(row)
		if !ok || y < first || y > last {
			continue
		}
		x := ageOf(t.Dim(ai, row))
		v := t.Values[vi][row]
		if x < 0 || math.IsNaN(v) {
			continue
		}
		sex := projection.Male
		switch t.Dim(si, row) {
		case py.Male:
		case py.Female:
			sex = projection.Female
		default:
			continue
		}
		out[a][y-first][sex][min(x, omega)] += v
		seen[y] = true
	}
	var missing []int
	for y := first; y <= last; y++ {
		if !seen[y] {
			missing = append(missing, y)
		}
	}
	return out, missing
}
