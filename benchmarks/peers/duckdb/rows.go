package main

import (
	"bytes"
	"database/sql"
	"fmt"
)

// area is one row as DuckDB returns it.
type area struct {
	key  string
	wkb  []byte // ST_AsWKB of DuckDB's GEOMETRY
	raw  []byte // the column's bytes, read without GeoParquet conversion
	bbox [4]sql.NullFloat64
}

// checkRows reads every area twice: as DuckDB's GEOMETRY turned back
// into WKB by ST_AsWKB, and as the bytes in the file (with
// enable_geoparquet_conversion off). Both must be the same WKB, whose
// coordinates must lie in the row's bbox covering and touch each of its
// sides, and inside the file's bbox.
func checkRows(db *sql.DB, path string, m *geoMeta) error {
	col := m.Columns[m.PrimaryColumn]
	q := fmt.Sprintf("SELECT key, ST_AsWKB(%q), bbox.xmin, bbox.ymin, bbox.xmax, bbox.ymax FROM read_parquet(?)", m.PrimaryColumn)
	rows, err := db.Query(q, path)
	if err != nil {
		return err
	}
	var areas []area
	for rows.Next() {
		var a area
		if err := rows.Scan(&a.key, &a.wkb, &a.bbox[0], &a.bbox[1], &a.bbox[2], &a.bbox[3]); err != nil {
			rows.Close()
			return err
		}
		areas = append(areas, a)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	if err := readRaw(db, path, m.PrimaryColumn, areas); err != nil {
		return err
	}
	fmt.Println("key\twkb_bytes\tparts\tvertices\txmin\tymin\txmax\tymax")
	for _, a := range areas {
		if !bytes.Equal(a.wkb, a.raw) {
			return fmt.Errorf("area %s: ST_AsWKB gives %d bytes, the file holds %d other ones", a.key, len(a.wkb), len(a.raw))
		}
		g, err := decodeWKB(a.raw)
		if err != nil {
			return fmt.Errorf("area %s: %v", a.key, err)
		}
		if !contains(col.GeometryTypes, g.typ) {
			return fmt.Errorf("area %s: %s not in geometry_types %v", a.key, g.typ, col.GeometryTypes)
		}
		for k := range a.bbox {
			if !a.bbox[k].Valid || a.bbox[k].Float64 != g.bound[k] {
				return fmt.Errorf("area %s: bbox %v, the coordinates span %v", a.key, a.bbox, g.bound)
			}
		}
		if g.bound[0] < col.BBox[0] || g.bound[1] < col.BBox[1] || g.bound[2] > col.BBox[2] || g.bound[3] > col.BBox[3] {
			return fmt.Errorf("area %s: box %v outside the file's bbox %v", a.key, g.bound, col.BBox)
		}
		fmt.Printf("%s\t%d\t%d\t%d\t%.7f\t%.7f\t%.7f\t%.7f\n", a.key, len(a.raw), g.parts, g.vertices, g.bound[0], g.bound[1], g.bound[2], g.bound[3])
	}
	fmt.Printf("ok: %d areas; WKB equal to DuckDB's, every bbox equal to its geometry's bounds\n", len(areas))
	return nil
}

// readRaw fills in the geometry column's bytes as stored, in row order.
func readRaw(db *sql.DB, path, column string, areas []area) error {
	if _, err := db.Exec("SET enable_geoparquet_conversion = false"); err != nil {
		return err
	}
	defer db.Exec("RESET enable_geoparquet_conversion")
	rows, err := db.Query(fmt.Sprintf("SELECT key, %q FROM read_parquet(?)", column), path)
	if err != nil {
		return err
	}
	defer rows.Close()
	i := 0
	for rows.Next() {
		var key string
		var raw []byte
		if err := rows.Scan(&key, &raw); err != nil {
			return err
		}
		if i >= len(areas) || areas[i].key != key {
			return fmt.Errorf("row %d: key %q, not the same row order as with GEOMETRY", i+1, key)
		}
		areas[i].raw = raw
		i++
	}
	if i != len(areas) {
		return fmt.Errorf("%d rows without conversion, %d with", i, len(areas))
	}
	return rows.Err()
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}
