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

// demoEvents reads the demo register's events by area and year: births
// by the mother's age (women's ages), deaths, in- and out-moves by sex
// and age at the year's end.
type demoEvents struct {
	births          map[string]map[int][]float64
	deaths, in, out map[string]map[int]Population
}

func readDemoEvents(t *testing.T) demoEvents {
	const omega = 95
	e := demoEvents{births: map[string]map[int][]float64{}, deaths: map[string]map[int]Population{},
		in: map[string]map[int]Population{}, out: map[string]map[int]Population{}}
	cell := func(m map[string]map[int]Population, area string, y int) Population {
		if m[area] == nil {
			m[area] = map[int]Population{}
		}
		if _, ok := m[area][y]; !ok {
			m[area][y] = NewPopulation(omega)
		}
		return m[area][y]
	}
	for _, f := range demoTable(t, "geburten.csv") {
		y := int(num(t, f[1]))
		if e.births[f[0]] == nil {
			e.births[f[0]] = map[int][]float64{}
		}
		if e.births[f[0]][y] == nil {
			e.births[f[0]][y] = make([]float64, omega+1)
		}
		e.births[f[0]][y][demoAge(t, f[2])] = num(t, f[3])
	}
	for _, f := range demoTable(t, "sterbefaelle.csv") {
		cell(e.deaths, f[0], int(num(t, f[1])))[demoSex(f[3])][demoAge(t, f[2])] = num(t, f[4])
	}
	for _, f := range demoTable(t, "wanderungen.csv") {
		y := int(num(t, f[1]))
		cell(e.in, f[0], y)[demoSex(f[3])][demoAge(t, f[2])] = num(t, f[4])
		cell(e.out, f[0], y)[demoSex(f[3])][demoAge(t, f[2])] = num(t, f[5])
	}
	return e
}

// get returns an area's events of a year, empty where the register has
// none.
func get(m map[string]map[int]Population, area string, y int) Population {
	if p, ok := m[area][y]; ok {
		return p
	}
	return NewPopulation(95)
}

// registerMethod projects as a plan does with the register's events:
// the life table at the observed deaths' level, each area's fertility
// estimated from its births (k = 20), and the net migration of its
// moves (or, with flows, in-moves as counts and out-moves as rates), all
// of the base period.
func registerMethod(t *testing.T, r *Rates, pop map[string]map[int]Population, areas []string, base, period, horizons int, flows bool) map[string][]Population {
	ev := readDemoEvents(t)
	var starts, deaths []Population
	births, women := make([][]float64, len(areas)), make([][]float64, len(areas))
	for i, a := range areas {
		births[i], women[i] = make([]float64, 96), make([]float64, 96)
		for y := base - period + 1; y <= base; y++ {
			starts, deaths = append(starts, pop[a][y-1]), append(deaths, get(ev.deaths, a, y))
			for x := range births[i] {
				if ev.births[a][y] != nil {
					births[i][x] += ev.births[a][y][x]
				}
				women[i][x] += pop[a][y-1][Female][x]
			}
		}
	}
	fert := EstimateFertility(births, women, 20)
	var observed, expected [2]float64
	for i := range areas {
		o, e := r.WithFertility(fert.Areas[i]).Deaths(starts[i*period:(i+1)*period], deaths[i*period:(i+1)*period])
		for s := range o {
			observed[s], expected[s] = observed[s]+o[s], expected[s]+e[s]
		}
	}
	ratio := MortalityRatio(observed, expected)
	out := map[string][]Population{}
	for i, a := range areas {
		ra := r.WithMortality(ratio).WithFertility(fert.Areas[i])
		var history, in, outs []Population
		for y := base - period; y <= base; y++ {
			history = append(history, pop[a][y])
			if y > base-period {
				in, outs = append(in, get(ev.in, a, y)), append(outs, get(ev.out, a, y))
			}
		}
		if flows {
			out[a], _ = ra.ProjectFlows(pop[a][base], ra.EstimateFlows(history, in, outs), horizons)
		} else {
			out[a], _ = ra.Project(pop[a][base], NetMigration(in, outs), horizons)
		}
	}
	return out
}

// TestDemoBacktest projects the demo city's 38 areas from 2019 with only
// the data of 2014–2019 and compares 2020–2024 with what the city's
// register says: residents and children under 6 per area, by horizon,
// against the two baselines. Two methods: net migration by the residual
// method with the input fertility, and the register's events (flows
// from moves, fertility from births, the deaths' level). Each must beat
// both baselines at every horizon; the tables are in the README. Flows
// (out-moves as rates) are measured too, and not required to: the demo
// city's migration is made as net rates, which constant in-moves miss.
// (The
// demo city is itself made by a cohort model with steady migration: this
// checks the mechanics, not how well a real city's future is met.)
func TestDemoBacktest(t *testing.T) {
	r, pop := demoData(t)
	var areas []string
	for a := range pop {
		areas = append(areas, a)
	}
	sort.Strings(areas)
	const base, period, horizons = 2019, 5, 5
	residual := map[string][]Population{}
	for _, a := range areas {
		var history []Population
		for y := base - period; y <= base; y++ {
			history = append(history, pop[a][y])
		}
		residual[a], _ = r.Project(pop[a][base], r.ResidualMigration(history), horizons)
	}
	for _, m := range []struct {
		name   string
		out    map[string][]Population
		strict bool
	}{{"residual", residual, true}, {"register", registerMethod(t, r, pop, areas, base, period, horizons, false), true},
		{"register flows", registerMethod(t, r, pop, areas, base, period, horizons, true), false}} {
		t.Logf("%s: %d areas, base 2019, base period 2014–2019\n| measure | horizon | cohort MAPE | MALPE | constant MAPE | MALPE | linear MAPE | MALPE |\n%s",
			m.name, len(areas), strings.Join(backtestLines(t, pop, areas, m.out, base, period, horizons, m.strict), "\n"))
	}
}

// backtestLines measures projections out against the register, per
// measure and horizon; strict, it fails where they do not beat both
// baselines.
func backtestLines(t *testing.T, pop map[string]map[int]Population, areas []string, out map[string][]Population, base, period, horizons int, strict bool) []string {
	measures := []struct {
		name   string
		lo, hi int
	}{{"residents", 0, 95}, {"under 6", 0, 5}}
	var lines []string
	for _, m := range measures {
		var proj, obs, hist [][]float64
		var last []float64
		for _, a := range areas {
			var p, o, h []float64
			for k := range out[a] {
				p = append(p, out[a][k].Sum(m.lo, m.hi))
				o = append(o, pop[a][base+k+1].Sum(m.lo, m.hi))
			}
			for y := base - period; y <= base; y++ {
				h = append(h, pop[a][y].Sum(m.lo, m.hi))
			}
			proj, obs, hist = append(proj, p), append(obs, o), append(hist, h)
			last = append(last, h[len(h)-1])
		}
		cohort, constant, linear := Measure(proj, obs), Measure(Constant(last, horizons), obs), Measure(Linear(hist, horizons), obs)
		for h := 0; h < horizons; h++ {
			lines = append(lines, fmt.Sprintf("| %s | %d | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f |", m.name, h+1,
				cohort[h].MAPE, cohort[h].MALPE, constant[h].MAPE, constant[h].MALPE, linear[h].MAPE, linear[h].MALPE))
			if strict && (cohort[h].MAPE >= constant[h].MAPE || cohort[h].MAPE >= linear[h].MAPE) {
				t.Errorf("%s, horizon %d: MAPE %.2f, constant %.2f, linear %.2f", m.name, h+1, cohort[h].MAPE, constant[h].MAPE, linear[h].MAPE)
			}
		}
	}
	return lines
}
