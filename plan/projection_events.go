package plan

import (
	"math"

	"planatlas/datasets"
	"planatlas/lang"
	"planatlas/projection"
)

// events are a register's yearly counts per area, year, sex and age at
// the year's end (deaths, in-moves, out-moves): [column][area] by year.
type events struct {
	first int                         // the first year held
	cells [][][]projection.Population // [column][area][year − first]
}

// at returns column c of area a in year y, empty where the register has
// no row (exports leave out empty cells).
func (e *events) at(c, a, y int, omega int) projection.Population {
	if t := y - e.first; t >= 0 && t < len(e.cells[c][a]) {
		return e.cells[c][a][t]
	}
	return projection.NewPopulation(omega)
}

// readEvents reads a register's events for the years first to last: a
// row of an area the geometry lacks, a sex that is neither of the
// pyramid's codes, an age or a count that is none is an error, and so is
// a year of the range without any row; ages above the life table's last
// go into the open group.
func (r *runner) readEvents(section, file, key, year, age, sex string, columns []string, line, first, last, omega int) (*events, error) {
	t, err := r.readRegister(section, file, datasets.Spec{Key: key, Year: year, Dims: []string{age, sex}, Values: columns}, line)
	if err != nil {
		return nil, err
	}
	pos := r.areaPositions()
	py := r.c.plan.Outputs.Pyramid
	e := &events{first: first, cells: make([][][]projection.Population, len(columns))}
	for c := range e.cells {
		e.cells[c] = make([][]projection.Population, len(r.areas.Keys))
		for a := range e.cells[c] {
			for y := first; y <= last; y++ {
				e.cells[c][a] = append(e.cells[c][a], projection.NewPopulation(omega))
			}
		}
	}
	seen := map[int]bool{}
	for i := range t.Len() {
		k := t.Key(i)
		a, ok := pos[k]
		y := t.Year(i)
		x, s := ageOf(t.Dim(0, i)), sexIndex(t.Dim(1, i), py)
		switch {
		case !ok:
			return nil, errAt(r.c.plan.File, line, "projection: %s: %s: area %q is not a planning area of %s; correct the key or leave the row out", section, t.Loc(i), k, r.c.plan.Areas.File)
		case x < 0:
			return nil, errAt(r.c.plan.File, line, "projection: %s: %s: age %q: an age (0, 1, …, or the open group as 95+) is needed", section, t.Loc(i), t.Dim(0, i))
		case s < 0:
			return nil, errAt(r.c.plan.File, line, "projection: %s: %s: sex %q is neither the pyramid's %q nor %q", section, t.Loc(i), t.Dim(1, i), py.Male, py.Female)
		case y < first || y > last:
			continue
		}
		for c := range columns {
			v := t.Values[c][i]
			if !(v >= 0) {
				return nil, errAt(r.c.plan.File, line, "projection: %s: %s: %s %g: a count, 0 or more, is needed (not empty, not a missing-value code)", section, t.Loc(i), columns[c], v)
			}
			e.cells[c][a][y-first][s][min(x, omega)] += v
		}
		seen[y] = true
	}
	if missing := missingYears(seen, first, last); len(missing) > 0 {
		return nil, missingEvents{errAt(r.c.plan.File, line, "projection: %s: %s has no row for the year(s) %s of the base period %d–%d: give them, or a shorter base_period", section, file, datasets.YearRanges(missing), lang.Digits(first), lang.Digits(last))}
	}
	return e, nil
}

// areaPositions maps each area's key to its position.
func (r *runner) areaPositions() map[string]int {
	pos := map[string]int{}
	for i, k := range r.areas.Keys {
		pos[k] = i
	}
	return pos
}

// sexIndex is the projection's index of a sex code of the pyramid, −1
// for another.
func sexIndex(code string, py *PyramidSpec) int {
	switch code {
	case py.Male:
		return projection.Male
	case py.Female:
		return projection.Female
	}
	return -1
}

// missingYears lists the years first to last not in seen.
func missingYears(seen map[int]bool, first, last int) []int {
	var out []int
	for y := first; y <= last; y++ {
		if !seen[y] {
			out = append(out, y)
		}
	}
	return out
}

// readBirths reads the register's births per area, year and mother's
// age at the start of the year, for the years first to last: per area
// the births by age summed over them.
func (r *runner) readBirths(f FertilitySpec, line, first, last, omega int) ([][]float64, error) {
	t, err := r.readRegister("fertility", f.File, datasets.Spec{Key: f.Key, Year: f.Year, Dims: []string{f.Age}, Values: []string{f.Births}}, line)
	if err != nil {
		return nil, err
	}
	pos := r.areaPositions()
	out := make([][]float64, len(r.areas.Keys))
	for a := range out {
		out[a] = make([]float64, omega+1)
	}
	seen := map[int]bool{}
	for i := range t.Len() {
		k := t.Key(i)
		a, ok := pos[k]
		y, x, v := t.Year(i), ageOf(t.Dim(0, i)), t.Values[0][i]
		switch {
		case !ok:
			return nil, errAt(r.c.plan.File, line, "projection: fertility: %s: area %q is not a planning area of %s; correct the key or leave the row out", t.Loc(i), k, r.c.plan.Areas.File)
		case x < projection.FertileFrom || x > projection.FertileTo:
			return nil, errAt(r.c.plan.File, line, "projection: fertility: %s: mother's age %q: births are counted for ages %d to %d", t.Loc(i), t.Dim(0, i), projection.FertileFrom, projection.FertileTo)
		case !(v >= 0) || math.IsInf(v, 0):
			return nil, errAt(r.c.plan.File, line, "projection: fertility: %s: %s %g: a count, 0 or more, is needed (not empty, not a missing-value code)", t.Loc(i), f.Births, v)
		case y < first || y > last:
			continue
		}
		out[a][min(x, omega)] += v
		seen[y] = true
	}
	if missing := missingYears(seen, first, last); len(missing) > 0 {
		return nil, missingEvents{errAt(r.c.plan.File, line, "projection: fertility: %s has no row for the year(s) %s of the base period %d–%d: give them, or a shorter base_period", f.File, datasets.YearRanges(missing), lang.Digits(first), lang.Digits(last))}
	}
	return out, nil
}

// missingEvents is the error of a register file without a year of the
// base period: the projection stops, its backtest is left out.
type missingEvents struct{ err *Error }

func (e missingEvents) Error() string { return e.err.Error() }
func (e missingEvents) Unwrap() error { return e.err }

// readRegister reads one of the projection's register files, once: the
// backtest uses the same tables.
func (r *runner) readRegister(section, file string, spec datasets.Spec, line int) (*datasets.Table, error) {
	if t, ok := r.register[file]; ok {
		return t, nil
	}
	rd, done, err := r.hashed(file)
	if err != nil {
		return nil, errAt(r.c.plan.File, line, "projection: %s: %v", section, err)
	}
	t, err := datasets.ReadCSV(rd, file, spec, datasets.CSVOptions{})
	if err = done(err); err != nil {
		return nil, err
	}
	if r.register == nil {
		r.register = map[string]*datasets.Table{}
	}
	r.register[file] = t
	return t, nil
}
