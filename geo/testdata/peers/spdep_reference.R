# Neighbours of Berlin's planning areas by R spdep, the reference for
# geo's contiguity, k-nearest-neighbour and distance-band weights.
# Run from the geo folder:  Rscript testdata/peers/spdep_reference.R
# Needs Debian's r-cran-spdep and r-cran-sf. Reads the planning areas from
# the repository: ../examples/berlin/data (2021) and
# ../testdata/reference/berlin (until 2020, gzip-compressed).
# Writes testdata/peers/spdep_<layer>_<rule>.txt: per area (sorted by
# key) "key: neighbour keys", plus the label points (st_point_on_surface).
suppressPackageStartupMessages({ library(sf); library(spdep) })
sf_use_s2(FALSE)
layers <- list(
  lor2021 = { x <- st_read("../examples/berlin/data/lor_planungsraeume_2021.shp", quiet = TRUE)
              data.frame(key = x$PLR_ID, geometry = st_geometry(x)) |> st_as_sf() },
  lor2019 = { x <- st_read("../examples/berlin/data/lor2019-planning-areas.geojson", quiet = TRUE)
              x <- st_transform(x, 25833)
              # feature 124 and 205 share the key 06010102: merge them, as
              # planatlas does with "duplicates: merge"
              g <- lapply(split(st_geometry(x), x$id), function(g) st_union(g))
              st_sf(key = names(g), geometry = do.call(c, g), crs = 25833) })
write_nb <- function(keys, nb, file) {
  o <- order(keys)
  lines <- vapply(o, function(i) {
    n <- nb[[i]]
    n <- if (length(n) == 1 && n[1] == 0) character(0) else sort(keys[n])
    paste0(keys[i], ":", if (length(n)) paste0(" ", paste(n, collapse = " ")) else "")
  }, "")
  writeLines(lines, file)
}
for (name in names(layers)) {
  x <- layers[[name]]
  keys <- as.character(x$key)
  out <- function(rule) file.path("testdata/peers", sprintf("spdep_%s_%s.txt", name, rule))
  write_nb(keys, poly2nb(x, queen = TRUE), out("queen"))
  write_nb(keys, poly2nb(x, queen = FALSE), out("rook"))
  write_nb(keys, poly2nb(x, queen = TRUE, snap = 1), out("queen_snap1"))
  pts <- st_coordinates(st_point_on_surface(st_geometry(x)))
  write_nb(keys, knn2nb(knearneigh(pts, k = 5)), out("knn5"))
  write_nb(keys, dnearneigh(pts, 0, 1000), out("band1000"))
  o <- order(keys)
  writeLines(sprintf("%s %.6f %.6f", keys[o], pts[o, 1], pts[o, 2]), out("labelpoints"))
}
cat(R.version.string, "spdep", as.character(packageVersion("spdep")), "sf", as.character(packageVersion("sf")), "\n")
