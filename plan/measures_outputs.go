package plan

import (
	"strings"

	"planatlas/datasets"
	"planatlas/report"
)

// measuresFrame lays out measures.csv: one row per measure with its
// goals, places, status, dates, office, budget and whether it acts in
// an area of high need ("" without a need index).
func (r *runner) measuresFrame() *datasets.Frame {
	t := func(de, en string) string {
		if r.c.lang == "en" {
			return en
		}
		return de
	}
	var id, title, goals, where, names, status, start, end, office, ind, high datasets.Text
	var budget []float64
	mr := r.measures
	for i, m := range r.c.measures {
		id = append(id, m.id)
		title = append(title, m.title.In(r.c.lang))
		goals = append(goals, strings.Join(m.goals, ", "))
		keys, ns := r.placeNames(mr.places[i])
		where, names = append(where, keys), append(names, ns)
		status = append(status, m.status)
		start, end = append(start, m.start.text), append(end, m.end.text)
		office, ind = append(office, m.office), append(ind, m.indicator)
		budget = append(budget, m.budget)
		h := ""
		if mr.high != nil {
			h = "no"
			if mr.actsInHighNeed(i) {
				h = "yes"
			}
		}
		high = append(high, h)
	}
	hd := report.Headings(r.loc)
	f := &datasets.Frame{}
	f.Add("measure", t("Maßnahme", "measure"), id)
	f.Add("title", t("Titel", "title"), title)
	f.Add("goals", t("Ziele", "goals"), goals)
	f.Add("where", t("wo (Schlüssel)", "where (keys)"), where)
	f.Add("where_names", t("wo", "where"), names)
	f.Add("status", t("Status", "status"), status)
	f.Add("start", t("Beginn", "start"), start)
	f.Add("end", t("Ende", "end"), end)
	f.Add("office", t("zuständig", "office"), office)
	f.Add("budget_eur", t("Budget (Euro)", "budget (euros)"), datasets.Float{Values: budget, Decimals: 0})
	f.Add("indicator", hd["indicator"], ind)
	f.Add("high_need", t("wirkt in Gebiet mit hohem Bedarf", "acts in an area of high need"), high)
	return f
}

// placeNames writes a measure's places as keys and as names; the city
// as "city" and its name.
func (r *runner) placeNames(places []measurePlace) (string, string) {
	var keys, names []string
	areas, districts, city := r.levels[0], r.districtLevel(), r.levels[len(r.levels)-1]
	for _, p := range places {
		switch p.level {
		case "city":
			keys, names = append(keys, "city"), append(names, city.names[0])
		case "district":
			keys, names = append(keys, districts.keys[p.unit]), append(names, districts.names[p.unit])
		default:
			keys, names = append(keys, areas.keys[p.unit]), append(names, areas.names[p.unit])
		}
	}
	return strings.Join(keys, ", "), strings.Join(names, ", ")
}

// writeMeasures writes measures.csv (and the other table formats) if
// the plan has measures.
func (r *runner) writeMeasures() error {
	if r.measures == nil {
		return nil
	}
	return r.writeFrame("measures", r.measuresFrame())
}

// statusCounts counts measures by status, in measureStatuses' order.
func statusCounts(statuses []string) []int {
	n := make([]int, len(measureStatuses))
	for _, s := range statuses {
		for k, st := range measureStatuses {
			if s == st[0] {
				n[k]++
			}
		}
	}
	return n
}
