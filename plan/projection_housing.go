package plan

import (
	"planatlas/datasets"
	"planatlas/lang"
	"planatlas/projection"
)

// housingResidents returns, per area and year of the projection, the
// residents that the planned dwellings completed in that year bring:
// dwellings times the residents per dwelling of each age, half of them
// women. A dwelling in an area the geometry lacks, or completed outside
// the projection's years, is an error: it would be lost silently.
func (r *runner) housingResidents(s *ProjectionSpec, omega int) ([][]projection.Population, float64, error) {
	h := s.Housing
	rd, done, err := r.hashed(h.File)
	if err != nil {
		return nil, 0, errAt(r.c.plan.File, h.Line, "projection: housing: %v", err)
	}
	list, err := datasets.ReadCSV(rd, h.File, datasets.Spec{Key: h.Key, Year: h.Year, Values: []string{h.Dwellings}}, datasets.CSVOptions{})
	if err = done(err); err != nil {
		return nil, 0, err
	}
	occ, err := r.readSmallTable(h.Occupancy.File, h.Occupancy.Age, nil, h.Occupancy.Residents, h.Line)
	if err != nil {
		return nil, 0, err
	}
	perDwelling := make([]float64, omega+1)
	for i := range occ.Len() {
		k := occ.Key(i)
		perDwelling[min(ageOf(k), omega)] += occ.Values[0][i]
	}
	pos := map[string]int{}
	for i, k := range r.areas.Keys {
		pos[k] = i
	}
	out := make([][]projection.Population, len(r.areas.Keys))
	first, last := r.year+1, r.year+s.years()
	var dwellings float64
	for i := range list.Len() {
		k := list.Key(i)
		a, ok := pos[k]
		y, n := list.Year(i), list.Values[0][i]
		switch {
		case !ok:
			return nil, 0, errAt(r.c.plan.File, h.Line, "projection: housing: %s: area %q is not a planning area of %s; correct the key or leave the row out", list.Loc(i), k, r.c.plan.Areas.File)
		case y < first || y > last:
			return nil, 0, errAt(r.c.plan.File, h.Line, "projection: housing: %s: dwellings completed in %d lie outside the projection's years %d–%d", list.Loc(i), lang.Digits(y), lang.Digits(first), lang.Digits(last))
		case !(n >= 0):
			return nil, 0, errAt(r.c.plan.File, h.Line, "projection: housing: %s: %g dwellings: give a number of dwellings, 0 or more", list.Loc(i), n)
		}
		if out[a] == nil {
			out[a] = make([]projection.Population, s.years())
			for t := range out[a] {
				out[a][t] = projection.NewPopulation(omega)
			}
		}
		for x, v := range perDwelling {
			out[a][y-first][projection.Male][x] += n * v / 2
			out[a][y-first][projection.Female][x] += n * v / 2
		}
		dwellings += n
	}
	return out, dwellings, nil
}
