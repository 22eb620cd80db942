package geo

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"math"
	"math/rand/v2"
	"sort"
	"strings"
	"testing"

	"github.com/paulmach/orb"

	"planatlas/datasets"
)

// testShapefile writes a polygon shapefile with one record per element of
// records (its rings as parts) and a character field "key" holding the
// bytes of keys as they are.
func testShapefile(records [][]orb.Ring, keys [][]byte) ShapefileParts {
	le, be := binary.LittleEndian, binary.BigEndian
	shp := make([]byte, 100)
	shx := make([]byte, 100)
	for _, h := range [][]byte{shp, shx} {
		be.PutUint32(h[0:], 9994)
		le.PutUint32(h[28:], 1000)
		le.PutUint32(h[32:], 5)
	}
	for n, rings := range records {
		points := 0
		for _, r := range rings {
			points += len(r)
		}
		content := make([]byte, 44+4*len(rings)+16*points)
		le.PutUint32(content[0:], 5)
		le.PutUint32(content[36:], uint32(len(rings)))
		le.PutUint32(content[40:], uint32(points))
		off, k := 44+4*len(rings), 0
		for i, r := range rings {
			le.PutUint32(content[44+4*i:], uint32(k))
			for _, p := range r {
				le.PutUint64(content[off+16*k:], math.Float64bits(p[0]))
				le.PutUint64(content[off+16*k+8:], math.Float64bits(p[1]))
				k++
			}
		}
		shx = be.AppendUint32(shx, uint32(len(shp)/2))
		shx = be.AppendUint32(shx, uint32(len(content)/2))
		shp = be.AppendUint32(shp, uint32(n+1))
		shp = be.AppendUint32(shp, uint32(len(content)/2))
		shp = append(shp, content...)
	}
	be.PutUint32(shp[24:], uint32(len(shp)/2))
	be.PutUint32(shx[24:], uint32(len(shx)/2))
	const width = 20
	dbf := make([]byte, 65)
	dbf[0] = 3
	le.PutUint32(dbf[4:], uint32(len(keys)))
	le.PutUint16(dbf[8:], 65)
	le.PutUint16(dbf[10:], 1+width)
	copy(dbf[32:], "key")
	dbf[32+11], dbf[32+16], dbf[64] = 'C', width, 0x0D
	for _, k := range keys {
		dbf = append(dbf, ' ')
		dbf = append(dbf, fmt.Sprintf("%-*s", width, k)...)
	}
	return ShapefileParts{SHP: shp, SHX: shx, DBF: append(dbf, 0x1A)}
}

func square(x, y, side float64) orb.Ring {
	return orb.Ring{{x, y}, {x, y + side}, {x + side, y + side}, {x + side, y}, {x, y}}
}

// One shapefile record of 110,000 parts reads in seconds and groups into
// the right polygons: 80,000 squares on a grid, every fourth with a hole,
// every eighth with an island in that hole (a polygon of its own).
func TestShapefileManyParts(t *testing.T) {
	const nx, ny = 400, 200
	var rings []orb.Ring
	for i := range nx * ny {
		x, y := 300000+10*float64(i%nx), 5600000+10*float64(i/nx)
		rings = append(rings, square(x, y, 8))
		if i%4 == 0 {
			rings = append(rings, square(x+2, y+2, 4))
		}
		if i%8 == 0 {
			rings = append(rings, square(x+3, y+3, 2))
		}
	}
	l, err := ReadShapefileLayer(testShapefile([][]orb.Ring{rings}, [][]byte{[]byte("01")}), "parts.shp")
	if err != nil {
		t.Fatal(err)
	}
	mp := l.Features[0].Geom
	holes := 0
	for _, p := range mp {
		holes += len(p) - 1
	}
	if len(rings) != 110000 || len(mp) != 90000 || holes != 20000 {
		t.Fatalf("%d parts grouped into %d polygons with %d holes, want 90000 and 20000", len(rings), len(mp), holes)
	}
	a, err := l.Areas(ReadOptions{Key: "key", CRS: UTM33})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := a.planeM2(0), float64(nx*ny)*64-float64(nx*ny/4)*16+float64(nx*ny/8)*4; got != want {
		t.Errorf("area %v m², want %v", got, want)
	}
}

// groupRingsPairwise is the grouping as planatlas did it before the
// candidates were indexed: every larger ring is tried.
func groupRingsPairwise(rings []orb.Ring) orb.MultiPolygon {
	area := make([]float64, len(rings))
	for i, r := range rings {
		area[i] = math.Abs(ringArea(r))
	}
	order := make([]int, len(rings))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return area[order[a]] > area[order[b]] })
	parent, depth, poly := make([]int, len(rings)), make([]int, len(rings)), make([]int, len(rings))
	var mp orb.MultiPolygon
	for n, i := range order {
		parent[i] = -1
		for k := n - 1; k >= 0; k-- {
			if j := order[k]; ringInside(rings[i], rings[j]) {
				parent[i], depth[i] = j, depth[j]+1
				break
			}
		}
		if depth[i]%2 == 0 {
			poly[i] = len(mp)
			mp = append(mp, orb.Polygon{rings[i]})
		} else {
			mp[poly[parent[i]]] = append(mp[poly[parent[i]]], rings[i])
		}
	}
	return mp
}

// Grouping with indexed candidates gives exactly the pairwise result, on
// rings that nest, touch, cross, repeat, are empty or hold coordinates
// that are not numbers.
func TestGroupRingsAsPairwise(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 8))
	odd := []float64{math.NaN(), math.Inf(1), math.Inf(-1)}
	for it := range 3000 {
		var rings []orb.Ring
		for range 1 + r.IntN(12) {
			switch k := r.IntN(10); {
			case k < 6: // squares on a coarse lattice: nesting, touching, sharing edges
				rings = append(rings, square(float64(r.IntN(6)), float64(r.IntN(6)), float64(1+r.IntN(5))))
			case k < 8: // random triangles: crossings
				ring := orb.Ring{}
				for range 3 {
					ring = append(ring, orb.Point{float64(r.IntN(8)), float64(r.IntN(8))})
				}
				rings = append(rings, append(ring, ring[0]))
			case k < 9 && it%3 == 0: // a coordinate that is not a number
				s := square(float64(r.IntN(6)), float64(r.IntN(6)), 2)
				s[r.IntN(4)][r.IntN(2)] = odd[r.IntN(len(odd))]
				rings = append(rings, s)
			default:
				rings = append(rings, orb.Ring{})
			}
		}
		if got, want := groupRings(rings), groupRingsPairwise(rings); fmt.Sprint(got) != fmt.Sprint(want) {
			t.Fatalf("rings %v\ngrouped %v\npairwise %v", rings, got, want)
		}
	}
}

// The .dbf reader decodes Windows-1252 as the CSV reader does: every byte
// 0x80–0xFF gives the same character (0x9F "Ÿ"), and the five bytes the
// code page leaves undefined are refused by both, here naming the .dbf,
// the feature and the field.
func TestDBFWindows1252AsCSV(t *testing.T) {
	for b := 0x80; b <= 0xFF; b++ {
		raw := []byte{'k', byte(b), 'z'}
		p := testShapefile([][]orb.Ring{{square(0, 0, 1)}}, [][]byte{raw})
		p.CPG = []byte("1252")
		l, dbfErr := ReadShapefileLayer(p, "w.shp")
		info, csvErr := datasets.ReadCSVHeader(bytes.NewReader(append(raw, ";x\n1;2\n"...)), "w.csv", datasets.CSVOptions{Encoding: datasets.EncodingWindows1252})
		switch {
		case csvErr != nil:
			want := fmt.Sprintf(`w.dbf: feature 1: "key": byte 0x%02X is not Windows-1252, the code page of the .cpg file: which code page does the file have?`, b)
			if dbfErr == nil || !strings.HasPrefix(dbfErr.Error(), want) {
				t.Errorf("byte 0x%02X: the CSV reader refuses it (%v), the .dbf reader says %v", b, csvErr, dbfErr)
			}
		case dbfErr != nil:
			t.Errorf("byte 0x%02X: %v", b, dbfErr)
		case l.Features[0].Attrs[0].Text != info.Header[0]:
			t.Errorf("byte 0x%02X: .dbf %q, CSV %q", b, l.Features[0].Attrs[0].Text, info.Header[0])
		case b == 0x9F && info.Header[0] != "kŸz":
			t.Errorf("byte 0x9F reads as %q", info.Header[0])
		}
	}
}

// An undefined byte in a deleted record does not stop the shapefile.
func TestDBFUndefinedByteDeleted(t *testing.T) {
	p := testShapefile([][]orb.Ring{{square(0, 0, 1)}, {square(2, 0, 1)}}, [][]byte{[]byte("01"), {'0', 0x81}})
	p.CPG = []byte("1252")
	p.DBF[65+21] = '*' // the second record's deletion flag
	l, err := ReadShapefileLayer(p, "d.shp")
	if err != nil || len(l.Features) != 1 || l.Features[0].Attrs[0].Text != "01" {
		t.Fatalf("%v, %+v", err, l)
	}
}
