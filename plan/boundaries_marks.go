package plan

import (
	"math"
	"strings"

	"planatlas/datasets"
	"planatlas/lang"
)

// What a run says and shows of moved data: its notes, the units that
// stay exact, the mark of the change in trend charts and profiles.

// boundaryNotes say, per older layer, what was moved and how, and the
// share of the residents in estimated areas in the layer's last year.
func (r *runner) boundaryNotes(p *datasets.Panel) {
	for _, lr := range r.layers {
		if lr.cw == nil {
			continue
		}
		est := lr.cw.Estimated()
		var slivers lang.Message
		if lr.cw.Slivers > 0 {
			slivers = lang.M("; %d slivers along borders that the layers drew apart (%.0f m²) were left out", lr.cw.Slivers, lr.cw.SliverM2)
		}
		r.notes = append(r.notes, lang.M(
			"older areas %q: the data of %s (%s) are on the %d areas of %s; they were moved onto the %d current areas: %d exactly (unions of whole older areas), %d estimated (flagged \"estimated\"); the counts of split older areas are shared out %s%s%s; crosswalk.csv lists every piece",
			lr.b.name, datasets.YearRanges(sortedYears(lr.moved)), strings.Join(quoteAll(lr.inputs), ", "), len(lr.areas.Keys), lr.b.spec.File,
			len(r.geom.Keys), len(r.geom.Keys)-len(est), len(est), lang.Join("; ", lr.how), r.estimatedShare(p, lr, est), slivers))
	}
}

// estimatedShare says which share of the residents lived in estimated
// areas in the layer's last year moved; nothing without a population
// variable.
func (r *runner) estimatedShare(p *datasets.Panel, lr *layerRun, est map[string]bool) lang.Message {
	s := p.Var(r.c.population)
	years := sortedYears(lr.moved)
	yi := p.YearIndex(years[len(years)-1])
	if s == nil || yi < 0 {
		return lang.Message{}
	}
	var all, part float64
	for a, k := range p.Keys {
		if v := s.Values[yi*len(p.Keys)+a]; !math.IsNaN(v) {
			all += v
			if est[k] {
				part += v
			}
		}
	}
	if all == 0 {
		return lang.Message{}
	}
	return lang.M("; in %d, %.1f %% of the residents (%s) lived in estimated areas", lang.Digits(years[len(years)-1]), 100*part/all, r.c.population)
}

// clearExactUnits takes the "estimated" flag off the units of the levels
// above the areas (districts, the city) that are unions of whole older
// areas: their counts moved in full, so their values in the moved years
// are exact however their areas were split. Such a sum of shares of
// whole counts can differ from the whole by floating-point rounding
// (3,610,155.999999999); values within 1e-9 of a whole number are set to
// it.
func (r *runner) clearExactUnits() {
	for _, lr := range r.layers {
		if lr.cw == nil {
			continue
		}
		for _, l := range r.levels[1:] {
			exact := lr.exactUnits(l.member, len(l.keys), r.areas.Keys)
			for _, y := range sortedYears(lr.moved) {
				yi := r.panel.YearIndex(y)
				if yi < 0 {
					continue
				}
				for _, s := range l.values {
					clearEstimated(s, exact, yi)
				}
				for _, name := range l.panel.Names() {
					clearEstimated(l.panel.Var(name), exact, yi)
				}
			}
		}
	}
}

// exactUnits returns, for a level whose unit of area a is member[a] (areas
// in the order of keys), which units are unions of whole older areas: no
// older area has pieces in two units.
func (lr *layerRun) exactUnits(member []int, n int, keys []string) []bool {
	unitOf := make(map[string]int, len(keys))
	for a, k := range keys {
		unitOf[k] = member[a]
	}
	oldUnit := map[string]int{}
	exact := make([]bool, n)
	for i := range exact {
		exact[i] = true
	}
	for _, row := range lr.cw.Rows {
		u := unitOf[row.New]
		if prev, seen := oldUnit[row.Old]; seen && prev != u {
			exact[prev], exact[u] = false, false
		}
		oldUnit[row.Old] = u
	}
	// an older area split between units makes every unit it touches
	// inexact: a second pass catches the first units of such areas
	for _, row := range lr.cw.Rows {
		if !exact[unitOf[row.New]] {
			exact[oldUnit[row.Old]] = false
		}
	}
	return exact
}

func clearEstimated(s *datasets.Series, exact []bool, yi int) {
	if s == nil {
		return
	}
	n := len(exact)
	for u, ok := range exact {
		c := yi*n + u
		if !ok || s.Flags[c]&datasets.Estimated == 0 {
			continue
		}
		s.Flags[c] &^= datasets.Estimated
		if v := s.Values[c]; math.Abs(v-math.Round(v)) < 1e-9*math.Max(1, math.Abs(v)) {
			s.Values[c] = math.Round(v)
		}
	}
}

// boundaryBreak returns the first of years on the current areas after
// data moved from an older layer, if years span the change; else 0.
func (r *runner) boundaryBreak(years []int) int {
	for _, lr := range r.layers {
		moved := sortedYears(lr.moved)
		if len(moved) == 0 || len(years) == 0 || years[0] > moved[len(moved)-1] {
			continue
		}
		for _, y := range years {
			if y > moved[len(moved)-1] {
				return y
			}
		}
	}
	return 0
}

// estimatedYears returns, per year from first, whether cell u of series
// s is estimated; nil if none is.
func estimatedYears(s *datasets.Series, n, u, first, count int) []bool {
	var out []bool
	for y := 0; y < count; y++ {
		if s.Flags[(first+y)*n+u]&datasets.Estimated != 0 {
			if out == nil {
				out = make([]bool, count)
			}
			out[y] = true
		}
	}
	return out
}

// layerHint explains keys without a geometry that are the keys of an
// older layer: their rows are of years the layer does not claim.
func (r *runner) layerHint(inGeom map[string]bool, years map[int]bool) lang.Message {
	for _, lr := range r.layers {
		old := lr.keySet()
		odd := map[int]bool{}
		all := true
		for _, in := range r.c.inputs {
			t := r.inTables[in]
			if t == nil || in.format == "points" || in.format == "grid" {
				continue
			}
			for i := range t.Len() {
				k := t.Key(i)
				if inGeom[k] || len(years) > 0 && !years[t.Year(i)] {
					continue
				}
				all = all && old[k]
				odd[t.Year(i)] = true
			}
		}
		if all && len(odd) > 0 {
			return lang.M("these are areas of the older layer %q (%s), which the plan gives the years %s, but their rows are of %s: if those years are on that layer too, add them to its years",
				lr.b.name, lr.b.spec.File, datasets.YearRanges(lr.b.yearList()), datasets.YearRanges(sortedYears(odd)))
		}
	}
	return lang.Message{}
}
