package datasets

import (
	"slices"
	"testing"
)

// TestTextColumn checks that codes number the levels in the order they
// first occur, also after appending another column and after rows are
// dropped (renumber), and that every row reads back its text.
func TestTextColumn(t *testing.T) {
	cases := []struct {
		name       string
		rows, more []string
		keep       []int // rows kept before renumber; nil keeps all
		codes      []int32
		levels     []string
	}{
		{name: "runs", rows: []string{"b", "b", "a", "b", "c"}, codes: []int32{0, 0, 1, 0, 2}, levels: []string{"b", "a", "c"}},
		{name: "empty text", rows: []string{"", "x", ""}, codes: []int32{0, 1, 0}, levels: []string{"", "x"}},
		{name: "append column", rows: []string{"01", "02"}, more: []string{"03", "01", "03"},
			codes: []int32{0, 1, 2, 0, 2}, levels: []string{"01", "02", "03"}},
		{name: "dropped rows", rows: []string{"a", "b", "c", "b"}, keep: []int{2, 3},
			codes: []int32{0, 1}, levels: []string{"c", "b"}},
	}
	for _, tc := range cases {
		var c TextColumn
		for _, s := range tc.rows {
			c.Append(s)
		}
		want := append(append([]string(nil), tc.rows...), tc.more...)
		if tc.more != nil {
			var o TextColumn
			for _, s := range tc.more {
				o.Append(s)
			}
			c.appendColumn(o)
		}
		if tc.keep != nil {
			var codes []int32
			want = want[:0]
			for _, r := range tc.keep {
				codes = append(codes, c.Codes[r])
				want = append(want, tc.rows[r])
			}
			c.Codes = codes
			c.renumber()
		}
		if !slices.Equal(c.Codes, tc.codes) || !slices.Equal(c.Levels, tc.levels) || !slices.Equal(c.Strings(), want) {
			t.Errorf("%s: codes %v levels %q rows %q, want %v %q %q", tc.name, c.Codes, c.Levels, c.Strings(), tc.codes, tc.levels, want)
		}
		c.seal()
		c.Append(tc.levels[0]) // the index is rebuilt after seal
		if n := len(c.Codes); c.Codes[n-1] != 0 || len(c.Levels) != len(tc.levels) {
			t.Errorf("%s: after seal, %q has code %d of %d levels", tc.name, tc.levels[0], c.Codes[n-1], len(c.Levels))
		}
	}
}

// TestSetKeysRenumbers drops the rows without a key and checks that the
// dimension's levels are those of the kept rows, in their order.
func TestSetKeysRenumbers(t *testing.T) {
	tab := tableOf("p.csv", []string{"x", "x", "x"}, []int{2020, 2021, 2020}, []int{2, 3, 4},
		[][]string{{"m", "w", "d"}}, [][]float64{{1, 2, 3}}, [][]Flag{{0, 0, 0}})
	tab.SetKeys([]string{"", "A", "B"})
	if got := keysOf(tab); !slices.Equal(got, []string{"A", "B"}) {
		t.Errorf("keys %q", got)
	}
	if d := tab.DimColumn(0); !slices.Equal(d.Levels, []string{"w", "d"}) || !slices.Equal(d.Codes, []int32{0, 1}) {
		t.Errorf("dimension levels %q codes %v", d.Levels, d.Codes)
	}
	if !slices.Equal(yearsOf(tab), []int{2021, 2020}) || !slices.Equal(linesOf(tab), []int{3, 4}) || !slices.Equal(tab.Values[0], []float64{2, 3}) {
		t.Errorf("years %v lines %v values %v", yearsOf(tab), linesOf(tab), tab.Values[0])
	}
}
