package smallarea

import (
	"math"

	"gonum.org/v1/gonum/mat"

	"planatlas/lang"
)

// SpatialFit is a fitted spatial Fay–Herriot model.
type SpatialFit struct {
	Method Method // REML or ML
	// EBLUP is the spatial EBLUP θ̂ = Xβ̂ + Ĝ V̂⁻¹ (y − Xβ̂).
	EBLUP []float64
	// Synthetic is x_d'β̂.
	Synthetic []float64
	Coef      []Coef
	// SigmaU2 is σ̂²_u, not below 0; Rho the spatial autocorrelation ρ̂.
	SigmaU2, Rho float64
	// Truncated reports that the scoring ended at σ²_u < 0, set to 0.
	Truncated  bool
	Iterations int
	Converged  bool
	// LogLik = −½ (m log 2π + log |V̂| + r'V̂⁻¹r) with r = y − Xβ̂; AIC =
	// −2 LogLik + 2(p+2), BIC = −2 LogLik + (p+2) log m (sae's goodness).
	LogLik, AIC, BIC float64
	Notes            []lang.Message

	s     *sar
	x     *mat.Dense
	psi   []float64
	c     *mat.Dense // ((I − ρW')(I − ρW))⁻¹
	v, vi *mat.Dense
	q     *mat.Dense // (X'V⁻¹X)⁻¹
}

// sar holds the proximity matrix W and the products the model needs.
type sar struct {
	w, wt, wtw *mat.Dense
}

func newSAR(w mat.Matrix) *sar {
	s := &sar{w: mat.DenseCopyOf(w)}
	s.wt = mat.DenseCopyOf(s.w.T())
	s.wtw = mul(s.wt, s.w)
	return s
}

// cov returns C(ρ) = ((I − ρW')(I − ρW))⁻¹, the covariance of the SAR
// area effects u = (I − ρW)⁻¹v divided by σ²_u.
func (s *sar) cov(rho float64) (*mat.Dense, error) {
	m, _ := s.w.Dims()
	a := mat.NewDense(m, m, nil)
	// (I − ρW')(I − ρW) = I − ρ(W + W') + ρ² W'W
	a.Add(s.w, s.wt)
	a.Scale(-rho, a)
	addScaled(a, rho*rho, s.wtw)
	for i := 0; i < m; i++ {
		a.Set(i, i, a.At(i, i)+1)
	}
	return inverse(a, "(I − ρW')(I − ρW)")
}

// dRho returns ∂((I − ρW')(I − ρW))/∂ρ = 2ρ W'W − W − W'.
func (s *sar) dRho(rho float64) *mat.Dense {
	var d mat.Dense
	d.Add(s.w, s.wt)
	d.Scale(-1, &d)
	addScaled(&d, 2*rho, s.wtw)
	return &d
}

// addScaled sets a = a + k b.
func addScaled(a *mat.Dense, k float64, b *mat.Dense) {
	var kb mat.Dense
	kb.Scale(k, b)
	a.Add(a, &kb)
}

// FitSFH fits the spatial Fay–Herriot model y = Xβ + u + e with SAR area
// effects u = ρWu + v, v ~ N(0, σ²_u I), e ~ N(0, diag(ψ_d)), so that
// Var(y) = V = σ²_u C(ρ) + diag(ψ_d) with C(ρ) = ((I − ρW')(I − ρW))⁻¹
// (Petrucci and Salvati 2006; Pratesi and Salvati 2008; Rao and Molina
// 2015, chapter 8), as sae's eblupSFH does. W is the m×m proximity
// matrix, row-standardised, dense or sparse (any mat.Matrix); every area
// needs a direct estimate, its covariates and ψ_d > 0.
//
// (σ²_u, ρ) are estimated by REML or ML (Options.Method; FH has no
// spatial variant) with Fisher scoring from (median ψ_d, 0.5), ρ held in
// (−1, 1) by setting an iterate beyond ±1 to ±0.999, until the largest
// relative change (change / previous value, signed as in sae) is at most
// Options.Precision. σ̂²_u below 0 is set to 0. A ρ̂ of ±0.999 at the end
// is ±1 in sae, where V is singular: an error here.
func FitSFH(y []float64, x *mat.Dense, psi []float64, w mat.Matrix, opt Options) (*SpatialFit, error) {
	if err := checkSFH(y, x, psi, w); err != nil {
		return nil, err
	}
	if opt.Method != REML && opt.Method != ML {
		return nil, lang.Errorf("the spatial model's variance is estimated by REML or ML, not %s", opt.Method.String())
	}
	f := &SpatialFit{Method: opt.Method, s: newSAR(w), x: mat.DenseCopyOf(x), psi: append([]float64(nil), psi...)}
	sigma, rho, err := f.score(y, opt)
	if err != nil {
		return f, err
	}
	if math.Abs(rho) == 0.999 {
		return f, lang.Errorf("the spatial autocorrelation ρ (%s) reached the bound %g of its range", opt.Method.String(), math.Copysign(1, rho))
	}
	if sigma < 0 {
		f.Truncated = true
		f.Notes = append(f.Notes, lang.M("the estimate of σ²_u (%s) is %g, below 0, and was set to 0: every area's EBLUP is its synthetic estimate x'β", opt.Method.String(), sigma))
		sigma = 0
	} else if sigma == 0 {
		f.Notes = append(f.Notes, lang.M("the estimate of σ²_u (%s) is 0: every area's EBLUP is its synthetic estimate x'β", opt.Method.String()))
	}
	f.SigmaU2, f.Rho = sigma, rho
	return f, f.estimate(y)
}

// checkSFH checks the spatial model's inputs: those of the Fay–Herriot
// model with every area in the sample, and W m×m with finite entries.
func checkSFH(y []float64, x *mat.Dense, psi []float64, w mat.Matrix) error {
	in, err := checkFH(y, x, psi)
	if err != nil {
		return err
	}
	for d, ok := range in {
		if !ok {
			return &AreaError{d, lang.M("area %d has no direct estimate: the spatial model needs every area's", d)}
		}
	}
	if w == nil {
		return lang.Errorf("no proximity matrix")
	}
	r, c := w.Dims()
	if r != len(y) || c != len(y) {
		return lang.Errorf("the proximity matrix is %d×%d for %d areas", r, c, len(y))
	}
	for i := 0; i < r; i++ {
		for j := 0; j < c; j++ {
			if v := w.At(i, j); math.IsNaN(v) || math.IsInf(v, 0) {
				return &AreaError{i, lang.M("area %d: the proximity to area %d is %g, not a number", i, j, v)}
			}
		}
	}
	return nil
}

// estimate sets β̂, the EBLUPs and the goodness of fit at (σ̂²_u, ρ̂).
func (f *SpatialFit) estimate(y []float64) error {
	var err error
	if f.c, err = f.s.cov(f.Rho); err != nil {
		return err
	}
	var g mat.Dense
	g.Scale(f.SigmaU2, f.c)
	f.v = diagPlus(&g, f.psi)
	if f.vi, err = inverse(f.v, "V"); err != nil {
		return err
	}
	q, beta, resid, err := glsDense(f.x, f.vi, y)
	if err != nil {
		return err
	}
	f.q = q
	f.Coef = coefs(beta, symmetric(q))
	m, p := f.x.Dims()
	f.Synthetic = make([]float64, m)
	f.EBLUP = make([]float64, m)
	gvir := mat.NewVecDense(m, nil)
	gvir.MulVec(mul(&g, f.vi), mat.NewVecDense(m, resid))
	for d := range f.EBLUP {
		f.Synthetic[d] = y[d] - resid[d]
		f.EBLUP[d] = f.Synthetic[d] + gvir.AtVec(d)
	}
	var lu mat.LU
	lu.Factorize(f.v)
	logDet, _ := lu.LogDet()
	f.LogLik = -0.5 * (float64(m)*math.Log(2*math.Pi) + logDet + quad(resid, f.vi, resid))
	f.AIC = -2*f.LogLik + 2*float64(p+2)
	f.BIC = -2*f.LogLik + float64(p+2)*math.Log(float64(m))
	return nil
}
