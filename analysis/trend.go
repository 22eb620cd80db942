package analysis

import (
	"math"
	"slices"

	"gonum.org/v1/gonum/stat/distuv"
)

// Trend describes how one indicator of one area changed over the years
// (docs/methods.md section 5). Values that cannot be computed are NaN.
type Trend struct {
	N        int     // years with a value
	Slope    float64 // OLS slope per year
	SE       float64 // its standard error
	P        float64 // two-sided p of the slope (Student's t, n − 2 df)
	TheilSen float64 // median of the pairwise slopes
	MKS      float64 // Mann–Kendall S
	MKVar    float64 // Var S, corrected for ties
	MKZ      float64 // continuity-corrected Z
	MKP      float64 // two-sided p of Z
	CAGR     float64 // compound annual growth rate, first to last year
	Class    int     // +1 rising, −1 falling, 0 stable (Mann–Kendall at α)
}

// ComputeTrend computes the trend statistics of y over the years t,
// skipping missing (NaN) values:
//
//	OLS: b = Σ(t − t̄)(y − ȳ) / Σ(t − t̄)², SE = √(SSE/(n − 2) / Σ(t − t̄)²)
//	Theil–Sen: median over pairs i < j, t_i ≠ t_j, of (y_j − y_i)/(t_j − t_i)
//	Mann–Kendall: S = Σ_{k<j} sgn(y_j − y_k),
//	  Var S = [n(n−1)(2n+5) − Σ_p t_p(t_p−1)(2t_p+5)] / 18 over tied groups,
//	  Z = (S − sgn S)/√Var S
//	CAGR = (y_last / y_first)^(1/(t_last − t_first)) − 1
//
// The class is rising or falling where the Mann–Kendall p is below
// alpha, a test that needs no assumption about the shape of the change
// and suits the short, noisy series of small areas.
func ComputeTrend(t, y []float64, alpha float64) Trend {
	// Series are short (a planning area's years): the work space lives on
	// the stack up to 32 years; a census grid has millions of series.
	var tBuf, yBuf, sortBuf [32]float64
	var pairBuf [32 * 31 / 2]float64
	ts, ys := tBuf[:0], yBuf[:0]
	for i := range y {
		if !math.IsNaN(y[i]) {
			ts, ys = append(ts, t[i]), append(ys, y[i])
		}
	}
	n := len(ys)
	tr := Trend{N: n, Slope: math.NaN(), SE: math.NaN(), P: math.NaN(), TheilSen: math.NaN(),
		MKS: math.NaN(), MKVar: math.NaN(), MKZ: math.NaN(), MKP: math.NaN(), CAGR: math.NaN()}
	if n < 2 {
		return tr
	}
	var tm, ym float64
	for i := range ys {
		tm += ts[i]
		ym += ys[i]
	}
	tm /= float64(n)
	ym /= float64(n)
	var stt, sty float64
	for i := range ys {
		stt += (ts[i] - tm) * (ts[i] - tm)
		sty += (ts[i] - tm) * (ys[i] - ym)
	}
	if stt > 0 {
		tr.Slope = sty / stt
		if n > 2 {
			var sse float64
			for i := range ys {
				r := ys[i] - ym - tr.Slope*(ts[i]-tm)
				sse += r * r
			}
			tr.SE = math.Sqrt(sse / float64(n-2) / stt)
			if tr.SE > 0 {
				tv := tr.Slope / tr.SE
				tr.P = 2 * distuv.StudentsT{Mu: 0, Sigma: 1, Nu: float64(n - 2)}.CDF(-math.Abs(tv))
			} else {
				tr.P = 0
			}
		}
	}
	slopes := pairBuf[:0]
	var s float64
	for i := 0; i < n; i++ {
		for j := i + 1; j < n; j++ {
			if ts[j] != ts[i] {
				slopes = append(slopes, (ys[j]-ys[i])/(ts[j]-ts[i]))
			}
			switch {
			case ys[j] > ys[i]:
				s++
			case ys[j] < ys[i]:
				s--
			}
		}
	}
	if len(slopes) > 0 {
		tr.TheilSen = medianInPlace(slopes)
	}
	// Tied groups: runs of equal values in sorted order.
	sorted := append(sortBuf[:0], ys...)
	slices.Sort(sorted)
	nf := float64(n)
	v := nf * (nf - 1) * (2*nf + 5)
	for i := 0; i < n; {
		j := i + 1
		for j < n && sorted[j] == sorted[i] {
			j++
		}
		if c := j - i; c > 1 {
			cf := float64(c)
			v -= cf * (cf - 1) * (2*cf + 5)
		}
		i = j
	}
	tr.MKS, tr.MKVar = s, v/18
	switch {
	case s > 0:
		tr.MKZ = (s - 1) / math.Sqrt(tr.MKVar)
	case s < 0:
		tr.MKZ = (s + 1) / math.Sqrt(tr.MKVar)
	default:
		tr.MKZ = 0
	}
	if tr.MKVar > 0 {
		tr.MKP = 2 * distuv.UnitNormal.CDF(-math.Abs(tr.MKZ))
	}
	if ys[0] > 0 && ys[n-1] >= 0 && ts[n-1] > ts[0] {
		tr.CAGR = math.Pow(ys[n-1]/ys[0], 1/(ts[n-1]-ts[0])) - 1
	}
	if tr.MKP < alpha {
		if s > 0 {
			tr.Class = 1
		} else if s < 0 {
			tr.Class = -1
		}
	}
	return tr
}
