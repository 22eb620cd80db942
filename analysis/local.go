package analysis

import (
	"math"

	"gonum.org/v1/gonum/stat/distuv"

	"planatlas/geo"
)

// Local holds a local statistic per area (in the weights' area order):
// NaN for areas that take no part (see Excluded).
type Local struct {
	Stat     []float64 // I_i, or G_i as a z-score for Getis–Ord
	E, Var   []float64 // analytic moments (local Moran); nil for G
	Z, P     []float64 // z and two-sided p from the moments
	Excluded Excluded
	// Full lists the areas whose neighbours, themselves apart, are all
	// the other areas with equal weights (the centre of a star; every
	// area under a distance band covering the city), ascending. Their
	// lag is the same sum of the same values whatever the draw, so the
	// statistic cannot vary under randomisation that keeps their own
	// value: the conditional permutation test gives pseudo p = 1
	// exactly, and where the analytic variance is 0 as well (local
	// Moran, G_i, G_i* with the self-weight equal to the others') z and
	// P are NaN, not the quotient of two rounding errors.
	Full []int
}

func nanSlice(n int) []float64 {
	s := make([]float64, n)
	for i := range s {
		s[i] = math.NaN()
	}
	return s
}

// LocalMoran computes local Moran's I_i = (z_i/m2) Σ_j w_ij z_j with
// m2 = Σz²/n, and its conditional expectation and variance under
// randomisation (Sokal et al. 1998), as spdep's localmoran (conditional,
// mlvar); z and two-sided p. esda's I_i is this times (n − 1)/n.
func LocalMoran(x []float64, w *geo.Weights) (Local, error) {
	s, ex, err := prepare(x, w)
	if err != nil {
		return Local{Excluded: ex}, err
	}
	N := len(x)
	l := Local{Stat: nanSlice(N), E: nanSlice(N), Var: nanSlice(N), Z: nanSlice(N), P: nanSlice(N), Excluded: ex}
	z, m2, _ := centred(s.x)
	lz := s.lag(z)
	n := s.n
	for k, i := range s.idx {
		var wi, wi2 float64
		for _, v := range s.w[k] {
			wi += v
			wi2 += v * v
		}
		ii := z[k] / m2 * lz[k]
		e := -(z[k] * z[k] * wi) / ((n - 1) * m2)
		v := (z[k] / m2) * (z[k] / m2) * (n / (n - 2)) * (wi2 - wi*wi/(n-1)) * (m2 - z[k]*z[k]/(n-1))
		l.Stat[i], l.E[i], l.Var[i] = ii, e, v
		l.Z[i] = (ii - e) / math.Sqrt(v)
		l.P[i] = 2 * distuv.UnitNormal.CDF(-math.Abs(l.Z[i]))
		if full, self, _ := s.fullRow(k); full {
			l.Full = append(l.Full, i)
			if self == 0 {
				// w_i² = (n − 1) w², W_i² = (n − 1)² w²: the variance is
				// 0 and I_i = E_i exactly.
				l.Var[i], l.Z[i], l.P[i] = 0, math.NaN(), math.NaN()
			}
		}
	}
	return l, nil
}

// LocalG computes Getis and Ord's G_i (star = false: the area itself
// left out) or G_i* (star = true: included, with weight 1 before the
// weights' style is applied) as z-scores (Ord and Getis 1995, as spdep's
// localG; for G_i* the weights are the neighbours with the area itself,
// include.self):
//
//	G_i:  z = (Σ_j w_ij x_j − W_i x̄_i) / (s_i √(((n−1) S1_i − W_i²)/(n − 2)))
//	G_i*: z = (Σ_j w_ij x_j − W_i x̄) / (s √((n S1_i − W_i²)/(n − 1)))
//
// with x̄_i, s_i² the mean and variance of the values other than x_i.
func LocalG(x []float64, w *geo.Weights, star bool) (Local, error) {
	if star {
		w = withSelf(w)
	}
	s, ex, err := prepare(x, w)
	if err != nil {
		return Local{Excluded: ex}, err
	}
	l := gScores(s, star, len(x))
	l.Excluded = ex
	return l, nil
}

// gScores computes the G_i or G_i* z-scores on prepared data.
func gScores(s *spatial, star bool, N int) Local {
	l := Local{Stat: nanSlice(N), Z: nanSlice(N), P: nanSlice(N)}
	n := s.n
	var sum, sum2 float64
	for _, v := range s.x {
		sum += v
		sum2 += v * v
	}
	lx := s.lag(s.x)
	mean := sum / n
	var ss float64
	for _, v := range s.x {
		ss += (v - mean) * (v - mean)
	}
	for k, i := range s.idx {
		var wi, s1 float64
		for _, v := range s.w[k] {
			wi += v
			s1 += v * v
		}
		var z float64
		if star {
			si2 := ss / n
			z = (lx[k] - wi*mean) / math.Sqrt(si2*(n*s1-wi*wi)/(n-1))
		} else {
			xi := s.x[k]
			xbar := (sum - xi) / (n - 1)
			si2 := (sum2-xi*xi)/(n-1) - xbar*xbar
			z = (lx[k] - wi*xbar) / math.Sqrt(si2*((n-1)*s1-wi*wi)/(n-2))
		}
		l.Stat[i], l.Z[i] = z, z
		l.P[i] = 2 * distuv.UnitNormal.CDF(-math.Abs(z))
		if full, self, w := s.fullRow(k); full {
			l.Full = append(l.Full, i)
			// G_i: (n−1) S1 − W² = 0; G_i*: n S1 − W² = (n − 1)(w_ii − w)².
			if (star && self == w) || (!star && self == 0) {
				l.Stat[i], l.Z[i], l.P[i] = math.NaN(), math.NaN(), math.NaN()
			}
		}
	}
	return l
}

// withSelf returns the weights with every area its own neighbour, with
// weight 1 before the style (spdep's include.self, then nb2listw); an
// area that already is its own neighbour stays so once.
func withSelf(w *geo.Weights) *geo.Weights {
	nb := make(geo.Neighbours, w.Len())
	for i, row := range w.Neighbours {
		r := make([]int, 0, len(row)+1)
		added := false
		for _, j := range row {
			if j == i {
				if added {
					continue
				}
				added = true
			}
			if !added && j > i {
				r = append(r, i)
				added = true
			}
			r = append(r, j)
		}
		if !added {
			r = append(r, i)
		}
		nb[i] = r
	}
	return geo.NewWeights(w.Keys, nb, w.Kind+" with self", w.Style)
}
