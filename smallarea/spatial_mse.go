package smallarea

import (
	"gonum.org/v1/gonum/mat"

	"planatlas/lang"
)

// spatialTerms are the matrices the MSE of the spatial EBLUP needs, at
// (σ̂²_u, ρ̂): C, G = σ̂²_u C, the derivative of C⁻¹ in ρ (dR), V_ρ =
// −σ̂²_u C dR C, and the inverse of the REML information I⁻¹.
type spatialTerms struct {
	a        float64
	c, g     *mat.Dense
	dR       *sparse
	dRc, cdc *mat.Dense // dR C and C dR C
	vr, viC  *mat.Dense
	infoInv  [2][2]float64
}

// MSE returns the estimated mean squared errors of the spatial EBLUPs,
// as sae's mseSFH (Singh, Shukla and Kundu 2005; Pratesi and Salvati
// 2008; Molina, Salvati and Pratesi 2009): g1 + g2 + 2 g3 − g4 with
//
//	g1_d = (G − G V⁻¹G)_dd
//	g2_d = a_d' Q a_d,  a_d = x_d − (G V⁻¹X)_d'
//	g3_d = tr(L_d V L_d' I⁻¹),  L_d = the d-th columns of
//	       V⁻¹C − σ²_u V⁻¹C V⁻¹C and V⁻¹V_ρ − σ²_u V⁻¹V_ρ V⁻¹C
//	g4_d = ½ ψ_d² ((I⁻¹_σρ + I⁻¹_ρσ) (V⁻¹ D_σρ V⁻¹)_dd + I⁻¹_ρρ (V⁻¹ D_ρρ V⁻¹)_dd)
//
// with D_σρ = −C dR C, D_ρρ = 2σ²_u C dR C dR C − 2σ²_u C W'W C and I the
// REML information at the estimates (also for ML, as in sae). For ML
// sae subtracts, in addition, the first-order bias b of (σ̂²_u, ρ̂) times
// the gradient of g1_d: b = ½ I⁻¹ h, h_i = −tr(Q X'V⁻¹ V_i V⁻¹X).
func (f *SpatialFit) MSE() ([]float64, error) {
	if f.vi == nil {
		return nil, nil
	}
	t, err := f.terms()
	if err != nil {
		return nil, err
	}
	g1, g2 := f.g1g2(t)
	g3, g4 := f.g3(t), f.g4(t)
	out := make([]float64, len(g1))
	for d := range out {
		out[d] = g1[d] + g2[d] + 2*g3[d] - g4[d]
	}
	if f.Method == ML {
		for d, b := range f.mlBias(t) {
			out[d] -= b
		}
	}
	return out, nil
}

// terms computes the shared matrices and the REML information.
func (f *SpatialFit) terms() (*spatialTerms, error) {
	t := &spatialTerms{a: f.SigmaU2, c: f.c}
	t.g = mat.DenseCopyOf(f.c)
	t.g.Scale(t.a, t.g)
	t.dR = sparseOf(f.s.dRho(f.Rho))
	t.dRc = mulSparse(t.dR, t.c)
	t.cdc = mul(t.c, t.dRc)
	t.vr = mat.DenseCopyOf(t.cdc)
	t.vr.Scale(-t.a, t.vr)
	t.viC = mul(f.vi, t.c)
	p, err := projection(f.x, f.vi)
	if err != nil {
		return nil, err
	}
	pc, pr := mul(p, t.c), mul(p, t.vr)
	i11, i12, i22 := 0.5*traceProd(pc, pc), 0.5*traceProd(pc, pr), 0.5*traceProd(pr, pr)
	det := i11*i22 - i12*i12
	if !(det > 0) {
		return nil, lang.Errorf("the information matrix of σ²_u and ρ is singular at the estimates: no MSE")
	}
	t.infoInv = [2][2]float64{{i22 / det, -i12 / det}, {-i12 / det, i11 / det}}
	return t, nil
}

// g1g2 returns g1 and g2 of every area.
func (f *SpatialFit) g1g2(t *spatialTerms) (g1, g2 []float64) {
	m, _ := f.x.Dims()
	gvi := mul(t.g, f.vi)
	g1 = diagProd(gvi, t.g)
	gvix := mul(gvi, f.x)
	g2 = make([]float64, m)
	for d := 0; d < m; d++ {
		g1[d] = t.g.At(d, d) - g1[d]
		var a mat.VecDense
		a.SubVec(f.x.RowView(d), gvix.RowView(d))
		g2[d] = mat.Inner(&a, f.q, &a)
	}
	return g1, g2
}

// g3 returns g3 of every area: (L_d V L_d')_ij = l_i[:,d]' V l_j[:,d].
func (f *SpatialFit) g3(t *spatialTerms) []float64 {
	m, _ := f.x.Dims()
	viCviC := mul(t.viC, t.viC)
	l1 := mat.DenseCopyOf(t.viC)
	addScaled(l1, -t.a, viCviC)
	viR := mul(f.vi, t.vr)
	l2 := mat.DenseCopyOf(viR)
	addScaled(l2, -t.a, mul(viR, t.viC))
	vl1, vl2 := mul(f.v, l1), mul(f.v, l2)
	ii := t.infoInv
	out := make([]float64, m)
	for d := 0; d < m; d++ {
		var m11, m12, m21, m22 float64
		for k := 0; k < m; k++ {
			a, b := l1.At(k, d), l2.At(k, d)
			va, vb := vl1.At(k, d), vl2.At(k, d)
			m11 += a * va
			m12 += a * vb
			m21 += b * va
			m22 += b * vb
		}
		out[d] = m11*ii[0][0] + m12*ii[1][0] + m21*ii[0][1] + m22*ii[1][1]
	}
	return out
}

// g4 returns g4 of every area, the bias correction of Singh, Shukla and
// Kundu (2005).
func (f *SpatialFit) g4(t *spatialTerms) []float64 {
	d12 := mat.DenseCopyOf(t.cdc)
	d12.Scale(-1, d12)
	d22 := mul(t.cdc, t.dRc)
	d22.Scale(2*t.a, d22)
	addScaled(d22, -2*t.a, mul(t.c, mulSparse(sparseOf(f.s.wtw), t.c)))
	a := diagProd(mul(f.vi, d12), f.vi)
	b := diagProd(mul(f.vi, d22), f.vi)
	ii := t.infoInv
	out := make([]float64, len(a))
	for d := range out {
		psi2 := f.psi[d] * f.psi[d]
		out[d] = 0.5 * psi2 * (a[d]*(ii[0][1]+ii[1][0]) + b[d]*ii[1][1])
	}
	return out
}

// mlBias returns b'∇g1_d of every area, the ML estimator's bias term:
// ∂g1/∂σ²_u = C − 2 G V⁻¹C + σ²_u G V⁻¹C V⁻¹C and ∂g1/∂ρ = V_ρ − 2 G V⁻¹V_ρ
// + σ²_u G V⁻¹V_ρ V⁻¹C (their diagonals).
func (f *SpatialFit) mlBias(t *spatialTerms) []float64 {
	vix := mul(f.vi, f.x)
	qxtvi := mul(f.q, vix.T())
	h1 := -mat.Trace(mul(mul(qxtvi, t.c), vix))
	h2 := -mat.Trace(mul(mul(qxtvi, t.vr), vix))
	ii := t.infoInv
	b1 := (ii[0][0]*h1 + ii[0][1]*h2) / 2
	b2 := (ii[1][0]*h1 + ii[1][1]*h2) / 2
	gvi := mul(t.g, f.vi)
	gviC, gviR := mul(gvi, t.c), mul(gvi, t.vr)
	dA := diagProd(gviC, t.viC)
	dP := diagProd(gviR, t.viC)
	out := make([]float64, len(dA))
	for d := range out {
		gA := t.c.At(d, d) - 2*gviC.At(d, d) + t.a*dA[d]
		gP := t.vr.At(d, d) - 2*gviR.At(d, d) + t.a*dP[d]
		out[d] = b1*gA + b2*gP
	}
	return out
}
