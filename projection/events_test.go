package projection

import (
	"math"
	"testing"
)

// TestFlowsRecovered: moves made by known flows (in-moves as counts,
// out-moves as rates of the survivors) are recovered exactly by
// EstimateFlows, and their net equals the residual method's.
func TestFlowsRecovered(t *testing.T) {
	r := testRates(t)
	p := byArea(t, "population.csv")["A"]
	want := Flows{In: NewPopulation(r.Omega()), Out: NewPopulation(r.Omega())}
	for s := range want.In {
		for x := range want.In[s] {
			want.In[s][x] = float64(x%7) + 0.5
			want.Out[s][x] = 0.01 + 0.002*float64(x%11)
		}
	}
	obs := []Population{p}
	var in, out []Population
	for range 4 {
		surv := r.survivors(p)
		o := NewPopulation(r.Omega())
		for s := range o {
			for x := range o[s] {
				o[s][x] = want.Out[s][x] * surv[s][x]
			}
		}
		p, _ = r.StepFlows(p, want, Population{})
		obs, in, out = append(obs, p), append(in, want.In), append(out, o)
	}
	got := r.EstimateFlows(obs, in, out)
	net, resid := NetMigration(in, out), r.ResidualMigration(obs)
	for s := range got.In {
		for x := range got.In[s] {
			if math.Abs(got.In[s][x]-want.In[s][x]) > 1e-12 || math.Abs(got.Out[s][x]-want.Out[s][x]) > 1e-12 {
				t.Fatalf("sex %d age %d: in %g out %g, want %g %g", s, x, got.In[s][x], got.Out[s][x], want.In[s][x], want.Out[s][x])
			}
			if math.Abs(net[s][x]-resid[s][x]) > 1e-9 {
				t.Fatalf("sex %d age %d: net migration of the moves %g, residual %g", s, x, net[s][x], resid[s][x])
			}
		}
	}
	// A scenario's factor scales the net migration of the base year.
	half := got.Scaled(0.5)
	if half.In[0][3] != got.In[0][3]/2 || half.Out[1][30] != got.Out[1][30]/2 {
		t.Errorf("scaled flows: in %g, out %g", half.In[0][3], half.Out[1][30])
	}
}

// TestEstimateFertility checks the city's rates and the areas' levels
// drawn towards the city against numbers worked by hand.
func TestEstimateFertility(t *testing.T) {
	births := [][]float64{make([]float64, 41), make([]float64, 41)}
	women := [][]float64{make([]float64, 41), make([]float64, 41)}
	births[0][30], births[1][30], births[1][40] = 30, 10, 0
	women[0][30], women[1][30], women[0][40], women[1][40] = 1000, 1000, 500, 1500
	f := EstimateFertility(births, women, 10)
	// City: f(30) = 40/2000; f(40) = 0/2000. Expected births 20 each;
	// θ_A = (30+10)/(20+10), θ_B = (10+10)/(20+10).
	for _, c := range []struct {
		name      string
		got, want float64
	}{
		{"city f(30)", f.City[30], 0.02},
		{"city f(40)", f.City[40], 0},
		{"level A", f.Level[0], 4.0 / 3},
		{"level B", f.Level[1], 2.0 / 3},
		{"A f(30)", f.Areas[0][30], 0.02 * 4 / 3},
		{"B f(30)", f.Areas[1][30], 0.02 * 2 / 3},
	} {
		if math.Abs(c.got-c.want) > 1e-15 {
			t.Errorf("%s = %.17g, want %.17g", c.name, c.got, c.want)
		}
	}
	// Without the city's weight an area's level is its own ratio.
	if g := EstimateFertility(births, women, 0).Level[0]; math.Abs(g-1.5) > 1e-15 {
		t.Errorf("level A with k = 0: %g, want 1.5", g)
	}
}

// TestMortalityRatio: deaths twice the life table's give a ratio of 2
// for that sex; the scaled table keeps q below 1 and the open group's 1.
func TestMortalityRatio(t *testing.T) {
	r := testRates(t)
	p := byArea(t, "population.csv")["A"]
	e := r.ExpectedDeaths(p)
	d := NewPopulation(r.Omega())
	for x := range d[Male] {
		d[Male][x], d[Female][x] = 2*e[Male][x], e[Female][x]
	}
	// Expected deaths are what the survivors lack: P(x) − S(x+1).
	surv := r.survivors(p)
	if got, want := e[Female][41], p[Female][40]-surv[Female][41]; math.Abs(got-want) > 1e-9 {
		t.Errorf("expected deaths of women aged 41 at the year's end: %g, want %g", got, want)
	}
	ratio := MortalityRatio(r.Deaths([]Population{p, p}, []Population{d, d}))
	if math.Abs(ratio[Male]-2) > 1e-12 || math.Abs(ratio[Female]-1) > 1e-12 {
		t.Fatalf("ratio %v, want [2 1]", ratio)
	}
	q := r.WithMortality([2]float64{3, 1}).Q
	if q[Male][50] != 3*r.Q[Male][50] || q[Male][r.Omega()] != 1 || q[Male][r.Omega()-1] > 0.999 || q[Female][50] != r.Q[Female][50] {
		t.Errorf("scaled life table: q(50) %g (was %g), q(ω−1) %g, q(ω) %g", q[Male][50], r.Q[Male][50], q[Male][r.Omega()-1], q[Male][r.Omega()])
	}
	if r.Q[Male][50] == q[Male][50] {
		t.Error("WithMortality changed the original rates' slice")
	}
}
