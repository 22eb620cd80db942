package smallarea

import (
	"errors"
	"math"
	"testing"

	"gonum.org/v1/gonum/mat"
)

// FitSFH and its MSE give sae's eblupSFH and mseSFH on grapes with
// grapesprox, for REML and ML.
func TestSFHAgainstSae(t *testing.T) {
	want := saeResults(t)
	y, psi, x, w := grapes(t)
	for _, method := range []Method{REML, ML} {
		key := "sfh/" + method.String() + "/"
		f, err := FitSFH(y, x, psi, w, Options{Method: method})
		if err != nil {
			t.Fatalf("%s: %v", key, err)
		}
		mse, err := f.MSE()
		if err != nil {
			t.Fatalf("%s: %v", key, err)
		}
		worst := compare(t, key+"eblup", f.EBLUP, want[key+"eblup"])
		worst = math.Max(worst, compare(t, key+"mse", mse, want[key+"mse"]))
		for q, v := range coefColumns(f.Coef) {
			worst = math.Max(worst, compare(t, key+q, v, want[key+q]))
		}
		scalars := []float64{f.SigmaU2, f.Rho, f.LogLik, f.AIC, f.BIC, float64(f.Iterations), 1}
		for i, q := range []string{"refvar", "spatialcorr", "loglike", "AIC", "BIC", "iterations", "convergence"} {
			worst = math.Max(worst, compare(t, key+q, scalars[i:i+1], want[key+q]))
		}
		if f.Truncated || !f.Converged || len(f.Notes) > 0 {
			t.Errorf("%s: truncated %v, converged %v, notes %v", key, f.Truncated, f.Converged, f.Notes)
		}
		t.Logf("%s largest relative difference to sae: %.3g", key, worst)
	}
}

// Inputs the spatial model cannot use are errors.
func TestSFHErrors(t *testing.T) {
	y, psi, x, w := grapes(t)
	y2 := append([]float64(nil), y...)
	y2[9] = math.NaN()
	var ae *AreaError
	if _, err := FitSFH(y2, x, psi, w, Options{}); !errors.As(err, &ae) || ae.Area != 9 {
		t.Errorf("area 9 without a direct estimate: %v", err)
	}
	w2 := mat.DenseCopyOf(w)
	w2.Set(4, 7, math.NaN())
	if _, err := FitSFH(y, x, psi, w2, Options{}); !errors.As(err, &ae) || ae.Area != 4 {
		t.Errorf("proximity NaN in row 4: %v", err)
	}
	if _, err := FitSFH(y, x, psi, mat.NewDense(3, 3, nil), Options{}); err == nil {
		t.Error("3×3 proximity matrix for 274 areas: no error")
	}
	if _, err := FitSFH(y, x, psi, w, Options{Method: FH}); err == nil {
		t.Error("method FH: no error")
	}
	f, err := FitSFH(y, x, psi, w, Options{MaxIter: 2})
	if err == nil || f.Converged || f.Iterations != 2 {
		t.Errorf("2 iterations: converged %v after %d, error %v", f.Converged, f.Iterations, err)
	}
}

// neighbours is a sparse proximity matrix: row i's neighbours and
// weights.
type neighbours struct {
	to [][]int
	w  [][]float64
}

func (n neighbours) Dims() (int, int) { return len(n.to), len(n.to) }

func (n neighbours) At(i, j int) float64 {
	for k, t := range n.to[i] {
		if t == j {
			return n.w[i][k]
		}
	}
	return 0
}

func (n neighbours) T() mat.Matrix { return mat.Transpose{Matrix: n} }

// A sparse proximity matrix (any mat.Matrix) gives the dense one's fit.
func TestSFHSparseWeights(t *testing.T) {
	y, psi, x, w := grapes(t)
	m := len(y)
	n := neighbours{to: make([][]int, m), w: make([][]float64, m)}
	for i := 0; i < m; i++ {
		for j := 0; j < m; j++ {
			if v := w.At(i, j); v != 0 {
				n.to[i] = append(n.to[i], j)
				n.w[i] = append(n.w[i], v)
			}
		}
	}
	dense, err := FitSFH(y, x, psi, w, Options{})
	if err != nil {
		t.Fatal(err)
	}
	sp, err := FitSFH(y, x, psi, n, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if sp.SigmaU2 != dense.SigmaU2 || sp.Rho != dense.Rho {
		t.Errorf("sparse: σ²_u %g, ρ %g; dense %g, %g", sp.SigmaU2, sp.Rho, dense.SigmaU2, dense.Rho)
	}
	for d := range y {
		if sp.EBLUP[d] != dense.EBLUP[d] {
			t.Errorf("area %d: sparse %g, dense %g", d, sp.EBLUP[d], dense.EBLUP[d])
		}
	}
}
