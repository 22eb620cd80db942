package citygen

import (
	"math"
	"math/rand/v2"
)

// The survey's answers come from a latent "mood" of each planning area:
// deprived areas (the station quarters, the prefab estates, and any area
// whose social effect is high) answer lower on satisfaction and safety
// and more often report a financial burden. The mood uses the same
// area.effect that scales the SGB II rate (social.go), so the register's
// SGB II share explains part of the areas' differences, and an area
// term of its own leaves the rest to a random effect — the setting of a
// Fay–Herriot model.

// moodBase is the mean mood by settlement type.
var moodBase = map[kind]float64{altstadt: 0.25, gruenderzeit: 0.15, brennpunkt: -0.55, platte: -0.45, villen: 0.6, dorf: 0.45, gewerbe: -0.2}

// itemMissing is the chance of "keine Angabe" (code 9) of F01–F04.
var itemMissing = [4]float64{0.045, 0.035, 0.06, 0.065}

// satisfactionCuts divide the latent answer into the five scale points.
var satisfactionCuts = [4]float64{-1.6, -0.7, 0.2, 1.1}

// noAnswer is the user-missing code of F01–F04.
const noAnswer = 9

// areaMood draws each area's mood: its type's mean, lower where the
// social effect is higher, plus an area term unrelated to the register.
func areaMood(rng *rand.Rand, areas []area) []float64 {
	m := make([]float64, len(areas))
	for i, a := range areas {
		m[i] = moodBase[a.kind] - 1.5*math.Log(a.effect) + 0.12*rng.NormFloat64()
	}
	return m
}

// answer draws a respondent's answers to F01–F05. The young are less
// satisfied with childcare and men feel safer, so raking to the
// register's age × sex mix moves the estimates.
func answer(rng *rand.Rand, mood float64, r respondent) [5]float64 {
	var a [5]float64
	young := 0.0
	if r.ageGroup == 0 {
		young = 1
	}
	male := 0.0
	if r.sex == 0 {
		male = 1
	}
	a[0] = scale5(0.9*mood - 0.3*young + rng.NormFloat64())
	a[1] = scale5(0.8*mood + 0.1 + rng.NormFloat64())
	a[2] = scale5(mood + 0.35*male + 0.2 + rng.NormFloat64())
	a[3] = 2
	if rng.Float64() < 1/(1+math.Exp(0.4+1.3*mood-0.3*young)) {
		a[3] = 1
	}
	kids, more := 1, 0.38-0.1*mood
	for kids < 6 && rng.Float64() < more {
		kids++
	}
	a[4] = float64(kids)
	for k, p := range itemMissing {
		if rng.Float64() < p {
			a[k] = noAnswer
		}
	}
	return a
}

// scale5 maps a latent answer to the scale points 1–5.
func scale5(x float64) float64 {
	v := 1
	for _, c := range satisfactionCuts {
		if x >= c {
			v++
		}
	}
	return float64(v)
}
