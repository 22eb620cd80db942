package indicators

import (
	"fmt"
	"math"
	"slices"
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
// for counts, means (optionally weighted) where rules say so, each over
// the areas that have a value (for a weighted mean: a value and a
// weight). An area without a value never removes its unit's value; a
// unit none of whose areas has a value is missing, with their flags.
// Flags of the areas taken are passed on, except Suppressed (disclosure
// control runs on the aggregated levels). Coverage says how much of a
// unit the areas taken hold.
func Aggregate(p *datasets.Panel, lv Level, rules map[string]Aggregation) (*datasets.Panel, error) {
	if len(lv.Member) != len(p.Keys) {
		return nil, fmt.Errorf("level %s has %d members, the panel %d areas", lv.ID, len(lv.Member), len(p.Keys))
	}
	out := datasets.NewPanel(lv.Keys, p.Years)
	for _, name := range p.Names() {
		dst, err := aggregateVar(p, lv, name, rules[name], nil)
		if err != nil {
			return nil, err
		}
		if err := out.Set(name, dst); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// aggregateVar aggregates one variable over the units of lv, taking the
// cells for which take is true (all if take is nil) and that have a
// value (and a weight).
func aggregateVar(p *datasets.Panel, lv Level, name string, rule Aggregation, take func(c int) bool) (*datasets.Series, error) {
	nA, nU := len(p.Keys), len(lv.Keys)
	src := p.Var(name)
	var w *datasets.Series
	if rule.Mean && rule.Weight != "" {
		if w = p.Var(rule.Weight); w == nil {
			return nil, fmt.Errorf("variable %q is weighted by %q, which is not a variable", name, rule.Weight)
		}
	}
	dst := datasets.NewSeries(len(p.Years) * nU)
	num := make([]float64, nU)
	den := make([]float64, nU)
	n := make([]int, nU)
	gone := make([]datasets.Flag, nU) // flags of the areas left out
	for y := range p.Years {
		clear(num)
		clear(den)
		clear(n)
		clear(gone)
		for a := 0; a < nA; a++ {
			u := lv.Member[a]
			c := y*nA + a
			x, f := src.Values[c], src.Flags[c]
			wt := 1.0
			if w != nil {
				wt, f = w.Values[c], f|w.Flags[c]
			}
			if math.IsNaN(x) || math.IsNaN(wt) || (take != nil && !take(c)) {
				gone[u] |= f
				continue
			}
			d := y*nU + u
			dst.Flags[d] |= f &^ (datasets.Suppressed | datasets.Missing)
			num[u] += wt * x
			den[u] += wt
			n[u]++
		}
		for u := 0; u < nU; u++ {
			d := y*nU + u
			switch {
			case n[u] == 0:
				dst.Values[d] = math.NaN()
				dst.Flags[d] |= gone[u] &^ datasets.Suppressed
				if dst.Flags[d]&datasets.Missing == 0 {
					dst.Flags[d] |= datasets.NoData
				}
			case !rule.Mean:
				dst.Values[d] = num[u]
			case den[u] == 0:
				dst.Values[d], dst.Flags[d] = math.NaN(), dst.Flags[d]|datasets.DivByZero
			default:
				dst.Values[d] = num[u] / den[u]
			}
		}
	}
	return dst, nil
}

// RefInput is what reference values are computed from: the areas'
// variables (after disclosure control, which flags hidden cells), how
// they aggregate, and the variable whose share a unit's coverage is
// measured in (the residents; "" for the share of areas).
type RefInput struct {
	Panel *datasets.Panel
	Rules map[string]Aggregation
	Basis string
}

// Ref is an indicator's reference values on one level.
type Ref struct {
	// Values per unit, year-major.
	Values *datasets.Series
	// Coverage is the share (0 to 1) of each unit's residents, or of its
	// areas, in the areas that took part; Suppressed where it would reveal
	// a hidden count (see Disclose).
	Coverage *datasets.Series
	// Num and Den are, for proportions, the sums of numerator and
	// denominator over the areas that took part (for intervals); nil
	// otherwise.
	Num, Den []float64
	// Taken marks the area cells that took part.
	Taken []bool
	// byBasis marks the coverages measured in residents (not areas).
	byBasis []bool
}

// Reference computes an indicator's values on the units of a level from
// the areas' variables and values (area, before smoothing), as its
// Method says, over the areas that have what the indicator needs: an
// area without a value is left out, and the unit's coverage says how
// much of it the value covers. Disclosure control is Disclose's.
func Reference(d *Indicator, in RefInput, area *datasets.Series, lv Level) (*Ref, error) {
	p := in.Panel
	nA, nU, nY := len(p.Keys), len(lv.Keys), len(p.Years)
	if len(lv.Member) != nA {
		return nil, fmt.Errorf("level %s has %d members, the panel %d areas", lv.ID, len(lv.Member), nA)
	}
	r := &Ref{Values: datasets.NewSeries(nY * nU)}
	take := present(d.Formula.root, p, in.Rules)
	const strip = datasets.Missing | datasets.Suppressed | datasets.Smoothed
	// sums adds the taken cells of the series up per unit and year, with
	// the flags of the cells taken.
	sums := func(ss ...*datasets.Series) [][]float64 {
		out := make([][]float64, len(ss))
		for k, s := range ss {
			out[k] = make([]float64, nY*nU)
			for c, ok := range take {
				if ok {
					d := c/nA*nU + lv.Member[c%nA]
					out[k][d] += s.Values[c]
					r.Values.Flags[d] |= s.Flags[c] &^ strip
				}
			}
		}
		return out
	}
	switch d.Method() {
	case "sum":
		for c := range take {
			take[c] = take[c] && !math.IsNaN(area.Values[c])
		}
		copy(r.Values.Values, sums(area)[0])
	case "ratio":
		num, den := evalNode(d.refNum, p), evalNode(d.refDen, p)
		for c := range take {
			take[c] = take[c] && !math.IsNaN(num.Values[c]) && !math.IsNaN(den.Values[c])
		}
		s := sums(num, den)
		for i := range r.Values.Values {
			if s[1][i] == 0 {
				r.Values.Values[i] = math.NaN()
				r.Values.Flags[i] |= datasets.DivByZero
				continue
			}
			r.Values.Values[i] = d.refScale * s[0][i] / s[1][i]
		}
	default:
		if err := r.formula(d, in, lv, take); err != nil {
			return nil, err
		}
	}
	r.Taken = take
	// A unit without any area taken has no value: it carries the flags
	// of its areas, which say why.
	// One pass over the areas (not one per empty unit, which took
	// seconds at 100,000 areas): the units' counts of areas taken and the
	// union of their areas' flags.
	n := make([]int, nY*nU)
	union := make([]datasets.Flag, nY*nU)
	for c, ok := range take {
		m := lv.Member[c%nA]
		if m < 0 {
			continue
		}
		i := c/nA*nU + m
		union[i] |= area.Flags[c]
		if ok {
			n[i]++
		}
	}
	for i, k := range n {
		if k > 0 {
			continue
		}
		r.Values.Values[i] = math.NaN()
		f := union[i] &^ (datasets.Suppressed | datasets.Smoothed)
		if f&datasets.Missing == 0 {
			// The areas have values, but weigh nothing in a mean.
			f |= datasets.DivByZero
		}
		r.Values.Flags[i] = f
	}
	if d.Proportion && d.Numerator != "" && d.Denominator != "" {
		s := make([][]float64, 2)
		for k, name := range []string{d.Numerator, d.Denominator} {
			s[k] = make([]float64, nY*nU)
			v := p.Var(name)
			for c, ok := range take {
				if ok {
					s[k][c/nA*nU+lv.Member[c%nA]] += v.Values[c]
				}
			}
		}
		r.Num, r.Den = s[0], s[1]
	}
	r.Coverage, r.byBasis = coverage(p, lv, take, in.Basis)
	return r, nil
}

// formula computes reference values as the formula applied to its
// variables aggregated over the areas taken. The areas taken may differ
// from year to year, and a formula may read earlier years (lag): each
// set of areas is aggregated over all years, and gives the values of the
// years that take it.
func (r *Ref) formula(d *Indicator, in RefInput, lv Level, take []bool) error {
	p := in.Panel
	nA, nU := len(p.Keys), len(lv.Keys)
	var names []string
	seen := map[string]bool{}
	for _, v := range d.Formula.Vars {
		for _, name := range []string{v, in.Rules[v].Weight} {
			if name != "" && !seen[name] && p.Var(name) != nil {
				seen[name] = true
				names = append(names, name)
			}
		}
	}
	done := make([]bool, len(p.Years))
	for y := range p.Years {
		if done[y] {
			continue
		}
		mask := take[y*nA : (y+1)*nA]
		agg := datasets.NewPanel(lv.Keys, p.Years)
		for _, name := range names {
			s, err := aggregateVar(p, lv, name, in.Rules[name], func(c int) bool { return mask[c%nA] })
			if err != nil {
				return err
			}
			if err := agg.Set(name, s); err != nil {
				return err
			}
		}
		vals := d.Formula.Eval(agg)
		for y2 := y; y2 < len(p.Years); y2++ {
			if done[y2] || !slices.Equal(mask, take[y2*nA:(y2+1)*nA]) {
				continue
			}
			done[y2] = true
			for u := 0; u < nU; u++ {
				i := y2*nU + u
				r.Values.Values[i] = vals.Values[i]
				r.Values.Flags[i] |= vals.Flags[i] &^ (datasets.Suppressed | datasets.Smoothed)
			}
		}
	}
	return nil
}

// coverage returns, per unit and year, the share of the unit's basis
// (residents) in the areas taken, and whether it is that share: where
// the basis is "", where an area left out has no residents figure, or
// where the unit's areas have no residents, it is the share of areas.
func coverage(p *datasets.Panel, lv Level, take []bool, basis string) (*datasets.Series, []bool) {
	nA, nU := len(p.Keys), len(lv.Keys)
	out := datasets.NewSeries(len(p.Years) * nU)
	byBasis := make([]bool, len(out.Values))
	var b *datasets.Series
	if basis != "" {
		b = p.Var(basis)
	}
	in, all := make([]float64, len(out.Values)), make([]float64, len(out.Values))
	inN, allN := make([]float64, len(out.Values)), make([]float64, len(out.Values))
	unknown := make([]bool, len(out.Values)) // an area left out has no basis
	for c, ok := range take {
		d := c/nA*nU + lv.Member[c%nA]
		allN[d]++
		if ok {
			inN[d]++
		}
		switch {
		case b == nil:
		case math.IsNaN(b.Values[c]):
			unknown[d] = unknown[d] || !ok
		default:
			all[d] += b.Values[c]
			if ok {
				in[d] += b.Values[c]
			}
		}
	}
	for d := range out.Values {
		switch {
		case inN[d] == allN[d]:
			out.Values[d] = 1
		case b != nil && !unknown[d] && all[d] > 0:
			out.Values[d], byBasis[d] = in[d]/all[d], true
		default:
			out.Values[d] = inN[d] / allN[d]
		}
	}
	return out, byBasis
}

// Disclose flags Suppressed the reference values and coverages that
// could reveal a count that disclosure control hid. level is the level's
// aggregated panel after disclosure control; counts are the variables
// under it.
//
// A reference value is computed from the counts of the areas it takes.
// If none of them is hidden, it reveals nothing that is not published.
// Otherwise it is published only if it depends on the counts through
// their sums over the areas taken alone (see sumsOnly) and each such sum
// can be worked out from published cells: the unit's total is published
// and so is every area left out that has a value (the sum is the total
// minus those). A value computed over "the others" would otherwise give
// away a hidden cell left out of it. The coverage is a ratio of two sums
// of residents (the areas taken, all areas) and is published where both
// can be worked out from published cells.
func (r *Ref) Disclose(d *Indicator, in RefInput, level *datasets.Panel, lv Level, counts map[string]bool) {
	if len(counts) == 0 {
		return
	}
	p := in.Panel
	nA, nU := len(p.Keys), len(lv.Keys)
	members := make([][]int, nU)
	for a, u := range lv.Member {
		members[u] = append(members[u], a)
	}
	var used []use
	for _, u := range uses(d.Formula.root) {
		if counts[u.name] {
			used = append(used, u)
		}
		if rule := in.Rules[u.name]; rule.Mean && counts[rule.Weight] {
			used = append(used, use{rule.Weight, u.lag})
		}
	}
	sumsOnly := d.sumsOnly(in.Rules, counts)
	// published reports, for a use at year index y and unit u, whether the
	// taken cells, the left-out cells with a value, and the unit's total
	// are all published.
	published := func(v use, y, u int) (taken, left, total bool) {
		taken, left, total = true, true, true
		s := p.Var(v.name)
		for _, a := range members[u] {
			c := cellIndex(p, y, a, v.lag)
			if c < 0 || s.Flags[c]&datasets.Suppressed == 0 {
				continue
			}
			if r.Taken[y*nA+a] {
				taken = false
			} else if !math.IsNaN(s.Values[c]) {
				left = false
			}
		}
		if c := cellIndex(level, y, u, v.lag); c >= 0 && level.Var(v.name).Flags[c]&datasets.Suppressed != 0 {
			total = false
		}
		return taken, left, total
	}
	for i := range r.Values.Values {
		y, u := i/nU, i%nU
		hidden := false
		for _, v := range used {
			taken, left, total := published(v, y, u)
			if !taken && !(sumsOnly && left && total) {
				hidden = true
				break
			}
		}
		if hidden {
			r.Values.Flags[i] |= datasets.Suppressed
		}
		if r.byBasis[i] && counts[in.Basis] {
			taken, left, total := published(use{in.Basis, 0}, y, u)
			sumTaken := taken || (total && left)
			sumAll := total || (taken && left)
			if !sumTaken || !sumAll {
				r.Coverage.Flags[i] |= datasets.Suppressed
			}
		}
	}
}
