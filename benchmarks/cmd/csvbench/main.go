// Command csvbench writes a large German CSV population table for the
// benchmark city's areas and the plan that reads it, to time planatlas
// on a census-sized extract:
//
//	go run ./benchmarks/cmd/csvbench -dir /tmp/big -areas 100000 -years 20 -ages 20
//	/usr/bin/time -v planatlas run /tmp/big/plan.yaml --progress
//
// With those sizes the table has 80 million rows (areas × years × age
// groups × two sexes) and about 2 GB. The areas are benchmarks.WriteCity's
// grid; the plan computes residents, the share aged 65 and over and its
// trend, and writes the indicator table as Parquet.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"

	"planatlas/benchmarks"
)

func main() {
	dir := flag.String("dir", "", "folder to write into")
	areas := flag.Int("areas", 100000, "number of areas")
	years := flag.Int("years", 20, "number of years, ending in 2024")
	ages := flag.Int("ages", 20, "number of five-year age groups (0-4, 5-9, …)")
	flag.Parse()
	if *dir == "" {
		fmt.Fprintln(os.Stderr, "csvbench: -dir is required")
		os.Exit(2)
	}
	nx, ny := benchmarks.CitySize(*areas)
	if err := benchmarks.WriteCity(*dir, nx, ny); err != nil {
		fail(err)
	}
	f, err := os.Create(filepath.Join(*dir, "einwohner.csv"))
	if err != nil {
		fail(err)
	}
	w := bufio.NewWriterSize(f, 4<<20)
	w.WriteString("Gebiet;Jahr;Altersgruppe;Geschlecht;Anzahl\r\n")
	var line []byte
	rows := 0
	for a := 1; a <= nx*ny; a++ {
		key := fmt.Sprintf("%07d", a)
		for y := 2025 - *years; y < 2025; y++ {
			for g := 0; g < *ages; g++ {
				group := strconv.Itoa(5*g) + "-" + strconv.Itoa(5*g+4)
				for s, sex := range []string{"m", "w"} {
					n := 20 + (a*7+y*3+g*11+s*5)%60
					line = append(line[:0], key...)
					line = append(line, ';')
					line = strconv.AppendInt(line, int64(y), 10)
					line = append(line, ';')
					line = append(line, group...)
					line = append(line, ';')
					line = append(line, sex...)
					line = append(line, ';')
					line = strconv.AppendInt(line, int64(n), 10)
					line = append(line, '\r', '\n')
					w.Write(line)
					rows++
				}
			}
		}
	}
	if err := w.Flush(); err != nil {
		fail(err)
	}
	if err := f.Close(); err != nil {
		fail(err)
	}
	old := 5 * (*ages - 1)
	plan := fmt.Sprintf(`planatlas: 1
city: Benchmarkstadt
language: de
areas: {file: areas.geojson, key: key, name: name, parent: district}
inputs:
  einwohner: {file: einwohner.csv, key: Gebiet, year: Jahr, dimensions: [Altersgruppe, Geschlecht]}
variables:
  ew: {input: einwohner, column: Anzahl}
  ew_65plus: {input: einwohner, column: Anzahl, where: {Altersgruppe: [%s]}}
catalog: [anteil_65plus]
outputs:
  maps: []
  charts: []
  tables: [parquet]
  images: []
  report: false
`, groupsFrom(65, old))
	if err := os.WriteFile(filepath.Join(*dir, "plan.yaml"), []byte(plan), 0o644); err != nil {
		fail(err)
	}
	fi, _ := os.Stat(filepath.Join(*dir, "einwohner.csv"))
	fmt.Printf("%d areas, %d rows, %.2f GB in %s\n", nx*ny, rows, float64(fi.Size())/1e9, filepath.Join(*dir, "einwohner.csv"))
}

// groupsFrom lists the five-year groups from lo to the last one.
func groupsFrom(lo, last int) string {
	s := ""
	for g := lo; g <= last; g += 5 {
		if s != "" {
			s += ", "
		}
		s += strconv.Itoa(g) + "-" + strconv.Itoa(g+4)
	}
	return s
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "csvbench:", err)
	os.Exit(1)
}
