package indicators

import (
	"fmt"
	"math"
	"sort"

	"planatlas/datasets"
)

// Compute evaluates every indicator on the panel's areas and years. The
// result has one series per indicator, in the order of defs.
func Compute(p *datasets.Panel, defs []*Indicator) []*datasets.Series {
	out := make([]*datasets.Series, len(defs))
	for i, d := range defs {
		out[i] = d.Formula.Eval(p)
	}
	return out
}

// Aggregation says how a variable combines over areas into a reference
// value. The zero value sums, which is right for counts.
type Aggregation struct {
	Mean   bool   // the mean of the areas instead of their sum
	Weight string // the variable weighting the mean (for example residents); "" for an unweighted mean
}

// Level groups the areas into units for reference values: the whole city
// (one unit) or its districts.
type Level struct {
	ID     string   // "city", "district"
	Keys   []string // unit keys
	Names  []string // unit names
	Member []int    // unit index of each area
}

// CityLevel is the level with one unit holding all n areas.
func CityLevel(n int, key, name string) Level {
	return Level{ID: "city", Keys: []string{key}, Names: []string{name}, Member: make([]int, n)}
}

// ParentLevel groups areas by their parents' keys (districts); units
// are sorted by key, and each takes the name of its first area's parent.
func ParentLevel(id string, parents, parentNames []string) Level {
	keys := []string{}
	seen := map[string]bool{}
	for _, p := range parents {
		if !seen[p] {
			seen[p] = true
			keys = append(keys, p)
		}
	}
	sort.Strings(keys)
	idx := make(map[string]int, len(keys))
	lv := Level{ID: id, Keys: keys, Names: make([]string, len(keys)), Member: make([]int, len(parents))}
	for u, k := range keys {
		idx[k] = u
	}
	for i, p := range parents {
		u := idx[p]
		lv.Member[i] = u
		if lv.Names[u] == "" {
			lv.Names[u] = parentNames[i]
		}
	}
	return lv
}

// Aggregate combines the panel's variables over the units of lv: sums
// for counts, means (optionally weighted) where rules say so. A unit with
// a missing value in any of its areas gets a missing value with the
// areas' flags: a total that leaves out an area would be wrong.
func Aggregate(p *datasets.Panel, lv Level, rules map[string]Aggregation) (*datasets.Panel, error) {
	nA, nU := len(p.Keys), len(lv.Keys)
	if len(lv.Member) != nA {
		return nil, fmt.Errorf("level %s has %d members, the panel %d areas", lv.ID, len(lv.Member), nA)
	}
	out := datasets.NewPanel(lv.Keys, p.Years)
	for _, name := range p.Names() {
		src := p.Var(name)
		rule := rules[name]
		var w *datasets.Series
		if rule.Mean && rule.Weight != "" {
			if w = p.Var(rule.Weight); w == nil {
				return nil, fmt.Errorf("variable %q is weighted by %q, which is not a variable", name, rule.Weight)
			}
		}
		dst := datasets.NewSeries(out.Len())
		for y := range p.Years {
			num := make([]float64, nU)
			den := make([]float64, nU)
			for a := 0; a < nA; a++ {
				u := lv.Member[a]
				c := y*nA + a
				d := y*nU + u
				if w != nil && w.Values[c] == 0 {
					// A weight of 0 leaves the value out, even a
					// missing one (an area below the minimum
					// population whose source writes -9999).
					continue
				}
				dst.Flags[d] |= src.Flags[c]
				wt := 1.0
				if w != nil {
					wt = w.Values[c]
					dst.Flags[d] |= w.Flags[c]
				}
				num[u] += wt * src.Values[c]
				den[u] += wt
			}
			for u := 0; u < nU; u++ {
				d := y*nU + u
				v := num[u]
				if rule.Mean {
					if den[u] == 0 {
						v, dst.Flags[d] = math.NaN(), dst.Flags[d]|datasets.DivByZero
					} else {
						v /= den[u]
					}
				}
				dst.Values[d] = v
			}
		}
		if err := out.Set(name, dst); err != nil {
			return nil, err
		}
	}
	return out, nil
}
