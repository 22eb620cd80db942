package report

import (
	"encoding/binary"
	"encoding/json"
	"fmt"
	"math"
	"planatlas/datasets"
	"planatlas/geo"
	"slices"

	"github.com/paulmach/orb/encoding/wkb"
)

// GeoParquet 1.1 (https://geoparquet.org/releases/v1.1.0/): the names of
// the geometry column and of its bounding-box covering, and the version
// the "geo" metadata declares.
const (
	geoParquetVersion = "1.1.0"
	geometryColumn    = "geometry"
	bboxColumn        = "bbox"
)

// AreaGeoFrame is areas.parquet: the columns of f, the AreaFrame of a,
// then each area's boundary as a GeoParquet 1.1 geometry column, so that
// DuckDB, Apache Sedona, BigQuery, GeoPandas or a GDAL built with Arrow
// load the table as a layer without a join to areas.geojson. areas.csv
// stays f: a spreadsheet has no use for WKB. f is shared, not changed
// (areas.csv is written from it), and its label points are not computed
// twice.
//
// What the specification asks, and how it is met:
//
//   - "geometry" holds Well-Known Binary (encoding "WKB"), little-endian,
//     2D, encoded by orb's encoding/wkb: the areas are orb geometries
//     already, and it writes the OGC/ISO WKB the specification names, a
//     header per polygon, no SRID (which EWKB would add and GeoParquet
//     does not allow). Every area is a MultiPolygon, so
//     geometry_types is ["MultiPolygon"] and a GIS gets a layer of one
//     geometry type (areas.geojson writes a one-part area as a Polygon;
//     the coordinates are the same, both come from geo's WGS84Geometry).
//   - The coordinates are WGS84 longitude and latitude, which is
//     OGC:CRS84, the default a missing "crs" means: the key is left out
//     rather than spelled as PROJJSON that a reader must parse and match.
//   - "edges" is "planar", as GeoJSON's are; "orientation" is
//     "counterclockwise", which WGS84Geometry ensures.
//   - "bbox" is a struct column {xmin, ymin, xmax, ymax} of doubles,
//     declared as the column's "covering", so that a reader filtering by
//     extent skips row groups by the columns' statistics without decoding
//     WKB; each row is the exact box of its geometry's coordinates.
//   - The file-level "bbox" is the union of the rows' boxes.
//
// The metadata is JSON under the key "geo" of the Parquet file's
// key_value_metadata (Frame.Meta). encoding/json writes struct fields in
// declaration order and map keys sorted, so equal areas give equal bytes.
func AreaGeoFrame(f *datasets.Frame, a *geo.Areas) (*datasets.Frame, error) {
	if f.Len() != a.Len() {
		return nil, fmt.Errorf("area table of %d rows for %d areas", f.Len(), a.Len())
	}
	g := &datasets.Frame{Names: slices.Clone(f.Names), Heads: slices.Clone(f.Heads), Cols: slices.Clone(f.Cols)}
	n := a.Len()
	geoms := make(datasets.Binary, n)
	box := [4][]float64{make([]float64, n), make([]float64, n), make([]float64, n), make([]float64, n)}
	file := [4]float64{math.NaN(), math.NaN(), math.NaN(), math.NaN()}
	for i := range n {
		mp := a.WGS84Geometry(i)
		b, err := wkb.Marshal(mp, binary.LittleEndian)
		if err != nil {
			return nil, fmt.Errorf("area %s: WKB: %w", a.Keys[i], err)
		}
		geoms[i] = b
		for k := range box {
			box[k][i] = math.NaN() // null for an area without coordinates
		}
		if len(mp) == 0 {
			continue
		}
		bd := mp.Bound()
		for k, v := range [4]float64{bd.Min[0], bd.Min[1], bd.Max[0], bd.Max[1]} {
			box[k][i] = v
			if math.IsNaN(file[k]) || k < 2 && v < file[k] || k >= 2 && v > file[k] {
				file[k] = v
			}
		}
	}
	g.Add(geometryColumn, "", geoms)
	names := []string{"xmin", "ymin", "xmax", "ymax"}
	cols := make([]datasets.Column, 4)
	for k := range box {
		cols[k] = datasets.Float{Values: box[k], Decimals: -1}
	}
	g.Add(bboxColumn, "", datasets.Struct{Names: names, Cols: cols})
	meta, err := geoMetadata(file)
	if err != nil {
		return nil, err
	}
	g.Meta = map[string]string{"geo": meta}
	return g, nil
}

// geoFile is the "geo" metadata of a GeoParquet 1.1 file.
type geoFile struct {
	Version       string               `json:"version"`
	PrimaryColumn string               `json:"primary_column"`
	Columns       map[string]geoColumn `json:"columns"`
}

// geoColumn describes one geometry column. Crs is absent: OGC:CRS84.
type geoColumn struct {
	Encoding      string       `json:"encoding"`
	GeometryTypes []string     `json:"geometry_types"`
	Edges         string       `json:"edges"`
	Orientation   string       `json:"orientation"`
	BBox          []float64    `json:"bbox,omitempty"`
	Covering      *geoCovering `json:"covering,omitempty"`
}

// geoCovering names, for each bound, the path of the column holding it.
type geoCovering struct {
	BBox struct {
		XMin []string `json:"xmin"`
		YMin []string `json:"ymin"`
		XMax []string `json:"xmax"`
		YMax []string `json:"ymax"`
	} `json:"bbox"`
}

// geoMetadata returns the "geo" JSON; file is the union of the areas'
// boxes (NaN where no area has coordinates, and then left out).
func geoMetadata(file [4]float64) (string, error) {
	c := geoColumn{Encoding: "WKB", GeometryTypes: []string{"MultiPolygon"}, Edges: "planar", Orientation: "counterclockwise"}
	if !math.IsNaN(file[0]) {
		c.BBox = file[:]
	}
	c.Covering = &geoCovering{}
	c.Covering.BBox.XMin = []string{bboxColumn, "xmin"}
	c.Covering.BBox.YMin = []string{bboxColumn, "ymin"}
	c.Covering.BBox.XMax = []string{bboxColumn, "xmax"}
	c.Covering.BBox.YMax = []string{bboxColumn, "ymax"}
	b, err := json.Marshal(geoFile{Version: geoParquetVersion, PrimaryColumn: geometryColumn, Columns: map[string]geoColumn{geometryColumn: c}})
	return string(b), err
}
