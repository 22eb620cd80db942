package plan

import (
	"fmt"
	"planatlas/lang"
	"strings"
)

// dropUnsupported leaves out the indicators that only "catalog: all"
// selects and that the data cannot support — no value in any area and
// year, such as a five-year change over four years of data — unless a
// map, chart, index, goal or spatial statistic uses them. Each is named
// in the notes with its reason. An indicator the plan names itself stays
// and fails in computeIndicators with its reason.
func (r *runner) dropUnsupported() error {
	c := r.c
	if len(c.implicit) == 0 {
		return nil
	}
	used := r.usedValues()
	areaVals := r.levels[0].values
	keep := make([]int, 0, len(c.indicators))
	var dropped []string
	for k, d := range c.indicators {
		if c.implicit[d.ID] && !used[d.ID] && allMissing(areaVals[k].Values) {
			dropped = append(dropped, fmt.Sprintf("%s (%s)", d.ID, r.whyMissing(d, areaVals[k].Flags)))
			continue
		}
		keep = append(keep, k)
	}
	if len(dropped) == 0 {
		return nil
	}
	moved := make(map[int]int, len(keep))
	inds, lines := c.indicators[:0:0], c.indicatorLines[:0:0]
	for i, k := range keep {
		moved[k] = i
		inds = append(inds, c.indicators[k])
		lines = append(lines, c.indicatorLines[k])
	}
	c.indicators, c.indicatorLines = inds, lines
	for _, l := range r.levels {
		if l.values == nil {
			continue // references are computed later, for the indicators kept
		}
		vals := l.values[:0:0]
		for _, k := range keep {
			vals = append(vals, l.values[k])
		}
		l.values = vals
	}
	for _, ix := range c.indices {
		for _, list := range [][]component{ix.components, ix.dynamic} {
			for i := range list {
				list[i].indicator = moved[list[i].indicator]
			}
		}
	}
	for _, g := range c.goals {
		g.indicator = moved[g.indicator]
	}
	r.notes = append(r.notes, lang.M("catalog: all: %d indicator(s) left out because the data cannot support them: %s",
		len(dropped), strings.Join(dropped, "; ")))
	return nil
}

// usedValues returns the indicators and indices that an index, goal,
// map, chart or spatial statistic of the plan uses.
func (r *runner) usedValues() map[string]bool {
	c := r.c
	used := map[string]bool{}
	for _, ix := range c.indices {
		for _, list := range [][]component{ix.components, ix.dynamic} {
			for _, comp := range list {
				used[c.indicators[comp.indicator].ID] = true
			}
		}
	}
	for _, g := range c.goals {
		used[g.spec.Indicator] = true
	}
	for _, m := range c.maps {
		used[m.Value] = true
	}
	for _, ch := range c.charts {
		used[ch.Value], used[ch.X] = true, true
	}
	for _, v := range c.plan.Spatial.Values {
		used[v] = true
	}
	delete(used, "")
	return used
}
