#!/bin/sh
# Reference values for the transverse Mercator test, from PROJ's cs2cs
# (Debian proj-bin; recorded with PROJ 9.1.1). Re-run to regenerate:
#   sh geo/testdata/proj_reference.sh > geo/testdata/proj_reference.txt
# Each line: EPSG lon lat easting northing (lon/lat in degrees, E/N in metres).
set -eu
while read -r epsg lon lat; do
  printf '%s %s %s ' "$epsg" "$lon" "$lat"
  echo "$lat $lon" | cs2cs -f %.6f EPSG:4326 "EPSG:$epsg" | awk '{print $1, $2}'
done <<'PTS'
25833 13.0 50.9
25833 13.404954 52.520008
25833 15.0 51.0
25833 12.08 50.88
25833 14.99 47.3
25833 17.9 54.9
25833 9.5 53.5
25832 6.9603 50.9375
25832 9.0 48.0
25832 11.57 48.14
25832 13.5 54.0
PTS
