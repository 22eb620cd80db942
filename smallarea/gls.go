package smallarea

import (
	"sort"

	"gonum.org/v1/gonum/mat"

	"planatlas/lang"
)

// sample is the model's data over the m areas with a direct estimate.
type sample struct {
	y   []float64
	x   *mat.Dense
	psi []float64
}

func newSample(y []float64, x *mat.Dense, psi []float64, in []bool) *sample {
	_, p := x.Dims()
	s := &sample{}
	for d, ok := range in {
		if ok {
			s.y = append(s.y, y[d])
			s.psi = append(s.psi, psi[d])
		}
	}
	s.x = mat.NewDense(len(s.y), p, nil)
	i := 0
	for d, ok := range in {
		if ok {
			s.x.SetRow(i, x.RawRowView(d))
			i++
		}
	}
	return s
}

func (s *sample) m() int { return len(s.y) }

func (s *sample) p() int { _, p := s.x.Dims(); return p }

// glsFit is the GLS fit at one value of σ²_u: the weights v_d = 1 / (σ²_u
// + ψ_d), Q = (X'V⁻¹X)⁻¹, β̂ = Q X'V⁻¹y and the residuals y − Xβ̂.
type glsFit struct {
	vi    []float64
	q     *mat.SymDense
	beta  *mat.VecDense
	resid []float64
}

// gls fits β at σ²_u = a. Q is inverted by LU as sae's solve does, so
// that an iterate below −min ψ_d (negative weights) goes on as in sae.
func (s *sample) gls(a float64) (*glsFit, error) {
	m, p := s.m(), s.p()
	g := &glsFit{vi: make([]float64, m)}
	for d := range g.vi {
		g.vi[d] = 1 / (a + s.psi[d])
	}
	xtv := weightedCross(s.x, g.vi)
	var inv mat.Dense
	if err := inv.Inverse(xtv); err != nil {
		return nil, lang.Errorf("the covariates are collinear (X'V⁻¹X cannot be inverted): %v", err)
	}
	g.q = symmetric(&inv)
	xtvy := mat.NewVecDense(p, nil)
	for d := 0; d < m; d++ {
		xtvy.AddScaledVec(xtvy, g.vi[d]*s.y[d], s.x.RowView(d))
	}
	g.beta = mat.NewVecDense(p, nil)
	g.beta.MulVec(g.q, xtvy)
	g.resid = make([]float64, m)
	for d := range g.resid {
		g.resid[d] = s.y[d] - mat.Dot(s.x.RowView(d), g.beta)
	}
	return g, nil
}

// weightedCross returns X' diag(w) X.
func weightedCross(x *mat.Dense, w []float64) *mat.Dense {
	m, p := x.Dims()
	out := mat.NewDense(p, p, nil)
	for d := 0; d < m; d++ {
		row := x.RawRowView(d)
		for i := 0; i < p; i++ {
			wi := w[d] * row[i]
			for j := 0; j < p; j++ {
				out.Set(i, j, out.At(i, j)+wi*row[j])
			}
		}
	}
	return out
}

// symmetric returns (a + a')/2 as a SymDense.
func symmetric(a mat.Matrix) *mat.SymDense {
	n, _ := a.Dims()
	s := mat.NewSymDense(n, nil)
	for i := 0; i < n; i++ {
		for j := i; j < n; j++ {
			s.SetSym(i, j, (a.At(i, j)+a.At(j, i))/2)
		}
	}
	return s
}

// median returns the median of v, the mean of the two middle values for
// an even count (R's median).
func median(v []float64) float64 {
	s := append([]float64(nil), v...)
	sort.Float64s(s)
	n := len(s)
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}
