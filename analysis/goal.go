package analysis

import "math"

// GoalStatus is the assessment of a plan goal.
type GoalStatus int

const (
	GoalNotAssessable GoalStatus = iota // fewer than two years of values
	GoalReached                         // the latest value already meets the target
	GoalOnTrack                         // the projection closes ≥ 95 % of the gap
	GoalNearly                          // 80 % to 95 %
	GoalTooSlow                         // more than 0 %, less than 80 %
	GoalWrongWay                        // 0 % or less: the trend leads away
)

// Goal is a target and its assessment.
type Goal struct {
	Status      GoalStatus
	FromYear    int     // the first year of the trend window
	LatestYear  int     // the last year with a value
	Latest      float64 // the value then (the start of the gap)
	Change      float64 // mean annual change over the window
	Projected   float64 // the value projected to the target year
	ShareClosed float64 // the share of the gap the projection closes (0.95 = 95 %)
}

// AssessGoal projects a series to the target year and rates it after the
// method of Germany's sustainability strategy (docs/methods.md section 5): the
// mean annual change over the last five years (six points; fewer if the
// series is shorter) is extrapolated from the latest value to the target
// year, and the share of the gap between the latest value and the target
// that the projection closes decides: ≥ 95 % on track, 80–95 % nearly,
// above 0 % too slow, 0 % or less the wrong way. increase says which way
// the target lies; a latest value at or beyond the target is reached.
func AssessGoal(years []int, values []float64, target float64, targetYear int, increase bool) Goal {
	g := Goal{Latest: math.NaN(), Change: math.NaN(), Projected: math.NaN(), ShareClosed: math.NaN()}
	last := -1
	for i := len(values) - 1; i >= 0; i-- {
		if !math.IsNaN(values[i]) {
			last = i
			break
		}
	}
	if last < 0 {
		return g
	}
	g.LatestYear, g.Latest = years[last], values[last]
	if (increase && g.Latest >= target) || (!increase && g.Latest <= target) {
		g.Status = GoalReached
		return g
	}
	first := -1
	for i := 0; i < last; i++ {
		if !math.IsNaN(values[i]) && years[last]-years[i] <= 5 {
			first = i
			break
		}
	}
	if first < 0 {
		return g
	}
	g.FromYear = years[first]
	g.Change = (values[last] - values[first]) / float64(years[last]-years[first])
	g.Projected = g.Latest + g.Change*float64(targetYear-g.LatestYear)
	g.ShareClosed = (g.Projected - g.Latest) / (target - g.Latest)
	switch {
	case g.ShareClosed >= 0.95:
		g.Status = GoalOnTrack
	case g.ShareClosed >= 0.80:
		g.Status = GoalNearly
	case g.ShareClosed > 0:
		g.Status = GoalTooSlow
	default:
		g.Status = GoalWrongWay
	}
	return g
}
