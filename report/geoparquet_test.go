package report

import (
	"bytes"
	"context"
	"encoding/json"
	"math"
	"planatlas/datasets"
	"planatlas/geo"
	"reflect"
	"testing"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"github.com/apache/arrow-go/v18/parquet"
	"github.com/apache/arrow-go/v18/parquet/file"
	"github.com/apache/arrow-go/v18/parquet/pqarrow"
	"github.com/paulmach/orb"
	"github.com/peterstace/simplefeatures/geom"
)

// utmSquare is a counter-clockwise square in ETRS89 / UTM 33N near
// Berlin's centre, side s metres, lower-left corner (x, y) off it.
func utmSquare(x, y, s float64) orb.Ring {
	x0, y0 := 390000+x, 5819000+y
	return orb.Ring{{x0, y0}, {x0 + s, y0}, {x0 + s, y0 + s}, {x0, y0 + s}, {x0, y0}}
}

func reversed(r orb.Ring) orb.Ring {
	out := make(orb.Ring, len(r))
	for i, p := range r {
		out[len(r)-1-i] = p
	}
	return out
}

// areas.parquet is GeoParquet 1.1: read back with arrow-go, its "geo"
// metadata has the required fields, every geometry decodes (with
// simplefeatures, not the writer's orb) to the coordinates of
// areas.geojson with the shell counter-clockwise and holes clockwise,
// the bbox covering is each geometry's bounds, the file's bbox their
// union, and a second write gives the same bytes.
func TestAreaGeoParquet(t *testing.T) {
	tests := []struct {
		name  string
		crs   geo.CRS
		geoms []orb.MultiPolygon
		parts []int // polygons per area
	}{
		{"UTM, one polygon with a hole", geo.UTM33, []orb.MultiPolygon{
			{{utmSquare(0, 0, 1000), reversed(utmSquare(250, 250, 500))}},
		}, []int{1}},
		{"UTM, two parts and an area beside", geo.UTM33, []orb.MultiPolygon{
			{{utmSquare(0, 0, 1000)}, {utmSquare(2000, 0, 300)}},
			{{utmSquare(1000, 0, 1000)}},
		}, []int{2, 1}},
		{"WGS84 given clockwise with 9 decimals", geo.WGS84, []orb.MultiPolygon{
			{{reversed(orb.Ring{{13.123456789, 52.5}, {13.2, 52.5}, {13.2, 52.587654321}, {13.123456789, 52.5}})}},
		}, []int{1}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := &geo.Areas{CRS: tc.crs, Geoms: tc.geoms}
			for i := range tc.geoms {
				k := string(rune('a' + i))
				a.Keys, a.Names = append(a.Keys, k), append(a.Names, "Gebiet "+k)
				a.Parents, a.ParentNames = append(a.Parents, "1"), append(a.ParentNames, "Mitte")
			}
			data := writeAreaParquet(t, a)
			if again := writeAreaParquet(t, a); !bytes.Equal(data, again) {
				t.Fatalf("a second write differs: %d and %d bytes", len(data), len(again))
			}
			want := geoJSONCoordinates(t, a)
			tbl := readParquetTable(t, data)
			defer tbl.Release()
			wkbs, boxes := geometryColumns(t, tbl)
			union := [4]float64{math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)}
			for i := range wkbs {
				got := decodeWKB(t, wkbs[i])
				if len(got) != tc.parts[i] {
					t.Errorf("area %d: %d polygons, want %d", i, len(got), tc.parts[i])
				}
				if !reflect.DeepEqual(got, want[i]) {
					t.Errorf("area %d: WKB coordinates\n%v\nGeoJSON's\n%v", i, got, want[i])
				}
				checkOrientation(t, i, got)
				if b := bounds(got); b != boxes[i] {
					t.Errorf("area %d: bbox %v, the geometry's bounds %v", i, boxes[i], b)
				}
				union = [4]float64{min(union[0], boxes[i][0]), min(union[1], boxes[i][1]), max(union[2], boxes[i][2]), max(union[3], boxes[i][3])}
			}
			checkGeoMetadata(t, data, union)
		})
	}
}

func writeAreaParquet(t *testing.T, a *geo.Areas) []byte {
	t.Helper()
	f, err := AreaGeoFrame(AreaFrame(NewLocale("de"), a, nil), a)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := datasets.WriteParquet(&buf, f); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// polygons are the rings of a multipolygon as [][][][2]float64, the
// shape of GeoJSON's MultiPolygon coordinates.
type polygons [][][][2]float64

// geoJSONCoordinates returns each area's coordinates as areas.geojson
// has them, a Polygon taken as a MultiPolygon of one.
func geoJSONCoordinates(t *testing.T, a *geo.Areas) []polygons {
	t.Helper()
	var buf bytes.Buffer
	if err := geo.WriteGeoJSON(&buf, a, nil); err != nil {
		t.Fatal(err)
	}
	var fc struct {
		Features []struct {
			Geometry struct {
				Type        string          `json:"type"`
				Coordinates json.RawMessage `json:"coordinates"`
			} `json:"geometry"`
		} `json:"features"`
	}
	if err := json.Unmarshal(buf.Bytes(), &fc); err != nil {
		t.Fatal(err)
	}
	out := make([]polygons, len(fc.Features))
	for i, f := range fc.Features {
		var err error
		if f.Geometry.Type == "Polygon" {
			var p [][][2]float64
			err = json.Unmarshal(f.Geometry.Coordinates, &p)
			out[i] = polygons{p}
		} else {
			err = json.Unmarshal(f.Geometry.Coordinates, &out[i])
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	return out
}

func readParquetTable(t *testing.T, data []byte) arrow.Table {
	t.Helper()
	tbl, err := pqarrow.ReadTable(context.Background(), bytes.NewReader(data), parquet.NewReaderProperties(memory.DefaultAllocator), pqarrow.ArrowReadProperties{}, memory.DefaultAllocator)
	if err != nil {
		t.Fatal(err)
	}
	return tbl
}

// geometryColumns returns the WKB of the "geometry" column and the boxes
// of the "bbox" struct, checking their Parquet types on the way.
func geometryColumns(t *testing.T, tbl arrow.Table) ([][]byte, [][4]float64) {
	t.Helper()
	col := func(name string) arrow.Array {
		idx := tbl.Schema().FieldIndices(name)
		if len(idx) != 1 {
			t.Fatalf("no column %q in %s", name, tbl.Schema())
		}
		chunks := tbl.Column(idx[0]).Data().Chunks()
		if len(chunks) != 1 {
			t.Fatalf("column %q in %d chunks", name, len(chunks))
		}
		return chunks[0]
	}
	g, ok := col("geometry").(*array.Binary)
	if !ok {
		t.Fatalf("geometry is %s, want binary", col("geometry").DataType())
	}
	s, ok := col("bbox").(*array.Struct)
	if !ok {
		t.Fatalf("bbox is %s, want a struct", col("bbox").DataType())
	}
	names := []string{"xmin", "ymin", "xmax", "ymax"}
	var fields [4]*array.Float64
	for k, n := range names {
		st := s.DataType().(*arrow.StructType)
		if st.Field(k).Name != n {
			t.Fatalf("bbox field %d is %q, want %q", k, st.Field(k).Name, n)
		}
		if fields[k], ok = s.Field(k).(*array.Float64); !ok {
			t.Fatalf("bbox.%s is %s, want double", n, s.Field(k).DataType())
		}
	}
	wkbs := make([][]byte, g.Len())
	boxes := make([][4]float64, g.Len())
	for i := range wkbs {
		wkbs[i] = g.Value(i)
		for k := range fields {
			boxes[i][k] = fields[k].Value(i)
		}
	}
	return wkbs, boxes
}

// decodeWKB decodes with simplefeatures, which validates the geometry.
func decodeWKB(t *testing.T, b []byte) polygons {
	t.Helper()
	g, err := geom.UnmarshalWKB(b)
	if err != nil {
		t.Fatalf("WKB: %v", err)
	}
	mp, ok := g.AsMultiPolygon()
	if !ok {
		t.Fatalf("WKB holds a %s, want a MultiPolygon", g.Type())
	}
	ring := func(ls geom.LineString) [][2]float64 {
		seq := ls.Coordinates()
		out := make([][2]float64, seq.Length())
		for i := range out {
			xy := seq.GetXY(i)
			out[i] = [2]float64{xy.X, xy.Y}
		}
		return out
	}
	var out polygons
	for p := 0; p < mp.NumPolygons(); p++ {
		poly := mp.PolygonN(p)
		rings := [][][2]float64{ring(poly.ExteriorRing())}
		for h := 0; h < poly.NumInteriorRings(); h++ {
			rings = append(rings, ring(poly.InteriorRingN(h)))
		}
		out = append(out, rings)
	}
	return out
}

// checkOrientation checks "orientation": "counterclockwise": shells
// have positive signed area, holes negative.
func checkOrientation(t *testing.T, area int, ps polygons) {
	t.Helper()
	for p, rings := range ps {
		for r, ring := range rings {
			var s float64
			for i := 0; i+1 < len(ring); i++ {
				s += ring[i][0]*ring[i+1][1] - ring[i+1][0]*ring[i][1]
			}
			if (r == 0) != (s > 0) {
				t.Errorf("area %d polygon %d ring %d: signed area %g, the wrong way round", area, p, r, s/2)
			}
		}
	}
}

func bounds(ps polygons) [4]float64 {
	b := [4]float64{math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)}
	for _, rings := range ps {
		for _, ring := range rings {
			for _, pt := range ring {
				b = [4]float64{min(b[0], pt[0]), min(b[1], pt[1]), max(b[2], pt[0]), max(b[3], pt[1])}
			}
		}
	}
	return b
}

// checkGeoMetadata reads the "geo" entry of the Parquet file's
// key_value_metadata (not the Arrow schema's) and checks what GeoParquet
// 1.1 requires and what AreaGeoFrame declares.
func checkGeoMetadata(t *testing.T, data []byte, union [4]float64) {
	t.Helper()
	r, err := file.NewParquetReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	v := r.MetaData().KeyValueMetadata().FindValue("geo")
	if v == nil {
		t.Fatal("no \"geo\" key-value metadata")
	}
	var m struct {
		Version       string                     `json:"version"`
		PrimaryColumn string                     `json:"primary_column"`
		Columns       map[string]json.RawMessage `json:"columns"`
	}
	if err := json.Unmarshal([]byte(*v), &m); err != nil {
		t.Fatalf("geo metadata %s: %v", *v, err)
	}
	if m.Version != "1.1.0" || m.PrimaryColumn != "geometry" || len(m.Columns) != 1 {
		t.Fatalf("geo metadata %s: want version 1.1.0, primary_column geometry, one column", *v)
	}
	var c map[string]any
	if err := json.Unmarshal(m.Columns["geometry"], &c); err != nil {
		t.Fatalf("columns.geometry: %v", err)
	}
	cover := map[string]any{"bbox": map[string]any{
		"xmin": []any{"bbox", "xmin"}, "ymin": []any{"bbox", "ymin"},
		"xmax": []any{"bbox", "xmax"}, "ymax": []any{"bbox", "ymax"}}}
	want := map[string]any{
		"encoding": "WKB", "geometry_types": []any{"MultiPolygon"}, "edges": "planar", "orientation": "counterclockwise",
		"bbox": []any{union[0], union[1], union[2], union[3]}, "covering": cover,
	}
	// No "crs": the coordinates are OGC:CRS84, which a missing crs means.
	if !reflect.DeepEqual(c, want) {
		t.Errorf("columns.geometry\n%v\nwant\n%v", c, want)
	}
}
