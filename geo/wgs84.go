package geo

import (
	"math"

	"github.com/paulmach/orb"
)

// WGS84Geometry returns area i's geometry as the outputs publish it:
// in WGS84 longitude and latitude, each coordinate rounded to 7 decimals
// (about 1 cm, finer than any boundary a city draws), shells
// counter-clockwise and holes clockwise (the right-hand rule of RFC 7946,
// section 3.1.6, which GeoParquet's "orientation": "counterclockwise"
// names), every ring closed. areas.geojson and the geometry column of
// areas.parquet are both written from it, so the two files carry the same
// numbers.
//
// The areas' own rings are already oriented (clean), and the
// supported projections keep east and north, so orientation survives the
// inverse projection; it is checked again after rounding all the same,
// since rounding can flip a sliver of a ring a few centimetres wide.
func (a *Areas) WGS84Geometry(i int) orb.MultiPolygon {
	src := a.Geoms[i]
	mp := make(orb.MultiPolygon, len(src))
	tr := a.CRS.Transformer()
	for pi, p := range src {
		q := make(orb.Polygon, len(p))
		for ri, r := range p {
			c := make(orb.Ring, len(r))
			for k, pt := range r {
				lon, lat := tr.ToWGS84(pt[0], pt[1])
				c[k] = orb.Point{roundCoord(lon), roundCoord(lat)}
			}
			q[ri] = c
		}
		mp[pi] = q
	}
	return orient(mp)
}

// roundCoord rounds a longitude or latitude to 7 decimals. The result,
// printed with strconv's shortest representation, reads back as the same
// float64, so a GeoJSON reader and a WKB reader see equal coordinates.
func roundCoord(v float64) float64 {
	return math.Round(v*1e7) / 1e7
}
