package survey

import (
	"math"

	"planatlas/lang"
)

// Margin is one margin to rake to: each row's group and the groups'
// population counts.
type Margin struct {
	Groups     []string
	Population map[string]float64
}

// RakeOptions control the iteration of Rake; the zero value means R's
// defaults.
type RakeOptions struct {
	// MaxIter is the number of passes over all margins (default 10).
	MaxIter int
	// Epsilon is the tolerance: raking stops when no cell of the
	// cross-classification of all margins changes by Epsilon or more
	// in a pass; below 1 it is a fraction of the sum of the weights
	// (default 1, one person).
	Epsilon float64
}

// Convergence reports how an iteration ended.
type Convergence struct {
	Iterations int  // passes made
	Converged  bool // whether the tolerance was met
}

// Rake returns the design raked to the margins by iterative proportional
// fitting (Deming and Stephan 1940; R's rake): each pass post-stratifies
// to every margin in turn. It stops after the pass that changed no cell
// of the margins' cross-classification by Epsilon or more, or after
// MaxIter passes; then Converged is false and the design is that of the
// last pass. The variance uses the influence values made orthogonal to
// every margin by ten passes of centring within the margins' groups, as
// R does.
func (d *Design) Rake(margins []Margin, opt RakeOptions) (*Design, Convergence, error) {
	if len(margins) == 0 {
		return nil, Convergence{}, lang.Errorf("raking needs at least one margin")
	}
	if opt.MaxIter == 0 {
		opt.MaxIter = 10
	}
	if opt.Epsilon == 0 {
		opt.Epsilon = 1
	}
	eps := opt.Epsilon
	if eps < 1 {
		eps *= sum(d.w)
	}
	cells := make([][]string, len(margins))
	for k, m := range margins {
		cells[k] = m.Groups
	}
	cell, ncell := crossIndex(cells, len(d.w))
	old := cellTotals(d.w, cell, ncell)
	cur := d
	var steps []*poststratum
	var conv Convergence
	for pass := 1; pass <= opt.MaxIter; pass++ {
		conv.Iterations = pass
		steps = steps[:0]
		for _, m := range margins {
			ps, err := cur.postStratify(m.Groups, m.Population)
			if err != nil {
				return nil, Convergence{}, err
			}
			steps = append(steps, ps)
			cur = cur.derive(ps.after, nil)
		}
		next := cellTotals(cur.w, cell, ncell)
		var delta float64
		for c := range next {
			delta = math.Max(delta, math.Abs(next[c]-old[c]))
		}
		if delta < eps {
			conv.Converged = true
			break
		}
		old = next
	}
	return d.derive(cur.w, raking(steps)), conv, nil
}

// raking is the variance step of raking: its margins' post-strata.
type raking []*poststratum

// residuals centres z/w* within each margin's groups (unweighted mean),
// margin after margin, ten times: z_i ← z_i − w*_i · mean_{j∈g}(z_j/w*_j),
// with w* the weights after that margin's post-stratification.
func (r raking) residuals(z []float64) {
	for range 10 {
		for _, p := range r {
			num := make([]float64, p.size)
			cnt := make([]float64, p.size)
			for i, k := range p.group {
				num[k] += z[i] / p.after[i]
				cnt[k]++
			}
			for i, k := range p.group {
				z[i] -= num[k] / cnt[k] * p.after[i]
			}
		}
	}
}

// crossIndex numbers the cells of the cross-classification of the
// columns.
func crossIndex(cols [][]string, n int) ([]int, int) {
	key := make([]string, n)
	for _, c := range cols {
		for i := range key {
			key[i] += c[i] + "\x00"
		}
	}
	idx, names := index(key, n)
	return idx, len(names)
}

func cellTotals(w []float64, cell []int, n int) []float64 {
	t := make([]float64, n)
	for i, c := range cell {
		t[c] += w[i]
	}
	return t
}

func sum(x []float64) float64 {
	var s float64
	for _, v := range x {
		s += v
	}
	return s
}
