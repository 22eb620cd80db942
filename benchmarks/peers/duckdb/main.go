// Command geocheck reads an areas.parquet written by planatlas with
// DuckDB and checks that it is GeoParquet 1.1
// (https://geoparquet.org/releases/v1.1.0/) as a third-party reader sees
// it: the "geo" key-value metadata, DuckDB taking the geometry column for
// a GEOMETRY in OGC:CRS84, every geometry's Well-Known Binary, and the
// bounding-box covering against the coordinates. It prints one line per
// area (key, WKB length, parts, vertices, bbox) and exits non-zero on the
// first failed check.
//
// It is a separate module so that planatlas itself does not depend on
// DuckDB's C library; the main test suite never runs it (see README.md).
//
//	go run . /path/to/areas.parquet
package main

import (
	"database/sql"
	"fmt"
	"os"

	_ "github.com/duckdb/duckdb-go/v2"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: geocheck areas.parquet")
		os.Exit(2)
	}
	if err := run(os.Args[1]); err != nil {
		fmt.Fprintln(os.Stderr, "geocheck:", err)
		os.Exit(1)
	}
}

func run(path string) error {
	db, err := sql.Open("duckdb", "")
	if err != nil {
		return err
	}
	defer db.Close()
	// One connection: the session setting below must hold for the
	// queries after it.
	db.SetMaxOpenConns(1)
	var version string
	if err := db.QueryRow("SELECT version()").Scan(&version); err != nil {
		return err
	}
	fmt.Printf("DuckDB %s\n", version)
	spatialExtension(db)
	meta, err := checkMetadata(db, path)
	if err != nil {
		return err
	}
	if err := checkGeometryType(db, path, meta); err != nil {
		return err
	}
	return checkRows(db, path, meta)
}

// spatialExtension reports whether the spatial extension loads. DuckDB
// installs it from the internet; offline it is missing, and the checks
// use what DuckDB 1.5 has built in: the GEOMETRY type, GeoParquet
// conversion in read_parquet, ST_AsWKB and ST_CRS.
func spatialExtension(db *sql.DB) {
	if _, err := db.Exec("LOAD spatial"); err != nil {
		fmt.Printf("spatial extension: not available (%s); using DuckDB's built-in GEOMETRY\n", firstLine(err.Error()))
		return
	}
	fmt.Println("spatial extension: loaded")
}

func firstLine(s string) string {
	for i, r := range s {
		if r == '\n' {
			return s[:i]
		}
	}
	return s
}
