package analysis

import (
	"math"
	"math/bits"
	"math/rand/v2"
	"runtime"
	"sort"
	"sync"

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

// parallel runs fn(i) for i in [0, n) over the available cores.
func parallel(n int, fn func(i int)) {
	workers := min(runtime.GOMAXPROCS(0), n)
	if workers <= 1 {
		for i := 0; i < n; i++ {
			fn(i)
		}
		return
	}
	var wg sync.WaitGroup
	next := make(chan int, workers)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				fn(i)
			}
		}()
	}
	for i := 0; i < n; i++ {
		next <- i
	}
	close(next)
	wg.Wait()
}

// MoranPermutation tests global Moran's I by permuting the values over
// the areas reps times: p = (M + 1)/(reps + 1) with M the number of
// permuted I at least as large as the observed (spdep's moran.mc).
//
// Only the numerator z'Wz changes under permutation; it is summed over
// each pair of neighbours once, Σ_{i<j} (w_ij + w_ji) z_i z_j, four
// permutations per pass over the pairs, and the permutations are drawn by
// a Fisher–Yates shuffle with Lemire's bounded integers from a wyrand
// stream per block of 250 permutations (seeded by the seed and the block).
func MoranPermutation(x []float64, w *geo.Weights, reps int, seed uint64) (p float64, err error) {
	s, _, err := prepare(x, w)
	if err != nil {
		return math.NaN(), err
	}
	z, _, _ := centred(s.x)
	e := s.edges()
	obs := e.num(z)
	tol := 1e-12 * math.Abs(obs)
	blocks := (reps + permBlock - 1) / permBlock
	counts := make([]int, blocks)
	parallel(blocks, func(b int) {
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

// shuffle permutes v uniformly (Fisher–Yates), drawing bounded integers
// by Lemire's multiply-and-shift with rejection, 32 random bits at a time.
func shuffle(src *wyrand, v []float64) {
	var bits uint64
	odd := false
	for i := len(v) - 1; i > 0; i-- {
		n := uint32(i + 1)
		for {
			var x uint32
			if odd {
				x = uint32(bits >> 32)
			} else {
				bits = src.Uint64()
				x = uint32(bits)
			}
			odd = !odd
			m := uint64(x) * uint64(n)
			if uint32(m) >= n || uint32(m) >= -n%n {
				j := m >> 32
				v[i], v[j] = v[j], v[i]
				break
			}
		}
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

// conditionalDraws returns reps rows of k distinct indices in [0, n − 1),
// one shared set of draws for all areas (as esda): area i maps an index
// j ≥ i to j + 1, so it never draws itself. Sharing the draws makes each
// area's test exact while the cost stays n · reps · k.
func conditionalDraws(n, k, reps int, seed uint64) [][]int32 {
	rng := streamFor(seed, math.MaxUint64)
	out := make([][]int32, reps)
	for r := range out {
		row := make([]int32, 0, k)
		for len(row) < k {
			j := int32(rng.IntN(n - 1))
			dup := false
			for _, v := range row {
				if v == j {
					dup = true
					break
				}
			}
			if !dup {
				row = append(row, j)
			}
		}
		out[r] = row
	}
	return out
}

// LocalMoranPermutation computes local Moran's I (as LocalMoran) and tests
// each area by conditional permutation: its own value stays, its
// neighbours' are drawn without replacement from the other n − 1 values,
// reps times; the folded pseudo p is (min(M≥, M≤) + 1)/(reps + 1). Areas
// with p < alpha are HH, LL, HL or LH by the signs of their value and its
// lag. With fdr the p-values are first adjusted by Benjamini–Hochberg.
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
	kmax := 0
	for _, nb := range s.nb {
		kmax = max(kmax, len(nb))
	}
	draws := conditionalDraws(len(z), kmax, reps, seed)
	p := make([]float64, len(z))
	parallel(len(z), func(k int) {
		nb, wt := s.nb[k], s.w[k]
		obs := lz[k]
		var ge, le int
		for _, row := range draws {
			var l float64
			for m := range nb {
				j := row[m]
				if int(j) >= k {
					j++
				}
				l += wt[m] * z[j]
			}
			// I_i = z_i/m2 · lag: compare lags in the direction of z_i.
			if z[k] >= 0 {
				if l >= obs {
					ge++
				}
				if l <= obs {
					le++
				}
			} else {
				if l <= obs {
					ge++
				}
				if l >= obs {
					le++
				}
			}
		}
		p[k] = float64(min(ge, le)+1) / float64(reps+1)
	})
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
// folded pseudo p from conditional permutation of the neighbours' values
// (the area itself stays), as esda's G_Local.
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
	lx := s.lag(s.x)
	kmax := 0
	for _, nb := range s.nb {
		kmax = max(kmax, len(nb))
	}
	draws := conditionalDraws(len(s.x), kmax, reps, seed)
	p := make([]float64, len(s.x))
	parallel(len(s.x), func(k int) {
		// The area's own weight and the others', apart.
		var self float64
		others := make([]float64, 0, len(s.nb[k]))
		for t, j := range s.nb[k] {
			if int(j) == k {
				self = s.w[k][t] * s.x[k]
			} else {
				others = append(others, s.w[k][t])
			}
		}
		var ge, le int
		for _, row := range draws {
			l := self
			for m, wt := range others {
				j := row[m]
				if int(j) >= k {
					j++
				}
				l += wt * s.x[j]
			}
			if l >= lx[k] {
				ge++
			}
			if l <= lx[k] {
				le++
			}
		}
		p[k] = float64(min(ge, le)+1) / float64(reps+1)
	})
	for k, i := range s.idx {
		pp[i] = p[k]
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
