package benchmarks

import (
	"bufio"
	"encoding/binary"
	"fmt"
	"io"
	"math"
	"strconv"

	"planatlas/geo"
)

// WriteRingGeoJSON writes one planning area, a square of 1 km in ETRS89 /
// UTM zone 33N whose boundary is divided into n vertices (n/4 on each
// side, all collinear with their neighbours), as a GeoJSON
// FeatureCollection. Densified edges like these made the validity check
// quadratic.
func WriteRingGeoJSON(w io.Writer, n int) error {
	bw := bufio.NewWriterSize(w, 1<<20)
	bw.WriteString(`{"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::25833"}},"features":[` + "\n")
	bw.WriteString(`{"type":"Feature","properties":{"key":"000001","name":"Gebiet 1"},"geometry":{"type":"Polygon","coordinates":[[`)
	side := n / 4
	const x0, y0, s = 372000.0, 5640000.0, 1000.0
	f := func(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }
	pt := func(x, y float64) { bw.WriteString("[" + f(x) + "," + f(y) + "],") }
	for i := range side {
		pt(x0+s*float64(i)/float64(side), y0)
	}
	for i := range side {
		pt(x0+s, y0+s*float64(i)/float64(side))
	}
	for i := range side {
		pt(x0+s-s*float64(i)/float64(side), y0+s)
	}
	for i := range side {
		pt(x0, y0+s-s*float64(i)/float64(side))
	}
	bw.WriteString("[" + f(x0) + "," + f(y0) + "]]]}}\n]}\n")
	return bw.Flush()
}

// SquaresShapefile returns a polygon shapefile with one record (key
// "000001", EPSG:25833) of nx × ny squares of 8 m on a 10 m grid, each
// a part; every fourth square has a hole of 4 m, so that the record has
// nx·ny·5/4 parts. Shells run clockwise and holes counter-clockwise, as
// ESRI writes them.
func SquaresShapefile(nx, ny int) geo.ShapefileParts {
	var rings [][][2]float64
	square := func(x, y, side float64, cw bool) {
		r := [][2]float64{{x, y}, {x + side, y}, {x + side, y + side}, {x, y + side}, {x, y}}
		if cw {
			r[1], r[3] = r[3], r[1]
		}
		rings = append(rings, r)
	}
	for i := range nx * ny {
		x, y := 300000+10*float64(i%nx), 5600000+10*float64(i/nx)
		square(x, y, 8, true)
		if i%4 == 0 {
			square(x+2, y+2, 4, false)
		}
	}
	return geo.ShapefileParts{
		SHP: shpPolygon(rings),
		SHX: shxOne(rings),
		DBF: dbfKeys("000001"),
		PRJ: []byte(`PROJCS["ETRS_1989_UTM_Zone_33N",GEOGCS["GCS_ETRS_1989",DATUM["D_ETRS_1989",SPHEROID["GRS_1980",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",15.0],PARAMETER["Scale_Factor",0.9996],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]`),
	}
}

// shpPolygon writes a .shp file with one Polygon record of the rings.
func shpPolygon(rings [][][2]float64) []byte {
	le, be := binary.LittleEndian, binary.BigEndian
	points := 0
	for _, r := range rings {
		points += len(r)
	}
	content := 44 + 4*len(rings) + 16*points
	b := make([]byte, 100+8+content)
	be.PutUint32(b[0:], 9994)
	be.PutUint32(b[24:], uint32(len(b)/2))
	le.PutUint32(b[28:], 1000)
	le.PutUint32(b[32:], 5)
	rec := b[100:]
	be.PutUint32(rec[0:], 1)
	be.PutUint32(rec[4:], uint32(content/2))
	c := rec[8:]
	le.PutUint32(c[0:], 5)
	box := [4]float64{math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)}
	le.PutUint32(c[36:], uint32(len(rings)))
	le.PutUint32(c[40:], uint32(points))
	off, k := 44+4*len(rings), 0
	for i, r := range rings {
		le.PutUint32(c[44+4*i:], uint32(k))
		for _, p := range r {
			le.PutUint64(c[off+16*k:], math.Float64bits(p[0]))
			le.PutUint64(c[off+16*k+8:], math.Float64bits(p[1]))
			box = [4]float64{min(box[0], p[0]), min(box[1], p[1]), max(box[2], p[0]), max(box[3], p[1])}
			k++
		}
	}
	for i, v := range box {
		le.PutUint64(c[4+8*i:], math.Float64bits(v))
		le.PutUint64(b[36+8*i:], math.Float64bits(v))
	}
	return b
}

// shxOne writes the .shx index of shpPolygon's file.
func shxOne(rings [][][2]float64) []byte {
	points := 0
	for _, r := range rings {
		points += len(r)
	}
	b := make([]byte, 108)
	binary.BigEndian.PutUint32(b[0:], 9994)
	binary.BigEndian.PutUint32(b[24:], 54)
	binary.LittleEndian.PutUint32(b[28:], 1000)
	binary.LittleEndian.PutUint32(b[32:], 5)
	binary.BigEndian.PutUint32(b[100:], 50)
	binary.BigEndian.PutUint32(b[104:], uint32((44+4*len(rings)+16*points)/2))
	return b
}

// dbfKeys writes a dBASE III table with one character field "key" of
// the given values.
func dbfKeys(keys ...string) []byte {
	const width = 10
	headerLen, recLen := 32+32+1, 1+width
	b := make([]byte, headerLen, headerLen+len(keys)*recLen+1)
	b[0] = 3
	binary.LittleEndian.PutUint32(b[4:], uint32(len(keys)))
	binary.LittleEndian.PutUint16(b[8:], uint16(headerLen))
	binary.LittleEndian.PutUint16(b[10:], uint16(recLen))
	copy(b[32:], "key")
	b[32+11] = 'C'
	b[32+16] = width
	b[64] = 0x0D
	for _, k := range keys {
		b = append(b, ' ')
		b = append(b, fmt.Sprintf("%-*s", width, k)...)
	}
	return append(b, 0x1A)
}
