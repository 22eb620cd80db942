package main

// The SQL of each stage, in the order main runs them.

// The inputs, read into tables: the population by age band and sex, the
// labour market and the hot days. Placeholders: the three files without
// their extension.
const parquetInputs = `
CREATE TABLE pop AS SELECT * FROM read_parquet(%[1]s || '.parquet');
CREATE TABLE lab AS SELECT * FROM read_parquet(%[2]s || '.parquet');
CREATE TABLE heat AS SELECT * FROM read_parquet(%[3]s || '.parquet');
`

// The German CSV files: ";" between fields, a decimal comma; keys are
// text (they have leading zeros).
const csvInputs = `
CREATE TABLE pop AS SELECT * FROM read_csv(%[1]s || '.csv', delim = ';', decimal_separator = ',', header = true,
	types = {'gebiet': 'VARCHAR', 'alter': 'VARCHAR', 'geschlecht': 'VARCHAR', 'jahr': 'BIGINT', 'anzahl': 'DOUBLE'});
CREATE TABLE lab AS SELECT * FROM read_csv(%[2]s || '.csv', delim = ';', decimal_separator = ',', header = true,
	types = {'Gebiet': 'VARCHAR', 'Jahr': 'BIGINT', 'Arbeitslose': 'DOUBLE', 'SGB-II': 'DOUBLE', 'SGB-II unter 15': 'DOUBLE'});
CREATE TABLE heat AS SELECT * FROM read_csv(%[3]s || '.csv', delim = ';', decimal_separator = ',', header = true,
	types = {'Gebiet': 'VARCHAR', 'Jahr': 'BIGINT', 'Heiße Tage': 'DOUBLE'});
`

// panelSQL builds the variables of plan.yaml per area and year: the
// population's counts with the plan's age filters, the labour market's
// counts and the hot days. Every area and year appears once in each
// input (the plan's duplicate check is the GROUP BY's count).
const panelSQL = `
CREATE TABLE panel AS
WITH p AS (
	SELECT gebiet AS key, jahr AS year, count(*) AS nrows,
		sum(anzahl) AS ew,
		sum(anzahl) FILTER (alter = '0-5') AS ew_u6,
		sum(anzahl) FILTER (alter IN ('0-5', '6-17')) AS ew_u18,
		sum(anzahl) FILTER (alter = '18-64') AS ew_15_64,
		sum(anzahl) FILTER (alter IN ('0-5', '6-17', '18-64')) AS ew_u65,
		sum(anzahl) FILTER (alter = '65-99') AS ew_65plus,
		sum(anzahl) FILTER (alter IN ('0-5', '6-17')) AS ew_u15
	FROM pop GROUP BY gebiet, jahr
)
SELECT p.* EXCLUDE (nrows), l.Arbeitslose AS arbeitslose, l."SGB-II" AS sgb2, l."SGB-II unter 15" AS sgb2_u15,
	h."Heiße Tage" AS heisse_tage
FROM p
LEFT JOIN lab l ON l.Gebiet = p.key AND l.Jahr = p.year
LEFT JOIN heat h ON h.Gebiet = p.key AND h.Jahr = p.year;
DROP TABLE pop;
`

// geometriesSQL reads each area's key, district and size in km² from the
// GeoJSON (polygons in metres: the shoelace formula relative to each
// ring's first vertex, shells minus holes, as planatlas computes it) and
// joins them to the panel.
const geometriesSQL = `
CREATE TABLE areas AS
WITH f AS (SELECT unnest(features) AS f FROM read_json(%s, maximum_object_size = 2000000000)),
r AS (
	SELECT f.properties.key AS key, f.properties.district AS district, unnest(f.geometry.coordinates) AS ring,
		generate_subscripts(f.geometry.coordinates, 1) AS nr
	FROM f
)
SELECT key, any_value(district) AS district,
	sum(CASE WHEN nr = 1 THEN 1 ELSE -1 END * abs(list_sum(list_transform(range(1, len(ring)), i ->
		(ring[i][1] - ring[1][1]) * (ring[i + 1][2] - ring[1][2]) - (ring[i + 1][1] - ring[1][1]) * (ring[i][2] - ring[1][2]))) / 2)) / 1e6 AS area_km2
FROM r GROUP BY key;
CREATE TABLE area_panel AS SELECT p.*, a.district, a.area_km2 FROM panel p JOIN areas a USING (key);
`

// indicatorsSQL sums the counts to districts and the city (hot days as
// the residents-weighted mean, sizes summed), then computes the catalog's
// 14 indicators on the three levels as a long table: proportions with
// 95 % Wilson intervals, ratios of sums, counts, changes over one and
// five years.
const indicatorsSQL = `
CREATE TABLE levels AS
SELECT 'area' AS level, key, year, ew, ew_u6, ew_u18, ew_15_64, ew_u65, ew_65plus, ew_u15, arbeitslose, sgb2, sgb2_u15,
	heisse_tage, area_km2
FROM area_panel
UNION ALL
SELECT 'district', district, year, sum(ew), sum(ew_u6), sum(ew_u18), sum(ew_15_64), sum(ew_u65), sum(ew_65plus), sum(ew_u15),
	sum(arbeitslose), sum(sgb2), sum(sgb2_u15), sum(heisse_tage * ew) / sum(ew), sum(area_km2)
FROM area_panel GROUP BY district, year
UNION ALL
SELECT 'city', '', year, sum(ew), sum(ew_u6), sum(ew_u18), sum(ew_15_64), sum(ew_u65), sum(ew_65plus), sum(ew_u15),
	sum(arbeitslose), sum(sgb2), sum(sgb2_u15), sum(heisse_tage * ew) / sum(ew), sum(area_km2)
FROM area_panel GROUP BY year;

CREATE MACRO value_of(id, v) AS {indicator: id, value: v::DOUBLE, lower: NULL::DOUBLE, upper: NULL::DOUBLE};
CREATE MACRO wilson_half(p, m, z) AS z / (1 + z * z / m) * sqrt(p * (1 - p) / m + z * z / (4 * m * m));
CREATE MACRO wilson_centre(p, m, z) AS (p + z * z / (2 * m)) / (1 + z * z / m);
CREATE MACRO wilson(id, n, m, z := 1.959963984540054::DOUBLE) AS {indicator: id, value: 100 * n / m,
	lower: 100 * greatest(0, wilson_centre(n / m, m, z) - wilson_half(n / m, m, z)),
	upper: 100 * least(1, wilson_centre(n / m, m, z) + wilson_half(n / m, m, z))};

CREATE TABLE indicators AS
WITH x AS (
	SELECT *, lag(ew, 1) OVER w AS ew_1, lag(ew, 5) OVER w AS ew_5
	FROM levels WINDOW w AS (PARTITION BY level, key ORDER BY year)
)
SELECT level, key, year, unnest([
	value_of('einwohner', ew),
	value_of('bevoelkerung_1j', 100 * (ew / ew_1 - 1)),
	value_of('bevoelkerung_5j', 100 * (ew / ew_5 - 1)),
	value_of('einwohnerdichte', ew / area_km2),
	value_of('heisse_tage', heisse_tage),
	value_of('hitzeempfindliche', ew_u6 + ew_65plus),
	value_of('anteil_hitzeempfindliche', 100 * (ew_u6 + ew_65plus) / ew),
	wilson('anteil_u6', ew_u6, ew),
	wilson('anteil_u18', ew_u18, ew),
	wilson('anteil_65plus', ew_65plus, ew),
	wilson('arbeitslosenanteil', arbeitslose, ew_15_64),
	wilson('sgb2_quote', sgb2, ew_u65),
	wilson('kinderarmut', sgb2_u15, ew_u15)
], recursive := true)
FROM x;
`

// indicesSQL computes the plan's index "bedarf" in the last year: the
// weighted sum of the components' z-scores over the areas (population
// standard deviation), and its ranking (1 = most need, ties share the
// lower rank).
const indicesSQL = `
CREATE TABLE ranking AS
WITH w(indicator, weight) AS (VALUES ('sgb2_quote', 2), ('kinderarmut', 2), ('arbeitslosenanteil', 1),
	('anteil_65plus', 1), ('heisse_tage', 1)),
last AS (
	SELECT i.key, i.indicator, i.value, w.weight FROM indicators i JOIN w USING (indicator)
	WHERE i.level = 'area' AND i.year = (SELECT max(year) FROM indicators)
),
z AS (
	SELECT key, weight * (value - avg(value) OVER c) / stddev_pop(value) OVER c AS z
	FROM last WINDOW c AS (PARTITION BY indicator)
),
ix AS (SELECT key, sum(z) AS bedarf FROM z GROUP BY key)
SELECT key, bedarf, rank() OVER (ORDER BY bedarf DESC) AS rank FROM ix;
`

// trendsSQL fits every indicator's series on every level (2015–2024,
// the years with a value): the OLS slope and its standard error, the
// Theil–Sen slope (the median of the pairwise slopes) and the
// Mann–Kendall S and its z (the variance corrected for ties). DuckDB has
// no t or normal distribution function, so the p-values are left out.
const trendsSQL = `
CREATE TABLE trends AS
WITH s AS (SELECT level, key, indicator, year, value FROM indicators WHERE value IS NOT NULL AND isfinite(value)),
ols AS (
	SELECT level, key, indicator, count(*) AS n, regr_slope(value, year) AS slope,
		sqrt((regr_syy(value, year) - regr_sxy(value, year) ^ 2 / regr_sxx(value, year)) / (count(*) - 2) / regr_sxx(value, year)) AS se
	FROM s GROUP BY ALL
),
ties AS (
	SELECT level, key, indicator, sum(t * (t - 1) * (2 * t + 5)) AS tie
	FROM (SELECT level, key, indicator, count(*) AS t FROM s GROUP BY level, key, indicator, value)
	GROUP BY ALL
),
pairs AS (
	SELECT a.level, a.key, a.indicator, median((b.value - a.value) / (b.year - a.year)) AS theil_sen,
		sum(sign(b.value - a.value)) AS mk_s
	FROM s a JOIN s b ON a.level = b.level AND a.key = b.key AND a.indicator = b.indicator AND a.year < b.year
	GROUP BY ALL
)
SELECT o.*, p.theil_sen, p.mk_s,
	(p.mk_s - sign(p.mk_s)) / sqrt((o.n * (o.n - 1) * (2 * o.n + 5) - t.tie) / 18) AS mk_z
FROM ols o JOIN pairs p USING (level, key, indicator) JOIN ties t USING (level, key, indicator);
`

// tablesSQL writes the indicator, ranking and trend tables as Parquet.
const tablesSQL = `
COPY indicators TO %s (FORMAT parquet, COMPRESSION zstd);
COPY ranking TO %s (FORMAT parquet, COMPRESSION zstd);
COPY trends TO %s (FORMAT parquet, COMPRESSION zstd);
`

// compareSQL joins the indicators with planatlas's on indicator, level,
// key and year. planatlas's disclosure control (counts of 1 and 2 and the
// cells that would give them away) hides values it computed from the
// true counts: those cells are counted, not compared. Placeholder:
// planatlas's file.
const compareSQL = `
WITH p AS (SELECT indicator, level, key, year, value, lower, upper, flag FROM read_parquet(%s)),
j AS (
	SELECT p.indicator, d.indicator IS NULL AS missing, p.flag = 'suppressed' AS hidden,
		p.flag <> 'suppressed' AND (p.value IS NULL) <> (d.value IS NULL) AS null_differs,
		abs(p.value - d.value) / greatest(1, abs(p.value)) AS dv,
		greatest(abs(p.lower - d.lower), abs(p.upper - d.upper)) / greatest(1, abs(p.value)) AS dci
	FROM p LEFT JOIN indicators d USING (indicator, level, key, year)
)
SELECT count(*), count(*) FILTER (missing), count(*) FILTER (hidden), count(*) FILTER (null_differs),
	coalesce(max(dv), 0), coalesce(max(dci), 0), (SELECT count(*) FROM indicators)
FROM j
`
