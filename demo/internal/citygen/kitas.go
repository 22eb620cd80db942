package citygen

import (
	"bytes"
	"fmt"
	"math"
	"math/rand/v2"
	"strconv"

	"planatlas/geo"
)

// kitaNames are the names of the demo's day-care centres (Kitas).
var kitaNames = []string{"Sonnenblume", "Regenbogen", "Pusteblume", "Spatzennest", "Löwenzahn", "Kunterbunt",
	"Wichtelhaus", "Zwergenland", "Schatzkiste", "Märchenwald", "Glühwürmchen", "Abenteuerland", "Entdeckerhaus",
	"Rasselbande", "Sternschnuppe", "Waldwichtel", "Bärenhöhle", "Flohkiste", "Purzelbaum", "Villa Kunterbunt"}

// kitas writes the day-care centres as a GeoJSON point layer in WGS84
// (RFC 7946, as open-data portals publish facilities), with their places.
// Each area gets places for a share of its children under 6 in the last
// year, in centres of 30 to 130 places at random spots inside it; one
// centre lies just outside the city, as in real exports.
func kitas(areas []area, states []population) []byte {
	rng := stream(600)
	var b bytes.Buffer
	b.WriteString(`{"type":"FeatureCollection","name":"kitas","features":[` + "\n")
	n := 0
	write := func(name, carrier string, places int, p pt) {
		lon, lat := geo.UTM33.ToWGS84(centreE+p.x, centreN+p.y)
		if n > 0 {
			b.WriteString(",\n")
		}
		n++
		fmt.Fprintf(&b, `{"type":"Feature","properties":{"name":%q,"traeger":%q,"plaetze":%d},"geometry":{"type":"Point","coordinates":[%s,%s]}}`,
			name, carrier, places, strconv.FormatFloat(lon, 'f', 7, 64), strconv.FormatFloat(lat, 'f', 7, 64))
	}
	for i, a := range areas {
		children := float64(states[i].sum(0, 5))
		ratio := 0.75 + 0.25*rng.NormFloat64()
		if a.kind == altstadt {
			ratio -= 0.3
		}
		want := children * math.Max(ratio, 0)
		for want > 20 {
			places := 30 + 10*rng.IntN(11)
			if float64(places) > want+15 {
				places = int(math.Max(20, math.Round(want/5)*5))
			}
			want -= float64(places)
			carrier := "kommunal"
			if rng.Float64() < 0.55 {
				carrier = "frei"
			}
			write("Kita "+kitaNames[n%len(kitaNames)], carrier, places, inside(rng, a.ring))
		}
	}
	// A centre across the city boundary, to the north-east.
	write("Kita Am Stadtrand", "frei", 60, pt{radius * 1.6, radius * 1.6})
	b.WriteString("\n]}\n")
	return b.Bytes()
}

// inside returns a random point inside a ring.
func inside(rng *rand.Rand, ring []pt) pt {
	minX, minY, maxX, maxY := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, p := range ring {
		minX, minY = math.Min(minX, p.x), math.Min(minY, p.y)
		maxX, maxY = math.Max(maxX, p.x), math.Max(maxY, p.y)
	}
	for {
		p := pt{minX + rng.Float64()*(maxX-minX), minY + rng.Float64()*(maxY-minY)}
		in := false
		for i, j := 0, len(ring)-1; i < len(ring); j, i = i, i+1 {
			a, c := ring[j], ring[i]
			if (a.y > p.y) != (c.y > p.y) && p.x < (c.x-a.x)*(p.y-a.y)/(c.y-a.y)+a.x {
				in = !in
			}
		}
		// Not on the edge: 20 m inside at least.
		if in && distToRing(p, ring) > 20 {
			return p
		}
	}
}

func distToRing(p pt, ring []pt) float64 {
	d := math.Inf(1)
	for i, j := 0, len(ring)-1; i < len(ring); j, i = i, i+1 {
		a, c := ring[j], ring[i]
		dx, dy := c.x-a.x, c.y-a.y
		t := math.Max(0, math.Min(1, ((p.x-a.x)*dx+(p.y-a.y)*dy)/(dx*dx+dy*dy)))
		d = math.Min(d, math.Hypot(p.x-(a.x+t*dx), p.y-(a.y+t*dy)))
	}
	return d
}
