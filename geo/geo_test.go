package geo

import (
	"bytes"
	"encoding/json"
	"errors"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func readTest(t *testing.T, name string, opt ReadOptions) (*Areas, error) {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if opt.Key == "" {
		opt.Key = "id"
	}
	return ReadGeoJSON(f, name, opt)
}

func TestReadGeoJSONProjected(t *testing.T) {
	a, err := readTest(t, "two_squares_utm.geojson", ReadOptions{Name: "name", Parent: "stt", ParentName: "stt_name"})
	if err != nil {
		t.Fatal(err)
	}
	if a.CRS != UTM33 || strings.Join(a.Keys, ",") != "01,02" || a.Names[0] != "West mit Loch" || a.ParentNames[1] != "Mitte" {
		t.Fatalf("read %v %v %v %v", a.CRS, a.Keys, a.Names, a.ParentNames)
	}
	// 1 km² minus a 200 m × 200 m hole
	if got := a.planeM2(0); got != 1e6-4e4 {
		t.Errorf("area with hole = %v m², want %v", got, 1e6-4e4)
	}
	if got := a.planeM2(1); got != 1e6 {
		t.Errorf("area = %v", got)
	}
	// shells counter-clockwise, holes clockwise after reading
	if ringArea(a.Geoms[0][0][0]) <= 0 || ringArea(a.Geoms[0][0][1]) >= 0 || ringArea(a.Geoms[1][0][0]) <= 0 {
		t.Error("rings not oriented shell-ccw, hole-cw")
	}
}

func TestReadGeoJSONWGS84ProjectsToUTM(t *testing.T) {
	a, err := readTest(t, "wgs84.geojson", ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if a.CRS != UTM33 {
		t.Fatalf("CRS %v, want UTM zone 33 for longitude 13.2", a.CRS)
	}
	// 0.01° × 0.01° at 50.9°N: about 703 m × 1112 m
	if got := a.AreaM2(0); math.Abs(got-781800) > 2000 {
		t.Errorf("area %v m²", got)
	}
}

func TestReadGeoJSONErrors(t *testing.T) {
	tests := []struct {
		file string
		opt  ReadOptions
		want string
	}{
		{"notjson.geojson", ReadOptions{}, "notjson.geojson: not valid GeoJSON: expected a string at '}' (line 2, column 19)"},
		{"nogeometry.geojson", ReadOptions{}, `nogeometry.geojson: feature 2 (key "02"): "geometry": the feature has no geometry`},
		{"unclosed.geojson", ReadOptions{}, `unclosed.geojson: feature 1 (key "01"): "geometry": ring 1 of polygon 1 is not closed`},
		{"duplicatekey.geojson", ReadOptions{}, `duplicatekey.geojson: feature 3 (key "01"): the key is used by feature 1 too`},
		{"metresasdegrees.geojson", ReadOptions{}, `metresasdegrees.geojson: feature 1 (key "01"): "geometry": ring 1 of polygon 1: point (372000, 5640000) cannot be longitude and latitude in degrees`},
		{"wgs84.geojson", ReadOptions{CRS: UTM33}, `wgs84.geojson: feature 1 (key "01"): "geometry": ring 1 of polygon 1: point (13.2, 50.9) looks like degrees, but EPSG:25833 is in metres`},
		{"point.geojson", ReadOptions{}, `point.geojson: feature 1 (key "01"): "geometry": is a Point; planning areas must be Polygon or MultiPolygon`},
		{"nokey.geojson", ReadOptions{}, `nokey.geojson: "id": no such attribute (attributes: "ID")`},
		{"emptymulti.geojson", ReadOptions{}, `emptymulti.geojson: feature 1 (key "01"): "geometry": the geometry is empty`},
		{"selfintersect.geojson", ReadOptions{}, `selfintersect.geojson: feature 1 (key "07"): "geometry": not a valid polygon: polygon 1, ring 1, a ring crosses or touches itself near (372000, 5640000)`},
		{"swapped.geojson", ReadOptions{}, `swapped.geojson: feature 1 (key "01"): "geometry": ring 1 of polygon 1: point (50.9, 13.2) looks like latitude, longitude`},
		{"two_squares_utm.geojson", ReadOptions{Name: "nam"}, `two_squares_utm.geojson: "nam": no such attribute (attributes: "id", "name", "stt", "stt_name")`},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			_, err := readTest(t, tc.file, tc.opt)
			if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
				t.Errorf("error\n  %v\nwant prefix\n  %s", err, tc.want)
			}
		})
	}
}

// Arrays and objects nested deeper than maxJSONDepth are an error naming
// the line, the column and the limit, found without recursing deeper:
// a million brackets neither overflow the stack nor take long. Nesting
// up to the limit is read.
func TestReadGeoJSONDeepNesting(t *testing.T) {
	const head = `{"type":"FeatureCollection","features":[{"type":"Feature","properties":`
	const advice = "; GeoJSON needs 8 levels or so: the file is damaged or not GeoJSON"
	deep := func(n int) string { // n arrays in a property, 4 levels down
		return head + `{"a":` + strings.Repeat("[", n) + "1" + strings.Repeat("]", n) + "}}]}"
	}
	for _, tc := range []struct {
		name, data, want string
	}{
		{"a million brackets in the coordinates",
			`{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Polygon","coordinates":` + strings.Repeat("[", 1_000_000),
			"deep.geojson: not valid GeoJSON: arrays and objects nested more than 64 deep at '[' (line 1, column 162)" + advice},
		{"objects in the properties", head + "\n" + strings.Repeat(`{"a":`, 100) + "1" + strings.Repeat("}", 100) + "}]}",
			"deep.geojson: not valid GeoJSON: arrays and objects nested more than 64 deep at '{' (line 2, column 306)" + advice},
		{"at the limit", deep(maxJSONDepth - 4), ""},
		{"one past the limit", deep(maxJSONDepth - 3),
			"deep.geojson: not valid GeoJSON: arrays and objects nested more than 64 deep at '[' (line 1, column 137)" + advice},
	} {
		t.Run(tc.name, func(t *testing.T) {
			l, err := ReadGeoJSONLayer([]byte(tc.data), "deep.geojson")
			if tc.want == "" {
				if err != nil || len(l.Features[0].Attrs[0].Text) != 2*(maxJSONDepth-4)+1 {
					t.Errorf("nesting at the limit: %v", err)
				}
				return
			}
			var fe *FeatureError
			if !errors.As(err, &fe) || err.Error() != tc.want {
				t.Errorf("error\n  %v\nwant\n  %s", err, tc.want)
			}
		})
	}
}

// JSON escapes, attributes of every kind and a "crs" member after the
// features are read as written.
func TestReadGeoJSONLayerDetails(t *testing.T) {
	data, err := os.ReadFile("testdata/escapes.geojson")
	if err != nil {
		t.Fatal(err)
	}
	l, err := ReadGeoJSONLayer(data, "escapes.geojson")
	if err != nil {
		t.Fatal(err)
	}
	if l.CRS != UTM33 || strings.Join(l.Fields, ",") != "id,name,n,flag,list" {
		t.Fatalf("crs %v fields %v", l.CRS, l.Fields)
	}
	a := l.Features[0].Attrs
	if a[0].Text != "01" || a[1].Text != "Mühl \"graben\"\n" || a[2].Text != "12.5" || !a[2].Number || a[3].Text != "true" || a[4].Text != "[1, 2]" {
		t.Errorf("attributes %+v", a)
	}
}

func TestJoin(t *testing.T) {
	a, err := readTest(t, "two_squares_utm.geojson", ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	j, err := a.Join([]string{"02", "01"}, nil)
	if err != nil || j.Keys[0] != "02" || j.planeM2(0) != 1e6 {
		t.Fatalf("Join in data order: %v %v", j, err)
	}
	where := func(k string) string { return "data.csv:7" }
	_, err = a.Join([]string{"1", "02", "03"}, where)
	want := `the areas of the data and of two_squares_utm.geojson do not match; 2 area(s) in the data have no geometry: "1" (data.csv:7), "03" (data.csv:7); 1 area(s) in two_squares_utm.geojson have no data: "01" (feature 2); the keys look as if leading zeros were lost ("1" in the data, "01" in the geometry)`
	if err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Errorf("Join error\n  %v\nwant prefix\n  %s", err, want)
	}
}

// Written GeoJSON is RFC 7946: WGS84, shells counter-clockwise, 7
// decimals, properties in the given order, null for missing numbers.
func TestWriteGeoJSON(t *testing.T) {
	a, err := readTest(t, "two_squares_utm.geojson", ReadOptions{Name: "name"})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	err = WriteGeoJSON(&buf, a, []Property{{Name: "key", Text: a.Keys}, {Name: "wert", Num: []float64{1.5, math.NaN()}}})
	if err != nil {
		t.Fatal(err)
	}
	var fc struct {
		Features []struct {
			Properties map[string]any
			Geometry   struct {
				Type        string
				Coordinates json.RawMessage
			}
		}
	}
	if err := json.Unmarshal(buf.Bytes(), &fc); err != nil {
		t.Fatalf("not JSON: %v", err)
	}
	if len(fc.Features) != 2 || fc.Features[0].Properties["key"] != "01" || fc.Features[1].Properties["wert"] != nil {
		t.Fatalf("features %+v", fc.Features)
	}
	if !strings.Contains(buf.String(), `"properties":{"key":"01","wert":1.5}`) {
		t.Error("property order or formatting changed")
	}
	if fc.Features[0].Geometry.Type != "Polygon" {
		t.Fatalf("a one-part multipolygon is written as %s, want Polygon", fc.Features[0].Geometry.Type)
	}
	var poly [][][]float64
	if err := json.Unmarshal(fc.Features[0].Geometry.Coordinates, &poly); err != nil || len(poly) != 2 {
		t.Fatalf("coordinates: %v, %d rings", err, len(poly))
	}
	shell := poly[0]
	var s float64
	for i := 0; i+1 < len(shell); i++ {
		s += shell[i][0]*shell[i+1][1] - shell[i+1][0]*shell[i][1]
	}
	if s <= 0 {
		t.Error("shell is not counter-clockwise")
	}
	lon, lat := UTM33.ToWGS84(372000, 5640000)
	if math.Abs(shell[0][0]-lon) > 1e-7 || math.Abs(shell[0][1]-lat) > 1e-7 {
		t.Errorf("first point %v, want (%v, %v)", shell[0], lon, lat)
	}
}

// Features merged by key that share an edge are dissolved into one valid
// polygon; disjoint ones stay a multipolygon.
func TestMergeDuplicates(t *testing.T) {
	gj := `{"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"EPSG:25833"}},"features":[
{"type":"Feature","properties":{"id":"01"},"geometry":{"type":"Polygon","coordinates":[[[372000,5640000],[372100,5640000],[372100,5640100],[372000,5640100],[372000,5640000]]]}},
{"type":"Feature","properties":{"id":"02"},"geometry":{"type":"Polygon","coordinates":[[[373000,5640000],[373100,5640000],[373100,5640100],[373000,5640100],[373000,5640000]]]}},
{"type":"Feature","properties":{"id":"01"},"geometry":{"type":"Polygon","coordinates":[[[372100,5640000],[372200,5640000],[372200,5640100],[372100,5640100],[372100,5640000]]]}},
{"type":"Feature","properties":{"id":"02"},"geometry":{"type":"Polygon","coordinates":[[[374000,5640000],[374100,5640000],[374100,5640100],[374000,5640100],[374000,5640000]]]}}]}`
	l, err := ReadGeoJSONLayer([]byte(gj), "m.geojson")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := l.Areas(ReadOptions{Key: "id"}); err == nil || !strings.Contains(err.Error(), `feature 3 (key "01"): the key is used by feature 1 too`) {
		t.Errorf("without merge: %v", err)
	}
	a, err := l.Areas(ReadOptions{Key: "id", MergeDuplicates: true})
	if err != nil {
		t.Fatal(err)
	}
	if a.Len() != 2 || len(a.Geoms[0]) != 1 || len(a.Geoms[1]) != 2 || a.planeM2(0) != 20000 || a.planeM2(1) != 20000 {
		t.Errorf("%d areas, parts %d and %d, areas %v and %v", a.Len(), len(a.Geoms[0]), len(a.Geoms[1]), a.planeM2(0), a.planeM2(1))
	}
}

// planeM2 is area i's area in the plane of its CRS (square units), for
// tests of reading and merging whose squares are exact there.
func (a *Areas) planeM2(i int) float64 { return multiPolygonArea(a.Geoms[i]) }

// AreaM2 measures on the ellipsoid: the same square kilometre of
// ETRS89 / UTM 33N, moved to LAEA Europe, to Gauss–Krüger 4, to Web
// Mercator and to longitude and latitude, has the same area in each to
// 1e-5 (DHDN's network differs from ETRS89's in scale by a few parts per
// million, which BETA2007 carries over), while the areas in their planes
// differ by up to 60 % (Web Mercator, which is projected to a UTM zone to
// be measured).
func TestAreaOnEllipsoid(t *testing.T) {
	a, err := readTest(t, "two_squares_utm.geojson", ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	want := a.AreaM2(1)
	if s := want / a.planeM2(1); s < 1.0003 || s > 1.0006 {
		t.Errorf("UTM 33N at 12.1° E: ellipsoid / plane = %v, want 1/k² ≈ 1.0004", s)
	}
	for _, code := range []int{3035, 31468, 3857, 4326} {
		b := a.In(mustEPSG(code))
		b.Declared = b.CRS
		if err := b.toPlanar(); err != nil {
			t.Fatal(err)
		}
		if got := b.AreaM2(1); math.Abs(got-want) > 1e-5*want {
			t.Errorf("EPSG:%d (measured in %s): %.3f m², UTM %.3f m²", code, b.CRS, got, want)
		}
	}
}
