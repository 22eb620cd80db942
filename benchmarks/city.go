package benchmarks

import (
	"bufio"
	"fmt"
	"io"

	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"planatlas/datasets"
)

// WriteCity writes a synthetic city of nx × ny planning areas into dir:
// areas.geojson (a grid of 100 m cells whose inner corners are moved by
// up to 20 m, so that neighbours share perturbed edges; districts of
// 10 × 10 cells); bevoelkerung (residents by four age bands and sex,
// 2015–2024), arbeitsmarkt (unemployed, SGB II) and klima (hot days),
// each as .parquet and as German .csv (";", decimal comma); plan.yaml
// reading the Parquet files and plan-csv.yaml reading the CSV files,
// both running the catalog's indicators, an index, its spatial statistics
// and a map. Everything is seeded: the same size gives the
// same files.
func WriteCity(dir string, nx, ny int) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	if err := writeGrid(dir, nx, ny); err != nil {
		return err
	}
	popF, labF, heatF := cityTables(nx, ny)
	german := datasets.CSVStyle{Delimiter: ';', Decimal: datasets.DecimalComma}
	for name, f := range map[string]*datasets.Frame{"bevoelkerung": popF, "arbeitsmarkt": labF, "klima": heatF} {
		if err := writeFile(filepath.Join(dir, name+".parquet"), func(w io.Writer) error { return datasets.WriteParquet(w, f) }); err != nil {
			return err
		}
		if err := writeFile(filepath.Join(dir, name+".csv"), func(w io.Writer) error { return datasets.WriteCSV(w, f, german) }); err != nil {
			return err
		}
	}
	for name, content := range map[string]string{
		"plan.yaml":     fmt.Sprintf(cityPlan, "parquet"),
		"plan-csv.yaml": fmt.Sprintf(cityPlan, "csv"),
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// writeGrid writes areas.geojson: nx × ny squares of 100 m whose inner
// corners are moved by up to 20 m, keyed 0000001…, in districts of 10 × 10.
func writeGrid(dir string, nx, ny int) error {
	corner := func(i, j int) (float64, float64) {
		x, y := 300000+float64(i)*100, 5600000+float64(j)*100
		if i > 0 && j > 0 && i < nx && j < ny {
			h := uint64(i)*0x9e3779b97f4a7c15 ^ uint64(j)*0xbf58476d1ce4e5b9
			r := rand.New(rand.NewPCG(h, 7))
			x += (r.Float64()*2 - 1) * 20
			y += (r.Float64()*2 - 1) * 20
		}
		return x, y
	}
	f, err := os.Create(filepath.Join(dir, "areas.geojson"))
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(f, 1<<20)
	bw.WriteString(`{"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"EPSG:25833"}},"features":[` + "\n")
	num := func(v float64) string { return strconv.FormatFloat(v, 'f', 2, 64) }
	n := 0
	for j := 0; j < ny; j++ {
		for i := 0; i < nx; i++ {
			if n > 0 {
				bw.WriteString(",\n")
			}
			n++
			var pts []string
			for _, c := range [][2]int{{i, j}, {i + 1, j}, {i + 1, j + 1}, {i, j + 1}, {i, j}} {
				x, y := corner(c[0], c[1])
				pts = append(pts, "["+num(x)+","+num(y)+"]")
			}
			fmt.Fprintf(bw, `{"type":"Feature","properties":{"key":"%07d","name":"Gebiet %d","district":"%04d"},"geometry":{"type":"Polygon","coordinates":[[%s]]}}`,
				n, n, (j/10)*((nx+9)/10)+i/10+1, strings.Join(pts, ","))
		}
	}
	bw.WriteString("\n]}\n")
	if err := bw.Flush(); err != nil {
		_ = f.Close() // the error that matters is the flush's
		return err
	}
	return f.Close()
}

// cityTables are the city's population by age band and sex, its labour
// market and its hot days, per area and year: smooth surfaces of size
// and age structure plus noise.
func cityTables(nx, ny int) (popF, labF, heatF *datasets.Frame) {
	r := rand.New(rand.NewPCG(1, 2))
	bands := []string{"0-5", "6-17", "18-64", "65-99"}
	shares := []float64{0.05, 0.11, 0.6, 0.24}
	nAreas, nYears := nx*ny, 10
	keyList := make([]string, nAreas)
	for a := range keyList {
		keyList[a] = fmt.Sprintf("%07d", a+1)
	}
	nPop := nAreas * nYears * 8
	pop := struct {
		key, age, sex datasets.Coded
		year          datasets.Int
		count         []float64
	}{
		key:   datasets.Coded{Codes: make([]int32, 0, nPop), Levels: keyList},
		age:   datasets.Coded{Codes: make([]int32, 0, nPop), Levels: bands},
		sex:   datasets.Coded{Codes: make([]int32, 0, nPop), Levels: []string{"m", "w"}},
		year:  make(datasets.Int, 0, nPop),
		count: make([]float64, 0, nPop),
	}
	nRow := nAreas * nYears
	rowKey := datasets.Coded{Codes: make([]int32, 0, nRow), Levels: keyList}
	rowYear := make(datasets.Int, 0, nRow)
	var unemployed, sgb2, sgb2u15, hot []float64
	for j := 0; j < ny; j++ {
		for i := 0; i < nx; i++ {
			a := int32(j*nx + i)
			size := 300 + 1500*(1+math.Sin(float64(i)/17)*math.Cos(float64(j)/13))
			poor := 0.04 + 0.08*(1+math.Sin(float64(i+j)/23))
			for y := 2015; y < 2015+nYears; y++ {
				total := 0.0
				young := 0.0
				for b := range bands {
					for sex := range 2 {
						c := math.Round(size * shares[b] / 2 * (1 + 0.05*r.NormFloat64()))
						c = math.Max(c, 0)
						pop.key.Codes = append(pop.key.Codes, a)
						pop.age.Codes = append(pop.age.Codes, int32(b))
						pop.sex.Codes = append(pop.sex.Codes, int32(sex))
						pop.year = append(pop.year, int64(y))
						pop.count = append(pop.count, c)
						total += c
						if b < 2 {
							young += c
						}
					}
				}
				work := total * 0.6
				rowKey.Codes = append(rowKey.Codes, a)
				rowYear = append(rowYear, int64(y))
				unemployed = append(unemployed, math.Trunc(work*poor*0.5))
				sgb2 = append(sgb2, math.Trunc(total*poor))
				sgb2u15 = append(sgb2u15, math.Trunc(young*poor*1.4))
				hot = append(hot, math.Round((8+4*math.Sin(float64(j)/40)+r.Float64())*10)/10)
			}
		}
	}
	popF = &datasets.Frame{}
	popF.Add("gebiet", "", pop.key)
	popF.Add("jahr", "", pop.year)
	popF.Add("alter", "", pop.age)
	popF.Add("geschlecht", "", pop.sex)
	popF.Add("anzahl", "", datasets.Float{Values: pop.count, Decimals: 0})
	labF = &datasets.Frame{}
	labF.Add("Gebiet", "", rowKey)
	labF.Add("Jahr", "", rowYear)
	labF.Add("Arbeitslose", "", datasets.Float{Values: unemployed, Decimals: 0})
	labF.Add("SGB-II", "", datasets.Float{Values: sgb2, Decimals: 0})
	labF.Add("SGB-II unter 15", "", datasets.Float{Values: sgb2u15, Decimals: 0})
	heatF = &datasets.Frame{}
	heatF.Add("Gebiet", "", rowKey)
	heatF.Add("Jahr", "", rowYear)
	heatF.Add("Heiße Tage", "", datasets.Float{Values: hot, Decimals: 1})
	return popF, labF, heatF
}

func writeFile(name string, write func(io.Writer) error) error {
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(f, 1<<20)
	if err := write(bw); err != nil {
		_ = f.Close() // the error that matters is write's
		return err
	}
	if err := bw.Flush(); err != nil {
		_ = f.Close() // the error that matters is the flush's
		return err
	}
	return f.Close()
}

// cityPlan is the benchmark city's plan.
const cityPlan = `planatlas: 1
title: {de: Benchmarkstadt, en: Benchmark city}
city: Benchmarkstadt
language: de
areas: {file: areas.geojson, key: key, name: name, parent: district}
inputs:
  bevoelkerung: {file: bevoelkerung.%[1]s, key: gebiet, year: jahr, dimensions: [alter, geschlecht]}
  arbeitsmarkt: {file: arbeitsmarkt.%[1]s, key: Gebiet, year: Jahr}
  klima: {file: klima.%[1]s, key: Gebiet, year: Jahr}
variables:
  ew: {input: bevoelkerung, column: anzahl}
  ew_u6: {input: bevoelkerung, column: anzahl, where: {alter: 0-5}}
  ew_u18: {input: bevoelkerung, column: anzahl, where: {alter: [0-5, 6-17]}}
  ew_15_64: {input: bevoelkerung, column: anzahl, where: {alter: 18-64}}
  ew_u65: {input: bevoelkerung, column: anzahl, where: {alter: [0-5, 6-17, 18-64]}}
  ew_65plus: {input: bevoelkerung, column: anzahl, where: {alter: 65-99}}
  ew_u15: {input: bevoelkerung, column: anzahl, where: {alter: [0-5, 6-17]}}
  arbeitslose: {input: arbeitsmarkt, column: Arbeitslose}
  sgb2: {input: arbeitsmarkt, column: SGB-II}
  sgb2_u15: {input: arbeitsmarkt, column: SGB-II unter 15}
  heisse_tage: {input: klima, column: Heiße Tage, aggregate: mean, weight: ew}
catalog: all
indices:
  bedarf:
    method: zsum
    components: {sgb2_quote: 2, kinderarmut: 2, arbeitslosenanteil: 1, anteil_65plus: 1, heisse_tage: 1}
spatial:
  values: [bedarf]
outputs:
  maps: [bedarf]
  charts: []
  tables: [parquet]
  images: [png]
`

// CitySize returns a grid shape of about n areas (nx ≥ ny).
func CitySize(n int) (int, int) {
	nx := int(math.Round(math.Sqrt(float64(n) * 1.6)))
	return nx, max(1, n/nx)
}
