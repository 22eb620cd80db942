// Package benchmarks measures planatlas's speed. Speed is measured here,
// never asserted in tests. The Go benchmarks:
//
//	go test ./benchmarks -bench . -benchmem
//
// time each stage of the demo city (38 areas) and, on a synthetic grid of
// 400 × 250 = 100,000 square areas, reading GeoJSON, queen and rook
// contiguity, k nearest neighbours, Moran's I and the permutation tests
// of global and local Moran's I and Gi*; and reading one area whose
// boundary has 1,000,000 vertices (WriteRingGeoJSON) and a shapefile
// record of 100,000 parts (SquaresShapefile).
//
// Two commands time the same work against the peers on the same files,
// where the peers are installed (R sf/spdep from Debian; geopandas and
// libpysal from Debian; PySAL's esda 2.4.3, which Debian lacks, from the
// workplace's shared/peers/esda-2.4.3; DuckDB through its Go module in
// peers/duckdb, a module of its own so that planatlas stays pure Go):
//
//	go run ./benchmarks/cmd/geobench       # reading and neighbours, 10,000 and 100,000 areas
//	go run ./benchmarks/cmd/spatialbench   # spatial statistics, 100,000 areas
//	go run ./benchmarks/cmd/citybench -peers   # the whole pipeline, 1,000 to 100,000 areas
//
// citybench writes synthetic cities (WriteCity: a perturbed grid whose
// areas share edges, ten years, residents by age band and sex, labour
// and heat tables, as Parquet and as German CSV) and times every stage of
// planatlas and of peers/pipeline.py and peers/pipeline.R on the same
// files, and of the DuckDB peer (peers/duckdb/cmd/tabular: the tabular
// stages in SQL, checked against planatlas's tables to 1e-9). csvbench writes a census-sized CSV extract (80 million rows,
// about 2 GB) with its plan.
//
// The peers' scripts are in peers/; RESULTS.md records the figures of the
// last run on the project's 2-core machine.
package benchmarks
