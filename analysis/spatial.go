package analysis

import (
	"errors"
	"fmt"
	"math"
	"sort"

	"gonum.org/v1/gonum/stat/distuv"

	"planatlas/geo"
)

// Spatial statistics on one variable over the areas and their weights
// (docs/methods.md section 6), as R spdep computes them. Areas without a value
// or without a neighbour with a value take no part: they are listed in
// Excluded and get no local statistic, and n counts only the others.

// spatial is the data of a statistic: the values of the areas that take
// part and their weights among themselves, restyled as the weights were.
type spatial struct {
	idx        []int // original area positions
	x          []float64
	nb         [][]int32
	w          [][]float64
	n          float64
	S0, S1, S2 float64
}

// Excluded lists areas left out of a statistic and why.
type Excluded struct {
	Missing []int // no value
	Islands []int // no neighbour with a value
}

func prepare(x []float64, w *geo.Weights) (*spatial, Excluded, error) {
	if len(x) != w.Len() {
		return nil, Excluded{}, fmt.Errorf("%d values for %d areas in the weights", len(x), w.Len())
	}
	var ex Excluded
	in := make([]bool, len(x))
	for i, v := range x {
		in[i] = !math.IsNaN(v)
		if !in[i] {
			ex.Missing = append(ex.Missing, i)
		}
	}
	// An area whose neighbours all lack values is an island here.
	for i := range x {
		if !in[i] {
			continue
		}
		has := false
		for _, j := range w.Neighbours[i] {
			if in[j] {
				has = true
				break
			}
		}
		if !has {
			in[i] = false
			ex.Islands = append(ex.Islands, i)
		}
	}
	pos := make([]int, len(x))
	s := &spatial{}
	for i := range x {
		pos[i] = -1
		if in[i] {
			pos[i] = len(s.idx)
			s.idx = append(s.idx, i)
			s.x = append(s.x, x[i])
		}
	}
	restyle := len(s.idx) != len(x)
	// Neighbours and weights in two contiguous arrays (CSR); nb[i] and
	// w[i] are views into them.
	start := make([]int, len(s.idx)+1)
	var nbr []int32
	var wts []float64
	for k, i := range s.idx {
		for m, j := range w.Neighbours[i] {
			switch {
			case pos[j] < 0:
			case len(nbr) > start[k] && nbr[len(nbr)-1] == int32(pos[j]):
				// A neighbour listed twice (a GAL line may repeat
				// one) is one neighbour with both weights, so that
				// no area has more distinct neighbours than n − 1.
				wts[len(wts)-1] += w.Values[i][m]
			default:
				nbr = append(nbr, int32(pos[j]))
				wts = append(wts, w.Values[i][m])
			}
		}
		start[k+1] = len(nbr)
		if restyle && w.Style == geo.RowStandardised {
			var sum float64
			for _, v := range wts[start[k]:] {
				sum += v
			}
			for m := start[k]; m < len(wts); m++ {
				wts[m] /= sum
			}
		}
	}
	s.nb, s.w = make([][]int32, len(s.idx)), make([][]float64, len(s.idx))
	for k := range s.idx {
		s.nb[k], s.w[k] = nbr[start[k]:start[k+1]], wts[start[k]:start[k+1]]
	}
	s.n = float64(len(s.idx))
	if s.n < 4 {
		return nil, ex, fmt.Errorf("%d areas with a value and a neighbour; spatial statistics need at least 4", len(s.idx))
	}
	// S0 = ΣΣ w_ij, S1 = ½ ΣΣ (w_ij + w_ji)², S2 = Σ_i (w_i· + w_·i)².
	// Neighbour lists are ascending, so w_ji is found by binary search.
	col := make([]float64, len(s.idx))
	for i, nb := range s.nb {
		for k, j := range nb {
			s.S0 += s.w[i][k]
			col[j] += s.w[i][k]
		}
	}
	for i, nb := range s.nb {
		var row float64
		for k, j := range nb {
			row += s.w[i][k]
			back := s.nb[j]
			m := sort.Search(len(back), func(q int) bool { return back[q] >= int32(i) })
			wji := 0.0
			if m < len(back) && back[m] == int32(i) {
				wji = s.w[j][m]
			}
			t := s.w[i][k] + wji
			s.S1 += t * t
		}
		s.S2 += (row + col[i]) * (row + col[i])
	}
	s.S1 /= 2
	return s, ex, nil
}

// fullRow reports whether area k's neighbours, itself apart, are all
// the other n − 1 areas with one and the same weight w (a star's centre;
// a distance band covering the city), and returns the weight w_kk of a
// self-link (0 without) and w. Such an area's lag is w_kk v_k + w Σ_{j≠k} v_j
// whatever the order of the others' values: randomisation that keeps v_k
// cannot change it. Neighbour lists are ascending without repeats.
func (s *spatial) fullRow(k int) (full bool, self, w float64) {
	others := 0
	for t, j := range s.nb[k] {
		if int(j) == k {
			self = s.w[k][t]
			continue
		}
		if others == 0 {
			w = s.w[k][t]
		} else if s.w[k][t] != w {
			return false, self, w
		}
		others++
	}
	return others == len(s.nb)-1, self, w
}

// complete reports whether every area's neighbours are all the other
// areas, with one weight for all and no self-links (a distance band
// covering the city). Every permutation of the values then gives the
// same global statistic: Moran's I = −1/(n − 1), Geary's C = 1, General
// G = w and the join counts are fixed by the class sizes, their
// variances are 0 and their z undefined.
func (s *spatial) complete() bool {
	var w0 float64
	for k := range s.nb {
		full, self, w := s.fullRow(k)
		if !full || self != 0 || (k > 0 && w != w0) {
			return false
		}
		w0 = w
	}
	return true
}

// degenerate sets the variances of g to 0 and its z and p to NaN, for
// complete weights.
func (g *Global) degenerate() {
	g.VarNorm, g.VarRand = 0, 0
	g.ZNorm, g.ZRand, g.PNorm, g.PRand = math.NaN(), math.NaN(), math.NaN(), math.NaN()
}

// lag returns Σ_j w_ij v_j for every area.
func (s *spatial) lag(v []float64) []float64 {
	out := make([]float64, len(v))
	for i, nb := range s.nb {
		var l float64
		for k, j := range nb {
			l += s.w[i][k] * v[j]
		}
		out[i] = l
	}
	return out
}

// centred returns z = x − x̄, m2 = Σz²/n and m4 = Σz⁴/n.
func centred(x []float64) (z []float64, m2, m4 float64) {
	var mean float64
	for _, v := range x {
		mean += v
	}
	n := float64(len(x))
	mean /= n
	z = make([]float64, len(x))
	for i, v := range x {
		z[i] = v - mean
		m2 += z[i] * z[i]
		m4 += z[i] * z[i] * z[i] * z[i]
	}
	return z, m2 / n, m4 / n
}

// Global is a global statistic with its moments under the two
// assumptions of Cliff and Ord (1981): normality and randomisation.
// On complete weights (every area a neighbour of every other with one
// weight) no permutation can change the statistic: the variances are 0
// and z and p NaN, not the quotient of two rounding errors.
type Global struct {
	Stat     float64
	E        float64
	VarNorm  float64
	VarRand  float64
	ZNorm    float64
	ZRand    float64
	PNorm    float64 // one-sided, as spdep's default alternative "greater"
	PRand    float64
	N        int
	Excluded Excluded
}

func upper(z float64) float64 { return 1 - distuv.UnitNormal.CDF(z) }

// Moran computes global Moran's I,
//
//	I = (n/S0) · Σ_i Σ_j w_ij z_i z_j / Σ z_i²,  E[I] = −1/(n − 1),
//
// with its variance under normality and under randomisation (Cliff and
// Ord 1981, as spdep's moran.test), z and one-sided p.
func Moran(x []float64, w *geo.Weights) (Global, error) {
	s, ex, err := prepare(x, w)
	if err != nil {
		return Global{Excluded: ex}, err
	}
	z, m2, m4 := centred(s.x)
	lz := s.lag(z)
	var num float64
	for i := range z {
		num += z[i] * lz[i]
	}
	n := s.n
	g := Global{N: len(z), Excluded: ex}
	g.Stat = n / s.S0 * num / (m2 * n)
	g.E = -1 / (n - 1)
	S02 := s.S0 * s.S0
	g.VarNorm = (n*n*s.S1-n*s.S2+3*S02)/(S02*(n*n-1)) - g.E*g.E
	b2 := m4 / (m2 * m2)
	g.VarRand = (n*((n*n-3*n+3)*s.S1-n*s.S2+3*S02)-b2*((n*n-n)*s.S1-2*n*s.S2+6*S02))/((n-1)*(n-2)*(n-3)*S02) - g.E*g.E
	g.ZNorm = (g.Stat - g.E) / math.Sqrt(g.VarNorm)
	g.ZRand = (g.Stat - g.E) / math.Sqrt(g.VarRand)
	g.PNorm, g.PRand = upper(g.ZNorm), upper(g.ZRand)
	if s.complete() {
		g.degenerate()
	}
	return g, nil
}

// Geary computes Geary's C,
//
//	C = (n − 1) Σ_i Σ_j w_ij (x_i − x_j)² / (2 S0 Σ z_i²),  E[C] = 1,
//
// with both variances (spdep's geary.test); z = (1 − C)/√Var, so that a
// positive z, as for Moran's I, means positive autocorrelation.
func Geary(x []float64, w *geo.Weights) (Global, error) {
	s, ex, err := prepare(x, w)
	if err != nil {
		return Global{Excluded: ex}, err
	}
	z, m2, m4 := centred(s.x)
	var num float64
	for i, nb := range s.nb {
		for k, j := range nb {
			d := s.x[i] - s.x[j]
			num += s.w[i][k] * d * d
		}
	}
	n := s.n
	g := Global{N: len(z), Excluded: ex, E: 1}
	g.Stat = (n - 1) * num / (2 * s.S0 * m2 * n)
	S02 := s.S0 * s.S0
	g.VarNorm = ((2*s.S1+s.S2)*(n-1) - 4*S02) / (2 * (n + 1) * S02)
	b2 := m4 / (m2 * m2)
	g.VarRand = ((n-1)*s.S1*(n*n-3*n+3-(n-1)*b2) - 0.25*(n-1)*s.S2*(n*n+3*n-6-(n*n-n+2)*b2) + S02*(n*n-3-(n-1)*(n-1)*b2)) / (n * (n - 2) * (n - 3) * S02)
	g.ZNorm = (g.E - g.Stat) / math.Sqrt(g.VarNorm)
	g.ZRand = (g.E - g.Stat) / math.Sqrt(g.VarRand)
	g.PNorm, g.PRand = upper(g.ZNorm), upper(g.ZRand)
	if s.complete() {
		g.degenerate()
	}
	return g, nil
}

// GeneralG computes Getis and Ord's (1992) General G for non-negative
// values, G = Σ_i Σ_{j≠i} w_ij x_i x_j / Σ_i Σ_{j≠i} x_i x_j, with
// E[G] = S0/(n(n − 1)) and its variance under randomisation (spdep's
// globalG.test; the result is in VarRand, ZRand, PRand). Binary weights
// are the usual choice.
func GeneralG(x []float64, w *geo.Weights) (Global, error) {
	s, ex, err := prepare(x, w)
	if err != nil {
		return Global{Excluded: ex}, err
	}
	var m1, m2, m3, m4 float64
	for _, v := range s.x {
		if v < 0 {
			return Global{Excluded: ex}, errors.New("the statistic General G needs values of at least 0")
		}
		m1 += v
		m2 += v * v
		m3 += v * v * v
		m4 += v * v * v * v
	}
	lx := s.lag(s.x)
	var num float64
	for i := range s.x {
		num += s.x[i] * lx[i]
	}
	n := s.n
	g := Global{N: len(s.x), Excluded: ex}
	g.Stat = num / (m1*m1 - m2)
	g.E = s.S0 / (n * (n - 1))
	S0, S1, S2 := s.S0, s.S1, s.S2
	b0 := (n*n-3*n+3)*S1 - n*S2 + 3*S0*S0
	b1 := -((n*n-n)*S1 - 2*n*S2 + 6*S0*S0)
	b2 := -(2*n*S1 - (n+3)*S2 + 6*S0*S0)
	b3 := 4*(n-1)*S1 - 2*(n+1)*S2 + 8*S0*S0
	b4 := S1 - S2 + S0*S0
	eg2 := (b0*m2*m2 + b1*m4 + b2*m1*m1*m2 + b3*m1*m3 + b4*m1*m1*m1*m1) / ((m1*m1 - m2) * (m1*m1 - m2) * n * (n - 1) * (n - 2) * (n - 3))
	g.VarRand = eg2 - g.E*g.E
	g.ZRand = (g.Stat - g.E) / math.Sqrt(g.VarRand)
	g.PRand = upper(g.ZRand)
	g.VarNorm, g.ZNorm, g.PNorm = math.NaN(), math.NaN(), math.NaN()
	if s.complete() {
		g.degenerate()
		g.VarNorm = math.NaN()
	}
	return g, nil
}

// EBMoran is Moran's I of rates after the empirical Bayes
// standardisation of Assunção and Reis (1999), as spdep's EBImoran.mc:
// with the global empirical Bayes parameters b = Σx/Σn and a (floored at
// 0), z_i = (r_i − b)/√(a + b/n_i), and the statistic is Moran's I of z.
func EBMoran(events, pop []float64, w *geo.Weights) (float64, error) {
	var xs, ns float64
	m := 0.0
	for i := range events {
		if !math.IsNaN(events[i]) && pop[i] > 0 {
			xs += events[i]
			ns += pop[i]
			m++
		}
	}
	b := xs / ns
	var s2 float64
	for i := range events {
		if !math.IsNaN(events[i]) && pop[i] > 0 {
			r := events[i] / pop[i]
			s2 += pop[i] * (r - b) * (r - b) / ns
		}
	}
	a := math.Max(s2-b/(ns/m), 0)
	z := make([]float64, len(events))
	for i := range events {
		z[i] = math.NaN()
		if !math.IsNaN(events[i]) && pop[i] > 0 {
			v := a + b/pop[i]
			if v < 0 {
				v = b / pop[i]
			}
			z[i] = (events[i]/pop[i] - b) / math.Sqrt(v)
		}
	}
	g, err := Moran(z, w)
	return g.Stat, err
}

// BivariateMoran is the global bivariate Moran's I of x against the
// spatial lag of y: Σ_i zx_i · (W zy)_i / n with both standardised by
// their population standard deviation (as GeoDa).
func BivariateMoran(x, y []float64, w *geo.Weights) (float64, error) {
	both := make([]float64, len(x))
	for i := range x {
		both[i] = x[i] + y[i] // NaN where either is missing
	}
	s, _, err := prepare(both, w)
	if err != nil {
		return math.NaN(), err
	}
	xs, ys := make([]float64, len(s.idx)), make([]float64, len(s.idx))
	for k, i := range s.idx {
		xs[k], ys[k] = x[i], y[i]
	}
	zx, _, _, _ := ZScores(xs, false)
	zy, _, _, _ := ZScores(ys, false)
	ly := s.lag(zy)
	var sum float64
	for i := range zx {
		sum += zx[i] * ly[i]
	}
	return sum / s.n, nil
}
