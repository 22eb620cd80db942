package indicators

import (
	"errors"
	"math"

	"gonum.org/v1/gonum/mat"
)

// dependencies returns a basis of the vectors c with Σ_v c_v·member_v = 0:
// the left null space of the membership matrix, by nullSpace.
func dependencies(member [][]bool, nullSpace func(*mat.Dense) ([][]float64, error)) ([][]float64, error) {
	nv := len(member)
	if nv < 2 || len(member[0]) == 0 {
		return nil, nil
	}
	na := len(member[0])
	m := mat.NewDense(na, nv, nil) // transposed: atoms × variables
	for v := range member {
		for a, in := range member[v] {
			if in {
				m.Set(a, v, 1)
			}
		}
	}
	return nullSpace(m)
}

// errSVD reports that the singular value decomposition failed.
var errSVD = errors.New("SVD did not converge")

// nullSpace returns an orthonormal basis of {z : A z = 0}: the right
// singular vectors of A whose singular values are at most 1e-9 times the
// largest (at least 1), as in Golub and Van Loan, Matrix Computations,
// section 5.4. It returns an error wrapping errSVD if the SVD does not
// converge or gives a singular value that is not finite (A holds NaN or
// ±Inf).
func nullSpace(a *mat.Dense) ([][]float64, error) {
	_, c := a.Dims()
	var svd mat.SVD
	if !svd.Factorize(a, mat.SVDFullV) {
		return nil, errSVD
	}
	sv := svd.Values(nil)
	for _, x := range sv {
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return nil, errSVD
		}
	}
	var v mat.Dense
	svd.VTo(&v)
	tol := 1e-9 * math.Max(1, maxAbs(sv))
	rank := 0
	for _, x := range sv {
		if x > tol {
			rank++
		}
	}
	var out [][]float64
	for j := rank; j < c; j++ {
		z := make([]float64, c)
		for i := 0; i < c; i++ {
			z[i] = v.At(i, j)
		}
		out = append(out, z)
	}
	return out, nil
}

func maxAbs(x []float64) float64 {
	m := 0.0
	for _, v := range x {
		m = math.Max(m, math.Abs(v))
	}
	return m
}
