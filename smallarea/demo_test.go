package smallarea

import (
	"math"
	"os"
	"sort"
	"strings"
	"testing"

	"gonum.org/v1/gonum/mat"
)

// demoFH is testdata/demo_fh.csv: the demo city's direct estimates of the
// share satisfied with childcare per planning area, their sampling
// variances, the areas' SGB II shares, and sae's Fay–Herriot fit. The
// direct estimates come from the file, so the test does not depend on
// the survey package.
type demoFH struct {
	areas  []string                      // sorted area keys
	byArea map[string]map[string]float64 // quantity → area → value
	scalar map[string][]float64          // quantity → values by index (coefficients from 1, scalars at 0)
}

func readDemoFH(t *testing.T) *demoFH {
	t.Helper()
	d := &demoFH{byArea: map[string]map[string]float64{}, scalar: map[string][]float64{}}
	for _, r := range readCSV(t, "demo_fh.csv", true) {
		q, idx, v := r[0], r[1], num(t, r[2])
		switch q {
		case "n", "direct", "psi", "sgb2", "used", "eblup", "mse":
			if d.byArea[q] == nil {
				d.byArea[q] = map[string]float64{}
			}
			d.byArea[q][idx] = v
		default:
			i := int(num(t, idx))
			for len(d.scalar[q]) <= i {
				d.scalar[q] = append(d.scalar[q], math.NaN())
			}
			d.scalar[q][i] = v
		}
	}
	for a := range d.byArea["direct"] {
		d.areas = append(d.areas, a)
	}
	sort.Strings(d.areas)
	return d
}

// relClose reports whether got is want to a relative 1e-6.
func relClose(got, want float64) bool { return math.Abs(got-want) <= 1e-6*math.Abs(want) }

// FitFH and MSE on the demo survey's planning areas give sae's eblupFH and
// mseFH (REML) to 1e-6 relative. Areas the R script left out (ψ = 0 or
// fewer than 2 respondents) enter with a NaN direct estimate and get the
// synthetic estimate x'β̂.
func TestDemoFHAgainstSae(t *testing.T) {
	d := readDemoFH(t)
	m := len(d.areas)
	if m != 38 {
		t.Fatalf("%d areas in demo_fh.csv, the demo has 38", m)
	}
	y, psi := make([]float64, m), make([]float64, m)
	x := mat.NewDense(m, 2, nil)
	for i, a := range d.areas {
		y[i], psi[i] = d.byArea["direct"][a], d.byArea["psi"][a]
		if d.byArea["used"][a] == 0 {
			y[i] = math.NaN()
		}
		x.Set(i, 0, 1)
		x.Set(i, 1, d.byArea["sgb2"][a])
	}
	f, err := FitFH(y, x, psi, Options{Method: REML})
	if err != nil {
		t.Fatal(err)
	}
	worst := 0.0
	check := func(what string, got, want float64) {
		t.Helper()
		if !relClose(got, want) {
			t.Errorf("%s = %.17g, sae %.17g", what, got, want)
		}
		worst = math.Max(worst, math.Abs(got-want)/math.Abs(want))
	}
	mse := f.MSE()
	for i, a := range d.areas {
		if d.byArea["used"][a] == 0 {
			check("synthetic "+a, f.EBLUP[i], d.scalar["beta"][1]+d.scalar["beta"][2]*d.byArea["sgb2"][a])
			continue
		}
		check("eblup "+a, f.EBLUP[i], d.byArea["eblup"][a])
		check("mse "+a, mse[i], d.byArea["mse"][a])
	}
	for q, v := range coefColumns(f.Coef) {
		for j := range v {
			check(q, v[j], d.scalar[q][j+1])
		}
	}
	check("refvar", f.SigmaU2, d.scalar["refvar"][0])
	check("loglike", f.LogLik, d.scalar["loglike"][0])
	if float64(f.Iterations) != d.scalar["iterations"][0] || !f.Converged || f.Truncated {
		t.Errorf("iterations %d (sae %v), converged %v, truncated %v", f.Iterations, d.scalar["iterations"][0], f.Converged, f.Truncated)
	}
	// The covariate must matter: deprived areas are less satisfied.
	if f.Coef[1].Estimate >= 0 || f.Coef[1].P > 0.01 {
		t.Errorf("SGB II share: %+v, want a clearly negative effect", f.Coef[1])
	}
	t.Logf("%d areas, σ²_u %.4g, largest relative difference to sae %.3g", m, f.SigmaU2, worst)
}

// FitSFH and its MSE on the demo survey's planning areas with the demo
// plan's queen contiguity (testdata/demo_weights.gal, row-standardised)
// give sae's eblupSFH and mseSFH (REML, testdata/demo_sfh.csv) to 1e-6
// relative.
func TestDemoSFHAgainstSae(t *testing.T) {
	d := readDemoFH(t)
	m := len(d.areas)
	at := map[string]int{}
	y, psi := make([]float64, m), make([]float64, m)
	x := mat.NewDense(m, 2, nil)
	for i, a := range d.areas {
		at[a] = i
		y[i], psi[i] = d.byArea["direct"][a], d.byArea["psi"][a]
		x.Set(i, 0, 1)
		x.Set(i, 1, d.byArea["sgb2"][a])
	}
	w := mat.NewDense(m, m, nil)
	gal, err := os.ReadFile("testdata/demo_weights.gal")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(gal)), "\n")[1:]
	for k := 0; k+1 < len(lines); k += 2 {
		from, to := strings.Fields(lines[k])[0], strings.Fields(lines[k+1])
		for _, b := range to {
			w.Set(at[from], at[b], 1/float64(len(to)))
		}
	}
	f, err := FitSFH(y, x, psi, w, Options{Method: REML})
	if err != nil {
		t.Fatal(err)
	}
	mse, err := f.MSE()
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]map[string]float64{}
	for _, r := range readCSV(t, "demo_sfh.csv", true) {
		if want[r[0]] == nil {
			want[r[0]] = map[string]float64{}
		}
		want[r[0]][r[1]] = num(t, r[2])
	}
	if !relClose(f.Rho, want["rho"]["0"]) || !relClose(f.SigmaU2, want["refvar"]["0"]) {
		t.Errorf("ρ %.10g, σ²_u %.10g; sae %.10g, %.10g", f.Rho, f.SigmaU2, want["rho"]["0"], want["refvar"]["0"])
	}
	for i, a := range d.areas {
		if !relClose(f.EBLUP[i], want["eblup"][a]) || !relClose(mse[i], want["mse"][a]) {
			t.Errorf("%s: EBLUP %.10g, MSE %.10g; sae %.10g, %.10g", a, f.EBLUP[i], mse[i], want["eblup"][a], want["mse"][a])
		}
	}
}
