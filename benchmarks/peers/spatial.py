"""Times PySAL (esda with numba) on a planatlas benchmark grid:

    PYTHONPATH=ESDA_DIR NUMBA_CACHE_DIR=DIR python3 spatial.py grid.geojson values.csv [n_jobs]

prints "moran <s> moran_mc999 <s> localmoran_perm999 <s> localG_perm999 <s> I <value>".

Needs esda, libpysal, geopandas and numba. esda is not in Debian 12: its
2.4.3 (the last release for Debian's libpysal 4.7) is in the workplace's
shared/peers/esda-2.4.3, put on PYTHONPATH. numba compiles esda's
conditional-permutation kernels on first use; a warm-up on a 10 x 10
lattice compiles them before the clock starts. n_jobs (default 1) is
esda's number of processes for the local statistics' permutations.

The weights are planatlas's and spdep's: queen contiguity,
row-standardised; Gi* includes each area in its own neighbourhood before
row-standardising (esda: binary weights, star=True, transform "R"; spdep:
include.self). 999 permutations each, seed 1.
"""
import sys
import time
import warnings

warnings.filterwarnings("ignore")
import esda  # noqa: E402
import geopandas  # noqa: E402
import libpysal  # noqa: E402
import numpy as np  # noqa: E402

n_jobs = int(sys.argv[3]) if len(sys.argv) > 3 else 1

# Warm-up: numba compiles the local statistics' kernels (not timed).
lat = libpysal.weights.lat2W(10, 10)
y = np.arange(100, dtype=float)
esda.Moran_Local(y, lat, permutations=9, seed=1, n_jobs=n_jobs)
esda.G_Local(y, lat, transform="R", star=True, permutations=9, seed=1, n_jobs=n_jobs)

df = geopandas.read_file(sys.argv[1])
v = np.loadtxt(sys.argv[2], delimiter=",", skiprows=1)
w = libpysal.weights.Queen.from_dataframe(df)
wb = libpysal.weights.W(w.neighbors, id_order=w.id_order)  # binary, for Gi*
w.transform = "r"
t0 = time.perf_counter()
m = esda.Moran(v, w, permutations=0)
t1 = time.perf_counter()
esda.Moran(v, w, permutations=999)
t2 = time.perf_counter()
esda.Moran_Local(v, w, permutations=999, seed=1, n_jobs=n_jobs)
t3 = time.perf_counter()
esda.G_Local(v, wb, transform="R", star=True, permutations=999, seed=1, n_jobs=n_jobs)
t4 = time.perf_counter()
print(f"moran {t1-t0:.3f} moran_mc999 {t2-t1:.3f} localmoran_perm999 {t3-t2:.3f} localG_perm999 {t4-t3:.3f} I {m.I:.15f}")
