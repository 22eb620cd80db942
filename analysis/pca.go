package analysis

import (
	"fmt"
	"math"
	"sort"

	"gonum.org/v1/gonum/mat"
)

// PCA is a principal-component index, as heat-vulnerability indices are
// built (Reid et al. 2009): the indicators are z-scored with their need
// direction applied, the components of their correlation matrix with an
// eigenvalue above 1 are kept (Kaiser's rule), each turned so that its
// loadings sum to a positive number (higher score = more need), and the
// index is the sum of the kept components' scores.
type PCA struct {
	Values    []float64   // per area; NaN where an indicator is missing
	Loadings  [][]float64 // [component][indicator]: eigenvector entries, oriented
	Eigen     []float64   // eigenvalues of the kept components, descending
	Explained []float64   // their share of the total variance
	Scores    [][]float64 // [component][area]
	Contrib   [][]float64 // [indicator][area]: each indicator's part of the index value
}

// ComputePCA computes the index from components (weights are ignored;
// directions are applied). Areas with a missing value take no part in the
// correlations and get no index value.
func ComputePCA(cs []Component) (*PCA, error) {
	p := len(cs)
	if p < 2 {
		return nil, fmt.Errorf("a principal-component index needs at least two indicators")
	}
	n := len(cs[0].Values)
	complete := make([]bool, n)
	m := 0
	for a := 0; a < n; a++ {
		complete[a] = true
		for _, c := range cs {
			if math.IsNaN(c.Values[a]) {
				complete[a] = false
			}
		}
		if complete[a] {
			m++
		}
	}
	if m <= p {
		return nil, fmt.Errorf("%d areas with every indicator; a principal-component index of %d indicators needs more", m, p)
	}
	z := make([][]float64, p)
	for k, c := range cs {
		x := make([]float64, n)
		for a := range x {
			x[a] = math.NaN()
			if complete[a] {
				x[a] = c.Values[a]
			}
		}
		zk, _, _, ok := ZScores(x, false)
		if !ok {
			return nil, fmt.Errorf("indicator %q has the same value in every area", c.ID)
		}
		for a := range zk {
			zk[a] *= float64(c.Need)
		}
		z[k] = zk
	}
	// Correlation matrix of the z-scores (population moments).
	corr := mat.NewSymDense(p, nil)
	for i := 0; i < p; i++ {
		for j := i; j < p; j++ {
			var s float64
			for a := 0; a < n; a++ {
				if complete[a] {
					s += z[i][a] * z[j][a]
				}
			}
			corr.SetSym(i, j, s/float64(m))
		}
	}
	var es mat.EigenSym
	if !es.Factorize(corr, true) {
		return nil, fmt.Errorf("the correlation matrix could not be decomposed")
	}
	vals := es.Values(nil)
	var vecs mat.Dense
	es.VectorsTo(&vecs)
	order := make([]int, p)
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(i, j int) bool { return vals[order[i]] > vals[order[j]] })
	res := &PCA{Values: make([]float64, n)}
	contrib := make([][]float64, p)
	for k := range contrib {
		contrib[k] = make([]float64, n)
	}
	for _, c := range order {
		if vals[c] <= 1 && len(res.Eigen) > 0 {
			break
		}
		load := make([]float64, p)
		var sum float64
		for k := 0; k < p; k++ {
			load[k] = vecs.At(k, c)
			sum += load[k]
		}
		if sum < 0 {
			for k := range load {
				load[k] = -load[k]
			}
		}
		score := make([]float64, n)
		for a := 0; a < n; a++ {
			if !complete[a] {
				score[a] = math.NaN()
				continue
			}
			for k := 0; k < p; k++ {
				score[a] += load[k] * z[k][a]
				contrib[k][a] += load[k] * z[k][a]
			}
		}
		res.Loadings = append(res.Loadings, load)
		res.Eigen = append(res.Eigen, vals[c])
		res.Explained = append(res.Explained, vals[c]/float64(p))
		res.Scores = append(res.Scores, score)
	}
	for a := 0; a < n; a++ {
		if !complete[a] {
			res.Values[a] = math.NaN()
			for k := range contrib {
				contrib[k][a] = math.NaN()
			}
			continue
		}
		for _, s := range res.Scores {
			res.Values[a] += s[a]
		}
	}
	res.Contrib = contrib
	return res, nil
}
