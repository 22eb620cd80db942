package analysis

import (
	"fmt"
	"math"
	"sort"
)

// IMD2019Weights are the English Indices of Deprivation 2019's domain
// weights: income, employment, education, health, crime, barriers to
// housing and services, living environment.
var IMD2019Weights = []float64{0.225, 0.225, 0.135, 0.135, 0.093, 0.093, 0.093}

// ExponentialTransform maps a rank (1 = most deprived of n) to the IMD's
// exponential scale, which stretches the deprived end so that deprivation
// in one domain is not cancelled by affluence in another (MHCLG 2019
// technical report, appendix):
//
//	R = (n + 1 − rank) / n,  X = −23 · ln(1 − R · (1 − e^(−100/23)))
//
// X runs from about 0 (least deprived) to 100 (most deprived).
func ExponentialTransform(rank, n float64) float64 {
	r := (n + 1 - rank) / n
	return -23 * math.Log(1-r*(1-math.Exp(-100.0/23)))
}

// IMD combines domain ranks ([domain][area], 1 = most deprived) into the
// IMD score Σ_d w_d · X(rank_d) and its rank (1 = highest score). Tied
// domain ranks, published as the lowest rank of the tie, are transformed
// as the tie's average rank, as the published scores were computed
// (docs/methods.md section 3).
func IMD(domainRanks [][]float64, weights []float64) (score, rank []float64, err error) {
	if len(domainRanks) != len(weights) {
		return nil, nil, fmt.Errorf("%d domains, %d weights", len(domainRanks), len(weights))
	}
	n := len(domainRanks[0])
	score = make([]float64, n)
	for d, ranks := range domainRanks {
		if len(ranks) != n {
			return nil, nil, fmt.Errorf("domain %d has %d ranks, not %d", d+1, len(ranks), n)
		}
		ties := map[float64]int{}
		for _, r := range ranks {
			ties[r]++
		}
		for a, r := range ranks {
			avg := r + float64(ties[r]-1)/2
			score[a] += weights[d] * ExponentialTransform(avg, float64(n))
		}
	}
	order := make([]int, n)
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(i, j int) bool { return score[order[i]] > score[order[j]] })
	rank = make([]float64, n)
	for k, a := range order {
		rank[a] = float64(k + 1)
	}
	return score, rank, nil
}
