package smallarea

import (
	"math"

	"gonum.org/v1/gonum/mat"

	"planatlas/lang"
)

// score estimates σ²_u by Fisher scoring, σ_{k+1} = σ_k + s(σ_k) / F(σ_k),
// from σ_0 = median(ψ_d), as sae's eblupFH (Molina and Marhuenda 2015;
// Rao and Molina 2015, chapter 6). It stops when |σ_{k+1} − σ_k| /
// |σ_k| ≤ Options.Precision or after Options.MaxIter steps, and
// returns the last iterate (possibly below 0), the number of steps and
// whether it converged, which, as in sae, fails only when the limit is
// reached with the change still at or above the tolerance.
//
// With V = diag(σ²_u + ψ_d), P = V⁻¹ − V⁻¹X(X'V⁻¹X)⁻¹X'V⁻¹ and
// Py = V⁻¹(y − Xβ̂):
//
//	REML: s = −½ tr P + ½ y'P²y,     F = ½ tr P²
//	ML:   s = −½ tr V⁻¹ + ½ y'P²y,   F = ½ tr V⁻²
//	FH:   s = Σ_d (y_d − x_d'β̂)² / (σ²_u + ψ_d) − (m − p),   F = tr V⁻¹
func (s *sample) score(opt Options) (a float64, k int, converged bool, err error) {
	maxIter, prec := opt.maxIter(), opt.precision()
	a = median(s.psi)
	diff := prec + 1
	for diff > prec && k < maxIter {
		k++
		g, err := s.gls(a)
		if err != nil {
			return a, k, false, err
		}
		var step float64
		switch opt.Method {
		case REML:
			step = s.remlStep(g)
		case ML:
			step = mlStep(g)
		default:
			step = s.momentStep(g)
		}
		next := a + step
		diff = math.Abs((next - a) / a)
		a = next
		if math.IsNaN(diff) || math.IsInf(a, 0) {
			return a, k, false, lang.Errorf("the Fisher scoring for σ²_u (%s) broke down at iteration %d", opt.Method.String(), k)
		}
	}
	return a, k, !(k >= maxIter && diff >= prec), nil
}

// remlStep returns s/F of REML. The traces come from p×p matrices:
// tr P = Σ v_d − tr(Q X'V⁻²X) and tr P² = Σ v_d² − 2 tr(Q X'V⁻³X) +
// tr((Q X'V⁻²X)²), with Q = (X'V⁻¹X)⁻¹.
func (s *sample) remlStep(g *glsFit) float64 {
	m := s.m()
	v2, v3 := make([]float64, m), make([]float64, m)
	var sv, sv2, pyPy float64
	for d, v := range g.vi {
		v2[d], v3[d] = v*v, v*v*v
		sv += v
		sv2 += v * v
		py := v * g.resid[d]
		pyPy += py * py
	}
	var qm2, qm3 mat.Dense
	qm2.Mul(g.q, weightedCross(s.x, v2))
	qm3.Mul(g.q, weightedCross(s.x, v3))
	trP := sv - mat.Trace(&qm2)
	var qm2sq mat.Dense
	qm2sq.Mul(&qm2, &qm2)
	trP2 := sv2 - 2*mat.Trace(&qm3) + mat.Trace(&qm2sq)
	score := -0.5*trP + 0.5*pyPy
	return score / (0.5 * trP2)
}

// mlStep returns s/F of ML.
func mlStep(g *glsFit) float64 {
	var sv, sv2, pyPy float64
	for d, v := range g.vi {
		sv += v
		sv2 += v * v
		py := v * g.resid[d]
		pyPy += py * py
	}
	return (-0.5*sv + 0.5*pyPy) / (0.5 * sv2)
}

// momentStep returns s/F of Fay and Herriot's moment equation.
func (s *sample) momentStep(g *glsFit) float64 {
	var sv, q float64
	for d, v := range g.vi {
		sv += v
		q += g.resid[d] * g.resid[d] * v
	}
	return (q - float64(s.m()-s.p())) / sv
}
