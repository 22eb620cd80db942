// Command spatialbench times planatlas's spatial statistics on the
// 400 × 250 queen grid (100,000 areas) and runs R spdep and PySAL (esda)
// on the same grid and values where they are installed:
//
//	go run ./benchmarks/cmd/spatialbench
//
// planatlas's times are the best of -runs runs and include building the
// weights' constants; the peers run once. Figures go into the notes, never
// into tests.
package main

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"planatlas/analysis"
	"planatlas/benchmarks"
	"planatlas/geo"
)

func main() {
	runs := flag.Int("runs", 3, "runs per measurement (the best counts)")
	peers := flag.Bool("peers", true, "run R spdep and PySAL where installed")
	flag.Parse()
	const nx, ny = 400, 250
	dir, err := os.MkdirTemp("", "spatialbench")
	if err != nil {
		fail(err)
	}
	defer func() { _ = os.RemoveAll(dir) }() // a temporary folder: nothing to lose
	gridFile, valFile := filepath.Join(dir, "grid.geojson"), filepath.Join(dir, "values.csv")
	f, err := os.Create(gridFile)
	if err != nil {
		fail(err)
	}
	if err := benchmarks.WriteGridGeoJSON(f, nx, ny, 100); err != nil {
		fail(err)
	}
	if err := f.Close(); err != nil {
		fail(err)
	}
	x := benchmarks.GridValues(nx, ny, 1)
	var b strings.Builder
	b.WriteString("value\n")
	for _, v := range x {
		fmt.Fprintf(&b, "%.17g\n", v)
	}
	if err := os.WriteFile(valFile, []byte(b.String()), 0o644); err != nil {
		fail(err)
	}

	data, err := os.ReadFile(gridFile)
	if err != nil {
		fail(err)
	}
	l, err := geo.ReadGeoJSONLayer(data, gridFile)
	if err != nil {
		fail(err)
	}
	a, err := l.Areas(geo.ReadOptions{Key: "key"})
	if err != nil {
		fail(err)
	}
	w := geo.NewWeights(a.Keys, geo.Queen(a, 0.1), "queen", geo.RowStandardised)
	best := func(fn func()) float64 {
		var bt time.Duration
		for r := 0; r < *runs; r++ {
			t0 := time.Now()
			fn()
			if d := time.Since(t0); r == 0 || d < bt {
				bt = d
			}
		}
		return bt.Seconds()
	}
	var I float64
	tm := best(func() { g, _ := analysis.Moran(x, w); I = g.Stat })
	check := func(_ any, err error) {
		if err != nil {
			fail(err)
		}
	}
	tp := best(func() { check(analysis.MoranPermutation(x, w, 999, 1)) })
	tl := best(func() { check(analysis.LocalMoranPermutation(x, w, 999, 1, 0.05, false)) })
	tg := best(func() { _, _, err := analysis.GiStarPermutation(x, w, 999, 1); check(nil, err) })
	fmt.Println("| tool | Moran (analytic) | Moran, 999 permutations | local Moran, 999 | Gi*, 999 | I |")
	fmt.Println("|---|---:|---:|---:|---:|---:|")
	fmt.Printf("| planatlas | %.3f s | %.3f s | %.3f s | %.3f s | %.12f |\n", tm, tp, tl, tg, I)
	if !*peers {
		return
	}
	here, _ := os.Getwd()
	for _, p := range []struct{ name, cmd, script string }{
		{"R spdep", "Rscript", "spatial.R"},
		{"PySAL (esda)", "/usr/bin/python3", "spatial.py"},
	} {
		out, err := exec.Command(p.cmd, filepath.Join(here, "benchmarks", "peers", p.script), gridFile, valFile).Output()
		if err != nil {
			fmt.Printf("| %s | not run: %v | | | | |\n", p.name, err)
			continue
		}
		var a1, a2, a3, a4, i float64
		if _, err := fmt.Sscanf(strings.TrimSpace(string(out)), "moran %g moran_mc999 %g localmoran_perm999 %g localG_perm999 %g I %g", &a1, &a2, &a3, &a4, &i); err != nil {
			fmt.Printf("| %s | unreadable output %q | | | | |\n", p.name, out)
			continue
		}
		fmt.Printf("| %s | %.3f s | %.3f s | %.3f s | %.3f s | %.12f |\n", p.name, a1, a2, a3, a4, i)
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "spatialbench:", err)
	os.Exit(1)
}
