package smallarea

import (
	"math"

	"gonum.org/v1/gonum/mat"

	"planatlas/lang"
)

// Method is the estimator of the variance σ²_u of the area effects.
type Method int

const (
	// REML maximises the restricted (residual) likelihood.
	REML Method = iota
	// ML maximises the likelihood.
	ML
	// FH solves the moment equation of Fay and Herriot (1979),
	// Σ_d (y_d − x_d'β̂)² / (σ²_u + ψ_d) = m − p.
	FH
)

// String returns the method's name as sae spells it.
func (m Method) String() string {
	switch m {
	case REML:
		return "REML"
	case ML:
		return "ML"
	case FH:
		return "FH"
	}
	return "unknown"
}

// Options control the Fisher scoring. The zero value is sae's default:
// REML, 100 iterations, a relative change below 0.0001.
type Options struct {
	Method    Method
	MaxIter   int     // 0 means 100
	Precision float64 // 0 means 0.0001
}

func (o Options) maxIter() int {
	if o.MaxIter <= 0 {
		return 100
	}
	return o.MaxIter
}

func (o Options) precision() float64 {
	if o.Precision <= 0 {
		return 1e-4
	}
	return o.Precision
}

// Coef is a regression coefficient β_j with its asymptotic standard
// error √((X'V⁻¹X)⁻¹)_jj, its z statistic β_j / SE and the two-sided p
// value 2 Φ(−|z|), as sae reports them (tvalue, pvalue).
type Coef struct {
	Estimate, SE, T, P float64
}

// Fit is a fitted Fay–Herriot model.
type Fit struct {
	Method Method
	// EBLUP is θ̂_d = x_d'β̂ + γ_d (y_d − x_d'β̂) for an area with a direct
	// estimate, the synthetic x_d'β̂ for an area without.
	EBLUP []float64
	// Synthetic is x_d'β̂ for every area.
	Synthetic []float64
	// Gamma is γ_d = σ²_u / (σ²_u + ψ_d), 0 for an area without a direct
	// estimate.
	Gamma []float64
	// InSample reports the areas with a direct estimate.
	InSample []bool
	Coef     []Coef
	// SigmaU2 is σ̂²_u, the variance of the area effects, not below 0.
	SigmaU2 float64
	// Truncated reports that the Fisher scoring ended at σ²_u < 0 and
	// σ̂²_u was set to 0 (sae does the same): every EBLUP is then the
	// synthetic estimate.
	Truncated  bool
	Iterations int
	Converged  bool
	// LogLik is the log-likelihood at (β̂, σ̂²_u) over the m areas with a
	// direct estimate; AIC = −2 LogLik + 2(p+1), BIC = −2 LogLik +
	// (p+1) log m, as in sae's goodness.
	LogLik, AIC, BIC float64
	// Notes says what the caller should tell the reader (σ̂²_u = 0).
	Notes []lang.Message

	x   *mat.Dense    // all areas' covariates
	psi []float64     // all areas' sampling variances
	s   *sample       // the areas with a direct estimate
	q   *mat.SymDense // (X'V⁻¹X)⁻¹ over them
}

// FitFH fits the Fay–Herriot model y_d = x_d'β + u_d + e_d, u_d ~ N(0,
// σ²_u), e_d ~ N(0, ψ_d) with the sampling variances ψ_d known (Fay and
// Herriot 1979; Rao and Molina 2015, chapter 6), as sae's eblupFH does.
//
// y holds the direct estimates, NaN for an area without one; x the
// covariates, a row per area with the intercept's column if the model
// has one; psi the sampling variances (ignored where y is NaN). σ²_u is
// estimated by Fisher scoring from the median of the ψ_d, until the
// relative change |σ_{k+1} − σ_k| / |σ_k| is at most Options.Precision;
// the last iterate below 0 is set to 0. β̂ is the GLS estimate
// (X'V⁻¹X)⁻¹X'V⁻¹y with V = diag(σ̂²_u + ψ_d).
//
// If the scoring does not converge, FitFH returns the fit with
// Converged false and no estimates, and an error.
func FitFH(y []float64, x *mat.Dense, psi []float64, opt Options) (*Fit, error) {
	in, err := checkFH(y, x, psi)
	if err != nil {
		return nil, err
	}
	if opt.Method != REML && opt.Method != ML && opt.Method != FH {
		return nil, lang.Errorf("unknown method %d for the variance of the area effects", int(opt.Method))
	}
	// The fit keeps copies, so that MSE does not see later changes.
	x, psi = mat.DenseCopyOf(x), append([]float64(nil), psi...)
	s := newSample(y, x, psi, in)
	f := &Fit{Method: opt.Method, InSample: in, x: x, psi: psi, s: s}
	a, k, conv, err := s.score(opt)
	f.Iterations, f.Converged = k, conv
	if err != nil {
		return f, err
	}
	if !conv {
		return f, lang.Errorf("the Fisher scoring for σ²_u (%s) did not converge in %d iterations", opt.Method.String(), k)
	}
	if a < 0 {
		f.Truncated = true
		f.Notes = append(f.Notes, lang.M("the estimate of σ²_u (%s) is %g, below 0, and was set to 0: every area's EBLUP is its synthetic estimate x'β", opt.Method.String(), a))
		a = 0
	}
	if a == 0 && !f.Truncated {
		f.Notes = append(f.Notes, lang.M("the estimate of σ²_u (%s) is 0: every area's EBLUP is its synthetic estimate x'β", opt.Method.String()))
	}
	f.SigmaU2 = a
	if err := f.estimate(s, y); err != nil {
		return f, err
	}
	return f, nil
}

// estimate sets β̂, the EBLUPs and the goodness of fit at σ̂²_u.
func (f *Fit) estimate(s *sample, y []float64) error {
	a := f.SigmaU2
	g, err := s.gls(a)
	if err != nil {
		return err
	}
	f.q = g.q
	f.Coef = coefs(g.beta, g.q)
	n := len(y)
	f.EBLUP = make([]float64, n)
	f.Synthetic = make([]float64, n)
	f.Gamma = make([]float64, n)
	var ll float64
	for d := 0; d < n; d++ {
		f.Synthetic[d] = mat.Dot(f.x.RowView(d), g.beta)
		f.EBLUP[d] = f.Synthetic[d]
		if !f.InSample[d] {
			continue
		}
		v := a + f.psi[d]
		r := y[d] - f.Synthetic[d]
		f.Gamma[d] = a / v
		f.EBLUP[d] += a / v * r
		ll += math.Log(2*math.Pi*v) + r*r/v
	}
	f.LogLik = -0.5 * ll
	m, p := float64(s.m()), float64(s.p())
	f.AIC = -2*f.LogLik + 2*(p+1)
	f.BIC = -2*f.LogLik + (p+1)*math.Log(m)
	return nil
}

// coefs returns the coefficients with their standard errors from
// Q = (X'V⁻¹X)⁻¹ and the normal distribution's two-sided p values.
func coefs(beta *mat.VecDense, q mat.Symmetric) []Coef {
	out := make([]Coef, beta.Len())
	for j := range out {
		b, se := beta.AtVec(j), math.Sqrt(q.At(j, j))
		z := b / se
		out[j] = Coef{Estimate: b, SE: se, T: z, P: math.Erfc(math.Abs(z) / math.Sqrt2)}
	}
	return out
}
