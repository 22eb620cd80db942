package main

import (
	"database/sql"
	"encoding/json"
	"fmt"
	"slices"
)

// geoMeta is the part of the "geo" metadata that geocheck checks.
type geoMeta struct {
	Version       string `json:"version"`
	PrimaryColumn string `json:"primary_column"`
	Columns       map[string]struct {
		Encoding      string    `json:"encoding"`
		GeometryTypes []string  `json:"geometry_types"`
		CRS           any       `json:"crs"`
		Edges         string    `json:"edges"`
		Orientation   string    `json:"orientation"`
		BBox          []float64 `json:"bbox"`
		Covering      struct {
			BBox map[string][]string `json:"bbox"`
		} `json:"covering"`
	} `json:"columns"`
	raw string
}

// checkMetadata reads the "geo" entry of the file's key-value metadata
// with DuckDB's parquet_kv_metadata and checks the fields GeoParquet 1.1
// requires, and the covering this file declares.
func checkMetadata(db *sql.DB, path string) (*geoMeta, error) {
	rows, err := db.Query("SELECT key, value FROM parquet_kv_metadata(?)", path)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var raw []byte
	var keys []string
	for rows.Next() {
		var k, v []byte
		if err := rows.Scan(&k, &v); err != nil {
			return nil, err
		}
		keys = append(keys, string(k))
		if string(k) == "geo" {
			raw = v
		}
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	fmt.Printf("key-value metadata: %v\n", keys)
	if raw == nil {
		return nil, fmt.Errorf("no \"geo\" key-value metadata")
	}
	m := &geoMeta{raw: string(raw)}
	if err := json.Unmarshal(raw, m); err != nil {
		return nil, fmt.Errorf("geo metadata: %v", err)
	}
	fmt.Printf("geo: %s\n", raw)
	c, ok := m.Columns[m.PrimaryColumn]
	switch {
	case m.Version != "1.1.0":
		return nil, fmt.Errorf("geo version %q, want 1.1.0", m.Version)
	case !ok:
		return nil, fmt.Errorf("primary column %q not in columns", m.PrimaryColumn)
	case c.Encoding != "WKB":
		return nil, fmt.Errorf("encoding %q, want WKB", c.Encoding)
	case len(c.GeometryTypes) == 0:
		return nil, fmt.Errorf("geometry_types empty")
	case len(c.BBox) != 4:
		return nil, fmt.Errorf("bbox %v, want 4 numbers", c.BBox)
	}
	for _, b := range []string{"xmin", "ymin", "xmax", "ymax"} {
		if p := c.Covering.BBox[b]; !slices.Equal(p, []string{"bbox", b}) {
			return nil, fmt.Errorf("covering bbox %s is %v, want [bbox %s]", b, p, b)
		}
	}
	return m, nil
}

// checkGeometryType checks that DuckDB's read_parquet recognises the
// file as GeoParquet: the primary column comes back as GEOMETRY, in
// OGC:CRS84 where the metadata names no crs.
func checkGeometryType(db *sql.DB, path string, m *geoMeta) error {
	var typ string
	var n int
	q := fmt.Sprintf("SELECT any_value(typeof(%q)), count(*) FROM read_parquet(?)", m.PrimaryColumn)
	if err := db.QueryRow(q, path).Scan(&typ, &n); err != nil {
		return err
	}
	fmt.Printf("read_parquet: %d rows, column %q of type %s\n", n, m.PrimaryColumn, typ)
	// Without a crs the column is OGC:CRS84 (GeoParquet 1.1, "crs").
	if m.Columns[m.PrimaryColumn].CRS == nil && typ != "GEOMETRY('OGC:CRS84')" {
		return fmt.Errorf("DuckDB reads %q as %s, not GEOMETRY('OGC:CRS84'): it did not take the file for GeoParquet", m.PrimaryColumn, typ)
	}
	return nil
}
