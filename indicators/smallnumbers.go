package indicators

import "math"

// z95 is the 97.5 % quantile of the standard normal distribution.
const z95 = 1.959963984540054

// Wilson returns the Wilson score interval (95 %) of the proportion x/n
// (Wilson 1927; Newcombe 1998, method 3):
//
//	centre = (p + z²/2n) / (1 + z²/n)
//	half   = z / (1 + z²/n) · √(p(1−p)/n + z²/4n²)
//
// It stays inside [0, 1] and is sensible for small n and for x = 0, where
// the normal approximation fails. n ≤ 0 or a missing value gives NaN.
func Wilson(x, n float64) (lo, hi float64) {
	if !(n > 0) || math.IsNaN(x) || x < 0 || x > n {
		return math.NaN(), math.NaN()
	}
	p := x / n
	z2 := z95 * z95
	den := 1 + z2/n
	centre := (p + z2/(2*n)) / den
	half := z95 / den * math.Sqrt(p*(1-p)/n+z2/(4*n*n))
	return math.Max(0, centre-half), math.Min(1, centre+half)
}

// GlobalEB smooths the rates x_i/n_i towards the overall rate by global
// empirical Bayes (Marshall 1991; spdep EBest, family "poisson"):
//
//	b  = Σx / Σn
//	s² = Σ n_i (r_i − b)² / Σn
//	a  = s² − b / n̄,  n̄ = Σn / m,  floored at 0
//	EB_i = b + (r_i − b) · a / (a + b/n_i)
//
// Areas with a missing count or n ≤ 0 take no part and get NaN.
func GlobalEB(x, n []float64) []float64 {
	var xs, ns float64
	m := 0
	for i := range x {
		if usable(x[i], n[i]) {
			xs += x[i]
			ns += n[i]
			m++
		}
	}
	out := make([]float64, len(x))
	if m == 0 || ns == 0 {
		for i := range out {
			out[i] = math.NaN()
		}
		return out
	}
	b := xs / ns
	var s2 float64
	for i := range x {
		if usable(x[i], n[i]) {
			r := x[i] / n[i]
			s2 += n[i] * (r - b) * (r - b) / ns
		}
	}
	a := math.Max(0, s2-b/(ns/float64(m)))
	for i := range x {
		if !usable(x[i], n[i]) {
			out[i] = math.NaN()
			continue
		}
		r := x[i] / n[i]
		out[i] = b + (r-b)*shrink(a, b, n[i])
	}
	return out
}

// LocalEB smooths rates towards the rate of each area's neighbourhood,
// the area included (Marshall 1991; docs/methods.md section 4; spdep EBlocal
// with geoda = TRUE; GeoDa):
//
//	m_i = Σ_j x_j / Σ_j n_j,  j ∈ N(i) ∪ {i}
//	C_i = Σ_j n_j (r_j − m_i)² / Σ_j n_j
//	a_i = C_i − m_i / n̄_i,  n̄_i = mean of n_j,  floored at 0
//	EB_i = m_i + (r_i − m_i) · a_i / (a_i + m_i/n_i)
//
// With ownMean, C_i uses each neighbour's own local mean m_j instead of
// m_i, which is what spdep's EBlocal computes by default (geoda = FALSE);
// that variant is offered under its own name. nb lists each area's
// neighbours by index. Areas and neighbours with a missing count or
// n ≤ 0 are left out; an area that is left out gets NaN.
func LocalEB(x, n []float64, nb [][]int, ownMean bool) []float64 {
	k := len(x)
	mean := make([]float64, k)
	hood := func(i int, f func(j int)) {
		f(i)
		for _, j := range nb[i] {
			if usable(x[j], n[j]) {
				f(j)
			}
		}
	}
	for i := 0; i < k; i++ {
		if !usable(x[i], n[i]) {
			mean[i] = math.NaN()
			continue
		}
		var xs, ns float64
		hood(i, func(j int) { xs += x[j]; ns += n[j] })
		mean[i] = xs / ns
	}
	out := make([]float64, k)
	for i := 0; i < k; i++ {
		if !usable(x[i], n[i]) {
			out[i] = math.NaN()
			continue
		}
		var c, ns float64
		cnt := 0
		hood(i, func(j int) {
			m := mean[i]
			if ownMean {
				m = mean[j]
			}
			r := x[j] / n[j]
			c += n[j] * (r - m) * (r - m)
			ns += n[j]
			cnt++
		})
		mi := mean[i]
		a := math.Max(0, c/ns-mi/(ns/float64(cnt)))
		out[i] = mi + (x[i]/n[i]-mi)*shrink(a, mi, n[i])
	}
	return out
}

// shrink is the weight a/(a + b/n) of an area's own rate; 0 when a and b
// are both 0 (no variation and no events: the area's rate is the mean).
func shrink(a, b, n float64) float64 {
	if a+b/n == 0 {
		return 0
	}
	return a / (a + b/n)
}

func usable(x, n float64) bool { return !math.IsNaN(x) && !math.IsNaN(n) && n > 0 }
