package analysis

import (
	"fmt"
	"math"
	"math/rand/v2"
	"sort"

	"gonum.org/v1/gonum/stat/distuv"
)

// Uncertain is an index component with what makes its values uncertain:
// for a rate of counts, x events in n persons (value = Scale · x/n).
// X and N are nil for values taken as exact (temperatures, shares of
// area).
type Uncertain struct {
	Component
	X, N  []float64
	Scale float64
}

// RankRange holds each area's plausible ranks: the 5th and the 95th
// percentile of its rank over the replicates (0 where it has no rank).
type RankRange struct {
	Lo, Hi []int
	Reps   int
}

// RankUncertainty says how sure an area's rank on an index of weighted
// standardised indicators (Combine with method) is. In
// each of reps replicates every rate is drawn from the distribution its
// counts allow — Beta(x + ½, n − x + ½), Jeffreys' posterior of a
// proportion, so a small area's rate varies much and a large one's little
// — and every weight is multiplied by a factor drawn uniformly from
// [1 − jitter, 1 + jitter]; the index is recomputed and the areas ranked.
// The random stream is seeded: the same seed gives the same ranges.
func RankUncertainty(cs []Uncertain, mean bool, method string, reps int, jitter float64, seed uint64) (RankRange, error) {
	if len(cs) == 0 || reps < 1 {
		return RankRange{}, fmt.Errorf("rank uncertainty needs components and at least one replicate")
	}
	n := len(cs[0].Values)
	// Each replicate draws from a stream of its own, so that replicates
	// run in parallel and the result does not depend on how many.
	rankOf := make([][]int32, reps)
	errs := make([]error, reps)
	ForEach(reps, func(rep int) {
		rng := rand.New(rand.NewPCG(seed, 0x706c616e61746c61^uint64(rep)<<32)) // "planatla"
		draw := make([]Component, len(cs))
		for k, c := range cs {
			d := c.Component
			d.Weight = c.Weight * (1 + jitter*(2*rng.Float64()-1))
			if c.X != nil {
				vals := make([]float64, n)
				for a := range vals {
					x, m := c.X[a], c.N[a]
					switch {
					case math.IsNaN(c.Values[a]):
						vals[a] = math.NaN()
					case m > 0 && x >= 0 && x <= m:
						vals[a] = c.Scale * distuv.Beta{Alpha: x + 0.5, Beta: m - x + 0.5, Src: rng}.Rand()
					default:
						vals[a] = c.Values[a]
					}
				}
				d.Values = vals
			}
			draw[k] = d
		}
		ix, err := Combine(draw, mean, method)
		if err != nil {
			errs[rep] = err
			return
		}
		r := Rank(ix.Values, nil)
		rankOf[rep] = make([]int32, n)
		for a, k := range r.Rank {
			rankOf[rep][a] = int32(k)
		}
	})
	for _, err := range errs {
		if err != nil {
			return RankRange{}, err
		}
	}
	ranks := make([][]int, n)
	for a := range ranks {
		for rep := range rankOf {
			if k := rankOf[rep][a]; k > 0 {
				ranks[a] = append(ranks[a], int(k))
			}
		}
	}
	rr := RankRange{Lo: make([]int, n), Hi: make([]int, n), Reps: reps}
	for a, rs := range ranks {
		if len(rs) == 0 {
			continue
		}
		sort.Ints(rs)
		rr.Lo[a] = rs[int(math.Floor(0.05*float64(len(rs)-1)))]
		rr.Hi[a] = rs[int(math.Ceil(0.95*float64(len(rs)-1)))]
	}
	return rr, nil
}
