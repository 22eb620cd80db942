package analysis

// medianInPlace returns the median of xs (the mean of the two middle
// values of an even count), reordering xs. It selects the middle order
// statistic with Hoare's quickselect (median-of-three pivots) instead of
// sorting: Theil–Sen takes the median of n(n−1)/2 slopes for every
// series, and a census grid has millions of series. The result is the
// same number a sort would give. xs must hold no NaN.
func medianInPlace(xs []float64) float64 {
	m := len(xs)
	k := m / 2
	selectKth(xs, k)
	if m%2 == 1 {
		return xs[k]
	}
	// The lower middle value is the largest of those left of k.
	lo := xs[0]
	for _, x := range xs[1:k] {
		lo = max(lo, x)
	}
	return (lo + xs[k]) / 2
}

// selectKth reorders xs so that xs[k] is the value a sort would put
// there, with no larger value before it and no smaller one after it.
func selectKth(xs []float64, k int) {
	lo, hi := 0, len(xs)-1
	for hi-lo > 8 {
		mid := lo + (hi-lo)/2
		// median of three as the pivot, moved to lo
		if xs[mid] < xs[lo] {
			xs[mid], xs[lo] = xs[lo], xs[mid]
		}
		if xs[hi] < xs[lo] {
			xs[hi], xs[lo] = xs[lo], xs[hi]
		}
		if xs[hi] < xs[mid] {
			xs[hi], xs[mid] = xs[mid], xs[hi]
		}
		pivot := xs[mid]
		i, j := lo, hi
		for i <= j {
			for xs[i] < pivot {
				i++
			}
			for xs[j] > pivot {
				j--
			}
			if i <= j {
				xs[i], xs[j] = xs[j], xs[i]
				i++
				j--
			}
		}
		switch {
		case k <= j:
			hi = j
		case k >= i:
			lo = i
		default:
			return // xs[j+1 … i−1] all equal the pivot
		}
	}
	// insertion sort of the short rest
	for i := lo + 1; i <= hi; i++ {
		for j := i; j > lo && xs[j] < xs[j-1]; j-- {
			xs[j], xs[j-1] = xs[j-1], xs[j]
		}
	}
}
