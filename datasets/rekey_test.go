package datasets

import (
	"fmt"
	"math"
	"strings"
	"testing"
)

// TestRekey moves the rows of one year from older keys to newer ones:
// older area A goes 1/4 to a1 and 3/4 to a2 (the second column by other
// shares), B wholly to b; rows of the same key, year and dimension are
// summed, a missing value makes the sum missing, a share of 0 moves
// nothing, and every row keeps its file and line.
func TestRekey(t *testing.T) {
	parts := []*Table{
		tableOf("2019.csv", []string{"A", "A", "B"}, []int{2019, 2019, 2019}, []int{2, 3, 4},
			[][]string{{"m", "f", "m"}}, [][]float64{{100, 60, 50}, {10, math.NaN(), 5}},
			[][]Flag{{0, 0, 0}, {0, Confidential, 0}}),
		tableOf("2021.csv", []string{"a1", "a2"}, []int{2021, 2021}, []int{2, 3},
			[][]string{{"m", "m"}}, [][]float64{{30, 90}, {3, 9}}, [][]Flag{{0, 0}, {0, 0}}),
	}
	in, err := Concat("*.csv", parts)
	if err != nil {
		t.Fatal(err)
	}
	out := in.Rekey(func(i int) ([]Piece, bool) {
		switch in.Key(i) {
		case "A":
			return []Piece{{Key: "a1", Shares: []float64{0.25, 0}, Flag: Estimated}, {Key: "a2", Shares: []float64{0.75, 1}, Flag: Estimated}}, true
		case "B":
			return []Piece{{Key: "b", Shares: []float64{1, 1}}}, true
		}
		return nil, false
	})
	var got []string
	for i := range out.Len() {
		got = append(got, fmt.Sprintf("%s %d %s %g/%v %g/%v %s", out.Key(i), out.Year(i), out.Dim(0, i),
			out.Values[0][i], out.Flags[0][i], out.Values[1][i], out.Flags[1][i], out.Loc(i)))
	}
	want := []string{
		"a1 2019 m 25/estimated 0/estimated 2019.csv:2",
		"a2 2019 m 75/estimated 10/estimated 2019.csv:2",
		"a1 2019 f 15/estimated 0/estimated 2019.csv:3",
		"a2 2019 f 45/estimated NaN/confidential+estimated 2019.csv:3",
		"b 2019 m 50/ 5/ 2019.csv:4",
		"a1 2021 m 30/ 3/ 2021.csv:2",
		"a2 2021 m 90/ 9/ 2021.csv:3",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// two older rows landing on the same key, year and dimension are one
	sum := in.Rekey(func(i int) ([]Piece, bool) {
		if in.Year(i) != 2019 || in.Dim(0, i) != "m" {
			return nil, in.Year(i) == 2019 // the f row is dropped
		}
		return []Piece{{Key: "all", Shares: []float64{1, 1}}}, true
	})
	if sum.Len() != 3 || sum.Key(0) != "all" || sum.Values[0][0] != 150 || sum.Values[1][0] != 15 {
		t.Errorf("summed rows: keys %v values %v", keysOf(sum), sum.Values)
	}
}
