"""Local Getis-Ord G_i* and local Moran by PySAL's esda, the reference for
TestLocalAgainstEsda (analysis/esda_test.go).

Run from analysis/:
  NUMBA_CACHE_DIR=/tmp/numba PYTHONPATH=/tmp/esda-2.4.3 \
    /usr/bin/python3 testdata/esda_reference.py
Needs esda 2.4.3, which Debian lacks (from PyPI: pip install --no-deps
--target /tmp/esda-2.4.3 esda==2.4.3), and Debian's python3-libpysal and
python3-numba. Reads the neighbours and values of
testdata/spatial_{columbus,nc}.txt (written by spatial_reference.R) and
writes testdata/esda_{columbus,nc}.txt: "name value value ..." lines at
full precision, one value per area in the file's order.

G_Local(star=True) with transform "B" puts weight 1 on the area itself
(libpysal's fill_diagonal), as spdep's include.self; its z-scores then are
spdep's localG ones (with transform "R" esda's variance takes the row sum,
1, for the number of neighbours, and its Zs differ from spdep's).
p_sim is folded: (min(#sim >= obs, #sim < obs) + 1)/(R + 1), with the
area's own value kept (crand takes the diagonal out of the permutation).
The permutation p does not depend on the transform (each row is only
scaled), so the "R" run with the same seed is recorded as a check: it
agrees except where permuted sums tie with the observed one and esda's
fastmath rounding breaks the tie one way or the other (nc, whose 13 zero
rates make ties: 3 areas differ by up to 0.004).
"""
import warnings

warnings.filterwarnings("ignore")
import numpy as np
import libpysal
import esda
from esda.getisord import G_Local
from esda.moran import Moran_Local

PERMUTATIONS = 9999
SEED = 20240601


def read_set(name):
    nb, x = {}, None
    with open(f"testdata/spatial_{name}.txt") as f:
        for line in f:
            fs = line.split()
            if fs[0] == "nb":
                nb[int(fs[1]) - 1] = [int(j) - 1 for j in fs[2:]]
            elif fs[0] == "x":
                x = np.array([float(v) for v in fs[1:]])
    return nb, x


def weights(nb):
    # A new W for every statistic: crand zeroes the diagonal of w.sparse.
    return libpysal.weights.W({i: nb[i] for i in sorted(nb)}, silence_warnings=True)


def put(f, name, values):
    f.write(name + "".join(" %.17g" % v for v in np.asarray(values, dtype=float)) + "\n")


for name in ("columbus", "nc"):
    nb, x = read_set(name)
    with open(f"testdata/esda_{name}.txt", "w") as f:
        f.write(f"# esda {esda.__version__}, libpysal {libpysal.__version__}, numpy {np.__version__}; "
                f"permutations {PERMUTATIONS}, seed {SEED}\n")
        g = G_Local(x, weights(nb), transform="B", star=True, permutations=PERMUTATIONS, seed=SEED, n_jobs=1)
        put(f, "gistar_G", g.Gs)
        put(f, "gistar_EG", g.EGs)
        put(f, "gistar_Z", g.Zs)
        put(f, "gistar_p_sim", g.p_sim)
        gr = G_Local(x, weights(nb), transform="R", star=True, permutations=PERMUTATIONS, seed=SEED, n_jobs=1)
        put(f, "gistar_p_sim_R", gr.p_sim)
        m = Moran_Local(x, weights(nb), transformation="r", permutations=PERMUTATIONS, seed=SEED, n_jobs=1)
        put(f, "localmoran_I", m.Is)
        put(f, "localmoran_p_sim", m.p_sim)
        differ = np.nonzero(g.p_sim != gr.p_sim)[0]
        print(f"{name}: {len(x)} areas; G_i* p_sim with transform B and R differ for areas {list(differ + 1)}"
              f" by at most {np.abs(g.p_sim - gr.p_sim).max():.4f}")
