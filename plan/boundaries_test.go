package plan

import (
	"strings"
	"testing"

	"planatlas/lang"
)

// boundariesDir copies testdata/boundaries (five areas since 2021, three
// older ones until 2020) into a temporary folder, with the plan changed
// by edit.
func boundariesDir(t *testing.T, edit func(string) string) string {
	t.Helper()
	return planDir(t, "testdata/boundaries", edit)
}

// TestBoundaries moves residents of 2019–2020 from three older areas
// onto five current ones: Heide (20 → 0201) exactly, Altstadt (10 →
// 0101, 0102) and Ostfeld (30, key corrected from 99 → 0202, 0301)
// shared out by the same column in 2021 (target density) or by area.
// Districts that are unions of whole older areas (01, the city) are
// exact; the SGB II counts of 2020, published on the current areas, are
// not moved; an estimated count below the threshold is hidden.
func TestBoundaries(t *testing.T) {
	for _, tc := range []struct {
		name, edit, input string
		want              map[string]string // variable|year|level|key → value|flag
	}{
		{"density", "", "", map[string]string{
			"ew|2019|Planungsraum|0101": "25|geschätzt", "ew|2019|Planungsraum|0102": "75|geschätzt",
			"ew|2019|Planungsraum|0201": "50|", "ew|2019|Planungsraum|0202": "20|geschätzt", "ew|2019|Planungsraum|0301": "60|geschätzt",
			"ew|2020|Planungsraum|0101": "26|geschätzt", "ew|2021|Planungsraum|0101": "30|",
			"ew_u6|2020|Planungsraum|0101": "3|geschätzt", "ew_u6|2020|Planungsraum|0102": "9|geschätzt", "ew_u6|2020|Planungsraum|0202": "4|geschätzt",
			"ew_u6|2019|Planungsraum|0202": ".|gesperrt (.), geschätzt",
			"ew|2019|Bezirk|01":            "100|", "ew|2019|Bezirk|02": "70|geschätzt", "ew|2019|Bezirk|03": "60|geschätzt",
			"ew|2019|Stadt|": "230|", "sgb2|2020|Planungsraum|0101": "3|",
		}},
		{"area", "    weighting: area\n", "", map[string]string{
			"ew|2019|Planungsraum|0101": "50|geschätzt", "ew|2019|Planungsraum|0102": "50|geschätzt",
			"ew|2019|Planungsraum|0201": "50|", "ew|2019|Planungsraum|0202": "40|geschätzt",
			"ew|2019|Bezirk|01": "100|", "ew|2019|Stadt|": "230|",
		}},
		// addresses with residents: Altstadt's split 50:50, Ostfeld's 20:20
		{"addresses", "    weights: {input: adressen, column: ew}\n",
			"  adressen: {file: adressen.csv, format: points, x: x, y: y, crs: EPSG:25833, year: 2021}\n", map[string]string{
				"ew|2019|Planungsraum|0101": "50|geschätzt", "ew|2019|Planungsraum|0102": "50|geschätzt",
				"ew|2019|Planungsraum|0202": "40|geschätzt", "ew|2019|Planungsraum|0301": "40|geschätzt",
				"ew|2019|Planungsraum|0201": "50|", "ew|2019|Stadt|": "230|",
			}},
		// a Zensus grid: one 100 m cell in each area, Altstadt's split 60:40
		{"grid", "    weights: {input: zensus, column: Einwohner}\n",
			"  zensus: {file: zensus.csv, format: grid, key: Gitter_ID_100m, year: 2022}\n", map[string]string{
				"ew|2019|Planungsraum|0101": "60|geschätzt", "ew|2019|Planungsraum|0102": "40|geschätzt",
				"ew|2019|Planungsraum|0202": "40|geschätzt", "ew|2019|Planungsraum|0301": "40|geschätzt",
			}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := boundariesDir(t, func(s string) string {
				s = strings.Replace(s, "inputs:\n", "inputs:\n"+tc.input, 1)
				return strings.Replace(s, "    corrections:\n", tc.edit+"    corrections:\n", 1)
			})
			out, res, err := runDir(t, dir)
			if err != nil {
				t.Fatal(err)
			}
			got := map[string]string{}
			for _, r := range tableRows(t, out, "variables.csv") {
				got[r["Variable"]+"|"+r["Jahr"]+"|"+r["Ebene"]+"|"+r["Schlüssel"]] = r["Wert"] + "|" + r["Kennzeichen"]
			}
			for k, want := range tc.want {
				if got[k] != want {
					t.Errorf("%s: %q, want %q", k, got[k], want)
				}
			}
			de := lang.New("de")
			var note string
			for _, n := range res.Notes {
				if s := de.Message(n); strings.Contains(s, "ältere Gebiete \"lor2019\": die Daten") {
					note = s
				}
			}
			for _, part := range []string{"die Daten von 2019–2020 (\"einwohner\")", "1 genau", "4 geschätzt", "verteilt für \"einwohner\" ", "2020 wohnten 78,3 % der Einwohner (ew) in geschätzten Gebieten"} {
				if !strings.Contains(note, part) {
					t.Errorf("note %q lacks %q", note, part)
				}
			}
		})
	}
}

// TestBoundariesCrosswalk checks crosswalk.csv: every piece with its
// area share, the share of the older area's residents (2021 weights) and
// whether the current area is exact, and the trend chart's mark of the
// change.
func TestBoundariesCrosswalk(t *testing.T) {
	out, _, err := runDir(t, boundariesDir(t, func(s string) string { return s }))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range tableRows(t, out, "crosswalk.csv") {
		got = append(got, strings.Join([]string{r["ältere Ebene"], r["älterer Schlüssel"], r["älterer Name"], r["Schlüssel"], r["Name"],
			r["Fläche des Teilstücks (m²)"], r["Anteil an der Fläche des älteren Gebiets"], r["Anteil an den Anzahlen des älteren Gebiets"], r["Werte"]}, "|"))
	}
	want := []string{
		"lor2019|10|Altstadt|0101|Markt|1000000,0|0,500000|0,250000|geschätzt",
		"lor2019|10|Altstadt|0102|Hafen|1000000,0|0,500000|0,750000|geschätzt",
		"lor2019|20|Heide|0201|Heide|1000000,0|1,000000|1,000000|genau",
		"lor2019|30|Ostfeld|0202|Anger|1000000,0|0,500000|0,250000|geschätzt",
		"lor2019|30|Ostfeld|0301|Feld|1000000,0|0,500000|0,750000|geschätzt",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("crosswalk.csv\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// the reverse direction: 2021–2022 on the older areas, each a union
	// of whole current areas (exact); a hidden count hides its older area
	older := map[string]string{}
	for _, r := range tableRows(t, out, "indicators-lor2019.csv") {
		older[r["Indikator"]+"|"+r["Jahr"]+"|"+r["Ebene"]+"|"+r["Schlüssel"]] = r["Wert"] + "|" + r["Kennzeichen"]
	}
	for k, want := range map[string]string{
		"einwohner|2021|lor2019|10": "120|", "einwohner|2021|lor2019|30": "80|", "einwohner|2022|lor2019|20": "61|",
		"anteil_u6|2021|lor2019|10": "10|", "anteil_u6|2021|lor2019|30": ".|gesperrt (.)",
	} {
		if older[k] != want {
			t.Errorf("indicators-lor2019.csv %s: %q, want %q", k, older[k], want)
		}
	}
	svg := string(readOut(t, out, "trend-anteil_u6.svg"))
	if !strings.Contains(svg, "gestrichelte senkrechte Linie: neue Planungsräume ab 2021; gestrichelte rote Linie: geschätzt") {
		t.Error("the trend chart does not mark the change of areas")
	}
}
