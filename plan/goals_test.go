package plan

import (
	"math"
	"strconv"
	"strings"
	"testing"

	"planatlas/analysis"
)

// The demo's goals get a status each, from the trend of the last five
// years projected to 2028.
func TestDemoGoals(t *testing.T) {
	out, _, err := runDir(t, lightDemoDir(t, func(s string) string { return s }))
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, l := range strings.Split(strings.TrimSpace(string(readOut(t, out, "goals.csv"))), "\n")[1:] {
		f := strings.Split(strings.TrimSpace(l), ";")
		got[f[0]] = f[len(f)-2] + " " + f[len(f)-1]
	}
	want := map[string]string{
		"sgb2_stadt":                "111,7 auf Kurs",
		"kinderarmut_stadt":         "71,4 zu langsam",
		"beschaeftigung_stadt":      "87,7 fast auf Kurs",
		"arbeitslosigkeit_weinberg": "-50,5 falsche Richtung",
		"kinderarmut_schoenblick3":  "-13,9 falsche Richtung",
		"kita_stadt":                " nicht bewertbar (weniger als zwei Jahre)",
	}
	for id, w := range want {
		if got[id] != w {
			t.Errorf("%s: %q, want %q", id, got[id], w)
		}
	}
}

func TestGoalErrors(t *testing.T) {
	for _, tc := range []struct{ spec, want string }{
		{"goals:\n  g:\n    indicator: sgb2quote\n    target: 1\n    year: 2028\n", `goal "g": "sgb2quote" is not an indicator; did you mean "sgb2_quote"?`},
		{"goals:\n  g:\n    indicator: sgb2_quote\n    target: 1\n", `goal "g": year is required`},
		{"goals:\n  g:\n    indicator: einwohner\n    target: 1\n    year: 2028\n", `goal "g": indicator "einwohner" has need: none; say direction: increase or decrease`},
		{"goals:\n  g:\n    indicator: sgb2_quote\n    area: \"0101\"\n    district: \"01\"\n    target: 1\n    year: 2028\n", `goal "g": give an area or a district, not both`},
		{"goals:\n  g:\n    indicator: sgb2_quote\n    area: \"101\"\n    target: 1\n    year: 2028\n", `goal "g": there is no area with the key "101"`},
	} {
		dir := demoDir(t, func(s string) string {
			i := strings.Index(s, "goals:\n")
			j := strings.Index(s, "# Ein Index aus gewichteten z-Werten")
			return s[:i] + tc.spec + "\n" + s[j:]
		})
		_, _, err := runDir(t, dir)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q:\n  %v\nwant\n  %s", tc.spec, err, tc.want)
		}
	}
}

// trends.csv holds each indicator's trend on every level, computed on the
// published series: the city's SGB II rate falls significantly, with the
// slope of its yearly values.
func TestTrendsTable(t *testing.T) {
	out, _, err := runDir(t, lightDemoDir(t, func(s string) string { return s }))
	if err != nil {
		t.Fatal(err)
	}
	var ts, ys []float64
	for _, l := range strings.Split(string(readOut(t, out, "indicators.csv")), "\n") {
		f := strings.Split(l, ";")
		if len(f) > 7 && f[0] == "sgb2_quote" && f[4] == "Stadt" {
			y, _ := strconv.ParseFloat(f[3], 64)
			v, _ := strconv.ParseFloat(strings.Replace(f[7], ",", ".", 1), 64)
			ts, ys = append(ts, y), append(ys, v)
		}
	}
	want := analysis.ComputeTrend(ts, ys, 0.05)
	line := grepLines(string(readOut(t, out, "trends.csv")), "sgb2_quote;Stadt;", 1)
	f := strings.Split(strings.TrimSpace(line), ";")
	slope, _ := strconv.ParseFloat(strings.Replace(f[5], ",", ".", 1), 64)
	if len(ys) != 11 || math.Abs(slope-want.Slope) > 1e-12 || f[len(f)-1] != "fallend" {
		t.Errorf("trends.csv: %s; slope of indicators.csv %v over %d years", line, want.Slope, len(ys))
	}
}
