package plan

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"planatlas/datasets"
)

// A German run writes the values of its CSV and XLSX tables in German —
// levels, flags, comparisons with the city, trend classes, goal statuses,
// LISA clusters, sheet names — an English run in English, and Parquet
// keeps the codes in both.
func TestTableValuesInTheReadersLanguage(t *testing.T) {
	dir := demoDir(t, func(s string) string {
		return strings.Replace(s, "  tables: [csv, parquet]\n", "  tables: [csv, parquet, xlsx]\n", 1)
	})
	data, err := os.ReadFile(filepath.Join(dir, "plan.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	p, err := Parse(data, "plan.yaml")
	if err != nil {
		t.Fatal(err)
	}
	// The codes of the machine formats: the same in both languages.
	codes := map[string][]string{
		"level": {"area", "district", "city"},
		"flag": {"", "no-data", "smoothed", "suppressed", "suppressed+smoothed",
			"estimated", "uncertain", "uncertain+estimated", "unreliable+estimated", // the survey's estimates
			"division-by-zero"}, // measles vaccination where no child started school
		"vs_city": {"", "higher", "lower"},
	}
	tests := []struct {
		lang  string
		comma rune
		// column heading → the values the column holds, all of them
		values map[string][]string
		// sheets of tables.xlsx, in order (the first ones)
		sheets []string
		// column heading of a table → values it must hold (some of them)
		some map[string]map[string][]string
		// words no cell of the CSV tables may be
		absent []string
	}{
		{lang: "de", comma: ';',
			values: map[string][]string{
				"Ebene": {"Planungsraum", "Stadtteil", "Stadt"},
				"Kennzeichen": {"", "keine Angabe", "geglättet", "gesperrt (.)", "gesperrt (.), geglättet",
					"geschätzt", "Aussagewert eingeschränkt", "Aussagewert eingeschränkt, geschätzt", "nicht sicher genug (/), geschätzt", "Division durch null (x)"},
				"gegenüber Stadt": {"", "über Stadt", "unter Stadt"},
			},
			sheets: []string{"Indikatoren", "Variablen", "Planungsräume", "Rangfolge", "Ziele", "Trends", "Raumstatistik", "LISA", "Klassen"},
			some: map[string]map[string][]string{
				"trends.csv":  {"Trend": {"steigend", "fallend", "stabil"}, "Ebene": {"Planungsraum", "Stadtteil", "Stadt"}},
				"goals.csv":   {"Status": {"auf Kurs", "zu langsam", "falsche Richtung"}, "Ebene": {"Stadt"}},
				"lisa.csv":    {"Cluster": {"hoch-hoch (HH)", "niedrig-niedrig (LL)", "nicht signifikant"}},
				"classes.csv": {"Klassifikation": {"Quantile"}, "eingeschlossene Grenze": {"beide", "obere"}},
				"spatial.csv": {"Statistik": {"Moran's I", "Verbindungen zwischen verschiedenen Quintilklassen"}},
			},
			absent: []string{"area", "district", "city", "no-data", "suppressed", "smoothed", "higher", "lower",
				"rising", "falling", "stable", "on-track", "on track", "too slow", "n. s.", "not-significant", "quantile", "upper", "both"},
		},
		{lang: "en", comma: ',',
			values: map[string][]string{
				"level":   codes["level"],
				"flag":    codes["flag"],
				"vs city": codes["vs_city"],
			},
			sheets: []string{"indicators", "variables", "areas", "ranking", "goals", "trends", "spatial", "lisa", "classes"},
			some: map[string]map[string][]string{
				"trends.csv":  {"trend": {"rising", "falling", "stable"}, "level": {"area", "district", "city"}},
				"goals.csv":   {"status": {"on track", "too slow", "wrong direction"}, "level": {"city"}},
				"lisa.csv":    {"cluster": {"HH", "LL", "n. s."}},
				"classes.csv": {"classification": {"quantile"}, "bound included": {"both", "upper"}},
				"spatial.csv": {"statistic": {"Moran's I", "joins between different quintile classes"}},
			},
			absent: []string{"Planungsraum", "Stadtteil", "Stadt", "keine Angabe", "gesperrt (.)", "über Stadt", "steigend", "auf Kurs", "nicht signifikant"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.lang, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "out")
			if _, err := Run(p, Dir(dir), Options{Out: out, PlanData: data, Lang: tc.lang}); err != nil {
				t.Fatal(err)
			}
			read := func(name string) (head []string, rows [][]string) {
				r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(readOut(t, out, name), []byte("\ufeff"))))
				r.Comma = tc.comma
				all, err := r.ReadAll()
				if err != nil {
					t.Fatalf("%s: %v", name, err)
				}
				return all[0], all[1:]
			}
			column := func(name, heading string) []string {
				head, rows := read(name)
				k := slices.Index(head, heading)
				if k < 0 {
					t.Fatalf("%s has no column %q: %v", name, heading, head)
				}
				var vals []string
				for _, r := range rows {
					if !slices.Contains(vals, r[k]) {
						vals = append(vals, r[k])
					}
				}
				return vals
			}
			for heading, want := range tc.values {
				got := column("indicators.csv", heading)
				slices.Sort(got)
				want = slices.Clone(want)
				slices.Sort(want)
				if !slices.Equal(got, want) {
					t.Errorf("indicators.csv, %s: %q, want %q", heading, got, want)
				}
			}
			for file, cols := range tc.some {
				for heading, want := range cols {
					got := column(file, heading)
					for _, w := range want {
						if !slices.Contains(got, w) {
							t.Errorf("%s, %s: %q lacks %q", file, heading, got, w)
						}
					}
				}
			}
			for _, file := range []string{"indicators.csv", "variables.csv", "trends.csv", "goals.csv", "lisa.csv", "classes.csv", "ranking.csv"} {
				_, rows := read(file)
				for _, r := range rows {
					for _, cell := range r {
						if slices.Contains(tc.absent, cell) {
							t.Errorf("%s has the value %q: %v", file, cell, r)
							break
						}
					}
				}
			}
			// Parquet: the codes, in either language.
			b := readOut(t, out, "indicators.parquet")
			pq, err := datasets.ReadParquet(bytes.NewReader(b), int64(len(b)), "indicators.parquet",
				datasets.Spec{Key: "key", Year: "year", Dims: []string{"level", "flag", "vs_city"}, Values: []string{"value"}})
			if err != nil {
				t.Fatal(err)
			}
			for d, name := range []string{"level", "flag", "vs_city"} {
				var got []string
				for _, v := range pq.DimColumn(d).Strings() {
					if !slices.Contains(got, v) {
						got = append(got, v)
					}
				}
				slices.Sort(got)
				want := slices.Clone(codes[name])
				slices.Sort(want)
				if !slices.Equal(got, want) {
					t.Errorf("indicators.parquet, %s: %q, want %q", name, got, want)
				}
			}
			for _, tc := range []struct {
				file, column string
				want         []string
			}{
				{"trends.parquet", "trend", []string{"", "falling", "rising", "stable"}},
				{"lisa.parquet", "cluster", []string{"", "HH", "HL", "LL", "not-significant"}},
			} {
				b := readOut(t, out, tc.file)
				pq, err := datasets.ReadParquet(bytes.NewReader(b), int64(len(b)), tc.file, datasets.Spec{Key: "key", FixedYear: 2024, Dims: []string{tc.column}})
				if err != nil {
					t.Fatal(err)
				}
				var got []string
				for _, v := range pq.DimColumn(0).Strings() {
					if !slices.Contains(got, v) {
						got = append(got, v)
					}
				}
				slices.Sort(got)
				if !slices.Equal(got, tc.want) {
					t.Errorf("%s, %s: %q, want %q", tc.file, tc.column, got, tc.want)
				}
			}
			// XLSX: the sheets' names, and the values as in CSV.
			x := readOut(t, out, "tables.xlsx")
			zr, err := zip.NewReader(bytes.NewReader(x), int64(len(x)))
			if err != nil {
				t.Fatal(err)
			}
			part := func(name string) string {
				f, err := zr.Open(name)
				if err != nil {
					t.Fatal(err)
				}
				defer f.Close()
				b, _ := io.ReadAll(f)
				return string(b)
			}
			wb := part("xl/workbook.xml")
			last := -1
			for _, s := range tc.sheets {
				i := strings.Index(wb, `<sheet name="`+s+`"`)
				if i < last {
					t.Errorf("tables.xlsx: no sheet %q after the others: %s", s, wb)
				}
				last = i
			}
			sheet := part("xl/worksheets/sheet1.xml")
			for _, w := range tc.values[map[string]string{"de": "Kennzeichen", "en": "flag"}[tc.lang]][1:] {
				if !strings.Contains(sheet, "<t>"+w+"</t>") {
					t.Errorf("tables.xlsx, sheet 1 lacks %q", w)
				}
			}
			for _, w := range tc.absent {
				if strings.Contains(sheet, "<t>"+w+"</t>") {
					t.Errorf("tables.xlsx, sheet 1 has %q", w)
				}
			}
		})
	}
}
