package plan

import (
	"bytes"
	"fmt"
	"image/color"
	"math"
	"strconv"
	"strings"
	"testing"

	"planatlas/analysis"
	"planatlas/datasets"
	"planatlas/demo"
	"planatlas/indicators"
	"planatlas/lang"
	"planatlas/report"
)

// The change between two years, absolute or relative; a change with a
// hidden value is hidden, one with a missing value missing.
func TestChangeValues(t *testing.T) {
	nan := math.NaN()
	const S, C = datasets.Suppressed, datasets.Confidential
	for _, tc := range []struct {
		name     string
		a, b     []float64
		fa, fb   []datasets.Flag
		relative bool
		want     []float64
		flags    []datasets.Flag
	}{
		{"absolute", []float64{10, 12.5, 4}, []float64{12, 10, 4}, nil, nil, false, []float64{2, -2.5, 0}, []datasets.Flag{0, 0, 0}},
		{"relative", []float64{10, 12.5, 4}, []float64{12, 10, 4}, nil, nil, true, []float64{20, -20, 0}, []datasets.Flag{0, 0, 0}},
		{"relative from a negative value", []float64{-10}, []float64{-5}, nil, nil, true, []float64{50}, []datasets.Flag{0}},
		{"relative from 0", []float64{0}, []float64{3}, nil, nil, true, []float64{nan}, []datasets.Flag{datasets.DivByZero}},
		{"missing in either year", []float64{nan, 5}, []float64{5, nan}, nil, nil, false, []float64{nan, nan}, []datasets.Flag{0, 0}},
		{"suppressed in either year", []float64{3, 4, 5}, []float64{6, 7, 8}, []datasets.Flag{S, 0, 0}, []datasets.Flag{0, S, C}, false,
			[]float64{nan, nan, nan}, []datasets.Flag{S, S, C}},
		{"suppressed wins over missing", []float64{nan}, []float64{7}, []datasets.Flag{0}, []datasets.Flag{S}, false, []float64{nan}, []datasets.Flag{S}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fa, fb := tc.fa, tc.fb
			if fa == nil {
				fa, fb = make([]datasets.Flag, len(tc.a)), make([]datasets.Flag, len(tc.a))
			}
			got, flags := change(tc.a, tc.b, fa, fb, tc.relative)
			for i := range tc.want {
				if !(got[i] == tc.want[i] || math.IsNaN(got[i]) && math.IsNaN(tc.want[i])) || flags[i] != tc.flags[i] {
					t.Errorf("area %d: %v (%v), want %v (%v)", i, got[i], flags[i], tc.want[i], tc.flags[i])
				}
			}
		})
	}
}

// A diverging map is blue below its centre and red above it, each side
// darkest farthest from the centre; where a lower value means more need,
// red below and blue above. Five classes split two below, three above.
func TestDivergingColours(t *testing.T) {
	const r3, r2, r1, b1, b2, b3 = "#b2182b", "#ef8a62", "#fddbc7", "#d1e5f0", "#67a9cf", "#2166ac"
	for _, tc := range []struct {
		need      indicators.Need
		low, high int
		want      string
	}{
		{indicators.HigherIsNeed, 3, 3, strings.Join([]string{b3, b2, b1, r1, r2, r3}, " ")},
		{indicators.HigherIsNeed, 2, 3, strings.Join([]string{b2, b1, r1, r2, r3}, " ")},
		{indicators.LowerIsNeed, 3, 3, strings.Join([]string{r3, r2, r1, b1, b2, b3}, " ")},
		{indicators.LowerIsNeed, 2, 3, strings.Join([]string{r2, r1, b1, b2, b3}, " ")},
		{indicators.LowerIsNeed, 3, 1, strings.Join([]string{r3, r2, r1, b1}, " ")},
		{indicators.HigherIsNeed, 3, 0, strings.Join([]string{b3, b2, b1}, " ")},
	} {
		var got []string
		for _, c := range divergingColours(tc.need, tc.low, tc.high) {
			got = append(got, hexColour(c))
		}
		if strings.Join(got, " ") != tc.want {
			t.Errorf("need %v, %d below, %d above: %s, want %s", tc.need, tc.low, tc.high, strings.Join(got, " "), tc.want)
		}
	}
}

// An MSS map puts each area in the class the MSS computed: a status
// index of exactly −1 or 1 is mittel, 1.5 niedrig (analysis/mss.go),
// where the bounds {−1, 1, 1.5} would put −1 into hoch.
func TestMSSMapOnABound(t *testing.T) {
	values := []float64{-1.5, -1, 0, 1, 1.2, 1.5, 2, math.NaN()}
	// The classes the MSS gives these values (mss-<id>.csv): 1 hoch,
	// 2 mittel, 3 niedrig, 4 sehr niedrig, 0 not valid.
	class := []int{1, 2, 2, 2, 3, 3, 4, 0}
	colours := report.Palette("YlOrRd", 4)
	mc := mssMapClasses(values, class, []float64{-1, 1, 1.5}, []string{"hoch", "mittel", "niedrig", "sehr niedrig"},
		[]string{"lower", "both", "upper", "upper"}, colours)
	wantArea := []int{0, 1, 1, 1, 2, 2, 3, -1}
	for a := range values {
		if mc.area[a] != wantArea[a] {
			t.Errorf("value %v in class %d, want %d", values[a], mc.area[a], wantArea[a])
		}
	}
	if fmt.Sprint(mc.classes.Counts) != "[1 3 2 1]" {
		t.Errorf("counts %v", mc.classes.Counts)
	}
	// The bounds alone would have put −1 into the class below.
	if bounds, _ := analysis.Manual(values, []float64{-1, 1, 1.5}); bounds.Class(-1) != 0 {
		t.Errorf("by bounds, −1 is in class %d", bounds.Class(-1))
	}
	rows := classRows(MapSpec{Value: "mss", name: "map-mss"}, 2020, 0, mc)
	want := []struct {
		lower, upper float64
		incl         string
		count        int
	}{{-1.5, -1, "lower", 1}, {-1, 1, "both", 3}, {1, 1.5, "upper", 2}, {1.5, 2, "upper", 1}}
	for k, w := range want {
		r := rows[k]
		if r.lower != w.lower || r.upper != w.upper || r.included != w.incl || r.count != w.count || r.class != k+1 || r.method != "mss" {
			t.Errorf("class %d: %+v, want %+v", k+1, r, w)
		}
	}
	// A class without areas has no outer bound.
	mc = mssMapClasses([]float64{0, 0.5}, []int{2, 2}, []float64{-1, 1}, nil, []string{"lower", "both", "upper"}, colours[:3])
	if rows := classRows(MapSpec{}, 2020, 0, mc); !math.IsNaN(rows[0].lower) || !math.IsNaN(rows[2].upper) || rows[1].count != 2 {
		t.Errorf("empty outer classes: %+v", rows)
	}
}

// classes.csv has every bound at full precision, in the plan's CSV
// style: German with ";" and a decimal comma.
func TestClassesCSV(t *testing.T) {
	r := &runner{c: &Checked{lang: "de"}, loc: report.NewLocale("de"), lp: lang.New("de")}
	x, y := 0.1, 0.2 // x + y is 0.30000000000000004
	values := []float64{0.1, 0.2, x + y, 0.7, 1.0 / 3, math.NaN()}
	classes, err := analysis.Manual(values, []float64{x + y, 0.5})
	if err != nil {
		t.Fatal(err)
	}
	cols := []color.Color{color.RGBA{0xff, 0xff, 0xb2, 0xff}, color.RGBA{0xfd, 0x8d, 0x3c, 0xff}, color.RGBA{0xbd, 0, 0x26, 0xff}}
	rows := classRows(MapSpec{Value: "anteil_u6", name: "map-u6_manual"}, 2024, 0, mapClasses{classes: classes, colours: cols, method: "manual"})
	var b bytes.Buffer
	if err := datasets.WriteCSVParts(&b, r.readable(datasets.Whole(r.classesFrame(rows))), datasets.GermanCSV); err != nil {
		t.Fatal(err)
	}
	want := "\ufeffAbbildung;Indikator/Index;Jahr;Veränderung ab;Veränderung;Klassifikation;Klasse;untere Grenze;obere Grenze;eingeschlossene Grenze;Planungsräume;Farbe\r\n" +
		"map-u6_manual;anteil_u6;2024;;;feste Grenzen;1;0,1;0,30000000000000004;beide;3;#ffffb2\r\n" +
		"map-u6_manual;anteil_u6;2024;;;feste Grenzen;2;0,30000000000000004;0,5;obere;1;#fd8d3c\r\n" +
		"map-u6_manual;anteil_u6;2024;;;feste Grenzen;3;0,5;0,7;obere;1;#bd0026\r\n"
	if b.String() != want {
		t.Errorf("classes.csv:\n%s\nwant\n%s", b.String(), want)
	}
	// Parquet and Arrow keep the codes.
	f := r.classesFrame(rows)
	for i, name := range f.Names {
		if name == "method" || name == "included" {
			if got := f.Cols[i].(datasets.Text); got[0] != map[string]string{"method": "manual", "included": "both"}[name] {
				t.Errorf("%s: %q, want the code", name, got[0])
			}
		}
	}
}

// Maps and charts of other years, with ids, of changes, and a long
// ranking, as the demo draws them: file names, subtitles, classes.csv
// against the values in indicators.csv.
func TestFigureYearsIDsAndChanges(t *testing.T) {
	dir := demoDir(t, func(s string) string {
		return strings.Replace(s, "    - value: kinderkosten\n  charts:\n", `    - value: kinderkosten
    - value: anteil_u6
      year: 2021
    - value: anteil_u6
      id: u6_manual
      method: manual
      bounds: [4, 6, 8]
    - value: kinderarmut
      change: {from: 2019, to: 2024}
      method: manual
      bounds: [-2, 0, 2]
    - value: sgb2_quote
      change: {from: 2019, to: 2024, kind: relative}
  charts:
    - value: sgb2_quote
      year: 2021
      top: 10
    - type: trend
      value: kinderarmut
      id: kinder
    - type: scatter
      x: arbeitslosenanteil
      value: sgb2_quote
      year: 2019
`, 1)
	})
	out, _, err := runDir(t, dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ file, want string }{
		{"map-anteil_u6-2021.svg", "Planungsräume 2021 · Quantile"},
		{"map-u6_manual.svg", "Planungsräume 2024 · feste Grenzen"},
		{"map-kinderarmut-change-2019-2024.svg", "Veränderung 2019–2024 in"}, // the legend's heading, wrapped
		{"map-kinderarmut-change-2019-2024.svg", "Prozentpunkten"},
		{"map-kinderarmut-change-2019-2024.svg", "geheim (.) (3)"}, // 0902–0904 are hidden in 2019 or 2024
		{"map-sgb2_quote-change-relative-2019-2024.svg", "Veränderung 2019–2024 in %"},
		{"ranking-sgb2_quote-2021.svg", "… 18 weitere Planungsräume …"},
		{"ranking-sgb2_quote-2021.svg", "Rangfolge der Planungsräume 2021"},
		{"trend-kinder.svg", "Kinderarmut"},
		{"scatter-arbeitslosenanteil-sgb2_quote-2019.svg", "Planungsräume 2019 ·"},
		{"report.html", "Karte: Anteil unter 6 Jahren (2021)"},
		{"report.html", "Karte: Kinderarmut (SGB II unter 15) – Veränderung 2019–2024"},
		{"manifest.json", `"path": "classes.csv"`},
	} {
		if s := string(readOut(t, out, tc.file)); !strings.Contains(s, tc.want) {
			t.Errorf("%s does not say %q", tc.file, tc.want)
		}
	}
	// The values of the indicators, by indicator, year and area.
	values := map[string]float64{}
	for _, l := range strings.Split(string(readOut(t, out, "indicators.csv")), "\r\n") {
		f := strings.Split(l, ";")
		if len(f) > 8 && f[4] == "Planungsraum" {
			if x, err := strconv.ParseFloat(strings.Replace(f[7], ",", ".", 1), 64); err == nil {
				values[f[0]+"/"+f[3]+"/"+f[5]] = x
			}
		}
	}
	// count counts the areas with a value, or a change since 2019, in
	// (lo, hi]; an area hidden in either year has no change.
	count := func(id string, lo, hi float64, change bool) (n int) {
		for k, x := range values {
			f := strings.Split(k, "/")
			if f[0] != id || f[1] != "2024" {
				continue
			}
			if change {
				from, ok := values[id+"/2019/"+f[2]]
				if !ok {
					continue
				}
				x -= from
			}
			if x > lo && x <= hi {
				n++
			}
		}
		return n
	}
	inf := math.Inf(1)
	rows := map[string]string{}
	for _, l := range strings.Split(string(readOut(t, out, "classes.csv")), "\r\n")[1:] {
		f := strings.Split(l, ";")
		if len(f) == 12 {
			rows[f[0]+"/"+f[6]] = l
		}
	}
	for _, tc := range []struct {
		key, id string
		lo, hi  float64
		change  bool
		prefix  string // the row up to the lower bound
	}{
		{"map-u6_manual/1", "anteil_u6", -inf, 4, false, "map-u6_manual;anteil_u6;2024;;;feste Grenzen;1;"},
		{"map-u6_manual/2", "anteil_u6", 4, 6, false, "map-u6_manual;anteil_u6;2024;;;feste Grenzen;2;4;6;obere;"},
		{"map-u6_manual/3", "anteil_u6", 6, 8, false, "map-u6_manual;anteil_u6;2024;;;feste Grenzen;3;6;8;obere;"},
		{"map-kinderarmut-change-2019-2024/1", "kinderarmut", -inf, -2, true, "map-kinderarmut-change-2019-2024;kinderarmut;2024;2019;absolut;feste Grenzen;1;"},
		{"map-kinderarmut-change-2019-2024/2", "kinderarmut", -2, 0, true, "map-kinderarmut-change-2019-2024;kinderarmut;2024;2019;absolut;feste Grenzen;2;-2;0;obere;"},
		{"map-kinderarmut-change-2019-2024/3", "kinderarmut", 0, 2, true, "map-kinderarmut-change-2019-2024;kinderarmut;2024;2019;absolut;feste Grenzen;3;0;2;obere;"},
		{"map-kinderarmut-change-2019-2024/4", "kinderarmut", 2, inf, true, "map-kinderarmut-change-2019-2024;kinderarmut;2024;2019;absolut;feste Grenzen;4;2;"},
	} {
		row := rows[tc.key]
		if !strings.HasPrefix(row, tc.prefix) {
			t.Errorf("classes.csv: %s is\n  %s\nwant it to begin\n  %s", tc.key, row, tc.prefix)
			continue
		}
		f := strings.Split(row, ";")
		n := count(tc.id, tc.lo, tc.hi, tc.change)
		if f[10] != fmt.Sprint(n) {
			t.Errorf("classes.csv: %s counts %s areas, indicators.csv %d", tc.key, f[10], n)
		}
	}
	perMap := map[string]int{}
	for k := range rows {
		perMap[strings.Split(k, "/")[0]]++
	}
	// Fixed bounds get a last class up to the highest value above them.
	want := "map[map-anteil_u6-2021:5 map-bedarfsindex:5 map-kinderarmut:5 map-kinderarmut-change-2019-2024:4 map-kinderkosten:5 map-kita_zufriedenheit:5 map-sgb2_quote:6 map-sgb2_quote-change-relative-2019-2024:6 map-u6_manual:4]"
	if fmt.Sprint(perMap) != want {
		t.Errorf("classes.csv has the classes\n  %v\nwant\n  %s", perMap, want)
	}
}

// Each new field of a map or chart is checked before anything runs.
func TestFigureValidation(t *testing.T) {
	const kinder = "    - value: kinderarmut\n"
	for _, tc := range []struct{ name, add, want string }{
		{"from after to", kinder + "      change: {from: 2024, to: 2019}\n", `map "kinderarmut": change from 2024 to 2019: from must be the earlier year`},
		{"from equals to", kinder + "      change: {from: 2024, to: 2024}\n", `change from 2024 to 2024: from must be the earlier year`},
		{"change without to", kinder + "      change: {from: 2019}\n", `map "kinderarmut": change needs the years from and to`},
		{"implausible change year", kinder + "      change: {from: 2019, to: 20240}\n", `change: year 20240 is not a plausible year`},
		{"unknown kind", kinder + "      change: {from: 2019, to: 2024, kind: prozent}\n", `map "kinderarmut": change kind "prozent": use absolute`},
		{"unknown field in change", kinder + "      change: {from: 2019, bis: 2024}\n", `unknown field "bis" in a change`},
		{"change of an index", "    - value: bedarfsindex\n      change: {from: 2019, to: 2024}\n", `map "bedarfsindex": a change map is for an indicator`},
		{"change and year", kinder + "      year: 2020\n      change: {from: 2019, to: 2024}\n", `a change map has its years in change (from, to); leave out year`},
		{"change with fisher", kinder + "      method: fisher\n      change: {from: 2019, to: 2024}\n", `a change map has quantiles on each side of 0`},
		{"change bounds, 4 classes below 0", kinder + "      method: manual\n      bounds: [-3, -2, -1, 0]\n      change: {from: 2019, to: 2024}\n", `a change map has at most 3 classes on each side of 0`},
		{"change bounds without 0", kinder + "      method: manual\n      bounds: [-1, 1]\n      change: {from: 2019, to: 2024}\n", `a change map's bounds must include 0`},
		{"implausible year", kinder + "      year: 202\n", `map "kinderarmut": year 202 is not a plausible year`},
		{"index of another year", "    - value: bedarfsindex\n      year: 2021\n", `map "bedarfsindex": year 2021, but the index is computed for 2024`},
		{"id clash", "    - value: anteil_u6\n      id: u6\n    - value: anteil_65plus\n      id: u6\n", `the output "map-u6" is named twice`},
		{"id clash with a default name", "    - value: anteil_u6\n      id: kinderarmut\n" + kinder, `the output "map-kinderarmut" is named twice`},
		{"bad id", "    - value: anteil_u6\n      id: u6 quantile\n", `map "anteil_u6": id "u6 quantile": use up to 64 letters, digits, _ and -`},
		{"trend with a year", "    - type: trend\n      value: anteil_u6\n      year: 2020\n", `chart "anteil_u6": a trend shows every year; leave out year`},
		{"top of a scatter", "    - type: scatter\n      x: anteil_u6\n      value: kinderarmut\n      top: 5\n", `chart "kinderarmut": top is for type ranking`},
		{"top 0", "    - value: anteil_u6\n      top: 0\n", `chart "anteil_u6": top 0: how many areas a long ranking shows at each end`},
		{"chart id clash", "    - value: anteil_u6\n      id: x\n    - value: kinderarmut\n      id: x\n", `the output "ranking-x" is named twice`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			text := demoPlanText(t)
			section := "  maps:\n"
			if strings.Contains(tc.name, "trend") || strings.Contains(tc.name, "top") || strings.Contains(tc.name, "chart") {
				section = "  charts:\n"
			}
			text = strings.Replace(text, section, section+tc.add, 1)
			p, err := Parse([]byte(text), "plan.yaml")
			if err == nil {
				_, err = Validate(p, FS{FS: demo.FS()}, "")
			}
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error\n  %v\nwant\n  %s", err, tc.want)
			}
			if err != nil && !strings.HasPrefix(err.Error(), "plan.yaml:") {
				t.Errorf("error %q does not name the plan's line", err)
			}
		})
	}
}
