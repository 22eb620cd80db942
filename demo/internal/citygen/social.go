package citygen

import (
	"math"
	"math/rand/v2"
)

// labour holds one area's labour-market and transfer counts in one year.
type labour struct {
	unemployed, longTerm, sgb2, sgb2u15, employees int
}

func yearValue(table []float64, y int) float64 { return table[y-firstYear] }

// City-wide levels by year, 2014-2024.
var (
	// unemployed per resident aged 15-64
	unemploymentRate = []float64{.071, .067, .063, .057, .052, .048, .056, .053, .050, .053, .055}
	// long-term unemployed (> 1 year) per unemployed
	longTermShare = []float64{.38, .37, .36, .35, .34, .33, .35, .37, .36, .35, .34}
	// SGB II recipients per resident under 65
	sgb2Rate = []float64{.150, .148, .152, .150, .140, .128, .127, .125, .126, .122, .119}
	// employees subject to social insurance (at residence) per resident aged 15-64
	employmentRate = []float64{.550, .556, .563, .572, .581, .589, .586, .594, .603, .610, .617}
)

var (
	unemploymentFactor = map[kind]float64{altstadt: 1.0, gruenderzeit: 1.05, brennpunkt: 1.7, platte: 1.75, villen: 0.35, dorf: 0.55, gewerbe: 1.3}
	sgb2Factor         = map[kind]float64{altstadt: 0.9, gruenderzeit: 1.0, brennpunkt: 1.9, platte: 1.85, villen: 0.2, dorf: 0.3, gewerbe: 1.2}
	employmentFactor   = map[kind]float64{altstadt: 0.95, gruenderzeit: 1.0, brennpunkt: 0.8, platte: 0.85, villen: 1.12, dorf: 1.08, gewerbe: 0.95}
	longTermShift      = map[kind]float64{platte: 0.08, brennpunkt: 0.06, villen: -0.08, dorf: -0.05}
)

func labourFor(rng *rand.Rand, a *area, p *population, y int) labour {
	w1564 := float64(p.sum(15, 64))
	u65 := float64(p.sum(0, 64))
	u15 := float64(p.sum(0, 14))
	noise := func() float64 { return 1 + 0.06*rng.NormFloat64() }
	var l labour
	l.unemployed = roundRandom(rng, w1564*yearValue(unemploymentRate, y)*unemploymentFactor[a.kind]*a.effect*noise())
	l.longTerm = roundRandom(rng, float64(l.unemployed)*(yearValue(longTermShare, y)+longTermShift[a.kind])*noise())
	rate := math.Min(yearValue(sgb2Rate, y)*sgb2Factor[a.kind]*math.Pow(a.effect, 1.2)*noise(), 0.6)
	l.sgb2 = roundRandom(rng, u65*rate)
	l.sgb2u15 = roundRandom(rng, u15*math.Min(rate*1.45*noise(), 0.75))
	emp := yearValue(employmentRate, y) * employmentFactor[a.kind] / math.Sqrt(a.effect) * noise()
	l.employees = roundRandom(rng, w1564*emp)
	if l.longTerm > l.unemployed {
		l.longTerm = l.unemployed
	}
	if l.employees+l.unemployed > int(w1564) {
		l.employees = int(w1564) - l.unemployed
	}
	return l
}

// climate holds one area's heat data in one year.
type climate struct {
	hotDays, tropicalNights int
	lst                     float64 // mean summer land-surface temperature, °C
	green, sealed           float64 // shares of the area, %
}

var (
	// days with a maximum of at least 30 °C at the city's weather station
	hotDaysCity = []float64{7, 15, 9, 8, 21, 19, 12, 8, 18, 13, 14}
	// nights with a minimum of at least 20 °C
	tropicalNightsCity = []float64{1, 4, 2, 1, 6, 5, 3, 1, 5, 3, 4}
)

var sealedRange = map[kind][2]float64{altstadt: {74, 86}, gruenderzeit: {55, 70}, brennpunkt: {60, 72}, platte: {38, 50}, villen: {24, 34}, dorf: {9, 17}, gewerbe: {68, 80}}
var greenRange = map[kind][2]float64{altstadt: {7, 14}, gruenderzeit: {15, 25}, brennpunkt: {12, 20}, platte: {36, 46}, villen: {46, 56}, dorf: {62, 80}, gewerbe: {10, 18}}

func initClimate(rng *rand.Rand, a *area) {
	s, g := sealedRange[a.kind], greenRange[a.kind]
	a.sealed = s[0] + (s[1]-s[0])*rng.Float64()
	a.green = g[0] + (g[1]-g[0])*rng.Float64()
	// Heat island: sealing, and closeness to the dense centre.
	dist := math.Hypot(a.seed.x, a.seed.y) / radius
	a.uhi = math.Max(0, math.Min(1, 0.75*(a.sealed-8)/78+0.25*(1-dist)))
}

func climateFor(rng *rand.Rand, a *area, y int) climate {
	t := float64(y - firstYear)
	var c climate
	switch a.kind {
	case villen, dorf:
		// new houses on former fields
		c.sealed, c.green = a.sealed+0.15*t, a.green-0.15*t
	case platte:
		// demolition of empty blocks (Rückbau) leaves green space
		c.sealed, c.green = a.sealed-0.3*t, a.green+0.3*t
	default:
		c.sealed, c.green = a.sealed, a.green
	}
	hd := yearValue(hotDaysCity, y)
	c.hotDays = roundRandom(rng, hd*(0.75+0.55*a.uhi)+rng.NormFloat64()*0.7)
	tn := yearValue(tropicalNightsCity, y)
	c.tropicalNights = roundRandom(rng, tn*(0.1+2.4*a.uhi*a.uhi)+rng.NormFloat64()*0.4)
	anomaly := (hd - 12) / 6
	c.lst = 22.5 + 0.6*anomaly + 11*c.sealed/100 - 4*c.green/100 + 0.3*rng.NormFloat64()
	return c
}

// foreignShare is the share of foreign nationals by kind of area, before
// and after the arrivals of 2015-16 and 2022.
func foreignShare(k kind, y int) float64 {
	base := map[kind]float64{altstadt: .09, gruenderzeit: .06, brennpunkt: .14, platte: .04, villen: .03, dorf: .015, gewerbe: .08}[k]
	if k == platte || k == brennpunkt {
		switch {
		case y >= 2022:
			base += .08
		case y >= 2016:
			base += .05
		case y == 2015:
			base += .03
		}
	} else if y >= 2016 {
		base += .01
	}
	return base
}
