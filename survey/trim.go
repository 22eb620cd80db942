package survey

import (
	"math"

	"planatlas/lang"
)

// TrimWeights returns the design with its weights trimmed to
// [lower, upper] (R's trimWeights): weights outside are set to the
// bound, and the amount trimmed, Σ (w − w_trimmed), is shared equally
// among the weights that were inside, so the sum of the weights stays.
// The shares can push weights past a bound again; strict repeats the
// trimming until none is outside. Weighting steps made before stay in
// the variance (their residuals use the trimmed weights).
func (d *Design) TrimWeights(lower, upper float64, strict bool) (*Design, error) {
	if !(lower <= upper) {
		return nil, lang.Errorf("the lower bound %v exceeds the upper bound %v", lower, upper)
	}
	w := append([]float64(nil), d.w...)
	for round := 0; ; round++ {
		var trimmed float64
		inside := 0
		for _, v := range w {
			if v >= lower && v <= upper {
				inside++
			}
		}
		if inside == len(w) {
			break
		}
		if inside == 0 {
			return nil, lang.Errorf("every weight is outside [%v, %v]", lower, upper)
		}
		out := make([]bool, len(w))
		for i, v := range w {
			t := math.Max(lower, math.Min(v, upper))
			out[i] = t != v
			trimmed += v - t
			w[i] = t
		}
		share := trimmed / float64(inside)
		for i := range w {
			if !out[i] {
				w[i] += share
			}
		}
		if !strict || round > 1000 {
			break
		}
	}
	return d.derive(w, nil), nil
}
