#!/usr/bin/python3
"""Reference positions for the datum-shift test (geo/datum_test.go).

Run from the repository root:
    /usr/bin/python3 geo/testdata/crs/datum_reference.py > geo/testdata/crs/datum_reference.tsv

For each CRS and a place in its area of use, PROJ's cs2cs (Debian
proj-bin with proj-data's grids: BETA2007, CHENYX06, ntf_r93, nzgd2kgrid)
transforms the place's WGS 84 longitude and latitude into the CRS, with the
transformation PROJ chooses there (a grid where it has one, else EPSG's
Helmert). Columns: EPSG code, place, longitude, latitude (WGS 84), x, y
(easting first, whatever the CRS's axis order), PROJ's version.
"""
import re, subprocess

PLACES = [
    (4267, "Raleigh", -78.64, 35.78), (4267, "Chicago", -87.63, 41.88), (4267, "Denver", -104.99, 39.74),
    (26717, "Columbus", -82.99, 39.96), (26718, "Syracuse", -76.15, 43.05), (26918, "New York", -74.0, 40.71),
    (32119, "Raleigh", -78.64, 35.78), (2264, "Charlotte", -80.84, 35.23), (5070, "Kansas City", -94.58, 39.1),
    (27700, "London", -0.13, 51.51), (27700, "Edinburgh", -3.19, 55.95), (29902, "Dublin", -6.26, 53.35),
    (23032, "Oslo", 10.75, 59.91), (23030, "Madrid", -3.70, 40.42), (4230, "Rome", 12.5, 41.9),
    (31287, "Vienna", 16.37, 48.21), (31256, "Vienna", 16.37, 48.21), (28992, "Amsterdam", 4.90, 52.37),
    (2056, "Zurich", 8.54, 47.37), (21781, "Bern", 7.45, 46.95), (5514, "Prague", 14.42, 50.08),
    (2154, "Paris", 2.35, 48.86), (27572, "Lyon", 4.84, 45.76), (2180, "Warsaw", 21.01, 52.23),
    (3006, "Stockholm", 18.07, 59.33), (3067, "Helsinki", 24.94, 60.17), (2100, "Athens", 23.73, 37.98),
    (31467, "Frankfurt", 8.68, 50.11), (31468, "Munich", 11.58, 48.14), (31469, "Dresden", 13.74, 51.05),
    (25833, "Berlin", 13.40, 52.52), (3068, "Berlin", 13.40, 52.52), (2193, "Wellington", 174.78, -41.29), (4272, "Auckland", 174.76, -36.85),
    (28356, "Sydney", 151.21, -33.87), (31985, "Recife", -34.88, -8.05), (32618, "New York", -74.0, 40.71),
    (3857, "Tokyo", 139.69, 35.69), (3031, "McMurdo", 166.67, -77.85), (3413, "Nuuk", -51.72, 64.18),
]

def axes_north_first(code):
    w = subprocess.run(["projinfo", "-o", "WKT2_2019", "-q", f"EPSG:{code}"], capture_output=True, text=True).stdout
    axes = re.findall(r'AXIS\["([^"]*)",(\w+)', w)
    if not axes:
        return False
    name, direction = axes[0][0].lower(), axes[0][1]
    if "easting" in name or "(e)" in name or "longitude" in name:
        return False
    if "northing" in name or "(n)" in name or "latitude" in name:
        return True
    return direction in ("north", "south")

version = subprocess.run(["projinfo"], capture_output=True, text=True).stderr.split(",")[0]
for code, place, lon, lat in PLACES:
    out = subprocess.run(["cs2cs", "-f", "%.6f", "EPSG:4326", f"EPSG:{code}"], input=f"{lat} {lon}\n",
                         capture_output=True, text=True).stdout.split()
    a, b = float(out[0]), float(out[1])
    x, y = (b, a) if axes_north_first(code) else (a, b)
    print(f"{code}\t{place}\t{lon}\t{lat}\t{x:.6f}\t{y:.6f}\t{version}")
