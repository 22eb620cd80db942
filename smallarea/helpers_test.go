package smallarea

import (
	"encoding/csv"
	"math"
	"os"
	"strconv"
	"testing"

	"gonum.org/v1/gonum/mat"
)

// readCSV reads a file of testdata, without its header if header is set.
func readCSV(t *testing.T, name string, header bool) [][]string {
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
	if header {
		rows = rows[1:]
	}
	return rows
}

func num(t *testing.T, s string) float64 {
	t.Helper()
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// saeResults reads testdata/sae_results.csv: model/method/quantity to the
// values by index (index 0 for a scalar, 1… for areas and coefficients,
// stored from 0).
func saeResults(t *testing.T) map[string][]float64 {
	t.Helper()
	out := map[string][]float64{}
	for _, r := range readCSV(t, "sae_results.csv", true) {
		key := r[0] + "/" + r[1] + "/" + r[2]
		i := int(num(t, r[3]))
		if i > 0 {
			i--
		}
		for len(out[key]) <= i {
			out[key] = append(out[key], math.NaN())
		}
		out[key][i] = num(t, r[4])
	}
	return out
}

// milk returns sae's milk data: the direct estimates yi, the sampling
// variances SD² and the design matrix of yi ~ as.factor(MajorArea)
// (intercept and the treatment dummies of major areas 2, 3 and 4).
func milk(t *testing.T) (y, psi []float64, x *mat.Dense) {
	t.Helper()
	rows := readCSV(t, "milk.csv", true)
	x = mat.NewDense(len(rows), 4, nil)
	for i, r := range rows {
		y = append(y, num(t, r[2]))
		sd := num(t, r[3])
		psi = append(psi, sd*sd)
		x.Set(i, 0, 1)
		if k := int(num(t, r[5])); k > 1 {
			x.Set(i, k-1, 1)
		}
	}
	return y, psi, x
}

// grapes returns sae's grapes data and grapesprox: grapehect, var, the
// design of grapehect ~ area + workdays − 1 and the proximity matrix.
func grapes(t *testing.T) (y, psi []float64, x, w *mat.Dense) {
	t.Helper()
	rows := readCSV(t, "grapes.csv", true)
	x = mat.NewDense(len(rows), 2, nil)
	for i, r := range rows {
		y = append(y, num(t, r[0]))
		x.Set(i, 0, num(t, r[1]))
		x.Set(i, 1, num(t, r[2]))
		psi = append(psi, num(t, r[3]))
	}
	prox := readCSV(t, "grapesprox.csv", false)
	w = mat.NewDense(len(prox), len(prox), nil)
	for i, r := range prox {
		for j, s := range r {
			w.Set(i, j, num(t, s))
		}
	}
	return y, psi, x, w
}

// close reports whether got equals want to a relative 1e-6, or an
// absolute 1e-6 where |want| < 1.
func close(got, want float64) bool {
	return math.Abs(got-want) <= 1e-6*math.Max(1, math.Abs(want))
}

// relDiff is |got − want| / max(1, |want|).
func relDiff(got, want float64) float64 {
	return math.Abs(got-want) / math.Max(1, math.Abs(want))
}

// compare checks got against sae's values of one quantity and returns
// the largest difference.
func compare(t *testing.T, what string, got, want []float64) float64 {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s: %d values, sae has %d", what, len(got), len(want))
	}
	worst := 0.0
	for i := range want {
		if !close(got[i], want[i]) {
			t.Errorf("%s[%d] = %.17g, sae %.17g", what, i+1, got[i], want[i])
		}
		worst = math.Max(worst, relDiff(got[i], want[i]))
	}
	return worst
}
