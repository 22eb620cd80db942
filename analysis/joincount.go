package analysis

import (
	"fmt"
	"math"

	"planatlas/geo"
)

// JoinCount is one row of a join-count test: the joins between areas of
// classes A and B (A = B: same-class joins), with their expectation,
// variance and z under non-free sampling.
type JoinCount struct {
	A, B     int // classes, 1-based; 0, 0 for the total of different-class joins
	Count    float64
	Expected float64
	Variance float64
	Z        float64
}

// JoinCounts tests classes (1..k, one per area) for spatial clustering:
// joins between areas of the same class (k rows), of different classes
// (k(k−1)/2 rows, B < A), and all joins between different classes (the
// last row), as spdep's joincount.multi (Cliff and Ord 1981), with the
// weights taken as they are (binary weights count joins). On complete
// weights the counts are fixed: variance 0, z NaN.
func JoinCounts(classes []int, w *geo.Weights) ([]JoinCount, error) {
	x := make([]float64, len(classes))
	k := 0
	for i, c := range classes {
		if c < 1 {
			x[i] = math.NaN()
			continue
		}
		x[i] = float64(c)
		k = max(k, c)
	}
	if k < 2 {
		return nil, fmt.Errorf("join counts need at least two classes")
	}
	s, _, err := prepare(x, w)
	if err != nil {
		return nil, err
	}
	cls := make([]int, len(s.x))
	nt := make([]float64, k+1)
	for i, v := range s.x {
		cls[i] = int(v)
		nt[cls[i]]++
	}
	res := make([][]float64, k+1)
	for a := range res {
		res[a] = make([]float64, k+1)
	}
	for i, nb := range s.nb {
		for m, j := range nb {
			res[cls[i]][cls[j]] += s.w[i][m] / 2
		}
	}
	N, n1, n2, n3 := s.n, s.n-1, s.n-2, s.n-3
	S0, S1, S2 := s.S0, s.S1, s.S2
	S02 := S0 * S0
	var out []JoinCount
	for a := 1; a <= k; a++ {
		na := nt[a]
		e := S0 * na * (na - 1) / (2 * N * n1)
		v := S1 * na * (na - 1) / (N * n1)
		v += (S2 - 2*S1) * na * (na - 1) * (na - 2) / (N * n1 * n2)
		v += (S02 + S1 - S2) * na * (na - 1) * (na - 2) * (na - 3) / (N * n1 * n2 * n3)
		v = 0.25*v - e*e
		out = append(out, JoinCount{A: a, B: a, Count: res[a][a], Expected: e, Variance: v, Z: (res[a][a] - e) / math.Sqrt(v)})
	}
	var jtot, etot, prodSum, prodSqSum float64
	for a := 2; a <= k; a++ {
		for b := 1; b < a; b++ {
			c := res[a][b] + res[b][a]
			p, sm := nt[a]*nt[b], nt[a]+nt[b]
			e := S0 * p / (N * n1)
			v := 2 * S1 * p / (N * n1)
			v += (S2 - 2*S1) * p * (sm - 2) / (N * n1 * n2)
			v += 4 * (S02 + S1 - S2) * (nt[a] * (nt[a] - 1)) * (nt[b] * (nt[b] - 1)) / (N * n1 * n2 * n3)
			v = 0.25*v - e*e
			out = append(out, JoinCount{A: a, B: b, Count: c, Expected: e, Variance: v, Z: (c - e) / math.Sqrt(v)})
			jtot += c
			etot += e
			prodSum += p
			prodSqSum += nt[a] * nt[a] * nt[b] * nt[b]
		}
	}
	jv := (S2/(N*n1) - 4*(S02+S1-S2)*n1/(N*n1*n2*n3)) * prodSum
	jv += 4 * ((S1-S2)/(N*n1*n2*n3) + 2*S02*(2*N-3)/((N*n1)*(N*n1*n2*n3))) * prodSqSum
	if k > 2 {
		var t float64
		for r := 1; r <= k-2; r++ {
			for q := r + 1; q <= k-1; q++ {
				for u := q + 1; u <= k; u++ {
					t += nt[r] * nt[q] * nt[u]
				}
			}
		}
		jv += ((2*S1-5*S2)/(N*n1*n2) + 12*(S02+S1-S2)/(N*n1*n2*n3) + 8*S02/((N*n1*n2)*n1)) * t
	}
	if k > 3 {
		var t float64
		for r := 1; r <= k-3; r++ {
			for q := r + 1; q <= k-2; q++ {
				for u := q + 1; u <= k-1; u++ {
					for v := u + 1; v <= k; v++ {
						t += nt[r] * nt[q] * nt[u] * nt[v]
					}
				}
			}
		}
		jv -= 8 * ((S1-S2)/(N*n1*n2*n3) + 2*S02*(2*N-3)/((N*n1)*(N*n1*n2*n3))) * t
	}
	jv *= 0.25
	out = append(out, JoinCount{Count: jtot, Expected: etot, Variance: jv, Z: (jtot - etot) / math.Sqrt(jv)})
	if s.complete() {
		// Every pair is joined: the counts are fixed by the class sizes.
		for i := range out {
			out[i].Expected, out[i].Variance, out[i].Z = out[i].Count, 0, math.NaN()
		}
	}
	return out, nil
}
