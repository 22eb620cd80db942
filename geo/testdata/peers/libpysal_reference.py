"""Neighbours of Berlin's 2021 planning areas by libpysal, and a check that
libpysal reads planatlas's GAL file to the same neighbours.

Run from the geo folder:  /usr/bin/python3 testdata/peers/libpysal_reference.py
Needs Debian's python3-libpysal and python3-geopandas; reads the planning
areas from the repository's ../examples/berlin/data.
Writes testdata/peers/libpysal_lor2021_{queen,rook}.txt ("key: neighbour keys")
and libpysal_gal_check.txt, what libpysal made of planatlas's GAL file.
"""
import sys
import warnings

warnings.filterwarnings("ignore")
import geopandas
import libpysal

shp = "../examples/berlin/data/lor_planungsraeume_2021.shp"
df = geopandas.read_file(shp)
keys = list(df["PLR_ID"].astype(str))
for rule, cls in (("queen", libpysal.weights.Queen), ("rook", libpysal.weights.Rook)):
    w = cls.from_dataframe(df, ids=keys)
    with open(f"testdata/peers/libpysal_lor2021_{rule}.txt", "w") as f:
        for k in sorted(keys):
            f.write(f"{k}:" + "".join(" " + n for n in sorted(w.neighbors[k])) + "\n")
    if rule == "queen":
        queen = w

gal = libpysal.io.open("testdata/peers/planatlas_lor2021_queen.gal", "r")
gal.data_type = str  # keys are strings with leading zeros
wg = gal.read()
same = wg.n == queen.n and all(sorted(wg.neighbors[k]) == sorted(queen.neighbors[k]) for k in keys)
line = f"libpysal {libpysal.__version__}: GAL read with {wg.n} areas, {wg.s0:.0f} links; same neighbours as libpysal Queen: {same}"
print(line)
with open("testdata/peers/libpysal_gal_check.txt", "w") as f:
    f.write(line + "\n")
sys.exit(0 if same else 1)
