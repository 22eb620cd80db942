package plan

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"planatlas/geo"
)

// cityValue returns a variable's city value in year from variables.csv.
func cityValue(t *testing.T, out, variable string, year int) float64 {
	t.Helper()
	for _, l := range strings.Split(string(readOut(t, out, "variables.csv")), "\n") {
		f := strings.Split(l, ";")
		if len(f) > 5 && f[0] == variable && f[1] == strconv.Itoa(year) && f[2] == "Stadt" {
			v, err := strconv.ParseFloat(strings.Replace(f[5], ",", ".", 1), 64)
			if err != nil {
				t.Fatalf("%s: %v", l, err)
			}
			return v
		}
	}
	t.Fatalf("no city value of %s in %d", variable, year)
	return 0
}

// The demo's day-care centres are counted per area: the city's places
// are the places of every centre inside the city (the one outside is
// noted), and the supply rate is places per 100 children under 6.
func TestDemoKitas(t *testing.T) {
	dir := lightDemoDir(t, func(s string) string {
		return strings.Replace(s, "variables:\n", "variables:\n  kitas_anzahl: {input: kitas, column: count, count: false}\n", 1)
	})
	out, res, err := runDir(t, dir)
	if err != nil {
		t.Fatal(err)
	}
	notes := strings.Join(noteTexts(res.Notes), "\n")
	for _, want := range []string{
		`input "kitas": 59 point(s) assigned to planning areas`,
		`input "kitas": 1 point(s) lie outside every planning area and are not counted: kitas.geojson: feature 60`,
	} {
		if !strings.Contains(notes, want) {
			t.Errorf("notes lack %q:\n%s", want, notes)
		}
	}
	// The file's places, all but the last (outside) centre's.
	b, _ := os.ReadFile(filepath.Join(dir, "kitas.geojson"))
	var places, last float64
	for _, part := range strings.Split(string(b), `"plaetze":`)[1:] {
		v, _ := strconv.ParseFloat(part[:strings.IndexAny(part, ",}")], 64)
		places += v
		last = v
	}
	if got := cityValue(t, out, "kita_plaetze", 2024); got != places-last {
		t.Errorf("city places %v, want %v", got, places-last)
	}
	if got := cityValue(t, out, "kitas_anzahl", 2024); got != 59 {
		t.Errorf("city centres %v, want 59", got)
	}
	u6 := cityValue(t, out, "ew_u6", 2024)
	ind := string(readOut(t, out, "indicators.csv"))
	want := fmt.Sprintf("kita_versorgung;Kita-Versorgungsquote;Plätze je 100 Kinder;2024;Stadt;;Musterstadt;%s;", strings.Replace(strconv.FormatFloat(100*(places-last)/u6, 'f', -1, 64), ".", ",", 1))
	if !strings.Contains(ind, want) {
		t.Errorf("indicators.csv lacks\n  %s\nhas\n  %s", want, grepLines(ind, "kita_versorgung;Kita-Versorgungsquote;Plätze je 100 Kinder;2024;Stadt", 1))
	}
}

// Points in a table with x and y columns (decimal comma, UTM) are
// located like points in GeoJSON; bad coordinates name their line.
func TestPointsFromTable(t *testing.T) {
	plan := func(s string) string {
		s = strings.Replace(s, "inputs:\n", "inputs:\n  schulen:\n    file: schulen.csv\n    format: points\n    x: Rechtswert\n    y: Hochwert\n    crs: EPSG:25833\n    year: 2024\n", 1)
		return strings.Replace(s, "variables:\n", "variables:\n  schulen: {input: schulen, column: count, count: false}\n  schueler: {input: schulen, column: Schüler, count: false}\n", 1)
	}
	dir := demoDir(t, plan)
	// Three schools in the centre's areas, one outside.
	a := demoAreas(t, dir)
	var rows []string
	for i, k := range []string{"0101", "0101", "0203"} {
		p := a.LabelPoint(indexOf(a.Keys, k))
		rows = append(rows, fmt.Sprintf("Schule %d;%s;%s;%d", i+1, comma(p[0]), comma(p[1]), 100*(i+1)))
	}
	rows = append(rows, "Schule 4;400000,5;5700000;50")
	os.WriteFile(filepath.Join(dir, "schulen.csv"), []byte("Name;Rechtswert;Hochwert;Schüler\n"+strings.Join(rows, "\n")+"\n"), 0o644)
	out, res, err := runDir(t, dir)
	if err != nil {
		t.Fatal(err)
	}
	if got := cityValue(t, out, "schulen", 2024); got != 3 {
		t.Errorf("schools %v, want 3", got)
	}
	if got := cityValue(t, out, "schueler", 2024); got != 600 {
		t.Errorf("pupils %v, want 600", got)
	}
	vars := string(readOut(t, out, "variables.csv"))
	if !strings.Contains(vars, "schulen;2024;Planungsraum;0101;Markt;2;") || !strings.Contains(vars, "schulen;2024;Planungsraum;0102;Schloßberg;0;") {
		t.Errorf("per area:\n%s", grepLines(vars, "schulen;2024;Planungsraum;010", 3))
	}
	if !strings.Contains(strings.Join(noteTexts(res.Notes), "\n"), "schulen.csv:5") {
		t.Errorf("the school outside is not noted: %v", noteTexts(res.Notes))
	}
	// Coordinates that cannot be UTM, and a missing one.
	for _, tc := range []struct{ row, want string }{
		{"Schule 5;13,2;50,9;10", `schulen.csv:6: column "Rechtswert, Hochwert": point (13.2, 50.9) looks like degrees, but EPSG:25833 is in metres`},
		{"Schule 5;;5640000;10", `schulen.csv:6: column "Rechtswert, Hochwert": the coordinates are missing`},
	} {
		os.WriteFile(filepath.Join(dir, "schulen.csv"), []byte("Name;Rechtswert;Hochwert;Schüler\n"+strings.Join(rows, "\n")+"\n"+tc.row+"\n"), 0o644)
		_, _, err := runDir(t, dir)
		if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
			t.Errorf("%s:\n  %v\nwant\n  %s", tc.row, err, tc.want)
		}
	}
}

func demoAreas(t *testing.T, dir string) *geo.Areas {
	t.Helper()
	l, err := geo.ReadLayer(filepath.Join(dir, "planungsraeume.geojson"), func(n string) ([]byte, error) { return os.ReadFile(n) }, "")
	if err != nil {
		t.Fatal(err)
	}
	a, err := l.Areas(geo.ReadOptions{Key: "pr_id", Name: "pr_name"})
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func indexOf(keys []string, k string) int {
	for i, x := range keys {
		if x == k {
			return i
		}
	}
	return -1
}

func comma(v float64) string { return strings.Replace(strconv.FormatFloat(v, 'f', 2, 64), ".", ",", 1) }

// Zensus grid counts are allocated to the areas by area share: the city
// receives each cell's count times the part of the cell inside it, and
// the rest is noted as not allocated.
func TestGridInput(t *testing.T) {
	dir := demoDir(t, func(s string) string {
		s = strings.Replace(s, "inputs:\n", "inputs:\n  zensus:\n    file: zensus.csv\n    format: grid\n    key: GITTER_ID_1km\n    year: 2022\n", 1)
		return strings.Replace(s, "variables:\n", "variables:\n  zensus_ew: {input: zensus, column: Einwohner}\n", 1)
	})
	a := demoAreas(t, dir)
	// 1 km cells over the city's bounding box, 100 residents each.
	b := a.Bound()
	lo := geo.Transform(a.CRS, geo.LAEAEurope, b.Min)
	hi := geo.Transform(a.CRS, geo.LAEAEurope, b.Max)
	var rows []string
	var cells []geo.GridCell
	for n := math.Floor(lo[1]/1000)*1000 - 1000; n <= hi[1]+1000; n += 1000 {
		for e := math.Floor(lo[0]/1000)*1000 - 1000; e <= hi[0]+1000; e += 1000 {
			rows = append(rows, fmt.Sprintf("CRS3035RES1000mN%.0fE%.0f;100", n, e))
			cells = append(cells, geo.GridCell{E: e, N: n, Size: 1000})
		}
	}
	os.WriteFile(filepath.Join(dir, "zensus.csv"), []byte("GITTER_ID_1km;Einwohner\n"+strings.Join(rows, "\n")+"\n"), 0o644)
	out, res, err := runDir(t, dir)
	if err != nil {
		t.Fatal(err)
	}
	var want float64
	for _, s := range a.GridShares(cells) {
		for _, x := range s {
			want += 100 * x.Fraction
		}
	}
	got := cityValue(t, out, "zensus_ew", 2022)
	if math.Abs(got-want) > 0.05 { // variables.csv has rounded values
		t.Errorf("city residents from the grid %v, want %v", got, want)
	}
	notes := strings.Join(noteTexts(res.Notes), "\n")
	if !strings.Contains(notes, fmt.Sprintf(`input "zensus": %d grid cells allocated to planning areas by area share`, len(cells))) ||
		!strings.Contains(notes, `of column "Einwohner" lies in grid cells outside every planning area`) {
		t.Errorf("notes:\n%s", notes)
	}
	// A cell id off the grid names its line.
	os.WriteFile(filepath.Join(dir, "zensus.csv"), []byte("GITTER_ID_1km;Einwohner\nCRS3035RES1000mN3000100E4500000;5\n"), 0o644)
	_, _, err = runDir(t, dir)
	want2 := `zensus.csv:2: column "GITTER_ID_1km": "CRS3035RES1000mN3000100E4500000": the corner N3000100 E4500000 is not on the 1000 m grid`
	if err == nil || err.Error() != want2 {
		t.Errorf("bad cell:\n  %v\nwant\n  %s", err, want2)
	}
}
