package analysis

import (
	"fmt"
	"math"
	"planatlas/lang"
	"sort"
)

// Classes are class bounds for a map: class i holds the values in
// (Bounds[i−1], Bounds[i]], the first class everything up to Bounds[0]
// (upper-inclusive, as mapclassify). Min is the smallest value, so that
// the first class can be labelled from Min.
type Classes struct {
	Method string
	Min    float64
	Bounds []float64
	Counts []int
	Note   lang.Message // for example fewer classes than asked, and why; short, for a legend
}

// Quantiles classifies the non-missing values into k classes of about
// equal size. The bounds are the quantiles i/k, i = 1..k, by linear
// interpolation between order statistics (numpy's default, which
// mapclassify uses); equal bounds merge, so fewer distinct values than
// classes give fewer classes, with a note.
func Quantiles(values []float64, k int) (Classes, error) {
	x := present(values)
	if len(x) == 0 {
		return Classes{}, fmt.Errorf("no values to classify")
	}
	if k < 1 {
		return Classes{}, fmt.Errorf("the number of classes must be at least 1, not %d", k)
	}
	sort.Float64s(x)
	c := Classes{Method: "quantile", Min: x[0]}
	if d := distinct(x); len(d) <= k {
		// One class per distinct value: quantiles would interpolate
		// bounds between them and leave classes empty.
		c.Bounds = d
		if len(d) < k {
			c.Note = lang.M("%d classes instead of %d (only %d distinct values)", len(d), k, len(d))
		}
		c.count(x)
		return c, nil
	}
	for i := 1; i <= k; i++ {
		q := quantileSorted(x, float64(i)/float64(k))
		if len(c.Bounds) == 0 || q > c.Bounds[len(c.Bounds)-1] {
			c.Bounds = append(c.Bounds, q)
		}
	}
	if len(c.Bounds) < k {
		c.Note = lang.M("%d classes instead of %d (too few distinct values)", len(c.Bounds), k)
	}
	c.count(x)
	return c, nil
}

func (c *Classes) count(x []float64) {
	c.Counts = make([]int, len(c.Bounds))
	for _, v := range x {
		c.Counts[c.Class(v)]++
	}
}

// distinct returns the distinct values of sorted x.
func distinct(x []float64) []float64 {
	var d []float64
	for i, v := range x {
		if i == 0 || v != x[i-1] {
			d = append(d, v)
		}
	}
	return d
}

// quantileSorted returns the p-quantile of sorted x by linear
// interpolation: h = (n−1)p, x[⌊h⌋] + (h−⌊h⌋)(x[⌊h⌋+1] − x[⌊h⌋]).
// (gonum's stat.Quantile offers only the empirical and the
// linear-with-(n·p) rules, neither of which matches numpy.)
func quantileSorted(x []float64, p float64) float64 {
	h := float64(len(x)-1) * p
	lo := math.Floor(h)
	i := int(lo)
	if i+1 >= len(x) {
		return x[len(x)-1]
	}
	return x[i] + (h-lo)*(x[i+1]-x[i])
}

// Class returns the class of v, or −1 for a missing value.
func (c Classes) Class(v float64) int {
	if math.IsNaN(v) {
		return -1
	}
	i := sort.SearchFloat64s(c.Bounds, v) // first bound ≥ v
	if i >= len(c.Bounds) {
		i = len(c.Bounds) - 1
	}
	return i
}

func present(values []float64) []float64 {
	x := make([]float64, 0, len(values))
	for _, v := range values {
		if !math.IsNaN(v) {
			x = append(x, v)
		}
	}
	return x
}

// Recount counts values into the classes' bounds, for bounds held fixed
// from other data (all years of a series): values beyond the last bound
// count in the last class, below the first in the first.
func (c Classes) Recount(values []float64) Classes {
	x := present(values)
	out := c
	out.Bounds = append([]float64(nil), c.Bounds...)
	if len(x) > 0 {
		out.Min = math.Min(c.Min, x[0])
		for _, v := range x {
			out.Min = math.Min(out.Min, v)
		}
	}
	out.count(x)
	return out
}
