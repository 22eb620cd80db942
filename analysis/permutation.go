package analysis

import (
	"fmt"
	"math"
	"math/bits"
	"math/rand/v2"
	"sort"

	"planatlas/geo"
)

// Permutation tests. Every random draw comes from streams seeded by the
// plan's seed and a fixed block or area number, never from the order in
// which goroutines run, so the result is the same for any number of
// threads on any machine.

// permBlock is the number of global permutations drawn from one stream.
const permBlock = 250

func streamFor(seed, id uint64) *rand.Rand {
	return rand.New(rand.NewPCG(seed, 0x9e3779b97f4a7c15^id))
}

// MoranPermutation tests global Moran's I by permuting the values over
// the areas reps times: p = (M + 1)/(reps + 1) with M the number of
// permuted I at least as large as the observed (spdep's moran.mc); on
// complete weights p = 1, as every permutation gives the same I.
//
// Only the numerator z'Wz changes under permutation; it is summed over
// each pair of neighbours once, Σ_{i<j} (w_ij + w_ji) z_i z_j, four
// permutations per pass over the pairs, and the permutations are drawn by
// a Fisher–Yates shuffle (shuffle: one random word per position, no
// loop that waits for a draw) from a wyrand stream per block of 250
// permutations (seeded by the seed and the block).
func MoranPermutation(x []float64, w *geo.Weights, reps int, seed uint64) (p float64, err error) {
	s, _, err := prepare(x, w)
	if err != nil {
		return math.NaN(), err
	}
	if s.complete() {
		return 1, nil // every permutation gives the same I
	}
	z, _, _ := centred(s.x)
	e := s.edges()
	obs := e.num(z)
	tol := 1e-12 * math.Abs(obs)
	blocks := (reps + permBlock - 1) / permBlock
	counts := make([]int, blocks)
	ForEach(blocks, func(b int) {
		src := &wyrand{state: seed ^ (0x9e3779b97f4a7c15 * uint64(b+1))}
		// Four permutations per pass over the edges: the edge list is
		// read once for four sums, which halves the time on large grids.
		var zp [4][]float64
		for q := range zp {
			zp[q] = append([]float64(nil), z...)
		}
		lo, hi := b*permBlock, min(reps, (b+1)*permBlock)
		for r := lo; r < hi; r += 4 {
			k := min(4, hi-r)
			for q := 0; q < k; q++ {
				shuffle(src, zp[q])
			}
			sums := e.num4(zp)
			for q := 0; q < k; q++ {
				if sums[q] >= obs-tol {
					counts[b]++
				}
			}
		}
	})
	m := 0
	for _, c := range counts {
		m += c
	}
	return float64(m+1) / float64(reps+1), nil
}

// edgeList holds each pair of neighbours once with c = w_ij + w_ji.
type edgeList struct {
	a, b []int32
	c    []float64
}

func (s *spatial) edges() edgeList {
	nnz := 0
	for _, nb := range s.nb {
		nnz += len(nb)
	}
	e := edgeList{a: make([]int32, 0, nnz/2+1), b: make([]int32, 0, nnz/2+1), c: make([]float64, 0, nnz/2+1)}
	for i, nb := range s.nb {
		for k, j := range nb {
			if int(j) == i {
				continue
			}
			wji, symmetric := s.weightOf(int(j), int32(i))
			switch {
			case int(j) > i:
				e.a, e.b, e.c = append(e.a, int32(i)), append(e.b, j), append(e.c, s.w[i][k]+wji)
			case !symmetric:
				// j < i and i is not j's neighbour: not counted from j.
				e.a, e.b, e.c = append(e.a, int32(i)), append(e.b, j), append(e.c, s.w[i][k])
			}
		}
	}
	return e
}

// weightOf returns w_ij and whether j is a neighbour of i, by binary
// search in i's ascending neighbour list.
func (s *spatial) weightOf(i int, j int32) (float64, bool) {
	nb := s.nb[i]
	lo, hi := 0, len(nb)
	for lo < hi {
		m := (lo + hi) / 2
		if nb[m] < j {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(nb) && nb[lo] == j {
		return s.w[i][lo], true
	}
	return 0, false
}

// num returns Σ_i Σ_j w_ij z_i z_j.
func (e edgeList) num(z []float64) float64 {
	var s float64
	a, b, c := e.a, e.b[:len(e.a)], e.c[:len(e.a)]
	for k := range a {
		s += c[k] * z[a[k]] * z[b[k]]
	}
	return s
}

// num4 returns num for four value vectors in one pass. The edges come
// grouped by their first area (edges() emits them so), so z[a] is loaded
// once per area.
func (e edgeList) num4(z [4][]float64) [4]float64 {
	var s0, s1, s2, s3 float64
	a, b, c := e.a, e.b[:len(e.a)], e.c[:len(e.a)]
	z0, z1, z2, z3 := z[0], z[1], z[2], z[3]
	for k := 0; k < len(a); {
		i := a[k]
		x0, x1, x2, x3 := z0[i], z1[i], z2[i], z3[i]
		var t0, t1, t2, t3 float64
		for ; k < len(a) && a[k] == i; k++ {
			j, w := b[k], c[k]
			t0 += w * z0[j]
			t1 += w * z1[j]
			t2 += w * z2[j]
			t3 += w * z3[j]
		}
		s0 += x0 * t0
		s1 += x1 * t1
		s2 += x2 * t2
		s3 += x3 * t3
	}
	return [4]float64{s0, s1, s2, s3}
}

// wyrand is Wang Yi's wyrand generator: a Weyl sequence mixed by one
// 128-bit multiplication, fast and of good statistical quality (it passes
// BigCrush and PractRand), for the many draws of permutation tests.
type wyrand struct{ state uint64 }

func (w *wyrand) Uint64() uint64 {
	w.state += 0xa0761d6478bd642f
	hi, lo := bits.Mul64(w.state, w.state^0xe7037ed1a0b428db)
	return hi ^ lo
}

// shuffle permutes v uniformly (Fisher–Yates): position i is swapped
// with one drawn from [0, i] by below, one random word per position, so
// a shuffle of n values takes exactly n − 1 words.
func shuffle(src *wyrand, v []float64) {
	for i := len(v) - 1; i > 0; i-- {
		j := below(src.Uint64(), uint64(i+1))
		v[i], v[j] = v[j], v[i]
	}
}

// Cluster is an area's class in a LISA cluster map.
type Cluster int8

const (
	NotSignificant Cluster = iota
	HighHigh               // high value, high neighbours: a hot spot
	LowLow                 // a cold spot
	HighLow                // a high outlier among low neighbours
	LowHigh                // a low outlier among high neighbours
	NoCluster              // not tested: no value or no neighbour
)

// LISA is local Moran's I with a conditional permutation test.
type LISA struct {
	Local
	PseudoP []float64 // folded pseudo p per area; NaN if not tested
	Lag     []float64 // the spatial lag of the standardised values (Moran scatterplot)
	ZX      []float64 // the standardised values
	Cluster []Cluster
	Reps    int
}

// conditionalDraws returns reps rows of k distinct indices in [0, n − 1)
// as one flat slice, row r at [r·k, (r+1)·k): one shared set of draws for
// all areas (as esda); area i maps an index j ≥ i to j + 1, so it never
// draws itself. Sharing the draws makes each area's test exact while the
// cost stays n · reps · k.
//
// Each row is a partial Fisher–Yates shuffle of the index array
// 0, 1, …, n − 2: for t = 0, …, k − 1 position t is swapped with a
// position drawn from [t, n − 1), and the first k entries are the row,
// a uniformly random ordered sample without replacement. The swaps are
// then undone in reverse order, so the next row starts again from the
// identity. Every row takes exactly k random words, whatever the values
// drawn: no loop waits for a draw to succeed. k must be at most n − 1
// (a row cannot hold more distinct indices than there are); every
// caller draws for the neighbours of an area other than itself, of
// which there are at most n − 1 distinct ones.
func conditionalDraws(n, k, reps int, seed uint64) []int32 {
	if k > n-1 {
		panic(fmt.Sprintf("conditionalDraws: %d distinct draws from %d", k, n-1))
	}
	rng := streamFor(seed, math.MaxUint64)
	idx := make([]int32, n-1)
	for i := range idx {
		idx[i] = int32(i)
	}
	pick := make([]int32, k) // the position swapped with t
	out := make([]int32, reps*k)
	for r := 0; r < reps; r++ {
		for t := 0; t < k; t++ {
			j := t + int(below(rng.Uint64(), uint64(n-1-t)))
			pick[t] = int32(j)
			idx[t], idx[j] = idx[j], idx[t]
		}
		copy(out[r*k:], idx[:k])
		for t := k - 1; t >= 0; t-- {
			j := pick[t]
			idx[t], idx[j] = idx[j], idx[t]
		}
	}
	return out
}

// below returns ⌊u·m / 2⁶⁴⌋, a number in [0, m) from one random word u:
// Lemire's multiply-shift without its rejection step. Each result has
// probability ⌊2⁶⁴/m⌋/2⁶⁴ or ⌈2⁶⁴/m⌉/2⁶⁴, that is 1/m within a relative
// m/2⁶⁴ (5·10⁻¹⁴ for a million areas, far below any Monte Carlo error),
// and each draw takes exactly one word. (No bounded number of random bits
// gives 1/m exactly for an m that is not a power of two: every
// probability would be a multiple of 2^−bits. The rejection step that
// removes the m/2⁶⁴ is a loop without a bound.)
func below(u, m uint64) uint64 {
	hi, _ := bits.Mul64(u, m)
	return hi
}

// conditionalCounts tests each area k of s by conditional permutation of
// v: its lag L_k = w_kk v_k + Σ_{j≠k} w_kj v_j (s.lag(v)) against reps
// lags whose v_k stays and whose other neighbours' values are drawn
// without replacement from the other n − 1 values. It returns M≥ and M≤,
// the numbers of permuted lags at least and at most the observed one;
// the folded pseudo p is (min(M≥, M≤) + 1)/(reps + 1) (docs/methods.md
// section 6). Lags that differ by no more than the rounding of their
// sums, 4(K+1)u · (|w_kk v_k| + max|v| Σ_{j≠k} |w_kj|) for K neighbours
// and unit roundoff u, are ties, counted in both: the same values summed
// in another order are the same lag.
//
// An area that is full (fullRow), or has no neighbour but itself, gets
// M≥ = M≤ = reps without draws: every permuted lag is its observed one.
func conditionalCounts(s *spatial, v []float64, reps int, seed uint64) (ge, le []int) {
	n := len(v)
	obs := s.lag(v)
	var vmax float64
	for _, x := range v {
		vmax = math.Max(vmax, math.Abs(x))
	}
	kmax := 0
	var full []int
	for k := range s.nb {
		if f, _, _ := s.fullRow(k); f {
			full = append(full, k)
			continue
		}
		kmax = max(kmax, len(s.nb[k])-s.selfLinks(k))
	}
	draws := conditionalDraws(n, kmax, reps, seed)
	ge, le = make([]int, n), make([]int, n)
	ForEach(n, func(k int) {
		// The area's own term stays; the others' weights are permuted.
		var self, wsum float64
		others := make([]float64, 0, len(s.nb[k]))
		for t, j := range s.nb[k] {
			if int(j) == k {
				self += s.w[k][t] * v[k]
			} else {
				others = append(others, s.w[k][t])
				wsum += math.Abs(s.w[k][t])
			}
		}
		if len(others) == 0 || len(full) > 0 && isFull(full, k) {
			ge[k], le[k] = reps, reps
			return
		}
		tol := 4 * float64(len(s.nb[k])+1) * 0x1p-53 * (math.Abs(self) + vmax*wsum)
		var g, l int
		for r := 0; r < reps; r++ {
			row := draws[r*kmax : r*kmax+len(others)]
			sum := self
			for m, wt := range others {
				j := row[m]
				if int(j) >= k {
					j++
				}
				sum += wt * v[j]
			}
			if d := sum - obs[k]; d >= -tol {
				g++
				if d <= tol {
					l++
				}
			} else {
				l++
			}
		}
		ge[k], le[k] = g, l
	})
	return ge, le
}

// selfLinks returns 1 if area k is its own neighbour, else 0.
func (s *spatial) selfLinks(k int) int {
	for _, j := range s.nb[k] {
		if int(j) == k {
			return 1
		}
	}
	return 0
}

// isFull reports whether k is in the ascending list full.
func isFull(full []int, k int) bool {
	i := sort.SearchInts(full, k)
	return i < len(full) && full[i] == k
}

// LocalMoranPermutation computes local Moran's I (as LocalMoran) and tests
// each area by conditional permutation: its own value stays, its
// neighbours' are drawn without replacement from the other n − 1 values,
// reps times; the folded pseudo p is (min(M≥, M≤) + 1)/(reps + 1)
// (conditionalCounts; I_i = z_i/m2 · lag and the fold is symmetric, so
// the lags are compared). Areas with p < alpha are HH, LL, HL or LH by the
// signs of their value and its lag. With fdr the p-values are first
// adjusted by Benjamini–Hochberg. An area whose neighbours are all the
// other areas with equal weights (Local.Full) has pseudo p 1: the test
// cannot move its statistic.
func LocalMoranPermutation(x []float64, w *geo.Weights, reps int, seed uint64, alpha float64, fdr bool) (LISA, error) {
	loc, err := LocalMoran(x, w)
	if err != nil {
		return LISA{Local: loc}, err
	}
	s, _, _ := prepare(x, w)
	N := len(x)
	res := LISA{Local: loc, PseudoP: nanSlice(N), Lag: nanSlice(N), ZX: nanSlice(N), Cluster: make([]Cluster, N), Reps: reps}
	for i := range res.Cluster {
		res.Cluster[i] = NoCluster
	}
	z, m2, _ := centred(s.x)
	sd := math.Sqrt(m2)
	lz := s.lag(z)
	ge, le := conditionalCounts(s, z, reps, seed)
	p := make([]float64, len(z))
	for k := range p {
		p[k] = float64(min(ge[k], le[k])+1) / float64(reps+1)
	}
	q := p
	if fdr {
		q = benjaminiHochberg(p)
	}
	for k, i := range s.idx {
		res.PseudoP[i] = q[k]
		res.Lag[i] = lz[k] / sd
		res.ZX[i] = z[k] / sd
		switch {
		case q[k] >= alpha:
			res.Cluster[i] = NotSignificant
		case z[k] > 0 && lz[k] > 0:
			res.Cluster[i] = HighHigh
		case z[k] < 0 && lz[k] < 0:
			res.Cluster[i] = LowLow
		case z[k] > 0:
			res.Cluster[i] = HighLow
		default:
			res.Cluster[i] = LowHigh
		}
	}
	return res, nil
}

// GiStarPermutation computes G_i* z-scores (as LocalG with star) and a
// folded pseudo p, (min(M≥, M≤) + 1)/(reps + 1), from conditional
// permutation of the neighbours' values (the area itself stays), as
// esda's G_Local(star=True) p_sim. An area whose neighbours are all the
// other areas with equal weights (Local.Full) has pseudo p 1.
func GiStarPermutation(x []float64, w *geo.Weights, reps int, seed uint64) (Local, []float64, error) {
	ws := withSelf(w)
	s, ex, err := prepare(x, ws)
	if err != nil {
		return Local{Excluded: ex}, nil, err
	}
	N := len(x)
	loc := gScores(s, true, N)
	loc.Excluded = ex
	pp := nanSlice(N)
	ge, le := conditionalCounts(s, s.x, reps, seed)
	for k, i := range s.idx {
		pp[i] = float64(min(ge[k], le[k])+1) / float64(reps+1)
	}
	return loc, pp, nil
}

// benjaminiHochberg adjusts p-values for the false discovery rate
// (Benjamini and Hochberg 1995): q_(i) = min_{j≥i} p_(j) · m / j.
func benjaminiHochberg(p []float64) []float64 {
	m := len(p)
	order := make([]int, m)
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return p[order[a]] < p[order[b]] })
	q := make([]float64, m)
	prev := 1.0
	for r := m - 1; r >= 0; r-- {
		i := order[r]
		v := math.Min(prev, p[i]*float64(m)/float64(r+1))
		q[i] = v
		prev = v
	}
	return q
}
