package benchmarks

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"planatlas/datasets"
	"planatlas/demo"
	"planatlas/plan"
)

func demoFile(b *testing.B, name string) []byte {
	b.Helper()
	data, err := fs.ReadFile(demo.FS(), name)
	if err != nil {
		b.Fatal(err)
	}
	return data
}

var popSpec = datasets.Spec{Key: "planungsraum", Year: "jahr", Dims: []string{"alter", "geschlecht"}, Values: []string{"anzahl"}}

// BenchmarkReadCSV reads the demo's long population table (1.4 MB,
// 74,000 rows, semicolon, UTF-8).
func BenchmarkReadCSV(b *testing.B) {
	data := demoFile(b, "bevoelkerung.csv")
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := datasets.ReadCSV(bytes.NewReader(data), "bevoelkerung.csv", popSpec, datasets.CSVOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBuildPanel sums the population table into six age variables.
func BenchmarkBuildPanel(b *testing.B) {
	data := demoFile(b, "bevoelkerung.csv")
	t, err := datasets.ReadCSV(bytes.NewReader(data), "bevoelkerung.csv", popSpec, datasets.CSVOptions{})
	if err != nil {
		b.Fatal(err)
	}
	var specs []datasets.VariableSpec
	for name, r := range map[string]string{"u18": "0-17", "u15": "0-14", "a1564": "15-64", "u65": "0-64", "a65": "65-"} {
		f, _ := datasets.ParseFilter("alter", []string{r})
		specs = append(specs, datasets.VariableSpec{Name: name, Table: t, Column: "anzahl", Where: []datasets.Filter{f}})
	}
	specs = append(specs, datasets.VariableSpec{Name: "ew", Table: t, Column: "anzahl"})
	for b.Loop() {
		if _, err := datasets.BuildPanel(specs, nil); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDemoRun runs the whole demo plan: read, panel, join,
// indicators, index, two maps and a chart in SVG and PNG, tables,
// GeoJSON, manifest.
func BenchmarkDemoRun(b *testing.B) {
	data := demoFile(b, demo.PlanFile)
	out := filepath.Join(b.TempDir(), "out")
	for b.Loop() {
		p, err := plan.Parse(data, demo.PlanFile)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := plan.Run(p, plan.FS{FS: demo.FS()}, plan.Options{Out: out, PlanData: data}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkReadParquetCity10k reads the population table of a synthetic
// city of 10,000 areas (800,000 rows; the area key dictionary-encoded,
// the age and sex as dictionaries, the year as integers).
func BenchmarkReadParquetCity10k(b *testing.B) {
	data := cityPopulation(b)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := datasets.ReadParquet(bytes.NewReader(data), int64(len(data)), "bevoelkerung.parquet", cityPopSpec); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBuildPanelCity10k sums the population table of a synthetic
// city of 10,000 areas (800,000 rows) into four variables.
func BenchmarkBuildPanelCity10k(b *testing.B) {
	data := cityPopulation(b)
	t, err := datasets.ReadParquet(bytes.NewReader(data), int64(len(data)), "bevoelkerung.parquet", cityPopSpec)
	if err != nil {
		b.Fatal(err)
	}
	var specs []datasets.VariableSpec
	for name, r := range map[string]string{"u6": "0-5", "u18": "6-17", "a65": "65-99"} {
		f, _ := datasets.ParseFilter("alter", []string{r})
		specs = append(specs, datasets.VariableSpec{Name: name, Table: t, Column: "anzahl", Where: []datasets.Filter{f}})
	}
	specs = append(specs, datasets.VariableSpec{Name: "ew", Table: t, Column: "anzahl"})
	for b.Loop() {
		if _, err := datasets.BuildPanel(specs, nil); err != nil {
			b.Fatal(err)
		}
	}
}

// cityPopSpec is the population table of WriteCity's cities.
var cityPopSpec = datasets.Spec{Key: "gebiet", Year: "jahr", Dims: []string{"alter", "geschlecht"}, Values: []string{"anzahl"}}

// cityPopulation writes a synthetic city of 10,000 areas and returns its
// population table as Parquet (800,000 rows).
func cityPopulation(b *testing.B) []byte {
	b.Helper()
	dir := b.TempDir()
	if err := WriteCity(dir, 100, 100); err != nil {
		b.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(dir, "bevoelkerung.parquet"))
	if err != nil {
		b.Fatal(err)
	}
	return data
}
