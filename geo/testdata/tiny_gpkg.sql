-- The smallest GeoPackage of the geo tests (fuzzing seed): 512-byte pages,
-- two squares in EPSG:25833, a column added after the rows were written.
-- Made with: rm -f testdata/tiny.gpkg && sqlite3 testdata/tiny.gpkg < testdata/tiny_gpkg.sql
PRAGMA page_size=512;
PRAGMA application_id=1196444487;
PRAGMA user_version=10200;
CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER PRIMARY KEY, organization TEXT NOT NULL, organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT);
INSERT INTO gpkg_spatial_ref_sys VALUES ('ETRS89 / UTM zone 33N',25833,'EPSG',25833,'PROJCS["ETRS89 / UTM zone 33N"]',NULL);
CREATE TABLE gpkg_contents (table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT UNIQUE, description TEXT DEFAULT '', last_change DATETIME NOT NULL DEFAULT '2026-01-01T00:00:00.000Z', min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER);
INSERT INTO gpkg_contents (table_name, data_type, identifier, srs_id) VALUES ('gebiete','features','gebiete',25833);
CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL, srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL, CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name));
INSERT INTO gpkg_geometry_columns VALUES ('gebiete','geom','POLYGON',25833,0,0);
CREATE TABLE "gebiete" (fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, geom POLYGON, "key" TEXT, name TEXT, einwohner INTEGER, anteil REAL);
INSERT INTO gebiete (geom, key, name, einwohner, anteil) VALUES (X'47500001e9640000010300000001000000050000000000000080b4164100000000d08355410000000010b6164100000000d08355410000000010b6164100000000e98355410000000080b4164100000000e98355410000000080b4164100000000d0835541','01','Altstadt Süd',1200,0.25);
INSERT INTO gebiete (geom, key, name, einwohner, anteil) VALUES (X'47500001e9640000010300000001000000050000000000000010b6164100000000d083554100000000a0b7164100000000d083554100000000a0b7164100000000e98355410000000010b6164100000000e98355410000000010b6164100000000d0835541','02','Neuß',1201,0.375);
ALTER TABLE gebiete ADD COLUMN spaeter TEXT;
