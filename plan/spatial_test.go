package plan

import (
	"bytes"
	"runtime"
	"strings"
	"testing"
)

// The demo's spatial statistics: Moran's I of the need index with its
// permutation p, the LISA cluster map and the Moran scatterplot; the
// outputs are the same bytes with one thread and with two.
func TestDemoSpatial(t *testing.T) {
	run := func(procs int) (string, *Result) {
		old := runtime.GOMAXPROCS(procs)
		defer runtime.GOMAXPROCS(old)
		out, res, err := runDir(t, demoDir(t, func(s string) string { return s }))
		if err != nil {
			t.Fatal(err)
		}
		return out, res
	}
	out1, res := run(1)
	out2, _ := run(2)
	for _, f := range []string{"spatial.csv", "lisa.csv", "map-lisa-bedarfsindex.svg", "moran-bedarfsindex.svg"} {
		if !bytes.Equal(readOut(t, out1, f), readOut(t, out2, f)) {
			t.Errorf("%s differs between GOMAXPROCS=1 and 2", f)
		}
	}
	notes := strings.Join(res.Notes, "\n")
	// LL was 9 with the rejection sampler's draws: Großmölsen's pseudo
	// p moved from 0.040 to 0.056, within Monte Carlo error of 999
	// permutations (se 0.007 each).
	for _, want := range []string{
		"spatial bedarfsindex: Moran's I 0.5852 (z 6.24, permutation p 0.0010, n 38); clusters HH 8, LL 8, HL 1, LH 0",
		"spatial kinderarmut: 2 area(s) take no part: Tännicht (no value), Gut Ellerbach (no value)",
	} {
		if !strings.Contains(notes, want) {
			t.Errorf("notes lack %q", want)
		}
	}
	lisa := string(readOut(t, out1, "lisa.csv"))
	if n := strings.Count(lisa, "\nbedarfsindex;"); n != 38 {
		t.Errorf("%d LISA rows for the index", n)
	}
	if !strings.Contains(string(readOut(t, out1, "spatial.csv")), "bedarfsindex;Moran's I;38;0,585") {
		t.Errorf("spatial.csv:\n%s", readOut(t, out1, "spatial.csv"))
	}
}
