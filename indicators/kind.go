package indicators

import (
	"math"

	"planatlas/datasets"
)

// Kind is what an indicator measures, as its formula shows; it decides
// how the indicator's reference value (a district, the city) is formed
// unless the definition says (reference: sum or formula).
type Kind int

const (
	// KindOther: none of the below; the reference is the formula applied
	// to the variables aggregated over the unit's areas.
	KindOther Kind = iota
	// KindCount: a count such as residents, or a sum of counts
	// ("ew_u6 + ew_65plus", "ew * (lst_sommer >= 30)"); the reference is
	// the sum of the areas' values.
	KindCount
	// KindRatio: a count divided by a count, times a constant ("100 *
	// sgb2 / ew_u65"); the reference is the ratio of the sums of
	// numerator and denominator.
	KindRatio
	// KindMean: made of variables that aggregate as (weighted) means only
	// ("heisse_tage"); the reference is the formula applied to their
	// means.
	KindMean
)

var kindNames = [...]string{"other", "count", "ratio", "mean"}

func (k Kind) String() string { return kindNames[k] }

// Reference methods: how the value of a district or the city is formed.
const (
	RefAuto    = ""        // by the kind
	RefSum     = "sum"     // the sum of the areas' values
	RefFormula = "formula" // the formula applied to the aggregated variables
)

// shape classifies an expression by how it adds up over areas.
type shape int

const (
	shConst     shape = iota // numbers only
	shIntensive              // means and numbers: not to be summed over areas
	shAdditive               // adds up over areas: counts, their sums, counts times means
	shRatio                  // additive / additive (times a number)
	shOther
)

// classify returns the shape of n. mean reports whether a variable
// aggregates as a mean; every other variable adds up.
func classify(n node, mean func(string) bool) shape {
	low := func(s shape) bool { return s == shConst || s == shIntensive }
	join := func(a, b shape) shape { // of two low shapes
		if a == shConst && b == shConst {
			return shConst
		}
		return shIntensive
	}
	switch n := n.(type) {
	case numNode:
		return shConst
	case varNode:
		if mean(n.name) {
			return shIntensive
		}
		return shAdditive
	case unNode:
		return classify(n.x, mean)
	case lagNode:
		return classify(n.x, mean)
	case callNode:
		out := shConst
		for _, a := range n.args {
			s := classify(a, mean)
			if !low(s) {
				return shOther
			}
			out = join(out, s)
		}
		return out
	case binNode:
		l, r := classify(n.l, mean), classify(n.r, mean)
		switch {
		case low(l) && low(r):
			return join(l, r)
		case comparisons[n.op] || n.op == "**":
			return shOther
		}
		switch n.op {
		case "+", "-":
			if l == shAdditive && r == shAdditive {
				return shAdditive
			}
		case "*":
			switch {
			case l == shAdditive && low(r), low(l) && r == shAdditive:
				return shAdditive
			case l == shRatio && r == shConst, l == shConst && r == shRatio:
				return shRatio
			}
		case "/":
			switch {
			case l == shAdditive && low(r):
				return shAdditive
			case l == shAdditive && r == shAdditive:
				return shRatio
			case l == shRatio && r == shConst:
				return shRatio
			}
		}
	}
	return shOther
}

// isConst reports whether n is made of numbers only.
func isConst(n node) bool { return classify(n, func(string) bool { return true }) == shConst }

// foldConst returns the value of a constant expression.
func foldConst(n node) float64 {
	switch n := n.(type) {
	case numNode:
		return n.v
	case unNode:
		return -foldConst(n.x)
	case binNode:
		v, _ := binary(n.op, foldConst(n.l), foldConst(n.r))
		return v
	case callNode:
		args := make([]float64, len(n.args))
		for i, a := range n.args {
			args[i] = foldConst(a)
		}
		v, _ := call(n.fn, args)
		return v
	}
	return math.NaN()
}

// linear reports whether n is a sum of variables times numbers: its sum
// over areas is the same sum of the variables' sums.
func linear(n node) bool {
	switch n := n.(type) {
	case varNode:
		return true
	case unNode:
		return linear(n.x)
	case lagNode:
		return linear(n.x)
	case binNode:
		switch n.op {
		case "+", "-":
			return linear(n.l) && linear(n.r)
		case "*":
			return isConst(n.l) && linear(n.r) || isConst(n.r) && linear(n.l)
		case "/":
			return isConst(n.r) && linear(n.l)
		}
	}
	return false
}

// ratioParts splits a ratio (shape shRatio) into numerator, denominator
// and a constant factor: c * num / den.
func ratioParts(n node) (num, den node, c float64) {
	switch n := n.(type) {
	case unNode:
		num, den, c = ratioParts(n.x)
		return num, den, -c
	case binNode:
		switch {
		case n.op == "/" && isConst(n.r):
			num, den, c = ratioParts(n.l)
			return num, den, c / foldConst(n.r)
		case n.op == "/":
			return n.l, n.r, 1
		case n.op == "*" && isConst(n.l):
			num, den, c = ratioParts(n.r)
			return num, den, c * foldConst(n.l)
		case n.op == "*":
			num, den, c = ratioParts(n.l)
			return num, den, c * foldConst(n.r)
		}
	}
	panic("indicators: not a ratio")
}

// InferKind sets the indicator's kind from its formula. mean reports
// whether a variable aggregates as a (weighted) mean; all others add up
// (counts, sums, the areas' size).
func (d *Indicator) InferKind(mean func(string) bool) {
	d.kindMean = mean
	switch classify(d.Formula.root, mean) {
	case shAdditive:
		d.Kind = KindCount
	case shRatio:
		d.Kind = KindRatio
		d.refNum, d.refDen, d.refScale = ratioParts(d.Formula.root)
	case shIntensive:
		d.Kind = KindMean
	default:
		d.Kind = KindOther
	}
}

// Method returns how the indicator's reference values are formed: "sum"
// (of the areas' values), "ratio" (of the sums of numerator and
// denominator) or "formula" (applied to the aggregated variables).
func (d *Indicator) Method() string {
	switch {
	case d.Reference == RefSum:
		return "sum"
	case d.Reference == RefFormula:
		return "formula"
	case d.Kind == KindCount:
		return "sum"
	case d.Kind == KindRatio:
		return "ratio"
	}
	return "formula"
}

// sumsOnly reports whether the reference depends on the count variables
// only through their sums over the areas taken (so that it reveals no
// more than those sums): a linear count, a ratio of linear terms, or the
// formula on aggregated variables none of which is a mean weighted by a
// count.
func (d *Indicator) sumsOnly(rules map[string]Aggregation, counts map[string]bool) bool {
	switch d.Method() {
	case "sum":
		return linear(d.Formula.root)
	case "ratio":
		return linear(d.refNum) && linear(d.refDen)
	}
	for _, v := range d.Formula.Vars {
		if r := rules[v]; r.Mean && counts[r.Weight] {
			return false
		}
	}
	return true
}

// use is a variable a formula reads, years back.
type use struct {
	name string
	lag  int
}

// uses returns the variables n reads with their lags, each once.
func uses(n node) []use {
	var out []use
	seen := map[use]bool{}
	var walk func(n node, lag int)
	walk = func(n node, lag int) {
		switch n := n.(type) {
		case varNode:
			u := use{n.name, lag}
			if !seen[u] {
				seen[u] = true
				out = append(out, u)
			}
		case unNode:
			walk(n.x, lag)
		case lagNode:
			walk(n.x, lag+n.years)
		case binNode:
			walk(n.l, lag)
			walk(n.r, lag)
		case callNode:
			for _, a := range n.args {
				walk(a, lag)
			}
		}
	}
	walk(n, 0)
	return out
}

// cellIndex returns the cell of area a in the year lag years before
// year index y, or -1 if the panel does not have that year.
func cellIndex(p *datasets.Panel, y, a, lag int) int {
	if lag == 0 {
		return y*len(p.Keys) + a
	}
	yy := p.YearIndex(p.Years[y] - lag)
	if yy < 0 {
		return -1
	}
	return yy*len(p.Keys) + a
}

// present returns, per cell of the panel, whether every variable the
// expression n reads (in the years it reads them) has a value, and the
// weight of every mean among them a value other than 0: whether the area
// can take part in a reference value (an area that weighs nothing in a
// mean does not).
func present(n node, p *datasets.Panel, rules map[string]Aggregation) []bool {
	out := make([]bool, p.Len())
	for i := range out {
		out[i] = true
	}
	nA := len(p.Keys)
	for _, u := range uses(n) {
		names := []string{u.name}
		if w := rules[u.name].Weight; rules[u.name].Mean && w != "" {
			names = append(names, w)
		}
		for k, name := range names {
			s := p.Var(name)
			if s == nil {
				continue
			}
			for i := range out {
				if !out[i] {
					continue
				}
				c := cellIndex(p, i/nA, i%nA, u.lag)
				out[i] = c >= 0 && !math.IsNaN(s.Values[c]) && (k == 0 || s.Values[c] != 0)
			}
		}
	}
	return out
}

// evalNode evaluates a part of a formula on every cell of the panel.
func evalNode(n node, p *datasets.Panel) *datasets.Series {
	r := eval(n, p, p.Len())
	out := datasets.NewSeries(p.Len())
	for i := range out.Values {
		out.Values[i], out.Flags[i] = r.at(i)
	}
	return out
}
