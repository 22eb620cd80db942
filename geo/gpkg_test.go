package geo

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

func openerOf(t *testing.T) Opener {
	return func(name string) ([]byte, error) { return os.ReadFile(name) }
}

// The demo city's areas read from a GeoPackage written by GDAL equal the
// same areas read from GeoJSON: keys, names, districts, CRS, geometry.
func TestReadGeoPackage(t *testing.T) {
	opt := ReadOptions{Key: "pr_id", Name: "pr_name", Parent: "stt_id", ParentName: "stt_name"}
	l, err := ReadLayer("testdata/layers.gpkg", openerOf(t), "")
	if err != nil {
		t.Fatal(err)
	}
	if l.Format != "GeoPackage" || l.CRS != UTM33 || len(l.Features) != 38 {
		t.Fatalf("format %s, CRS %v, %d features", l.Format, l.CRS, len(l.Features))
	}
	if got := strings.Join(l.Fields, ","); got != "fid,pr_id,pr_name,stt_id,stt_name" {
		t.Errorf("fields %s", got)
	}
	a, err := l.Areas(opt)
	if err != nil {
		t.Fatal(err)
	}
	gj, err := ReadLayer("../demo/data/planungsraeume.geojson", openerOf(t), "")
	if err != nil {
		t.Fatal(err)
	}
	b, err := gj.Areas(opt)
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(a.Keys, a.Names, a.Parents, a.ParentNames) != fmt.Sprint(b.Keys, b.Names, b.Parents, b.ParentNames) {
		t.Errorf("attributes differ:\n%v\n%v", a.Names, b.Names)
	}
	for i := range a.Geoms {
		if fmt.Sprint(a.Geoms[i]) != fmt.Sprint(b.Geoms[i]) {
			t.Errorf("area %s: geometries differ", a.Keys[i])
		}
	}
}

func TestReadGeoPackageErrors(t *testing.T) {
	l, err := ReadLayer("testdata/layers.gpkg", openerOf(t), "kitas")
	if err != nil {
		t.Fatal(err)
	}
	_, err = l.Areas(ReadOptions{Key: "name"})
	want := `testdata/layers.gpkg: feature 1 (key "Kita Sonnenschein"): "geometry": is a Point; planning areas must be Polygon or MultiPolygon`
	if err == nil || err.Error() != want {
		t.Errorf("point layer: %v", err)
	}
	_, err = ReadLayer("testdata/layers.gpkg", openerOf(t), "gebiete")
	want = `testdata/layers.gpkg: no layer "gebiete"; the GeoPackage holds "kitas" (point), "planungsraeume" (polygon)`
	if err == nil || err.Error() != want {
		t.Errorf("unknown layer: %v", err)
	}
	data, _ := os.ReadFile("testdata/layers.gpkg")
	for _, tc := range []struct {
		data []byte
		want string
	}{
		{[]byte("not a database at all, but long enough to have a header of one hundred bytes........................"), "x.gpkg: not an SQLite database (a GeoPackage is one)"},
		{data[:len(data)-100], "x.gpkg: the file is 110492 bytes, not a whole number of 4096-byte pages: it is truncated or damaged"},
		{data[:8192], "x.gpkg: damaged database: page "},
	} {
		_, err := ReadGeoPackageLayer(tc.data, "x.gpkg", "")
		if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
			t.Errorf("error\n  %v\nwant prefix\n  %s", err, tc.want)
		}
	}
}

// A hand-made GeoPackage: an INTEGER PRIMARY KEY (stored as NULL),
// integers, reals, umlauts, and a column added after the rows were
// written (absent from them: NULL).
func TestReadTinyGeoPackage(t *testing.T) {
	l, err := ReadLayer("testdata/tiny.gpkg", openerOf(t), "")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range l.Features {
		var row []string
		for _, a := range f.Attrs {
			row = append(row, fmt.Sprintf("%s/%v/%v", a.Text, a.Number, a.Null))
		}
		got = append(got, strings.Join(row, " "))
	}
	want := "1/true/false 01/false/false Altstadt Süd/false/false 1200/true/false 0.25/true/false /false/true\n" +
		"2/true/false 02/false/false Neuß/false/false 1201/true/false 0.375/true/false /false/true"
	if strings.Join(got, "\n") != want {
		t.Errorf("attributes\n%s\nwant\n%s", strings.Join(got, "\n"), want)
	}
	if fmt.Sprint(l.Fields) != "[fid key name einwohner anteil spaeter]" || l.CRS != UTM33 {
		t.Errorf("fields %v, CRS %v", l.Fields, l.CRS)
	}
	a, err := l.Areas(ReadOptions{Key: "key", Name: "name"})
	if err != nil {
		t.Fatal(err)
	}
	if a.AreaM2(0) != 10000 || a.AreaM2(1) != 10000 {
		t.Errorf("areas %v %v", a.AreaM2(0), a.AreaM2(1))
	}
}

// A damaged GeoPackage gives an error, never a panic or a hang. (The seed
// is the 6 KB GeoPackage: Go's fuzzer crawls on 100 KB inputs.)
func FuzzReadGeoPackage(f *testing.F) {
	data, err := os.ReadFile("testdata/tiny.gpkg")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(data)
	f.Fuzz(func(t *testing.T, b []byte) {
		l, err := ReadGeoPackageLayer(b, "fuzz.gpkg", "")
		if err == nil {
			l.Check(ReadOptions{Key: "key"}, CheckOptions{})
		}
	})
}
