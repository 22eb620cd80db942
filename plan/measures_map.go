package plan

import (
	"fmt"
	"sort"
	"strings"

	"planatlas/report"
)

// needMapClasses are the classes of the need map: those of the plan's
// own map of the index, if it has one of the outputs' year, else five
// quantile classes.
func (r *runner) needMapClasses(v value) (mapClasses, error) {
	id := r.measures.need.spec.id
	for i, m := range r.c.maps {
		if m.Value == id && m.change == nil && i < len(r.layouts) {
			return r.layouts[i].mc, nil
		}
	}
	return r.classify(MapSpec{Value: id, Method: "quantile", Classes: 5, mss: r.measures.need.mss != nil}, v)
}

// needMap is the need index's map with the areas of high need that no
// measure reaches hatched and outlined, and as its table the areas of
// high need with the measures that reach them.
func (r *runner) needMap() (report.HTMLFigure, error) {
	mr := r.measures
	ix := mr.need
	v := r.valueAt(ix.spec.id, ix.year)
	mc, err := r.needMapClasses(v)
	if err != nil {
		return report.HTMLFigure{}, err
	}
	unreached := mr.unreachedHigh()
	marked := make([]bool, len(r.areas.Keys))
	var names []string
	for _, a := range unreached {
		marked[a] = true
		names = append(names, r.areas.Names[a])
	}
	label := r.lp.Sprintf("high need, no measure")
	fig := report.Map(report.MapSpec{
		Title:    r.lp.Sprintf("Need and measures: %s", v.label),
		Subtitle: fmt.Sprintf("%s %d · %s", r.lp.Sprintf("Planning areas"), ix.year, r.lp.Sprintf("hatched, thick outline: top fifth of need, reached by no measure")),
		Legend:   r.legendTitle(v), Source: r.source(),
		Areas: r.displayAreas(), Values: v.values, Flags: v.flags, Classes: mc.classes, Class: mc.area, Labels: mc.labels,
		Colours: mc.colours, Decimals: v.decimals, City: v.city, Locale: r.loc,
		Districts: r.districtOutlines(), Marked: marked, MarkedLabel: label,
	})
	svg, err := fig.InlineSVG()
	if err != nil {
		return report.HTMLFigure{}, err
	}
	nHigh := 0
	for _, h := range mr.high {
		if h {
			nHigh++
		}
	}
	alt := r.lp.Sprintf("The areas in the top fifth of %s (%d of %d): %d of them reached by no measure", v.label, nHigh, countValues(v.values), len(unreached))
	if len(names) > 0 {
		alt += ": " + strings.Join(names, ", ")
	}
	alt += ". " + r.lp.Sprintf("An area is reached by a measure naming it, its district or the whole city; dropped measures reach none.")
	h := report.Headings(r.loc)
	return report.HTMLFigure{ID: "measures-map", Title: r.lp.Sprintf("Needs against measures"), SVG: svg, Alt: alt,
		Head: []string{h["rank"], h["key"], h["name"], h["indexvalue"], r.lp.Sprintf("measures acting there")}, Rows: r.highNeedRows(ix)}, nil
}

// highNeedRows are the areas of high need by rank, with the measures
// reaching each ("none" where none does).
func (r *runner) highNeedRows(ix *indexResult) [][]string {
	mr := r.measures
	var areas []int
	for a, h := range mr.high {
		if h {
			areas = append(areas, a)
		}
	}
	sort.SliceStable(areas, func(i, j int) bool { return ix.ix.Values[areas[i]] > ix.ix.Values[areas[j]] })
	var rows [][]string
	for k, a := range areas {
		var ids []string
		for i, m := range r.c.measures {
			if mr.reaches[i][a] {
				ids = append(ids, m.id)
			}
		}
		list := strings.Join(ids, ", ")
		if list == "" {
			list = r.lp.Sprintf("none")
		}
		rows = append(rows, []string{fmt.Sprint(k + 1), r.areas.Keys[a], r.areas.Names[a], r.loc.Number(ix.ix.Values[a], 2), list})
	}
	return rows
}

// countValues counts the values that are not NaN.
func countValues(v []float64) int { return len(v) - countMissing(v) }
