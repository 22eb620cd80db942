package benchmarks

import (
	"sync"
	"testing"

	"planatlas/analysis"
	"planatlas/geo"
)

// gridStats is the 100,000-area grid with queen weights (row-
// standardised) and a spatially smooth value with noise, made once.
var gridStats = sync.OnceValues(func() (*geo.Weights, []float64) {
	var b testing.B
	a := readGrid(&b)
	w := geo.NewWeights(a.Keys, geo.Queen(a, 0.1), "queen", geo.RowStandardised)
	x := GridValues(400, 250, 1)
	return w, x
})

func BenchmarkMoran100k(b *testing.B) {
	w, x := gridStats()
	for b.Loop() {
		if _, err := analysis.Moran(x, w); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkMoranPermutation999_100k(b *testing.B) {
	w, x := gridStats()
	for b.Loop() {
		if _, err := analysis.MoranPermutation(x, w, 999, 1); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkLocalMoran999_100k(b *testing.B) {
	w, x := gridStats()
	for b.Loop() {
		if _, err := analysis.LocalMoranPermutation(x, w, 999, 1, 0.05, false); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkGiStar999_100k(b *testing.B) {
	w, x := gridStats()
	for b.Loop() {
		if _, _, err := analysis.GiStarPermutation(x, w, 999, 1); err != nil {
			b.Fatal(err)
		}
	}
}
