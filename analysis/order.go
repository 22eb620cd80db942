package analysis

import (
	"math"
	"slices"
)

// orderDesc returns the areas' indices ordered by value, largest first,
// NaN last, equal values in area order. Above a few hundred values it
// is a stable LSD radix sort on the values' bits — a ranking's 100
// replicates of 100,000 areas sorted one a comparison at a time cost a
// second — and gives the same order as the comparison sort below it.
func orderDesc(values []float64) []int {
	n := len(values)
	if n < 512 {
		return orderDescCompare(values)
	}
	keys := make([]uint64, n)
	idx := make([]int, n)
	for a, v := range values {
		keys[a], idx[a] = descKey(v), a
	}
	tmpK, tmpI := make([]uint64, n), make([]int, n)
	for shift := uint(0); shift < 64; shift += 8 {
		var count [257]int
		for _, k := range keys {
			count[(k>>shift)&0xff+1]++
		}
		if count[1] == n || count[256] == n {
			continue // every key has the same byte here
		}
		for b := 1; b < 257; b++ {
			count[b] += count[b-1]
		}
		for i, k := range keys {
			d := (k >> shift) & 0xff
			tmpK[count[d]], tmpI[count[d]] = k, idx[i]
			count[d]++
		}
		keys, tmpK = tmpK, keys
		idx, tmpI = tmpI, idx
	}
	return idx
}

// descKey maps a value to a key whose ascending order is the values'
// descending order: −0 as 0, every NaN last (the largest key, which no
// number reaches).
func descKey(v float64) uint64 {
	switch {
	case math.IsNaN(v):
		return math.MaxUint64
	case v == 0:
		v = 0 // −0 ranks as 0
	}
	b := math.Float64bits(v)
	if b>>63 == 1 {
		b = ^b // negative numbers: the larger the magnitude, the smaller
	} else {
		b |= 1 << 63
	}
	return ^b // b grows with v; its complement falls
}

// orderDescCompare is orderDesc by comparisons, for short slices.
func orderDescCompare(values []float64) []int {
	idx := make([]int, len(values))
	for a := range idx {
		idx[a] = a
	}
	slices.SortFunc(idx, func(x, y int) int {
		a, b := values[x], values[y]
		switch {
		case math.IsNaN(a) && math.IsNaN(b):
		case math.IsNaN(a):
			return 1
		case math.IsNaN(b):
			return -1
		case a > b:
			return -1
		case a < b:
			return 1
		}
		return x - y
	})
	return idx
}
