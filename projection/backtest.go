package projection

import (
	"math"
	"sort"
)

// Accuracy is how far projections of some areas at one horizon (years
// after the base year) are from what was observed (docs/methods.md
// section 11): MAPE, the mean of 100 · |P̂ − P| / P, and MALPE, the mean
// of 100 · (P̂ − P) / P (its sign says whether the method projects too
// high or too low), over the N areas with P > 0.
type Accuracy struct {
	Horizon     int
	MAPE, MALPE float64
	N           int
}

// Measure compares projected[area][h−1] with observed[area][h−1] for every
// horizon h.
func Measure(projected, observed [][]float64) []Accuracy {
	if len(projected) == 0 {
		return nil
	}
	out := make([]Accuracy, len(projected[0]))
	for h := range out {
		a := &out[h]
		a.Horizon = h + 1
		for i := range projected {
			obs := observed[i][h]
			if !(obs > 0) || math.IsNaN(projected[i][h]) {
				continue
			}
			e := 100 * (projected[i][h] - obs) / obs
			a.MAPE += math.Abs(e)
			a.MALPE += e
			a.N++
		}
		if a.N > 0 {
			a.MAPE /= float64(a.N)
			a.MALPE /= float64(a.N)
		}
	}
	return out
}

// Constant is the first baseline: each area's base-year value held for
// every horizon. base[area] is the value in the base year.
func Constant(base []float64, horizons int) [][]float64 {
	out := make([][]float64, len(base))
	for i, b := range base {
		out[i] = make([]float64, horizons)
		for h := range out[i] {
			out[i][h] = b
		}
	}
	return out
}

// Linear is the second baseline: each area's least-squares line through
// its values of the base period (history[area][year], the base year
// last) extrapolated, and never below 0.
func Linear(history [][]float64, horizons int) [][]float64 {
	out := make([][]float64, len(history))
	for i, ys := range history {
		n := float64(len(ys))
		var sx, sy, sxx, sxy float64
		for t, y := range ys {
			x := float64(t)
			sx, sy, sxx, sxy = sx+x, sy+y, sxx+x*x, sxy+x*y
		}
		slope := 0.0
		if d := n*sxx - sx*sx; d != 0 {
			slope = (n*sxy - sx*sy) / d
		}
		icpt := (sy - slope*sx) / n
		out[i] = make([]float64, horizons)
		for h := range out[i] {
			out[i][h] = math.Max(0, icpt+slope*float64(len(ys)-1+h+1))
		}
	}
	return out
}

// APEs returns, per horizon, the absolute percentage errors
// 100 · |P̂ − P| / P of the areas with P > 0: the errors a method made in a
// backtest, from which empirical prediction intervals are taken.
func APEs(projected, observed [][]float64) [][]float64 {
	if len(projected) == 0 {
		return nil
	}
	out := make([][]float64, len(projected[0]))
	for h := range out {
		for i := range projected {
			if obs := observed[i][h]; obs > 0 && !math.IsNaN(projected[i][h]) {
				out[h] = append(out[h], 100*math.Abs(projected[i][h]-obs)/obs)
			}
		}
	}
	return out
}

// Quantile returns the q-quantile (0 < q < 1) of xs by linear
// interpolation between order statistics (R's type 7); NaN for none.
func Quantile(xs []float64, q float64) float64 {
	if len(xs) == 0 {
		return math.NaN()
	}
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	pos := q * float64(len(s)-1)
	lo := int(math.Floor(pos))
	if lo+1 >= len(s) {
		return s[len(s)-1]
	}
	return s[lo] + (pos-float64(lo))*(s[lo+1]-s[lo])
}
