// Command citybench runs the whole pipeline on synthetic cities of
// growing size and prints, per size and tool, the time of each stage, the
// total, the peak memory and the areas per second as a Markdown table:
//
//	go run ./benchmarks/cmd/citybench -sizes 1000,10000,100000 -peers
//
// The cities are benchmarks.WriteCity's: ten years, residents by age band
// and sex, labour and heat tables, as Parquet and as German CSV. Each run
// is a child process of its own, so that its peak memory is its own.
// -peers also runs benchmarks/peers/pipeline.py (pandas, geopandas,
// libpysal) and pipeline.R (sf, spdep, data.table) on the same files; they
// read the CSV files, as Debian packages neither pyarrow nor R arrow.
// pipeline.py runs PySAL's esda (Moran's I, local Moran and Gi* with 999
// permutations) where -esda names its folder (esda is not in Debian 12).
// -peers also builds and runs the DuckDB peer,
// benchmarks/peers/duckdb/cmd/tabular (a module of its own; only the
// tabular stages), which reads the same files as planatlas (Parquet, or
// CSV with -csv) and then checks its indicators, index and trends against
// the tables planatlas wrote; where it cannot be built, its row says why.
// The peers' "check" lines go to standard error.
// -tabular runs only the tabular stages (read, panel, indicators,
// indices, trends) and writes no tables, for the 1,000,000-area goal.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime/pprof"
	"strconv"
	"strings"
	"syscall"
	"time"

	"planatlas/benchmarks"
	"planatlas/plan"
)

// stages are the table's columns; the peers print the same names.
var stages = []string{"inputs", "panel", "geometries", "indicators", "indices", "trends", "spatial", "maps", "tables", "report"}

func main() {
	sizes := flag.String("sizes", "1000,10000,100000", "numbers of areas")
	peers := flag.Bool("peers", false, "also run the Python and R peers on the same files")
	peerDir := flag.String("peerdir", "benchmarks/peers", "folder of pipeline.py and pipeline.R")
	esda := flag.String("esda", "../shared/peers/esda-2.4.3", "folder of PySAL's esda, put on pipeline.py's PYTHONPATH where it exists")
	csv := flag.Bool("csv", false, "planatlas reads the CSV files instead of Parquet")
	tabular := flag.Bool("tabular", false, "only the tabular stages, no tables written")
	keep := flag.String("keep", "", "write the cities into this folder and keep them")
	one := flag.String("run", "", "internal: run this plan file and print its stages")
	prof := flag.String("cpuprofile", "", "write a CPU profile of each planatlas run to this file (the last size's remains)")
	flag.Parse()
	if *one != "" {
		if *prof != "" {
			f, err := os.Create(*prof)
			if err != nil {
				fail(err)
			}
			if err := pprof.StartCPUProfile(f); err != nil {
				fail(err)
			}
			defer pprof.StopCPUProfile()
		}
		runOne(*one)
		return
	}
	self, _ := os.Executable()
	var duck *exec.Cmd // the DuckDB peer, without its city folder
	if *peers {
		bin, err := buildDuckDB(filepath.Join(*peerDir, "duckdb"))
		if err != nil {
			fmt.Fprintln(os.Stderr, "citybench: the DuckDB peer is not run:", err)
		} else {
			defer func() { _ = os.RemoveAll(filepath.Dir(bin)) }() // a temporary folder
			duck = exec.Command(bin)
			if *csv {
				duck.Args = append(duck.Args, "-csv")
			}
		}
	}
	fmt.Printf("| areas | tool | %s | total | peak memory | areas/s |\n", strings.Join(stages, " | "))
	fmt.Printf("|---:|---|%s---:|---:|---:|\n", strings.Repeat("---:|", len(stages)))
	for _, s := range strings.Split(*sizes, ",") {
		n, _ := strconv.Atoi(strings.TrimSpace(s))
		nx, ny := benchmarks.CitySize(n)
		dir := filepath.Join(*keep, fmt.Sprintf("city-%d", nx*ny))
		if *keep == "" {
			dir, _ = os.MkdirTemp("", "citybench")
		}
		t0 := time.Now()
		if err := benchmarks.WriteCity(dir, nx, ny); err != nil {
			fail(err)
		}
		fmt.Fprintf(os.Stderr, "citybench: %d areas written to %s in %.1f s\n", nx*ny, dir, time.Since(t0).Seconds())
		planFile := "plan.yaml"
		if *csv {
			planFile = "plan-csv.yaml"
		}
		if *tabular {
			if err := tabularPlan(dir, planFile); err != nil {
				fail(err)
			}
			planFile = "plan-tabular.yaml"
		}
		tool := "planatlas"
		if *csv {
			tool += " (CSV)"
		}
		row(nx*ny, tool, exec.Command(self, "-run", filepath.Join(dir, planFile), "-cpuprofile", *prof))
		if *peers {
			py := exec.Command("/usr/bin/python3", filepath.Join(*peerDir, "pipeline.py"), dir)
			py.Env = pythonEnv(*esda, dir)
			row(nx*ny, "pandas + geopandas + libpysal", py)
			row(nx*ny, "R sf + spdep + data.table", exec.Command("Rscript", filepath.Join(*peerDir, "pipeline.R"), dir))
			if duck != nil {
				row(nx*ny, "DuckDB", exec.Command(duck.Path, append(duck.Args[1:], dir)...))
				compareDuckDB(nx*ny, duck.Path, dir)
			} else {
				fmt.Printf("| %d | DuckDB | not run (see the message above) |%s | | |\n", nx*ny, strings.Repeat(" |", len(stages)))
			}
		}
		if *keep == "" {
			if err := os.RemoveAll(dir); err != nil {
				fail(err)
			}
		}
	}
}

// row runs one tool and prints its line: the tool prints "stage seconds"
// lines and "total seconds".
func row(n int, tool string, cmd *exec.Cmd) {
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	peak := "?"
	if cmd.ProcessState != nil {
		if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
			peak = fmt.Sprintf("%.0f MB", float64(ru.Maxrss)/1024)
		}
	}
	if err != nil {
		msg := strings.TrimSpace(stderr.String())
		if i := strings.LastIndex(msg, "\n"); i >= 0 {
			msg = msg[i+1:]
		}
		fmt.Printf("| %d | %s | failed: %v %s |%s | %s | |\n", n, tool, err, msg, strings.Repeat(" |", len(stages)), peak)
		return
	}
	for _, line := range strings.Split(stderr.String(), "\n") {
		if strings.HasPrefix(line, "check") || strings.HasPrefix(line, "duckdb") {
			fmt.Fprintf(os.Stderr, "citybench: %d areas, %s: %s\n", n, tool, line)
		}
	}
	times := map[string]float64{}
	for _, line := range strings.Split(string(out), "\n") {
		if strings.HasPrefix(line, "check") {
			fmt.Fprintf(os.Stderr, "citybench: %d areas, %s: %s\n", n, tool, line)
		}
		f := strings.Fields(line)
		if len(f) == 2 {
			if v, err := strconv.ParseFloat(f[1], 64); err == nil {
				times[f[0]] += v
			}
		}
	}
	cells := make([]string, len(stages))
	for i, s := range stages {
		cells[i] = "–"
		if v, ok := times[s]; ok {
			cells[i] = fmt.Sprintf("%.2f", v)
		}
	}
	total := times["total"]
	fmt.Printf("| %d | %s | %s | %.2f s | %s | %.0f |\n", n, tool, strings.Join(cells, " | "), total, peak, float64(n)/total)
}

// pythonEnv returns pipeline.py's environment: the folder of esda on
// PYTHONPATH where it exists, numba's cache in the city's folder.
func pythonEnv(esda, dir string) []string {
	env := append(os.Environ(), "NUMBA_CACHE_DIR="+filepath.Join(dir, "numba"))
	if abs, err := filepath.Abs(esda); err == nil {
		if _, err := os.Stat(filepath.Join(abs, "esda")); err == nil {
			env = append(env, "PYTHONPATH="+abs+string(os.PathListSeparator)+os.Getenv("PYTHONPATH"))
		}
	}
	return env
}

// buildDuckDB builds the DuckDB peer of the module folder dir into a
// temporary folder and returns the program's path. The build needs the
// module's dependencies (the DuckDB library comes with them) and cgo.
func buildDuckDB(dir string) (string, error) {
	if _, err := os.Stat(filepath.Join(dir, "go.mod")); err != nil {
		return "", fmt.Errorf("no module at %s", dir)
	}
	tmp, err := os.MkdirTemp("", "citybench-duckdb")
	if err != nil {
		return "", err
	}
	bin := filepath.Join(tmp, "tabular")
	cmd := exec.Command("go", "build", "-o", bin, "./cmd/tabular")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "CGO_ENABLED=1")
	if out, err := cmd.CombinedOutput(); err != nil {
		_ = os.RemoveAll(tmp) // nothing in it to keep
		return "", fmt.Errorf("go build in %s: %v: %s", dir, err, bytes.TrimSpace(out))
	}
	return bin, nil
}

// compareDuckDB runs the DuckDB peer's comparison of its tables with
// planatlas's in dir and passes its "check" lines on to standard error.
func compareDuckDB(n int, bin, dir string) {
	if _, err := os.Stat(filepath.Join(dir, "out", "indicators.parquet")); err != nil {
		fmt.Fprintf(os.Stderr, "citybench: %d areas, DuckDB: not checked: planatlas wrote no indicator table\n", n)
		return
	}
	out, err := exec.Command(bin, "-compare", dir).CombinedOutput()
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		fmt.Fprintf(os.Stderr, "citybench: %d areas, DuckDB: %s\n", n, line)
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "citybench: %d areas, DuckDB: the check failed: %v\n", n, err)
	}
}

// tabularPlan writes plan-tabular.yaml: the plan without spatial
// statistics, maps, charts, tables and report.
func tabularPlan(dir, from string) error {
	b, err := os.ReadFile(filepath.Join(dir, from))
	if err != nil {
		return err
	}
	s := string(b)
	if i := strings.Index(s, "spatial:"); i >= 0 {
		s = s[:i]
	}
	s += "outputs:\n  maps: []\n  charts: []\n  tables: []\n  images: []\n  report: false\n"
	return os.WriteFile(filepath.Join(dir, "plan-tabular.yaml"), []byte(s), 0o644)
}

// runOne runs a plan and prints "stage seconds" per stage and "total
// seconds", in the stage names of the table.
func runOne(planFile string) {
	data, err := os.ReadFile(planFile)
	if err != nil {
		fail(err)
	}
	p, err := plan.Parse(data, filepath.Base(planFile))
	if err != nil {
		fail(err)
	}
	names := map[string]string{"inputs read": "inputs", "panel built": "panel", "geometries joined": "geometries",
		"indicators computed": "indicators", "indices and rankings computed": "indices", "trends computed": "trends",
		"spatial statistics computed": "spatial", "figures checked": "maps", "maps and charts drawn": "maps", "tables and geodata written": "tables",
		"report written": "report", "output committed": "tables"}
	t0 := time.Now()
	dir := filepath.Dir(planFile)
	_, err = plan.Run(p, plan.Dir(dir), plan.Options{Out: filepath.Join(dir, "out"), PlanData: data, Lang: "en",
		Progress: func(step, steps int, stage string, took time.Duration) {
			fmt.Println(names[stage], took.Seconds())
		}})
	if err != nil {
		fail(err)
	}
	fmt.Println("total", time.Since(t0).Seconds())
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "citybench:", err)
	os.Exit(1)
}
