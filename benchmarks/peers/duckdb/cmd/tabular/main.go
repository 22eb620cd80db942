// Command tabular does the tabular work of the planatlas benchmark city
// with DuckDB, as a peer for citybench's side-by-side table:
//
//	go run ./cmd/tabular [-csv] CITY_DIR
//
// run from benchmarks/peers/duckdb (a module of its own, so that the main
// module stays pure Go). CITY_DIR is written by benchmarks.WriteCity (go
// run ./benchmarks/cmd/citybench -keep DIR). The program reads the same
// Parquet files as planatlas's plan.yaml (with -csv the German CSV files
// of plan-csv.yaml), builds the panel of areas × years × variables with
// the plan's filters, joins each area's district and size (from
// areas.geojson, by the shoelace formula, as DuckDB's spatial extension
// must be downloaded), sums the variables to districts and the city,
// computes the 14 catalog indicators on the three levels (ratios of sums,
// Wilson intervals for the proportions, residents-weighted hot days), the
// z-score index of the last year and its ranking, OLS, Theil–Sen and
// Mann–Kendall trends of every indicator on every level, and writes the
// indicator and trend tables as Parquet (zstd).
//
// It prints one line per stage, "stage seconds", in citybench's stage
// names, then "total seconds". Each stage's tables are materialised, so
// that the stages are timed apart; DuckDB uses all cores.
//
// It writes peer-indicators-duckdb.parquet, peer-ranking-duckdb.parquet
// and peer-trends-duckdb.parquet into CITY_DIR. With -compare, run after
// planatlas and this program have run on the same city, it only reads
// these and planatlas's tables in CITY_DIR/out and compares every
// indicator value on every level and year, the index and its ranks, and
// every trend's slopes and Mann–Kendall statistics (not the values that
// planatlas's disclosure control hides), printing "check ..."
// lines to standard error; a value that differs by more than 1e-9
// (relative to its size, at least 1) is an error. (A run of its own, so
// that the timed run's peak memory is the work's.)
package main

import (
	"database/sql"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	_ "github.com/duckdb/duckdb-go/v2" // the "duckdb" driver
)

func main() {
	csv := flag.Bool("csv", false, "read the German CSV files instead of Parquet")
	check := flag.Bool("compare", false, "compare an earlier run's tables with planatlas's in CITY_DIR/out")
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: tabular [-csv] CITY_DIR\n       tabular -compare CITY_DIR")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() != 1 {
		flag.Usage()
		os.Exit(2)
	}
	dir, err := filepath.Abs(flag.Arg(0))
	if err != nil {
		fail(err)
	}
	db, err := sql.Open("duckdb", "")
	if err != nil {
		fail(err)
	}
	// One connection: an in-memory database lives with its connections.
	db.SetMaxOpenConns(1)
	defer func() { _ = db.Close() }() // nothing written is left in it

	file := func(name string) string { return quote(filepath.Join(dir, name)) }
	if *check {
		if err := compareAll(db, dir, file); err != nil {
			fail(err)
		}
		return
	}
	t0 := time.Now()
	inputs := parquetInputs
	if *csv {
		inputs = csvInputs
	}
	stages := []struct {
		name string
		sql  string
	}{
		{"inputs", fmt.Sprintf(inputs, file("bevoelkerung"), file("arbeitsmarkt"), file("klima"))},
		{"panel", panelSQL},
		{"geometries", fmt.Sprintf(geometriesSQL, file("areas.geojson"))},
		{"indicators", indicatorsSQL},
		{"indices", indicesSQL},
		{"trends", trendsSQL},
		{"tables", fmt.Sprintf(tablesSQL, file("peer-indicators-duckdb.parquet"), file("peer-ranking-duckdb.parquet"),
			file("peer-trends-duckdb.parquet"))},
	}
	for _, s := range stages {
		t := time.Now()
		if _, err := db.Exec(s.sql); err != nil {
			fail(fmt.Errorf("%s: %w", s.name, err))
		}
		fmt.Println(s.name, fmt.Sprintf("%.3f", time.Since(t).Seconds()))
	}
	fmt.Println("total", fmt.Sprintf("%.3f", time.Since(t0).Seconds()))

	var version, first string
	if err := db.QueryRow("SELECT version()").Scan(&version); err != nil {
		fail(err)
	}
	if err := db.QueryRow("SELECT key FROM ranking WHERE rank = 1 ORDER BY key LIMIT 1").Scan(&first); err != nil {
		fail(err)
	}
	fmt.Fprintf(os.Stderr, "duckdb %s: first ranked %s\n", version, first)
}

// compareAll reads the tables of an earlier run and compares them with
// planatlas's.
func compareAll(db *sql.DB, dir string, file func(string) string) error {
	for _, t := range []string{"indicators", "ranking", "trends"} {
		if _, err := db.Exec(fmt.Sprintf("CREATE VIEW %s AS SELECT * FROM read_parquet(%s)", t, file("peer-"+t+"-duckdb.parquet"))); err != nil {
			return err
		}
	}
	out := filepath.Join(dir, "out")
	if err := compare(db, filepath.Join(out, "indicators.parquet")); err != nil {
		return err
	}
	if err := compareRanking(db, filepath.Join(out, "ranking.parquet")); err != nil {
		return err
	}
	return compareTrends(db, filepath.Join(out, "trends.parquet"))
}

// compare checks the indicators against planatlas's table ref.
func compare(db *sql.DB, ref string) error {
	var n, missing, hidden, nulls, ours int64
	var dv, dci float64
	if err := db.QueryRow(fmt.Sprintf(compareSQL, quote(ref))).Scan(&n, &missing, &hidden, &nulls, &dv, &dci, &ours); err != nil {
		return fmt.Errorf("check: %w", err)
	}
	fmt.Fprintf(os.Stderr, "check: %d indicator values of planatlas (%d of DuckDB): %d missing, %d hidden by planatlas's disclosure control "+
		"(not compared), %d missing on one side only, largest relative difference %.2g (intervals %.2g)\n", n, ours, missing, hidden, nulls, dv, dci)
	if missing > 0 || nulls > 0 || n != ours || dv > 1e-9 || dci > 1e-9 {
		return fmt.Errorf("check: the indicators differ from planatlas's beyond 1e-9")
	}
	return nil
}

// compareRanking checks the index values and ranks against planatlas's
// ranking table ref.
func compareRanking(db *sql.DB, ref string) error {
	var n, ranks int64
	var dv float64
	q := fmt.Sprintf(`SELECT count(*), count(*) FILTER (p.rank <> r.rank), coalesce(max(abs(p.value - r.bedarf)), 0)
		FROM read_parquet(%s) p JOIN ranking r USING (key) WHERE p.index = 'bedarf'`, quote(ref))
	if err := db.QueryRow(q).Scan(&n, &ranks, &dv); err != nil {
		return fmt.Errorf("check: %w", err)
	}
	fmt.Fprintf(os.Stderr, "check: index of %d areas: largest difference %.2g, %d ranks differ\n", n, dv, ranks)
	if dv > 1e-9 {
		return fmt.Errorf("check: the index differs from planatlas's beyond 1e-9")
	}
	return nil
}

// compareTrends checks the trends against planatlas's table ref: the
// slopes, Theil–Sen slopes and Mann–Kendall statistics must agree. The
// series in which planatlas's disclosure control hid a year are fitted by
// planatlas on the published years only: they are counted, not compared.
func compareTrends(db *sql.DB, ref string) error {
	var n, ours, fewer int64
	var ds, dse, dts, dmk, dz float64
	rel := func(a, b string) string {
		return fmt.Sprintf("coalesce(max(abs(p.%s - t.%s) / greatest(1, abs(p.%s))) FILTER (p.years = t.n), 0)", a, b, a)
	}
	q := fmt.Sprintf(`SELECT count(*), (SELECT count(*) FROM trends), count(*) FILTER (p.years <> t.n), %s, %s, %s, %s, %s
		FROM read_parquet(%s) p JOIN trends t USING (indicator, level, key)`,
		rel("slope", "slope"), rel("slope_se", "se"), rel("theil_sen", "theil_sen"), rel("mk_s", "mk_s"), rel("mk_z", "mk_z"), quote(ref))
	if err := db.QueryRow(q).Scan(&n, &ours, &fewer, &ds, &dse, &dts, &dmk, &dz); err != nil {
		return fmt.Errorf("check: %w", err)
	}
	fmt.Fprintf(os.Stderr, "check: %d trends (%d of DuckDB), %d of them fitted by planatlas on fewer years (disclosure control; not compared): "+
		"largest relative difference of the OLS slope %.2g, its SE %.2g, Theil–Sen %.2g, Mann–Kendall S %.2g, z %.2g\n",
		n, ours, fewer, ds, dse, dts, dmk, dz)
	if n != ours || ds > 1e-9 || dts > 1e-9 || dmk > 0 || dz > 1e-9 {
		return fmt.Errorf("check: the trends differ from planatlas's beyond 1e-9")
	}
	return nil
}

// quote returns s as an SQL string literal.
func quote(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }

func fail(err error) {
	fmt.Fprintln(os.Stderr, "tabular:", err)
	os.Exit(1)
}
