#!/bin/sh
# Makes layers.gpkg, the GeoPackage of the geo tests, with GDAL (Debian's
# gdal-bin): the demo city's 38 planning areas (EPSG:25833, umlauts in
# names) and a point layer. Run from the geo folder.
set -e
rm -f testdata/layers.gpkg
ogr2ogr -f GPKG testdata/layers.gpkg ../demo/data/planungsraeume.geojson -nln planungsraeume -lco SPATIAL_INDEX=NO
cat > /tmp/planatlas_kitas.geojson <<'JSON'
{"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"EPSG:25833"}},"features":[
{"type":"Feature","properties":{"name":"Kita Sonnenschein"},"geometry":{"type":"Point","coordinates":[372000,5640000]}}]}
JSON
ogr2ogr -update -f GPKG testdata/layers.gpkg /tmp/planatlas_kitas.geojson -nln kitas -lco SPATIAL_INDEX=NO
ogrinfo -so testdata/layers.gpkg
