package plan

import (
	"strings"
	"testing"
)

// A map can be classified by any method; its subtitle says which.
func TestMapMethods(t *testing.T) {
	for _, tc := range []struct{ spec, want string }{
		{"      method: fisher\n", "natürliche Brüche (Fisher-Jenks)"},
		{"      method: manual\n      bounds: [10, 20, 30]\n", "feste Grenzen"},
		{"      method: equal\n", "gleiche Intervalle"},
	} {
		dir := lightDemoDir(t, func(s string) string {
			return strings.Replace(s, "    - value: kinderarmut\n", "    - value: kinderarmut\n"+tc.spec, 1)
		})
		out, _, err := runDir(t, dir)
		if err != nil {
			t.Fatalf("%q: %v", tc.spec, err)
		}
		if svg := string(readOut(t, out, "map-kinderarmut.svg")); !strings.Contains(svg, tc.want) {
			t.Errorf("%q: the map does not say %q", tc.spec, tc.want)
		}
	}
	for _, tc := range []struct{ spec, want string }{
		{"      method: jenks2\n", `map "kinderarmut": classification "jenks2": use quantile, equal, fisher, stdmean, box, headtails, maximum or manual`},
		{"      method: manual\n", `map "kinderarmut": manual classes need their upper bounds`},
		{"      method: manual\n      bounds: [10, 5]\n", `map "kinderarmut": bounds must increase: 5 after 10`},
		{"      bounds: [10, 20]\n", `map "kinderarmut": bounds are for method: manual`},
	} {
		dir := lightDemoDir(t, func(s string) string {
			return strings.Replace(s, "    - value: kinderarmut\n", "    - value: kinderarmut\n"+tc.spec, 1)
		})
		_, _, err := runDir(t, dir)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q:\n  %v\nwant\n  %s", tc.spec, err, tc.want)
		}
	}
}

// With all_years the bounds come from every year's values, so a map of
// another year would use the same classes; the counts are this year's.
func TestMapAllYears(t *testing.T) {
	dir := demoDir(t, func(s string) string {
		return strings.Replace(s, "    - value: kinderarmut\n", "    - value: kinderarmut\n      all_years: true\n", 1)
	})
	out, _, err := runDir(t, dir)
	if err != nil {
		t.Fatal(err)
	}
	if svg := string(readOut(t, out, "map-kinderarmut.svg")); !strings.Contains(svg, "Grenzen aus allen Jahren") {
		t.Error("the subtitle does not say the bounds are from all years")
	}
}

// labels: true writes the areas' names on the map where they fit.
func TestMapLabels(t *testing.T) {
	out, _, err := runDir(t, demoDir(t, func(s string) string { return s }))
	if err != nil {
		t.Fatal(err)
	}
	svg := string(readOut(t, out, "map-bedarfsindex.svg"))
	n := 0
	for _, name := range []string{"Schönblick III", "Auenviertel", "Großmölsen", "Gartenstadt", "Schloßberg"} {
		if strings.Contains(svg, ">"+name+"<") {
			n++
		}
	}
	if n < 5 {
		t.Errorf("%d of 5 names on the labelled map", n)
	}
	if strings.Contains(string(readOut(t, out, "map-kinderarmut.svg")), ">Gartenstadt<") {
		t.Error("names on a map without labels")
	}
}

// size: landscape draws a map across an A4 landscape page (257 mm).
func TestMapLandscape(t *testing.T) {
	out, _, err := runDir(t, demoDir(t, func(s string) string {
		return strings.Replace(s, "    - value: kinderarmut\n", "    - value: kinderarmut\n      size: landscape\n", 1)
	}))
	if err != nil {
		t.Fatal(err)
	}
	if svg := string(readOut(t, out, "map-kinderarmut.svg")); !strings.Contains(svg[:400], `width="728.5pt"`) { // 257 mm
		t.Errorf("landscape map starts %.300s", svg)
	}
	if svg := string(readOut(t, out, "map-bedarfsindex.svg")); !strings.Contains(svg[:400], `width="481.89pt"`) { // 170 mm
		t.Errorf("portrait map starts %.300s", svg)
	}
}

// Planning-area maps draw the districts' outlines over the areas.
func TestMapDistrictOutlines(t *testing.T) {
	out, _, err := runDir(t, demoDir(t, func(s string) string { return s }))
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"map-kinderarmut.svg", "map-lisa-kinderarmut.svg"} {
		if n := strings.Count(string(readOut(t, out, name)), "stroke:#444444;stroke-width:1.3"); n < 2 {
			t.Errorf("%s: %d district outlines, want one per district", name, n)
		}
	}
	// On the LISA map "keine Angabe" (hatched on white) and "nicht
	// signifikant" (light grey) differ.
	lisa := string(readOut(t, out, "map-lisa-kinderarmut.svg"))
	if strings.Contains(lisa, "fill:#E8E8E8") || !strings.Contains(lisa, "fill:#F2F2F2") || strings.Count(lisa, "stroke:#888888;stroke-width:0.4\"") < 20 {
		t.Error("the LISA map: want areas without a value hatched, not light grey like those not significant")
	}
}
