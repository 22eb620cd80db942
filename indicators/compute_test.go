package indicators

import (
	"math"
	"testing"

	"planatlas/datasets"
)

// The reference value of a rate is Σnumerator/Σdenominator, not the mean
// of the areas' rates; a mean variable aggregates as a (weighted) mean.
func TestReferenceIsRatioOfSums(t *testing.T) {
	p := datasets.NewPanel([]string{"01", "02", "03"}, []int{2024})
	set := func(name string, v ...float64) {
		if err := p.Set(name, &datasets.Series{Values: v, Flags: make([]datasets.Flag, len(v))}); err != nil {
			t.Fatal(err)
		}
	}
	set("sgb2", 10, 90, 1)
	set("ew", 100, 300, 10)
	set("hitze", 10, 20, 30)
	f, err := Compile("100 * sgb2 / ew", func(n string) bool { return p.Var(n) != nil }, nil)
	if err != nil {
		t.Fatal(err)
	}
	def := &Indicator{ID: "quote", Formula: f}
	hf, _ := Compile("hitze", func(n string) bool { return p.Var(n) != nil }, nil)
	hot := &Indicator{ID: "hitze", Formula: hf}

	rules := map[string]Aggregation{"hitze": {Mean: true, Weight: "ew"}}
	city, err := Aggregate(p, CityLevel(3, "", "Stadt"), rules)
	if err != nil {
		t.Fatal(err)
	}
	ref := Compute(city, []*Indicator{def, hot})
	// Σ sgb2 = 101, Σ ew = 410 → 24.634...%; the mean of the rates would be 18.33%.
	if got, want := ref[0].Values[0], 100*101.0/410; math.Abs(got-want) > 1e-12 {
		t.Errorf("city rate = %v, want %v (ratio of sums)", got, want)
	}
	// weighted mean of hitze: (10*100 + 20*300 + 30*10) / 410
	if got, want := ref[1].Values[0], (1000+6000+300)/410.0; math.Abs(got-want) > 1e-12 {
		t.Errorf("city hitze = %v, want %v (weighted mean)", got, want)
	}

	lv := ParentLevel("district", []string{"B", "A", "B"}, []string{"Beta", "Alpha", "Beta"})
	if lv.Keys[0] != "A" || lv.Names[1] != "Beta" || lv.Member[0] != 1 {
		t.Fatalf("ParentLevel = %+v", lv)
	}
	dist, err := Aggregate(p, lv, rules)
	if err != nil {
		t.Fatal(err)
	}
	ref = Compute(dist, []*Indicator{def})
	if ref[0].Values[0] != 30 || math.Abs(ref[0].Values[1]-100*11.0/110) > 1e-12 {
		t.Errorf("district rates = %v", ref[0].Values)
	}

	// A missing area value no longer makes the total missing: the total
	// is over the areas with a value.
	p.Var("sgb2").Values[2] = math.NaN()
	p.Var("sgb2").Flags[2] = datasets.Confidential
	city, _ = Aggregate(p, CityLevel(3, "", "Stadt"), rules)
	if got := city.Var("sgb2"); got.Values[0] != 100 || got.Flags[0] != 0 {
		t.Errorf("city sgb2 with a confidential area = %v %v, want 100 over the others, unflagged", got.Values[0], got.Flags[0])
	}
}
