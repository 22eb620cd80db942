package analysis

import (
	"fmt"
	"math"
	"sort"
)

// ZScores returns z = (x − mean) / sd over the non-missing values of x,
// with the unweighted mean and the population standard deviation
// (divide by n; sample = true divides by n − 1). Missing values stay
// NaN. If fewer than two values are present or all are equal, every
// present z is 0 and ok is false: the indicator cannot tell areas apart.
func ZScores(x []float64, sample bool) (z []float64, mean, sd float64, ok bool) {
	var n float64
	for _, v := range x {
		if !math.IsNaN(v) {
			mean += v
			n++
		}
	}
	z = make([]float64, len(x))
	if n == 0 {
		for i := range z {
			z[i] = math.NaN()
		}
		return z, math.NaN(), math.NaN(), false
	}
	mean /= n
	var ss float64
	for _, v := range x {
		if !math.IsNaN(v) {
			ss += (v - mean) * (v - mean)
		}
	}
	den := n
	if sample {
		den = n - 1
	}
	if den > 0 {
		sd = math.Sqrt(ss / den)
	}
	ok = n >= 2 && sd > 0
	for i, v := range x {
		switch {
		case math.IsNaN(v):
			z[i] = math.NaN()
		case !ok:
			z[i] = 0
		default:
			z[i] = (v - mean) / sd
		}
	}
	return z, mean, sd, ok
}

// Standardise puts the non-missing values of x on a common scale:
//
//	z          (x − mean)/sd, population sd (Berlin MSS, KomMonitor)
//	z-sample   (x − mean)/sd, sample sd (n − 1)
//	minmax     (x − min)/(max − min), 0 to 1
//	percentile (rank − 1)/(N − 1), rank = 1 + #{smaller}, as SVI (0 to 1)
//	rank       the rank from the smallest, ties sharing their average rank
//	exp        the IMD's exponential transform of the rank from the
//	           largest (the largest value 100, the smallest about 0)
//
// Missing values stay NaN. A nil x only checks the method's name.
func Standardise(method string, x []float64) ([]float64, error) {
	switch method {
	case "z", "z-sample", "minmax", "percentile", "rank", "exp":
	default:
		return nil, fmt.Errorf("unknown standardisation %q: use z, z-sample, minmax, percentile, rank or exp", method)
	}
	if x == nil {
		return nil, nil
	}
	out := make([]float64, len(x))
	switch method {
	case "z", "z-sample":
		z, _, _, _ := ZScores(x, method == "z-sample")
		return z, nil
	case "minmax":
		lo, hi := math.Inf(1), math.Inf(-1)
		for _, v := range x {
			if !math.IsNaN(v) {
				lo, hi = math.Min(lo, v), math.Max(hi, v)
			}
		}
		for i, v := range x {
			switch {
			case math.IsNaN(v):
				out[i] = math.NaN()
			case hi > lo:
				out[i] = (v - lo) / (hi - lo)
			}
		}
		return out, nil
	case "percentile":
		_, raw := percentRank(x)
		return raw, nil
	}
	// rank and exp: average ranks from the smallest.
	var idx []int
	for i, v := range x {
		out[i] = math.NaN()
		if !math.IsNaN(v) {
			idx = append(idx, i)
		}
	}
	sort.SliceStable(idx, func(a, b int) bool { return x[idx[a]] < x[idx[b]] })
	n := float64(len(idx))
	for p := 0; p < len(idx); {
		q := p
		for q < len(idx) && x[idx[q]] == x[idx[p]] {
			q++
		}
		avg := float64(p+q+1) / 2 // ranks p+1..q
		for _, i := range idx[p:q] {
			if method == "rank" {
				out[i] = avg
			} else {
				out[i] = ExponentialTransform(n+1-avg, n) // rank 1 = largest
			}
		}
		p = q
	}
	return out, nil
}
