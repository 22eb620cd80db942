package analysis

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"sort"
	"strconv"
	"strings"
	"testing"
)

func TestZScoresPopulationSD(t *testing.T) {
	x := []float64{2, 4, 4, 4, 5, 5, 7, 9, math.NaN()}
	z, mean, sd, ok := ZScores(x, false)
	if !ok || mean != 5 || sd != 2 { // the textbook example: population sd 2
		t.Fatalf("mean %v sd %v ok %v, want 5, 2", mean, sd, ok)
	}
	if z[0] != -1.5 || z[7] != 2 || !math.IsNaN(z[8]) {
		t.Errorf("z = %v", z)
	}
	_, _, sdS, _ := ZScores(x, true)
	if math.Abs(sdS-math.Sqrt(32.0/7)) > 1e-15 {
		t.Errorf("sample sd = %v", sdS)
	}
	z, _, _, ok = ZScores([]float64{3, 3, 3}, false)
	if ok || z[0] != 0 {
		t.Errorf("constant values: z %v ok %v", z, ok)
	}
}

func TestZSumAndRank(t *testing.T) {
	cs := []Component{
		{ID: "sgb2", Values: []float64{10, 20, 30, math.NaN()}, Need: 1, Weight: 2},
		{ID: "beschaeftigt", Values: []float64{60, 50, 40, 55}, Need: -1, Weight: 1},
	}
	ix, err := ZSum(cs, false)
	if err != nil {
		t.Fatal(err)
	}
	// sgb2: mean 20, population sd sqrt(200/3); beschaeftigt on all four: mean 51.25
	s1 := math.Sqrt(200.0 / 3)
	s2 := math.Sqrt((8.75*8.75 + 1.25*1.25 + 11.25*11.25 + 3.75*3.75) / 4)
	want0 := 2*(-10/s1) - (60-51.25)/s2
	if math.Abs(ix.Values[0]-want0) > 1e-12 {
		t.Errorf("index[0] = %v, want %v", ix.Values[0], want0)
	}
	if !math.IsNaN(ix.Values[3]) {
		t.Errorf("an area with a missing component got %v", ix.Values[3])
	}
	r := Rank(ix.Values, ix.Contrib)
	if r.Rank[2] != 1 || r.Rank[1] != 2 || r.Rank[0] != 3 || r.Rank[3] != 0 {
		t.Errorf("ranks %v", r.Rank)
	}
	if r.Drivers[2][0] != 0 || r.Order[3] != 3 {
		t.Errorf("drivers %v order %v", r.Drivers, r.Order)
	}
	mean, _ := ZSum(cs, true)
	if math.Abs(mean.Values[0]-want0/3) > 1e-12 {
		t.Errorf("mean index = %v, want %v", mean.Values[0], want0/3)
	}
	if _, err := ZSum([]Component{{ID: "a", Values: []float64{1}, Need: 1, Weight: 0}}, false); err == nil {
		t.Error("weight 0 accepted")
	}
}

func TestRankTies(t *testing.T) {
	r := Rank([]float64{1, 3, 3, math.NaN(), 0.1 + 0.2, 0.3}, nil)
	want := []int{3, 1, 1, 0, 4, 4} // 0.1+0.2 and 0.3 differ only in the last bit: a tie
	for i := range want {
		if r.Rank[i] != want[i] {
			t.Errorf("ranks %v, want %v", r.Rank, want)
			break
		}
	}
	if !r.Tie[1] || !r.Tie[2] || !r.Tie[4] || !r.Tie[5] || r.Tie[0] {
		t.Errorf("ties %v", r.Tie)
	}
}

// readClassInt reads testdata/classint_reference.csv: the 49 Columbus
// values from its first line, then the rows style, k, bounds, counts.
func readClassInt(t *testing.T) ([]float64, [][]string) {
	t.Helper()
	f, err := os.Open("testdata/classint_reference.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	br := bufio.NewReader(f)
	first, _ := br.ReadString('\n')
	var x []float64
	for _, s := range strings.Fields(strings.TrimPrefix(first, "# values:")) {
		v, err := strconv.ParseFloat(s, 64)
		if err != nil {
			t.Fatal(err)
		}
		x = append(x, v)
	}
	if len(x) != 49 {
		t.Fatalf("%d values", len(x))
	}
	rows, err := csv.NewReader(br).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return x, rows
}

// Quantile bounds and counts equal R classInt's (style "quantile", upper-
// inclusive intervals) on the Columbus crime data; testdata holds the
// values and the script that produced the reference.
func TestQuantilesAgainstClassInt(t *testing.T) {
	x, rows := readClassInt(t)
	for _, row := range rows[1:] {
		if row[0] != "quantile" {
			continue
		}
		k, _ := strconv.Atoi(row[1])
		var want []float64
		for _, s := range strings.Fields(row[2]) {
			v, _ := strconv.ParseFloat(s, 64)
			want = append(want, v)
		}
		c, err := Quantiles(x, k)
		if err != nil {
			t.Fatal(err)
		}
		if c.Min != want[0] || len(c.Bounds) != k {
			t.Errorf("k=%d: min %v, %d bounds", k, c.Min, len(c.Bounds))
			continue
		}
		for i, b := range c.Bounds {
			if math.Abs(b-want[i+1]) > 1e-12*math.Abs(want[i+1]) {
				t.Errorf("k=%d: bound %d = %.17g, classInt %.17g", k, i, b, want[i+1])
			}
		}
		var counts []string
		for _, n := range c.Counts {
			counts = append(counts, strconv.Itoa(n))
		}
		if got := strings.Join(counts, " "); got != row[3] {
			t.Errorf("k=%d: counts %s, classInt %s", k, got, row[3])
		}
	}
}

func TestQuantilesFewValues(t *testing.T) {
	c, err := Quantiles([]float64{1, 1, 1, 2, math.NaN()}, 5)
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Bounds) != 2 || c.Note.Format == "" || c.Class(math.NaN()) != -1 || c.Class(1) != 0 || c.Class(2) != 1 {
		t.Errorf("classes %+v", c)
	}
}

// Every classification with a classInt counterpart gives classInt's
// bounds and counts on the Columbus data: equal intervals, exact Jenks
// (Fisher–Jenks), maximum breaks, head/tail breaks and the box plot
// (whose fences outside the values planatlas drops, as their classes are
// empty).
func TestClassificationsAgainstClassInt(t *testing.T) {
	x, rows := readClassInt(t)
	methods := map[string]string{"quantile": "quantile", "equal": "equal", "jenks": "fisher", "maximum": "maximum", "headtails": "headtails", "box": "box"}
	seen := map[string]bool{}
	for _, row := range rows[1:] {
		k, _ := strconv.Atoi(row[1])
		lo, hi := x[0], x[0]
		for _, v := range x {
			lo, hi = math.Min(lo, v), math.Max(hi, v)
		}
		var want []float64
		for _, s := range strings.Fields(row[2])[1:] {
			v, _ := strconv.ParseFloat(s, 64)
			if v > lo && v < hi || v == hi {
				want = append(want, v)
			}
		}
		if want[len(want)-1] != hi {
			want = append(want, hi)
		}
		var wantCounts []int
		for _, s := range strings.Fields(row[3]) {
			if n, _ := strconv.Atoi(s); n > 0 {
				wantCounts = append(wantCounts, n)
			}
		}
		c, err := Classify(methods[row[0]], x, k, nil)
		if err != nil {
			t.Fatal(err)
		}
		seen[row[0]] = true
		ok := len(c.Bounds) == len(want)
		for i := 0; ok && i < len(want); i++ {
			ok = math.Abs(c.Bounds[i]-want[i]) <= 1e-12*math.Abs(want[i])
		}
		if !ok || fmt.Sprint(c.Counts) != fmt.Sprint(wantCounts) {
			t.Errorf("%s k=%d: bounds %v counts %v; classInt %v %v", row[0], k, c.Bounds, c.Counts, want, wantCounts)
		}
	}
	if len(seen) != 6 {
		t.Errorf("styles compared: %v", seen)
	}
}

// Fisher–Jenks is exact: on random data its partition is never worse
// than any found by brute force over all breaks (small n), and it is the
// O(k n log n) algorithm (10,000 values in milliseconds; see
// BenchmarkFisherJenks10k).
func TestFisherJenksOptimal(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	for trial := 0; trial < 50; trial++ {
		n := 6 + r.IntN(8)
		x := make([]float64, n)
		for i := range x {
			x[i] = math.Round(r.ExpFloat64()*100) / 10
		}
		sort.Float64s(x)
		for k := 2; k <= 4; k++ {
			c, err := FisherJenks(x, k)
			if err != nil {
				t.Fatal(err)
			}
			if len(distinct(x)) <= k {
				continue
			}
			got := partitionSSD(x, c.Bounds)
			best := bruteForceSSD(x, k)
			if got > best+1e-9 {
				t.Fatalf("%v k=%d: SSD %v, optimum %v (bounds %v)", x, k, got, best, c.Bounds)
			}
		}
	}
}

func partitionSSD(x, bounds []float64) float64 {
	var total float64
	start := 0
	for _, b := range bounds {
		end := start
		for end < len(x) && x[end] <= b {
			end++
		}
		total += ssdOf(x[start:end])
		start = end
	}
	return total
}

func ssdOf(x []float64) float64 {
	if len(x) == 0 {
		return 0
	}
	var m, s float64
	for _, v := range x {
		m += v
	}
	m /= float64(len(x))
	for _, v := range x {
		s += (v - m) * (v - m)
	}
	return s
}

func bruteForceSSD(x []float64, k int) float64 {
	best := math.Inf(1)
	var rec func(start, left int, acc float64)
	rec = func(start, left int, acc float64) {
		if left == 1 {
			best = math.Min(best, acc+ssdOf(x[start:]))
			return
		}
		for end := start + 1; end <= len(x)-left+1; end++ {
			rec(end, left-1, acc+ssdOf(x[start:end]))
		}
	}
	rec(0, k, 0)
	return best
}

func BenchmarkFisherJenks10k(b *testing.B) {
	r := rand.New(rand.NewPCG(1, 1))
	x := make([]float64, 10000)
	for i := range x {
		x[i] = r.NormFloat64()*10 + 50
	}
	for b.Loop() {
		if _, err := FisherJenks(x, 5); err != nil {
			b.Fatal(err)
		}
	}
}

func TestStandardise(t *testing.T) {
	x := []float64{3, 1, math.NaN(), 2, 2}
	for _, tc := range []struct {
		method string
		want   string
	}{
		{"minmax", "[1 0 NaN 0.5 0.5]"},
		{"percentile", "[1 0 NaN 0.3333333333333333 0.3333333333333333]"},
		{"rank", "[4 1 NaN 2.5 2.5]"},
		{"z", "[1.414213562373095 -1.414213562373095 NaN 0 0]"},
	} {
		got, err := Standardise(tc.method, x)
		if err != nil || fmt.Sprint(got) != tc.want {
			t.Errorf("%s: %v %v, want %s", tc.method, got, err, tc.want)
		}
	}
	e, _ := Standardise("exp", x)
	if math.Abs(e[0]-100) > 1e-9 || !(e[1] < e[3] && e[3] < e[0]) {
		t.Errorf("exp: %v", e)
	}
	if _, err := Standardise("zscore", x); err == nil {
		t.Error("unknown method accepted")
	}
}

// With min–max scaling a "lower is need" indicator scores 1 at its
// minimum.
func TestCombineMinMaxDirection(t *testing.T) {
	cs := []Component{
		{ID: "a", Values: []float64{0, 5, 10}, Need: 1, Weight: 1},
		{ID: "b", Values: []float64{0, 5, 10}, Need: -1, Weight: 1},
	}
	ix, err := Combine(cs, false, "minmax")
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(ix.Z) != "[[0 0.5 1] [1 0.5 0]]" || fmt.Sprint(ix.Values) != "[1 1 1]" {
		t.Errorf("z %v, values %v", ix.Z, ix.Values)
	}
}

func TestRecount(t *testing.T) {
	all := []float64{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}
	c, _ := Quantiles(all, 2) // bounds 5.5, 10
	r := c.Recount([]float64{1, 2, 9, math.NaN()})
	if fmt.Sprint(r.Bounds) != "[5.5 10]" || fmt.Sprint(r.Counts) != "[2 1]" || fmt.Sprint(c.Counts) != "[5 5]" {
		t.Errorf("bounds %v counts %v (original %v)", r.Bounds, r.Counts, c.Counts)
	}
}
