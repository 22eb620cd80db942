# Reference results of GEOS's MakeValid for the random multipolygons in
# random.tsv (written by randomCasesTSV in ../../repair_geos_random_test.go),
# by both of its methods, as sf's st_make_valid gives them with s2
# switched off: per case the area (planar) and number of polygons of the
# polygonal result, "valid_linework" (geo.RepairLinework) and
# "valid_structure" with collapsed parts dropped (geo.Repair).
# Re-run from this folder with
#   Rscript random.R 2>/dev/null > random_makevalid.tsv
# (Debian r-cran-sf; the versions are written in the first line.)
suppressMessages(library(sf))
invisible(sf_use_s2(FALSE))
cases <- read.delim("random.tsv", comment.char = "#", stringsAsFactors = FALSE)
cat("# sf", as.character(packageVersion("sf")), "GEOS", sf_extSoftVersion()[["GEOS"]], "\n")
cat("name\tlinework_area\tlinework_parts\tstructure_area\tstructure_parts\n")
made <- function(g, method) {
  v <- st_make_valid(g, geos_method = method, geos_keep_collapsed = FALSE)
  type <- as.character(st_geometry_type(v))
  if (type == "GEOMETRYCOLLECTION")
    v <- suppressWarnings(st_collection_extract(v, "POLYGON"))
  else if (!(type %in% c("POLYGON", "MULTIPOLYGON")) || st_is_empty(v))
    return(c(0, 0)) # collapsed: no area left
  if (length(v) == 0 || all(st_is_empty(v))) return(c(0, 0))
  c(sum(st_area(v)), length(st_cast(v, "POLYGON")))
}
for (i in seq_len(nrow(cases))) {
  g <- st_as_sfc(cases$wkt[i])
  l <- made(g, "valid_linework")
  s <- made(g, "valid_structure")
  cat(sprintf("%s\t%.17g\t%d\t%.17g\t%d\n", cases$name[i], l[1], as.integer(l[2]), s[1], as.integer(s[2])))
}
