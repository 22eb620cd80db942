package citygen

import (
	"bytes"
	"fmt"
	"math"
	"math/rand/v2"
	"strconv"
)

// Ages are single years 0..94 and the open group 95+ at index 95.
const nAges = 96

// Years of the generated data (residents on 31 December).
const firstYear, lastYear = 2014, 2024

// ageShape gives the relative size of each age in an area of kind k, by
// linear interpolation between anchor points.
func ageShape(k kind) [nAges]float64 {
	anchors := map[kind][][2]float64{
		altstadt:     {{0, .8}, {5, .6}, {15, .5}, {20, 1.6}, {27, 2.0}, {35, 1.4}, {45, .9}, {55, .9}, {65, .9}, {75, .8}, {85, .5}, {95, .1}},
		gruenderzeit: {{0, 1.1}, {6, 1}, {15, .8}, {20, 1.1}, {30, 1.6}, {40, 1.3}, {50, 1.1}, {60, 1.1}, {70, .9}, {80, .6}, {90, .2}, {95, .05}},
		brennpunkt:   {{0, 1.4}, {6, 1.2}, {15, 1}, {20, 1.4}, {30, 1.7}, {40, 1.3}, {50, 1}, {60, .9}, {70, .7}, {80, .5}, {90, .15}, {95, .04}},
		platte:       {{0, .55}, {6, .55}, {15, .5}, {20, .75}, {30, .85}, {40, .65}, {50, .95}, {60, 1.3}, {70, 1.55}, {78, 1.35}, {85, .75}, {90, .3}, {95, .08}},
		villen:       {{0, 1}, {6, 1.4}, {15, 1.3}, {20, .6}, {30, .6}, {40, 1.5}, {50, 1.4}, {60, 1.1}, {70, .9}, {80, .6}, {90, .2}, {95, .05}},
		dorf:         {{0, .7}, {10, .8}, {20, .6}, {30, .7}, {45, 1.1}, {55, 1.4}, {65, 1.3}, {75, 1}, {85, .5}, {95, .08}},
		gewerbe:      {{0, .4}, {20, 1.2}, {30, 1.4}, {45, 1.2}, {60, 1}, {75, .6}, {90, .1}, {95, .02}},
	}[k]
	var s [nAges]float64
	for a := 0; a < nAges; a++ {
		for i := 0; i+1 < len(anchors); i++ {
			x0, y0, x1, y1 := anchors[i][0], anchors[i][1], anchors[i+1][0], anchors[i+1][1]
			if float64(a) >= x0 && float64(a) <= x1 {
				s[a] = y0 + (y1-y0)*(float64(a)-x0)/(x1-x0)
				break
			}
		}
	}
	s[95] *= 2.5 // the open group holds several ages
	return s
}

// maleShare is the share of men at age a.
func maleShare(a int) float64 {
	switch {
	case a < 50:
		return 0.513
	case a < 80:
		return 0.513 - (0.513-0.42)*float64(a-50)/30
	default:
		return 0.42 - 0.12*float64(a-80)/15
	}
}

// deathRate is the yearly probability of death (a Gompertz curve).
func deathRate(a int, male bool) float64 {
	q := 0.00012 + 0.000025*math.Exp(0.098*float64(a))
	if a == 0 {
		q = 0.0033
	}
	if !male {
		q *= 0.6
	}
	return math.Min(q, 0.45)
}

var tfr = map[kind]float64{altstadt: 1.2, gruenderzeit: 1.5, brennpunkt: 1.85, platte: 1.5, villen: 1.7, dorf: 1.5, gewerbe: 1.4}

// fertility is the age-specific fertility rate of women of age a.
func fertility(k kind, a int) float64 {
	if a < 15 || a > 49 {
		return 0
	}
	const mu, sd = 31.0, 5.5
	g := math.Exp(-0.5 * math.Pow((float64(a)-mu)/sd, 2))
	return tfr[k] * g / (sd * math.Sqrt(2*math.Pi))
}

// migration is the net migration rate of age a in year y.
func migration(k kind, a, y int) float64 {
	in := func(lo, hi int) bool { return a >= lo && a <= hi }
	r := 0.0
	switch k {
	case altstadt:
		switch {
		case in(18, 27):
			r = 0.06
		case in(28, 40):
			r = -0.04
		case in(0, 9):
			r = -0.03
		case in(10, 17):
			r = -0.01
		case a >= 65:
			r = 0.005
		}
	case gruenderzeit:
		switch {
		case in(18, 29):
			r = 0.03
		case in(30, 44):
			r = -0.012
		case in(0, 9):
			r = -0.01
		}
	case brennpunkt:
		switch {
		case in(18, 34):
			r = 0.03
		case in(35, 49):
			r = -0.01
		}
	case platte:
		switch {
		case in(18, 29):
			r = -0.05
		case in(30, 44):
			r = -0.015
		case in(0, 17):
			r = -0.01
		case in(45, 64):
			r = -0.008
		}
	case villen:
		switch {
		case in(30, 44):
			r = 0.025
		case in(0, 9):
			r = 0.02
		case in(18, 25):
			r = -0.05
		case a >= 65:
			r = -0.005
		}
	case dorf:
		switch {
		case in(18, 25):
			r = -0.06
		case in(30, 44):
			r = 0.005
		}
	case gewerbe:
		if in(18, 40) {
			r = 0.01
		} else {
			r = -0.01
		}
	}
	// Refugees 2015-16 and from Ukraine in 2022 moved mostly into the
	// estates and the station district, where flats were empty.
	if k == platte || k == brennpunkt {
		switch {
		case y == 2015 && a <= 40:
			r += 0.045
		case y == 2016 && a <= 40:
			r += 0.025
		case y == 2022 && a <= 60:
			r += 0.022
		}
	}
	return r
}

// roundRandom rounds x down or up with the probability of its fraction,
// so that sums stay unbiased and counts get natural noise.
func roundRandom(rng *rand.Rand, x float64) int {
	if x <= 0 {
		return 0
	}
	f := math.Floor(x)
	if rng.Float64() < x-f {
		return int(f) + 1
	}
	return int(f)
}

// population holds residents by sex (0 men, 1 women) and age.
type population [2][nAges]int

func (p *population) sum(lo, hi int) int {
	n := 0
	for s := 0; s < 2; s++ {
		for a := lo; a <= hi && a < nAges; a++ {
			n += p[s][a]
		}
	}
	return n
}

// initialPopulation distributes pop residents of an area by age and sex.
func initialPopulation(rng *rand.Rand, k kind, pop int) population {
	shape := ageShape(k)
	var tot float64
	for _, v := range shape {
		tot += v
	}
	var p population
	for a := 0; a < nAges; a++ {
		n := float64(pop) * shape[a] / tot * (1 + 0.15*(rng.Float64()-0.5))
		p[0][a] = roundRandom(rng, n*maleShare(a))
		p[1][a] = roundRandom(rng, n*(1-maleShare(a)))
	}
	return p
}

// step ages the population by one year: deaths, births, migration.
func step(rng *rand.Rand, k kind, p population, y int) population {
	var next population
	births := 0.0
	for a := 15; a <= 49; a++ {
		births += float64(p[1][a]) * fertility(k, a)
	}
	for s := 0; s < 2; s++ {
		male := s == 0
		for a := 0; a < nAges; a++ {
			survivors := float64(p[s][a]) * (1 - deathRate(a, male))
			to := a + 1
			if to >= nAges {
				to = nAges - 1
			}
			next[s][to] += roundRandom(rng, survivors*(1+migration(k, to, y)))
		}
		share := 0.513
		if !male {
			share = 1 - share
		}
		next[s][0] = roundRandom(rng, births*share*(1-deathRate(0, male)/2)*(1+migration(k, 0, y)))
	}
	return next
}

// lifeTable is the city's life table as a statistics office publishes
// it: the probability of dying within a year by age and sex, the open
// age group's 1, for population projections.
func lifeTable() []byte {
	var b bytes.Buffer
	b.WriteString("Alter;Geschlecht;Sterbewahrscheinlichkeit\n")
	for s, sex := range []string{"m", "w"} {
		for a := 0; a < nAges; a++ {
			q, label := deathRate(a, s == 0), strconv.Itoa(a)
			if a == nAges-1 {
				q, label = 1, strconv.Itoa(a)+"+"
			}
			fmt.Fprintf(&b, "%s;%s;%s\n", label, sex, comma(q, 6))
		}
	}
	return b.Bytes()
}

// fertilityTable is the city's age-specific fertility (births per woman
// and year), a total fertility rate of 1.5: the mean of the areas', which
// differ by settlement type.
func fertilityTable() []byte {
	var b bytes.Buffer
	b.WriteString("Alter;Geburtenrate\n")
	for a := 15; a <= 49; a++ {
		fmt.Fprintf(&b, "%d;%s\n", a, comma(fertility(gruenderzeit, a), 6))
	}
	return b.Bytes()
}

// housingList is the city's list of planned dwellings by planning area
// and year of completion: a new quarter on the edge of Sonnenhang and
// infill in Nordviertel, for the projection's housing scenario.
func housingList() []byte {
	var b bytes.Buffer
	b.WriteString("Planungsraum;Jahr;Wohnungen\n")
	for _, r := range []struct {
		key         string
		year, count int
	}{{"0802", 2026, 120}, {"0802", 2027, 180}, {"0802", 2028, 100}, {"0201", 2027, 60}} {
		fmt.Fprintf(&b, "%s;%d;%d\n", r.key, r.year, r.count)
	}
	return b.Bytes()
}

// occupancy is the residents per new dwelling by age in its first year,
// as cities estimate them from earlier new-build quarters: young
// families, about 2.1 residents per dwelling.
func occupancy() []byte {
	var b bytes.Buffer
	b.WriteString("Alter;Bewohner je Wohnung\n")
	for a := 0; a < nAges; a++ {
		var v float64
		switch {
		case a < 6:
			v = 0.055
		case a < 18:
			v = 0.03
		case a < 30:
			v = 0.025
		case a < 45:
			v = 0.05
		case a < 65:
			v = 0.012
		case a < 80:
			v = 0.006
		}
		if v > 0 {
			fmt.Fprintf(&b, "%d;%s\n", a, comma(v, 3))
		}
	}
	return b.Bytes()
}
