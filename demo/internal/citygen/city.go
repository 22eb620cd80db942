// Package citygen generates Musterstadt, planatlas's synthetic demo city:
// planning-area geometries, residents by single year of age and sex,
// labour-market and heat data, and the counts of the social plan's further
// themes (sozialplan.csv) for 2014–2024. Everything is drawn from a
// seeded generator, so the output is the same bytes on every machine.
//
// Musterstadt is fictional. It is modelled on the eastern German cities
// of about 100,000 residents that shrink and age: a historic centre, a
// ring of late-19th-century quarters, two large prefabricated housing
// estates (Plattenbausiedlungen) of the 1970s and 80s with high SGB II
// rates and fast ageing, garden suburbs, and incorporated villages.
package citygen

import (
	"math"
	"math/rand/v2"
)

// kind is the settlement type of a planning area; it drives the age
// structure, migration, labour market and heat.
type kind int

const (
	altstadt     kind = iota // historic centre: young adults, dense, hot
	gruenderzeit             // 19th-century quarters
	brennpunkt               // inner quarters with high poverty (station district)
	platte                   // prefab estates: ageing, high SGB II
	villen                   // garden suburbs: families, green
	dorf                     // incorporated villages: older, green
	gewerbe                  // industrial areas with few residents
)

type areaDef struct {
	name string
	kind kind
	pop  int // residents at the end of 2013
}

type districtDef struct {
	name     string
	th0, th1 float64 // sector, degrees counter-clockwise from east
	r0, r1   float64 // ring, as a fraction of the outline's radius (r0 < 0: fixed metres, see placement)
	areas    []areaDef
}

// The city: 10 districts (Stadtteile) with 38 planning areas.
var districts = []districtDef{
	{"Altstadt", 0, 360, 0, 0.17, []areaDef{
		{"Markt", altstadt, 2800}, {"Schloßberg", altstadt, 2200}, {"Mühlgraben", altstadt, 3100}, {"Johannisplatz", altstadt, 2600}}},
	{"Nordstadt", 50, 130, 0.22, 0.45, []areaDef{
		{"Nordplatz", gruenderzeit, 4200}, {"Lindenhöhe", gruenderzeit, 3600}, {"Am Stadtpark", gruenderzeit, 2900}, {"An der Gärtnerei", gruenderzeit, 2400}}},
	{"Westend", 130, 220, 0.22, 0.45, []areaDef{
		{"Westend", gruenderzeit, 3800}, {"Rosengärten", villen, 2100}, {"Kirchberg", gruenderzeit, 2700}}},
	{"Südstadt", 220, 300, 0.22, 0.45, []areaDef{
		{"Südstadt", gruenderzeit, 4100}, {"Talstraße", gruenderzeit, 3300}, {"Ziegelei", gruenderzeit, 1900}}},
	{"Bahnhofsvorstadt", 300, 410, 0.22, 0.45, []areaDef{
		{"Bahnhofsviertel", brennpunkt, 3500}, {"Brückenviertel", brennpunkt, 2800}, {"Auenviertel", gruenderzeit, 2300}, {"Güterbahnhof", gewerbe, 240}}},
	{"Weinberg", 15, 75, 0.52, 0.9, []areaDef{
		{"Weinberg-Nord", platte, 5200}, {"Weinberg-Süd", platte, 4800}, {"Weinberg-Ost", platte, 4100}, {"Weinberg-Zentrum", platte, 5600}, {"Am Heizkraftwerk", platte, 2200}}},
	{"Ortschaften Nord", 75, 145, 0.55, 0.9, []areaDef{
		{"Ober-Röhrsdorf", dorf, 1300}, {"Kleinbüchen", dorf, 700}, {"Wüstenhain", dorf, 950}}},
	{"Gartenstadt", 145, 210, 0.52, 0.88, []areaDef{
		{"Gartenstadt", villen, 2600}, {"Sonnenhang", villen, 1800}, {"Am Wäldchen", villen, 1500}}},
	{"Ortschaften Süd", 210, 285, 0.55, 0.92, []areaDef{
		{"Großmölsen", dorf, 1400}, {"Tännicht", dorf, 800}, {"Gut Ellerbach", dorf, 270}, {"Industriegebiet Süd", gewerbe, 160}}},
	{"Schönblick", 285, 375, 0.52, 0.9, []areaDef{
		{"Schönblick I", platte, 4900}, {"Schönblick II", platte, 4400}, {"Schönblick III", platte, 3900}, {"Schönblick-Mitte", platte, 4600}, {"Am Märchenbrunnen", platte, 2800}}},
}

// area is one generated planning area.
type area struct {
	key, name     string
	district      int
	districtKey   string
	kind          kind
	seed          pt
	ring          []pt    // counter-clockwise, in metres relative to the centre
	effect        float64 // area-specific factor on social rates (about 1)
	sealed, green float64 // shares in %
	uhi           float64 // urban heat island strength, 0..1
}

// Centre of Musterstadt in ETRS89 / UTM zone 33N (EPSG:25833).
const (
	centreE = 372000.0
	centreN = 5640000.0
	radius  = 6300.0 // metres
)

// placeSeeds places one seed per planning area inside its district's
// sector and ring, keeping seeds apart so that cells are not slivers.
func placeSeeds(rng *rand.Rand, outl []pt) []area {
	var areas []area
	var seeds []pt
	for di, d := range districts {
		for ai, a := range d.areas {
			var best pt
			bestD := -1.0
			// Best of many candidates: the one farthest from existing seeds
			// (Mitchell's best-candidate sampling).
			for try := 0; try < 60; try++ {
				th := (d.th0 + (d.th1-d.th0)*rng.Float64()) * math.Pi / 180
				rOut := radiusAt(outl, th)
				f := d.r0 + (d.r1-d.r0)*rng.Float64()
				if d.r0 == 0 {
					f = d.r1 * math.Sqrt(rng.Float64())
				}
				c := pt{f * rOut * math.Cos(th), f * rOut * math.Sin(th)}
				dmin := math.Inf(1)
				for _, s := range seeds {
					dmin = math.Min(dmin, math.Hypot(s.x-c.x, s.y-c.y))
				}
				if dmin > bestD {
					best, bestD = c, dmin
				}
			}
			seeds = append(seeds, best)
			areas = append(areas, area{
				key:         twoDigits(di+1) + twoDigits(ai+1),
				name:        a.name,
				district:    di,
				districtKey: twoDigits(di + 1),
				kind:        a.kind,
				seed:        best,
			})
		}
	}
	return areas
}

func twoDigits(n int) string {
	return string([]byte{byte('0' + n/10), byte('0' + n%10)})
}
