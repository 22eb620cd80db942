package geo

import (
	"os"
	"path/filepath"
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
