package survey

import (
	"math"

	"gonum.org/v1/gonum/mat"

	"planatlas/lang"
)

// CalFun is the distance function of calibration (Deville and Särndal
// 1992), given by the inverse F of its derivative: g = F(x'λ).
type CalFun int

const (
	// Linear is the chi-square distance, F(u) = 1 + u: the generalised
	// regression (GREG) estimator.
	Linear CalFun = iota
	// Raking is the multiplicative distance, F(u) = e^u.
	Raking
)

// CalibrateOptions control Calibrate; the zero value is R's default
// (linear, no bounds, 50 iterations, tolerance 1e-7).
type CalibrateOptions struct {
	CalFun CalFun
	// Lower and Upper bound the ratio g of new to old weight; both 0
	// means no bounds.
	Lower, Upper float64
	// MaxIter is the most Newton steps (default 50).
	MaxIter int
	// Epsilon is the tolerance on |misfit|/(1 + |total|) of every
	// total (default 1e-7).
	Epsilon float64
}

// Calibrate returns the design whose weights w_i·g_i reproduce the
// population totals of the auxiliary variables x (x[k] is the k-th
// variable, one value per row; include a column of ones for the
// population size): Σ w_i g_i x_i = T with g_i = F(x_i'λ) as close to 1
// as the distance allows (Deville and Särndal 1992; R's calibrate).
// Unbounded linear calibration is solved in one step, g = 1 + x'λ with
// λ = (Σ w x x')⁻¹ (T − Σ w x); otherwise by Newton steps from λ = 0
// with step halving, as R's grake. It fails when the totals cannot be
// met within the bounds.
//
// The variance uses the residuals of the calibration model (Deville and
// Särndal 1992; Lumley 2010, section 7.4): z_i − w*_i · x_i'β with β the
// regression of z/w* on x weighted by the old weights w.
func (d *Design) Calibrate(x [][]float64, totals []float64, opt CalibrateOptions) (*Design, error) {
	n, p := len(d.w), len(x)
	if p == 0 || p != len(totals) {
		return nil, lang.Errorf("%d auxiliary variables for %d population totals", p, len(totals))
	}
	for _, col := range x {
		if len(col) != n {
			return nil, lang.Errorf("an auxiliary variable has %d values for %d rows", len(col), n)
		}
	}
	if opt.Lower == 0 && opt.Upper == 0 {
		opt.Lower, opt.Upper = math.Inf(-1), math.Inf(1)
	}
	if opt.MaxIter == 0 {
		opt.MaxIter = 50
	}
	if opt.Epsilon == 0 {
		opt.Epsilon = 1e-7
	}
	X := mat.NewDense(n, p, nil)
	for k, col := range x {
		for i, v := range col {
			X.Set(i, k, v)
		}
	}
	var g []float64
	var err error
	if opt.CalFun == Linear && math.IsInf(opt.Lower, -1) && math.IsInf(opt.Upper, 1) {
		g, err = d.gregLinear(X, totals)
	} else {
		g, err = d.grake(X, totals, opt)
	}
	if err != nil {
		return nil, err
	}
	w := make([]float64, n)
	for i := range w {
		w[i] = d.w[i] * g[i]
	}
	return d.derive(w, &greg{x: X, before: d.w, after: w}), nil
}

// sampleTotals returns Σ w x of each column of X.
func sampleTotals(X *mat.Dense, w []float64) []float64 {
	n, p := X.Dims()
	t := make([]float64, p)
	for i := range n {
		for k := range p {
			t[k] += w[i] * X.At(i, k)
		}
	}
	return t
}

// crossprod returns Σ w_i c_i x_i x_i'.
func crossprod(X *mat.Dense, w, c []float64) *mat.Dense {
	n, p := X.Dims()
	T := mat.NewDense(p, p, nil)
	for i := range n {
		for a := range p {
			xa := w[i] * c[i] * X.At(i, a)
			for b := range p {
				T.Set(a, b, T.At(a, b)+xa*X.At(i, b))
			}
		}
	}
	return T
}

// gregLinear returns g = 1 + x'λ, λ = (Σ w x x')⁻¹ (T − Σ w x).
func (d *Design) gregLinear(X *mat.Dense, totals []float64) ([]float64, error) {
	n, p := X.Dims()
	st := sampleTotals(X, d.w)
	ones := make([]float64, n)
	for i := range ones {
		ones[i] = 1
	}
	diff := make([]float64, p)
	for k := range diff {
		diff[k] = totals[k] - st[k]
	}
	var lambda mat.VecDense
	if err := lambda.SolveVec(crossprod(X, d.w, ones), mat.NewVecDense(p, diff)); err != nil {
		return nil, lang.Errorf("the auxiliary variables are collinear: %v", err)
	}
	var xl mat.VecDense
	xl.MulVec(X, &lambda)
	g := make([]float64, n)
	for i := range g {
		g[i] = 1 + xl.AtVec(i)
	}
	return g, nil
}

// greg is the variance step of calibration.
type greg struct {
	x             *mat.Dense
	before, after []float64
}

// residuals replaces z by z − w*·x'β, β the least-squares fit of
// √w · z/w* on √w · x (R's QR residuals of the calibration model).
func (c *greg) residuals(z []float64) {
	n, p := c.x.Dims()
	A := mat.NewDense(n, p, nil)
	b := mat.NewDense(n, 1, nil)
	for i := range n {
		s := math.Sqrt(c.before[i])
		for k := range p {
			A.Set(i, k, s*c.x.At(i, k))
		}
		b.Set(i, 0, s*z[i]/c.after[i])
	}
	var qr mat.QR
	qr.Factorize(A)
	var beta mat.Dense
	if err := qr.SolveTo(&beta, false, b); err != nil {
		return
	}
	for i := range n {
		var f float64
		for k := range p {
			f += c.x.At(i, k) * beta.At(k, 0)
		}
		z[i] -= c.after[i] * f
	}
}
