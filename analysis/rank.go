package analysis

import (
	"math"
	"slices"
	"sort"
)

// Ranking is the order of areas by an index, highest need first.
type Ranking struct {
	Rank    []int   // per area: 1 = most need; 0 where the value is missing
	Tie     []bool  // per area: shares its rank with another area
	Order   []int   // area indices by rank; areas without a value last, by index
	Drivers [][]int // per area: components in order of contribution, at most three
}

// tieTolerance treats values equal to 12 significant digits as ties, so
// that sums added in another order do not split a real tie.
const tieTolerance = 1e-12

// Rank ranks areas by values, highest first ("standard competition"
// ranking: equal values share a rank and the next rank is skipped, 1, 2,
// 2, 4). contrib ([component][area]) names each area's three strongest
// drivers: the components with the largest contributions, ties broken by
// component order. contrib may be nil.
func Rank(values []float64, contrib [][]float64) Ranking {
	n := len(values)
	r := Ranking{Rank: make([]int, n), Tie: make([]bool, n), Drivers: make([][]int, n)}
	// Sorted by value (NaN last) and area, then each run of values equal
	// within the tolerance put back into area order: the order of a
	// stable sort that takes such values as equal.
	order := orderDesc(values)
	for i := 0; i < n; {
		j := i + 1
		for j < n && !math.IsNaN(values[order[j]]) && equalish(values[order[j]], values[order[j-1]]) {
			j++
		}
		if j-i > 1 {
			slices.Sort(order[i:j])
		}
		i = j
	}
	r.Order = order
	for i, a := range r.Order {
		if math.IsNaN(values[a]) {
			break
		}
		if i > 0 && equalish(values[a], values[r.Order[i-1]]) {
			prev := r.Order[i-1]
			r.Rank[a] = r.Rank[prev]
			r.Tie[a], r.Tie[prev] = true, true
		} else {
			r.Rank[a] = i + 1
		}
	}
	if contrib != nil {
		for a := 0; a < n; a++ {
			if math.IsNaN(values[a]) {
				continue
			}
			ks := make([]int, len(contrib))
			for k := range ks {
				ks[k] = k
			}
			sort.SliceStable(ks, func(i, j int) bool { return contrib[ks[i]][a] > contrib[ks[j]][a] })
			if len(ks) > 3 {
				ks = ks[:3]
			}
			r.Drivers[a] = ks
		}
	}
	return r
}

func equalish(a, b float64) bool {
	return math.Abs(a-b) <= tieTolerance*math.Max(1, math.Max(math.Abs(a), math.Abs(b)))
}
