package analysis

import (
	"math"
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

// TestOrderDesc: the radix order equals the comparison order on values
// with ties, zeros of both signs, infinities and NaN, short and long.
func TestOrderDesc(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	special := []float64{0, math.Copysign(0, -1), math.Inf(1), math.Inf(-1), math.NaN(), -1e-300, 1e-300, math.MaxFloat64, -math.MaxFloat64}
	for _, n := range []int{1, 5, 511, 512, 600, 5000} {
		values := make([]float64, n)
		for i := range values {
			switch r.IntN(4) {
			case 0:
				values[i] = special[r.IntN(len(special))]
			case 1:
				values[i] = float64(r.IntN(5))
			default:
				values[i] = r.NormFloat64() * 1e3
			}
		}
		if got, want := orderDesc(values), orderDescCompare(values); !slices.Equal(got, want) {
			t.Fatalf("n %d: radix order differs from the comparison order", n)
		}
	}
}
