package plan

import (
	"encoding/csv"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// levelsDir copies testdata/levels (four levels from the keys, as in
// Berlin) into a temporary folder, with the plan text changed by edit.
func levelsDir(t *testing.T, edit func(string) string) string {
	t.Helper()
	return planDir(t, "testdata/levels", edit)
}

// planDir copies a plan's folder of testdata into a temporary folder,
// with the plan text changed by edit.
func planDir(t *testing.T, src string, edit func(string) string) string {
	t.Helper()
	dir := t.TempDir()
	files, _ := filepath.Glob(src + "/*")
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if filepath.Base(f) == "plan.yaml" {
			b = []byte(edit(string(b)))
		}
		if err := os.WriteFile(filepath.Join(dir, filepath.Base(f)), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// tableRows reads a German CSV output into rows keyed by column name.
func tableRows(t *testing.T, out, name string) []map[string]string {
	t.Helper()
	r := csv.NewReader(strings.NewReader(string(readOut(t, out, name))))
	r.Comma = ';'
	all, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var rows []map[string]string
	for _, rec := range all[1:] {
		m := map[string]string{}
		for i, h := range all[0] {
			m[strings.TrimPrefix(h, "\ufeff")] = rec[i]
		}
		rows = append(rows, m)
	}
	return rows
}

func germanNumber(t *testing.T, s string) float64 {
	t.Helper()
	if s == "" || s == "." {
		return math.NaN()
	}
	v, err := strconv.ParseFloat(strings.Replace(s, ",", ".", 1), 64)
	if err != nil {
		t.Fatalf("%q: %v", s, err)
	}
	return v
}

// The levels from key prefixes, the Bezirke named from a table: every
// level's reference values in indicators.csv are the sums (counts) and
// ratios of sums (shares) of its areas, over the areas with a value,
// with their coverage (the share of residents, or of areas where an area
// left out has no residents figure); trends and areas.geojson have
// every level.
func TestLevelsFromKeyPrefixes(t *testing.T) {
	out, _, err := runDir(t, levelsDir(t, func(s string) string { return s }))
	if err != nil {
		t.Fatal(err)
	}
	// the areas' inputs of 2024
	type area struct{ ew, sgb2 float64 }
	areas := map[string]area{}
	for _, l := range strings.Split(strings.TrimSpace(string(readOut(t, "testdata/levels", "einwohner.csv"))), "\n")[1:] {
		f := strings.Split(l, ";")
		if f[1] == "2024" {
			areas[f[0]] = area{germanNumber(t, f[2]), germanNumber(t, f[4])}
		}
	}
	rows := tableRows(t, out, "indicators.csv")
	type cell struct{ value, coverage string }
	got := map[string]cell{} // indicator|level|key|name in 2024
	for _, r := range rows {
		if r["Jahr"] == "2024" {
			got[r["Indikator"]+"|"+r["Ebene"]+"|"+r["Schlüssel"]+"|"+r["Name"]] = cell{r["Wert"], r["Abdeckung (%)"]}
		}
	}
	compared := 0
	for _, tc := range []struct {
		level, key, name string
		prefix           string
	}{
		{"Bezirksregion", "010101", "010101", "010101"},
		{"Bezirksregion", "020201", "020201", "020201"},
		{"Prognoseraum", "0101", "0101", "0101"},
		{"Prognoseraum", "0102", "0102", "0102"},
		{"Bezirk", "01", "Mitte", "01"},
		{"Bezirk", "02", "Friedrichshain-Kreuzberg", "02"},
		{"Stadt", "", "Berlin", ""},
	} {
		var n, nEw, nBoth, ew, ewBoth, ewAll, sgb2 float64
		noEwLeftOut := false
		for k, a := range areas {
			if !strings.HasPrefix(k, tc.prefix) {
				continue
			}
			n++
			if !math.IsNaN(a.ew) {
				nEw++
				ew += a.ew
				ewAll += a.ew
			}
			if !math.IsNaN(a.ew) && !math.IsNaN(a.sgb2) {
				nBoth++
				ewBoth += a.ew
				sgb2 += a.sgb2
			} else if math.IsNaN(a.ew) {
				noEwLeftOut = true
			}
		}
		id := tc.level + "|" + tc.key + "|" + tc.name
		c, ok := got["einwohner|"+id]
		if !ok {
			t.Fatalf("no row for residents of %s", id)
		}
		if v, cov := germanNumber(t, c.value), germanNumber(t, c.coverage); v != ew || math.Abs(cov-100*nEw/n) > 1e-9 {
			t.Errorf("residents of %s = %v (coverage %s), want %v (%v: the share of areas with a figure)", id, v, c.coverage, ew, 100*nEw/n)
		}
		c = got["sgb2_anteil|"+id]
		wantCov := 100 * ewBoth / ewAll
		if noEwLeftOut {
			wantCov = 100 * nBoth / n
		}
		if cov := germanNumber(t, c.coverage); math.Abs(cov-wantCov) > 1e-9 {
			t.Errorf("coverage of %s = %v, want %v", id, cov, wantCov)
		}
		if wantCov == 100 && c.coverage != "100" {
			t.Errorf("coverage of %s = %q, want 100", id, c.coverage)
		}
		if c.value == "." {
			continue // hidden: see TestReferencesRevealNoHiddenCount
		}
		compared++
		if v := germanNumber(t, c.value); math.Abs(v-100*sgb2/ewBoth) > 1e-9 {
			t.Errorf("SGB II share of %s = %v, want %v (the ratio of sums of the areas with both values)", id, v, 100*sgb2/ewBoth)
		}
	}
	if compared < 3 {
		t.Errorf("only %d shares published", compared)
	}
	if c := got["sgb2_anteil|Planungsraum|02020103|Askanischer Platz"]; c.value != "." || c.coverage != "" {
		t.Errorf("Askanischer Platz without SGB II: %+v, want ., no coverage", c)
	}
	// trends of every level, the levels in areas.geojson
	levels := map[string]bool{}
	for _, r := range tableRows(t, out, "trends.csv") {
		levels[r["Ebene"]] = true
	}
	for _, l := range []string{"Planungsraum", "Bezirksregion", "Prognoseraum", "Bezirk", "Stadt"} {
		if !levels[l] {
			t.Errorf("trends.csv has no level %s (%v)", l, levels)
		}
	}
	// a goal for a district: a Bezirk, the largest level
	g := tableRows(t, out, "goals.csv")
	if len(g) != 1 || g[0]["Ebene"] != "Bezirk" || g[0]["Name"] != "Friedrichshain-Kreuzberg" {
		t.Errorf("goals.csv: %v", g)
	}
	gj := string(readOut(t, out, "areas.geojson"))
	for _, s := range []string{`"bezirk_name":"Friedrichshain-Kreuzberg"`, `"prognoseraum_key":"0202"`, `"district":"Mitte"`} {
		if !strings.Contains(gj, s) {
			t.Errorf("areas.geojson lacks %s", s)
		}
	}
}

// Level errors name what is wrong: a level that does not nest, a names
// table without a unit's key, both parent and levels.
func TestLevelErrors(t *testing.T) {
	for _, tc := range []struct {
		name, old, new, want string
		files                map[string]string
	}{
		{"not nested", "{id: prognoseraum, label: {de: Prognoseraum, en: forecast area}, key_prefix: 4}",
			"{id: prognoseraum, parent: BZR_BAD}",
			`level "bezirksregion" does not nest in level "prognoseraum": bezirksregion "010101" lies in prognoseraum "A1" (area "01010101") and in "A2" (area "01010102")`, nil},
		{"order", "key_prefix: 6}", "key_prefix: 2}",
			`level "bezirksregion" does not nest in level "prognoseraum": bezirksregion "01" lies in prognoseraum "0101"`, nil},
		{"names without a key", "file: bezirke.csv", "file: bezirke2.csv",
			`level "bezirk": names: bezirke2.csv has no name for 1 of its 2 unit(s): "02" (column BEZ holds neither their keys nor their areas' keys)`,
			map[string]string{"bezirke2.csv": "BEZ;Bezirksname\n01;Mitte\n03;Pankow\n"}},
		{"names that differ", "file: bezirke.csv", "file: bezirke2.csv",
			`bezirke2.csv:3: column "BEZ": the key "01" has the name "Tiergarten" here and "Mitte" on line 2`,
			map[string]string{"bezirke2.csv": "BEZ;Bezirksname\n01;Mitte\n01;Tiergarten\n"}},
		{"names by area key that differ", "file: bezirke.csv, key: BEZ", "file: plr.csv, key: PLR_ID",
			`plr.csv:3: column "Bezirksname": the areas "01010101" and "01010102" of bezirk "01" have different names: "Mitte" and "Tiergarten"`,
			map[string]string{"plr.csv": "PLR_ID;Bezirksname\n01010101;Mitte\n01010102;Tiergarten\n"}},
		{"names column", "name: Bezirksname}", "name: Bezirk}", `names, name: column "Bezirk" not found in bezirke.csv`, nil},
		{"parent and levels", "  name: PLR_NAME\n", "  name: PLR_NAME\n  parent: BEZ\n", "give levels or parent (and parent_name), not both", nil},
		{"key prefix too long", "key_prefix: 6}", "key_prefix: 9}", `the area key "01010101" has fewer than 9 characters`, nil},
		{"districts", "  population: ew\n", "  population: ew\n  districts: bezirke\n", `districts: "bezirke" is not a level; did you mean "bezirk"?`, nil},
		{"reserved id", "id: bezirksregion,", "id: city,", `level "city": the ids area and city`, nil},
		{"no key", "{id: prognoseraum, label: {de: Prognoseraum, en: forecast area}, key_prefix: 4}", "{id: prognoseraum}",
			`level "prognoseraum": say how an area's unit is found`, nil},
		{"population", "population: ew", "population: einwohner", `population: "einwohner" is not a variable`, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := levelsDir(t, func(s string) string {
				if !strings.Contains(s, tc.old) {
					t.Fatalf("plan has no %q", tc.old)
				}
				return strings.Replace(s, tc.old, tc.new, 1)
			})
			for name, text := range tc.files {
				os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644)
			}
			_, _, err := runDir(t, dir)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want %s", err, tc.want)
			}
		})
	}
}

// A names table may be keyed by the areas: a unit takes the name its
// areas share (Berlin's heat table names each planning area's Bezirk).
func TestLevelNamesFromAreaKeys(t *testing.T) {
	dir := levelsDir(t, func(s string) string {
		return strings.Replace(s, "{file: bezirke.csv, key: BEZ, name: Bezirksname}", "{file: plr.csv, key: Planungsraum-ID, name: Bezirksname}", 1)
	})
	table := "Planungsraum-ID,Bezirksname\n"
	for _, k := range []string{"01010101", "01010102", "01010201", "01020101"} {
		table += k + ",01 - Mitte\n"
	}
	table += "02010101,02 - Friedrichshain-Kreuzberg\n99999999,99 - Nirgendwo\n"
	os.WriteFile(filepath.Join(dir, "plr.csv"), []byte(table), 0o644)
	out, _, err := runDir(t, dir)
	if err != nil {
		t.Fatal(err)
	}
	gj := string(readOut(t, out, "areas.geojson"))
	for _, s := range []string{`"bezirk_name":"01 - Mitte"`, `"bezirk_name":"02 - Friedrichshain-Kreuzberg"`} {
		if !strings.Contains(gj, s) {
			t.Errorf("areas.geojson lacks %s", s)
		}
	}
}

// No hidden count can be recomputed from the published tables, reference
// values included. Mehringplatz has 2 SGB II recipients (hidden) and
// shares its Bezirksregion with Moritzplatz and Askanischer Platz, which
// has no count in 2024: the Bezirksregion's total is over the other two,
// so Moritzplatz and that total cannot both be published. Großer
// Tiergarten has 1 (hidden), and so Stülerstraße, in its Bezirksregion,
// is hidden too; Stülerstraße has no residents figure, so the shares of
// its Prognoseraum, Bezirk and city are over the others, Großer
// Tiergarten among them: published, they would give it away. The attack
// takes every published total (variables.csv: the sum over the areas
// with a value), every published reference of the count and of the
// share (whose residents are published: Σ recipients = share · Σ
// residents / 100, over the areas with both), and every published area,
// and asks whether a hidden count lies in their span.
func TestReferencesRevealNoHiddenCount(t *testing.T) {
	out, _, err := runDir(t, levelsDir(t, func(s string) string { return s }))
	if err != nil {
		t.Fatal(err)
	}
	const year = "2024"
	var keys []string // the areas
	missing, noEw := map[string]bool{}, map[string]bool{}
	hiddenArea := map[string]bool{}
	vars := tableRows(t, out, "variables.csv")
	for _, r := range vars {
		if r["Jahr"] != year || r["Ebene"] != "Planungsraum" {
			continue
		}
		if r["Variable"] == "ew" && r["Kennzeichen"] == "gesperrt (.)" {
			t.Fatalf("the residents of %s are hidden: the attack assumes they are published", r["Schlüssel"])
		}
		if r["Variable"] == "ew" && r["Kennzeichen"] == "geheim (.)" {
			noEw[r["Schlüssel"]] = true
		}
		if r["Variable"] != "sgb2" {
			continue
		}
		keys = append(keys, r["Schlüssel"])
		switch r["Kennzeichen"] {
		case "geheim (.)":
			missing[r["Schlüssel"]] = true
		case "gesperrt (.)":
			hiddenArea[r["Schlüssel"]] = true
		}
	}
	if !hiddenArea["02020101"] || !missing["02020103"] || !hiddenArea["01010102"] || !hiddenArea["01010101"] || !noEw["01010101"] {
		t.Fatalf("the test needs Mehringplatz, Großer Tiergarten and Stülerstraße hidden, Askanischer Platz missing, Stülerstraße without residents: %v %v %v", hiddenArea, missing, noEw)
	}
	prefix := map[string]int{"Planungsraum": 8, "Bezirksregion": 6, "Prognoseraum": 4, "Bezirk": 2, "Stadt": 0}
	// row returns the sum over the areas of a unit that have a count,
	// and with the residents too.
	row := func(level, key string, withEw bool) []float64 {
		f := make([]float64, len(keys))
		for i, k := range keys {
			if !missing[k] && !(withEw && noEw[k]) && strings.HasPrefix(k, key[:prefix[level]]) {
				f[i] = 1
			}
		}
		return f
	}
	var pub, hid [][]float64
	var hidName []string
	for _, r := range vars {
		if r["Jahr"] != year || r["Variable"] != "sgb2" || r["Kennzeichen"] == "geheim (.)" {
			continue
		}
		if r["Kennzeichen"] == "gesperrt (.)" {
			hid = append(hid, row(r["Ebene"], r["Schlüssel"], false))
			hidName = append(hidName, r["Ebene"]+" "+r["Schlüssel"])
			continue
		}
		pub = append(pub, row(r["Ebene"], r["Schlüssel"], false))
	}
	refs := 0
	for _, r := range tableRows(t, out, "indicators.csv") {
		if r["Jahr"] == year && r["Ebene"] != "Planungsraum" && (r["Indikator"] == "sgb2_anteil" || r["Indikator"] == "sgb2_personen") && r["Wert"] != "." {
			pub = append(pub, row(r["Ebene"], r["Schlüssel"], r["Indikator"] == "sgb2_anteil"))
			refs++
		}
	}
	if refs == 0 {
		t.Fatal("no reference value published")
	}
	sp := spanOf(pub, len(keys))
	for i, h := range hid {
		if sp.contains(h) {
			t.Errorf("%s: the hidden count can be recomputed from the published totals, references and areas", hidName[i])
		}
	}
	// Moritzplatz or the Bezirksregion's total is hidden too.
	if len(hid) < 2 {
		t.Errorf("only %v hidden", hidName)
	}
}
