#!/bin/sh
# Reference coordinates of PROJ 9.1 (Debian proj-bin) for the projection
# test TestProjStringsAgainstPROJ (geo/projstring_test.go).
#
# Re-run from geo/testdata/proj:   sh make_points.sh > points.tsv
#
# For each EPSG code it records PROJ's string for the CRS
# (projinfo -o PROJ -q EPSG:code) and five points inside the CRS's area
# of use: the centre of projinfo's USAGE BBOX and the four points at 25 %
# and 75 % of its width and height (a box across the antimeridian is
# unwrapped first). proj -f %.6f projects them: the projection only, on
# the CRS's own datum, no datum shift. Output is in the CRS's unit: proj
# honours +units (US feet for +units=us-ft: x_0 and y_0 stay metres and
# the result is divided by the foot), but it ignores +axis, so for
# +axis=wsu (south-orientated TM) and +axis=swu (Krovak) the recorded x, y
# are PROJ's east-north values before the axis swap; cs2cs, which applies
# it, gives (-x, -y) for wsu and (-y, -x) for swu, which the Go test uses.
# +type=crs is dropped because proj refuses it. Each point is checked by
# projecting it back (proj -I): a point that does not return within
# 1e-7 degrees, or gives no number, stops the script.
#
# Output: tab-separated lines "code  projstring  lon  lat  x  y".
set -eu

codes="
32601 32610 32618 32631 32633 32636 32645 32650 32655 32660
32701 32717 32723 32733 32743 32756 32760
31466 31467 31468 31469 25830 25832 23030 26717 26917 26918
27700 2039 2326 3763 2169 29902 2157 3006 3067 2100 2193 3765 3794 3826 2180 31256 3346
2046 2048 22275
2154 3034 31287 3112 2264 2263 2227 3347 3978 3812 31370 3942 3301 27572 27561 2062
5070 3577 3338 3005 3310
3035 3571 3572 3573 3574 3575 3576 6931 6932
28992 3844 31600
2056 21781 3375 3376 3078 29873
3395 3832 3994 3857 5641
3031 3413 5041 5042 3995 3976 32661 32761
5514 5513 2065
4087
3068 2066 2099 2314 3140 3407 8044 8045 24500 28191 28193 30200
3377 3378 3379 3380 3381 3382 3383 3384 3385 4390 4391 4392 4393 4394 4395 4396 4397 4398
"

for code in $codes; do
	ps=$(projinfo -o PROJ -q "EPSG:$code" | tr -d '\n')
	ps=${ps% +type=crs}
	bbox=$(projinfo "EPSG:$code" | grep -o 'BBOX\[[^]]*\]' | head -n 1 | tr -d 'BOX[]')
	echo "$bbox" | awk -F, '{
		s = $1; w = $2; n = $3; e = $4
		if (e < w) e += 360
		split("0.5 0.25 0.75 0.25 0.75", fx, " ")
		split("0.5 0.25 0.25 0.75 0.75", fy, " ")
		for (i = 1; i <= 5; i++) {
			lon = w + fx[i] * (e - w); if (lon > 180) lon -= 360
			lat = s + fy[i] * (n - s)
			if (lat < s || lat > n) { print "outside" > "/dev/stderr"; exit 1 }
			printf "%.6f %.6f\n", lon, lat
		}
	}' > /tmp/make_points.$$
	# shellcheck disable=SC2086
	proj -f %.6f $ps < /tmp/make_points.$$ > /tmp/make_points.$$.xy
	# shellcheck disable=SC2086
	proj -I -f %.10f $ps < /tmp/make_points.$$.xy > /tmp/make_points.$$.back
	paste /tmp/make_points.$$ /tmp/make_points.$$.xy /tmp/make_points.$$.back | awk -v code="$code" -v ps="$ps" '
		function abs(v) { return v < 0 ? -v : v }
		{
			split($0, f, /[ \t]+/)
			if (f[3] !~ /^-?[0-9]/ || f[4] !~ /^-?[0-9]/) { print code ": no result for " f[1] " " f[2] > "/dev/stderr"; exit 1 }
			d = abs(f[5] - f[1]); if (d > 180) d = 360 - d
			if (d > 1e-7 || abs(f[6] - f[2]) > 1e-7) { print code ": " f[1] " " f[2] " does not return" > "/dev/stderr"; exit 1 }
			printf "%s\t%s\t%s\t%s\t%s\t%s\n", code, ps, f[1], f[2], f[3], f[4]
		}'
done
rm -f /tmp/make_points.$$ /tmp/make_points.$$.xy /tmp/make_points.$$.back
