package plan

import (
	"math"
	"strings"
	"testing"
)

// TestProjectionHidesSmallGroups: area 02 has one resident aged 16 or 17
// in the base year, below the disclosure threshold. Its group 16–17 is
// hidden in every projected year, and so are the city's single years 16
// and 17 (with the other areas' groups they would give it); the other
// areas' groups and the city's other ages are shown.
func TestProjectionHidesSmallGroups(t *testing.T) {
	out, res, err := runDir(t, planDir(t, "testdata/projection", func(s string) string { return s }))
	if err != nil {
		t.Fatal(err)
	}
	hidden, shown := 0, 0
	for _, r := range tableRows(t, out, "projection.csv") {
		key, age, v := r["Schlüssel"], r["Alter"], r["Einwohner (vorausberechnet)"]
		small := key == "02" && age == "16–17" || key == "" && (age == "16" || age == "17")
		switch {
		case small && v != ".":
			t.Errorf("%q %s %s: %s, want hidden", key, r["Jahr"], age, v)
		case !small && v == ".":
			t.Errorf("%q %s %s is hidden", key, r["Jahr"], age)
		case small:
			hidden++
		default:
			shown++
		}
	}
	if hidden != 3+3*2*2 || shown == 0 {
		t.Errorf("%d cells hidden, %d shown", hidden, shown)
	}
	if notes := strings.Join(noteTexts(res.Notes), "\n"); !strings.Contains(notes, "no backtest, the data (2022–2024) are too short for a base period of 2 years and a year after it") {
		t.Errorf("notes lack the missing backtest:\n%s", notes)
	}
}

// TestProjectionFromRegister projects the four-area city from its
// register's events of 2023–2024 — deaths, births by the mother's age,
// in- and out-moves — and scales it to control totals. The notes' figures
// were worked out from the files independently by a Python script:
// births over women by age for the city's fertility, each area's level
// (B + 20) / (E + 20), and the deaths against those the life table
// expects by the cohort's age at the year's end, the newborn's from the
// areas' fertility. The city's total in projection.csv meets each year's
// control total.
func TestProjectionFromRegister(t *testing.T) {
	for _, model := range []string{"net", "flows"} {
		t.Run(model, func(t *testing.T) {
			dir := planDir(t, "testdata/projection", func(s string) string {
				s = strings.Replace(s, "  life_table: {file: sterbetafel.csv, age: Alter, sex: Geschlecht, qx: qx}\n", `  life_table:
    file: sterbetafel.csv
    age: Alter
    sex: Geschlecht
    qx: qx
    deaths: {file: gestorbene.csv, key: Gebiet, year: Jahr, age: Alter, sex: Geschlecht, count: Gestorbene}
  migration: {file: wanderungen.csv, key: Gebiet, year: Jahr, age: Alter, sex: Geschlecht, in: Zuzüge, out: Fortzüge, model: `+model+`}
  control: {file: eckwerte.csv, year: Jahr, total: Einwohner}
`, 1)
				s = strings.Replace(s, "projection:\n", "disclosure: {threshold: 0}\nprojection:\n", 1)
				return strings.Replace(s, "fertility: {file: fertilitaet.csv, age: Alter, rate: Rate}", "fertility: {file: geburten.csv, key: Gebiet, year: Jahr, age: Alter der Mutter, births: Geburten}", 1)
			})
			out, res, err := runDir(t, dir)
			if err != nil {
				t.Fatal(err)
			}
			notes := strings.Join(noteTexts(res.Notes), "\n")
			migration := map[string]string{"net": "net migration from the register's in- and out-moves of 2023–2024",
				"flows": "migration from the register's moves of 2023–2024: in-moves as counts, out-moves as rates of the residents"}[model]
			for _, want := range []string{
				"the register's deaths of 2023–2024 were 195.6 % (men) and 48.9 % (women) of those the life table expects",
				"fertility estimated from 8 births a year in 2023–2024: the city's total fertility rate 0.04, the areas' from 0.81 to 1.14 times the city's",
				migration,
				"scaled to the city's control totals of eckwerte.csv",
			} {
				if !strings.Contains(notes, want) {
					t.Errorf("notes lack %q:\n%s", want, notes)
				}
			}
			city := map[string]float64{}
			for _, r := range tableRows(t, out, "projection.csv") {
				if r["Szenario"] == "Basis" && r["Schlüssel"] == "" && r["Einwohner (vorausberechnet)"] != "." {
					city[r["Jahr"]] += germanNumber(t, r["Einwohner (vorausberechnet)"])
				}
			}
			// 21 single years × 2 sexes rounded to 0.1 each (no disclosure
			// control here: every age is shown)
			for y, want := range map[string]float64{"2025": 8200, "2026": 8225, "2027": 8250} {
				if got := city[y]; math.Abs(got-want) > 42*0.05 {
					t.Errorf("%s: the city's shown ages sum to %g, control total %g", y, got, want)
				}
			}
		})
	}
}
