package analysis

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"testing"
)

var (
	svi2020Vars = []SVIVariable{
		{"POV150", 0, false}, {"UNEMP", 0, false}, {"HBURD", 0, false}, {"NOHSDP", 0, false}, {"UNINSUR", 0, false},
		{"AGE65", 1, false}, {"AGE17", 1, false}, {"DISABL", 1, false}, {"SNGPNT", 1, false}, {"LIMENG", 1, false},
		{"MINRTY", 2, false},
		{"MUNIT", 3, false}, {"MOBILE", 3, false}, {"CROWD", 3, false}, {"NOVEH", 3, false}, {"GROUPQ", 3, false},
	}
	svi2016Vars = []SVIVariable{
		{"POV", 0, false}, {"UNEMP", 0, false}, {"PCI", 0, true}, {"NOHSDP", 0, false},
		{"AGE65", 1, false}, {"AGE17", 1, false}, {"DISABL", 1, false}, {"SNGPNT", 1, false},
		{"MINRTY", 2, false}, {"LIMENG", 2, false},
		{"MUNIT", 3, false}, {"MOBILE", 3, false}, {"CROWD", 3, false}, {"NOVEH", 3, false}, {"GROUPQ", 3, false},
	}
)

// SVI 2016, 2020 and 2022 for Pennsylvania's counties and SVI 2020 for
// Delaware's tracts (two without population, one with -999 inputs) are
// reproduced cell for cell: every EPL, SPL, RPL and flag column.
func TestSVIAgainstCDC(t *testing.T) {
	for _, tc := range []struct {
		file string
		vars []SVIVariable
	}{
		{"2020svi_pa_co_cdc.csv", svi2020Vars},
		{"2022svi_pa_co_cdc.csv", svi2020Vars},
		{"cdc_de_ct_svi2020.csv.gz", svi2020Vars},
	} {
		rows := readCSVFile(t, referenceFile("svi", tc.file))
		num := func(r map[string]string, col string) float64 {
			v, err := strconv.ParseFloat(r[col], 64)
			if err != nil {
				t.Fatalf("%s: column %s: %q", tc.file, col, r[col])
			}
			if v == -999 {
				return math.NaN()
			}
			return v
		}
		n := len(rows)
		pop := make([]float64, n)
		values := make([][]float64, len(tc.vars))
		for k := range values {
			values[k] = make([]float64, n)
		}
		for a, r := range rows {
			pop[a] = num(r, "E_TOTPOP")
			for k, v := range tc.vars {
				values[k][a] = num(r, "EP_"+v.ID)
			}
		}
		s, err := ComputeSVI(values, tc.vars, 4, pop, false)
		if err != nil {
			t.Fatal(err)
		}
		cells, wrong := 0, 0
		check := func(col string, a int, got float64) {
			cells++
			want := num(rows[a], col)
			if (math.IsNaN(want) != math.IsNaN(got)) || (!math.IsNaN(want) && math.Abs(want-got) > 1e-9) {
				wrong++
				if wrong <= 5 {
					t.Errorf("%s row %d %s: %v, CDC %v", tc.file, a+2, col, got, want)
				}
			}
		}
		flag := func(f int) float64 {
			if f < 0 {
				return math.NaN()
			}
			return float64(f)
		}
		for a := 0; a < n; a++ {
			for k, v := range tc.vars {
				check("EPL_"+v.ID, a, s.EPL[k][a])
				check("F_"+v.ID, a, flag(s.F[k][a]))
			}
			for th := 0; th < 4; th++ {
				check(fmt.Sprintf("SPL_THEME%d", th+1), a, s.SPL[th][a])
				check(fmt.Sprintf("RPL_THEME%d", th+1), a, s.RPL[th][a])
				check(fmt.Sprintf("F_THEME%d", th+1), a, flag(s.FTheme[th][a]))
			}
			check("SPL_THEMES", a, s.SPLAll[a])
			check("RPL_THEMES", a, s.RPLAll[a])
			check("F_TOTAL", a, flag(s.FTotal[a]))
		}
		t.Logf("%s: %d areas, %d cells compared, %d differ", tc.file, n, cells, wrong)
	}
}

// SVI 2016 ranked some variables on the unrounded shares: with those
// recomputed from the counts (single parents and crowding per household,
// multi-unit per housing unit, minorities, children and group quarters
// per resident), and the theme sums taken unrounded, every cell that does
// not depend on limited English matches, but for theme ranks one or two places
// off at near-ties. Limited English is a share of residents aged 5 and
// over, whose count the file lacks.
func TestSVI2016(t *testing.T) {
	rows := readCSVFile(t, referenceFile("svi", "2016svi_pa_co_cdc.csv"))
	num := func(r map[string]string, col string) float64 {
		v, err := strconv.ParseFloat(r[col], 64)
		if err != nil || v == -999 {
			return math.NaN()
		}
		return v
	}
	unrounded := map[string]string{"SNGPNT": "E_HH", "CROWD": "E_HH", "MUNIT": "E_HU", "MINRTY": "E_TOTPOP", "AGE17": "E_TOTPOP", "GROUPQ": "E_TOTPOP"}
	n := len(rows)
	pop := make([]float64, n)
	values := make([][]float64, len(svi2016Vars))
	for k, v := range svi2016Vars {
		values[k] = make([]float64, n)
		for a, r := range rows {
			pop[a] = num(r, "E_TOTPOP")
			if den, ok := unrounded[v.ID]; ok {
				values[k][a] = num(r, "E_"+v.ID) / num(r, den)
			} else {
				values[k][a] = num(r, "EP_"+v.ID)
			}
		}
	}
	s, err := ComputeSVI(values, svi2016Vars, 4, pop, true)
	if err != nil {
		t.Fatal(err)
	}
	cells, wrong, rplOff := 0, 0, 0
	check := func(col string, a int, got float64) {
		cells++
		want := num(rows[a], col)
		if math.Abs(want-got) <= 1e-9 {
			return
		}
		// CDC 2016 ranked floating-point sums of ranks, so that sums equal
		// in exact arithmetic can differ in the last bit; planatlas
		// treats them as ties. Such a theme rank is one or two places off.
		if strings.HasPrefix(col, "RPL_") && math.Abs(want-got) < 2.5/float64(len(rows)-1) {
			rplOff++
			return
		}
		wrong++
		if wrong <= 5 {
			t.Errorf("row %d %s: %v, CDC %v", a+2, col, got, want)
		}
	}
	for a := 0; a < n; a++ {
		for k, v := range svi2016Vars {
			if v.ID != "LIMENG" {
				check("EPL_"+v.ID, a, s.EPL[k][a])
				check("F_"+v.ID, a, float64(s.F[k][a]))
			}
		}
		for _, th := range []int{0, 1, 3} {
			check(fmt.Sprintf("SPL_THEME%d", th+1), a, s.SPL[th][a])
			check(fmt.Sprintf("RPL_THEME%d", th+1), a, s.RPL[th][a])
			check(fmt.Sprintf("F_THEME%d", th+1), a, float64(s.FTheme[th][a]))
		}
	}
	t.Logf("2016: %d cells compared, %d differ, %d theme ranks one or two places off (floating-point near-ties)", cells, wrong, rplOff)
}
