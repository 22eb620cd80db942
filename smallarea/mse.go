package smallarea

import (
	"gonum.org/v1/gonum/mat"
)

// MSE returns the estimated mean squared error of each area's EBLUP, as
// sae's mseFH. For an area with a direct estimate, with B_d = ψ_d /
// (σ̂²_u + ψ_d) and Q = (X'V̂⁻¹X)⁻¹ over the m areas with one,
//
//	g1_d = ψ_d (1 − B_d) = γ_d ψ_d
//	g2_d = B_d² x_d'Q x_d
//	g3_d = B_d² V̄ / (σ̂²_u + ψ_d)
//
// where V̄ is the asymptotic variance of σ̂²_u: 2 / Σ_d (σ̂²_u + ψ_d)⁻² for
// REML and ML, 2m / (Σ_d (σ̂²_u + ψ_d)⁻¹)² for FH. REML's estimate is
// g1 + g2 + 2 g3 (Prasad and Rao 1990; Datta and Lahiri 2000); ML's and
// FH's subtract the bias of σ̂²_u times B_d² (Datta and Lahiri 2000;
// Datta, Rao and Smith 2005):
//
//	ML: b = −tr(Q X'V̂⁻²X) / Σ_d (σ̂²_u + ψ_d)⁻²
//	FH: b = 2 (m Σ_d (σ̂²_u + ψ_d)⁻² − (Σ_d (σ̂²_u + ψ_d)⁻¹)²) / (Σ_d (σ̂²_u + ψ_d)⁻¹)³
//
// An area without a direct estimate gets the MSE of its synthetic
// estimate, σ̂²_u + x_d'Q x_d (Rao and Molina 2015, chapter 6; sae has
// no such areas).
func (f *Fit) MSE() []float64 {
	if f.q == nil {
		return nil
	}
	a := f.SigmaU2
	var sv, sv2, m float64
	var vi2 []float64
	for d, in := range f.InSample {
		if in {
			v := 1 / (a + f.psi[d])
			sv += v
			sv2 += v * v
			vi2 = append(vi2, v*v)
			m++
		}
	}
	varA, bias := 2/sv2, 0.0
	switch f.Method {
	case ML:
		var qm mat.Dense
		qm.Mul(f.q, weightedCross(f.s.x, vi2))
		bias = -mat.Trace(&qm) / sv2
	case FH:
		varA = 2 * m / (sv * sv)
		bias = 2 * (m*sv2 - sv*sv) / (sv * sv * sv)
	}
	out := make([]float64, len(f.InSample))
	for d, in := range f.InSample {
		xd := f.x.RowView(d)
		g2 := mat.Inner(xd, f.q, xd)
		if !in {
			out[d] = a + g2
			continue
		}
		v := a + f.psi[d]
		b := f.psi[d] / v
		g1 := f.psi[d] * (1 - b)
		g3 := b * b * varA / v
		out[d] = g1 + b*b*g2 + 2*g3 - bias*b*b
	}
	return out
}
