package analysis

import (
	"math"
	"strconv"
	"strings"
	"testing"
)

// OLS (R lm), Theil–Sen, Mann–Kendall with tie correction and CAGR equal
// R's on five series: rising, falling, flat with ties, short, tied steps
// (testdata/trend_reference.R).
func TestTrendAgainstR(t *testing.T) {
	rows := readCSVFile(t, "testdata/trend_reference.csv")
	if len(rows) != 5 {
		t.Fatalf("%d series", len(rows))
	}
	for _, r := range rows {
		var ys, ts []float64
		for i, f := range strings.Fields(r["values"]) {
			v, _ := strconv.ParseFloat(f, 64)
			ys = append(ys, v)
			ts = append(ts, float64(2014+i))
		}
		tr := ComputeTrend(ts, ys, 0.05)
		for _, c := range []struct {
			name string
			got  float64
		}{
			{"slope", tr.Slope}, {"se", tr.SE}, {"p", tr.P}, {"theil_sen", tr.TheilSen},
			{"mk_s", tr.MKS}, {"mk_var", tr.MKVar}, {"mk_z", tr.MKZ}, {"mk_p", tr.MKP}, {"cagr", tr.CAGR},
		} {
			want, _ := strconv.ParseFloat(r[c.name], 64)
			if math.Abs(c.got-want) > 1e-9*math.Max(1, math.Abs(want)) {
				t.Errorf("%s %s: %.15g, R %.15g", r["series"], c.name, c.got, want)
			}
		}
		wantClass := map[string]int{"rising": 1, "falling": -1, "flat_ties": 0, "short": 0, "ties_trend": 1}[r["series"]]
		if tr.Class != wantClass {
			t.Errorf("%s: class %d, want %d", r["series"], tr.Class, wantClass)
		}
	}
}

func TestTrendMissingYears(t *testing.T) {
	tr := ComputeTrend([]float64{2020, 2021, 2022, 2023}, []float64{1, math.NaN(), 3, 4}, 0.05)
	if tr.N != 3 || math.Abs(tr.Slope-1) > 1e-12 || tr.SE > 1e-12 {
		t.Errorf("n %d, slope %v", tr.N, tr.Slope)
	}
	if tr := ComputeTrend([]float64{2020}, []float64{5}, 0.05); !math.IsNaN(tr.Slope) || tr.Class != 0 {
		t.Errorf("one year: %+v", tr)
	}
}
