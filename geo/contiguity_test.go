package geo

import (
	"fmt"
	"testing"
)

// Neighbours are found across an edge split by an extra vertex, across
// a gap up to the tolerance, and at a single shared corner; an area
// apart from all others is an island.
func TestQueen(t *testing.T) {
	a, err := readTest(t, "contiguity.geojson", ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		tol  float64
		want string
	}{
		{1, "A:[1] B:[0 2] C:[1 3] D:[2 4] E:[3] F:[]"},
		{0.1, "A:[1] B:[0 2] C:[1] D:[4] E:[3] F:[]"}, // the 0.5 m gap is too wide
	}
	for _, tc := range tests {
		nb := Queen(a, tc.tol)
		got := ""
		for i, n := range nb {
			if i > 0 {
				got += " "
			}
			got += fmt.Sprintf("%s:%v", a.Keys[i], n)
		}
		if got != tc.want {
			t.Errorf("tolerance %v: %s, want %s", tc.tol, got, tc.want)
		}
		if is := nb.Islands(); len(is) != 1 || a.Keys[is[0]] != "F" {
			t.Errorf("islands %v", is)
		}
	}
}
