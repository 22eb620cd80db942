package main

import (
	"encoding/binary"
	"fmt"
	"math"
)

// geometry is what geocheck needs of a decoded polygon or multipolygon.
type geometry struct {
	typ             string     // "Polygon" or "MultiPolygon"
	parts, vertices int        // polygons, points of all rings
	bound           [4]float64 // xmin, ymin, xmax, ymax
}

// wkbReader reads ISO/OGC Well-Known Binary, 2D polygons only: what
// areas.parquet holds. Written here rather than taken from a library so
// that the check does not share a decoder with the writer (orb).
type wkbReader struct {
	b   []byte
	off int
	err error
}

func (r *wkbReader) take(n int) []byte {
	if r.err != nil || r.off+n > len(r.b) {
		if r.err == nil {
			r.err = fmt.Errorf("WKB ends at byte %d, %d more expected", len(r.b), r.off+n-len(r.b))
		}
		return make([]byte, n)
	}
	s := r.b[r.off : r.off+n]
	r.off += n
	return s
}

// header reads a byte order and a geometry type.
func (r *wkbReader) header() (binary.ByteOrder, uint32) {
	var order binary.ByteOrder = binary.LittleEndian
	switch r.take(1)[0] {
	case 0:
		order = binary.BigEndian
	case 1:
	default:
		if r.err == nil {
			r.err = fmt.Errorf("WKB byte order %d at byte %d", r.b[r.off-1], r.off-1)
		}
	}
	return order, order.Uint32(r.take(4))
}

// decodeWKB decodes a Polygon (type 3) or MultiPolygon (type 6).
func decodeWKB(b []byte) (geometry, error) {
	r := &wkbReader{b: b}
	g := geometry{bound: [4]float64{math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)}}
	order, typ := r.header()
	switch typ {
	case 3:
		g.typ, g.parts = "Polygon", 1
		r.polygon(order, &g)
	case 6:
		g.typ = "MultiPolygon"
		n := int(order.Uint32(r.take(4)))
		for i := 0; i < n && r.err == nil; i++ {
			o, t := r.header()
			if t != 3 && r.err == nil {
				r.err = fmt.Errorf("part of type %d in a MultiPolygon", t)
			}
			r.polygon(o, &g)
			g.parts++
		}
	default:
		return g, fmt.Errorf("WKB type %d, not a Polygon or MultiPolygon", typ)
	}
	if r.err == nil && r.off != len(b) {
		r.err = fmt.Errorf("%d bytes after the geometry", len(b)-r.off)
	}
	return g, r.err
}

func (r *wkbReader) polygon(order binary.ByteOrder, g *geometry) {
	rings := int(order.Uint32(r.take(4)))
	for range rings {
		n := int(order.Uint32(r.take(4)))
		if r.err != nil || n > (len(r.b)-r.off)/16 {
			if r.err == nil {
				r.err = fmt.Errorf("ring of %d points in %d bytes", n, len(r.b)-r.off)
			}
			return
		}
		for range n {
			x := math.Float64frombits(order.Uint64(r.take(8)))
			y := math.Float64frombits(order.Uint64(r.take(8)))
			g.bound[0], g.bound[1] = min(g.bound[0], x), min(g.bound[1], y)
			g.bound[2], g.bound[3] = max(g.bound[2], x), max(g.bound[3], y)
			g.vertices++
		}
	}
}
