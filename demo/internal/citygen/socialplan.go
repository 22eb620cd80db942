package citygen

import (
	"bytes"
	"fmt"
	"math"
	"math/rand/v2"
)

// socialPlanHeader is the first line of sozialplan.csv: the counts the
// catalog's themes beyond demography, labour and heat need (households
// and families, housing benefit, care, offences, employees by sex and age,
// the school entry examination), as a city's statistics office would
// collect them from the register's household generation, the housing-
// benefit office, the care funds, the police and the health office.
const socialPlanHeader = "Planungsraum;Jahr;Haushalte;Haushalte mit Kindern;Alleinerziehende;Wohngeldhaushalte;" +
	"Pflegebedürftige ab 65;Straftaten;SV-Beschäftigte Frauen;SV-Beschäftigte ab 55;" +
	"Einschüler mit Impfausweis;Einschüler mit zwei Masernimpfungen\n"

// socialPlan holds one area's counts for the plan's further themes in one
// year.
type socialPlan struct {
	households, withChildren, singleParents, housingBenefit int
	care65, offences, womenEmployed, employed55             int
	vaccRecord, measles2                                    int
}

// Levels by kind of area. The values are invented but of the order that
// eastern German cities publish: about 1.5 adults per household in the
// centre and the estates, nearly two in the suburbs; a third of the
// families with children in the prefab estates are single parents; 3 of
// 100 households there got housing benefit before the 2023 reform, twice
// as many after it (the city about 4); a quarter of the residents aged 65
// and over need care; recorded offences of about 6,500 per 100,000
// residents; of the school starters who show a vaccination record, 88 to
// 90 % have had two measles vaccinations in the poorer quarters, 96 % in
// the suburbs. (Overweight at school entry is a count too small to show by
// planning area and year: disclosure control would hide most of it.)
var (
	adultsPerHousehold = map[kind]float64{altstadt: 1.45, gruenderzeit: 1.55, brennpunkt: 1.6, platte: 1.5, villen: 1.9, dorf: 1.85, gewerbe: 1.4}
	childrenPerFamily  = map[kind]float64{altstadt: 1.5, gruenderzeit: 1.6, brennpunkt: 1.9, platte: 1.6, villen: 1.8, dorf: 1.75, gewerbe: 1.5}
	singleParentShare  = map[kind]float64{altstadt: .24, gruenderzeit: .22, brennpunkt: .32, platte: .38, villen: .10, dorf: .12, gewerbe: .25}
	housingBenefitRate = map[kind]float64{altstadt: .009, gruenderzeit: .012, brennpunkt: .021, platte: .03, villen: .006, dorf: .012, gewerbe: .018}
	offencesPerHead    = map[kind]float64{altstadt: .14, gruenderzeit: .055, brennpunkt: .12, platte: .06, villen: .03, dorf: .02, gewerbe: .35}
	measlesRate        = map[kind]float64{altstadt: .93, gruenderzeit: .94, brennpunkt: .88, platte: .9, villen: .96, dorf: .95, gewerbe: .9}
	careFactor         = map[kind]float64{altstadt: 1, gruenderzeit: 1, brennpunkt: 1.1, platte: 1.12, villen: 0.88, dorf: 0.95, gewerbe: 1}
)

// housingBenefitYear is the city's housing-benefit level by year,
// 2014-2024, relative to 2014: the reforms of 2016 and 2020 raised it, the
// Wohngeld-Plus reform of 2023 nearly doubled it.
var housingBenefitYear = []float64{1, 0.92, 1.12, 1.05, 0.98, 0.92, 1.15, 1.1, 1.02, 1.9, 2.0}

// careYear is the level of care recipients by year relative to 2014: the
// care grades of 2017 (PSG II) widened who counts.
var careYear = []float64{1, 1.03, 1.06, 1.2, 1.3, 1.38, 1.45, 1.52, 1.6, 1.66, 1.72}

// offenceYear is the level of recorded offences by year relative to 2014.
var offenceYear = []float64{1, 1.04, 1.02, 0.96, 0.93, 0.9, 0.86, 0.84, 0.92, 0.95, 0.94}

// careByAge is the share of residents in need of care by age band
// (65-74, 75-84, 85 and over).
var careByAge = [3]float64{.04, .12, .38}

func socialPlanFor(rng *rand.Rand, a *area, p *population, l labour, y int) socialPlan {
	noise := func(sd float64) float64 { return math.Max(0.5, 1+sd*rng.NormFloat64()) }
	var s socialPlan
	adults := float64(p.sum(18, nAges-1))
	children := float64(p.sum(0, 17))
	s.households = roundRandom(rng, adults/adultsPerHousehold[a.kind]*noise(0.02))
	s.withChildren = min(roundRandom(rng, children/childrenPerFamily[a.kind]*noise(0.04)), s.households)
	s.singleParents = min(roundRandom(rng, float64(s.withChildren)*singleParentShare[a.kind]*math.Sqrt(a.effect)*noise(0.1)), s.withChildren)
	s.housingBenefit = roundRandom(rng, float64(s.households)*housingBenefitRate[a.kind]*yearValue(housingBenefitYear, y)*a.effect*noise(0.12))
	care := float64(p.sum(65, 74))*careByAge[0] + float64(p.sum(75, 84))*careByAge[1] + float64(p.sum(85, nAges-1))*careByAge[2]
	s.care65 = min(roundRandom(rng, care*careFactor[a.kind]*yearValue(careYear, y)*noise(0.06)), p.sum(65, nAges-1))
	s.offences = roundRandom(rng, float64(p.sum(0, nAges-1))*offencesPerHead[a.kind]*yearValue(offenceYear, y)*noise(0.1))
	working := float64(p.sum(15, 64))
	s.womenEmployed = roundRandom(rng, float64(l.employees)*0.47*noise(0.03))
	var women1564 int
	for age := 15; age <= 64; age++ {
		women1564 += p[1][age]
	}
	s.womenEmployed = min(s.womenEmployed, women1564, l.employees)
	if working > 0 {
		s.employed55 = min(roundRandom(rng, float64(l.employees)*float64(p.sum(55, 64))/working*1.1*noise(0.05)), l.employees)
	}
	s.vaccRecord = roundRandom(rng, float64(p.sum(6, 6))*0.93)
	s.measles2 = min(roundRandom(rng, float64(s.vaccRecord)*measlesRate[a.kind]*noise(0.02)), s.vaccRecord)
	return s
}

// writeSocialPlan appends one row of sozialplan.csv.
func writeSocialPlan(b *bytes.Buffer, a *area, y int, s socialPlan) {
	fmt.Fprintf(b, "%s;%d;%d;%d;%d;%d;%d;%d;%d;%d;%d;%d\n", a.key, y, s.households, s.withChildren, s.singleParents,
		s.housingBenefit, s.care65, s.offences, s.womenEmployed, s.employed55, s.vaccRecord, s.measles2)
}
