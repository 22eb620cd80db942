#!/usr/bin/python3
"""Reference positions for the grid-shift test (geo/gridshift_test.go).

Run from the repository root:
    /usr/bin/python3 geo/testdata/crs/grid_reference.py > geo/testdata/crs/grid_reference.tsv

It first writes two synthetic NTv2 files, multi.gsb (little-endian) and
multi_be.gsb (the same grids big-endian): a parent grid over 10–12° E,
50–52° N with two children, one of which has a child of its own, each
finer grid shifting differently from its parent, so that the test shows
which grid a point takes its shift from. Then PROJ's cs2cs (Debian
proj-bin with proj-data's grids ntf_r93.gsb, IGN's NTF → RGF93, and
nzgd2kgrid0005.gsb, LINZ's NZGD49 → NZGD2000; the synthetic files are
found through PROJ_DATA) transforms:
  fwd: coordinates in the PROJ string's CRS → EPSG:4326 (longitude, latitude)
  inv: EPSG:4326 → the PROJ string's CRS
Columns: place, PROJ string, direction, x in, y in, x out, y out (easting
or longitude first; "nan" where PROJ finds no grid), PROJ's version.
"""
import math, os, struct, subprocess

HERE = os.path.dirname(os.path.abspath(__file__))


def record(name, value, bo, kind):
    key = name.ljust(8).encode()
    if kind == "i":
        return key + struct.pack(bo + "i", value) + b"\0" * 4
    if kind == "d":
        return key + struct.pack(bo + "d", value)
    return key + value.ljust(8).encode()


def subfile(bo, name, parent, s, n, west, east, inc, bump):
    """A subfile: bounds in degrees (east-positive), increment in
    arc-seconds; the shift is a smooth field plus bump arc-seconds."""
    S, N, E, W = s * 3600, n * 3600, -east * 3600, -west * 3600  # NTv2: longitude positive west
    rows, cols = round((N - S) / inc) + 1, round((W - E) / inc) + 1
    h = b"".join([record("SUB_NAME", name, bo, "s"), record("PARENT", parent, bo, "s"),
                  record("CREATED", "20261129", bo, "s"), record("UPDATED", "20261129", bo, "s"),
                  record("S_LAT", S, bo, "d"), record("N_LAT", N, bo, "d"), record("E_LONG", E, bo, "d"),
                  record("W_LONG", W, bo, "d"), record("LAT_INC", inc, bo, "d"), record("LONG_INC", inc, bo, "d"),
                  record("GS_COUNT", rows * cols, bo, "i")])
    nodes = []
    for r in range(rows):
        lat = (S + r * inc) / 3600
        for c in range(cols):
            lon = -(E + c * inc) / 3600  # east-positive
            dlat = 1.5 + 0.8 * math.sin(lat * 2.1) * math.cos(lon * 1.3) + bump
            dlon = -2.0 + 0.6 * math.cos(lat * 1.7 + lon) - bump  # arc-seconds, positive west
            nodes.append(struct.pack(bo + "ffff", dlat, dlon, 0.01, 0.01))
    return h + b"".join(nodes)


def multi(bo):
    head = b"".join([record("NUM_OREC", 11, bo, "i"), record("NUM_SREC", 11, bo, "i"), record("NUM_FILE", 4, bo, "i"),
                     record("GS_TYPE", "SECONDS", bo, "s"), record("VERSION", "TEST", bo, "s"),
                     record("SYSTEM_F", "TEST", bo, "s"), record("SYSTEM_T", "ETRS89", bo, "s"),
                     record("MAJOR_F", 6377397.155, bo, "d"), record("MINOR_F", 6356078.963, bo, "d"),
                     record("MAJOR_T", 6378137.0, bo, "d"), record("MINOR_T", 6356752.314, bo, "d")])
    subs = [subfile(bo, "PARENT", "NONE", 50, 52, 10, 12, 900, 0),
            subfile(bo, "CHILD_A", "PARENT", 50.5, 51, 10.5, 11, 300, 0.05),
            subfile(bo, "GRAND", "CHILD_A", 50.6, 50.8, 10.6, 10.8, 60, 0.12),
            subfile(bo, "CHILD_B", "PARENT", 51.25, 51.75, 11.25, 11.75, 450, -0.07)]
    end = record("END", 0, bo, "i")
    return head + b"".join(subs) + end


for fn, bo in (("multi.gsb", "<"), ("multi_be.gsb", ">")):
    with open(os.path.join(HERE, fn), "wb") as f:
        f.write(multi(bo))

FR = "+proj=lcc +lat_1=46.8 +lat_0=46.8 +lon_0=0 +k_0=0.99987742 +x_0=600000 +y_0=2200000 +ellps=clrk80ign +pm=paris +nadgrids=ntf_r93.gsb +units=m +no_defs"
FRGEO = "+proj=longlat +ellps=clrk80ign +nadgrids=ntf_r93.gsb +no_defs"
NZGEO = "+proj=longlat +ellps=intl +nadgrids=nzgd2kgrid0005.gsb +no_defs"
NZEDEN = "+proj=tmerc +lat_0=-36.8797222222222 +lon_0=174.764166666667 +k=0.9999 +x_0=300000 +y_0=700000 +ellps=intl +nadgrids=nzgd2kgrid0005.gsb +units=m +no_defs"
NZTM = "+proj=tmerc +lat_0=0 +lon_0=173 +k=0.9996 +x_0=1600000 +y_0=10000000 +ellps=intl +nadgrids=nzgd2kgrid0005.gsb +units=m +no_defs"
MULTI = "+proj=longlat +ellps=bessel +nadgrids=multi.gsb +no_defs"
MULTIBE = "+proj=longlat +ellps=bessel +nadgrids=multi_be.gsb +no_defs"
MULTIOPT = "+proj=longlat +ellps=bessel +nadgrids=@missing.gsb,multi.gsb,@null +no_defs"

PLACES = [  # WGS 84 longitude, latitude
    ("Paris", FR, 2.35, 48.86), ("Lyon", FR, 4.84, 45.76), ("Marseille", FR, 5.37, 43.30),
    ("Brest", FR, -4.49, 48.39), ("Strasbourg", FR, 7.75, 48.58), ("Lille", FRGEO, 3.06, 50.63),
    ("Auckland", NZGEO, 174.76, -36.85), ("Wellington", NZGEO, 174.78, -41.29),
    ("Christchurch", NZGEO, 172.64, -43.53), ("Dunedin", NZGEO, 170.50, -45.87),
    ("Auckland", NZEDEN, 174.76, -36.85), ("Wellington", NZTM, 174.78, -41.29), ("Invercargill", NZTM, 168.35, -46.41),
    ("parent only", MULTI, 10.2, 51.9), ("child A", MULTI, 10.55, 50.95), ("grandchild", MULTI, 10.7, 50.7),
    ("child B", MULTI, 11.5, 51.5), ("child A's edge", MULTI, 10.7, 50.5), ("grandchild's edge", MULTI, 10.8, 50.65),
    ("outside", MULTI, 9.5, 51.0), ("big-endian grandchild", MULTIBE, 10.7, 50.7),
    ("big-endian child B", MULTIBE, 11.5, 51.5), ("optional and null: grid", MULTIOPT, 10.7, 50.7),
    ("optional and null: null", MULTIOPT, 9.5, 51.0),
]

env = dict(os.environ, PROJ_DATA=HERE + ":/usr/share/proj", PROJ_NETWORK="OFF")


def cs2cs(src, dst, x, y):
    out = subprocess.run(["cs2cs", "-f", "%.9f"] + src.split() + ["+to"] + dst.split(), input=f"{x} {y}\n",
                         capture_output=True, text=True, env=env).stdout.split()
    if len(out) < 2 or "*" in out[0]:
        return math.nan, math.nan
    return float(out[0]), float(out[1])


WGS = "+proj=longlat +datum=WGS84 +no_defs"
version = subprocess.run(["projinfo"], capture_output=True, text=True).stderr.split(",")[0]
for place, proj, lon, lat in PLACES:
    x, y = cs2cs(WGS, proj, lon, lat)
    print(f"{place}\t{proj}\tinv\t{lon}\t{lat}\t{x:.9f}\t{y:.9f}\t{version}")
    # forward from rounded coordinates (whole metres, or 1e-4 degrees)
    if not math.isnan(x):
        step = 1e-4 if "longlat" in proj else 1.0
        fx, fy = round(x / step) * step, round(y / step) * step
        fx, fy = float(f"{fx:.6f}"), float(f"{fy:.6f}")
        ox, oy = cs2cs(proj, WGS, fx, fy)
        print(f"{place}\t{proj}\tfwd\t{fx}\t{fy}\t{ox:.9f}\t{oy:.9f}\t{version}")
