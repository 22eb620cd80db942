package smallarea

import (
	"errors"
	"math"
	"testing"

	"gonum.org/v1/gonum/mat"
)

// coefColumns returns the coefficients' columns as sae names them.
func coefColumns(cs []Coef) map[string][]float64 {
	out := map[string][]float64{}
	for _, c := range cs {
		out["beta"] = append(out["beta"], c.Estimate)
		out["se"] = append(out["se"], c.SE)
		out["t"] = append(out["t"], c.T)
		out["p"] = append(out["p"], c.P)
	}
	return out
}

// FitFH and MSE give sae's eblupFH and mseFH on milk (and on milk with
// four times its sampling variances, where σ²_u is truncated at 0), for
// REML, ML and FH.
func TestFHAgainstSae(t *testing.T) {
	want := saeResults(t)
	y, psi, x := milk(t)
	psi4 := make([]float64, len(psi))
	for i, v := range psi {
		psi4[i] = 4 * v
	}
	tests := []struct {
		model     string
		psi       []float64
		truncated bool
	}{
		{"fh", psi, false},
		{"fh_zero", psi4, true},
	}
	for _, tc := range tests {
		for _, method := range []Method{REML, ML, FH} {
			key := tc.model + "/" + method.String() + "/"
			f, err := FitFH(y, x, tc.psi, Options{Method: method})
			if err != nil {
				t.Fatalf("%s: %v", key, err)
			}
			worst := compare(t, key+"eblup", f.EBLUP, want[key+"eblup"])
			worst = math.Max(worst, compare(t, key+"mse", f.MSE(), want[key+"mse"]))
			for q, v := range coefColumns(f.Coef) {
				worst = math.Max(worst, compare(t, key+q, v, want[key+q]))
			}
			scalars := []float64{f.SigmaU2, f.LogLik, f.AIC, f.BIC, float64(f.Iterations), 1}
			for i, q := range []string{"refvar", "loglike", "AIC", "BIC", "iterations", "convergence"} {
				worst = math.Max(worst, compare(t, key+q, scalars[i:i+1], want[key+q]))
			}
			if f.Truncated != tc.truncated || !f.Converged || (len(f.Notes) > 0) != tc.truncated {
				t.Errorf("%s: truncated %v, converged %v, notes %v", key, f.Truncated, f.Converged, f.Notes)
			}
			t.Logf("%s largest relative difference to sae: %.3g", key, worst)
		}
	}
}

// As in sae, REML on milk with six times its sampling variances does not
// converge in 100 iterations: an error, and the fit says so.
func TestFHNotConverged(t *testing.T) {
	want := saeResults(t)
	y, psi, x := milk(t)
	for i := range psi {
		psi[i] *= 6
	}
	f, err := FitFH(y, x, psi, Options{})
	if err == nil || f == nil || f.Converged || f.EBLUP != nil || f.MSE() != nil {
		t.Fatalf("fit %+v, error %v", f, err)
	}
	if w := want["fh_nonconv/REML/iterations"][0]; float64(f.Iterations) != w {
		t.Errorf("%d iterations, sae %g", f.Iterations, w)
	}
}

// An area without a direct estimate gets its synthetic estimate x'β̂ and
// the MSE σ̂²_u + x'Qx; the other areas' fit is that without it.
func TestFHOutOfSample(t *testing.T) {
	y, psi, x := milk(t)
	full, err := FitFH(y, x, psi, Options{})
	if err != nil {
		t.Fatal(err)
	}
	// Area 43 removed from the data …
	n, p := x.Dims()
	sub, err := FitFH(y[:n-1], mat.DenseCopyOf(x.Slice(0, n-1, 0, p)), psi[:n-1], Options{})
	if err != nil {
		t.Fatal(err)
	}
	// … and kept without its direct estimate.
	y2 := append([]float64(nil), y...)
	y2[n-1] = math.NaN()
	out, err := FitFH(y2, x, psi, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if out.InSample[n-1] || out.Gamma[n-1] != 0 || out.EBLUP[n-1] != out.Synthetic[n-1] {
		t.Errorf("area %d: in sample %v, γ %g, EBLUP %g, synthetic %g", n-1, out.InSample[n-1], out.Gamma[n-1], out.EBLUP[n-1], out.Synthetic[n-1])
	}
	if out.SigmaU2 != sub.SigmaU2 || out.LogLik != sub.LogLik {
		t.Errorf("σ²_u %g and loglike %g, without the area %g and %g", out.SigmaU2, out.LogLik, sub.SigmaU2, sub.LogLik)
	}
	mse, subMSE := out.MSE(), sub.MSE()
	for d := 0; d < n-1; d++ {
		if !close(out.EBLUP[d], sub.EBLUP[d]) || !close(mse[d], subMSE[d]) {
			t.Errorf("area %d: EBLUP %g, MSE %g; without area %d %g, %g", d, out.EBLUP[d], mse[d], n-1, sub.EBLUP[d], subMSE[d])
		}
	}
	var beta mat.VecDense
	beta.CloneFromVec(mat.NewVecDense(p, []float64{out.Coef[0].Estimate, out.Coef[1].Estimate, out.Coef[2].Estimate, out.Coef[3].Estimate}))
	xd := x.RowView(n - 1)
	if syn := mat.Dot(xd, &beta); !close(out.EBLUP[n-1], syn) {
		t.Errorf("synthetic %g, x'β̂ %g", out.EBLUP[n-1], syn)
	}
	if w := out.SigmaU2 + mat.Inner(xd, out.q, xd); !close(mse[n-1], w) || w <= out.SigmaU2 {
		t.Errorf("MSE out of sample %g, want %g", mse[n-1], w)
	}
	// full is the fit with the area: its EBLUP differs from the synthetic.
	if full.EBLUP[n-1] == full.Synthetic[n-1] {
		t.Errorf("area %d in sample: EBLUP = synthetic %g", n-1, full.EBLUP[n-1])
	}
}

// Inputs the model cannot use are errors that name the area.
func TestFHErrors(t *testing.T) {
	y, psi, x := milk(t)
	tests := []struct {
		name string
		edit func(y, psi []float64, x *mat.Dense)
		area int // −1: not an AreaError
	}{
		{"covariate missing", func(y, psi []float64, x *mat.Dense) { x.Set(5, 2, math.NaN()) }, 5},
		{"neither", func(y, psi []float64, x *mat.Dense) { y[7] = math.NaN(); x.Set(7, 0, math.NaN()) }, 7},
		{"variance 0", func(y, psi []float64, x *mat.Dense) { psi[3] = 0 }, 3},
		{"variance NaN", func(y, psi []float64, x *mat.Dense) { psi[4] = math.NaN() }, 4},
		{"infinite estimate", func(y, psi []float64, x *mat.Dense) { y[2] = math.Inf(1) }, 2},
		{"collinear", func(y, psi []float64, x *mat.Dense) {
			for d := 0; d < len(y); d++ {
				x.Set(d, 3, 1-x.At(d, 1)-x.At(d, 2))
			}
		}, -1},
	}
	for _, tc := range tests {
		y2, psi2, x2 := append([]float64(nil), y...), append([]float64(nil), psi...), mat.DenseCopyOf(x)
		tc.edit(y2, psi2, x2)
		_, err := FitFH(y2, x2, psi2, Options{})
		var ae *AreaError
		switch {
		case err == nil:
			t.Errorf("%s: no error", tc.name)
		case tc.area >= 0 && (!errors.As(err, &ae) || ae.Area != tc.area):
			t.Errorf("%s: %v, want area %d", tc.name, err, tc.area)
		case tc.area < 0 && errors.As(err, &ae):
			t.Errorf("%s: %v names an area", tc.name, err)
		}
	}
	if _, err := FitFH(y[:3], x, psi, Options{}); err == nil {
		t.Error("3 estimates for 43 rows: no error")
	}
	if _, err := FitFH(y[:4], mat.DenseCopyOf(x.Slice(0, 4, 0, 4)), psi[:4], Options{}); err == nil {
		t.Error("4 areas for 4 coefficients: no error")
	}
	if _, err := FitFH(y, x, psi, Options{Method: Method(7)}); err == nil {
		t.Error("method 7: no error")
	}
}
