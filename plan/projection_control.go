package plan

import (
	"math"
	"slices"

	"planatlas/datasets"
	"planatlas/lang"
)

// applyControl scales the base projection to the city's control total of
// each year (docs/methods.md section 11): every area, age and sex by the
// same factor, the control total over the projected one, so that the
// areas keep their shares and the city meets e.g. the state office's
// projection. The scenarios and the housing scenario are not scaled: they
// show what the areas' own trends give.
func (r *runner) applyControl(s *ProjectionSpec) error {
	c := s.Control
	if c == nil {
		return nil
	}
	totals, err := r.readControl(c)
	if err != nil {
		return err
	}
	res := r.proj
	var factors []float64
	for y, year := range res.years {
		var projected float64
		for a := range res.areas {
			projected += res.areas[a][y].Total()
		}
		f := 1.0
		if projected > 0 {
			f = totals[year] / projected
		}
		for a := range res.areas {
			for sex := range res.areas[a][y] {
				for x := range res.areas[a][y][sex] {
					res.areas[a][y][sex][x] *= f
				}
			}
		}
		factors = append(factors, f)
	}
	r.notes = append(r.notes, lang.M("population projection: scaled to the city's control totals of %s (factors %.3f to %.3f); the scenarios are not", c.File, slices.Min(factors), slices.Max(factors)))
	return nil
}

// readControl reads the control totals by year; every year of the
// projection needs one.
func (r *runner) readControl(c *ControlSpec) (map[int]float64, error) {
	rd, done, err := r.hashed(c.File)
	if err != nil {
		return nil, errAt(r.c.plan.File, c.Line, "projection: control: %v", err)
	}
	t, err := datasets.ReadCSV(rd, c.File, datasets.Spec{Year: c.Year, Values: []string{c.Total}}, datasets.CSVOptions{})
	if err = done(err); err != nil {
		return nil, err
	}
	totals := map[int]float64{}
	for i := range t.Len() {
		y := t.Year(i)
		v := t.Values[0][i]
		if !(v > 0) || math.IsInf(v, 0) {
			return nil, errAt(r.c.plan.File, c.Line, "projection: control: %s: %s %g: a number of residents above 0 is needed", t.Loc(i), c.Total, v)
		}
		if _, dup := totals[y]; dup {
			return nil, errAt(r.c.plan.File, c.Line, "projection: control: %s: the year %d is given twice", t.Loc(i), lang.Digits(y))
		}
		totals[y] = v
	}
	var missing []int
	for _, y := range r.proj.years {
		if _, ok := totals[y]; !ok {
			missing = append(missing, y)
		}
	}
	if len(missing) > 0 {
		return nil, errAt(r.c.plan.File, c.Line, "projection: control: %s has no total for the year(s) %s of the projection: give every year from %d to %d", c.File, datasets.YearRanges(missing), lang.Digits(r.proj.years[0]), lang.Digits(r.proj.years[len(r.proj.years)-1]))
	}
	return totals, nil
}
