// Package benchmarks measures planatlas's speed. Speed is measured here,
// never asserted in tests: run
//
//	go test ./benchmarks -bench . -benchmem
//
// The benchmarks use the embedded demo city (38 areas, 11 years, 74,000
// population rows) for each stage of the pipeline and for a whole run.
// Timing the pipeline at census scale (100,000 and more areas) against
// the peers (R sf/spdep, Python geopandas/libpysal) is a separate command
// in this folder, tracked as its own issue.
package benchmarks
