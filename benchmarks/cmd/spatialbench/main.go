// Command spatialbench times planatlas's spatial statistics on the
// 400 × 250 queen grid (100,000 areas) and runs R spdep and PySAL (esda)
// on the same grid and values where they are installed:
//
//	go run ./benchmarks/cmd/spatialbench
//
// planatlas's times are the best of -runs runs and include building the
// weights' constants; the peers run once. esda is not in Debian 12: -esda
// names the folder of esda 2.4.3 (the workplace's shared/peers), which is
// put on PYTHONPATH; numba's cache goes to a temporary folder, and
// peers/spatial.py compiles esda's kernels before its clock starts. PySAL
// runs twice, with one process and with as many as the machine has cores
// for the local statistics. Each peer's Moran's I is compared with
// planatlas's (to 1e-9) on standard error. Figures go into the notes,
// never into tests.
package main

import (
	"flag"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"time"

	"planatlas/analysis"
	"planatlas/benchmarks"
	"planatlas/geo"
)

func main() {
	runs := flag.Int("runs", 3, "runs per measurement (the best counts)")
	peers := flag.Bool("peers", true, "run R spdep and PySAL where installed")
	esda := flag.String("esda", "../shared/peers/esda-2.4.3", "folder of esda (put on PYTHONPATH where it exists)")
	nx := flag.Int("nx", 400, "columns of the grid")
	ny := flag.Int("ny", 250, "rows of the grid")
	flag.Parse()
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
	if err := benchmarks.WriteGridGeoJSON(f, *nx, *ny, 100); err != nil {
		fail(err)
	}
	if err := f.Close(); err != nil {
		fail(err)
	}
	x := benchmarks.GridValues(*nx, *ny, 1)
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
	pyEnv := append(os.Environ(), "NUMBA_CACHE_DIR="+filepath.Join(dir, "numba"))
	if abs, err := filepath.Abs(*esda); err == nil {
		if _, err := os.Stat(filepath.Join(abs, "esda")); err == nil {
			pyEnv = append(pyEnv, "PYTHONPATH="+abs+string(os.PathListSeparator)+os.Getenv("PYTHONPATH"))
		}
	}
	jobs := strconv.Itoa(runtime.NumCPU())
	for _, p := range []struct {
		name string
		env  []string
		args []string
	}{
		{"R spdep", nil, []string{"Rscript", "spatial.R"}},
		{"PySAL (esda), 1 process", pyEnv, []string{"/usr/bin/python3", "spatial.py", "1"}},
		{"PySAL (esda), " + jobs + " processes", pyEnv, []string{"/usr/bin/python3", "spatial.py", jobs}},
	} {
		args := append([]string{filepath.Join(here, "benchmarks", "peers", p.args[1]), gridFile, valFile}, p.args[2:]...)
		cmd := exec.Command(p.args[0], args...)
		cmd.Env = p.env
		var stderr strings.Builder
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		if err != nil {
			msg := strings.TrimSpace(stderr.String())
			if i := strings.LastIndex(msg, "\n"); i >= 0 {
				msg = msg[i+1:]
			}
			fmt.Printf("| %s | not run: %v %s | | | | |\n", p.name, err, msg)
			continue
		}
		var a1, a2, a3, a4, i float64
		if _, err := fmt.Sscanf(strings.TrimSpace(string(out)), "moran %g moran_mc999 %g localmoran_perm999 %g localG_perm999 %g I %g", &a1, &a2, &a3, &a4, &i); err != nil {
			fmt.Printf("| %s | unreadable output %q | | | | |\n", p.name, out)
			continue
		}
		fmt.Printf("| %s | %.3f s | %.3f s | %.3f s | %.3f s | %.12f |\n", p.name, a1, a2, a3, a4, i)
		verdict := "agrees with planatlas's to 1e-9"
		if math.Abs(i-I) > 1e-9 {
			verdict = "DIFFERS from planatlas's by more than 1e-9"
		}
		fmt.Fprintf(os.Stderr, "spatialbench: %s: Moran's I %.15f %s (%.15f, difference %.2g)\n", p.name, i, verdict, I, math.Abs(i-I))
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "spatialbench:", err)
	os.Exit(1)
}
