package geo

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzReadGeoJSON: arbitrary bytes give a layer or an error, never a
// panic or a hang; a layer that reads is also checked and turned into
// areas. Seeds: the GeoJSON files in testdata and the corpus in
// testdata/fuzz/FuzzReadGeoJSON.
//
//	go test ./geo -run '^$' -fuzz FuzzReadGeoJSON -fuzztime 10m
func FuzzReadGeoJSON(f *testing.F) {
	seeds, _ := filepath.Glob("testdata/*.geojson")
	for _, s := range seeds {
		b, err := os.ReadFile(s)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte(`{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Polygon","coordinates":` + strings.Repeat("[", 100)))
	f.Fuzz(func(t *testing.T, b []byte) {
		l, err := ReadGeoJSONLayer(b, "fuzz.geojson")
		if err != nil {
			return
		}
		opt := ReadOptions{Key: "key", Name: "name"}
		l.Check(opt, CheckOptions{})
		l.Areas(opt)
	})
}

// FuzzReadShapefile mutates the three parts of a shapefile (.shp, .shx,
// .dbf) of the plan package's test layer.
//
//	go test ./geo -run '^$' -fuzz FuzzReadShapefile -fuzztime 10m
func FuzzReadShapefile(f *testing.F) {
	var parts [3][]byte
	for i, ext := range []string{"shp", "shx", "dbf"} {
		b, err := os.ReadFile("../plan/testdata/gebiete." + ext)
		if err != nil {
			f.Fatal(err)
		}
		parts[i] = b
	}
	f.Add(parts[0], parts[1], parts[2])
	f.Fuzz(func(t *testing.T, shp, shx, dbf []byte) {
		l, err := ReadShapefileLayer(ShapefileParts{SHP: shp, SHX: shx, DBF: dbf}, "fuzz.shp")
		if err != nil {
			return
		}
		opt := ReadOptions{Key: "pr_id", CRS: UTM33}
		l.Check(opt, CheckOptions{})
		l.Areas(opt)
	})
}

// FuzzReadGeoPackage feeds the GeoPackage reader (and its SQLite reader)
// arbitrary bytes: it must give a layer or a *FeatureError naming the
// file, never panic, hang or allocate what the file does not hold. Seeds:
// the 6 KB testdata/tiny.gpkg (Go's fuzzer crawls on 100 KB inputs), the
// damaged versions of it that crashed the reader once, and the corpus in
// testdata/fuzz/FuzzReadGeoPackage.
//
//	go test ./geo -run '^$' -fuzz '^FuzzReadGeoPackage$' -fuzztime 10m
func FuzzReadGeoPackage(f *testing.F) {
	data, err := os.ReadFile("testdata/tiny.gpkg")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(data)
	for _, kind := range []string{"huge record header", "huge serial type", "huge row", "overflow loop", "tree loop"} {
		f.Add(damagedGeoPackage(f, kind))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		l, err := ReadGeoPackageLayer(b, "fuzz.gpkg", "")
		if err != nil {
			var fe *FeatureError
			if !errors.As(err, &fe) || fe.File != "fuzz.gpkg" {
				t.Fatalf("error without the file: %T %v", err, err)
			}
			return
		}
		opt := ReadOptions{Key: "key", Name: "name"}
		l.Check(opt, CheckOptions{})
		l.Areas(opt)
	})
}
