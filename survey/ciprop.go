package survey

import (
	"math"

	"gonum.org/v1/gonum/stat/distuv"

	"planatlas/lang"
)

// CIMethod is a method for the confidence interval of a proportion.
type CIMethod int

const (
	// CILogit is the Wald interval on the logit scale, transformed back:
	// logit(p̂) ± t_{df} · SE(p̂)/(p̂(1 − p̂)) (R's svyciprop "logit").
	CILogit CIMethod = iota
	// CIBeta is Korn and Graubard's (1998) Clopper–Pearson interval with
	// the effective sample size n* = p̂(1 − p̂)/Var(p̂), scaled by
	// (t_{n−1}/t_{df})² (R's svyciprop "beta").
	CIBeta
	// CIMean is the plain Wald interval p̂ ± t_{df} · SE(p̂) (R's "mean").
	CIMean
)

// Interval is a proportion with its confidence interval.
type Interval struct {
	Estimate
	Lower, Upper float64
}

// DomainInterval is the interval of one domain.
type DomainInterval struct {
	Domain string
	Interval
}

// CIProp returns the share of rows with y = 1 (an indicator, NaN left
// out) in the domain (nil: all rows) and its confidence interval at the
// level (e.g. 0.95), with the t quantiles on the domain's degrees of
// freedom, PSUs minus strata, as R's svyciprop(df = degf(design)); the
// beta method's n is the domain's number of rows (after weighting, the
// whole sample's, as R keeps every row in a calibrated design's subset).
func (d *Design) CIProp(y []float64, domain []bool, method CIMethod, level float64) (Interval, error) {
	if !(level > 0 && level < 1) {
		return Interval{}, lang.Errorf("the confidence level %v is not between 0 and 1", level)
	}
	e, err := d.estimate(y, domain, false)
	if err != nil {
		return Interval{}, err
	}
	iv := Interval{Estimate: e}
	p, alpha := e.Value, 1-level
	df := float64(e.DF)
	switch method {
	case CILogit:
		if (p == 0 || p == 1) && df > 0 {
			// The logit is infinite; R's glm stops near it with an
			// interval that is p̂ to 1e-9.
			iv.Lower, iv.Upper = p, p
			break
		}
		lo, hi := waldFactors(alpha, df)
		se := e.SE / (p * (1 - p))
		l := math.Log(p / (1 - p))
		iv.Lower, iv.Upper = expit(l+lo*se), expit(l+hi*se)
	case CIMean:
		h := tQuantile(1-alpha/2, df) * e.SE
		iv.Lower, iv.Upper = p-h, p+h
	case CIBeta:
		n := 0
		for _, in := range domainRows(domain, len(d.w)) {
			if in || len(d.steps) > 0 {
				n++
			}
		}
		r := tQuantile(alpha/2, float64(n-1)) / tQuantile(alpha/2, df)
		neff := p * (1 - p) / e.Var * r * r
		iv.Lower = betaQuantile(alpha/2, neff*p, neff*(1-p)+1)
		iv.Upper = betaQuantile(1-alpha/2, neff*p+1, neff*(1-p))
	default:
		return Interval{}, lang.Errorf("unknown interval method %d", int(method))
	}
	return iv, nil
}

// CIPropBy returns CIProp for each domain of by, in sorted order.
func (d *Design) CIPropBy(y []float64, by []string, method CIMethod, level float64) ([]DomainInterval, error) {
	doms, err := d.domains(by)
	if err != nil {
		return nil, err
	}
	out := make([]DomainInterval, len(doms))
	for k, dom := range doms {
		iv, err := d.CIProp(y, dom.in, method, level)
		if err != nil {
			return nil, err
		}
		out[k] = DomainInterval{dom.name, iv}
	}
	return out, nil
}

// expit is the inverse logit, 0 at −∞ and 1 at +∞.
func expit(x float64) float64 { return 1 / (1 + math.Exp(-x)) }

// waldFactors returns the lower and upper quantile factors of R's
// confint.svyglm Wald interval: the t quantile on df degrees of
// freedom, taken through the normal distribution as R does, via the
// level 1 − 2Φ(t_{df}(α/2)). For few degrees of freedom that level
// rounds to 1 and the factors become ∓∞ (the interval (0, 1)), where
// the t quantile itself would be finite. NaN for df ≤ 0.
func waldFactors(alpha, df float64) (lo, hi float64) {
	if !(df > 0) {
		return math.NaN(), math.NaN()
	}
	level := 1 - 2*distuv.UnitNormal.CDF(tQuantile(alpha/2, df))
	a := (1 - level) / 2
	return distuv.UnitNormal.Quantile(a), distuv.UnitNormal.Quantile(1 - a)
}

// tQuantile is Student's t quantile; NaN for df ≤ 0, as R's qt.
func tQuantile(p, df float64) float64 {
	if !(df > 0) {
		return math.NaN()
	}
	return distuv.StudentsT{Mu: 0, Sigma: 1, Nu: df}.Quantile(p)
}

// betaQuantile is the beta quantile, with R's qbeta limits: a shape 0
// puts all mass at 0 (first) or 1 (second).
func betaQuantile(p, a, b float64) float64 {
	switch {
	case math.IsNaN(a) || math.IsNaN(b) || a < 0 || b < 0:
		return math.NaN()
	case a == 0:
		return 0
	case b == 0:
		return 1
	}
	return distuv.Beta{Alpha: a, Beta: b}.Quantile(p)
}
