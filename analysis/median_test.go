package analysis

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// TestMedianInPlace: quickselect's median equals the sorted median on
// random slices of every length up to 500, with many ties and without.
func TestMedianInPlace(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for n := 1; n <= 500; n++ {
		for _, levels := range []int{3, 1 << 30} {
			xs := make([]float64, n)
			for i := range xs {
				xs[i] = float64(r.IntN(levels)) - float64(levels)/2
			}
			sorted := slices.Clone(xs)
			slices.Sort(sorted)
			want := sorted[n/2]
			if n%2 == 0 {
				want = (sorted[n/2-1] + sorted[n/2]) / 2
			}
			if got := medianInPlace(xs); got != want {
				t.Fatalf("n %d, %d levels: median %g, want %g", n, levels, got, want)
			}
		}
	}
}
