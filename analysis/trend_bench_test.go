package analysis

import (
	"math/rand/v2"
	"testing"
)

// BenchmarkComputeTrend: one series of ten years, as a planning area has
// (Theil–Sen's 45 slopes).
func BenchmarkComputeTrend(b *testing.B) {
	r := rand.New(rand.NewPCG(1, 2))
	t := []float64{2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024}
	y := make([]float64, len(t))
	for i := range y {
		y[i] = 100 + 2*float64(i) + r.NormFloat64()
	}
	for b.Loop() {
		ComputeTrend(t, y, 0.05)
	}
}

// BenchmarkRank100k: one ranking of 100,000 areas, as each of the
// plausible ranks' replicates is.
func BenchmarkRank100k(b *testing.B) {
	r := rand.New(rand.NewPCG(5, 6))
	values := make([]float64, 100000)
	for i := range values {
		values[i] = r.NormFloat64()
	}
	for b.Loop() {
		Rank(values, nil)
	}
}
