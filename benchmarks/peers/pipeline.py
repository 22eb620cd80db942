# The benchmark city's analysis done with pandas, geopandas and libpysal
# (Debian 12 packages), for the side-by-side table of citybench:
#
#   /usr/bin/python3 pipeline.py CITY_DIR
#
# CITY_DIR is written by benchmarks.WriteCity (go run ./benchmarks/cmd/citybench
# -keep DIR). The script reads the German CSV files (Debian has no pyarrow),
# builds the variables per area and year, the districts and the city, the
# 14 indicators with Wilson intervals for the proportions, the z-score
# index of the last year and its ranking, OLS, Theil-Sen and Mann-Kendall
# trends of every indicator on every level (vectorised with numpy), queen
# weights and Moran's I, a choropleth map, and writes the indicator and
# trend tables as CSV. It prints one line per stage: "stage seconds", then
# "total seconds" and the index's first-ranked key as a check.
#
# Where PySAL's esda can be imported (it is not in Debian 12: citybench
# puts the workplace's shared/peers/esda-2.4.3 on PYTHONPATH), the spatial
# stage also runs Moran's I, local Moran and Gi* with 999 permutations
# each, as planatlas does; numba compiles esda's kernels on a small lattice
# before the clock starts, like the libraries' loading. Without esda it
# computes the analytic Moran's I only.
#
# What planatlas does and this script does not: rank uncertainty,
# disclosure control, the HTML report, Parquet output.
import sys
import time
import warnings

import numpy as np
import pandas as pd
import geopandas as gpd
from scipy import stats
from libpysal.weights import Queen, W, lat2W
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

try:
    import esda
except ImportError:
    esda = None
if esda is not None:
    warnings.filterwarnings("ignore")
    _y = np.arange(100, dtype=float)
    esda.Moran_Local(_y, lat2W(10, 10), permutations=9, seed=1)
    esda.G_Local(_y, lat2W(10, 10), transform="R", star=True, permutations=9, seed=1)

d = sys.argv[1]
times = []
t_all = time.perf_counter()
t = time.perf_counter()


def lap(name):
    global t
    now = time.perf_counter()
    times.append((name, now - t))
    t = now


# inputs
areas = gpd.read_file(f"{d}/areas.geojson")
pop = pd.read_csv(f"{d}/bevoelkerung.csv", sep=";", decimal=",", dtype={"gebiet": str, "alter": str})
lab = pd.read_csv(f"{d}/arbeitsmarkt.csv", sep=";", decimal=",", dtype={"Gebiet": str})
heat = pd.read_csv(f"{d}/klima.csv", sep=";", decimal=",", dtype={"Gebiet": str})
lap("inputs")

# panel: variables per area and year; districts; the city
p = pop.pivot_table(index=["gebiet", "jahr"], columns="alter", values="anzahl", aggfunc="sum")
v = pd.DataFrame({
    "ew": p.sum(axis=1),
    "ew_u6": p["0-5"],
    "ew_u18": p["0-5"] + p["6-17"],
    "ew_15_64": p["18-64"],
    "ew_u65": p["0-5"] + p["6-17"] + p["18-64"],
    "ew_65plus": p["65-99"],
    "ew_u15": p["0-5"] + p["6-17"],
})
v.index.names = ["key", "year"]
lab = lab.rename(columns={"Gebiet": "key", "Jahr": "year", "Arbeitslose": "arbeitslose",
                          "SGB-II": "sgb2", "SGB-II unter 15": "sgb2_u15"}).set_index(["key", "year"])
heat = heat.rename(columns={"Gebiet": "key", "Jahr": "year", "Heiße Tage": "heisse_tage"}).set_index(["key", "year"])
v = v.join(lab).join(heat)
lap("panel")

areas["area_km2"] = areas.geometry.area / 1e6
geo = areas.set_index("key")[["district", "area_km2"]]
lap("geometries")

counts = ["ew", "ew_u6", "ew_u18", "ew_15_64", "ew_u65", "ew_65plus", "ew_u15", "arbeitslose", "sgb2", "sgb2_u15"]


def level(frame):
    """Sums of the counts, hot days weighted by residents, area sum."""
    g = frame.groupby(["unit", "year"])
    out = g[counts + ["area_km2"]].sum()
    out["heisse_tage"] = (frame["heisse_tage"] * frame["ew"]).groupby([frame["unit"], frame["year"]]).sum() / out["ew"]
    return out


va = v.join(geo, on="key").reset_index()
area_level = va.rename(columns={"key": "unit"}).set_index(["unit", "year"])[counts + ["heisse_tage", "area_km2"]]
district_level = level(va.rename(columns={"district": "unit"}))
city_level = level(va.assign(unit="city"))
levels = {"area": area_level, "district": district_level, "city": city_level}

# indicators: (numerator, denominator, scale) for proportions, formulas for the rest
props = {
    "anteil_u6": ("ew_u6", "ew"), "anteil_u18": ("ew_u18", "ew"), "anteil_65plus": ("ew_65plus", "ew"),
    "arbeitslosenanteil": ("arbeitslose", "ew_15_64"), "sgb2_quote": ("sgb2", "ew_u65"),
    "kinderarmut": ("sgb2_u15", "ew_u15"),
}
z95 = 1.959963984540054


def indicators(x):
    out = {}
    for k, (num, den) in props.items():
        n, m = x[num], x[den]
        ph = n / m
        out[k] = 100 * ph
        c = z95 * np.sqrt(ph * (1 - ph) / m + z95**2 / (4 * m**2)) / (1 + z95**2 / m)
        mid = (ph + z95**2 / (2 * m)) / (1 + z95**2 / m)
        out[k + "_lower"], out[k + "_upper"] = 100 * (mid - c), 100 * (mid + c)
    ew = x["ew"]
    lag = ew.groupby(level="unit").shift
    out["einwohner"] = ew
    out["bevoelkerung_1j"] = 100 * (ew / lag(1) - 1)
    out["bevoelkerung_5j"] = 100 * (ew / lag(5) - 1)
    out["einwohnerdichte"] = ew / x["area_km2"]
    out["heisse_tage"] = x["heisse_tage"]
    out["hitzeempfindliche"] = x["ew_u6"] + x["ew_65plus"]
    out["anteil_hitzeempfindliche"] = 100 * (x["ew_u6"] + x["ew_65plus"]) / ew
    return pd.DataFrame(out)


ind = {name: indicators(x) for name, x in levels.items()}
lap("indicators")

# index: z-scores of the last year over the areas, weighted sum, ranking
last = ind["area"].xs(2024, level="year")
weights = {"sgb2_quote": 2, "kinderarmut": 2, "arbeitslosenanteil": 1, "anteil_65plus": 1}
comp = {k: last[k] for k in weights}
comp["heisse_tage"] = last["heisse_tage"]
weights["heisse_tage"] = 1
index = sum(w * (comp[k] - comp[k].mean()) / comp[k].std(ddof=0) for k, w in weights.items())
ranking = index.rank(ascending=False, method="min")
lap("indices")

# trends: every indicator on every level, 2015-2024
ids = ["einwohner", "bevoelkerung_1j", "bevoelkerung_5j", "einwohnerdichte", "heisse_tage", "hitzeempfindliche",
       "anteil_hitzeempfindliche"] + list(props)
years = np.arange(2015, 2025, dtype=float)
iu, ju = np.triu_indices(len(years), 1)
rows = []
for name, frame in ind.items():
    for k in ids:
        y = frame[k].unstack("year").reindex(columns=range(2015, 2025))
        Y = y.to_numpy()
        ok = ~np.isnan(Y)
        nobs = ok.sum(axis=1)
        X = np.where(ok, years, np.nan)
        xm = np.nanmean(X, axis=1, keepdims=True)
        ym = np.nanmean(Y, axis=1, keepdims=True)
        sxx = np.nansum((X - xm) ** 2, axis=1)
        slope = np.nansum((X - xm) * (Y - ym), axis=1) / sxx
        resid = Y - ym - slope[:, None] * (X - xm)
        se = np.sqrt(np.nansum(resid**2, axis=1) / (nobs - 2) / sxx)
        p = 2 * stats.t.sf(np.abs(slope / se), nobs - 2)
        pair = (Y[:, ju] - Y[:, iu]) / (years[ju] - years[iu])
        theil_sen = np.nanmedian(pair, axis=1)
        s = np.nansum(np.sign(Y[:, ju] - Y[:, iu]), axis=1)
        var = nobs * (nobs - 1) * (2 * nobs + 5) / 18
        zmk = np.where(s > 0, (s - 1) / np.sqrt(var), np.where(s < 0, (s + 1) / np.sqrt(var), 0))
        rows.append(pd.DataFrame({"indicator": k, "level": name, "key": y.index, "slope": slope, "se": se, "p": p,
                                  "theil_sen": theil_sen, "mk_s": s, "mk_z": zmk,
                                  "mk_p": 2 * stats.norm.sf(np.abs(zmk))}))
trends = pd.concat(rows, ignore_index=True)
lap("trends")

# spatial: queen contiguity; Moran's I of the index, with esda also its
# permutations, local Moran and Gi* (self included, then row-standardised)
w = Queen.from_dataframe(areas, ids=areas["key"].tolist())
wb = W(w.neighbors, id_order=w.id_order)
w.transform = "r"
if esda is not None:
    y = index.reindex(w.id_order).to_numpy()
    moran_i = esda.Moran(y, w, permutations=999).I
    lisa = esda.Moran_Local(y, w, permutations=999, seed=1)
    gi = esda.G_Local(y, wb, transform="R", star=True, permutations=999, seed=1)
else:
    z = (index.reindex(w.id_order) - index.mean()).to_numpy()
    lagz = w.sparse @ z
    moran_i = len(z) / w.s0 * (z @ lagz) / (z @ z)
lap("spatial")

# maps: the index as a choropleth in quintiles
fig, ax = plt.subplots(figsize=(6.7, 6.7))
areas.assign(index=areas["key"].map(index)).plot(column="index", scheme=None, k=5, cmap="Reds", ax=ax, linewidth=0)
ax.set_axis_off()
fig.savefig(f"{d}/peer-map-python.png", dpi=150)
plt.close(fig)
lap("maps")

# tables: the long indicator table and the trends, as CSV
long = []
for name, frame in ind.items():
    f = frame[ids].stack().rename("value").reset_index()
    f.columns = ["key", "year", "indicator", "value"]
    f.insert(0, "level", name)
    long.append(f)
pd.concat(long, ignore_index=True).to_csv(f"{d}/peer-indicators-python.csv", sep=";", decimal=",", index=False)
trends.to_csv(f"{d}/peer-trends-python.csv", sep=";", decimal=",", index=False)
lap("tables")

for name, s in times:
    print(name, f"{s:.3f}")
print("total", f"{time.perf_counter() - t_all:.3f}")
print("check", ranking.idxmin(), f"{moran_i:.12f}", "esda" if esda is not None else "analytic")
