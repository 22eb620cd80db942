package analysis

import "fmt"

// Component is one indicator of a composite index: its values in the
// index year (one per area), its direction (+1 if a higher value means
// more need, −1 if less) and its weight.
type Component struct {
	ID     string
	Values []float64
	Need   int
	Weight float64
}

// Index is a composite index over areas with what it is made of.
type Index struct {
	Values []float64   // per area; NaN where a component is missing
	Z      [][]float64 // [component][area]: z-score with the direction applied
	// Contrib holds each component's weighted contribution to Values,
	// [component][area]; Values is their sum (divided by the total weight
	// for a mean index).
	Contrib [][]float64
	Mean    []float64 // per component: the mean the z-scores used
	SD      []float64 // per component: the standard deviation they used
	Flat    []string  // components that could not tell areas apart (sd 0)
}

// ZSum computes the weighted sum of direction-adjusted z-scores:
//
//	I_a = Σ_k w_k · d_k · z_ka,  z_ka = (x_ka − mean_k) / sd_k
//
// with the population standard deviation. With mean = true the sum is
// divided by Σ w_k (a weighted mean of z-scores, on the z scale). An area
// with a missing component gets no index value: leaving a component out
// would compare it on a different index.
func ZSum(cs []Component, mean bool) (*Index, error) {
	return Combine(cs, mean, "z")
}

// Combine is ZSum with another standardisation (see Standardise): the
// weighted sum (or mean) of the components standardised by method, with
// their directions applied (for min–max and ranks: d · s, so that a
// lower value of a "lower is need" indicator scores high).
func Combine(cs []Component, mean bool, method string) (*Index, error) {
	if _, err := Standardise(method, nil); err != nil {
		return nil, err
	}
	if len(cs) == 0 {
		return nil, fmt.Errorf("an index needs at least one component")
	}
	n := len(cs[0].Values)
	ix := &Index{Values: make([]float64, n)}
	var wsum float64
	for _, c := range cs {
		if len(c.Values) != n {
			return nil, fmt.Errorf("component %q has %d values, not %d", c.ID, len(c.Values), n)
		}
		if c.Need != 1 && c.Need != -1 {
			return nil, fmt.Errorf("component %q has direction %d, want 1 or -1", c.ID, c.Need)
		}
		if !(c.Weight > 0) {
			return nil, fmt.Errorf("component %q has weight %v; weights must be positive", c.ID, c.Weight)
		}
		wsum += c.Weight
	}
	for _, c := range cs {
		z, m, sd, ok := ZScores(c.Values, method == "z-sample")
		if !ok {
			ix.Flat = append(ix.Flat, c.ID)
		}
		dir := float64(c.Need)
		if method != "z" && method != "z-sample" {
			x := c.Values
			if c.Need < 0 {
				// Ranks and ranges of the reversed values, so that the
				// scale still runs from least to most need.
				x = make([]float64, n)
				for a, v := range c.Values {
					x[a] = -v
				}
			}
			z, _ = Standardise(method, x)
			dir = 1 // the direction is in the values already
		}
		contrib := make([]float64, n)
		for a := range z {
			z[a] *= dir
			contrib[a] = c.Weight * z[a]
			if mean {
				contrib[a] /= wsum
			}
			ix.Values[a] += contrib[a] // NaN propagates
		}
		ix.Z = append(ix.Z, z)
		ix.Contrib = append(ix.Contrib, contrib)
		ix.Mean = append(ix.Mean, m)
		ix.SD = append(ix.SD, sd)
	}
	return ix, nil
}
