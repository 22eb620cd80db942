package smallarea

import (
	"math"

	"gonum.org/v1/gonum/mat"

	"planatlas/lang"
)

// score estimates (σ²_u, ρ) by Fisher scoring, θ_{k+1} = θ_k + I(θ_k)⁻¹
// s(θ_k), as sae's eblupSFH. With C = C(ρ), V = σ²_u C + Ψ, the
// derivatives V_σ = C and V_ρ = −σ²_u C (2ρW'W − W − W') C, P = V⁻¹ −
// V⁻¹X(X'V⁻¹X)⁻¹X'V⁻¹ (Rao and Molina 2015, chapter 8; Singh, Shukla
// and Kundu 2005):
//
//	REML: s_i = −½ tr(P V_i) + ½ y'P V_i P y,   I_ij = ½ tr(P V_i P V_j)
//	ML:   s_i = −½ tr(V⁻¹V_i) + ½ y'P V_i P y,  I_ij = ½ tr(V⁻¹V_i V⁻¹V_j)
func (f *SpatialFit) score(y []float64, opt Options) (sigma, rho float64, err error) {
	maxIter, prec := opt.maxIter(), opt.precision()
	sigma, rho = median(f.psi), 0.5
	diff := prec + 1
	k := 0
	for diff > prec && k < maxIter {
		k++
		s, info, err := f.scoreStep(y, sigma, rho)
		if err != nil {
			f.Iterations = k
			return sigma, rho, err
		}
		det := info[0][0]*info[1][1] - info[0][1]*info[1][0]
		ds := (info[1][1]*s[0] - info[0][1]*s[1]) / det
		dr := (info[0][0]*s[1] - info[1][0]*s[0]) / det
		nextS, nextR := sigma+ds, rho+dr
		if nextR <= -1 {
			nextR = -0.999
		} else if nextR >= 1 {
			nextR = 0.999
		}
		// sae divides by the previous values themselves, not their
		// absolute values.
		diff = math.Max(math.Abs(nextS-sigma)/sigma, math.Abs(nextR-rho)/rho)
		sigma, rho = nextS, nextR
		if math.IsNaN(diff) || math.IsNaN(sigma) || math.IsNaN(rho) {
			f.Iterations = k
			return sigma, rho, lang.Errorf("the Fisher scoring for σ²_u and ρ (%s) broke down at iteration %d", opt.Method.String(), k)
		}
	}
	f.Iterations = k
	f.Converged = !(k >= maxIter && diff >= prec)
	if !f.Converged {
		return sigma, rho, lang.Errorf("the Fisher scoring for σ²_u and ρ (%s) did not converge in %d iterations", opt.Method.String(), k)
	}
	return sigma, rho, nil
}

// scoreStep returns the score vector and the Fisher information at
// (σ²_u, ρ). V_ρ = −σ²_u C dR C is never formed: P V_ρ = −σ²_u (P C)(dR C)
// with dR sparse, and y'P V_ρ P y = −σ²_u (C P y)' dR (C P y).
func (f *SpatialFit) scoreStep(y []float64, sigma, rho float64) (s [2]float64, info [2][2]float64, err error) {
	c, err := f.s.cov(rho)
	if err != nil {
		return s, info, err
	}
	dR := sparseOf(f.s.dRho(rho))
	dRc := mulSparse(dR, c)
	var g mat.Dense
	g.Scale(sigma, c)
	vi, err := inverse(diagPlus(&g, f.psi), "V")
	if err != nil {
		return s, info, err
	}
	p, err := projection(f.x, vi)
	if err != nil {
		return s, info, err
	}
	m := len(y)
	py := mat.NewVecDense(m, nil)
	py.MulVec(p, mat.NewVecDense(m, y))
	cpy := mat.NewVecDense(m, nil)
	cpy.MulVec(c, py)
	pyv, cpyv := py.RawVector().Data, cpy.RawVector().Data
	a := mul(p, c) // REML: traces with P
	if f.Method == ML {
		a = mul(vi, c)
	}
	b := mul(a, dRc)
	b.Scale(-sigma, b)
	s[0] = -0.5*mat.Trace(a) + 0.5*quad(pyv, c, pyv)
	s[1] = -0.5*mat.Trace(b) - 0.5*sigma*sparseQuad(cpyv, dR, cpyv)
	info[0][0] = 0.5 * traceProd(a, a)
	info[0][1] = 0.5 * traceProd(a, b)
	info[1][0] = info[0][1]
	info[1][1] = 0.5 * traceProd(b, b)
	return s, info, nil
}

// projection returns P = V⁻¹ − V⁻¹X(X'V⁻¹X)⁻¹X'V⁻¹.
func projection(x, vi *mat.Dense) (*mat.Dense, error) {
	vix := mul(vi, x)
	q, err := inverse(mul(x.T(), vix), "X'V⁻¹X")
	if err != nil {
		return nil, lang.Errorf("the covariates are collinear (X'V⁻¹X cannot be inverted): %v", err)
	}
	var p mat.Dense
	p.Mul(mul(vix, q), vix.T())
	p.Sub(vi, &p)
	return &p, nil
}
