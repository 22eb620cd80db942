package analysis

import (
	"math"
	"testing"
)

// A large area far ahead keeps rank 1 in every replicate; two small
// areas with nearly equal rates swap ranks, so their ranges overlap; the
// same seed gives the same ranges.
func TestRankUncertainty(t *testing.T) {
	x := []float64{5000, 3, 4, 100, 50}
	n := []float64{10000, 20, 20, 1000, 1000}
	rate := make([]float64, len(x))
	for a := range x {
		rate[a] = 100 * x[a] / n[a]
	}
	other := []float64{3, 2, 2, 1, 0}
	cs := []Uncertain{
		{Component: Component{ID: "rate", Values: rate, Need: 1, Weight: 2}, X: x, N: n, Scale: 100},
		{Component: Component{ID: "other", Values: other, Need: 1, Weight: 1}},
	}
	rr, err := RankUncertainty(cs, false, "z", 500, 0.25, 1)
	if err != nil {
		t.Fatal(err)
	}
	if rr.Lo[0] != 1 || rr.Hi[0] != 1 {
		t.Errorf("the clear leader ranges %d–%d", rr.Lo[0], rr.Hi[0])
	}
	if !(rr.Lo[1] <= 3 && rr.Hi[1] >= 2 && rr.Lo[2] <= 3 && rr.Hi[2] >= 2) || rr.Hi[1]-rr.Lo[1] < 1 {
		t.Errorf("small areas: %d–%d and %d–%d", rr.Lo[1], rr.Hi[1], rr.Lo[2], rr.Hi[2])
	}
	again, _ := RankUncertainty(cs, false, "z", 500, 0.25, 1)
	for a := range rr.Lo {
		if again.Lo[a] != rr.Lo[a] || again.Hi[a] != rr.Hi[a] {
			t.Fatal("same seed, different ranges")
		}
	}
	// An area without a value has no range.
	cs[1].Values = []float64{3, 2, 2, 1, math.NaN()}
	rr, _ = RankUncertainty(cs, false, "z", 100, 0.25, 1)
	if rr.Lo[4] != 0 || rr.Hi[4] != 0 {
		t.Errorf("missing area ranges %d–%d", rr.Lo[4], rr.Hi[4])
	}
}
