package analysis

import (
	"math"
	"testing"
)

func TestAssessGoal(t *testing.T) {
	years := []int{2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024}
	tests := []struct {
		name     string
		values   []float64
		target   float64
		increase bool
		want     GoalStatus
		share    float64
	}{
		// Falling 1 a year from 20 (2019) to 15 (2024): 2028 projects 11,
		// the gap to 11 is closed fully.
		{"on track", []float64{30, 25, 22, 20, 19, 18, 17, 16, 15}, 11, false, GoalOnTrack, 1},
		// The same trend towards 10: 4 of 5 closed.
		{"nearly", []float64{30, 25, 22, 20, 19, 18, 17, 16, 15}, 10, false, GoalNearly, 0.8},
		{"too slow", []float64{30, 25, 22, 20, 19, 18, 17, 16, 15}, 5, false, GoalTooSlow, 0.4},
		{"wrong way", []float64{10, 11, 12, 13, 14, 15, 16, 17, 18}, 12, false, GoalWrongWay, -2.0 / 3},
		{"reached", []float64{10, 11, 12, 13, 14, 15, 16, 17, 18}, 18, true, GoalReached, math.NaN()},
		{"one year", []float64{nan, nan, nan, nan, nan, nan, nan, nan, 40}, 60, true, GoalNotAssessable, math.NaN()},
		// A gap in the series: the window starts at the first value within five years.
		{"gap", []float64{nan, nan, nan, nan, 10, nan, 12, nan, 14}, 18, true, GoalOnTrack, 1},
	}
	for _, tc := range tests {
		g := AssessGoal(years, tc.values, tc.target, 2028, tc.increase)
		if g.Status != tc.want {
			t.Errorf("%s: status %d, want %d (%+v)", tc.name, g.Status, tc.want, g)
		}
		if !(math.IsNaN(tc.share) && math.IsNaN(g.ShareClosed)) && math.Abs(g.ShareClosed-tc.share) > 1e-12 {
			t.Errorf("%s: share %v, want %v", tc.name, g.ShareClosed, tc.share)
		}
	}
}

var nan = math.NaN()
