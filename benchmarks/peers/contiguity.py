"""Times geopandas + libpysal on a planatlas benchmark grid:
    /usr/bin/python3 contiguity.py grid.geojson
prints "read <seconds> queen <seconds> rook <seconds> links <n>"."""
import sys
import time
import warnings

warnings.filterwarnings("ignore")
import geopandas
import libpysal

t0 = time.perf_counter()
df = geopandas.read_file(sys.argv[1])
t1 = time.perf_counter()
q = libpysal.weights.Queen.from_dataframe(df)
t2 = time.perf_counter()
r = libpysal.weights.Rook.from_dataframe(df)
t3 = time.perf_counter()
print(f"read {t1 - t0:.3f} queen {t2 - t1:.3f} rook {t3 - t2:.3f} links {int(q.s0)}")
