package survey

import (
	"math"

	"gonum.org/v1/gonum/mat"

	"planatlas/lang"
)

// calF returns g − 1 = F(u) − 1 within the bounds and its derivative
// (0 where a bound holds g), for the distance of opt.
func calF(u float64, opt CalibrateOptions) (gm1, deriv float64) {
	inside := u < opt.Upper-1 && u > opt.Lower-1
	if opt.CalFun == Raking {
		e := math.Exp(u)
		if inside {
			deriv = e
		}
		return math.Min(math.Max(e, opt.Lower), opt.Upper) - 1, deriv
	}
	if inside {
		deriv = 1
	}
	return math.Min(math.Max(u+1, opt.Lower), opt.Upper) - 1, deriv
}

// grake solves the calibration equations Σ w x F(x'λ) = T by Newton
// steps λ ← λ + (Σ w F'(x'λ) x x')⁺ (T − Σ w x F(x'λ)) from λ = 0,
// halving a step whose weights are not finite, until every
// |misfit_k|/(1 + |T_k|) < Epsilon (Deville and Särndal 1992; the
// iteration of R's grake, also in rescaling the weights first when all
// totals exceed the sample's 20-fold).
func (d *Design) grake(X *mat.Dense, totals []float64, opt CalibrateOptions) ([]float64, error) {
	n, p := X.Dims()
	w := append([]float64(nil), d.w...)
	st := sampleTotals(X, w)
	scale, minScale := 0.0, math.Inf(1)
	for k := range p {
		s := totals[k] / st[k]
		scale += s / float64(p)
		minScale = math.Min(minScale, s)
	}
	if minScale > 20 {
		for i := range w {
			w[i] *= scale
		}
		for k := range st {
			st[k] *= scale
		}
	} else {
		scale = 1
	}
	eta := mat.NewVecDense(p, nil)
	g, deriv := make([]float64, n), make([]float64, n)
	update := func() bool {
		var xe mat.VecDense
		xe.MulVec(X, eta)
		finite := true
		for i := range n {
			g[i], deriv[i] = calF(xe.AtVec(i), opt)
			finite = finite && !math.IsInf(g[i], 0) && !math.IsNaN(g[i]) && !math.IsInf(deriv[i], 0) && !math.IsNaN(deriv[i])
		}
		return finite
	}
	misfit := func() *mat.VecDense {
		m := mat.NewVecDense(p, nil)
		gt := sampleTotals(X, mulVec(w, g))
		for k := range p {
			m.SetVec(k, totals[k]-st[k]-gt[k])
		}
		return m
	}
	update()
	for iter := 1; ; {
		var deta mat.VecDense
		deta.MulVec(pinv(crossprod(X, w, deriv)), misfit())
		eta.AddVec(eta, &deta)
		for !update() && iter < opt.MaxIter {
			iter++
			deta.ScaleVec(0.5, &deta)
			eta.SubVec(eta, &deta)
		}
		m := misfit()
		worst := 0.0
		for k := range p {
			worst = math.Max(worst, math.Abs(m.AtVec(k))/(1+math.Abs(totals[k])))
		}
		if worst < opt.Epsilon {
			break
		}
		iter++
		if iter > opt.MaxIter {
			return nil, lang.Errorf("calibration did not converge in %d iterations (largest relative misfit %v)", opt.MaxIter, worst)
		}
	}
	for i := range g {
		g[i] = (g[i] + 1) * scale
	}
	return g, nil
}

func mulVec(a, b []float64) []float64 {
	out := make([]float64, len(a))
	for i := range a {
		out[i] = a[i] * b[i]
	}
	return out
}

// pinv returns the Moore–Penrose inverse of the symmetric matrix T,
// dropping singular values below 256·ε times the largest (as MASS's
// ginv).
func pinv(T *mat.Dense) *mat.Dense {
	var svd mat.SVD
	p, _ := T.Dims()
	if !svd.Factorize(T, mat.SVDFull) {
		return mat.NewDense(p, p, nil)
	}
	s := svd.Values(nil)
	var u, v mat.Dense
	svd.UTo(&u)
	svd.VTo(&v)
	out := mat.NewDense(p, p, nil)
	for k, sv := range s {
		if sv <= 256*2.220446049250313e-16*s[0] {
			continue
		}
		for a := range p {
			for b := range p {
				out.Set(a, b, out.At(a, b)+v.At(a, k)*u.At(b, k)/sv)
			}
		}
	}
	return out
}
