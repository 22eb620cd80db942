package citygen

import (
	"bytes"
	"fmt"
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Seed is the seed of every random stream of the generator. Changing it
// gives another city with the same structure.
const Seed = 20260101

func stream(id uint64) *rand.Rand { return rand.New(rand.NewPCG(Seed, id)) }

// Generate returns the files of the demo city by name.
func Generate() (map[string][]byte, error) {
	geo := stream(1)
	outl := outline(geo, radius)
	areas := placeSeeds(geo, outl)
	seeds := make([]pt, len(areas))
	for i := range areas {
		seeds[i] = areas[i].seed
	}
	cells := snap(voronoiCells(outl, seeds))
	for i := range areas {
		if len(cells[i]) < 3 || polyArea(cells[i]) < 1e4 {
			return nil, fmt.Errorf("area %s %q: degenerate cell", areas[i].key, areas[i].name)
		}
		areas[i].ring = cells[i]
		r := stream(100 + uint64(i))
		areas[i].effect = math.Exp(0.12 * r.NormFloat64())
		initClimate(r, &areas[i])
	}

	files := map[string][]byte{}
	files["planungsraeume.geojson"] = geojson(areas)

	var pop bytes.Buffer
	pop.WriteString("planungsraum;jahr;alter;geschlecht;anzahl\n")
	var lab bytes.Buffer
	lab.WriteString("Planungsraum;Bezeichnung;Jahr;Arbeitslose;Langzeitarbeitslose;SGB-II-Empfänger;SGB-II-Empfänger unter 15;SV-Beschäftigte\r\n")
	var nat bytes.Buffer
	nat.WriteString("Planungsraum;Jahr;Deutsche;Ausländer\n")
	var cli bytes.Buffer
	cli.WriteString("\ufeffPlanungsraum;Jahr;Heiße Tage;Tropennächte;LST Sommer (°C);Grünanteil (%);Versiegelung (%)\r\n")
	var soc bytes.Buffer
	soc.WriteString(socialPlanHeader)

	states := make([]population, len(areas))
	popRng := make([]*rand.Rand, len(areas))
	labRng := make([]*rand.Rand, len(areas))
	cliRng := make([]*rand.Rand, len(areas))
	natRng := make([]*rand.Rand, len(areas))
	socRng := make([]*rand.Rand, len(areas)) // its own streams: the files above stay the same
	for i := range areas {
		popRng[i] = stream(200 + uint64(i))
		labRng[i] = stream(300 + uint64(i))
		cliRng[i] = stream(400 + uint64(i))
		natRng[i] = stream(500 + uint64(i))
		socRng[i] = stream(10000 + uint64(i))
		def := districts[areas[i].district].areas[i-firstIndex(areas, areas[i].district)]
		states[i] = initialPopulation(popRng[i], areas[i].kind, def.pop)
	}
	ev := newEventFiles()
	for y := firstYear; y <= lastYear; y++ {
		for i := range areas {
			a := &areas[i]
			prev := states[i]
			states[i] = step(popRng[i], a.kind, states[i], y)
			if y > firstYear { // the register's events of the years after the first exported population
				ev.add(a.key, y, decompose(stream(600+uint64(i)*100+uint64(y-firstYear)), a.kind, prev, states[i]))
			}
			p := &states[i]
			for s, sex := range []string{"m", "w"} {
				for age := 0; age < nAges; age++ {
					n := p[s][age]
					if n == 0 {
						continue // exports leave out empty cells
					}
					label := strconv.Itoa(age)
					if age == nAges-1 {
						label = "95+"
					}
					fmt.Fprintf(&pop, "%s;%d;%s;%s;%d\n", a.key, y, label, sex, n)
				}
			}
			l := labourFor(labRng[i], a, p, y)
			fmt.Fprintf(&lab, "%s;%s;%d;%d;%d;%d;%d;%d\r\n", a.key, a.name, y,
				l.unemployed, l.longTerm, l.sgb2, l.sgb2u15, l.employees)
			total := p.sum(0, nAges-1)
			foreign := roundRandom(natRng[i], float64(total)*foreignShare(a.kind, y)*(1+0.1*natRng[i].NormFloat64()))
			fmt.Fprintf(&nat, "%s;%d;%d;%d\n", a.key, y, total-foreign, foreign)
			c := climateFor(cliRng[i], a, y)
			fmt.Fprintf(&cli, "%s;%d;%d;%d;%s;%s;%s\r\n", a.key, y, c.hotDays, c.tropicalNights,
				comma(c.lst, 1), comma(c.green, 1), comma(c.sealed, 1))
			writeSocialPlan(&soc, a, y, socialPlanFor(socRng[i], a, p, l, y))
		}
	}
	files["bevoelkerung.csv"] = pop.Bytes()
	enc, err := toWindows1252(lab.String())
	if err != nil {
		return nil, err
	}
	files["arbeitsmarkt.csv"] = enc
	files["klima.csv"] = cli.Bytes()
	files["staatsangehoerigkeit.csv"] = nat.Bytes()
	files["sozialplan.csv"] = soc.Bytes()
	files["kitas.geojson"] = kitas(areas, states)
	files["sterbetafel.csv"], files["fertilitaet.csv"] = lifeTable(), fertilityTable()
	files["wohnungsbau.csv"], files["belegung.csv"] = housingList(), occupancy()
	files["geburten.csv"], files["sterbefaelle.csv"], files["wanderungen.csv"] = ev.births.Bytes(), ev.deaths.Bytes(), ev.moves.Bytes()
	if files["befragung.sav"], err = familySurvey(areas, states); err != nil {
		return nil, err
	}
	return files, nil
}

func firstIndex(areas []area, district int) int {
	for i, a := range areas {
		if a.district == district {
			return i
		}
	}
	return -1
}

func comma(v float64, dec int) string {
	return strings.Replace(strconv.FormatFloat(v, 'f', dec, 64), ".", ",", 1)
}

func geojson(areas []area) []byte {
	var b bytes.Buffer
	b.WriteString(`{"type":"FeatureCollection","name":"planungsraeume",` + "\n")
	b.WriteString(`"crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::25833"}},` + "\n")
	b.WriteString(`"features":[` + "\n")
	for i, a := range areas {
		if i > 0 {
			b.WriteString(",\n")
		}
		fmt.Fprintf(&b, `{"type":"Feature","properties":{"pr_id":%q,"pr_name":%q,"stt_id":%q,"stt_name":%q},"geometry":{"type":"Polygon","coordinates":[[`,
			a.key, a.name, a.districtKey, districts[a.district].name)
		ring := append(append([]pt(nil), a.ring...), a.ring[0])
		for k, p := range ring {
			if k > 0 {
				b.WriteByte(',')
			}
			fmt.Fprintf(&b, "[%s,%s]", strconv.FormatFloat(centreE+p.x, 'f', 2, 64), strconv.FormatFloat(centreN+p.y, 'f', 2, 64))
		}
		b.WriteString("]]}}")
	}
	b.WriteString("\n]}\n")
	return b.Bytes()
}

func toWindows1252(s string) ([]byte, error) {
	out := make([]byte, 0, len(s))
	for _, r := range s {
		switch {
		case r < 0x80 || r >= 0xA0 && r <= 0xFF:
			out = append(out, byte(r))
		case r == '–':
			out = append(out, 0x96)
		default:
			return nil, fmt.Errorf("%q (%d bytes in UTF-8) has no Windows-1252 byte", r, utf8.RuneLen(r))
		}
	}
	return out, nil
}
