package analysis

import (
	"fmt"
	"math"
	"sort"
)

// SVIVariable is one input of the Social Vulnerability Index: an estimated
// percentage (EP_) and the theme it belongs to (0-based). Reverse marks a
// variable where a higher value means less vulnerability (per-capita
// income in SVI 2016): its percentile rank is taken from 1.
type SVIVariable struct {
	ID      string
	Theme   int
	Reverse bool
}

// SVI holds the index's outputs per area, with NaN where CDC writes -999
// (a missing input, or an area without population) and -1 for a missing
// flag.
type SVI struct {
	EPL      [][]float64 // [variable][area]: percentile rank
	SPL, RPL [][]float64 // [theme][area]: sum of the theme's EPLs, its percentile rank
	SPLAll   []float64   // sum of the theme sums
	RPLAll   []float64   // its percentile rank: the overall SVI
	F        [][]int     // [variable][area]: 1 where EPL ≥ 0.90
	FTheme   [][]int     // [theme][area]: flags in the theme
	FTotal   []int       // flags in all themes
}

// ComputeSVI computes the CDC/ATSDR Social Vulnerability Index
// (docs/methods.md section 2) from values[variable][area] (NaN for missing)
// and each area's population (areas with none are left out of every
// ranking). Percentile ranks are
//
//	PR = round((rank − 1) / (N − 1), 4),  rank = 1 + #{values strictly smaller}
//
// over the N non-missing values, as SQL's PERCENT_RANK; sums are rounded
// to 4 decimals before they are ranked, as CDC ranks them.
//
// SVI 2016 summed and ranked unrounded values (percentile ranks and
// their sums, rounded only for output); sumRaw = true does the same.
func ComputeSVI(values [][]float64, vars []SVIVariable, themes int, pop []float64, sumRaw bool) (*SVI, error) {
	if len(values) != len(vars) {
		return nil, fmt.Errorf("%d value columns for %d variables", len(values), len(vars))
	}
	n := len(pop)
	nan := func() []float64 {
		x := make([]float64, n)
		for i := range x {
			x[i] = math.NaN()
		}
		return x
	}
	s := &SVI{}
	var eplRaw [][]float64 // what the theme sums add up
	for k, v := range vars {
		if len(values[k]) != n {
			return nil, fmt.Errorf("variable %s has %d values, not %d", v.ID, len(values[k]), n)
		}
		if v.Theme < 0 || v.Theme >= themes {
			return nil, fmt.Errorf("variable %s: theme %d of %d", v.ID, v.Theme+1, themes)
		}
		x := nan()
		for a := range x {
			if pop[a] > 0 {
				x[a] = values[k][a]
			}
		}
		epl, raw := percentRank(x)
		if v.Reverse {
			for a := range epl {
				epl[a], raw[a] = round4(1-raw[a]), 1-raw[a]
			}
		}
		s.EPL = append(s.EPL, epl)
		if sumRaw {
			eplRaw = append(eplRaw, raw)
		} else {
			eplRaw = append(eplRaw, epl)
		}
		f := make([]int, n)
		for a := range f {
			switch {
			case math.IsNaN(epl[a]):
				f[a] = -1
			case epl[a] >= 0.9:
				f[a] = 1
			}
		}
		s.F = append(s.F, f)
	}
	s.SPLAll = make([]float64, n)
	s.FTotal = make([]int, n)
	for t := 0; t < themes; t++ {
		spl := make([]float64, n)
		ft := make([]int, n)
		for k, v := range vars {
			if v.Theme != t {
				continue
			}
			for a := range spl {
				spl[a] += eplRaw[k][a] // NaN propagates
				if s.F[k][a] < 0 || ft[a] < 0 {
					ft[a] = -1
				} else {
					ft[a] += s.F[k][a]
				}
			}
		}
		rankOn := append([]float64(nil), spl...)
		for a := range spl {
			spl[a] = round4(spl[a])
			if !sumRaw {
				rankOn[a] = spl[a]
			}
			s.SPLAll[a] += rankOn[a]
			if ft[a] < 0 || s.FTotal[a] < 0 {
				s.FTotal[a] = -1
			} else {
				s.FTotal[a] += ft[a]
			}
		}
		s.SPL = append(s.SPL, spl)
		rpl, _ := percentRank(rankOn)
		s.RPL = append(s.RPL, rpl)
		s.FTheme = append(s.FTheme, ft)
	}
	allRank := append([]float64(nil), s.SPLAll...)
	for a := range s.SPLAll {
		s.SPLAll[a] = round4(s.SPLAll[a])
		if !sumRaw {
			allRank[a] = s.SPLAll[a]
		}
	}
	s.RPLAll, _ = percentRank(allRank)
	return s, nil
}

// percentRank returns round((rank − 1)/(N − 1), 4) for the non-missing
// values, rank counting the values strictly smaller plus one (ties share
// the lowest rank). Values are compared in ten-thousandths where they
// are sums of rounded ranks, which they are here: comparing the floats
// would split ties that CDC's rounded sums keep.
//
// It also returns the unrounded ranks.
func percentRank(x []float64) (rounded, raw []float64) {
	type kv struct {
		v float64
		i int
	}
	var present []kv
	for i, v := range x {
		if !math.IsNaN(v) {
			present = append(present, kv{math.Round(v * 1e8), i})
		}
	}
	out := make([]float64, len(x))
	raw = make([]float64, len(x))
	for i := range out {
		out[i], raw[i] = math.NaN(), math.NaN()
	}
	sort.Slice(present, func(a, b int) bool { return present[a].v < present[b].v })
	N := len(present)
	for r := 0; r < N; {
		e := r
		for e < N && present[e].v == present[r].v {
			e++
		}
		pr := 0.0
		if N > 1 {
			pr = float64(r) / float64(N-1)
		}
		for k := r; k < e; k++ {
			out[present[k].i], raw[present[k].i] = round4(pr), pr
		}
		r = e
	}
	return out, raw
}

func round4(x float64) float64 { return math.Round(x*1e4) / 1e4 }
