package geo

import (
	_ "embed"
	"encoding/binary"
	"fmt"
	"math"
	"sync"
)

//go:embed grids/BETA2007.gsb
var beta2007GSB []byte

// beta2007 is the DHDN → ETRS89 grid, parsed once on first use and read
// only afterwards.
var beta2007 = sync.OnceValue(func() *ntv2 {
	g, err := parseNTv2(beta2007GSB)
	if err != nil {
		panic(fmt.Sprintf("geo: embedded BETA2007 grid: %v", err)) // shipped with planatlas; tested
	}
	return g
})

// ntv2 is one NTv2 grid (the subfile of a single-grid file), in
// arc-seconds with longitudes positive west, as the format stores them.
type ntv2 struct {
	sLat, nLat, eLon, wLon float64 // bounds, arc-seconds (lon positive west)
	latInc, lonInc         float64
	rows, cols             int
	dLat, dLon             []float32 // shifts, arc-seconds, row-major from the south-east corner
}

// parseNTv2 reads an NTv2 file with one subfile (BETA2007 has one).
func parseNTv2(b []byte) (*ntv2, error) {
	if len(b) < 22*16 || string(b[:8]) != "NUM_OREC" {
		return nil, fmt.Errorf("not an NTv2 file")
	}
	le := binary.LittleEndian
	if le.Uint32(b[8:]) != 11 {
		return nil, fmt.Errorf("unsupported NTv2 header (big-endian or not 11 records)")
	}
	if n := le.Uint32(b[2*16+8:]); n != 1 {
		return nil, fmt.Errorf("%d subfiles; only single-grid files are supported", n)
	}
	sub := b[11*16:]
	f := func(i int) float64 { return math.Float64frombits(le.Uint64(sub[i*16+8:])) }
	g := &ntv2{sLat: f(4), nLat: f(5), eLon: f(6), wLon: f(7), latInc: f(8), lonInc: f(9)}
	count := int(le.Uint32(sub[10*16+8:]))
	g.rows = int(math.Round((g.nLat-g.sLat)/g.latInc)) + 1
	g.cols = int(math.Round((g.wLon-g.eLon)/g.lonInc)) + 1
	if g.rows*g.cols != count {
		return nil, fmt.Errorf("grid of %d × %d nodes but %d records", g.rows, g.cols, count)
	}
	data := sub[11*16:]
	if len(data) < count*16 {
		return nil, fmt.Errorf("grid truncated")
	}
	g.dLat, g.dLon = make([]float32, count), make([]float32, count)
	for i := 0; i < count; i++ {
		g.dLat[i] = math.Float32frombits(le.Uint32(data[i*16:]))
		g.dLon[i] = math.Float32frombits(le.Uint32(data[i*16+4:]))
	}
	return g, nil
}

// shift returns the bilinearly interpolated shift at (lon, lat) degrees,
// in degrees (east and north positive); ok is false outside the grid.
func (g *ntv2) shift(lon, lat float64) (dlon, dlat float64, ok bool) {
	x := (-lon*3600 - g.eLon) / g.lonInc // columns run westward
	y := (lat*3600 - g.sLat) / g.latInc
	if x < 0 || y < 0 || x > float64(g.cols-1) || y > float64(g.rows-1) {
		return 0, 0, false
	}
	i, j := int(x), int(y)
	if i == g.cols-1 {
		i--
	}
	if j == g.rows-1 {
		j--
	}
	fx, fy := x-float64(i), y-float64(j)
	at := func(s []float32, c, r int) float64 { return float64(s[r*g.cols+c]) }
	bil := func(s []float32) float64 {
		return (1-fx)*(1-fy)*at(s, i, j) + fx*(1-fy)*at(s, i+1, j) + (1-fx)*fy*at(s, i, j+1) + fx*fy*at(s, i+1, j+1)
	}
	return -bil(g.dLon) / 3600, bil(g.dLat) / 3600, true
}

// forward applies the shift (DHDN → ETRS89).
func (g *ntv2) forward(lon, lat float64) (float64, float64, bool) {
	dlon, dlat, ok := g.shift(lon, lat)
	return lon + dlon, lat + dlat, ok
}

// inverse undoes the shift (ETRS89 → DHDN) by fixed-point iteration,
// as PROJ does.
func (g *ntv2) inverse(lon, lat float64) (float64, float64, bool) {
	x, y := lon, lat
	for i := 0; i < 10; i++ {
		dlon, dlat, ok := g.shift(x, y)
		if !ok {
			return math.NaN(), math.NaN(), false
		}
		nx, ny := lon-dlon, lat-dlat
		if math.Abs(nx-x) < 1e-12 && math.Abs(ny-y) < 1e-12 {
			return nx, ny, true
		}
		x, y = nx, ny
	}
	return x, y, true
}
