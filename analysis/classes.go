package analysis

import (
	"fmt"
	"math"
	"planatlas/lang"
	"sort"
)

// Classification methods for maps and tables besides Quantiles. Every
// method returns upper-inclusive class bounds (Classes), the last bound
// the largest value, so that a map legend reads "over a to b".

// Classify dispatches by method name: quantile, equal, fisher (exact
// Fisher–Jenks), stdmean, box, headtails, maximum, manual (bounds given).
func Classify(method string, values []float64, k int, manual []float64) (Classes, error) {
	switch method {
	case "", "quantile":
		return Quantiles(values, k)
	case "equal":
		return EqualInterval(values, k)
	case "fisher", "jenks", "fisher-jenks":
		return FisherJenks(values, k)
	case "stdmean":
		return StdMean(values)
	case "box":
		return BoxPlot(values)
	case "headtails":
		return HeadTail(values)
	case "maximum":
		return MaximumBreaks(values, k)
	case "manual":
		return Manual(values, manual)
	}
	return Classes{}, fmt.Errorf("unknown classification %q: use quantile, equal, fisher, stdmean, box, headtails, maximum or manual", method)
}

func sortedPresent(values []float64) ([]float64, error) {
	x := present(values)
	if len(x) == 0 {
		return nil, fmt.Errorf("no values to classify")
	}
	sort.Float64s(x)
	return x, nil
}

// finish drops empty top bounds, counts and notes fewer classes.
func finish(c Classes, x []float64, k int) Classes {
	var b []float64
	for _, v := range c.Bounds {
		if len(b) == 0 || v > b[len(b)-1] {
			b = append(b, v)
		}
	}
	c.Bounds = b
	if k > 0 && len(b) < k {
		c.Note = lang.M("%d classes instead of %d (too few distinct values)", len(b), k)
	}
	c.count(x)
	return c
}

// EqualInterval splits the range into k classes of equal width:
// bounds min + i·(max − min)/k.
func EqualInterval(values []float64, k int) (Classes, error) {
	x, err := sortedPresent(values)
	if err != nil || k < 1 {
		return Classes{}, orK(err, k)
	}
	lo, hi := x[0], x[len(x)-1]
	c := Classes{Method: "equal", Min: lo}
	for i := 1; i < k; i++ {
		c.Bounds = append(c.Bounds, lo+float64(i)*(hi-lo)/float64(k))
	}
	c.Bounds = append(c.Bounds, hi)
	return finish(c, x, k), nil
}

func orK(err error, k int) error {
	if err != nil {
		return err
	}
	return fmt.Errorf("the number of classes must be at least 1, not %d", k)
}

// FisherJenks finds the exact optimal classes: the partition of the
// sorted values into k groups with the least sum of squared deviations
// from the group means (Fisher 1958; Jenks 1977). It solves the dynamic
// programme D[q][j] = min_i D[q−1][i−1] + SSD(i..j) with the
// divide-and-conquer optimisation: the best i never decreases with j, so
// each of the k layers costs O(n log n) instead of O(n²) (Wang and Song
// 2011, Ckmeans.1d.dp). Bounds are each class's largest value. Where
// several partitions are equally good, the one with the earliest breaks
// is taken.
func FisherJenks(values []float64, k int) (Classes, error) {
	x, err := sortedPresent(values)
	if err != nil || k < 1 {
		return Classes{}, orK(err, k)
	}
	c := Classes{Method: "fisher", Min: x[0]}
	d := distinct(x)
	if len(d) <= k {
		c.Bounds = d
		return finish(c, x, k), nil
	}
	n := len(x)
	// Prefix sums of values shifted by the median, for precision.
	shift := x[n/2]
	s1, s2 := make([]float64, n+1), make([]float64, n+1)
	for i, v := range x {
		v -= shift
		s1[i+1], s2[i+1] = s1[i]+v, s2[i]+v*v
	}
	ssd := func(i, j int) float64 { // x[i..j], inclusive
		m := float64(j - i + 1)
		s := s1[j+1] - s1[i]
		return math.Max(0, s2[j+1]-s2[i]-s*s/m)
	}
	prev, cur := make([]float64, n), make([]float64, n)
	arg := make([][]int32, k) // arg[q][j]: first index of the last class
	for j := 0; j < n; j++ {
		prev[j] = ssd(0, j)
	}
	arg[0] = make([]int32, n)
	var solve func(q, jlo, jhi, ilo, ihi int)
	solve = func(q, jlo, jhi, ilo, ihi int) {
		if jlo > jhi {
			return
		}
		j := (jlo + jhi) / 2
		best, bi := math.Inf(1), -1
		for i := max(ilo, q); i <= min(j, ihi); i++ {
			if v := prev[i-1] + ssd(i, j); v < best {
				best, bi = v, i
			}
		}
		cur[j], arg[q][j] = best, int32(bi)
		solve(q, jlo, j-1, ilo, bi)
		solve(q, j+1, jhi, bi, ihi)
	}
	for q := 1; q < k; q++ {
		arg[q] = make([]int32, n)
		for j := range cur {
			cur[j] = math.Inf(1)
		}
		solve(q, q, n-1, q, n-1)
		prev, cur = cur, prev
	}
	// Back from the last value: each class's first index.
	bounds := make([]float64, k)
	j := n - 1
	for q := k - 1; q >= 0; q-- {
		bounds[q] = x[j]
		if q > 0 {
			j = int(arg[q][j]) - 1
		}
	}
	c.Bounds = bounds
	return finish(c, x, k), nil
}

// StdMean classes by the mean and the population standard deviation, as
// mapclassify's StdMean: bounds at mean − 2sd, mean − sd, mean + sd,
// mean + 2sd (those inside the range) and the maximum.
func StdMean(values []float64) (Classes, error) {
	x, err := sortedPresent(values)
	if err != nil {
		return Classes{}, err
	}
	_, mean, sd, _ := ZScores(x, false)
	c := Classes{Method: "stdmean", Min: x[0]}
	for _, m := range []float64{-2, -1, 1, 2} {
		if b := mean + m*sd; b > x[0] && b < x[len(x)-1] {
			c.Bounds = append(c.Bounds, b)
		}
	}
	c.Bounds = append(c.Bounds, x[len(x)-1])
	return finish(c, x, 0), nil
}

// BoxPlot classes as a box plot: lower fence q1 − 1.5·IQR, q1, median,
// q3, upper fence q3 + 1.5·IQR, maximum (quartiles by linear
// interpolation, R's type 7), as classInt's "box" style. Fences outside
// the values make the outlier classes empty; they are dropped.
func BoxPlot(values []float64) (Classes, error) {
	x, err := sortedPresent(values)
	if err != nil {
		return Classes{}, err
	}
	q1, q2, q3 := quantileSorted(x, 0.25), quantileSorted(x, 0.5), quantileSorted(x, 0.75)
	iqr := q3 - q1
	c := Classes{Method: "box", Min: x[0]}
	for _, b := range []float64{q1 - 1.5*iqr, q1, q2, q3, q3 + 1.5*iqr} {
		if b >= x[0] && b < x[len(x)-1] {
			c.Bounds = append(c.Bounds, b)
		}
	}
	c.Bounds = append(c.Bounds, x[len(x)-1])
	return finish(c, x, 0), nil
}

// HeadTail breaks heavy-tailed values at the mean, then at the mean of
// the values above it, and so on while the head holds at most 40 % of
// the values it was taken from (Jiang 2013; classInt's "headtails").
func HeadTail(values []float64) (Classes, error) {
	x, err := sortedPresent(values)
	if err != nil {
		return Classes{}, err
	}
	c := Classes{Method: "headtails", Min: x[0]}
	head := x
	for len(head) > 1 {
		var m float64
		for _, v := range head {
			m += v
		}
		m /= float64(len(head))
		var next []float64
		for _, v := range head {
			if v > m {
				next = append(next, v)
			}
		}
		if len(next) == 0 || len(next) == len(head) {
			break
		}
		c.Bounds = append(c.Bounds, m)
		if float64(len(next))/float64(len(head)) > 0.4 {
			break
		}
		head = next
	}
	c.Bounds = append(c.Bounds, x[len(x)-1])
	return finish(c, x, 0), nil
}

// MaximumBreaks puts the k − 1 breaks in the middle of the largest gaps
// between consecutive distinct values.
func MaximumBreaks(values []float64, k int) (Classes, error) {
	x, err := sortedPresent(values)
	if err != nil || k < 1 {
		return Classes{}, orK(err, k)
	}
	d := distinct(x)
	c := Classes{Method: "maximum", Min: x[0]}
	type gap struct {
		w float64
		i int
	}
	var gaps []gap
	for i := 1; i < len(d); i++ {
		gaps = append(gaps, gap{d[i] - d[i-1], i})
	}
	sort.SliceStable(gaps, func(a, b int) bool { return gaps[a].w > gaps[b].w })
	var mids []float64
	for _, g := range gaps[:min(k-1, len(gaps))] {
		mids = append(mids, (d[g.i]+d[g.i-1])/2)
	}
	sort.Float64s(mids)
	c.Bounds = append(mids, x[len(x)-1])
	return finish(c, x, k), nil
}

// Manual uses the given upper bounds; values above the last bound are
// counted in a last class up to the maximum.
func Manual(values []float64, bounds []float64) (Classes, error) {
	x, err := sortedPresent(values)
	if err != nil {
		return Classes{}, err
	}
	if len(bounds) == 0 {
		return Classes{}, fmt.Errorf("manual classes need their bounds")
	}
	for i := 1; i < len(bounds); i++ {
		if !(bounds[i] > bounds[i-1]) {
			return Classes{}, fmt.Errorf("manual bounds must increase: %v after %v", bounds[i], bounds[i-1])
		}
	}
	c := Classes{Method: "manual", Min: x[0], Bounds: append([]float64(nil), bounds...)}
	if top := x[len(x)-1]; top > c.Bounds[len(c.Bounds)-1] {
		c.Bounds = append(c.Bounds, top)
	}
	c.count(x)
	return c, nil
}
