package survey

import (
	"encoding/csv"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// table is a data file of testdata: its columns by name.
type table map[string][]string

func readCSV(t *testing.T, name string) [][]string {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

func readTable(t *testing.T, name string) table {
	t.Helper()
	rows := readCSV(t, name)
	tab := table{}
	for _, r := range rows[1:] {
		for j, h := range rows[0] {
			tab[h] = append(tab[h], r[j])
		}
	}
	return tab
}

func (tab table) num(t *testing.T, col string) []float64 {
	t.Helper()
	out := make([]float64, len(tab[col]))
	for i, s := range tab[col] {
		if s == "NA" {
			out[i] = math.NaN()
			continue
		}
		v, err := strconv.ParseFloat(s, 64)
		if err != nil {
			t.Fatal(err)
		}
		out[i] = v
	}
	return out
}

// reference returns R's results, reference.csv, by key.
func reference(t *testing.T) map[string]float64 {
	t.Helper()
	ref := map[string]float64{}
	for _, r := range readCSV(t, "reference.csv")[1:] {
		v, err := strconv.ParseFloat(r[1], 64)
		if err != nil {
			t.Fatal(err)
		}
		ref[r[0]] = v
	}
	return ref
}

// results collects Go's values by the reference's keys.
type results map[string]float64

func (r results) stat(prefix string, e Estimate, deff bool) {
	r[prefix+"/est"] = e.Value
	r[prefix+"/se"] = e.SE
	if deff {
		r[prefix+"/deff"] = e.DEff
	}
}

// close reports whether got equals want to 1e-9, relative or, near 0,
// absolute; NaN equals NaN.
func close(got, want float64) bool {
	if math.IsNaN(want) || math.IsNaN(got) {
		return math.IsNaN(want) && math.IsNaN(got)
	}
	return math.Abs(got-want) <= 1e-9*math.Max(1, math.Abs(want))
}

// rInfinite reports whether key is the upper end of a logit interval
// that R made infinite.
func rInfinite(ref map[string]float64, key string, want float64) bool {
	lo, ok := strings.CutSuffix(key, "/logit/hi")
	return ok && math.IsNaN(want) && ref[lo+"/logit/lo"] == 0
}

// compare checks every result against R's and that every reference key
// with prefix was computed.
func compare(t *testing.T, ref map[string]float64, got results, prefix string) {
	t.Helper()
	var worst float64
	var worstKey string
	// R's logit interval comes from its glm, whose iteration stops at a
	// tolerance; everything else is arithmetic.
	var worstExact float64
	for k, v := range got {
		want, ok := ref[k]
		if !ok {
			t.Errorf("%s: no reference value", k)
			continue
		}
		if rInfinite(ref, k, want) {
			// R's interval is (−∞, ∞) on the logit scale, which its
			// expit turns into (0, NaN); ours is (0, 1).
			want = 1
		}
		if !close(v, want) {
			t.Errorf("%s = %.17g, R %.17g", k, v, want)
		}
		d := math.Abs(v-want) / math.Max(1, math.Abs(want))
		if d > worst {
			worst, worstKey = d, k
		}
		if !strings.Contains(k, "/logit/") && d > worstExact {
			worstExact = d
		}
	}
	n := 0
	for k := range ref {
		if len(k) > len(prefix) && k[:len(prefix)+1] == prefix+"/" {
			if _, ok := got[k]; !ok {
				t.Errorf("%s: not computed", k)
			}
			n++
		}
	}
	t.Logf("%s: %d values, max relative difference %.3g (%s), %.3g without the logit intervals", prefix, n, worst, worstKey, worstExact)
}

// battery computes what survey_reference.R's all() does.
func battery(t *testing.T, name string, d *Design, tab table, dom string) results {
	t.Helper()
	r := results{}
	must := func(e Estimate, err error) Estimate {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return e
	}
	r[name+"/degf"] = float64(d.DF())
	for _, v := range []string{"api00", "api00na", "hi"} {
		y := tab.num(t, v)
		r.stat(name+"/mean/"+v, must(d.Mean(y)), true)
		r.stat(name+"/total/"+v, must(d.Total(y)), true)
	}
	for _, l := range []string{"No", "Yes"} {
		r.stat(name+"/mean/awards="+l, must(d.Mean(Indicator(tab["awards"], l))), true)
	}
	by := func(y []float64, total bool) []DomainEstimate {
		t.Helper()
		out, err := d.by(y, tab[dom], total)
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	for _, e := range by(tab.num(t, "api00"), false) {
		r.stat(fmt.Sprintf("%s/by/%s/mean/api00", name, e.Domain), e.Estimate, true)
	}
	for _, e := range by(tab.num(t, "api00"), true) {
		r.stat(fmt.Sprintf("%s/by/%s/total/api00", name, e.Domain), e.Estimate, false)
	}
	for _, e := range by(tab.num(t, "api00na"), false) {
		if e.N == 0 && math.IsNaN(e.Value) && math.IsNaN(e.SE) {
			// No value in the domain: NaN here, 0 in R (its sum of
			// nothing over nothing).
			e.Value, e.SE = 0, 0
		}
		r.stat(fmt.Sprintf("%s/by/%s/mean/api00na", name, e.Domain), e.Estimate, false)
	}
	ciprops(t, r, name, d, tab, dom)
	return r
}

func apiDesign(t *testing.T, tab table, strata, clusters, fpc bool) *Design {
	t.Helper()
	var opt Options
	if strata {
		opt.Strata = tab["stype"]
	}
	if clusters {
		opt.Clusters = tab["dnum"]
	}
	if fpc {
		opt.FPC = tab.num(t, "fpc")
	}
	d, err := NewDesign(tab.num(t, "pw"), opt)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// fractionDesign is apistrat's design with the fpc given as sampling
// fractions n_h/N_h: the same design as with population sizes.
func fractionDesign(t *testing.T, tab table) *Design {
	t.Helper()
	n := map[string]float64{}
	for _, s := range tab["stype"] {
		n[s]++
	}
	fpc := tab.num(t, "fpc")
	for i, s := range tab["stype"] {
		fpc[i] = n[s] / fpc[i]
	}
	d, err := NewDesign(tab.num(t, "pw"), Options{Strata: tab["stype"], FPC: fpc})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestDesigns(t *testing.T) {
	ref := reference(t)
	strat := readTable(t, "api_strat.csv")
	clus1 := readTable(t, "api_clus1.csv")
	for _, c := range []struct {
		name string
		tab  table
		d    *Design
		dom  string
	}{
		{"strat", strat, apiDesign(t, strat, true, false, true), "awards"},
		{"stratwr", strat, apiDesign(t, strat, true, false, false), "awards"},
		{"clus1", clus1, apiDesign(t, clus1, false, true, true), "cname"},
		{"stratclus", strat, apiDesign(t, strat, true, true, false), "awards"},
		{"strat", strat, fractionDesign(t, strat), "awards"},
	} {
		t.Run(c.name, func(t *testing.T) {
			compare(t, ref, battery(t, c.name, c.d, c.tab, c.dom), c.name)
		})
	}
}

// TestWeighting checks the weights, estimates and standard errors after
// post-stratification, raking, calibration and trimming.
func TestWeighting(t *testing.T) {
	ref := reference(t)
	strat := readTable(t, "api_strat.csv")
	clus1 := readTable(t, "api_clus1.csv")
	dclus1 := apiDesign(t, clus1, false, true, true)
	dstrat := apiDesign(t, strat, true, false, true)
	types := map[string]float64{"E": 4421, "H": 755, "M": 1018}
	schwide := map[string]float64{"No": 1072, "Yes": 5122}
	stype := clus1["stype"]
	aux := [][]float64{make([]float64, len(stype)), Indicator(stype, "H"), Indicator(stype, "M"), clus1.num(t, "api99")}
	for i := range aux[0] {
		aux[0][i] = 1
	}
	totals := []float64{6194, 755, 1018, 3914069}
	margins := []Margin{{stype, types}, {clus1["sch.wide"], schwide}}
	calrak := func() *Design {
		d, err := dclus1.Calibrate(aux, totals, CalibrateOptions{CalFun: Raking})
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	for _, c := range []struct {
		name string
		tab  table
		make func() (*Design, error)
	}{
		{"post", clus1, func() (*Design, error) { return dclus1.PostStratify(stype, types) }},
		{"rake", clus1, func() (*Design, error) {
			d, conv, err := dclus1.Rake(margins, RakeOptions{})
			if err == nil && !conv.Converged {
				t.Errorf("raking did not converge in %d passes", conv.Iterations)
			}
			return d, err
		}},
		{"callin", clus1, func() (*Design, error) { return dclus1.Calibrate(aux, totals, CalibrateOptions{}) }},
		{"callinb", clus1, func() (*Design, error) {
			return dclus1.Calibrate(aux, totals, CalibrateOptions{Lower: 0.6, Upper: 1.8})
		}},
		{"calrak", clus1, func() (*Design, error) { return calrak(), nil }},
		{"calrakb", clus1, func() (*Design, error) {
			return dclus1.Calibrate(aux, totals, CalibrateOptions{CalFun: Raking, Lower: 0.6, Upper: 1.8})
		}},
		{"trim", strat, func() (*Design, error) { return dstrat.TrimWeights(18, 40, false) }},
		{"trimcal", clus1, func() (*Design, error) { return calrak().TrimWeights(30, 40, true) }},
	} {
		t.Run(c.name, func(t *testing.T) {
			d, err := c.make()
			if err != nil {
				t.Fatal(err)
			}
			dom := "cname"
			r := battery(t, c.name, d, c.tab, dom)
			for i, w := range d.Weights() {
				r[fmt.Sprintf("%s/w/%d", c.name, i+1)] = w
			}
			compare(t, ref, r, c.name)
		})
	}
}

// TestLonelyPSU checks every treatment of a stratum with one PSU (apistrat
// keeping one middle school) and that the default refuses it.
func TestLonelyPSU(t *testing.T) {
	ref := reference(t)
	tab := readTable(t, "api_lonely.csv")
	if _, err := NewDesign(tab.num(t, "pw"), Options{Strata: tab["stype"]}); err == nil || !strings.Contains(err.Error(), `"M"`) {
		t.Errorf("LonelyFail: error %v, want one naming stratum \"M\"", err)
	}
	for _, c := range []struct {
		name   string
		lonely LonelyPSU
	}{{"remove", LonelyRemove}, {"certainty", LonelyCertainty}, {"adjust", LonelyAdjust}, {"average", LonelyAverage}} {
		r := results{}
		for _, fpc := range []bool{true, false} {
			opt := Options{Strata: tab["stype"], Lonely: c.lonely}
			prefix := "lonelywr-" + c.name
			if fpc {
				opt.FPC = tab.num(t, "fpc")
				prefix = "lonely-" + c.name
			}
			d, err := NewDesign(tab.num(t, "pw"), opt)
			if err != nil {
				t.Fatal(err)
			}
			y := tab.num(t, "api00")
			m, _ := d.Mean(y)
			tot, _ := d.Total(y)
			r.stat(prefix+"/mean/api00", m, fpc)
			r.stat(prefix+"/total/api00", tot, false)
		}
		compare(t, ref, r, "lonely-"+c.name)
		compare(t, ref, r, "lonelywr-"+c.name)
	}
}

// TestRakeNotConverged checks that raking reports an iteration stopped
// by MaxIter, with R's weights after two passes.
func TestRakeNotConverged(t *testing.T) {
	ref := reference(t)
	tab := readTable(t, "api_clus1.csv")
	d := apiDesign(t, tab, false, true, true)
	margins := []Margin{
		{tab["stype"], map[string]float64{"E": 4421, "H": 755, "M": 1018}},
		{tab["sch.wide"], map[string]float64{"No": 1072, "Yes": 5122}},
	}
	r, conv, err := d.Rake(margins, RakeOptions{MaxIter: 2, Epsilon: 1e-9})
	if err != nil {
		t.Fatal(err)
	}
	if conv.Converged || conv.Iterations != 2 {
		t.Errorf("convergence %+v, want 2 passes, not converged", conv)
	}
	if got, want := r.Weights()[0], ref["rake2/w/1"]; !close(got, want) {
		t.Errorf("weight 1 = %.17g, R %.17g", got, want)
	}
}
