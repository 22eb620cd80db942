package demo

import (
	"bufio"
	"math"
	"strconv"
	"strings"
	"testing"
)

// The survey's design is what its documentation promises: design weights
// that add up to the register's residents 18–64 per district, districts
// sampled ∝ √N_h, areas with about 10 to 100 respondents (some under 30),
// and non-response that leaves men and the 18–29-year-olds
// under-represented, so that raking has something to correct.
func TestSurveyDesign(t *testing.T) {
	tab, _ := readSurvey(t, "Gewicht", "Geschlecht", "Altersgruppe")
	reg := register2024(t)
	nh, wh := map[string]int{}, map[string]float64{}
	perArea := map[string]int{}
	var men, young, all float64
	for i := range tab.Len() {
		k := tab.Key(i)
		d := tab.Dim(0, i)
		if d != k[:2] {
			t.Fatalf("case %d: Bezirk %s, Planungsraum %s", i+1, d, k)
		}
		nh[d]++
		wh[d] += tab.Values[0][i]
		perArea[k]++
		w := tab.Values[0][i]
		all += w
		men += w * b2f(tab.Values[1][i] == 1)
		young += w * b2f(tab.Values[2][i] == 1)
	}
	var roots float64
	for _, c := range reg.district {
		roots += math.Sqrt(c)
	}
	for d, c := range reg.district {
		if math.Abs(wh[d]-c) > 1e-6*c {
			t.Errorf("district %s: weights add up to %g, register %g", d, wh[d], c)
		}
		if want := float64(tab.Len()) * math.Sqrt(c) / roots; math.Abs(float64(nh[d])-want) > 1 {
			t.Errorf("district %s: %d respondents, √N allocation %.1f", d, nh[d], want)
		}
	}
	small := 0
	for k, n := range perArea {
		if n < 30 {
			small++
		}
		if n < 2 || n > 110 {
			t.Errorf("area %s: %d respondents", k, n)
		}
	}
	if len(perArea) != 38 || small < 3 {
		t.Errorf("%d areas with respondents, %d of them under 30", len(perArea), small)
	}
	t.Logf("%d respondents in %d areas (%d under 30); men %.3f (register %.3f), 18–29 %.3f (register %.3f)",
		tab.Len(), len(perArea), small, men/all, reg.men/reg.total, young/all, reg.young/reg.total)
	if d := reg.men/reg.total - men/all; d < 0.05 {
		t.Errorf("men: %.3f of the weighted sample, %.3f of the register", men/all, reg.men/reg.total)
	}
	if d := reg.young/reg.total - young/all; d < 0.05 {
		t.Errorf("18–29: %.3f of the weighted sample, %.3f of the register", young/all, reg.young/reg.total)
	}
}

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

// adults are the register's residents aged 18–64 in 2024.
type adults struct {
	district          map[string]float64
	total, men, young float64
}

func register2024(t *testing.T) adults {
	t.Helper()
	f, err := FS().Open("bevoelkerung.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r := adults{district: map[string]float64{}}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		c := strings.Split(sc.Text(), ";")
		age, err := strconv.Atoi(c[2])
		if c[1] != "2024" || err != nil || age < 18 || age > 64 {
			continue // the header, other years, "95+"
		}
		n, err := strconv.ParseFloat(c[4], 64)
		if err != nil {
			t.Fatal(err)
		}
		r.district[c[0][:2]] += n
		r.total += n
		r.men += n * b2f(c[3] == "m")
		r.young += n * b2f(age <= 29)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return r
}
