package benchmarks

import (
	"bytes"
	"sync"
	"testing"

	"planatlas/geo"
)

// grid100k is the 400 × 250 grid of 100 m squares (100,000 areas) as
// GeoJSON (about 20 MB), made once.
var grid100k = sync.OnceValue(func() []byte {
	var b bytes.Buffer
	if err := WriteGridGeoJSON(&b, 400, 250, 100); err != nil {
		panic(err)
	}
	return b.Bytes()
})

func readGrid(b *testing.B) *geo.Areas {
	b.Helper()
	l, err := geo.ReadGeoJSONLayer(grid100k(), "grid.geojson")
	if err != nil {
		b.Fatal(err)
	}
	a, err := l.Areas(geo.ReadOptions{Key: "key", Name: "name"})
	if err != nil {
		b.Fatal(err)
	}
	return a
}

// BenchmarkReadGeoJSON100k reads 100,000 polygons from GeoJSON into
// checked planning areas (parse, keys, validity, orientation).
func BenchmarkReadGeoJSON100k(b *testing.B) {
	data := grid100k()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		readGrid(b)
	}
}

// BenchmarkQueen100k finds queen contiguity on the 100,000-area grid.
func BenchmarkQueen100k(b *testing.B) {
	a := readGrid(b)
	for b.Loop() {
		geo.Queen(a, 0.1)
	}
}

// BenchmarkRook100k finds rook contiguity on the 100,000-area grid.
func BenchmarkRook100k(b *testing.B) {
	a := readGrid(b)
	for b.Loop() {
		geo.Rook(a, 0.1)
	}
}

// BenchmarkKNearest100k finds the 6 nearest neighbours of 100,000 areas.
func BenchmarkKNearest100k(b *testing.B) {
	a := readGrid(b)
	for b.Loop() {
		if _, err := geo.KNearest(a, 6); err != nil {
			b.Fatal(err)
		}
	}
}
