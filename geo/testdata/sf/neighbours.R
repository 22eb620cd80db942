# Reference neighbours for geo's TestSFLayersAgainstSpdep: spdep's
# poly2nb (queen and rook, default snap sqrt(.Machine$double.eps) in the
# layer's coordinate units) on every polygon layer in this folder, in
# the layer's own coordinates (s2 off: planar, as poly2nb's arithmetic).
# A layer with invalid features is first repaired with st_make_valid by
# GEOS's structure method (sf's default, what geo.Repair follows); the
# script checks that the linework method (geo.RepairLinework) and the
# unrepaired layer give the same neighbours, and records the repaired
# features' areas by both methods.
# Re-run from this folder with
#   Rscript neighbours.R 2>/dev/null
# (Debian r-cran-sf, r-cran-spdep). It writes nb/<layer>_<rule>.txt with
# one "i j" line per pair of neighbours (1-based feature order, i < j),
# summary.tsv and repaired.tsv.
suppressMessages({library(sf); library(spdep)})
invisible(sf_use_s2(FALSE))
dir.create("nb", showWarnings = FALSE)
layers <- c("nc.shp", "nc.gpkg", "olinda1.shp", "buildings.gpkg", "tl.gpkg",
  "NY8_utm18.shp", "NY8_bna_utm18.gpkg", "auckland.shp", "boston_tracts.shp",
  "columbus.shp", "eire.shp", "sids.shp", "wheat.shp", "world.shp", "world.gpkg")
nbpairs <- function(g, queen) {
  if (nrow(g) < 2) return(matrix(integer(0), ncol = 2)) # poly2nb needs two
  pairs(poly2nb(g, queen = queen))
}
pairs <- function(nb) {
  p <- do.call(rbind, lapply(seq_along(nb), function(i) {
    j <- nb[[i]][nb[[i]] > i]
    if (length(j)) cbind(i, j) else NULL
  }))
  if (is.null(p)) matrix(integer(0), ncol = 2) else p
}
key <- function(p) if (nrow(p)) paste(p[, 1], p[, 2]) else character(0)
summ <- data.frame()
rep <- data.frame()
for (f in layers) {
  x <- st_read(f, quiet = TRUE)
  name <- sub("\\.", "_", f)
  valid <- st_is_valid(x)
  g <- x
  same <- NA
  if (any(!valid)) {
    g <- st_set_geometry(x, st_make_valid(st_geometry(x), geos_method = "valid_structure"))
    l <- st_set_geometry(x, st_make_valid(st_geometry(x), geos_method = "valid_linework"))
    same <- TRUE
    for (q in c(TRUE, FALSE)) {
      a <- key(nbpairs(g, q))
      same <- same && setequal(a, key(nbpairs(l, q))) &&
        setequal(a, key(nbpairs(x, q)))
    }
    for (i in which(!valid)) {
      gi <- st_collection_extract(st_geometry(l)[i], "POLYGON")
      si <- st_collection_extract(st_geometry(g)[i], "POLYGON")
      rep <- rbind(rep, data.frame(layer = name, feature = i,
        before = sprintf("%.17g", sum(st_area(st_geometry(x)[i]))),
        linework = sprintf("%.17g", sum(st_area(gi))),
        linework_parts = length(st_cast(gi, "POLYGON")),
        structure = sprintf("%.17g", sum(st_area(si))),
        structure_parts = length(st_cast(si, "POLYGON"))))
    }
  }
  n <- c(queen = 0, rook = 0)
  for (rule in c("queen", "rook")) {
    p <- nbpairs(g, rule == "queen")
    n[rule] <- nrow(p)
    write.table(p, file.path("nb", paste0(name, "_", rule, ".txt")),
      row.names = FALSE, col.names = FALSE)
  }
  summ <- rbind(summ, data.frame(layer = name, features = nrow(x),
    invalid = sum(!valid), queen_pairs = n[["queen"]], rook_pairs = n[["rook"]],
    repair_methods_agree = same))
}
cat("# sf", as.character(packageVersion("sf")), "spdep", as.character(packageVersion("spdep")),
  "GEOS", sf_extSoftVersion()[["GEOS"]], "\n", file = "summary.tsv")
suppressWarnings(write.table(summ, "summary.tsv", sep = "\t", quote = FALSE, row.names = FALSE, append = TRUE))
write.table(rep, "repaired.tsv", sep = "\t", quote = FALSE, row.names = FALSE)
