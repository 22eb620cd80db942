// Command citybench runs the whole pipeline on synthetic cities of
// growing size and prints the time of each stage, the total, the peak
// memory and the areas per second:
//
//	go run ./benchmarks/cmd/citybench -sizes 1000,10000,100000
//
// Each size runs in a child process of its own, so that its peak memory
// is its own.
package main

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"strconv"
	"strings"
	"syscall"
	"time"

	"planatlas/benchmarks"
	"planatlas/plan"
)

func main() {
	sizes := flag.String("sizes", "1000,10000,100000", "numbers of areas")
	one := flag.String("run", "", "internal: run the city in this folder and print its stages")
	prof := flag.String("cpuprofile", "", "write a CPU profile of each run to this file (the last size's remains)")
	flag.Parse()
	if *one != "" {
		if *prof != "" {
			f, err := os.Create(*prof)
			if err != nil {
				fail(err)
			}
			pprof.StartCPUProfile(f)
			defer pprof.StopCPUProfile()
		}
		runOne(*one)
		return
	}
	self, _ := os.Executable()
	fmt.Println("| areas | stage times (s) | total | peak memory | areas/s |")
	fmt.Println("|---:|---|---:|---:|---:|")
	for _, s := range strings.Split(*sizes, ",") {
		n, _ := strconv.Atoi(strings.TrimSpace(s))
		nx, ny := benchmarks.CitySize(n)
		dir, _ := os.MkdirTemp("", "citybench")
		if err := benchmarks.WriteCity(dir, nx, ny); err != nil {
			fmt.Fprintln(os.Stderr, "citybench:", err)
			os.Exit(1)
		}
		cmd := exec.Command(self, "-run", dir, "-cpuprofile", *prof)
		cmd.Stderr = os.Stderr
		out, err := cmd.Output()
		peak := "?"
		if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
			peak = fmt.Sprintf("%.0f MB", float64(ru.Maxrss)/1024)
		}
		if err != nil {
			fmt.Printf("| %d | failed: %v | | %s | |\n", nx*ny, err, peak)
		} else {
			f := strings.Fields(strings.TrimSpace(string(out)))
			total, _ := strconv.ParseFloat(f[len(f)-1], 64)
			fmt.Printf("| %d | %s | %.2f s | %s | %.0f |\n", nx*ny, strings.Join(f[:len(f)-1], " "), total, peak, float64(nx*ny)/total)
		}
		os.RemoveAll(dir)
	}
}

func runOne(dir string) {
	data, err := os.ReadFile(filepath.Join(dir, "plan.yaml"))
	if err != nil {
		fail(err)
	}
	p, err := plan.Parse(data, "plan.yaml")
	if err != nil {
		fail(err)
	}
	var parts []string
	t0 := time.Now()
	_, err = plan.Run(p, plan.Dir(dir), plan.Options{Out: filepath.Join(dir, "out"), PlanData: data, Lang: "en",
		Progress: func(step, steps int, stage string, took time.Duration) {
			parts = append(parts, fmt.Sprintf("%s %.2f;", strings.Fields(stage)[0], took.Seconds()))
		}})
	if err != nil {
		fail(err)
	}
	fmt.Println(strings.Join(parts, " "), time.Since(t0).Seconds())
	_ = runtime.NumCPU
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "citybench:", err)
	os.Exit(1)
}
