package indicators

import (
	"math"
	"strconv"
	"strings"
	"testing"

	"planatlas/datasets"
)

// refPanel builds a panel of one year from columns given as
// "name: v1 v2 …" (NaN as "nan").
func refPanel(t *testing.T, keys []string, cols ...string) *datasets.Panel {
	t.Helper()
	p := datasets.NewPanel(keys, []int{2024})
	for _, c := range cols {
		name, vals, _ := strings.Cut(c, ":")
		s := datasets.NewSeries(len(keys))
		for i, f := range strings.Fields(vals) {
			if f == "nan" {
				s.Values[i], s.Flags[i] = math.NaN(), datasets.Confidential
				continue
			}
			v, err := strconv.ParseFloat(f, 64)
			if err != nil {
				t.Fatal(err)
			}
			s.Values[i] = v
		}
		if err := p.Set(strings.TrimSpace(name), s); err != nil {
			t.Fatal(err)
		}
	}
	return p
}

func compileFor(t *testing.T, p *datasets.Panel, def Definition, rules map[string]Aggregation) *Indicator {
	t.Helper()
	def.Need = "none"
	d, err := def.Compile(func(n string) bool { return p.Var(n) != nil }, nil)
	if err != nil {
		t.Fatal(err)
	}
	d.InferKind(func(n string) bool { return rules[n].Mean })
	return d
}

// Reference values by the indicator's kind, with areas without values:
// counts add up, rates are ratios of sums, means are weighted means, each
// over the areas that have what the indicator needs, with the share of
// residents covered.
func TestReferenceByKind(t *testing.T) {
	keys := []string{"0101", "0102", "0201", "0202"}
	// districts 01 and 02; area 0202 has no sgb2 and no heat value
	cols := []string{
		"ew:     100 300 200 400",
		"sgb2:   10 60 20 nan",
		"lst:    31 28 32 nan",
		"kinder: 20 60 nan 40",
	}
	rules := map[string]Aggregation{"lst": {Mean: true, Weight: "ew"}}
	district := ParentLevel("district", []string{"01", "01", "02", "02"}, []string{"Nord", "Nord", "Süd", "Süd"})
	cases := []struct {
		name     string
		def      Definition
		kind     Kind
		method   string
		district [2]float64 // values of 01 and 02
		city     float64
		coverage [2]float64 // of 02 and of the city (01 is complete)
	}{
		{"a count adds up", Definition{Formula: "ew"}, KindCount, "sum", [2]float64{400, 600}, 1000, [2]float64{1, 1}},
		{"a sum of counts", Definition{Formula: "ew + sgb2"}, KindCount, "sum", [2]float64{470, 220}, 690, [2]float64{200.0 / 600, 600.0 / 1000}},
		// the city's mean heat is below 30, the sum of the hot areas' residents is not 0
		{"residents of hot areas", Definition{Formula: "ew * (lst >= 30)"}, KindCount, "sum", [2]float64{100, 200}, 300, [2]float64{200.0 / 600, 600.0 / 1000}},
		{"the same, reference: formula", Definition{Formula: "ew * (lst >= 30)", Reference: RefFormula}, KindCount, "formula", [2]float64{0, 200}, 0, [2]float64{200.0 / 600, 600.0 / 1000}},
		{"a rate with one area missing", Definition{Numerator: "sgb2", Denominator: "ew", Scale: ptr(100.0)}, KindRatio, "ratio",
			[2]float64{17.5, 10}, 15, [2]float64{200.0 / 600, 600.0 / 1000}},
		{"a rate written as a formula", Definition{Formula: "(sgb2 / ew) * 100"}, KindRatio, "ratio",
			[2]float64{17.5, 10}, 15, [2]float64{200.0 / 600, 600.0 / 1000}},
		{"numerator missing elsewhere", Definition{Formula: "100 * kinder / ew"}, KindRatio, "ratio",
			[2]float64{20, 10}, 15, [2]float64{400.0 / 600, 800.0 / 1000}},
		{"a weighted mean", Definition{Formula: "lst"}, KindMean, "formula",
			[2]float64{(3100 + 28*300) / 400.0, 32}, (3100 + 28*300 + 32*200) / 600.0, [2]float64{200.0 / 600, 600.0 / 1000}},
		{"reference: sum of a rate", Definition{Formula: "100 * sgb2 / ew", Reference: RefSum}, KindRatio, "sum", [2]float64{30, 10}, 40, [2]float64{200.0 / 600, 600.0 / 1000}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			p := refPanel(t, keys, cols...)
			d := compileFor(t, p, tc.def, rules)
			if d.Kind != tc.kind || d.Method() != tc.method {
				t.Fatalf("kind %v, method %s; want %v, %s", d.Kind, d.Method(), tc.kind, tc.method)
			}
			area := d.Formula.Eval(p)
			in := RefInput{Panel: p, Rules: rules, Basis: "ew"}
			for _, lc := range []struct {
				lv       Level
				want     []float64
				coverage []float64
			}{
				{district, tc.district[:], []float64{1, tc.coverage[0]}},
				{CityLevel(4, "", "Stadt"), []float64{tc.city}, []float64{tc.coverage[1]}},
			} {
				ref, err := Reference(d, in, area, lc.lv)
				if err != nil {
					t.Fatal(err)
				}
				for u, w := range lc.want {
					if got := ref.Values.Values[u]; math.Abs(got-w) > 1e-9 || ref.Values.Flags[u] != 0 {
						t.Errorf("%s %s = %v (flags %v), want %v", lc.lv.ID, lc.lv.Keys[u], got, ref.Values.Flags[u], w)
					}
					if got := ref.Coverage.Values[u]; math.Abs(got-lc.coverage[u]) > 1e-12 {
						t.Errorf("%s %s: coverage %v, want %v", lc.lv.ID, lc.lv.Keys[u], got, lc.coverage[u])
					}
				}
			}
		})
	}
}

// A unit none of whose areas has a value is missing, with their flags;
// without residents the coverage is the share of areas.
func TestReferenceAllMissing(t *testing.T) {
	keys := []string{"0101", "0102", "0201"}
	p := refPanel(t, keys, "ew: 100 300 200", "sgb2: nan nan 20")
	d := compileFor(t, p, Definition{Formula: "100 * sgb2 / ew"}, nil)
	lv := ParentLevel("district", []string{"01", "01", "02"}, []string{"Nord", "Nord", "Süd"})
	ref, err := Reference(d, RefInput{Panel: p}, d.Formula.Eval(p), lv)
	if err != nil {
		t.Fatal(err)
	}
	if v, f := ref.Values.Values[0], ref.Values.Flags[0]; !math.IsNaN(v) || f != datasets.Confidential {
		t.Errorf("district 01 = %v %v, want missing, confidential", v, f)
	}
	if ref.Values.Values[1] != 10 || ref.Coverage.Values[0] != 0 || ref.Coverage.Values[1] != 1 {
		t.Errorf("district 02 = %v, coverage %v", ref.Values.Values[1], ref.Coverage.Values)
	}
	city, _ := Reference(d, RefInput{Panel: p}, d.Formula.Eval(p), CityLevel(3, "", "Stadt"))
	if city.Values.Values[0] != 10 || math.Abs(city.Coverage.Values[0]-1.0/3) > 1e-12 {
		t.Errorf("city = %v, coverage %v; want 10 and 1/3 of the areas", city.Values.Values[0], city.Coverage.Values[0])
	}
}

// The kind comes from the formula: counts and their sums, counts times
// means (a count in each area), ratios of such, means; the rest is other.
func TestInferKind(t *testing.T) {
	mean := map[string]bool{"lst": true, "gruen": true}
	cases := map[string]Kind{
		"ew":                                   KindCount,
		"ew_u6 + ew_65plus":                    KindCount,
		"ew - lag(ew, 1)":                      KindCount,
		"ew * (lst >= 30)":                     KindCount,
		"(ew_u6 + ew_65plus) * (lst >= 30)":    KindCount,
		"gruen * area_km2 / 100":               KindCount,
		"ew / 2":                               KindCount,
		"100 * sgb2 / ew":                      KindRatio,
		"sgb2 / ew * 100":                      KindRatio,
		"-(sgb2 / ew)":                         KindRatio,
		"ew / area_km2":                        KindRatio,
		"100 * (ew - lag(ew, 5)) / lag(ew, 5)": KindRatio,
		"100 * ew * (lst >= 30) / ew":          KindRatio,
		"sgb2 / ew * (10 * 10)":                KindRatio,
		"lst":                                  KindMean,
		"lst - 30":                             KindMean,
		"max(lst, gruen)":                      KindMean,
		"ew + 5":                               KindOther,
		"sqrt(ew)":                             KindOther,
		"ew >= 300":                            KindOther,
		"sgb2 / ew - arbeitslose / ew":         KindOther,
		"ew * sgb2":                            KindOther,
		"lst / ew":                             KindOther,
		"42":                                   KindOther,
	}
	for text, want := range cases {
		f, err := Compile(text, func(string) bool { return true }, nil)
		if err != nil {
			t.Fatal(err)
		}
		d := &Indicator{Formula: f}
		d.InferKind(func(n string) bool { return mean[n] })
		if d.Kind != want {
			t.Errorf("%s: kind %v, want %v", text, d.Kind, want)
		}
	}
	// The parts of a ratio: c * num / den.
	f, _ := Compile("sgb2 / ew * (10 * 10)", func(string) bool { return true }, nil)
	num, den, c := ratioParts(f.root)
	if num.(varNode).name != "sgb2" || den.(varNode).name != "ew" || c != 100 {
		t.Errorf("ratio parts %v %v %v", num, den, c)
	}
}

func ptr[T any](v T) *T { return &v }

// A reference value computed over the areas with values must not give
// away a hidden count left out of it. Area h holds 2 (hidden), b 10 and
// m 5; m has no denominator, so the city's rate is over h and b alone.
// Disclosure control hides m too (else the city's total less b would
// give h); the rate over h and b would then give h = 100·rate·Σn/100 −
// b, so it is hidden. The rate of the city's total over all areas with
// both values, a count summed over all areas, and the coverage stay.
func TestDiscloseReferenceOverTheOthers(t *testing.T) {
	keys := []string{"b", "h", "m"}
	p := refPanel(t, keys, "x: 10 2 5", "n: 200 100 nan", "ew: 1000 1000 1000")
	city := CityLevel(3, "", "Stadt")
	rules := map[string]Aggregation{}
	agg, err := Aggregate(p, city, rules)
	if err != nil {
		t.Fatal(err)
	}
	h := Hierarchy{Levels: []*datasets.Panel{p, agg}, Parent: [][]int{city.Member}}
	if _, err := Suppress(h, nil, []string{"x", "n", "ew"}, 3); err != nil {
		t.Fatal(err)
	}
	hidden := func(s *datasets.Series, i int) bool { return s.Flags[i]&datasets.Suppressed != 0 }
	if !hidden(p.Var("x"), 1) || !hidden(p.Var("x"), 2) || hidden(p.Var("x"), 0) || hidden(agg.Var("x"), 0) {
		t.Fatalf("x hidden: areas %v, city %v", p.Var("x").Flags, agg.Var("x").Flags)
	}
	counts := map[string]bool{"x": true, "n": true, "ew": true}
	in := RefInput{Panel: p, Rules: rules, Basis: "ew"}
	for _, tc := range []struct {
		formula string
		value   float64
		hide    bool
	}{
		{"100 * x / n", 100 * 12.0 / 300, true}, // over h and b: gives h
		{"x", 17, false},                        // the published total
		{"x * 1", 17, false},
	} {
		d := compileFor(t, p, Definition{Formula: tc.formula}, rules)
		ref, err := Reference(d, in, d.Formula.Eval(p), city)
		if err != nil {
			t.Fatal(err)
		}
		ref.Disclose(d, in, agg, city, counts)
		if ref.Values.Values[0] != tc.value || hidden(ref.Values, 0) != tc.hide {
			t.Errorf("%s: city %v, hidden %v; want %v, hidden %v", tc.formula, ref.Values.Values[0], hidden(ref.Values, 0), tc.value, tc.hide)
		}
		if hidden(ref.Coverage, 0) {
			t.Errorf("%s: coverage %v hidden, but the residents are all published", tc.formula, ref.Coverage.Values[0])
		}
	}
	// A count times a mean is the sum of the areas' values: it gives a
	// hidden area's value away unless hidden.
	p2 := refPanel(t, keys, "x: 10 2 5", "hot: 1 1 0")
	rules2 := map[string]Aggregation{"hot": {Mean: true}}
	agg2, _ := Aggregate(p2, city, rules2)
	h2 := Hierarchy{Levels: []*datasets.Panel{p2, agg2}, Parent: [][]int{city.Member}}
	if _, err := Suppress(h2, nil, []string{"x"}, 3); err != nil {
		t.Fatal(err)
	}
	d := compileFor(t, p2, Definition{Formula: "x * hot"}, rules2)
	in2 := RefInput{Panel: p2, Rules: rules2}
	ref, _ := Reference(d, in2, d.Formula.Eval(p2), city)
	ref.Disclose(d, in2, agg2, city, map[string]bool{"x": true})
	if ref.Values.Values[0] != 12 || !hidden(ref.Values, 0) {
		t.Errorf("x * hot: city %v, hidden %v; want 12, hidden (10 + h)", ref.Values.Values[0], hidden(ref.Values, 0))
	}
}

// The catalog's indicators get the kind their definition means, with the
// catalog's means (climate) as means: residents and residents of hot
// areas are counts, rates are ratios, the climate values means.
func TestCatalogKinds(t *testing.T) {
	cat, err := LoadCatalog()
	if err != nil {
		t.Fatal(err)
	}
	mean := map[string]bool{"heisse_tage": true, "tropennaechte": true, "lst_sommer": true, "gruenanteil": true, "versiegelung": true}
	want := map[string]Kind{
		"einwohner": KindCount, "hitzeempfindliche": KindCount, "ew_hitzebelastet": KindCount, "hitzeempfindliche_hitzebelastet": KindCount,
		"heisse_tage": KindMean, "lst_sommer": KindMean, "gruenanteil": KindMean,
		"anteil_u3": KindRatio, "sgb2_quote": KindRatio, "anteil_hitzeempfindliche": KindRatio,
	}
	var kinds []string
	for _, def := range cat.Indicators {
		d, err := def.Compile(func(string) bool { return true }, nil)
		if err != nil {
			t.Fatal(err)
		}
		d.InferKind(func(n string) bool { return mean[n] })
		kinds = append(kinds, def.ID+" "+d.Kind.String())
		if w, ok := want[def.ID]; ok && d.Kind != w {
			t.Errorf("%s (%s): kind %v, want %v", def.ID, def.FormulaText(), d.Kind, w)
		}
		if def.Numerator != "" && d.Kind != KindRatio {
			t.Errorf("%s: kind %v, want ratio", def.ID, d.Kind)
		}
	}
	t.Log(strings.Join(kinds, ", "))
}

// An area that weighs nothing in a mean (an invalid area of Berlin's
// MSS, weighted by the residents of valid areas) does not count as
// covered; a unit whose areas all weigh nothing has no value.
func TestReferenceWeightZero(t *testing.T) {
	keys := []string{"0101", "0102", "0201"}
	p := refPanel(t, keys, "ew: 100 300 200", "ew_gueltig: 100 0 0", "s1: 5 -9999 -9999")
	rules := map[string]Aggregation{"s1": {Mean: true, Weight: "ew_gueltig"}}
	d := compileFor(t, p, Definition{Formula: "s1"}, rules)
	in := RefInput{Panel: p, Rules: rules, Basis: "ew"}
	lv := ParentLevel("district", []string{"01", "01", "02"}, []string{"Nord", "Nord", "Süd"})
	ref, err := Reference(d, in, d.Formula.Eval(p), lv)
	if err != nil {
		t.Fatal(err)
	}
	if ref.Values.Values[0] != 5 || ref.Coverage.Values[0] != 0.25 {
		t.Errorf("district 01 = %v, coverage %v; want 5, 0.25", ref.Values.Values[0], ref.Coverage.Values[0])
	}
	if v, f := ref.Values.Values[1], ref.Values.Flags[1]; !math.IsNaN(v) || f != datasets.DivByZero || ref.Coverage.Values[1] != 0 {
		t.Errorf("district 02 = %v %v, coverage %v; want missing (x), 0", v, f, ref.Coverage.Values[1])
	}
}
