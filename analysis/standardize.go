package analysis

import "math"

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
