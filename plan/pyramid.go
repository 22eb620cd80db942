package plan

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"planatlas/report"
)

// ages holds persons by single year of age (0..100, 100 = 100 and
// over) and sex for one area.
type ages struct{ male, female [101]float64 }

// pyramidData sums the pyramid input's counts of the outputs' year by
// area, age and sex; nil if the plan has no pyramid.
func (r *runner) pyramidData() []*ages {
	py := r.c.plan.Outputs.Pyramid
	in := r.c.pyramid
	if py == nil || in == nil {
		return nil
	}
	t := r.inTables[in]
	ai, si, vi := t.DimIndex(py.Age), t.DimIndex(py.Sex), t.ValueIndex(py.Column)
	if ai < 0 || si < 0 || vi < 0 {
		return nil
	}
	pos := map[string]int{}
	for i, k := range r.areas.Keys {
		pos[k] = i
	}
	out := make([]*ages, len(r.areas.Keys))
	for i := range out {
		out[i] = &ages{}
	}
	for row := range t.Len() {
		k := t.Key(row)
		a, ok := pos[k]
		if !ok || t.Year(row) != r.year {
			continue
		}
		age, err := strconv.Atoi(strings.TrimRight(strings.TrimSpace(t.Dim(ai, row)), "+ "))
		if err != nil {
			age = leadingInt(t.Dim(ai, row))
		}
		if age < 0 {
			continue
		}
		age = min(age, 100)
		v := t.Values[vi][row]
		if math.IsNaN(v) {
			continue
		}
		switch t.Dim(si, row) {
		case py.Male:
			out[a].male[age] += v
		case py.Female:
			out[a].female[age] += v
		}
	}
	return out
}

// cityAges sums the areas' ages; nil without pyramid data.
func cityAges(pyr []*ages) *ages {
	if pyr == nil {
		return nil
	}
	city := &ages{}
	for _, p := range pyr {
		for age := range p.male {
			city.male[age] += p.male[age]
			city.female[age] += p.female[age]
		}
	}
	return city
}

func leadingInt(s string) int {
	n, seen := 0, false
	for _, c := range strings.TrimSpace(s) {
		if c < '0' || c > '9' {
			break
		}
		n, seen = n*10+int(c-'0'), true
	}
	if !seen {
		return -1
	}
	return n
}

// banded groups ages into bands of width years, the last band open
// ("90+"); it reports whether every cell is publishable under the
// disclosure threshold (0 or at least the threshold).
func banded(a *ages, width, threshold int) (labels []string, male, female []float64, ok bool) {
	top := 90
	if width == 20 {
		top = 80
	}
	ok = true
	for lo := 0; lo <= top; lo += width {
		hi := lo + width - 1
		label := fmt.Sprintf("%d–%d", lo, hi)
		if lo == top {
			hi, label = 100, fmt.Sprintf("%d+", lo)
		}
		var m, f float64
		for age := lo; age <= hi; age++ {
			m += a.male[age]
			f += a.female[age]
		}
		for _, c := range []float64{m, f} {
			if c > 0 && c < float64(threshold) {
				ok = false
			}
		}
		labels, male, female = append(labels, label), append(male, m), append(female, f)
	}
	return labels, male, female, ok
}

// pyramidMin is the smallest population that gets a pyramid: below it the
// age groups are too small to show even as shares.
const pyramidMin = 1000

// pyramidFigure makes an area's pyramid for its profile: the narrower of
// 10- and 20-year groups in which no cell is a count below the disclosure
// threshold, as shares of the area's residents, with the city's shape for
// comparison. Areas under 1,000 residents get none: the groups are not
// part of the secondary suppression, so they are kept coarse and large.
func (r *runner) pyramidFigure(p report.HTMLProfile, a, city *ages) (report.HTMLFigure, bool) {
	if ageTotal(a) < pyramidMin {
		return report.HTMLFigure{}, false
	}
	for _, width := range []int{10, 20} {
		labels, m, f, ok := banded(a, width, r.c.threshold)
		if !ok {
			continue
		}
		_, cm, cf, _ := banded(city, width, 0)
		total, ctotal := sum(m)+sum(f), sum(cm)+sum(cf)
		if total == 0 {
			return report.HTMLFigure{}, false
		}
		ms, fs, cms, cfs := percents(m, total), percents(f, total), percents(cm, ctotal), percents(cf, ctotal)
		young, old := ageShare(a, 0, 17), ageShare(a, 65, 100)
		cyoung, cold := ageShare(city, 0, 17), ageShare(city, 65, 100)
		alt := r.lp.Sprintf("%s: %s %% of the residents are under 18 (city %s %%), %s %% aged 65 and over (city %s %%).",
			p.Name, r.loc.Number(young, 1), r.loc.Number(cyoung, 1), r.loc.Number(old, 1), r.loc.Number(cold, 1))
		title := fmt.Sprintf(r.pick("Altersaufbau %d (%d-Jahres-Gruppen; Linie: Stadt)", "Age structure %d (%d-year groups; line: city)"), r.year, width)
		if a == city {
			// The city's own pyramid: nothing to compare it with.
			alt = fmt.Sprintf(r.pick("%s: %s %% der Einwohner sind unter 18, %s %% 65 und älter.", "%s: %s %% of the residents are under 18, %s %% aged 65 and over."),
				p.Name, r.loc.Number(young, 1), r.loc.Number(old, 1))
			title = fmt.Sprintf(r.pick("Altersaufbau %d (%d-Jahres-Gruppen)", "Age structure %d (%d-year groups)"), r.year, width)
			cms, cfs = nil, nil
		}
		var rows [][]string
		for i := range labels {
			k := len(labels) - 1 - i
			rows = append(rows, []string{labels[k], r.loc.Number(ms[k], 1), r.loc.Number(fs[k], 1)})
		}
		return report.HTMLFigure{
			ID:    "pyramid-" + p.Key,
			Title: title,
			SVG:   report.PyramidSVG(r.loc, labels, ms, fs, cms, cfs, r.lp.Sprintf("men"), r.lp.Sprintf("women")),
			Alt:   alt,
			Head:  []string{r.lp.Sprintf("age"), r.lp.Sprintf("men (%%)"), r.lp.Sprintf("women (%%)")},
			Rows:  rows,
		}, true
	}
	return report.HTMLFigure{}, false
}

// percents returns each of x as a percentage of t.
func percents(x []float64, t float64) []float64 {
	out := make([]float64, len(x))
	for i, v := range x {
		out[i] = 100 * v / t
	}
	return out
}

func sum(x []float64) float64 {
	var s float64
	for _, v := range x {
		s += v
	}
	return s
}

func ageTotal(a *ages) float64 {
	var t float64
	for age := range a.male {
		t += a.male[age] + a.female[age]
	}
	return t
}

func ageShare(a *ages, lo, hi int) float64 {
	var part, all float64
	for age := 0; age <= 100; age++ {
		n := a.male[age] + a.female[age]
		all += n
		if age >= lo && age <= hi {
			part += n
		}
	}
	if all == 0 {
		return math.NaN()
	}
	return 100 * part / all
}
