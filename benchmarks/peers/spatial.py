"""Times PySAL (esda with numba) on a planatlas benchmark grid:
    python3 spatial.py grid.geojson values.csv
prints "moran <s> moran_mc999 <s> localmoran_perm999 <s> localG_perm999 <s> I <value>".
Needs esda, libpysal, geopandas (esda is not in Debian 12; install it where
it is available to run this peer)."""
import sys
import time
import warnings

warnings.filterwarnings("ignore")
import esda
import geopandas
import libpysal
import numpy as np

df = geopandas.read_file(sys.argv[1])
v = np.loadtxt(sys.argv[2], delimiter=",", skiprows=1)
w = libpysal.weights.Queen.from_dataframe(df)
w.transform = "r"
t0 = time.perf_counter(); m = esda.Moran(v, w, permutations=0); t1 = time.perf_counter()
esda.Moran(v, w, permutations=999); t2 = time.perf_counter()
esda.Moran_Local(v, w, permutations=999, seed=1); t3 = time.perf_counter()
esda.G_Local(v, w, star=True, permutations=999, seed=1); t4 = time.perf_counter()
print(f"moran {t1-t0:.3f} moran_mc999 {t2-t1:.3f} localmoran_perm999 {t3-t2:.3f} localG_perm999 {t4-t3:.3f} I {m.I:.12f}")
