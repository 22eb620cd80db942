package plan

import (
	"planatlas/datasets"
	"planatlas/indicators"
)

// GoalSpec is one goal of the social plan: an indicator's target value
// in a target year, for one area, one district or the city.
type GoalSpec struct {
	Title     Text    `yaml:"title"`
	Indicator string  `yaml:"indicator"`
	Area      string  `yaml:"area"`     // an area's key
	District  string  `yaml:"district"` // a district's key; the city if neither is given
	Target    float64 `yaml:"target"`
	Year      int     `yaml:"year"`      // the target year
	Direction string  `yaml:"direction"` // increase or decrease; from the indicator's need if absent
	Line      int     `yaml:"-"`
}

// checkGoals checks each goal: its indicator, target year, place and
// direction.
func (chk *checker) checkGoals() {
	p, c := chk.p, chk.c
	for _, e := range p.Goals {
		g := &goal{id: e.Name, spec: e.Value}
		s := e.Value
		k, ok := chk.byInd[s.Indicator]
		switch {
		case s.Indicator == "":
			chk.fail(e.Line, "goal %q: indicator is required", e.Name)
		case !ok:
			chk.fail(e.Line, "goal %q: %q is not an indicator%s%s", e.Name, s.Indicator, chk.unavailable(s.Indicator), didYouMean(s.Indicator, indicatorIDs(c.indicators)))
		}
		g.indicator = k
		if s.Year == 0 {
			chk.fail(e.Line, "goal %q: year is required: the year by which the target is to be reached", e.Name)
		} else if !datasets.PlausibleYear(s.Year) {
			chk.fail(e.Line, "goal %q: year %d is not a plausible year (%d–%d): a typo?", e.Name, s.Year, datasets.FirstYear, datasets.LastYear)
		}
		if s.Area != "" && s.District != "" {
			chk.fail(e.Line, "goal %q: give an area or a district, not both (neither: the city)", e.Name)
		}
		switch s.Direction {
		case "increase":
			g.increase = true
		case "decrease":
		case "":
			if ok {
				switch c.indicators[k].Need {
				case indicators.HigherIsNeed:
				case indicators.LowerIsNeed:
					g.increase = true
				default:
					chk.fail(e.Line, "goal %q: indicator %q has need: none; say direction: increase or decrease", e.Name, s.Indicator)
				}
			}
		default:
			chk.fail(e.Line, "goal %q: direction %q: use increase or decrease", e.Name, s.Direction)
		}
		if g.spec.Title.De == "" && g.spec.Title.En == "" {
			g.spec.Title = Text{De: e.Name, En: e.Name}
		}
		c.goals = append(c.goals, g)
	}
}
