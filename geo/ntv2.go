package geo

import (
	_ "embed"
	"encoding/binary"
	"fmt"
	"math"
	"strings"
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

// ntv2 is an NTv2 grid shift file (Natural Resources Canada, "NTv2
// Developer's Guide", 1997): a file header of 11 records, then subfiles,
// each a header of 11 records and its nodes. A subfile whose PARENT is
// "NONE" is a top-level grid; the others refine their parent over part of
// its area. A point takes its shift from the finest grid that contains
// it: the first top-level grid containing it, then, as long as one of the
// current grid's children contains it, that child (as PROJ does).
type ntv2 struct {
	grids    []ntv2Grid // in file order
	top      []int      // the top-level grids
	children [][]int    // children[i]: the grids whose parent is grid i
}

// ntv2Grid is one subfile, in arc-seconds with longitudes positive west,
// as the format stores them.
type ntv2Grid struct {
	name, parent           string
	sLat, nLat, eLon, wLon float64 // bounds, arc-seconds (lon positive west)
	latInc, lonInc         float64
	rows, cols             int
	dLat, dLon             []float32 // shifts, arc-seconds, row-major from the south-east corner
}

// ntv2Record is the length of a header record and of a grid node: an
// 8-byte name and 8 bytes of value; a node holds four 4-byte floats
// (latitude and longitude shift, and their accuracies).
const ntv2Record = 16

// parseNTv2 reads an NTv2 file in either byte order. Every count and
// offset the file declares is checked against the file's length before
// anything is allocated, so a damaged file gives an error.
func parseNTv2(b []byte) (*ntv2, error) {
	if len(b) < 11*ntv2Record || string(b[:8]) != "NUM_OREC" {
		return nil, fmt.Errorf("not an NTv2 file")
	}
	var bo binary.ByteOrder
	switch {
	case binary.LittleEndian.Uint32(b[8:]) == 11:
		bo = binary.LittleEndian
	case binary.BigEndian.Uint32(b[8:]) == 11:
		bo = binary.BigEndian
	default:
		return nil, fmt.Errorf("not an NTv2 file (the header does not have 11 records)")
	}
	nFiles := int64(bo.Uint32(b[2*ntv2Record+8:]))
	rest := b[11*ntv2Record:]
	if nFiles < 1 || nFiles > int64(len(rest)/(12*ntv2Record)) {
		return nil, fmt.Errorf("%d subfiles declared in a file of %d bytes", nFiles, len(b))
	}
	if gt := strings.TrimSpace(string(b[3*ntv2Record+8 : 4*ntv2Record])); gt != "SECONDS" {
		return nil, fmt.Errorf("GS_TYPE %q: only SECONDS is supported", gt)
	}
	g := &ntv2{grids: make([]ntv2Grid, 0, nFiles)}
	for i := int64(0); i < nFiles; i++ {
		sub, n, err := parseNTv2Subfile(rest, bo)
		if err != nil {
			return nil, fmt.Errorf("subfile %d: %v", i+1, err)
		}
		g.grids = append(g.grids, sub)
		rest = rest[n:]
	}
	if err := g.link(); err != nil {
		return nil, err
	}
	return g, nil
}

// parseNTv2Subfile reads the subfile at the start of b and returns it
// with its length in bytes.
func parseNTv2Subfile(b []byte, bo binary.ByteOrder) (ntv2Grid, int, error) {
	const head = 11 * ntv2Record
	if len(b) < head {
		return ntv2Grid{}, 0, fmt.Errorf("header truncated")
	}
	key := func(i int) string { return strings.TrimSpace(string(b[i*ntv2Record : i*ntv2Record+8])) }
	if key(0) != "SUB_NAME" || key(1) != "PARENT" || key(10) != "GS_COUNT" {
		return ntv2Grid{}, 0, fmt.Errorf("not an NTv2 subfile header")
	}
	text := func(i int) string { return strings.TrimSpace(string(b[i*ntv2Record+8 : (i+1)*ntv2Record])) }
	f := func(i int) float64 { return math.Float64frombits(bo.Uint64(b[i*ntv2Record+8:])) }
	g := ntv2Grid{name: text(0), parent: text(1), sLat: f(4), nLat: f(5), eLon: f(6), wLon: f(7), latInc: f(8), lonInc: f(9)}
	count := int64(bo.Uint32(b[10*ntv2Record+8:]))
	if count > int64(len(b)-head)/ntv2Record {
		return ntv2Grid{}, 0, fmt.Errorf("%d nodes declared but only %d bytes left", count, len(b)-head)
	}
	rows, cols := (g.nLat-g.sLat)/g.latInc, (g.wLon-g.eLon)/g.lonInc
	for _, v := range []float64{g.sLat, g.nLat, g.eLon, g.wLon} {
		if math.IsNaN(v) || math.Abs(v) > 1e7 {
			return ntv2Grid{}, 0, fmt.Errorf("bounds are not arc-seconds of a latitude or longitude")
		}
	}
	if !(g.latInc > 0) || !(g.lonInc > 0) || !(rows >= 0.5) || !(cols >= 0.5) || rows > float64(count) || cols > float64(count) {
		return ntv2Grid{}, 0, fmt.Errorf("bounds and increments do not make a grid of %d nodes", count)
	}
	g.rows, g.cols = int(math.Round(rows))+1, int(math.Round(cols))+1
	if int64(g.rows)*int64(g.cols) != count {
		return ntv2Grid{}, 0, fmt.Errorf("grid of %d × %d nodes but %d records", g.rows, g.cols, count)
	}
	data := b[head:]
	g.dLat, g.dLon = make([]float32, count), make([]float32, count)
	for i := range g.dLat {
		g.dLat[i] = math.Float32frombits(bo.Uint32(data[i*ntv2Record:]))
		g.dLon[i] = math.Float32frombits(bo.Uint32(data[i*ntv2Record+4:]))
	}
	return g, head + int(count)*ntv2Record, nil
}

// link finds each subfile's parent by name: "NONE" for a top-level grid.
func (g *ntv2) link() error {
	g.children = make([][]int, len(g.grids))
	byName := make(map[string]int, len(g.grids))
	for i := len(g.grids) - 1; i >= 0; i-- {
		byName[g.grids[i].name] = i // the first of a name
	}
	for i, s := range g.grids {
		if strings.EqualFold(s.parent, "NONE") {
			g.top = append(g.top, i)
			continue
		}
		p, ok := byName[s.parent]
		if !ok || p == i {
			return fmt.Errorf("subfile %q names the parent %q, which the file does not have", s.name, s.parent)
		}
		g.children[p] = append(g.children[p], i)
	}
	if len(g.top) == 0 {
		return fmt.Errorf("no subfile is a top-level grid (PARENT NONE)")
	}
	return nil
}

// contains reports whether the grid covers (lon, lat), in degrees,
// edges included.
func (s *ntv2Grid) contains(lon, lat float64) bool {
	x, y := -lon*3600, lat*3600
	return y >= s.sLat && y <= s.nLat && x >= s.eLon && x <= s.wLon
}

// find returns the finest grid containing (lon, lat), or nil. The depth
// is bounded by the number of grids, so a file whose parents form a
// cycle cannot loop.
func (g *ntv2) find(lon, lat float64) *ntv2Grid {
	cur := -1
	for _, i := range g.top {
		if g.grids[i].contains(lon, lat) {
			cur = i
			break
		}
	}
	if cur < 0 {
		return nil
	}
	for range g.grids {
		next := -1
		for _, c := range g.children[cur] {
			if g.grids[c].contains(lon, lat) {
				next = c
				break
			}
		}
		if next < 0 {
			break
		}
		cur = next
	}
	return &g.grids[cur]
}

// shift returns the shift at (lon, lat) degrees, in degrees (east and
// north positive), interpolated bilinearly in the finest grid that
// contains the point; ok is false outside every grid.
func (g *ntv2) shift(lon, lat float64) (dlon, dlat float64, ok bool) {
	s := g.find(lon, lat)
	if s == nil {
		return 0, 0, false
	}
	dlon, dlat = s.interpolate(lon, lat)
	return dlon, dlat, true
}

// interpolate is the bilinear interpolation between the four nodes
// around (lon, lat), which the grid contains, as the NTv2 guide and PROJ
// do: with (fx, fy) the point's position within its cell as fractions of
// the increments (x westward, as the columns run),
//
//	s = (1−fx)(1−fy)·s₀₀ + fx(1−fy)·s₁₀ + (1−fx)fy·s₀₁ + fx·fy·s₁₁
//
// for the latitude and the longitude shift alike; on the grid's north or
// west edge the last cell is used.
func (s *ntv2Grid) interpolate(lon, lat float64) (dlon, dlat float64) {
	x := (-lon*3600 - s.eLon) / s.lonInc // columns run westward
	y := (lat*3600 - s.sLat) / s.latInc
	i, j := min(int(x), s.cols-2), min(int(y), s.rows-2)
	fx, fy := x-float64(i), y-float64(j)
	at := func(v []float32, c, r int) float64 { return float64(v[r*s.cols+c]) }
	bil := func(v []float32) float64 {
		return (1-fx)*(1-fy)*at(v, i, j) + fx*(1-fy)*at(v, i+1, j) + (1-fx)*fy*at(v, i, j+1) + fx*fy*at(v, i+1, j+1)
	}
	return -bil(s.dLon) / 3600, bil(s.dLat) / 3600
}
