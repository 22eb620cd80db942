package plan

import (
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
