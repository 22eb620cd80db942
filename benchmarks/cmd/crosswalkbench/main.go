// Command crosswalkbench times the overlay of Berlin's two layers of
// planning areas — the 448 areas valid until 2020 and the 542 of 2021 —
// that moves data across the change of areas (geo.Crosswalk), and runs
// the peers on the same files where they are installed: R sf's
// st_intersection with st_interpolate_aw, and geopandas' overlay.
//
//	go run ./benchmarks/cmd/crosswalkbench
//
// Run it from the repository's root on an otherwise idle machine. Times
// are wall time of the overlay alone (the layers read and projected
// before the clock starts): planatlas the best of -runs runs, on all
// cores and on one; the peers one run each. The figures go into
// RESULTS.md, never into tests.
package main

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"strings"
	"time"

	"planatlas/geo"
)

const (
	oldFile = "examples/berlin/data/lor2019-planning-areas.geojson"
	newFile = "examples/berlin/data/lor_planungsraeume_2021.shp"
)

func main() {
	runs := flag.Int("runs", 3, "runs per measurement (the best counts)")
	peers := flag.Bool("peers", true, "run R sf and geopandas where installed")
	flag.Parse()
	old, cur := read()
	fmt.Println("| tool | cores | overlay | pieces |")
	fmt.Println("|---|---:|---:|---:|")
	for _, procs := range []int{runtime.NumCPU(), 1} {
		prev := runtime.GOMAXPROCS(procs)
		best := time.Duration(1 << 62)
		var pieces int
		for r := 0; r < *runs; r++ {
			t0 := time.Now()
			cw, err := geo.Crosswalk(old, cur, 0)
			if err != nil {
				fail(err)
			}
			best = min(best, time.Since(t0))
			pieces = len(cw.Rows) + cw.Slivers
		}
		runtime.GOMAXPROCS(prev)
		fmt.Printf("| planatlas | %d | %.2f s | %d |\n", procs, best.Seconds(), pieces)
	}
	if !*peers {
		return
	}
	if _, err := exec.LookPath("Rscript"); err == nil {
		peer("R sf (st_intersection + st_interpolate_aw)", "Rscript", "-e", rScript)
	}
	if _, err := os.Stat("/usr/bin/python3"); err == nil {
		peer("geopandas (overlay)", "/usr/bin/python3", "-c", pyScript)
	}
}

// read reads both layers as planatlas does, the older one's duplicate key
// corrected (feature 124 is 04030417).
func read() (old, cur *geo.Areas) {
	data, err := os.ReadFile(oldFile)
	if err != nil {
		fail(err)
	}
	l, err := geo.ReadGeoJSONLayer(data, oldFile)
	if err != nil {
		fail(err)
	}
	if old, err = l.Areas(geo.ReadOptions{Key: "id", Corrections: []geo.KeyCorrection{{Feature: 124, From: "06010102", To: "04030417"}}}); err != nil {
		fail(err)
	}
	open := func(name string) ([]byte, error) { return os.ReadFile(name) }
	l, err = geo.ReadLayer(newFile, open, "")
	if err != nil {
		fail(err)
	}
	if cur, err = l.Areas(geo.ReadOptions{Key: "PLR_ID"}); err != nil {
		fail(err)
	}
	return old, cur
}

// peer runs a peer's script, which prints "seconds pieces", and writes
// its row.
func peer(name, cmd string, args ...string) {
	out, err := exec.Command(cmd, args...).Output()
	if err != nil {
		fmt.Printf("| %s | 1 | failed: %v | |\n", name, err)
		return
	}
	f := strings.Fields(string(out))
	if len(f) < 2 {
		fmt.Printf("| %s | 1 | no result: %q | |\n", name, out)
		return
	}
	fmt.Printf("| %s | 1 | %s s | %s |\n", name, f[len(f)-2], f[len(f)-1])
}

// rScript overlays the layers with sf (planar GEOS, as the reference
// script geo/testdata/peers/sf_interpolate_aw.R) and interpolates a
// count by area.
const rScript = `suppressPackageStartupMessages(library(sf)); sf_use_s2(FALSE)
old <- st_transform(st_read("` + oldFile + `", quiet = TRUE), 25833)
old$id[124] <- "04030417"
new <- st_read("` + newFile + `", quiet = TRUE)
old <- st_set_agr(st_sf(x = old$area, geometry = st_make_valid(st_geometry(old))), "constant")
t0 <- Sys.time()
i <- st_intersection(st_geometry(old), st_geometry(new))
aw <- st_interpolate_aw(old["x"], new, extensive = TRUE)
cat(sprintf("%.2f %d\n", as.numeric(difftime(Sys.time(), t0, units = "secs")), length(i)))`

// pyScript overlays the layers with geopandas (shapely/GEOS).
const pyScript = `import time, geopandas as gpd
old = gpd.read_file("` + oldFile + `").to_crs(25833)
new = gpd.read_file("` + newFile + `")
old["geometry"] = old.buffer(0)
t0 = time.time()
o = gpd.overlay(old[["id", "geometry"]], new[["PLR_ID", "geometry"]], how="intersection", keep_geom_type=True)
print("%.2f %d" % (time.time() - t0, len(o)))`

func fail(err error) {
	fmt.Fprintln(os.Stderr, "crosswalkbench:", err)
	os.Exit(1)
}
