#!/bin/sh
# Reference values for the projection tests, from PROJ's cs2cs (Debian
# proj-bin and proj-data; recorded with PROJ 9.1.1; DHDN uses the BETA2007
# grid, as PROJ chooses when proj-data is installed). Re-run to regenerate:
#   sh geo/testdata/proj_reference.sh > geo/testdata/proj_reference.txt
# Each line: EPSG lon lat easting northing (lon/lat in degrees WGS84,
# easting/northing in metres in the EPSG system).
set -eu
# cs2cs follows each system's axis order: EPSG:4326 is lat lon; 3035 and
# 31466-31469 are northing easting; 3857 and 258xx are easting northing.
while read -r epsg lon lat; do
  out=$(echo "$lat $lon" | cs2cs -f %.6f EPSG:4326 "EPSG:$epsg" | awk '{print $1, $2}')
  case $epsg in
    3035|3146[6-9]) set -- $out; printf '%s %s %s %s %s\n' "$epsg" "$lon" "$lat" "$2" "$1" ;;
    *) printf '%s %s %s %s\n' "$epsg" "$lon" "$lat" "$out" ;;
  esac
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
3035 10.0 52.0
3035 13.404954 52.520008
3035 6.9603 50.9375
3035 -3.7 40.4
3035 25.0 60.2
3857 13.404954 52.520008
3857 -73.9857 40.7484
3857 151.2 -33.9
31466 6.0839 50.7753
31466 7.1 51.5
31467 9.4797 51.3127
31467 8.68 50.11
31468 12.3731 51.3397
31468 13.404954 52.520008
31468 11.0 49.5
31469 14.9872 51.1552
31469 14.0 53.9
PTS
