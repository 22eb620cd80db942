package plan

import (
	"math"
	"sort"
	"strings"

	"planatlas/lang"
)

// measureRun is the measures matched to the areas: where each acts,
// which areas each reaches, and the areas of high need
// (docs/methods.md, "Goals and measures").
type measureRun struct {
	places  [][]measurePlace // per measure
	reaches [][]bool         // per measure and area: it acts there (dropped measures reach none)
	need    *indexResult     // the need index; nil if the plan has none
	high    []bool           // per area: in the top fifth of need
}

// measurePlace is where a measure acts: the city, a district or an area.
type measurePlace struct {
	level string // city, district or area
	unit  int    // the district's or the area's position
	key   string
}

// cityWords are the words of a measures' place that mean the whole city.
var cityWords = []string{"city", "stadt", "gesamtstadt", "stadtweit", "city-wide"}

// matchMeasures finds where each measure acts, refusing keys that are
// neither an area's nor a district's, and the areas of high need on the
// monitoring index. Validate runs it too.
func (r *runner) matchMeasures() error {
	if len(r.c.measures) == 0 {
		return nil
	}
	if f := r.c.plan.Measures.File; f != "" {
		rd, done, err := r.hashed(f) // into the manifest
		if err != nil {
			return err
		}
		if err := done(nil); err != nil {
			return err
		}
		_ = rd // done reads the file to its end
	}
	mr := &measureRun{}
	areas, districts := r.levels[0], r.districtLevel()
	var errs errorList
	for _, m := range r.c.measures {
		places, err := m.resolve(areas, districts)
		if err != nil {
			errs = append(errs, err)
		}
		mr.places = append(mr.places, places)
		reach := make([]bool, len(areas.keys))
		for a := range reach {
			reach[a] = !m.dropped() && reachesArea(places, districts, a)
		}
		mr.reaches = append(mr.reaches, reach)
	}
	if len(errs) > 0 {
		return errs
	}
	mr.need = r.monitoringIndex()
	if mr.need != nil {
		mr.high = highNeed(mr.need.ix.Values)
	}
	r.measures = mr
	return nil
}

// resolve finds the places a measure names.
func (m *measure) resolve(areas, districts *level) ([]measurePlace, error) {
	if len(m.where) == 0 {
		return []measurePlace{{level: "city"}}, nil
	}
	var out []measurePlace
	for _, k := range m.where {
		if contains(cityWords, strings.ToLower(k)) {
			out = append(out, measurePlace{level: "city", key: k})
			continue
		}
		if u := keyIndex(areas.keys, k); u >= 0 {
			out = append(out, measurePlace{level: "area", unit: u, key: k})
			continue
		}
		if districts != nil {
			if u := keyIndex(districts.keys, k); u >= 0 {
				out = append(out, measurePlace{level: "district", unit: u, key: k})
				continue
			}
		}
		keys := append([]string(nil), areas.keys...)
		if districts != nil {
			keys = append(keys, districts.keys...)
		}
		return nil, m.fail("where", "measure %q: %q is neither a planning area's nor a district's key%s", m.id, k, keyHint(k, keys))
	}
	return out, nil
}

// keyHint proposes the key a key is meant to be: one that lost its
// leading zeros ("101" for "0101"), else a close one.
func keyHint(k string, keys []string) lang.Message {
	bare := strings.TrimLeft(k, "0")
	for _, c := range keys {
		if c != k && strings.TrimLeft(c, "0") == bare && len(c) > len(k) {
			return lang.M("; did you mean %q? The key seems to have lost its leading zero: keep keys as text, for example by formatting the column as text in the spreadsheet", c)
		}
	}
	return didYouMean(k, keys)
}

func keyIndex(list []string, s string) int {
	for i, x := range list {
		if x == s {
			return i
		}
	}
	return -1
}

// reachesArea reports whether one of the places is area a, its district
// (districts.member) or the city.
func reachesArea(places []measurePlace, districts *level, a int) bool {
	for _, p := range places {
		switch p.level {
		case "city":
			return true
		case "area":
			if p.unit == a {
				return true
			}
		case "district":
			if districts != nil && districts.member[a] == p.unit {
				return true
			}
		}
	}
	return false
}

// monitoringIndex is the index the measures are held against: the one
// monitoring: index names, else the plan's first.
func (r *runner) monitoringIndex() *indexResult {
	for _, ix := range r.indices {
		if r.c.monitoring == "" || ix.spec.id == r.c.monitoring {
			return ix
		}
	}
	return nil
}

// highNeed marks the areas in the top fifth of the index: the
// ⌈n/5⌉ highest of the n areas with a value, and any area tied with the
// last of them (docs/methods.md, "Goals and measures").
func highNeed(values []float64) []bool {
	var have []float64
	for _, v := range values {
		if !math.IsNaN(v) {
			have = append(have, v)
		}
	}
	high := make([]bool, len(values))
	if len(have) == 0 {
		return high
	}
	sort.Sort(sort.Reverse(sort.Float64Slice(have)))
	cut := have[(len(have)+4)/5-1]
	for a, v := range values {
		high[a] = !math.IsNaN(v) && v >= cut
	}
	return high
}

// unreachedHigh are the areas of high need that no measure reaches.
func (mr *measureRun) unreachedHigh() []int {
	var out []int
	for a, h := range mr.high {
		if h && !mr.reached(a) {
			out = append(out, a)
		}
	}
	return out
}

// reached reports whether some measure reaches area a.
func (mr *measureRun) reached(a int) bool {
	for _, reach := range mr.reaches {
		if reach[a] {
			return true
		}
	}
	return false
}

// actsInHighNeed reports whether measure i reaches an area of high
// need.
func (mr *measureRun) actsInHighNeed(i int) bool {
	for a, h := range mr.high {
		if h && mr.reaches[i][a] {
			return true
		}
	}
	return false
}
