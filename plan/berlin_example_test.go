package plan

import (
	"fmt"
	"sort"

	"math"
	"os"
	"path/filepath"
	"planatlas/projection"
	"strconv"
	"strings"
	"testing"
)

// berlinDir is the Berlin example: the city's files as published.
const berlinDir = "../examples/berlin"

// TestBerlinExample runs examples/berlin once, as its README's command
// does, and checks it against what the city and the statistics office
// publish: the official MSS 2021 classes (536 valid areas; status 75,
// 366, 46, 49; dynamic 48, 436, 52) and every area's combined type
// SDI_N; the residents of the city and of each Bezirk in 2021–2024 equal
// the sums of the yearly files; the four levels with their names; the
// residents in areas of high heat load; and no missing-value code
// (−9999) as a number in any table.
func TestBerlinExample(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(berlinDir, "plan.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	p, err := Parse(data, "plan.yaml")
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "out")
	res, err := Run(p, Dir(berlinDir), Options{Out: out, PlanData: data})
	if err != nil {
		t.Fatal(err)
	}
	notes := strings.Join(noteTexts(res.Notes), "\n")
	want := "index mss (MSS) 2020: 536 valid areas; status classes high 75, medium 366, low 46, very low 49; dynamic classes positive 48, stable 436, negative 52"
	if !strings.Contains(notes, want) {
		t.Errorf("notes lack\n  %s\nin\n%s", want, notes)
	}
	t.Run("SDI_N", func(t *testing.T) { berlinSDI(t, out) })
	cells := berlinCells(t, readOut(t, out, "indicators.csv"))
	t.Run("residents", func(t *testing.T) {
		// 2015–2020 moved from the older areas: the Bezirke and the city
		// are unions of whole older areas, so their totals are exact
		for y := 2015; y <= 2024; y++ {
			sums := berlinResidents(t, y)
			for prefix, n := range sums {
				key := "Stadt|"
				if prefix != "" {
					key = "Bezirk|" + prefix
				}
				if got := cells[berlinCell("einwohner", y, key)]; got != n {
					t.Errorf("%d %s: %v residents, the file has %v", y, key, got, n)
				}
			}
		}
	})
	t.Run("boundaries", func(t *testing.T) { berlinBoundaries(t, out, notes) })
	t.Run("projection backtest", func(t *testing.T) { berlinBacktest(t, out) })
	t.Run("levels", func(t *testing.T) {
		units := map[string]map[string]string{}
		for _, l := range strings.Split(string(readOut(t, out, "indicators.csv")), "\n")[1:] {
			f := strings.Split(l, ";")
			if len(f) > 6 && f[0] == "einwohner" && f[3] == "2024" {
				if units[f[4]] == nil {
					units[f[4]] = map[string]string{}
				}
				units[f[4]][f[5]] = f[6]
			}
		}
		for level, n := range map[string]int{"Planungsraum": 542, "Bezirksregion": 143, "Prognoseraum": 58, "Bezirk": 12, "Stadt": 1} {
			if len(units[level]) != n {
				t.Errorf("%s: %d units, want %d", level, len(units[level]), n)
			}
		}
		for level, named := range map[string][2]string{
			"Bezirk": {"01", "Mitte"}, "Prognoseraum": {"1260", "Märkisches Viertel"},
			"Bezirksregion": {"111001", "Malchow, Wartenberg und Falkenberg"},
		} {
			if got := units[level][named[0]]; got != named[1] {
				t.Errorf("%s %s is named %q, want %q", level, named[0], got, named[1])
			}
		}
	})
	t.Run("heat", func(t *testing.T) {
		// Σ residents 2022 of the areas in thermal load category 3
		heat := map[string]bool{}
		for _, f := range berlinRows(t, "umweltgerechtigkeit-2021-2022.csv") {
			heat[f[0]] = f[6] == "3"
		}
		want := 0.0
		for _, f := range berlinRows(t, "berlin-lor-population-2022-12-age.csv") {
			if heat[f[0]] {
				want += number(t, f[1])
			}
		}
		if got := cells[berlinCell("ew_hitze", 2022, "Stadt|")]; got != want || want != 1247530 {
			t.Errorf("residents in high heat load 2022: %v, the files give %v", got, want)
		}
	})
	t.Run("no codes as numbers", func(t *testing.T) {
		for _, name := range []string{"indicators.csv", "variables.csv", "mss-mss.csv"} {
			for i, l := range strings.Split(string(readOut(t, out, name)), "\n") {
				if strings.Contains(l, ";-9999;") || strings.Contains(l, ";-9999,") {
					t.Errorf("%s:%d: %s", name, i+1, l)
				}
			}
		}
	})
	for _, f := range []string{"map-mss.png", "map-anteil_u18-change-2021-2024.svg", "map-anteil_u18-2021.svg", "ranking-hitzebedarf.png", "trend-anteil_u18.svg", "classes.csv"} {
		if len(readOut(t, out, f)) == 0 {
			t.Errorf("%s is empty", f)
		}
	}
}

// berlinBoundaries checks the move of 2015–2020 from the 448 older
// areas: the note's counts, crosswalk.csv (every older area's counts
// moved in full, 244 current areas estimated), the Bezirke and the city
// not flagged estimated, and the trend chart's mark of the change.
func berlinBoundaries(t *testing.T, out, notes string) {
	for _, want := range []string{`older areas "lor2019": the data of 2015–2020 ("einwohner") are on the 448 areas`, "298 exactly", "244 estimated", "in 2020, 44.4 % of the residents (ew) lived in estimated areas"} {
		if !strings.Contains(notes, want) {
			t.Errorf("notes lack %q", want)
		}
	}
	rows := tableRows(t, out, "crosswalk.csv")
	share := map[string]float64{}
	estimated := map[string]bool{}
	for _, r := range rows {
		share[r["älterer Schlüssel"]] += germanNumber(t, r["Anteil an den Anzahlen des älteren Gebiets"])
		if r["Werte"] == "geschätzt" {
			estimated[r["Schlüssel"]] = true
		}
	}
	if len(rows) != 608 || len(share) != 448 || len(estimated) != 244 {
		t.Errorf("crosswalk.csv: %d pieces of %d older areas, %d current areas estimated; want 608, 448, 244", len(rows), len(share), len(estimated))
	}
	for k, s := range share {
		if math.Abs(s-1) > 1e-5 {
			t.Errorf("older area %s: its pieces receive %v of its residents", k, s)
		}
	}
	for i, l := range strings.Split(string(readOut(t, out, "indicators.csv")), "\n") {
		f := strings.Split(l, ";")
		if len(f) > 8 && (f[4] == "Bezirk" || f[4] == "Stadt") && strings.Contains(f[8], "geschätzt") {
			t.Errorf("indicators.csv:%d: a Bezirk or the city is flagged estimated: %s", i+1, l)
			break
		}
	}
	// back onto the older areas: 2024's residents in all, whole current
	// areas exact, split ones estimated
	var sum float64
	for _, r := range tableRows(t, out, "indicators-lor2019.csv") {
		if r["Indikator"] == "einwohner" && r["Jahr"] == "2024" {
			sum += germanNumber(t, r["Wert"])
		}
	}
	if want := berlinResidents(t, 2024)[""]; math.Abs(sum-want) > 1e-6 {
		t.Errorf("indicators-lor2019.csv: %v residents in 2024, the file has %v", sum, want)
	}
	if !strings.Contains(notes, "on these 448 areas, for comparing with publications on them, are in indicators-lor2019.csv (106 of the areas estimated)") {
		t.Error("no note on indicators-lor2019.csv")
	}
	if !strings.Contains(string(readOut(t, out, "trend-anteil_u18.svg")), "gestrichelte senkrechte Linie: neue Planungsräume ab 2021") {
		t.Error("the trend chart does not mark the change of areas")
	}
}

// berlinSDI compares every valid area's combined type with the city's
// published SDI_N.
func berlinSDI(t *testing.T, out string) {
	ours := map[string]string{}
	for _, l := range strings.Split(string(readOut(t, out, "mss-mss.csv")), "\n")[1:] {
		if f := strings.Split(l, ";"); len(f) == 12 {
			ours[f[1]] = strings.TrimSpace(f[11])
		}
	}
	compared := 0
	for _, f := range berlinRows(t, "mss-2021-wfs-indices.csv") {
		if f[10] == "" || f[len(f)-1] != "gültig" {
			continue
		}
		compared++
		if key := strings.Trim(f[1], `"`); ours[key] != f[10] {
			t.Errorf("%s: SDI_N %s, official %s", key, ours[key], f[10])
		}
	}
	if compared != 536 {
		t.Errorf("%d valid areas compared", compared)
	}
}

// berlinResidents sums a year's population file over the city ("") and
// each two-digit Bezirk prefix.
func berlinResidents(t *testing.T, year int) map[string]float64 {
	sums := map[string]float64{}
	for _, f := range berlinRows(t, "berlin-lor-population-"+strconv.Itoa(year)+"-12-age.csv") {
		n := number(t, f[1])
		sums[""] += n
		sums[f[0][:2]] += n
	}
	return sums
}

// berlinRows reads a data file of the example (comma-separated, quoted
// fields without commas) without its header.
func berlinRows(t *testing.T, name string) [][]string {
	b, err := os.ReadFile(filepath.Join(berlinDir, "data", name))
	if err != nil {
		t.Fatal(err)
	}
	var rows [][]string
	for _, l := range strings.Split(strings.TrimSpace(string(b)), "\n")[1:] {
		rows = append(rows, strings.Split(strings.TrimRight(l, "\r"), ","))
	}
	return rows
}

// berlinCells reads indicators.csv (German: ";" and decimal comma) into
// indicator|year|level|key → value; cells without a number are left
// out.
func berlinCells(t *testing.T, csv []byte) map[string]float64 {
	cells := map[string]float64{}
	for _, l := range strings.Split(string(csv), "\n")[1:] {
		f := strings.Split(l, ";")
		if len(f) < 8 {
			continue
		}
		// empty, or an official sign: "x" (no meaningful value), "." (hidden)
		if v, err := strconv.ParseFloat(strings.Replace(f[7], ",", ".", 1), 64); err == nil {
			cells[f[0]+"|"+f[3]+"|"+f[4]+"|"+f[5]] = v
		}
	}
	return cells
}

func berlinCell(indicator string, year int, levelKey string) string {
	return indicator + "|" + strconv.Itoa(year) + "|" + levelKey
}

func number(t *testing.T, s string) float64 {
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// berlinBands are the age bands of Berlin's population files, youngest
// first, with their widths in years (the last open).
var berlinBands = []struct {
	variable string
	width    int
}{{"ew_u6", 6}, {"ew_6_15", 9}, {"ew_15_18", 3}, {"ew_18_27", 9}, {"ew_27_45", 18}, {"ew_45_55", 10}, {"ew_55_65", 10}, {"ew_65plus", 0}}

// berlinBacktest projects the 542 planning areas' age bands from 2019,
// with the ratios of 2015–2019 (moved from the older areas: estimated
// for 244 areas), to 2020–2024 and compares with the files: residents and
// children under 6, against the two baselines, with each area's own
// ratios (k = 0), ratios drawn towards the city's (k = 1000 persons) and
// the city's ratios. The table is in the README.
func berlinBacktest(t *testing.T, out string) {
	bands := map[string]map[int][]float64{}
	index := map[string]int{}
	widths := make([]int, len(berlinBands))
	for b, band := range berlinBands {
		index[band.variable], widths[b] = b, band.width
	}
	for _, r := range tableRows(t, out, "variables.csv") {
		b, ok := index[r["Variable"]]
		if !ok || r["Ebene"] != "Planungsraum" {
			continue
		}
		key, year := r["Schlüssel"], int(germanNumber(t, r["Jahr"]))
		if bands[key] == nil {
			bands[key] = map[int][]float64{}
		}
		if bands[key][year] == nil {
			bands[key][year] = make([]float64, len(berlinBands))
			for i := range bands[key][year] {
				bands[key][year][i] = math.NaN()
			}
		}
		bands[key][year][b] = germanNumber(t, r["Wert"])
	}
	const base, horizons = 2019, 5
	var keys []string
	histories := map[string][][]float64{}
	cityNum, cityDen := make([]float64, len(widths)), make([]float64, len(widths))
	for k := range bands {
		complete := true
		for y := base - 4; y <= base+horizons; y++ {
			complete = complete && bands[k][y] != nil
			for _, v := range bands[k][y] {
				complete = complete && !math.IsNaN(v)
			}
		}
		if !complete {
			continue
		}
		keys = append(keys, k)
		for y := base - 4; y <= base; y++ {
			histories[k] = append(histories[k], bands[k][y])
		}
		num, den := projection.BandSums(histories[k], widths)
		for b := range num {
			cityNum[b], cityDen[b] = cityNum[b]+num[b], cityDen[b]+den[b]
		}
	}
	sort.Strings(keys)
	city := make([]float64, len(widths))
	for b := range city {
		city[b] = cityNum[b] / cityDen[b]
	}
	type series struct{ proj, obs, hist [][]float64 }
	pick := []func([]float64) float64{sum, func(p []float64) float64 { return p[0] }}
	var lines []string
	for _, shrink := range []float64{0, 1000, math.Inf(1)} {
		var all [2]series // residents, under 6
		for _, k := range keys {
			num, den := projection.BandSums(histories[k], widths)
			ratios := city
			if !math.IsInf(shrink, 1) {
				ratios = projection.ShrunkRatios(num, den, city, shrink)
			}
			proj := projection.ProjectBands(bands[k][base], ratios, widths, horizons)
			for m := range pick {
				var p, o, h []float64
				for y := 0; y < horizons; y++ {
					p, o = append(p, pick[m](proj[y])), append(o, pick[m](bands[k][base+y+1]))
				}
				for _, hp := range histories[k] {
					h = append(h, pick[m](hp))
				}
				all[m].proj, all[m].obs, all[m].hist = append(all[m].proj, p), append(all[m].obs, o), append(all[m].hist, h)
			}
		}
		for m, name := range []string{"residents", "under 6"} {
			s := all[m]
			last := make([]float64, len(s.hist))
			for i, h := range s.hist {
				last[i] = h[len(h)-1]
			}
			c, k, l := projection.Measure(s.proj, s.obs), projection.Measure(projection.Constant(last, horizons), s.obs), projection.Measure(projection.Linear(s.hist, horizons), s.obs)
			for h := 0; h < horizons; h++ {
				lines = append(lines, fmt.Sprintf("| %s | %g | %d | %d | %.2f | %.2f | %.2f | %.2f |", name, shrink, c[h].N, h+1, c[h].MAPE, c[h].MALPE, k[h].MAPE, l[h].MAPE))
				// Births fell after 2019: every method projects too many
				// children; the city's ratios err less than the linear
				// trend from the second year.
				if name == "under 6" && !(c[h].MALPE > 0) || name == "under 6" && math.IsInf(shrink, 1) && h >= 1 && !(c[h].MAPE < l[h].MAPE) {
					t.Errorf("under 6, k %g, horizon %d: MAPE %.2f, MALPE %.2f, linear %.2f", shrink, h+1, c[h].MAPE, c[h].MALPE, l[h].MAPE)
				}
			}
		}
	}
	// the plan's own projection (k = 1000) wrote the same backtest
	got := map[string]string{}
	for _, r := range tableRows(t, out, "backtest.csv") {
		got[r["Alter"]+"|"+r["Jahre nach 2019"]] = r["MAPE (%)"]
	}
	if got["alle|5"] != "8,02" || got["0–5|5"] != "26,78" {
		t.Errorf("backtest.csv: residents %s, under 6 %s at five years; the test's k = 1000: 8,02 and 26,78", got["alle|5"], got["0–5|5"])
	}
	if len(readOut(t, out, "projection-ew_u6.svg")) == 0 || len(tableRows(t, out, "projection.csv")) < 540*8*5 {
		t.Error("no band projection")
	}
	t.Logf("base 2019, ratios of 2015–2019, %d areas\n| measure | k | n | horizon | bands MAPE | MALPE | constant MAPE | linear MAPE |\n%s", len(keys), strings.Join(lines, "\n"))
}
