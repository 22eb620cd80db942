#!/bin/sh
# Makes the plan tests' shapefile with GDAL (Debian's gdal-bin): the demo
# city's areas in Latin-1, as older GIS exports are, without a .cpg (so
# planatlas must assume Latin-1), and with a number of day-care places
# per area as an attribute. Run from plan/testdata.
set -e
rm -f gebiete.shp gebiete.shx gebiete.dbf gebiete.prj gebiete.cpg
ogr2ogr -f "ESRI Shapefile" gebiete.shp ../../demo/data/planungsraeume.geojson \
  -lco ENCODING=ISO-8859-1 \
  -sql "SELECT pr_id, pr_name, stt_id, stt_name, CAST(pr_id AS integer) * 10 AS plaetze FROM planungsraeume"
rm -f gebiete.cpg
ogrinfo -so gebiete.shp gebiete
