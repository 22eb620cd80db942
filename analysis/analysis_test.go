package analysis

import (
	"bufio"
	"encoding/csv"
	"math"
	"os"
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

// Quantile bounds and counts equal R classInt's (style "quantile", upper-
// inclusive intervals) on the Columbus crime data; testdata holds the
// values and the script that produced the reference.
func TestQuantilesAgainstClassInt(t *testing.T) {
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
	for _, row := range rows[1:] {
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
	if len(c.Bounds) != 2 || c.Note == "" || c.Class(math.NaN()) != -1 || c.Class(1) != 0 || c.Class(2) != 1 {
		t.Errorf("classes %+v", c)
	}
}
