// Command geobench times reading planning areas and finding their
// neighbours on square grids of growing size, and runs the peers (R
// sf + spdep, Python geopandas + libpysal) on the same files where they
// are installed:
//
//	go run ./benchmarks/cmd/geobench -sizes 10000,100000
//
// Times are the best of -runs runs (the peers run once: they take
// long). Run it on an otherwise idle machine; the figures go into the
// issue notes, never into tests.
package main

import (
	"flag"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"planatlas/benchmarks"
	"planatlas/geo"
)

func main() {
	sizes := flag.String("sizes", "10000,100000", "numbers of areas, comma-separated")
	runs := flag.Int("runs", 3, "runs per measurement (the best counts)")
	peers := flag.Bool("peers", true, "run R spdep and libpysal where installed")
	flag.Parse()
	dir, err := os.MkdirTemp("", "geobench")
	if err != nil {
		fail(err)
	}
	defer func() { _ = os.RemoveAll(dir) }() // a temporary folder: nothing to lose
	here, _ := os.Getwd()
	fmt.Println("| areas | tool | read | queen | rook | links |")
	fmt.Println("|---:|---|---:|---:|---:|---:|")
	for _, s := range strings.Split(*sizes, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || n < 4 {
			fail(fmt.Errorf("bad size %q", s))
		}
		// A grid as square as 400 × 250 is for 100,000.
		nx := int(math.Round(math.Sqrt(float64(n) * 1.6)))
		ny := n / nx
		file := filepath.Join(dir, fmt.Sprintf("grid%d.geojson", nx*ny))
		f, err := os.Create(file)
		if err != nil {
			fail(err)
		}
		if err := benchmarks.WriteGridGeoJSON(f, nx, ny, 100); err != nil {
			fail(err)
		}
		if err := f.Close(); err != nil {
			fail(err)
		}
		var read, queen, rook time.Duration
		var links int
		for r := 0; r < *runs; r++ {
			t0 := time.Now()
			data, err := os.ReadFile(file)
			if err != nil {
				fail(err)
			}
			l, err := geo.ReadGeoJSONLayer(data, file)
			if err != nil {
				fail(err)
			}
			a, err := l.Areas(geo.ReadOptions{Key: "key", Name: "name"})
			if err != nil {
				fail(err)
			}
			t1 := time.Now()
			q := geo.Queen(a, 1e-7)
			t2 := time.Now()
			geo.Rook(a, 1e-7)
			t3 := time.Now()
			read, queen, rook = best(read, t1.Sub(t0)), best(queen, t2.Sub(t1)), best(rook, t3.Sub(t2))
			links = geo.NewWeights(a.Keys, q, "queen", geo.Binary).Links()
		}
		fmt.Printf("| %d | planatlas | %.3f s | %.3f s | %.3f s | %d |\n", nx*ny, read.Seconds(), queen.Seconds(), rook.Seconds(), links)
		if !*peers {
			continue
		}
		for _, p := range []struct{ name, cmd, script string }{
			{"R sf + spdep", "Rscript", "contiguity.R"},
			{"geopandas + libpysal", "/usr/bin/python3", "contiguity.py"},
		} {
			script := filepath.Join(here, "benchmarks", "peers", p.script)
			out, err := exec.Command(p.cmd, script, file).Output()
			if err != nil {
				fmt.Printf("| %d | %s | not run: %v | | | |\n", nx*ny, p.name, err)
				continue
			}
			var r, q, k float64
			var l int
			if _, err := fmt.Sscanf(strings.TrimSpace(string(out)), "read %g queen %g rook %g links %d", &r, &q, &k, &l); err != nil {
				fmt.Printf("| %d | %s | unreadable output %q | | | |\n", nx*ny, p.name, out)
				continue
			}
			fmt.Printf("| %d | %s | %.3f s | %.3f s | %.3f s | %d |\n", nx*ny, p.name, r, q, k, l)
		}
	}
}

func best(a, b time.Duration) time.Duration {
	if a == 0 || b < a {
		return b
	}
	return a
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "geobench:", err)
	os.Exit(1)
}
