package analysis

import (
	"math"
	"testing"
)

// BenchmarkComputeTrend: one ten-year series, as the trends of a census
// grid compute millions of them.
func BenchmarkComputeTrend(b *testing.B) {
	t := []float64{2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024}
	y := []float64{12.1, 12.4, math.NaN(), 12.4, 13.0, 12.8, 13.5, 13.5, 13.9, 14.2}
	for b.Loop() {
		ComputeTrend(t, y, 0.05)
	}
}
