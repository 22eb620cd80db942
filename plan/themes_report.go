package plan

import (
	"math"
	"strconv"

	"planatlas/indicators"
	"planatlas/report"
)

// themeTables are the report's page per theme: for every theme of the
// catalog that has indicators in the run (in the catalog's order), then
// every heading of the plan's own (topic: of its indicators), a table of
// the theme's indicators in the report's year: the city's value and the
// lowest and highest planning area. Only published values take part:
// a suppressed area is neither the lowest nor the highest.
func (r *runner) themeTables(cat *indicators.Catalog) []report.HTMLFigure {
	var order []string
	byTopic := map[string][]int{}
	for k, d := range r.c.indicators {
		if _, ok := byTopic[d.Topic]; !ok {
			order = append(order, d.Topic)
		}
		byTopic[d.Topic] = append(byTopic[d.Topic], k)
	}
	var themes []string
	for _, t := range cat.Themes {
		if len(byTopic[t.ID]) > 0 {
			themes = append(themes, t.ID)
		}
	}
	for _, t := range order {
		if _, ok := cat.Theme(t); !ok {
			themes = append(themes, t)
		}
	}
	h := report.Headings(r.loc)
	head := []string{h["indicator"], h["unit"], r.lp.Sprintf("city"), r.lp.Sprintf("lowest area"), r.lp.Sprintf("highest area")}
	year := strconv.Itoa(r.year)
	var out []report.HTMLFigure
	for i, t := range themes {
		title := cat.ThemeTitle(t, r.c.lang)
		if t == "" {
			title = r.lp.Sprintf("Further indicators")
		}
		var rows [][]string
		for _, k := range byTopic[t] {
			rows = append(rows, r.themeRow(k))
		}
		id := "theme-" + t
		if _, ok := cat.Theme(t); !ok {
			id = "theme-plan-" + strconv.Itoa(i+1) // a plan's heading may hold any character
		}
		out = append(out, report.HTMLFigure{ID: id, Title: title, Head: head, Rows: rows,
			Alt: r.lp.Sprintf("The theme's indicators in %s: the city's value, the lowest and the highest planning area.", year)})
	}
	return out
}

// themeRow is indicator k's row of its theme's table.
func (r *runner) themeRow(k int) []string {
	d := r.c.indicators[k]
	v := r.value(d.ID)
	lo, hi := -1, -1
	for a, x := range v.values {
		if math.IsNaN(x) {
			continue
		}
		if lo < 0 || x < v.values[lo] {
			lo = a
		}
		if hi < 0 || x > v.values[hi] {
			hi = a
		}
	}
	num := func(x float64) string {
		if math.IsNaN(x) {
			return r.loc.T("nodata")
		}
		return r.loc.Number(x, d.Decimals)
	}
	area := func(a int) string {
		if a < 0 {
			return r.loc.T("nodata")
		}
		return r.areas.Names[a] + " " + num(v.values[a])
	}
	return []string{v.label, v.unit, num(v.city), area(lo), area(hi)}
}
