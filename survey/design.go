package survey

import (
	"math"
	"sort"
	"strconv"

	"planatlas/lang"
)

// LonelyPSU says what the variance does with a stratum that has a single
// primary sampling unit, whose within-stratum variance cannot be
// estimated; the choices are those of R's options(survey.lonely.psu=)
// (Lumley 2010, section 2.2).
type LonelyPSU int

const (
	// LonelyFail refuses such a design: NewDesign returns an error naming
	// the stratum.
	LonelyFail LonelyPSU = iota
	// LonelyRemove lets the stratum contribute nothing to the variance.
	LonelyRemove
	// LonelyCertainty treats the PSU as sampled with certainty: it, too,
	// contributes nothing (the same numbers as LonelyRemove).
	LonelyCertainty
	// LonelyAdjust centres the PSU's total at zero, the grand mean of the
	// (centred) influence values, instead of at its stratum's mean.
	LonelyAdjust
	// LonelyAverage gives the stratum the average contribution of the
	// other strata: the sum over strata with two or more PSUs is scaled
	// by (strata)/(strata with two or more PSUs).
	LonelyAverage
)

// Options describe a design beyond its weights. Every slice, when given,
// has one entry per row of the sample.
type Options struct {
	// Strata are the rows' strata; nil for an unstratified design.
	Strata []string
	// Clusters are the rows' primary sampling units (one stage), nested
	// in the strata: the same id in two strata is two PSUs. Nil: every
	// row is its own PSU.
	Clusters []string
	// FPC is the finite population correction of each row's stratum:
	// the number of PSUs in the stratum's population or, when every
	// value is at most 1, the stratum's sampling fraction of PSUs (as
	// R's svydesign fpc). Nil: sampling with replacement.
	FPC []float64
	// Lonely says how a stratum with one PSU enters the variance.
	Lonely LonelyPSU
}

// Design is a sample drawn by a stratified one-stage cluster design with
// its weights and, after weighting, the calibration steps whose residuals
// the variance uses. A Design is never changed: weighting returns a new
// one.
type Design struct {
	w       []float64
	stratum []int     // row → stratum index
	psu     []int     // row → PSU index (over all strata)
	psuStr  []int     // PSU → stratum
	names   []string  // stratum names
	nPSU    []int     // stratum → PSUs in the sample
	popPSU  []float64 // stratum → PSUs in the population (+Inf: none given)
	lonely  LonelyPSU
	steps   []step // weighting steps, in the order they were made
}

// step is a weighting step: it replaces the weighted influence values z
// by the residuals the variance of the weighted estimator uses.
type step interface {
	residuals(z []float64)
}

// NewDesign returns the design of a sample with the given sampling
// weights (the inverse inclusion probabilities, each > 0).
func NewDesign(weights []float64, opt Options) (*Design, error) {
	n := len(weights)
	if n == 0 {
		return nil, lang.Errorf("the sample has no rows")
	}
	for i, w := range weights {
		if !(w > 0) || math.IsInf(w, 1) {
			return nil, lang.Errorf("row %d has the weight %v: sampling weights must be positive numbers", i+1, w)
		}
	}
	switch {
	case opt.Strata != nil && len(opt.Strata) != n:
		return nil, lang.Errorf("the strata have %d entries for %d rows", len(opt.Strata), n)
	case opt.Clusters != nil && len(opt.Clusters) != n:
		return nil, lang.Errorf("the clusters have %d entries for %d rows", len(opt.Clusters), n)
	case opt.FPC != nil && len(opt.FPC) != n:
		return nil, lang.Errorf("the finite population corrections have %d entries for %d rows", len(opt.FPC), n)
	}
	d := &Design{w: append([]float64(nil), weights...), lonely: opt.Lonely}
	d.stratum, d.names = index(opt.Strata, n)
	d.psu = make([]int, n)
	psuOf := map[[2]string]int{}
	for i := range n {
		key := [2]string{d.names[d.stratum[i]], ""}
		if opt.Clusters != nil {
			key[1] = opt.Clusters[i]
		} else {
			key[1] = "\x00row" + strconv.Itoa(i)
		}
		j, ok := psuOf[key]
		if !ok {
			j = len(d.psuStr)
			psuOf[key] = j
			d.psuStr = append(d.psuStr, d.stratum[i])
		}
		d.psu[i] = j
	}
	d.nPSU = make([]int, len(d.names))
	for _, h := range d.psuStr {
		d.nPSU[h]++
	}
	if err := d.setFPC(opt.FPC); err != nil {
		return nil, err
	}
	if opt.Lonely == LonelyFail {
		for h, m := range d.nPSU {
			if m == 1 {
				return nil, lang.Errorf("stratum %q has only one PSU: its variance cannot be estimated (say how to treat it: lonely_psu remove, certainty, adjust or average, as R's survey.lonely.psu)", d.names[h])
			}
		}
	}
	return d, nil
}

// index numbers the distinct values of v in sorted order; nil is one
// group.
func index(v []string, n int) ([]int, []string) {
	idx := make([]int, n)
	if v == nil {
		return idx, []string{""}
	}
	names := distinct(v)
	pos := make(map[string]int, len(names))
	for i, s := range names {
		pos[s] = i
	}
	for i, s := range v {
		idx[i] = pos[s]
	}
	return idx, names
}

// distinct returns the sorted distinct values of v.
func distinct(v []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, s := range v {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	sort.Strings(out)
	return out
}

// setFPC sets each stratum's population number of PSUs from the rows'
// fpc: population sizes, or sampling fractions when all are at most 1.
func (d *Design) setFPC(fpc []float64) error {
	d.popPSU = make([]float64, len(d.names))
	for h := range d.popPSU {
		d.popPSU[h] = math.Inf(1)
	}
	if fpc == nil {
		return nil
	}
	fractions := true
	for _, f := range fpc {
		if !(f > 0) {
			return lang.Errorf("the finite population correction %v is not a positive number", f)
		}
		fractions = fractions && f <= 1
	}
	set := make([]bool, len(d.names))
	for i, f := range fpc {
		h := d.stratum[i]
		pop := f
		if fractions {
			pop = float64(d.nPSU[h]) / f
		}
		if set[h] && d.popPSU[h] != pop {
			return lang.Errorf("the finite population correction varies within stratum %q", d.names[h])
		}
		if pop < float64(d.nPSU[h]) {
			return lang.Errorf("stratum %q has %d PSUs in the sample but a population of %v", d.names[h], d.nPSU[h], pop)
		}
		d.popPSU[h], set[h] = pop, true
	}
	return nil
}

// Weights returns a copy of the design's weights.
func (d *Design) Weights() []float64 { return append([]float64(nil), d.w...) }

// Len returns the number of rows of the sample.
func (d *Design) Len() int { return len(d.w) }

// DF returns the design's degrees of freedom, PSUs minus strata (R's
// degf).
func (d *Design) DF() int { return len(d.psuStr) - len(d.names) }

// derive returns a copy of d with new weights and one more weighting
// step.
func (d *Design) derive(w []float64, s step) *Design {
	c := *d
	c.w = w
	if s != nil {
		c.steps = append(append([]step(nil), d.steps...), s)
	}
	return &c
}
