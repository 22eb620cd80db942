package plan

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"planatlas/report"
)

// measureReport adds the monitoring section to report.html: per goal
// its indicator's status beside its measures' status, the progress
// over the years of the status history, the map of need against
// measures and the measures acting only outside the areas of high need.
func (r *runner) measureReport() ([]report.HTMLFigure, error) {
	if r.measures == nil {
		return nil, nil
	}
	mon, err := r.monitoringTable()
	if err != nil {
		return nil, err
	}
	out := []report.HTMLFigure{mon}
	if pr, ok := r.progressTable(); ok {
		out = append(out, pr)
	}
	if r.measures.need != nil {
		m, err := r.needMap()
		if err != nil {
			return nil, err
		}
		out = append(out, m, r.outsideTable())
	}
	return out, nil
}

// statusWord is a measure's status in the run's language.
func (r *runner) statusWord(code string) string { return r.lp.Value("measure", code) }

// statusHead is the heading of the counts per status.
func (r *runner) statusHead() []string {
	var h []string
	for _, s := range measureStatuses {
		h = append(h, r.statusWord(s[0]))
	}
	return h
}

// countCells writes counts per status, empty where 0.
func countCells(n []int) []string {
	out := make([]string, len(n))
	for i, x := range n {
		if x > 0 {
			out[i] = strconv.Itoa(x)
		}
	}
	return out
}

// monitoringTable is one row per goal: where, its indicator's status,
// how many measures serve it, by status, and which; a last row for the
// measures that serve no goal.
func (r *runner) monitoringTable() (report.HTMLFigure, error) {
	var goalRows [][]string
	if len(r.c.goals) > 0 {
		f, err := r.goalsFrame()
		if err != nil {
			return report.HTMLFigure{}, err
		}
		_, goalRows = frameRows(r.readableFrame(f), r, []string{"title", "name", "status"})
	}
	head := append([]string{r.lp.Sprintf("goal"), r.lp.Sprintf("where"), r.lp.Sprintf("indicator's status"), r.lp.Sprintf("measures")},
		r.statusHead()...)
	head = append(head, r.lp.Sprintf("the measures"))
	row := func(cells []string, ms []*measure, listed bool) []string {
		var st, list []string
		for _, m := range ms {
			st = append(st, m.status)
			list = append(list, fmt.Sprintf("%s (%s)", m.id, r.statusWord(m.status)))
		}
		cells = append(cells, strconv.Itoa(len(ms)))
		cells = append(cells, countCells(statusCounts(st))...)
		if !listed {
			list = nil
		}
		return append(cells, strings.Join(list, ", "))
	}
	var rows [][]string
	for i, g := range r.c.goals {
		var ms []*measure
		for _, m := range r.c.measures {
			if contains(m.goals, g.id) {
				ms = append(ms, m)
			}
		}
		rows = append(rows, row(append([]string(nil), goalRows[i]...), ms, true))
	}
	var none []*measure
	for _, m := range r.c.measures {
		if len(m.goals) == 0 {
			none = append(none, m)
		}
	}
	if len(none) > 0 {
		rows = append(rows, row([]string{r.lp.Sprintf("(no goal)"), "", ""}, none, true))
	}
	rows = append(rows, row([]string{r.lp.Sprintf("all measures"), "", ""}, r.c.measures, false))
	return report.HTMLFigure{ID: "monitoring", Title: r.lp.Sprintf("Monitoring: goals and measures"),
		Alt:  r.lp.Sprintf("Per goal the status of its indicator (the last five years' trend projected to the target year) beside its measures, counted by status. A measure serving several goals counts for each."),
		Head: head, Rows: rows}, nil
}

// progressTable counts the measures by status in each year of their
// status history; false if no measure has one.
func (r *runner) progressTable() (report.HTMLFigure, bool) {
	byYear := map[int][]string{}
	for _, m := range r.c.measures {
		for _, h := range m.history {
			byYear[h.year] = append(byYear[h.year], h.status)
		}
	}
	if len(byYear) == 0 {
		return report.HTMLFigure{}, false
	}
	var years []int
	for y := range byYear {
		years = append(years, y)
	}
	sort.Ints(years)
	head := append([]string{r.lp.Sprintf("year"), r.lp.Sprintf("measures")}, r.statusHead()...)
	var rows [][]string
	for _, y := range years {
		cells := []string{strconv.Itoa(y), strconv.Itoa(len(byYear[y]))}
		rows = append(rows, append(cells, countCells(statusCounts(byYear[y]))...))
	}
	return report.HTMLFigure{ID: "measures-progress", Title: r.lp.Sprintf("Progress of the measures"),
		Alt:  r.lp.Sprintf("Measures by status in each year of their status history (measures without an entry for a year are not counted in it)."),
		Head: head, Rows: rows}, true
}

// outsideTable lists the measures that act only outside the areas of
// high need (dropped ones left out).
func (r *runner) outsideTable() report.HTMLFigure {
	mr := r.measures
	var rows [][]string
	for i, m := range r.c.measures {
		if m.dropped() || mr.actsInHighNeed(i) {
			continue
		}
		_, names := r.placeNames(mr.places[i])
		rows = append(rows, []string{m.id, m.title.In(r.c.lang), names, r.statusWord(m.status)})
	}
	alt := r.lp.Sprintf("%d measure(s) act only outside the areas of high need.", len(rows))
	return report.HTMLFigure{ID: "measures-outside", Title: r.lp.Sprintf("Measures acting only outside the areas of high need"), Alt: alt,
		Head: []string{r.lp.Sprintf("measure"), r.lp.Sprintf("title"), r.lp.Sprintf("where"), r.lp.Sprintf("status")}, Rows: rows}
}

// measuresHere is an area's profile's table of the measures acting
// there: naming it, its district or the city.
func (r *runner) measuresHere(a int) report.HTMLFigure {
	mr := r.measures
	var rows [][]string
	for i, m := range r.c.measures {
		if !mr.reaches[i][a] {
			continue
		}
		_, names := r.placeNames(mr.places[i])
		rows = append(rows, []string{m.id, m.title.In(r.c.lang), names, r.statusWord(m.status), strings.Join(m.goals, ", ")})
	}
	alt := r.lp.Sprintf("No measure of the social plan acts here.")
	if len(rows) > 0 {
		alt = r.lp.Sprintf("%d measure(s) act here: naming the area, its district or the whole city.", len(rows))
	}
	if mr.high != nil && mr.high[a] {
		alt = r.lp.Sprintf("An area of high need (top fifth of %s).", mr.need.spec.label.In(r.c.lang)) + " " + alt
	}
	return report.HTMLFigure{ID: "measures-area-" + r.areas.Keys[a], Title: r.lp.Sprintf("Measures"), Alt: alt,
		Head: []string{r.lp.Sprintf("measure"), r.lp.Sprintf("title"), r.lp.Sprintf("where"), r.lp.Sprintf("status"), r.lp.Sprintf("goals")}, Rows: rows}
}
