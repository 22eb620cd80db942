package projection

import (
	"fmt"
	"os"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// demoTable reads a file of the demo city (";", decimal comma) without
// its header.
func demoTable(t *testing.T, name string) [][]string {
	t.Helper()
	b, err := os.ReadFile("../demo/data/" + name)
	if err != nil {
		t.Fatal(err)
	}
	var rows [][]string
	for _, l := range strings.Split(strings.TrimSpace(string(b)), "\n")[1:] {
		rows = append(rows, strings.Split(strings.TrimRight(l, "\r"), ";"))
	}
	return rows
}

func demoNumber(t *testing.T, s string) float64 {
	t.Helper()
	return num(t, strings.Replace(s, ",", ".", 1))
}

func demoSex(s string) int {
	if s == "w" {
		return Female
	}
	return Male
}

// demoAge reads "37" or the open group "95+".
func demoAge(t *testing.T, s string) int {
	a, err := strconv.Atoi(strings.TrimSuffix(s, "+"))
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// demoData reads the demo's life table, fertility and residents by area
// and year.
func demoData(t *testing.T) (*Rates, map[string]map[int]Population) {
	const omega = 95
	r := &Rates{Q: [2][]float64{make([]float64, omega+1), make([]float64, omega+1)}, Fertility: make([]float64, omega+1)}
	for _, f := range demoTable(t, "sterbetafel.csv") {
		r.Q[demoSex(f[1])][demoAge(t, f[0])] = demoNumber(t, f[2])
	}
	for _, f := range demoTable(t, "fertilitaet.csv") {
		r.Fertility[demoAge(t, f[0])] = demoNumber(t, f[1])
	}
	if err := r.Check(); err != nil {
		t.Fatal(err)
	}
	pop := map[string]map[int]Population{}
	for _, f := range demoTable(t, "bevoelkerung.csv") {
		y := int(num(t, f[1]))
		if pop[f[0]] == nil {
			pop[f[0]] = map[int]Population{}
		}
		p, ok := pop[f[0]][y]
		if !ok {
			p = NewPopulation(omega)
			pop[f[0]][y] = p
		}
		p[demoSex(f[3])][demoAge(t, f[2])] = num(t, f[4])
	}
	return r, pop
}

// TestDemoBacktest projects the demo city's 38 areas from 2019 with only
// the data of 2014–2019 (net migration by the residual method, averaged
// over the five steps) and compares 2020–2024 with what the city's
// register says: residents and children under 6 per area, by horizon,
// against the two baselines. The projection must beat both at every
// horizon; the table is in the README. (The demo city is itself made by
// a cohort model with steady migration: this checks the mechanics, not
// how well a real city's future is met.)
func TestDemoBacktest(t *testing.T) {
	r, pop := demoData(t)
	var areas []string
	for a := range pop {
		areas = append(areas, a)
	}
	sort.Strings(areas)
	const base, horizons = 2019, 5
	measures := []struct {
		name   string
		lo, hi int
	}{{"residents", 0, 95}, {"under 6", 0, 5}}
	var lines []string
	for _, m := range measures {
		var proj, obs, hist [][]float64
		var last []float64
		for _, a := range areas {
			var history []Population
			for y := base - 5; y <= base; y++ {
				history = append(history, pop[a][y])
			}
			out, _ := r.Project(pop[a][base], r.ResidualMigration(history), horizons)
			var p, o, h []float64
			for k := range out {
				p = append(p, out[k].Sum(m.lo, m.hi))
				o = append(o, pop[a][base+k+1].Sum(m.lo, m.hi))
			}
			for _, hp := range history {
				h = append(h, hp.Sum(m.lo, m.hi))
			}
			proj, obs, hist = append(proj, p), append(obs, o), append(hist, h)
			last = append(last, h[len(h)-1])
		}
		cohort, constant, linear := Measure(proj, obs), Measure(Constant(last, horizons), obs), Measure(Linear(hist, horizons), obs)
		for h := 0; h < horizons; h++ {
			lines = append(lines, fmt.Sprintf("| %s | %d | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f |", m.name, h+1,
				cohort[h].MAPE, cohort[h].MALPE, constant[h].MAPE, constant[h].MALPE, linear[h].MAPE, linear[h].MALPE))
			beatsConstant := cohort[h].MAPE < constant[h].MAPE
			beatsLinear := cohort[h].MAPE < linear[h].MAPE
			if !beatsConstant || !beatsLinear {
				t.Errorf("%s, horizon %d: MAPE %.2f, constant %.2f, linear %.2f", m.name, h+1, cohort[h].MAPE, constant[h].MAPE, linear[h].MAPE)
			}
		}
	}
	t.Logf("%d areas, base 2019, base period 2014–2019\n| measure | horizon | cohort MAPE | MALPE | constant MAPE | MALPE | linear MAPE | MALPE |\n%s", len(areas), strings.Join(lines, "\n"))
}
