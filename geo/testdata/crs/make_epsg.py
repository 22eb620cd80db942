#!/usr/bin/python3
"""Writes geo/epsg_table.go from PROJ's database (Debian proj-bin).

Run from the repository root:  /usr/bin/python3 geo/testdata/crs/make_epsg.py

For every EPSG code listed below it records the CRS's name, its PROJ
string (projinfo -o PROJ), its base geographic CRS and its area of use;
for every base geographic CRS the Helmert transformations to WGS 84 that
EPSG lists (those PROJ can apply without a grid), with their accuracy and
area of use. The EPSG dataset is used under the EPSG terms of use
(https://epsg.org/terms-of-use.html), which allow redistribution of its
values with attribution.
"""
import re, subprocess, sys

def rng(a, b): return list(range(a, b + 1))

PROJECTED = (
    rng(32601, 32660) + rng(32701, 32760) + [32661, 32761]  # WGS 84 / UTM, UPS
    + rng(25828, 25838) + [4647, 5650, 3044, 3034, 3035, 3038, 3039, 3040, 3041, 3042, 3043]  # ETRS89
    + rng(26901, 26923) + rng(26703, 26722) + rng(23028, 23038)  # NAD83, NAD27, ED50 UTM
    + rng(28348, 28358) + rng(7846, 7859) + rng(31972, 31985)  # GDA94, GDA2020, SIRGAS 2000
    + rng(31466, 31469) + rng(5676, 5679)  # DHDN / Gauss-Krüger
    + [3857, 3395, 4087, 27700, 29902, 29903, 2157, 2154] + rng(3942, 3950) + [27572, 27571, 27573]
    + [28992, 2056, 21781, 31287, 31254, 31255, 31256, 31257, 31258, 31259, 3416, 2180] + rng(2176, 2179)
    + [3765, 3794, 5514, 2065, 3006, 3067, 2100, 3763, 3059, 3301, 3346, 25884, 5243, 3912]
    + [5070, 3577, 2264, 2263, 32119, 32118, 3078, 3338, 2039, 3826, 2326, 3375, 3376]
    + [3031, 3413, 3976, 3995, 5041, 5042, 3112, 2193, 3347, 3005, 3978, 2062, 23700, 3414]
    + [22275, 22277, 22279, 22281, 22283, 22285, 22287, 22289, 22291, 22293]  # Cape / Lo
    + [2046, 2047, 2048, 2049, 2050, 2051, 2052, 2053, 2054, 2055]  # Hartebeesthoek94 / Lo
    + [2169, 2227, 27561, 29873, 31370, 31600, 3310, 3571, 3572, 3573, 3574, 3575, 3576, 3812, 3832, 3844, 3994, 5513, 5641, 6931, 6932]
    + [27200, 2385, 3414, 6933, 3410, 2062, 24047, 24048, 32643, 3405, 3406, 2385, 4390, 3168]
    # Cassini-Soldner (EPSG method 9806; not 3139, hyperbolic, nor 3366, deprecated)
    + [3068, 2066, 2099, 2314, 3140, 3407, 8044, 8045, 24500, 28191, 28193, 30200]
    + rng(3377, 3385) + rng(4391, 4398)
)
GEOGRAPHIC = [4326, 4258, 4269, 4267, 4277, 4314, 4230, 4312, 4289, 4149, 4150, 4156, 4171,
              4283, 7844, 4167, 4272, 4674, 4618, 4322, 4275, 4807, 4299, 4300, 4148, 4612,
              6668, 4490, 4617, 4152, 4019, 4047, 4203, 4202, 4222, 4326]

def run(*args):
    r = subprocess.run(["projinfo", *args], capture_output=True, text=True)
    return r.stdout

def wkt_info(code, kind="crs"):
    w = run("-k", kind, "-o", "WKT2_2019", "-q", f"EPSG:{code}")
    if not w.strip():
        return None
    name = re.match(r'\s*\w+\["([^"]*)"', w)
    bbox = re.search(r'BBOX\[([-\d.]+),([-\d.]+),([-\d.]+),([-\d.]+)\]', w)
    base = re.search(r'BASEGEOGCRS\[.*?ID\["EPSG",(\d+)\]\]', w, re.S)
    acc = re.search(r'OPERATIONACCURACY\[([\d.]+)\]', w)
    s, w_, n, e = (float(v) for v in bbox.groups()) if bbox else (-90, -180, 90, 180)
    return dict(name=name.group(1), bbox=(w_, s, e, n),
                base=int(base.group(1)) if base else code,
                acc=float(acc.group(1)) if acc else 0.0, wkt=w)

def proj_string(code, kind="crs"):
    return " ".join(run("-k", kind, "-o", "PROJ", "-q", f"EPSG:{code}").split())

def helmert(pipeline):
    """The 7 parameters (position vector) of a pipeline with one helmert
    step and no grid, or None; zeros for a pipeline without a shift."""
    if re.search(r"gridshift|ntv2|\+grids|\+nadgrids|deformation|molodensky|geogoffset|affine", pipeline):
        return None
    steps = [s for s in pipeline.split("+step") if "+proj=helmert" in s]
    if not steps:
        return (0.0,) * 7
    if len(steps) > 1:
        return None
    st = steps[0]
    def p(k):
        m = re.search(r"\+" + k + r"=([-\d.eE]+)", st)
        return float(m.group(1)) if m else 0.0
    v = [p("x"), p("y"), p("z"), p("rx"), p("ry"), p("rz"), p("s")]
    if "coordinate_frame" in st:
        v[3], v[4], v[5] = -v[3], -v[4], -v[5]
    if "+inv" in st.split("+proj=helmert")[0][-8:]:
        return None
    return tuple(v)

def shifts(geog):
    out = run("-s", f"EPSG:{geog}", "-t", "EPSG:4326", "--spatial-test", "intersects", "--summary")
    res = []
    for line in out.splitlines():
        m = re.match(r"EPSG:(\d+), ([^,]*), ([\d.]+) m, ", line)
        if not m:
            continue
        code = int(m.group(1))
        h = helmert(proj_string(code, "operation"))
        if h is None:
            continue
        info = wkt_info(code, "operation")
        res.append((code, m.group(2), h, float(m.group(3)), info["bbox"]))
    return res

def go_str(s): return '"' + s.replace('\\', '\\\\').replace('"', '\\"') + '"'
def fl(v): return repr(float(v)).rstrip("0").rstrip(".") if "." in repr(float(v)) else repr(v)

def main():
    crs, geogs, seen = [], set(GEOGRAPHIC), set()
    for code in PROJECTED + GEOGRAPHIC:
        if code in seen:
            continue
        seen.add(code)
        info = wkt_info(code)
        if info is None:
            print(f"EPSG:{code}: not in PROJ's database", file=sys.stderr)
            continue
        ps = proj_string(code)
        if not ps:
            print(f"EPSG:{code}: no PROJ string", file=sys.stderr)
            continue
        crs.append((code, info["name"], ps, info["base"], info["bbox"]))
        geogs.add(info["base"])
    shift_rows = []
    for g in sorted(geogs):
        if g == 4326:
            continue
        for row in shifts(g):
            shift_rows.append((g,) + row)
    version = subprocess.run(["projinfo"], capture_output=True, text=True).stderr.splitlines()[0]
    w = sys.stdout if len(sys.argv) > 1 and sys.argv[1] == "-" else open("geo/epsg_table.go", "w")
    w.write("// Code generated by geo/testdata/crs/make_epsg.py from PROJ's database\n")
    w.write(f"// ({version.strip()}; the EPSG dataset, https://epsg.org/terms-of-use.html). DO NOT EDIT.\n\npackage geo\n\n")
    w.write("// epsgCRSs are the coordinate reference systems planatlas knows by EPSG code,\n// sorted by code.\nvar epsgCRSs = [...]epsgCRS{\n")
    for code, name, ps, base, b in sorted(crs):
        w.write(f"\t{{{code}, {go_str(name)}, {go_str(ps)}, {base}, [4]float64{{{fl(b[0])}, {fl(b[1])}, {fl(b[2])}, {fl(b[3])}}}}},\n")
    w.write("}\n\n// epsgShifts are EPSG's Helmert transformations from a geographic CRS to\n// WGS 84, by source CRS, in the order PROJ prefers them.\nvar epsgShifts = [...]epsgShift{\n")
    for g, code, name, h, acc, b in shift_rows:
        hs = ", ".join(fl(v) for v in h)
        w.write(f"\t{{{g}, {code}, {go_str(name)}, Helmert{{{hs}}}, {fl(acc)}, [4]float64{{{fl(b[0])}, {fl(b[1])}, {fl(b[2])}, {fl(b[3])}}}}},\n")
    w.write("}\n\n// epsgDatums name the datum of each geographic CRS in the tables above,\n// as EPSG names it, to recognise well-known text without an EPSG code.\nvar epsgDatums = [...]epsgDatum{\n")
    for g in sorted(geogs):
        m = re.search(r'DATUM\["([^"]*)"', run("-o", "WKT2_2019", "-q", f"EPSG:{g}"))
        if m:
            w.write(f"\t{{{g}, {go_str(m.group(1))}}},\n")
    w.write("}\n")

main()
