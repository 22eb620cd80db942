package analysis

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// Every official status, dynamic and combined class of the five MSS
// editions 2013–2021 is reproduced from the published indicators, the
// valid areas being those the city classified.
func TestMSSOfficialClasses(t *testing.T) {
	for _, year := range []int{2013, 2015, 2017, 2019, 2021} {
		inputs := readCSVFile(t, referenceFile("berlin", "mss", fmt.Sprintf("mss-%d-inputs.csv", year)))
		official := readCSVFile(t, referenceFile("berlin", "mss", fmt.Sprintf("mss-%d-official-classes.csv", year)))
		classOf := map[string]map[string]string{}
		for _, r := range official {
			classOf[r["id"]] = r
		}
		var sNames, dNames []string
		for h := range inputs[0] {
			switch {
			case strings.HasPrefix(h, "s") && strings.Contains(h, "_percentage"):
				sNames = append(sNames, h)
			case strings.HasPrefix(h, "d") && strings.Contains(h, "_percentage"):
				dNames = append(dNames, h)
			}
		}
		sort.Strings(sNames)
		sort.Strings(dNames)
		n := len(inputs)
		valid := make([]bool, n)
		read := func(names []string) [][]float64 {
			out := make([][]float64, len(names))
			for k, name := range names {
				out[k] = make([]float64, n)
				for a, r := range inputs {
					v, err := strconv.ParseFloat(r[name], 64)
					if err != nil {
						v = math.NaN()
					}
					out[k][a] = v
				}
			}
			return out
		}
		for a, r := range inputs {
			_, valid[a] = classOf[r["id"]]
		}
		m, err := ComputeMSS(read(sNames), read(dNames), valid)
		if err != nil {
			t.Fatalf("%d: %v", year, err)
		}
		wrong := 0
		counts := [2][5]int{}
		for a, r := range inputs {
			o, ok := classOf[r["id"]]
			if !ok {
				continue
			}
			counts[0][m.StatusClass[a]]++
			counts[1][m.DynamicClass[a]]++
			wantS, _ := strconv.ParseFloat(o["status_index"], 64)
			if m.StatusClass[a] != int(wantS) || MSSDynamicNames[m.DynamicClass[a]] != o["dynamic_index_class"] ||
				!strings.HasPrefix(o["status_dynamic_index"], m.Combined(a)) || len(o["status_dynamic_index"]) != len(m.Combined(a)) {
				wrong++
				if wrong <= 3 {
					t.Errorf("%d %s: status %d (%.4f), dynamic %s (%.4f), combined %s; official %s, %s, %s", year, r["id"],
						m.StatusClass[a], m.StatusIndex[a], MSSDynamicNames[m.DynamicClass[a]], m.DynamicIndex[a], m.Combined(a),
						o["status_index"], o["dynamic_index_class"], o["status_dynamic_index"])
				}
			}
		}
		t.Logf("%d: %d indicators, %d valid areas, %d classes differ; status %v, dynamic %v", year, len(sNames)+len(dNames), m.Valid, wrong, counts[0][1:], counts[1][1:4])
		if m.Valid != len(official) {
			t.Errorf("%d: %d valid areas, %d classified", year, m.Valid, len(official))
		}
		if year == 2021 {
			// s1, s3, s4: mean and population sd as published.
			got := fmt.Sprintf("%.5f %.5f %.5f %.5f %.5f %.5f", m.Mean[0], m.SD[0], m.Mean[1], m.SD[1], m.Mean[2], m.SD[2])
			if want := "4.97157 2.94390 10.91801 7.07275 24.54042 16.65444"; got != want {
				t.Errorf("2021 means and sds %s, want %s", got, want)
			}
			if fmt.Sprint(counts[0][1:], counts[1][1:4]) != "[75 366 46 49] [48 436 52]" {
				t.Errorf("2021 class counts %v %v, want 75/366/46/49 and 48/436/52", counts[0][1:], counts[1][1:4])
			}
			for a, r := range inputs {
				if r["id"] == "01100101" && (math.Abs(m.StatusIndex[a]+0.33) > 0.005 || math.Abs(m.DynamicIndex[a]-1.27) > 0.005) {
					t.Errorf("Stülerstraße: status %.4f, dynamic %.4f; published -0.33, 1.27", m.StatusIndex[a], m.DynamicIndex[a])
				}
			}
		}
	}
}

// Values exactly on a class bound land in the class docs/methods.md
// section 1 gives them: −1 and 1 are mittel (status) and stabil
// (dynamic), 1.5 is niedrig; the next float beyond each bound is in the
// next class.
func TestMSSClassBounds(t *testing.T) {
	up := func(x float64) float64 { return math.Nextafter(x, math.Inf(1)) }
	down := func(x float64) float64 { return math.Nextafter(x, math.Inf(-1)) }
	for _, tc := range []struct {
		x               float64
		status, dynamic int
	}{
		{-2, 1, 1},
		{down(-1), 1, 1},
		{-1, 2, 2},
		{up(-1), 2, 2},
		{0, 2, 2},
		{down(1), 2, 2},
		{1, 2, 2},
		{up(1), 3, 3},
		{1.25, 3, 3},
		{down(1.5), 3, 3},
		{1.5, 3, 3},
		{up(1.5), 4, 3},
		{3, 4, 3},
	} {
		if s, d := mssStatusClass(tc.x), mssDynamicClass(tc.x); s != tc.status || d != tc.dynamic {
			t.Errorf("index %v: status class %d (%s), dynamic class %d (%s); want %d (%s), %d (%s)", tc.x,
				s, MSSStatusNames[s], d, MSSDynamicNames[d], tc.status, MSSStatusNames[tc.status], tc.dynamic, MSSDynamicNames[tc.dynamic])
		}
	}
}

// Through ComputeMSS: shares whose indices come out exactly on the bounds
// (a single indicator's index is its z-score; 10, 10, 20, 20 have mean 15
// and population sd 5, so z = ±1; 13, 7, 11, 9, 10 have mean 10 and sd 2,
// so z = ±1.5, ±0.5, 0, all exact in floating point) get the classes of
// the bounds.
func TestMSSIndexOnClassBound(t *testing.T) {
	for _, tc := range []struct {
		name            string
		x               []float64
		index           []float64
		status, dynamic []int
	}{
		{"±1", []float64{10, 10, 20, 20}, []float64{-1, -1, 1, 1}, []int{2, 2, 2, 2}, []int{2, 2, 2, 2}},
		{"±1.5", []float64{13, 7, 11, 9, 10}, []float64{1.5, -1.5, 0.5, -0.5, 0}, []int{3, 1, 2, 2, 2}, []int{3, 1, 2, 2, 2}},
	} {
		valid := make([]bool, len(tc.x))
		for i := range valid {
			valid[i] = true
		}
		m, err := ComputeMSS([][]float64{tc.x}, [][]float64{tc.x}, valid)
		if err != nil {
			t.Fatal(err)
		}
		if fmt.Sprint(m.StatusIndex, m.DynamicIndex) != fmt.Sprint(tc.index, tc.index) {
			t.Fatalf("%s: indices %v, %v; want exactly %v", tc.name, m.StatusIndex, m.DynamicIndex, tc.index)
		}
		if fmt.Sprint(m.StatusClass, m.DynamicClass) != fmt.Sprint(tc.status, tc.dynamic) {
			t.Errorf("%s: indices %v: status classes %v, dynamic %v; want %v, %v", tc.name, tc.index, m.StatusClass, m.DynamicClass, tc.status, tc.dynamic)
		}
	}
}
