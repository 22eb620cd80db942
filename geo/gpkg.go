package geo

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"planatlas/lang"
	"sort"
	"strings"

	"github.com/paulmach/orb"
)

// ReadGeoPackageLayer reads a polygon table of a GeoPackage (OGC 12-128r18):
// the table named layer, or the only one with polygon geometries if
// layer is "". The CRS comes from gpkg_spatial_ref_sys (its EPSG code,
// else its WKT). Features are in rowid order.
func ReadGeoPackageLayer(data []byte, name, layer string) (*Layer, error) {
	fail := func(format string, args ...any) error {
		return &FeatureError{File: name, M: lang.M(format, args...)}
	}
	// dbFail reports an error of the database; a damaged one says what to do.
	dbFail := func(err error) error {
		if errors.As(err, new(*damagedError)) {
			return &FeatureError{File: name, M: lang.M("%v: the file is damaged or not a GeoPackage; export it again from your GIS", err)}
		}
		return &FeatureError{File: name, M: lang.M("%v", err)}
	}
	db, err := openSQLite(data)
	if err != nil {
		return nil, dbFail(err)
	}
	tables, err := db.tables()
	if err != nil {
		return nil, dbFail(err)
	}
	gc := tables["gpkg_geometry_columns"]
	if gc == nil {
		return nil, fail("an SQLite database, but not a GeoPackage: it has no gpkg_geometry_columns table")
	}
	type geomTable struct {
		table, column, geomType string
		srs                     int64
	}
	var candidates []geomTable
	err = db.rows(gc, func(c []sqlValue) error {
		g := geomTable{}
		for i, col := range gc.columns {
			switch strings.ToLower(col) {
			case "table_name":
				g.table = c[i].text()
			case "column_name":
				g.column = c[i].text()
			case "geometry_type_name":
				g.geomType = strings.ToUpper(c[i].text())
			case "srs_id":
				g.srs = c[i].i
			}
		}
		candidates = append(candidates, g)
		return nil
	})
	if err != nil {
		return nil, dbFail(err)
	}
	sort.Slice(candidates, func(i, j int) bool { return candidates[i].table < candidates[j].table })
	var names, polygonal []string
	var pick *geomTable
	for i, g := range candidates {
		names = append(names, fmt.Sprintf("%q (%s)", g.table, strings.ToLower(g.geomType)))
		if layer != "" && strings.EqualFold(g.table, layer) {
			pick = &candidates[i]
		}
		if strings.Contains(g.geomType, "POLYGON") || g.geomType == "GEOMETRY" {
			polygonal = append(polygonal, g.table)
			if layer == "" {
				pick = &candidates[i]
			}
		}
	}
	switch {
	case layer != "" && pick == nil:
		return nil, fail("no layer %q; the GeoPackage holds %s", layer, strings.Join(names, ", "))
	case layer == "" && len(polygonal) == 0:
		return nil, fail("no polygon layer; the GeoPackage holds %s", strings.Join(names, ", "))
	case layer == "" && len(polygonal) > 1:
		return nil, fail("several polygon layers (%s); name one in the plan (areas: layer: …)", strings.Join(polygonal, ", "))
	}
	l := &Layer{File: name}
	var defErr *crsDefinitionError
	if l.CRS, err = gpkgCRS(db, tables, pick.srs); errors.As(err, &defErr) {
		l.CRSErr = &FeatureError{File: name, Field: "crs", M: lang.M("%v", err)}
	} else if err != nil {
		return nil, dbFail(err)
	}
	t := tables[strings.ToLower(pick.table)]
	if t == nil {
		return nil, fail("the layer %q is listed but its table is missing", pick.table)
	}
	geomCol := -1
	for i, c := range t.columns {
		if strings.EqualFold(c, pick.column) {
			geomCol = i
			continue
		}
		l.Fields = append(l.Fields, c)
	}
	if geomCol < 0 {
		return nil, fail("the layer %q has no column %q for its geometry", pick.table, pick.column)
	}
	err = db.rows(t, func(c []sqlValue) error {
		var f Feature
		for i, v := range c {
			if i == geomCol {
				if v.kind == 'b' {
					f.Geom, f.Point, f.GeomErr = gpkgGeometry(v.s)
				}
				continue
			}
			f.Attrs = append(f.Attrs, Attr{Text: v.text(), Null: v.kind == 'n', Number: v.kind == 'i' || v.kind == 'f'})
		}
		l.Features = append(l.Features, f)
		return nil
	})
	if err != nil {
		return nil, dbFail(err)
	}
	return l, nil
}

// gpkgCRS finds the CRS of an srs_id in gpkg_spatial_ref_sys.
func gpkgCRS(db *sqliteDB, tables map[string]*sqliteTable, srs int64) (CRS, error) {
	t := tables["gpkg_spatial_ref_sys"]
	if t == nil {
		return Unknown, errors.New("the GeoPackage has no gpkg_spatial_ref_sys table")
	}
	var org, def string
	var code int64
	found := false
	err := db.rows(t, func(c []sqlValue) error {
		row := map[string]sqlValue{}
		for i, col := range t.columns {
			row[strings.ToLower(col)] = c[i]
		}
		if row["srs_id"].i != srs {
			return nil
		}
		found = true
		org, code, def = row["organization"].text(), row["organization_coordsys_id"].i, row["definition"].text()
		return nil
	})
	switch {
	case err != nil:
		return Unknown, err
	case !found:
		return Unknown, lang.Errorf("the layer's srs_id %d is not in gpkg_spatial_ref_sys", srs)
	case srs == -1 || srs == 0:
		return Unknown, nil // "undefined" Cartesian or geographic system
	}
	if strings.EqualFold(org, "EPSG") {
		if c, err := EPSG(int(code)); err == nil {
			return c, nil
		}
	}
	c, err := CRSFromWKT(def)
	if err != nil {
		return Unknown, &crsDefinitionError{lang.Errorf("%s:%d: %v", org, code, err)}
	}
	return c, nil
}

// crsDefinitionError is a CRS definition that cannot be used: the file
// is readable all the same, and the plan may name the CRS instead.
type crsDefinitionError struct{ err error }

func (e *crsDefinitionError) Error() string { return e.err.Error() }

// gpkgGeometry decodes a GeoPackage geometry blob: a header ("GP",
// version, flags, srs_id, optional envelope) and then WKB.
func gpkgGeometry(b []byte) (orb.MultiPolygon, *orb.Point, string) {
	if len(b) < 8 || b[0] != 'G' || b[1] != 'P' {
		return nil, nil, "not a GeoPackage geometry"
	}
	flags := b[3]
	if flags&0x10 != 0 {
		return nil, nil, "the geometry is empty"
	}
	envelope := [...]int{0, 32, 48, 48, 64}
	ind := int(flags>>1) & 7
	if ind >= len(envelope) {
		return nil, nil, "the geometry's header is damaged"
	}
	start := 8 + envelope[ind]
	if len(b) < start {
		return nil, nil, "the geometry's header is damaged"
	}
	if pt, ok := wkbPoint(b[start:]); ok {
		return nil, &pt, "is a Point; planning areas must be Polygon or MultiPolygon"
	}
	mp, err := readWKB(b[start:])
	if err != nil {
		return nil, nil, err.Error()
	}
	return mp, nil, ""
}

// wkbPoint reads a WKB Point, if b holds one.
func wkbPoint(b []byte) (orb.Point, bool) {
	r := &wkbReader{b: b}
	typ, _ := r.header()
	if r.err != nil || typ != 1 || !r.need(16) {
		return orb.Point{}, false
	}
	x := math.Float64frombits(r.order.Uint64(r.b))
	y := math.Float64frombits(r.order.Uint64(r.b[8:]))
	if math.IsNaN(x) || math.IsNaN(y) { // GeoPackage's empty point
		return orb.Point{}, false
	}
	return orb.Point{x, y}, true
}

// readWKB reads a Polygon or MultiPolygon in well-known binary, 2D or
// with Z and M (which are dropped), ISO or extended (EWKB) type codes.
func readWKB(b []byte) (orb.MultiPolygon, error) {
	r := &wkbReader{b: b}
	typ, dims := r.header()
	if r.err != nil {
		return nil, r.err
	}
	switch typ {
	case 3:
		p := r.polygon(dims)
		return orb.MultiPolygon{p}, r.err
	case 6:
		n := r.uint32()
		if r.err != nil {
			return nil, r.err
		}
		if int(n) > len(r.b)/9 {
			return nil, errors.New("damaged WKB: too many polygons")
		}
		mp := make(orb.MultiPolygon, 0, n)
		for k := uint32(0); k < n && r.err == nil; k++ {
			t, d := r.header()
			if t != 3 && r.err == nil {
				return nil, fmt.Errorf("a multipolygon part is a %s", wkbTypeName(t))
			}
			mp = append(mp, r.polygon(d))
		}
		return mp, r.err
	}
	return nil, fmt.Errorf("is a %s; planning areas must be Polygon or MultiPolygon", wkbTypeName(typ))
}

func wkbTypeName(t uint32) string {
	names := map[uint32]string{1: "Point", 2: "LineString", 3: "Polygon", 4: "MultiPoint", 5: "MultiLineString", 6: "MultiPolygon", 7: "GeometryCollection",
		10: "CurvePolygon", 12: "MultiSurface", 15: "PolyhedralSurface", 17: "Triangle"}
	if n, ok := names[t]; ok {
		return n
	}
	return fmt.Sprintf("geometry of WKB type %d", t)
}

type wkbReader struct {
	b     []byte
	order binary.ByteOrder
	err   error
}

func (r *wkbReader) need(n int) bool {
	if r.err == nil && len(r.b) < n {
		r.err = errors.New("damaged WKB: the geometry ends early")
	}
	return r.err == nil
}

// header reads byte order and type; it returns the base type (1–17) and
// the number of coordinates per position.
func (r *wkbReader) header() (uint32, int) {
	if !r.need(5) {
		return 0, 0
	}
	switch r.b[0] {
	case 0:
		r.order = binary.BigEndian
	case 1:
		r.order = binary.LittleEndian
	default:
		r.err = errors.New("damaged WKB: bad byte order")
		return 0, 0
	}
	t := r.order.Uint32(r.b[1:])
	r.b = r.b[5:]
	dims := 2
	if t&0x80000000 != 0 { // EWKB Z
		dims++
	}
	if t&0x40000000 != 0 { // EWKB M
		dims++
	}
	if t&0x20000000 != 0 { // EWKB SRID
		if !r.need(4) {
			return 0, 0
		}
		r.b = r.b[4:]
	}
	t &= 0x0fffffff
	switch t / 1000 {
	case 1, 2:
		dims++
	case 3:
		dims += 2
	}
	return t % 1000, dims
}

func (r *wkbReader) uint32() uint32 {
	if !r.need(4) {
		return 0
	}
	v := r.order.Uint32(r.b)
	r.b = r.b[4:]
	return v
}

func (r *wkbReader) polygon(dims int) orb.Polygon {
	n := r.uint32()
	if r.err == nil && int(n) > len(r.b)/4 {
		r.err = errors.New("damaged WKB: too many rings")
	}
	if r.err != nil {
		return nil
	}
	p := make(orb.Polygon, 0, n)
	for k := uint32(0); k < n && r.err == nil; k++ {
		m := r.uint32()
		if !r.need(int(m) * 8 * dims) {
			break
		}
		ring := make(orb.Ring, m)
		for i := range ring {
			o := i * 8 * dims
			ring[i] = orb.Point{
				math.Float64frombits(r.order.Uint64(r.b[o:])),
				math.Float64frombits(r.order.Uint64(r.b[o+8:])),
			}
		}
		r.b = r.b[int(m)*8*dims:]
		p = append(p, ring)
	}
	return p
}
