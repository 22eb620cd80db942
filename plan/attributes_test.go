package plan

import "testing"

// An area key is unique, not a measure with a fraction, not a long text;
// names such as PLR_ID or schluessel say they are keys.
func TestAttributeKeyLike(t *testing.T) {
	tests := []struct {
		a              Attribute
		keyLike, named bool
	}{
		{Attribute{Name: "PLR_ID", Features: 542, Distinct: 542, Longest: 8}, true, true},
		{Attribute{Name: "GROESSE_M2", Features: 542, Distinct: 542, Numeric: true, Fractional: true, Longest: 10}, false, false},
		{Attribute{Name: "bounding_box", Features: 448, Distinct: 448, Longest: 80}, false, false},
		{Attribute{Name: "id", Features: 448, Distinct: 447, Longest: 8}, false, true},
		{Attribute{Name: "schluessel", Features: 38, Distinct: 38, Numeric: true, Longest: 4}, true, true},
		{Attribute{Name: "name", Features: 10, Distinct: 10, Empty: 1, Longest: 20}, false, false},
		{Attribute{Name: "width", Features: 10, Distinct: 10, Longest: 3}, true, false},
	}
	for _, tc := range tests {
		if got := tc.a.KeyLike(); got != tc.keyLike {
			t.Errorf("%s: KeyLike %v, want %v", tc.a.Name, got, tc.keyLike)
		}
		if got := tc.a.NamedAsKey(); got != tc.named {
			t.Errorf("%s: NamedAsKey %v, want %v", tc.a.Name, got, tc.named)
		}
	}
}
