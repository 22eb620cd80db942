package survey

import (
	"bufio"
	"bytes"
	"fmt"
	"math"
	"os"
	"strconv"
	"strings"
	"testing"

	"planatlas/datasets"
)

// The demo city's family survey (demo/data/befragung.sav) estimated as a
// planning office would: stratified by district with the file's design
// weights, raked to the register's residents 18–64 by district × age
// group and district × sex, and every planning area, district and the
// city estimated. testdata/demo_reference.R computes the same with R's
// survey package on the file as foreign::read.spss reads it.

const demoDir = "../demo/data/"

// demoItems are the estimated items: the variable, and how its answers
// become the estimated value (an indicator, or the answer itself).
var demoItems = []struct {
	name, variable string
	transform      func([]float64) []float64
}{
	{"F01_top2", "F01_Kita", func(x []float64) []float64 { return AtLeast(x, 4) }},
	{"F02_top2", "F02_Spiel", func(x []float64) []float64 { return AtLeast(x, 4) }},
	{"F03_top2", "F03_Sicher", func(x []float64) []float64 { return AtLeast(x, 4) }},
	{"F04_ja", "F04_Belastung", isYes},
	{"F05_mean", "F05_Kinder", func(x []float64) []float64 { return x }},
}

// isYes is 1 for the answer 1 ("ja"), 0 for any other, NaN for none.
func isYes(x []float64) []float64 {
	out := make([]float64, len(x))
	for i, v := range x {
		switch {
		case math.IsNaN(v):
			out[i] = v
		case v == 1:
			out[i] = 1
		}
	}
	return out
}

// demoSurvey is the survey as the test uses it.
type demoSurvey struct {
	area, district []string
	answers        map[string][]float64
	design, raked  *Design
}

func loadDemoSurvey(t *testing.T) *demoSurvey {
	t.Helper()
	raw, err := os.ReadFile(demoDir + "befragung.sav")
	if err != nil {
		t.Fatal(err)
	}
	spec := datasets.Spec{Key: "Planungsraum", FixedYear: 2024, Dims: []string{"Bezirk"},
		Values: []string{"Gewicht", "Geschlecht", "Altersgruppe"}}
	for _, it := range demoItems {
		spec.Values = append(spec.Values, it.variable)
	}
	tab, _, err := datasets.ReadSav(bytes.NewReader(raw), int64(len(raw)), "befragung.sav", spec)
	if err != nil {
		t.Fatal(err)
	}
	s := &demoSurvey{area: tab.KeyColumn().Strings(), district: tab.DimColumn(0).Strings(), answers: map[string][]float64{}}
	for k, it := range demoItems {
		s.answers[it.name] = it.transform(tab.Values[3+k])
	}
	s.design, err = NewDesign(tab.Values[0], Options{Strata: s.district})
	if err != nil {
		t.Fatal(err)
	}
	age, sex := make([]string, len(s.area)), make([]string, len(s.area))
	for i, d := range s.district {
		age[i] = fmt.Sprintf("%s.%g", d, tab.Values[2][i])
		sex[i] = fmt.Sprintf("%s.%g", d, tab.Values[1][i])
	}
	popAge, popSex := demoRegister(t)
	var conv Convergence
	s.raked, conv, err = s.design.Rake([]Margin{{age, popAge}, {sex, popSex}}, RakeOptions{})
	if err != nil || !conv.Converged {
		t.Fatalf("raking: %v, %+v", err, conv)
	}
	return s
}

// demoRegister returns the residents aged 18–64 in 2024 by district ×
// age group ("01.1": 18–29, "01.2": 30–44, "01.3": 45–64) and district ×
// sex ("01.1" men, "01.2" women), the survey's codes.
func demoRegister(t *testing.T) (age, sex map[string]float64) {
	t.Helper()
	f, err := os.Open(demoDir + "bevoelkerung.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	age, sex = map[string]float64{}, map[string]float64{}
	sc := bufio.NewScanner(f)
	sc.Scan() // header
	for sc.Scan() {
		r := strings.Split(sc.Text(), ";")
		a, err := strconv.Atoi(r[2])
		if r[1] != "2024" || err != nil || a < 18 || a > 64 {
			continue // "95+" is no number
		}
		n, err := strconv.ParseFloat(r[4], 64)
		if err != nil {
			t.Fatal(err)
		}
		group := 1 + btoi(a >= 30) + btoi(a >= 45)
		age[fmt.Sprintf("%s.%d", r[0][:2], group)] += n
		sex[fmt.Sprintf("%s.%d", r[0][:2], 1+btoi(r[3] == "w"))] += n
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return age, sex
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// demoResults computes every statistic of demo_reference.csv, keyed
// "design/item/level/domain/statistic".
func (s *demoSurvey) results(t *testing.T) results {
	t.Helper()
	r := results{}
	city := make([]string, len(s.area))
	for i := range city {
		city[i] = "Musterstadt"
	}
	levels := []struct {
		name string
		by   []string
	}{{"area", s.area}, {"district", s.district}, {"city", city}}
	for _, des := range []struct {
		name string
		d    *Design
	}{{"raked", s.raked}, {"design0", s.design}} {
		for _, it := range demoItems {
			y := s.answers[it.name]
			for _, lv := range levels {
				p := fmt.Sprintf("%s/%s/%s/", des.name, it.name, lv.name)
				est, err := des.d.MeanBy(y, lv.by)
				if err != nil {
					t.Fatal(err)
				}
				for _, e := range est {
					r.stat(p+e.Domain, e.Estimate, true)
					if des.name == "raked" && lv.name != "city" {
						r[p+e.Domain+"/n"] = float64(e.N)
					}
				}
				if it.name == "F05_mean" {
					continue
				}
				ci, err := des.d.CIPropBy(y, lv.by, CIBeta, 0.95)
				if err != nil {
					t.Fatal(err)
				}
				for _, c := range ci {
					r[p+c.Domain+"/ci_est"] = c.Value
					r[p+c.Domain+"/ci_l"] = c.Lower
					r[p+c.Domain+"/ci_u"] = c.Upper
				}
			}
		}
	}
	r["raked/weights/city/Musterstadt/sum"] = sum(s.raked.Weights())
	return r
}

// Every estimate, SE, design effect and interval of the demo survey is
// R's to 1e-9.
func TestDemoSurveyMatchesR(t *testing.T) {
	got := loadDemoSurvey(t).results(t)
	rows := readCSV(t, "demo_reference.csv")
	worst, worstKey := 0.0, ""
	for _, row := range rows[1:] {
		key := strings.Join(row[:5], "/")
		want, err := strconv.ParseFloat(row[5], 64)
		if err != nil {
			t.Fatal(err)
		}
		g, ok := got[key]
		if !ok {
			t.Errorf("%s: not computed", key)
			continue
		}
		if !close(g, want) {
			t.Errorf("%s = %.17g, R %.17g", key, g, want)
		}
		if d := math.Abs(g-want) / math.Abs(want); d > worst { // want 0: NaN, never larger
			worst, worstKey = d, key
		}
		delete(got, key)
	}
	for key := range got {
		t.Errorf("%s: computed, but R has no value", key)
	}
	t.Logf("%d values, largest relative difference %.3g (%s)", len(rows)-1, worst, worstKey)
}
