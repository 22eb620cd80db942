package survey

// variance returns the Taylor-linearisation variance of an estimator
// whose weighted influence values (Binder 1983) are z, one per row, zero
// outside the domain: z is first replaced by the residuals of every
// weighting step, then
//
//	V = Σ_h (1 − n_h/N_h) · n_h/(n_h − 1) · Σ_j (z_hj − z̄_h)²
//
// with z_hj the total of z over PSU j of stratum h, n_h the stratum's
// sampled and N_h its population PSUs (Lumley 2010, section 2.2 and
// appendix C). present marks the strata in the estimate's domain; they
// count for LonelyAverage. z is overwritten.
func (d *Design) variance(z []float64, present []bool) float64 {
	for _, s := range d.steps {
		s.residuals(z)
	}
	t := make([]float64, len(d.psuStr))
	for i, v := range z {
		t[d.psu[i]] += v
	}
	sum := make([]float64, len(d.names))
	for j, v := range t {
		sum[d.psuStr[j]] += v
	}
	ss := make([]float64, len(d.names))
	for j, v := range t {
		h := d.psuStr[j]
		c := v
		if d.nPSU[h] > 1 || d.lonely != LonelyAdjust {
			c -= sum[h] / float64(d.nPSU[h])
		}
		ss[h] += c * c
	}
	var v float64
	strata, ok := 0, 0
	for h, n := range d.nPSU {
		if !present[h] {
			continue
		}
		strata++
		f := 1 - float64(n)/d.popPSU[h]
		if f < 1e-7 {
			ok++
			continue
		}
		switch {
		case n > 1:
			v += f * float64(n) / float64(n-1) * ss[h]
		case d.lonely == LonelyAverage:
			continue
		case d.lonely == LonelyAdjust:
			v += f * ss[h]
		}
		ok++
	}
	if ok == 0 {
		return v
	}
	return v * float64(strata) / float64(ok)
}
