package survey

import (
	"math"
	"strings"
	"testing"
)

// TestErrors checks that invalid input is refused with the right text.
func TestErrors(t *testing.T) {
	w := []float64{2, 2, 3, 3}
	d, err := NewDesign(w, Options{Strata: []string{"a", "a", "b", "b"}})
	if err != nil {
		t.Fatal(err)
	}
	y := []float64{1, 0, 1, 1}
	for _, c := range []struct {
		name string
		err  func() error
		want string
	}{
		{"zero weight", func() error { _, err := NewDesign([]float64{1, 0}, Options{}); return err }, "row 2 has the weight 0"},
		{"NaN weight", func() error { _, err := NewDesign([]float64{math.NaN()}, Options{}); return err }, "row 1 has the weight NaN"},
		{"no rows", func() error { _, err := NewDesign(nil, Options{}); return err }, "no rows"},
		{"strata length", func() error { _, err := NewDesign(w, Options{Strata: []string{"a"}}); return err }, "strata have 1 entries"},
		{"fpc varies", func() error {
			_, err := NewDesign(w, Options{Strata: []string{"a", "a", "b", "b"}, FPC: []float64{10, 11, 10, 10}})
			return err
		}, `varies within stratum "a"`},
		{"fpc too small", func() error {
			_, err := NewDesign(w, Options{FPC: []float64{3, 3, 3, 3}})
			return err
		}, "has 4 PSUs in the sample but a population of 3"},
		{"lonely", func() error {
			_, err := NewDesign(w, Options{Strata: []string{"a", "a", "b", "b"}, Clusters: []string{"1", "2", "3", "3"}})
			return err
		}, `stratum "b" has only one PSU`},
		{"variable length", func() error { _, err := d.Mean(y[:3]); return err }, "3 values for 4 rows"},
		{"level", func() error { _, err := d.CIProp(y, nil, CIBeta, 95); return err }, "level 95"},
		{"group without population", func() error {
			_, err := d.PostStratify([]string{"x", "x", "y", "y"}, map[string]float64{"x": 10})
			return err
		}, `group "y" is in the sample`},
		{"population without group", func() error {
			_, err := d.PostStratify([]string{"x", "x", "y", "y"}, map[string]float64{"x": 10, "y": 5, "z": 1})
			return err
		}, `group "z" has a population count`},
		{"calibration fails", func() error {
			_, err := d.Calibrate([][]float64{{1, 1, 1, 1}}, []float64{100}, CalibrateOptions{Lower: 0.5, Upper: 2})
			return err
		}, "did not converge"},
		{"trim bounds", func() error { _, err := d.TrimWeights(5, 1, false); return err }, "lower bound 5 exceeds"},
	} {
		err := c.err()
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want %q", c.name, err, c.want)
		}
	}
}

// TestTopBox checks the indicator helpers.
func TestTopBox(t *testing.T) {
	got := AtLeast([]float64{1, 4, 5, math.NaN(), 3}, 4)
	want := []float64{0, 1, 1, math.NaN(), 0}
	for i := range want {
		if got[i] != want[i] && !(math.IsNaN(got[i]) && math.IsNaN(want[i])) {
			t.Errorf("AtLeast[%d] = %v, want %v", i, got[i], want[i])
		}
	}
	if got := Indicator([]string{"a", "b", "a"}, "a"); got[0] != 1 || got[1] != 0 || got[2] != 1 {
		t.Errorf("Indicator = %v", got)
	}
}
