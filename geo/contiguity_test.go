package geo

import (
	"fmt"
	"slices"
	"testing"

	"github.com/paulmach/orb"
)

// Neighbours are found across an edge split by an extra vertex, across
// a gap up to the tolerance, and at a single shared corner; an area
// apart from all others is an island.
// Rook contiguity needs a shared stretch: the corner contact of D and E
// does not count.
func TestContiguity(t *testing.T) {
	a, err := readTest(t, "contiguity.geojson", ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		rule string
		tol  float64
		want string
	}{
		{"queen", 1, "A:[1] B:[0 2] C:[1 3] D:[2 4] E:[3] F:[]"},
		{"queen", 0.1, "A:[1] B:[0 2] C:[1] D:[4] E:[3] F:[]"}, // the 0.5 m gap is too wide
		{"rook", 1, "A:[1] B:[0 2] C:[1 3] D:[2] E:[] F:[]"},
		{"rook", 0.1, "A:[1] B:[0 2] C:[1] D:[] E:[] F:[]"},
	}
	for _, tc := range tests {
		var nb Neighbours
		if tc.rule == "queen" {
			nb = Queen(a, tc.tol)
		} else {
			nb = Rook(a, tc.tol)
		}
		if got := neighbourString(a.Keys, nb); got != tc.want {
			t.Errorf("%s, tolerance %v: %s, want %s", tc.rule, tc.tol, got, tc.want)
		}
		if is := nb.Islands(); len(is) == 0 || a.Keys[is[len(is)-1]] != "F" {
			t.Errorf("%s, tolerance %v: islands %v", tc.rule, tc.tol, is)
		}
	}
}

func neighbourString(keys []string, nb Neighbours) string {
	got := ""
	for i, n := range nb {
		if i > 0 {
			got += " "
		}
		got += fmt.Sprintf("%s:%v", keys[i], n)
	}
	return got
}

// Two squares 1 m apart, one with its shared side split by an extra
// vertex: neighbours, queen and rook, with a tolerance of 1 m; not with
// half a metre.
func TestContiguityOneMetreGap(t *testing.T) {
	a := gridAreas(2, 1, 100)
	// Move the second square 1 m east and split its west side.
	x0, y0 := 300101.0, 5600000.0
	a.Geoms[1] = orb.MultiPolygon{{{{x0, y0}, {x0 + 100, y0}, {x0 + 100, y0 + 100}, {x0, y0 + 100}, {x0, y0 + 37.5}, {x0, y0}}}}
	for _, tc := range []struct {
		tol  float64
		want string
	}{{1, "[[1] [0]]"}, {0.5, "[[] []]"}} {
		for name, nb := range map[string]Neighbours{"queen": Queen(a, tc.tol), "rook": Rook(a, tc.tol)} {
			if got := fmt.Sprint(nb); got != tc.want {
				t.Errorf("%s, tolerance %g: %s, want %s", name, tc.tol, got, tc.want)
			}
		}
	}
}

// Corners in the middle of another area's edge (testdata/tjunction.geojson):
// N is a bar whose only vertices are its four corners; the squares A and
// B below it have their top corners on N's bottom edge (A, B and N meet
// at a T-junction), and the triangle D touches that edge with its apex
// alone. Every contact is found from one side only, a vertex of A, B or D
// on an edge of N, so queen contiguity must enter each pair both ways.
// Rook needs a shared stretch: D's apex is not one.
func TestContiguityTJunction(t *testing.T) {
	a, err := readTest(t, "tjunction.geojson", ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		rule string
		tol  float64
		want string
	}{
		{"queen", 0.1, "A:[1 3] B:[0 3] D:[3] N:[0 1 2]"},
		{"queen", 0, "A:[1 3] B:[0 3] D:[3] N:[0 1 2]"},
		{"rook", 0.1, "A:[1 3] B:[0 3] D:[] N:[0 1]"},
		{"rook", 0, "A:[1 3] B:[0 3] D:[] N:[0 1]"},
	} {
		nb := Queen(a, tc.tol)
		if tc.rule == "rook" {
			nb = Rook(a, tc.tol)
		}
		if got := neighbourString(a.Keys, nb); got != tc.want {
			t.Errorf("%s, tolerance %v: %s, want %s", tc.rule, tc.tol, got, tc.want)
		}
		for i, row := range nb {
			for _, j := range row {
				if !slices.Contains(nb[j], i) {
					t.Errorf("%s, tolerance %v: %s lists %s, %s does not list %s", tc.rule, tc.tol, a.Keys[i], a.Keys[j], a.Keys[j], a.Keys[i])
				}
			}
		}
	}
}
