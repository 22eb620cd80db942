package plan

import (
	"encoding/csv"
	"io/fs"
	"math"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"planatlas/demo"
)

// demoMeasures checks the demo's measures against its need index
// (called by TestReportHTML, on its run): which areas of high need no
// measure reaches, computed here from ranking.csv and massnahmen.csv
// alone, and pinned; measures.csv's column of high need; the report's
// monitoring section, map and profiles.
func demoMeasures(t *testing.T, out, html string) {
	t.Helper()
	// The index values: the top fifth, ⌈38/5⌉ = 8 areas.
	var vals []float64
	value := map[string]float64{}
	for _, r := range tableRows(t, out, "ranking.csv") {
		if r["Index"] != "bedarfsindex" {
			continue
		}
		v, err := strconv.ParseFloat(strings.Replace(r["Indexwert"], ",", ".", 1), 64)
		if err != nil {
			t.Fatal(err)
		}
		value[r["Schlüssel"]] = v
		vals = append(vals, v)
	}
	sort.Sort(sort.Reverse(sort.Float64Slice(vals)))
	cut := vals[int(math.Ceil(float64(len(vals))/5))-1]
	high := map[string]bool{}
	for k, v := range value {
		if v >= cut {
			high[k] = true
		}
	}
	// The places of the measures that are not dropped: an area's key,
	// a district's (the first two digits of its areas' keys), or the city.
	b, err := fs.ReadFile(demo.FS(), "massnahmen.csv")
	if err != nil {
		t.Fatal(err)
	}
	r := csv.NewReader(strings.NewReader(string(b)))
	r.Comma = ';'
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	reached := map[string]bool{}
	inHigh := map[string]string{}
	for _, rec := range recs[1:] {
		id, where, status := rec[0], rec[4], rec[8]
		inHigh[id] = "nein"
		for k := range value {
			hit := false
			for _, w := range strings.Split(where, ", ") {
				hit = hit || w == "stadt" || w == k || (len(w) == 2 && strings.HasPrefix(k, w))
			}
			if hit && status != "entfallen" {
				reached[k] = true
				if high[k] {
					inHigh[id] = "ja"
				}
			}
		}
	}
	var want []string
	for k := range high {
		if !reached[k] {
			want = append(want, k)
		}
	}
	sort.Strings(want)
	if strings.Join(want, " ") != "0605 1004 1005" || len(high) != 8 {
		t.Errorf("expected from the inputs: %d areas of high need, unreached %v; the demo is meant to leave 0605, 1004 and 1005 out", len(high), want)
	}
	// measures.csv
	rows := tableRows(t, out, "measures.csv")
	if len(rows) != 30 {
		t.Errorf("measures.csv: %d rows, want 30", len(rows))
	}
	for _, row := range rows {
		if got := row["wirkt in Gebiet mit hohem Bedarf"]; got != inHigh[row["Maßnahme"]] {
			t.Errorf("measures.csv: %s acts in an area of high need: %q, want %q", row["Maßnahme"], got, inHigh[row["Maßnahme"]])
		}
	}
	// The report's map and its table: the unreached areas say "keine".
	sec := regexp.MustCompile(`(?s)<section id="measures-map">.*?</section>`).FindString(html)
	if !strings.Contains(sec, "<svg") || !strings.Contains(sec, "hoher Bedarf, keine Maßnahme (3)") {
		t.Error("report: no map of needs against measures, or its legend lacks the unreached areas")
	}
	var got []string
	for _, m := range regexp.MustCompile(`<tr><td>\d+</td><td>(\d+)</td><td>[^<]*</td><td>[^<]*</td><td>keine</td></tr>`).FindAllStringSubmatch(sec, -1) {
		got = append(got, m[1])
	}
	sort.Strings(got)
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("report: areas of high need without a measure %v, want %v", got, want)
	}
	for _, s := range []string{`<section id="monitoring"><h2>Monitoring: Ziele und Maßnahmen</h2>`, `<section id="measures-progress">`,
		`<td>2025</td><td>30</td><td>8</td><td>12</td><td>7</td><td>2</td><td>1</td>`, `<section id="measures-outside">`,
		`<td>alle Maßnahmen</td><td></td><td></td><td>30</td><td>8</td><td>12</td><td>7</td><td>2</td><td>1</td>`} {
		if !strings.Contains(html, s) {
			t.Errorf("report: no %s", s)
		}
	}
	p1005 := regexp.MustCompile(`(?s)<section class="profile" id="profile-1005">.*?<section id="measures-area-1005">.*?</section>`).FindString(html)
	p0601 := regexp.MustCompile(`(?s)<section class="profile" id="profile-0601">.*?<section id="measures-area-0601">.*?</section>`).FindString(html)
	if !strings.Contains(p1005, "Hier wirkt keine Maßnahme des Sozialplans.") || !strings.Contains(p0601, "<td>M01</td>") || !strings.Contains(p0601, "<td>M25</td>") {
		t.Error("report: the profiles do not list the measures acting in their area")
	}
}
