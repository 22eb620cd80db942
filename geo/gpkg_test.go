package geo

import (
	"bytes"
	"encoding/binary"
	"errors"
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
}

// A damaged database gives an error that names the file, the table, the
// row or page and the value at fault, and says what to do; never a
// panic, a huge allocation or an endless walk. The damaged files are
// tiny.gpkg with a few bytes changed (see damagedGeoPackage).
func TestReadDamagedGeoPackage(t *testing.T) {
	data, err := os.ReadFile("testdata/layers.gpkg")
	if err != nil {
		t.Fatal(err)
	}
	const advice = ": the file is damaged or not a GeoPackage; export it again from your GIS"
	for _, tc := range []struct {
		name string
		data []byte
		want string
	}{
		{"not a database", []byte("not a database at all, but long enough to have a header of one hundred bytes........................"),
			"x.gpkg: not an SQLite database (a GeoPackage is one)"},
		{"truncated mid-page", data[:len(data)-100],
			"x.gpkg: the file is 110492 bytes, not a whole number of 4096-byte pages: it is truncated or damaged"},
		{"truncated", data[:8192],
			`x.gpkg: damaged database: table "sqlite_master": page 15 is outside the file (2 pages)` + advice},
		{"page size", damagedGeoPackage(t, "page size"),
			"x.gpkg: damaged database: the header gives page size 768 (a power of two from 512 to 65536)" + advice},
		{"reserved bytes", damagedGeoPackage(t, "reserved bytes"),
			"x.gpkg: damaged database: the header reserves 200 of the 512 bytes of each page" + advice},
		{"huge record header", damagedGeoPackage(t, "huge record header"),
			`x.gpkg: damaged database: table "gebiete": row 1: the record header claims 18446744073709551615 bytes, but the record has 134` + advice},
		{"huge serial type", damagedGeoPackage(t, "huge serial type"),
			`x.gpkg: damaged database: table "gebiete": row 1: column 1 claims 9223372036854775801 bytes (serial type 18446744073709551615), but the record has 123 left` + advice},
		{"serial type 10", damagedGeoPackage(t, "serial type 10"),
			`x.gpkg: damaged database: table "gebiete": row 1: column 1 has serial type 10, which SQLite does not use` + advice},
		{"huge row", damagedGeoPackage(t, "huge row"),
			`x.gpkg: damaged database: table "gebiete": page 11, cell 1: the row claims 7093 bytes, more than the file's 6656` + advice},
		{"overflow loop", damagedGeoPackage(t, "overflow loop"),
			`x.gpkg: damaged database: table "gebiete": page 11, cell 1: overflow chain: page 9 is reached twice: the table's tree or a row's overflow chain loops` + advice},
		{"tree loop", damagedGeoPackage(t, "tree loop"),
			`x.gpkg: damaged database: table "sqlite_master": page 1 is reached twice: the table's tree or a row's overflow chain loops` + advice},
		{"cell count", damagedGeoPackage(t, "cell count"),
			`x.gpkg: damaged database: table "gebiete": page 11 claims 65535 cells, more than fit in a page` + advice},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ReadGeoPackageLayer(tc.data, "x.gpkg", "")
			var fe *FeatureError
			if !errors.As(err, &fe) || err.Error() != tc.want {
				t.Errorf("error\n  %v\nwant\n  %s", err, tc.want)
			}
		})
	}
}

// damagedGeoPackage returns testdata/tiny.gpkg (512-byte pages; the
// table gebiete on page 11, a leaf) damaged in the way kind names.
func damagedGeoPackage(t testing.TB, kind string) []byte {
	b, err := os.ReadFile("testdata/tiny.gpkg")
	if err != nil {
		t.Fatal(err)
	}
	const ps = 512
	leaf := b[10*ps : 11*ps]
	cell := int(binary.BigEndian.Uint16(leaf[8:]))                     // the first row's cell
	payload := cell + 3                                                // after a two-byte size and a one-byte rowid
	ff := func(at int) { copy(b[at:], bytes.Repeat([]byte{0xff}, 9)) } // the varint 2^64-1
	switch kind {
	case "page size":
		binary.BigEndian.PutUint16(b[16:], 768)
	case "reserved bytes":
		b[20] = 200
	case "huge record header":
		ff(10*ps + payload)
	case "huge serial type":
		leaf[payload] = 11 // a header of 11 bytes whose first serial type is 2^64-1
		ff(10*ps + payload + 1)
	case "serial type 10":
		leaf[payload+1] = 10
	case "huge row": // 7093 bytes, more than the whole file
		leaf[cell], leaf[cell+1] = 0x80|7093>>7, 7093&0x7f
	case "overflow loop": // 6585 bytes: 39 on the page, then page 9 (an index), which continues on itself
		leaf[cell], leaf[cell+1] = 0x80|6585>>7, 6585&0x7f
		binary.BigEndian.PutUint32(leaf[payload+39:], 9)
		binary.BigEndian.PutUint32(b[8*ps:], 9)
	case "tree loop": // sqlite_master's page becomes an interior page pointing to itself
		b[100] = 0x05
		binary.BigEndian.PutUint16(b[103:], 0)
		binary.BigEndian.PutUint32(b[108:], 1)
	case "cell count":
		binary.BigEndian.PutUint16(leaf[3:], 0xffff)
	default:
		t.Fatalf("unknown damage %q", kind)
	}
	return b
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
	if a.planeM2(0) != 10000 || a.planeM2(1) != 10000 {
		t.Errorf("areas %v %v", a.planeM2(0), a.planeM2(1))
	}
}
