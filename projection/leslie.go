package projection

import "math"

// LeslieLambda returns the dominant eigenvalue of the women's Leslie
// matrix without migration (docs/methods.md section 11): first row
// F(x) = f(x) · π_f · (1 − q_f(0)/2), sub-diagonal s_f(x), the open
// group's survival in its last cell. It is found by power iteration
// (the matrix is non-negative and, with fertility at two consecutive
// ages, primitive), to a relative change below 1e-15 or 100,000 steps.
func (r *Rates) LeslieLambda() float64 {
	omega := r.Omega()
	v := make([]float64, omega+1)
	for i := range v {
		v[i] = 1
	}
	next := make([]float64, omega+1)
	lambda := 0.0
	for it := 0; it < 100000; it++ {
		next[0] = 0
		for x, f := range r.Fertility {
			next[0] += r.netFertility(f) * v[x]
		}
		for x := 0; x < omega; x++ {
			next[x+1] = v[x] * r.survival(Female, x)
		}
		next[omega] += v[omega] * r.survival(Female, omega)
		var norm float64
		for _, n := range next {
			norm += n
		}
		l := norm / sum(v)
		for i := range v {
			v[i] = next[i] / norm
		}
		if it > 0 && math.Abs(l-lambda) <= 1e-15*l {
			return l
		}
		lambda = l
	}
	return lambda
}

// LotkaR returns the intrinsic growth rate r, the root of the discrete
// Lotka equation Σ_x e^(−r (x+1)) · l(x) · F(x) = 1 with l(x) the women's
// survivorship to age x, by bisection on [−1, 1] to 1e-15; e^r is the
// Leslie matrix's dominant eigenvalue.
func (r *Rates) LotkaR() float64 {
	phi := func(rate float64) float64 {
		l, total := 1.0, 0.0
		for x := 0; x < len(r.Fertility); x++ {
			total += math.Exp(-rate*float64(x+1)) * l * r.netFertility(r.Fertility[x])
			l *= r.survival(Female, x)
		}
		return total - 1
	}
	lo, hi := -1.0, 1.0
	for hi-lo > 1e-15 {
		mid := (lo + hi) / 2
		if phi(mid) > 0 {
			lo = mid
		} else {
			hi = mid
		}
	}
	return (lo + hi) / 2
}

// netFertility is F(x) = f(x) · π_f · (1 − q_f(0)/2): a woman's daughters
// of a year alive at its end.
func (r *Rates) netFertility(f float64) float64 {
	return f * r.birthShare(Female) * (1 - r.Q[Female][0]/2)
}

func sum(v []float64) float64 {
	var t float64
	for _, x := range v {
		t += x
	}
	return t
}
