# Area-weighted interpolation of Berlin's population from the planning areas
# valid until 2020 (LOR 2019, 447 areas) to those valid from 2021 (LOR 2021,
# 542 areas) by R sf::st_interpolate_aw, the reference for planatlas's
# crosswalk area weighting (compare to 1e-9).
#
# Run from the geo folder:  Rscript testdata/peers/sf_interpolate_aw.R
#                      and:  Rscript testdata/peers/sf_interpolate_aw.R relabel
# Needs Debian's r-cran-sf. Made with R 4.2.2 Patched (2022-11-10 r83330),
# sf 1.0.9 (GEOS 3.11.1, GDAL 3.6.2, PROJ 9.1.0); the script prints the
# versions it ran with.
#
# Inputs, all in the repository:
# - ../examples/berlin/data/lor2019-planning-areas.geojson: the 447
#   planning areas valid until 2020 (448 features, key `id`; 06010102 is on
#   two features), EPSG:4326. Source: github.com/open-lifeworlds/
#   open-lifeworlds-data-product-berlin-lor-monitoring-social-urban-development
#   (commit 67b2f3b), geometries Geoportal Berlin; CC BY 4.0
#   (see ../examples/berlin/data/README.md).
# - ../examples/berlin/data/lor_planungsraeume_2021.shp: the 542 planning
#   areas from 2021, EPSG:25833, key PLR_ID. Source: Geoportal Berlin (ODIS)
#   via github.com/Lucky-0ne/geodata_berlin (commit dac839d);
#   dl-de/by-2-0, © Geoportal Berlin (see ../examples/berlin/data/README.md).
# - ../examples/berlin/data/berlin-lor-population-2020-12-age.csv: residents
#   per old planning area on 31 December 2020 (columns id, inhabitants,
#   inhabitants_age_below_6 used). Amt für Statistik Berlin-Brandenburg via
#   github.com/open-data-product/open-data-product-berlin-lor-population-
#   source-aligned; CC BY 4.0.
#
# Steps: the old layer is transformed to EPSG:25833, its two features with
# key 06010102 are unioned (as planatlas's "duplicates: merge"), invalid
# geometries are repaired by st_make_valid (the script prints how many were
# invalid), s2 is off (planar GEOS on the projected coordinates).
#
# Key 06010102 (Schloßstraße): in the old layer one of its two features
# (feature 124, next to 04030416 Klausenerplatz) is in fact Charlottenburg's
# Schloßstraße, 04030417, which has no feature of its own; the population
# file has both keys (06010102: 8,808, 04030417: 10,786 residents). The
# default variant "merge" does as planatlas's "duplicates: merge": it unions
# the two features into one 06010102, spreads Steglitz's 8,808 residents
# over both (about 54% of them land in Charlottenburg) and drops 04030417's
# 10,786 (not in the layer). The variant "relabel" gives feature 124 the key
# 04030417 instead (448 old areas, every resident of the file placed) and
# writes the same files with "lor2019relabel" in their names.
#
# Writes (numbers with sprintf("%.17g")):
# - testdata/peers/sf_lor2019_to_2021_aw.csv: per new area (sorted by key):
#   new, inhabitants, under6 (st_interpolate_aw, extensive = TRUE: each old
#   value times intersection area / old area, summed per new area) and
#   share_under6 (old 100 * under6 / inhabitants, extensive = FALSE: sf 1.0.9
#   weights by intersection area / sum of the new area's intersection areas,
#   i.e. the covered part of the new area, not its whole area). New areas
#   that meet no old area would be NA (keep_NA = TRUE).
# - testdata/peers/sf_lor2019_2021_intersections.csv: old, new, m2: the
#   pairwise st_intersection (polygonal parts) and st_area in m² for the
#   pairs with area > 0, sorted by old then new key. The two layers'
#   boundaries were digitised apart: of the 3088 pairs 1743 are under 100 m2
#   (210 under 1 m2), slivers along common boundaries; Berlin's outline
#   differs by 33,517 m2 (old not in new) and 34,740 m2 (new not in old) in
#   1046 pieces, so about 44 residents fall outside the new layer.
suppressPackageStartupMessages(library(sf))
sf_use_s2(FALSE)

variant <- commandArgs(trailingOnly = TRUE)[1]
if (is.na(variant)) variant <- "merge"
stopifnot(variant %in% c("merge", "relabel"))
out <- function(what) sprintf("testdata/peers/sf_lor2019%s_%s.csv",
                              if (variant == "merge") "" else "relabel", what)
old <- st_read("../examples/berlin/data/lor2019-planning-areas.geojson", quiet = TRUE)
old <- st_transform(old, 25833)
if (variant == "relabel") {
  # of the two 06010102 features, the one in Charlottenburg (it touches
  # 04030416 Klausenerplatz) is Charlottenburg's Schloßstraße, 04030417
  dup <- which(old$id == "06010102")
  ch <- dup[lengths(st_intersects(st_geometry(old)[dup], st_geometry(old)[old$id == "04030416"])) > 0]
  stopifnot(length(ch) == 1)
  cat("relabel feature", ch, "06010102 -> 04030417\n")
  old$id[ch] <- "04030417"
}
g <- lapply(split(st_geometry(old), old$id), function(g) st_union(g))
old <- st_sf(key = names(g), geometry = do.call(c, g), crs = 25833)
new <- st_read("../examples/berlin/data/lor_planungsraeume_2021.shp", quiet = TRUE)
new <- st_sf(key = as.character(new$PLR_ID), geometry = st_geometry(new))
cat("variant", variant, "old areas", nrow(old), "new areas", nrow(new), "\n")
for (nm in c("old", "new")) {
  x <- get(nm)
  bad <- !st_is_valid(x)
  cat(nm, "invalid geometries:", sum(bad), if (any(bad)) paste(x$key[bad], collapse = " "), "\n")
  if (any(bad)) { st_geometry(x)[bad] <- st_make_valid(st_geometry(x)[bad]); assign(nm, x) }
}

pop <- read.csv("../examples/berlin/data/berlin-lor-population-2020-12-age.csv",
                colClasses = c(id = "character"))
cat("population rows", nrow(pop), "keys not in old layer:", setdiff(pop$id, old$key),
    "old keys without population:", setdiff(old$key, pop$id), "\n")
m <- match(old$key, pop$id)
old$inhabitants <- as.numeric(pop$inhabitants[m])
old$under6 <- as.numeric(pop$inhabitants_age_below_6[m])
old$share_under6 <- 100 * old$under6 / old$inhabitants
old <- st_set_agr(old, "constant")

ext <- st_interpolate_aw(old[c("inhabitants", "under6")], new, extensive = TRUE, keep_NA = TRUE)
int <- st_interpolate_aw(old["share_under6"], new, extensive = FALSE, keep_NA = TRUE)
f <- function(v) ifelse(is.na(v), "NA", sprintf("%.17g", v))
o <- order(new$key)
write.csv(data.frame(new = new$key[o], inhabitants = f(ext$inhabitants[o]),
                     under6 = f(ext$under6[o]), share_under6 = f(int$share_under6[o])),
          out("to_2021_aw"), row.names = FALSE, quote = FALSE)

# the overlay, as st_interpolate_aw computes it
i <- st_intersection(st_geometry(old), st_geometry(new), dimensions = "polygon")
idx <- attr(i, "idx")
# sf 1.0.9's intensive branch matches the target areas with merge(), which
# sorts by the new index: right only if the pairs come ordered by it
cat("intersection pairs ordered by new index:", !is.unsorted(idx[, 2]), "\n")
gc <- which(st_is(i, "GEOMETRYCOLLECTION"))
i[gc] <- st_collection_extract(i[gc], "POLYGON")
a <- as.numeric(st_area(i))
pairs <- data.frame(old = old$key[idx[, 1]], new = new$key[idx[, 2]], m2 = a)
pairs <- pairs[pairs$m2 > 0, ]
pairs <- pairs[order(pairs$old, pairs$new), ]
cat("intersection pairs", length(i), "with area > 0:", nrow(pairs), "of which < 1 m2:", sum(pairs$m2 < 1), "< 100 m2:", sum(pairs$m2 < 100), "\n")
write.csv(data.frame(old = pairs$old, new = pairs$new, m2 = f(pairs$m2)),
          out("2021_intersections"), row.names = FALSE, quote = FALSE)

# totals and coverage
cat("old total inhabitants", sum(old$inhabitants), "under6", sum(old$under6), "\n")
cat(sprintf("interpolated inhabitants %.17g under6 %.17g (NA new areas: %d)\n",
            sum(ext$inhabitants, na.rm = TRUE), sum(ext$under6, na.rm = TRUE), sum(is.na(ext$inhabitants))))
ao <- as.numeric(st_area(old)); an <- as.numeric(st_area(new))
cov_old <- tapply(pairs$m2, pairs$old, sum)[old$key]; cov_new <- tapply(pairs$m2, pairs$new, sum)[new$key]
cat(sprintf("area old %.3f m2, new %.3f m2, overlay %.3f m2\n", sum(ao), sum(an), sum(pairs$m2)))
cat("old areas covered < 99.9%:", sum(cov_old / ao < 0.999, na.rm = TRUE),
    "min", sprintf("%.6f", min(cov_old / ao, na.rm = TRUE)), "\n")
cat("new areas covered < 99.9%:", sum(cov_new / an < 0.999, na.rm = TRUE),
    "min", sprintf("%.6f", min(cov_new / an, na.rm = TRUE)), "\n")
lost <- sum(old$inhabitants * (1 - ifelse(is.na(cov_old), 0, cov_old) / ao))
cat(sprintf("inhabitants lost outside the new layer: %.6f\n", lost))
cat(R.version.string, "sf", as.character(packageVersion("sf")), "\n")
print(sf_extSoftVersion()[c("GEOS", "GDAL", "proj.4")])
