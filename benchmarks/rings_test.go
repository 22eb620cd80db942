package benchmarks

import (
	"bytes"
	"sync"
	"testing"

	"planatlas/geo"
)

// ring1M is one area whose square boundary has 1,000,000 vertices as
// GeoJSON (about 40 MB), made once.
var ring1M = sync.OnceValue(func() []byte {
	var b bytes.Buffer
	if err := WriteRingGeoJSON(&b, 1_000_000); err != nil {
		panic(err)
	}
	return b.Bytes()
})

// squares100k is one shapefile record of 100,000 parts: 80,000 squares,
// 20,000 of them with a hole.
var squares100k = sync.OnceValue(func() geo.ShapefileParts { return SquaresShapefile(400, 200) })

// BenchmarkReadRing1M reads one planning area whose boundary has
// 1,000,000 vertices, long runs of them collinear, from GeoJSON into
// checked planning areas (parse, validity, orientation).
func BenchmarkReadRing1M(b *testing.B) {
	data := ring1M()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		l, err := geo.ReadGeoJSONLayer(data, "ring.geojson")
		if err != nil {
			b.Fatal(err)
		}
		if _, err := l.Areas(geo.ReadOptions{Key: "key"}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkReadShapefileParts100k reads a shapefile record of 100,000
// parts, grouping its rings into polygons and holes by containment.
func BenchmarkReadShapefileParts100k(b *testing.B) {
	p := squares100k()
	for b.Loop() {
		if _, err := geo.ReadShapefileLayer(p, "squares.shp"); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkAreasShapefileParts100k turns that record into a planning
// area: the validity of a multipolygon of 80,000 parts.
func BenchmarkAreasShapefileParts100k(b *testing.B) {
	l, err := geo.ReadShapefileLayer(squares100k(), "squares.shp")
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := l.Areas(geo.ReadOptions{Key: "key"}); err != nil {
			b.Fatal(err)
		}
	}
}
