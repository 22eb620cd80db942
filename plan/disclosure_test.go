package plan

import (
	"encoding/csv"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"gonum.org/v1/gonum/mat"

	"planatlas/demo"
	"planatlas/geo"
	"planatlas/indicators"
)

// publishedCell is one row of the published variables table.
type publishedCell struct {
	variable, level, key string
	year                 int
	value                float64 // NaN if not published
	hidden               bool
}

func readPublished(t *testing.T, file string) []publishedCell {
	t.Helper()
	f, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.Comma = ';'
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var out []publishedCell
	for _, row := range rows[1:] { // variable;Jahr;Ebene;Schlüssel;Name;Wert;Kennzeichen
		y, _ := strconv.Atoi(row[1])
		c := publishedCell{variable: row[0], year: y, level: row[2], key: row[3], value: math.NaN()}
		if row[5] == "." {
			c.hidden = true
		} else if v, err := strconv.ParseFloat(strings.Replace(row[5], ",", ".", 1), 64); err == nil {
			c.value = v
		}
		out = append(out, c)
	}
	return out
}

// The demo, run with a harsh threshold of 10, publishes no count between
// 1 and 9, hides every value derived from a hidden count, and no hidden
// count can be recomputed from the published tables by any linear
// combination of published counts (the attack works on the files, with
// the plan's filters and the geometry's districts, and knows nothing of
// how suppression chose its cells).
func TestDisclosureCannotBeUndone(t *testing.T) {
	const k = 10
	text := strings.Replace(demoPlanText(t), "threshold: 3", "threshold: 10", 1)
	p, err := Parse([]byte(text), "plan.yaml")
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "out")
	if _, err := Run(p, FS{FS: demo.FS()}, Options{Out: out, PlanData: []byte(text)}); err != nil {
		t.Fatal(err)
	}
	cells := readPublished(t, filepath.Join(out, "variables.csv"))

	// Counts are the sums; means (heat) are not subject to suppression.
	counts := map[string]bool{}
	ages := map[string][2]float64{} // population variables: their age range
	for _, v := range p.Variables {
		if v.Value.Aggregate == "mean" {
			continue
		}
		counts[v.Name] = true
		if v.Value.Input == "bevoelkerung" {
			lo, hi := 0.0, math.Inf(1)
			if w, ok := v.Value.Where.Get("alter"); ok {
				a, b, _ := strings.Cut(w.Value[0], "-")
				lo, _ = strconv.ParseFloat(a, 64)
				if b != "" {
					hi, _ = strconv.ParseFloat(b, 64)
					hi++ // "0-17" is [0, 18)
				}
			}
			ages[v.Name] = [2]float64{lo, hi}
		}
	}
	hiddenCounts := 0
	for _, c := range cells {
		if !counts[c.variable] {
			continue
		}
		if c.hidden {
			hiddenCounts++
		}
		if !c.hidden && c.value >= 1 && c.value < k {
			t.Errorf("%s %s %s %d = %v is published", c.variable, c.level, c.key, c.year, c.value)
		}
	}
	if hiddenCounts < 50 {
		t.Fatalf("only %d counts hidden: the test needs a stress case", hiddenCounts)
	}

	// The attack. Atoms: age bands between all breakpoints of the filters.
	var bps []float64
	for _, r := range ages {
		bps = append(bps, r[0], r[1])
	}
	sort.Float64s(bps)
	var bands [][2]float64
	for i := 0; i+1 < len(bps); i++ {
		if bps[i+1] > bps[i] {
			bands = append(bands, [2]float64{bps[i], bps[i+1]})
		}
	}
	gf, _ := demo.FS().Open("planungsraeume.geojson")
	areas, err := geo.ReadGeoJSON(gf, "planungsraeume.geojson", geo.ReadOptions{Key: "pr_id", Parent: "stt_id"})
	gf.Close()
	if err != nil {
		t.Fatal(err)
	}
	areaIdx := map[string]int{}
	for i, key := range areas.Keys {
		areaIdx[key] = i
	}
	members := func(level, key string) []int { // areas of a unit
		var out []int
		for i, k := range areas.Keys {
			if level == "Stadt" || level == "Planungsraum" && k == key || level == "Stadtteil" && areas.Parents[i] == key {
				out = append(out, i)
			}
		}
		return out
	}
	// families: the population variables share atoms; every other count
	// is a family of its own with one atom.
	type family struct {
		vars   map[string][]bool // variable → atoms it counts
		nAtoms int
	}
	pop := family{vars: map[string][]bool{}, nAtoms: len(bands)}
	for v, r := range ages {
		m := make([]bool, len(bands))
		for i, b := range bands {
			m[i] = b[0] >= r[0] && b[1] <= r[1]
		}
		pop.vars[v] = m
	}
	fams := []family{pop}
	for v := range counts {
		if _, isPop := ages[v]; !isPop {
			fams = append(fams, family{vars: map[string][]bool{v: {true}}, nAtoms: 1})
		}
	}
	years := map[int]bool{}
	for _, c := range cells {
		years[c.year] = true
	}
	nA := len(areas.Keys)
	for y := range years {
		for _, f := range fams {
			cols := nA * f.nAtoms
			var pub [][]float64
			var hid []publishedCell
			var hidF [][]float64
			for _, c := range cells {
				m, ok := f.vars[c.variable]
				if !ok || c.year != y {
					continue
				}
				fn := make([]float64, cols)
				for _, a := range members(c.level, c.key) {
					for atom, in := range m {
						if in {
							fn[a*f.nAtoms+atom] = 1
						}
					}
				}
				switch {
				case c.hidden:
					hid = append(hid, c)
					hidF = append(hidF, fn)
				case !math.IsNaN(c.value):
					pub = append(pub, fn)
				}
			}
			if len(hid) == 0 {
				continue
			}
			sp := spanOf(pub, cols)
			for i, h := range hid {
				if sp.contains(hidF[i]) {
					t.Errorf("%d: %s of %s %s can be recomputed from the published counts", y, h.variable, h.level, h.key)
				}
			}
		}
	}

	// Derived values: an indicator that uses a hidden count in the same
	// unit and year is hidden too.
	cat, _ := indicators.LoadCatalog()
	hiddenAt := map[string]bool{}
	for _, c := range cells {
		if c.hidden {
			hiddenAt[c.variable+"|"+c.level+"|"+c.key+"|"+strconv.Itoa(c.year)] = true
		}
	}
	ind, err := os.Open(filepath.Join(out, "indicators.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer ind.Close()
	r := csv.NewReader(ind)
	r.Comma = ';'
	rows, _ := r.ReadAll()
	checked := 0
	for _, row := range rows[1:] { // Indikator;Bezeichnung;Einheit;Jahr;Ebene;Schlüssel;Name;Wert;...
		d, ok := cat.Get(row[0])
		if !ok || d.Formula != "" && strings.Contains(d.Formula, "lag(") {
			continue
		}
		for _, v := range d.Vars() {
			if hiddenAt[v+"|"+row[4]+"|"+row[5]+"|"+row[3]] {
				checked++
				if row[7] != "." || row[9] != "" && row[9] != "." {
					t.Errorf("%s %s %s %s = %s (interval %s) is published, but %s is hidden", row[0], row[4], row[5], row[3], row[7], row[9], v)
				}
			}
		}
	}
	if checked == 0 {
		t.Error("no derived value of a hidden count was checked")
	}
}

// span is an orthonormal basis of the space spanned by some rows.
type span struct {
	v    mat.Dense
	rank int
}

func spanOf(rows [][]float64, n int) span {
	var s span
	if len(rows) == 0 {
		return s
	}
	a := mat.NewDense(len(rows), n, nil)
	for i, r := range rows {
		a.SetRow(i, r)
	}
	var svd mat.SVD
	svd.Factorize(a, mat.SVDFullV)
	svd.VTo(&s.v)
	for _, x := range svd.Values(nil) {
		if x > 1e-9 {
			s.rank++
		}
	}
	return s
}

// contains reports whether f is a linear combination of the rows.
func (s span) contains(f []float64) bool {
	res := append([]float64(nil), f...)
	for j := 0; j < s.rank; j++ {
		var dot float64
		for i := range f {
			dot += s.v.At(i, j) * f[i]
		}
		for i := range f {
			res[i] -= dot * s.v.At(i, j)
		}
	}
	var norm float64
	for _, x := range res {
		norm += x * x
	}
	return math.Sqrt(norm) < 1e-8
}
