package analysis

import (
	"encoding/csv"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
)

const mssReference = "../../shared/reference/berlin/mss"

func readCSVFile(t *testing.T, path string) []map[string]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Skipf("reference data %s not found (the shared reference folder is not beside the project): %v", path, err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var out []map[string]string
	for _, r := range rows[1:] {
		m := map[string]string{}
		for i, h := range rows[0] {
			m[h] = r[i]
		}
		out = append(out, m)
	}
	return out
}

// Every official status, dynamic and combined class of the five MSS
// editions 2013–2021 is reproduced from the published indicators, the
// valid areas being those the city classified.
func TestMSSOfficialClasses(t *testing.T) {
	for _, year := range []int{2013, 2015, 2017, 2019, 2021} {
		inputs := readCSVFile(t, filepath.Join(mssReference, fmt.Sprintf("mss-%d-inputs.csv", year)))
		official := readCSVFile(t, filepath.Join(mssReference, fmt.Sprintf("mss-%d-official-classes.csv", year)))
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
