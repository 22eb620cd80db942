package citygen

import (
	"math"
	"math/rand/v2"
)

// The Familienbefragung 2024 is the demo's survey: about 2,000 residents
// aged 18–64, drawn per district (Bezirk) and answering five questions on
// childcare, play areas, safety, costs and children. It is built to
// exercise what a planning office does with such a survey:
//
//   - design weights: the districts are sampled with n_h ∝ √N_h, so a
//     small district's respondents weigh less than a large one's;
//   - raking: men and the 18–29-year-olds answer less often, so the
//     sample's age × sex mix differs from the register's and only
//     weighting to bevoelkerung.csv's counts corrects it;
//   - small areas: within a district respondents fall into planning areas
//     by their residents, so some areas have few respondents and their
//     direct estimates are noisy — the case for Fay–Herriot, whose
//     covariate (the SGB II share) explains part of the areas' differences
//     because the answers depend on the same deprivation that drives it.

const (
	surveySize   = 2000 // respondents in the whole city
	surveyMinAge = 18
	surveyMaxAge = 64
)

// ageGroups are the survey's age groups: 18–29, 30–44, 45–64.
var ageGroups = [3][2]int{{18, 29}, {30, 44}, {45, 64}}

// responsePropensity is the relative chance that a selected resident
// answers, by sex (0 men, 1 women) and age group.
var responsePropensity = [2][3]float64{{0.40, 0.72, 0.68}, {0.58, 1.0, 0.95}}

// respondent is one completed interview.
type respondent struct {
	area     int // index into areas
	sex      int // 0 men, 1 women
	ageGroup int // index into ageGroups
	answers  [5]float64
}

// familySurvey draws the survey from the areas' 2024 populations and
// returns it as an SPSS system file.
func familySurvey(areas []area, states []population) ([]byte, error) {
	rng := stream(9000)
	perArea := allocateSurvey(areas, states)
	nh, Nh := map[int]int{}, map[int]int{}
	for i, a := range areas {
		nh[a.district] += perArea[i]
		Nh[a.district] += states[i].sum(surveyMinAge, surveyMaxAge)
	}
	mood := areaMood(stream(9001), areas)
	var rs []respondent
	for i := range areas {
		cells := adultCells(&states[i])
		for k := 0; k < perArea[i]; k++ {
			r := respondent{area: i}
			r.sex, r.ageGroup = drawRespondent(rng, cells)
			r.answers = answer(rng, mood[i], r)
			rs = append(rs, r)
		}
	}
	weight := func(r respondent) float64 {
		d := areas[r.area].district
		return float64(Nh[d]) / float64(nh[d])
	}
	return surveyFile(areas, rs, weight).bytes()
}

// adultCells counts an area's residents aged 18–64 by sex and age group.
func adultCells(p *population) [2][3]int {
	var c [2][3]int
	for s := 0; s < 2; s++ {
		for g, r := range ageGroups {
			for a := r[0]; a <= r[1]; a++ {
				c[s][g] += p[s][a]
			}
		}
	}
	return c
}

// allocateSurvey gives each district n_h ∝ √N_h respondents (a
// compromise between equal precision per district and proportional
// allocation) and splits them over the district's areas in proportion
// to their residents aged 18–64.
func allocateSurvey(areas []area, states []population) []int {
	adults := make([]float64, len(areas))
	byDistrict := make([]float64, len(districts))
	for i, a := range areas {
		adults[i] = float64(states[i].sum(surveyMinAge, surveyMaxAge))
		byDistrict[a.district] += adults[i]
	}
	root := make([]float64, len(districts))
	for d, n := range byDistrict {
		root[d] = math.Sqrt(n)
	}
	nh := largestRemainder(root, surveySize)
	out := make([]int, len(areas))
	for d := range districts {
		var idx []int
		var w []float64
		for i, a := range areas {
			if a.district == d {
				idx, w = append(idx, i), append(w, adults[i])
			}
		}
		for k, n := range largestRemainder(w, nh[d]) {
			out[idx[k]] = n
		}
	}
	return out
}

// largestRemainder splits total into integers proportional to w
// (Hamilton's method); ties go to the earlier entry.
func largestRemainder(w []float64, total int) []int {
	var sum float64
	for _, x := range w {
		sum += x
	}
	out := make([]int, len(w))
	rem := make([]float64, len(w))
	left := total
	for i, x := range w {
		q := float64(total) * x / sum
		out[i] = int(math.Floor(q))
		rem[i] = q - float64(out[i])
		left -= out[i]
	}
	for ; left > 0; left-- {
		best := 0
		for i := range rem {
			if rem[i] > rem[best] {
				best = i
			}
		}
		out[best]++
		rem[best] = -1
	}
	return out
}

// drawRespondent draws the sex and age group of a respondent: a resident
// of the cell with probability ∝ residents × response propensity, which
// is what non-response does to a simple random sample of the area.
func drawRespondent(rng *rand.Rand, cells [2][3]int) (sex, group int) {
	var total float64
	for s := range cells {
		for g := range cells[s] {
			total += float64(cells[s][g]) * responsePropensity[s][g]
		}
	}
	u := rng.Float64() * total
	for s := range cells {
		for g := range cells[s] {
			u -= float64(cells[s][g]) * responsePropensity[s][g]
			if u < 0 {
				return s, g
			}
		}
	}
	return 1, 2
}
