package projection

import (
	"encoding/csv"
	"math"
	"os"
	"strconv"
	"testing"
)

// readCSV reads a test input without its header.
func readCSV(t *testing.T, name string) [][]string {
	t.Helper()
	f, err := os.Open("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return rows[1:]
}

func num(t *testing.T, s string) float64 {
	t.Helper()
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func sexOf(s string) int {
	if s == "f" {
		return Female
	}
	return Male
}

// testRates reads testdata's life table and fertility (ages 0 to 100).
func testRates(t *testing.T) *Rates {
	r := &Rates{Q: [2][]float64{make([]float64, 101), make([]float64, 101)}, Fertility: make([]float64, 101)}
	for _, row := range readCSV(t, "life.csv") {
		r.Q[sexOf(row[0])][int(num(t, row[1]))] = num(t, row[2])
	}
	for _, row := range readCSV(t, "fertility.csv") {
		r.Fertility[int(num(t, row[0]))] = num(t, row[1])
	}
	if err := r.Check(); err != nil {
		t.Fatal(err)
	}
	return r
}

// byArea reads a population-shaped file (area, sex, age, value).
func byArea(t *testing.T, name string) map[string]Population {
	out := map[string]Population{}
	for _, row := range readCSV(t, name) {
		p, ok := out[row[0]]
		if !ok {
			p = NewPopulation(100)
			out[row[0]] = p
		}
		p[sexOf(row[1])][int(num(t, row[2]))] = num(t, row[3])
	}
	return out
}

// TestAgainstR projects two areas ten years and compares every cell with
// the independent R implementation (testdata/projection_reference.R,
// written from docs/methods.md section 11) to 1e-9, and the cells set to
// 0 where migration takes more than there is (36, all in area B).
func TestAgainstR(t *testing.T) {
	r := testRates(t)
	pop, mig := byArea(t, "population.csv"), byArea(t, "migration.csv")
	got := map[string][]Population{}
	clamped := 0
	for _, area := range []string{"A", "B"} {
		var c int
		got[area], c = r.Project(pop[area], mig[area], 10)
		clamped += c
	}
	if clamped != 36 {
		t.Errorf("%d cells set to 0, R: 36", clamped)
	}
	worst := 0.0
	rows := readCSV(t, "projection_r.csv")
	if len(rows) != 10*2*2*101 {
		t.Fatalf("%d rows from R", len(rows))
	}
	for _, row := range rows {
		year, age := int(num(t, row[0])), int(num(t, row[3]))
		want := num(t, row[4])
		v := got[row[1]][year-1][sexOf(row[2])][age]
		d := math.Abs(v-want) / math.Max(1, math.Abs(want))
		worst = math.Max(worst, d)
		if d > 1e-9 {
			t.Errorf("year %d area %s sex %s age %d: %.12g, R %.12g", year, row[1], row[2], age, v, want)
		}
	}
	t.Logf("largest relative difference from R: %.2g", worst)
}

// TestLotka: the Leslie matrix's dominant eigenvalue is e^r with r the
// root of the discrete Lotka equation, and both equal R's (eigen() and
// uniroot) to 1e-9.
func TestLotka(t *testing.T) {
	r := testRates(t)
	logLambda, rate := math.Log(r.LeslieLambda()), r.LotkaR()
	if math.Abs(logLambda-rate) > 1e-12 {
		t.Errorf("log λ %.15g, Lotka's r %.15g", logLambda, rate)
	}
	for _, row := range readCSV(t, "lotka_r.csv") {
		want := num(t, row[1])
		got := map[string]float64{"log_lambda": logLambda, "lotka_r": rate}[row[0]]
		if math.Abs(got-want) > 1e-9 {
			t.Errorf("%s: %.15g, R %.15g", row[0], got, want)
		}
	}
	// fertility doubled: growth
	r2 := *r
	r2.Fertility = make([]float64, len(r.Fertility))
	for x, f := range r.Fertility {
		r2.Fertility[x] = 2 * f
	}
	if g := r2.LotkaR(); !(g > 0) || math.Abs(math.Log(r2.LeslieLambda())-g) > 1e-12 {
		t.Errorf("doubled fertility: r %g, log λ %g", g, math.Log(r2.LeslieLambda()))
	}
}

// TestSurvivalIdentity: a closed population without births follows the
// survival identity, P(x+h, t+h) = P(x, t) · Π_{y=x}^{x+h−1} s(y), exactly
// but for rounding.
func TestSurvivalIdentity(t *testing.T) {
	r := testRates(t)
	r.Fertility = nil
	p := byArea(t, "population.csv")["A"]
	out, _ := r.Project(p, Population{}, 15)
	for h := 1; h <= 15; h++ {
		for s := range p {
			for x := 0; x+h < 100; x++ {
				want := p[s][x]
				for y := x; y < x+h; y++ {
					want *= 1 - r.Q[s][y]
				}
				if got := out[h-1][s][x+h]; math.Abs(got-want) > 1e-12*math.Max(1, want) {
					t.Fatalf("sex %d age %d → %d: %.15g, identity %.15g", s, x, x+h, got, want)
				}
			}
			for x := 0; x < h; x++ {
				if out[h-1][s][x] != 0 {
					t.Fatalf("no births, but %g aged %d after %d years", out[h-1][s][x], x, h)
				}
			}
		}
	}
}

// TestResidualMigration: the residual method recovers the net migration
// a projection was made with.
func TestResidualMigration(t *testing.T) {
	r := testRates(t)
	p, m := byArea(t, "population.csv")["A"], byArea(t, "migration.csv")["A"]
	years, clamped := r.Project(p, m, 5)
	if clamped != 0 {
		t.Fatalf("%d cells set to 0", clamped)
	}
	got := r.ResidualMigration(append([]Population{p}, years...))
	for s := range m {
		for x := range m[s] {
			if math.Abs(got[s][x]-m[s][x]) > 1e-9 {
				t.Errorf("sex %d age %d: residual %.12g, given %.12g", s, x, got[s][x], m[s][x])
			}
		}
	}
}

// TestRatesCheck refuses life tables and fertility a projection cannot use.
func TestRatesCheck(t *testing.T) {
	for _, tc := range []struct {
		name string
		edit func(r *Rates)
		want string
	}{
		{"q above 1", func(r *Rates) { r.Q[Male][50] = 1.2 }, "qx = 1.2 at age 50 for men is not a probability below 1"},
		{"q negative", func(r *Rates) { r.Q[Female][3] = -0.01 }, "qx = -0.01 at age 3 for women is not a probability below 1"},
		{"last not 1", func(r *Rates) { r.Q[Female][100] = 0.5 }, "the life table's last age (100, the open group) must have qx = 1, not 0.5, for women"},
		{"fertility at 60", func(r *Rates) { r.Fertility[60] = 0.001 }, "fertility 0.001 at age 60: rates are for ages 12 to 55 and not negative"},
		{"sexes differ", func(r *Rates) { r.Q[Female] = r.Q[Female][:90] }, "the life table has 101 ages for men and 90 for women; both need the same ages from 0"},
	} {
		r := testRates(t)
		tc.edit(r)
		err := r.Check()
		if err == nil || err.Error() != tc.want {
			t.Errorf("%s: %v, want %q", tc.name, err, tc.want)
		}
	}
}

// TestMeasureAndBaselines checks the backtest's measures and baselines on
// numbers worked by hand.
func TestMeasureAndBaselines(t *testing.T) {
	got := Measure([][]float64{{110, 90}, {100, 50}, {5, 5}}, [][]float64{{100, 100}, {100, 100}, {0, 0}})
	want := []Accuracy{{1, 5, 5, 2}, {2, 30, -30, 2}}
	for h := range want {
		if got[h] != want[h] {
			t.Errorf("horizon %d: %+v, want %+v", h+1, got[h], want[h])
		}
	}
	if c := Constant([]float64{7, 9}, 3); c[1][2] != 9 || c[0][0] != 7 {
		t.Errorf("constant %v", c)
	}
	// 1, 3, 5 → 7, 9; 10, 5, 0 → 0 (not −5)
	if l := Linear([][]float64{{1, 3, 5}, {10, 5, 0}}, 2); math.Abs(l[0][0]-7) > 1e-12 || math.Abs(l[0][1]-9) > 1e-12 || l[1][0] != 0 {
		t.Errorf("linear %v", l)
	}
}

// TestBands: bands that follow the model exactly (a stationary
// population, ages spread evenly) keep their ratios at 1, and a known
// growth of every band is recovered and projected.
func TestBands(t *testing.T) {
	widths := []int{6, 9, 3, 0}
	// stationary: each band of width w holds w people per year of age,
	// the open band 10; E(b) = P(b) for every band
	p := []float64{6, 9, 3, 10}
	hist := [][]float64{p, p, p}
	r := BandRatios(hist, widths)
	// the open band: E = 10 + 3/3 = 11, P = 10
	want := []float64{1, 1, 1, 10.0 / 11}
	for b := range want {
		if math.Abs(r[b]-want[b]) > 1e-12 {
			t.Errorf("band %d: ratio %g, want %g", b, r[b], want[b])
		}
	}
	out := ProjectBands(p, r, widths, 3)
	for y := range out {
		for b := range p {
			if math.Abs(out[y][b]-p[b]) > 1e-9 {
				t.Errorf("year %d band %d: %g, stationary %g", y+1, b, out[y][b], p[b])
			}
		}
	}
}

// TestBandsByHand: a band of six years and the open band, ratios 1.1 and
// 0.9: E = (60, 100 + 60/6) → (66, 99).
func TestBandsByHand(t *testing.T) {
	out := ProjectBands([]float64{60, 100}, []float64{1.1, 0.9}, []int{6, 0}, 2)
	if math.Abs(out[0][0]-66) > 1e-12 || math.Abs(out[0][1]-99) > 1e-12 {
		t.Errorf("year 1: %v, want [66 99]", out[0])
	}
	// year 2: E = (66, 99 + 11) → (72.6, 99)
	if math.Abs(out[1][0]-72.6) > 1e-12 || math.Abs(out[1][1]-99) > 1e-12 {
		t.Errorf("year 2: %v, want [72.6 99]", out[1])
	}
	num, den := BandSums([][]float64{{60, 100}, {66, 99}}, []int{6, 0})
	if r := ShrunkRatios(num, den, []float64{1, 1}, 60); math.Abs(r[0]-(66+60)/(60+60.0)) > 1e-12 {
		t.Errorf("shrunk ratios %v", r)
	}
}

// TestQuantileAndAPEs: R's quantile(type = 7) of 1..5 and a worked APE.
func TestQuantileAndAPEs(t *testing.T) {
	xs := []float64{5, 1, 4, 2, 3}
	for _, tc := range []struct{ q, want float64 }{{0.5, 3}, {0.8, 4.2}, {0.9, 4.6}, {1, 5}} {
		if got := Quantile(xs, tc.q); math.Abs(got-tc.want) > 1e-12 {
			t.Errorf("quantile %g: %g, want %g", tc.q, got, tc.want)
		}
	}
	a := APEs([][]float64{{110, 45}, {90, 10}}, [][]float64{{100, 50}, {100, 0}})
	if len(a) != 2 || len(a[0]) != 2 || a[0][0] != 10 || a[0][1] != 10 || len(a[1]) != 1 || a[1][0] != 10 {
		t.Errorf("APEs %v", a)
	}
}
