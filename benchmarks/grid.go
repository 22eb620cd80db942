package benchmarks

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"strconv"
)

// WriteGridGeoJSON writes nx × ny square planning areas of side metres
// as a GeoJSON FeatureCollection in ETRS89 / UTM zone 33N (with the
// older "crs" member, as German geoportals write it), keys "000001" …
// in row-major order. It is the synthetic city of the geometry
// benchmarks; the peers read the same file.
func WriteGridGeoJSON(w io.Writer, nx, ny int, side float64) error {
	bw := bufio.NewWriterSize(w, 1<<20)
	bw.WriteString(`{"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::25833"}},"features":[` + "\n")
	f := func(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }
	n := 0
	for r := 0; r < ny; r++ {
		for c := 0; c < nx; c++ {
			n++
			x0, y0 := 300000+float64(c)*side, 5600000+float64(r)*side
			x1, y1 := x0+side, y0+side
			if n > 1 {
				bw.WriteString(",\n")
			}
			fmt.Fprintf(bw, `{"type":"Feature","properties":{"key":"%06d","name":"Gebiet %d"},"geometry":{"type":"Polygon","coordinates":[[[%s,%s],[%s,%s],[%s,%s],[%s,%s],[%s,%s]]]}}`,
				n, n, f(x0), f(y0), f(x1), f(y0), f(x1), f(y1), f(x0), f(y1), f(x0), f(y0))
		}
	}
	bw.WriteString("\n]}\n")
	return bw.Flush()
}

// GridValues returns a value per cell of an nx × ny grid (row-major): a
// smooth surface plus noise, seeded, the same the peers' script reads.
func GridValues(nx, ny int, seed uint64) []float64 {
	r := rand.New(rand.NewPCG(seed, 2))
	x := make([]float64, nx*ny)
	for row := 0; row < ny; row++ {
		for c := 0; c < nx; c++ {
			x[row*nx+c] = math.Sin(float64(c)/20) + math.Cos(float64(row)/15) + r.NormFloat64()
		}
	}
	return x
}
