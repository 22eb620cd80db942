package plan

import (
	"bytes"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"
)

// The demo's spatial statistics: Moran's I of the need index with its
// permutation p, the LISA cluster map and the Moran scatterplot; the
// outputs are the same bytes with one thread and with two.
func TestDemoSpatial(t *testing.T) {
	run := func(procs int) (string, *Result) {
		old := runtime.GOMAXPROCS(procs)
		defer runtime.GOMAXPROCS(old)
		out, res, err := runDir(t, lightDemoDir(t, func(s string) string { return s }))
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
	notes := strings.Join(noteTexts(res.Notes), "\n")
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

// A distance band that reaches from the central area to every other (a
// star) or across the whole city runs in seconds (the conditional
// permutation used to draw n distinct values out of n − 1 for Gi* and
// never finished): the areas whose neighbours are all the others have
// pseudo p 1 for local Moran and Gi*, no Gi* z, and a note naming them.
// Johannisplatz's label point lies within 6,536 m of every other area's,
// the next area's within 7,009 m; the city spans 12,163 m.
func TestSpatialFullNeighbourhood(t *testing.T) {
	for _, tc := range []struct {
		name     string
		distance string
		full     []string // bedarfsindex's areas with every other as neighbour
		note     string
	}{
		{"centre reaches all", "6800", []string{"Johannisplatz"},
			"spatial bedarfsindex: 1 area(s) have every other area as neighbour, with equal weights (local Moran and Gi*): conditional permutation only reorders the same values, so their statistic cannot vary; pseudo p = 1, z undefined: Johannisplatz"},
		{"band covers the city", "20000", nil,
			"spatial bedarfsindex: every area has every other area as neighbour, with equal weights (all 38 areas): no spatial statistic can vary, every pseudo p is 1 and every z undefined; choose weights that do not reach across the whole city\n" +
				"spatial bedarfsindex: Moran's I -0.0270 (z undefined, permutation p 1.0000, n 38); clusters HH 0, LL 0, HL 0, LH 0"},
	} {
		dir := demoDir(t, func(s string) string {
			s = strings.Replace(s, "inputs:\n", "weights: {type: distance, distance: "+tc.distance+"}\ninputs:\n", 1)
			return strings.Replace(s, "images: [svg, png]", "images: [svg]", 1)
		})
		data := readOut(t, dir, "plan.yaml")
		p, err := Parse(data, "plan.yaml")
		if err != nil {
			t.Fatal(err)
		}
		var spatial time.Duration
		start := time.Now()
		res, err := Run(p, Dir(dir), Options{Out: filepath.Join(dir, "out"), PlanData: data,
			Progress: func(step, steps int, stage string, took time.Duration) {
				if strings.HasPrefix(stage, "Räumliche Statistik") {
					spatial = took
				}
			}})
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		t.Logf("%s: spatial statistics in %v, the whole run in %v", tc.name, spatial, time.Since(start))
		if spatial > 10*time.Second {
			t.Errorf("%s: spatial statistics took %v", tc.name, spatial)
		}
		if notes := strings.Join(noteTexts(res.Notes), "\n"); !strings.Contains(notes, tc.note) {
			t.Errorf("%s: notes lack %q:\n%s", tc.name, tc.note, notes)
		}
		rows := 0
		for _, line := range strings.Split(string(readOut(t, filepath.Join(dir, "out"), "lisa.csv")), "\n") {
			f := strings.Split(line, ";")
			if len(f) < 13 || f[0] != "bedarfsindex" {
				continue
			}
			rows++
			// value_id;key;name;value;local_moran;expected;variance;z;pseudo_p;lag;gi_star_z;gi_star_p;cluster
			full := tc.full == nil || slices.Contains(tc.full, f[2])
			if got := [4]string{f[7], f[8], f[10], f[11]}; full && got != [4]string{"", "1", "", "1"} {
				t.Errorf("%s: %s has z, pseudo p, Gi* z, Gi* p %q; want none, 1, none, 1", tc.name, f[2], got)
			}
			if !full && (f[8] == "1" || f[10] == "") {
				t.Errorf("%s: %s is not full but has pseudo p %s, Gi* z %q", tc.name, f[2], f[8], f[10])
			}
		}
		if rows != 38 {
			t.Errorf("%s: %d LISA rows for the index", tc.name, rows)
		}
	}
}

// The note on full areas: none, all, the same for both statistics, or
// different (general weights: Gi* takes the neighbours with weight 1).
func TestFullNotes(t *testing.T) {
	names := []string{"Markt", "Schloßberg", "Mühlgraben", "Johannisplatz"}
	const why = "have every other area as neighbour, with equal weights"
	for _, tc := range []struct {
		name     string
		lisa, gi []int
		n        int
		want     []string
	}{
		{"none", nil, nil, 4, nil},
		{"all", []int{0, 1, 2, 3}, []int{0, 1, 2, 3}, 4, []string{"spatial x: every area has every other area as neighbour, with equal weights (all 4 areas)"}},
		{"same", []int{3}, []int{3}, 4, []string{"spatial x: 1 area(s) " + why + " (local Moran and Gi*)"}},
		{"different", []int{2}, []int{0, 1, 2, 3}, 4, []string{"spatial x: 1 area(s) " + why + " (local Moran)", "spatial x: 4 area(s) " + why + " (Gi*)"}},
		{"Gi* only", nil, []int{0, 3}, 4, []string{"spatial x: 2 area(s) " + why + " (Gi*): conditional permutation only reorders the same values, so their statistic cannot vary; pseudo p = 1, z undefined: Markt, Johannisplatz"}},
	} {
		got := noteTexts(fullNotes("x", tc.lisa, tc.gi, tc.n, names))
		if len(got) != len(tc.want) {
			t.Errorf("%s: %q", tc.name, got)
			continue
		}
		for i := range got {
			if !strings.HasPrefix(got[i], tc.want[i]) {
				t.Errorf("%s: %q, want it to begin %q", tc.name, got[i], tc.want[i])
			}
		}
	}
}
