# Reference results of GEOS's MakeValid for the cases in cases.tsv, by
# both of its methods, as sf's st_make_valid gives them with s2 switched
# off: "valid_linework" (the even-odd rule, which geo.RepairLinework
# follows) and "valid_structure" (sf's default, which geo.Repair follows:
# shells unioned, holes subtracted).
# For each: the area (planar, in coordinate units) and the number of
# polygons of the polygonal result. Re-run from this folder with
#   Rscript makevalid.R 2>/dev/null > makevalid.tsv
# (Debian r-cran-sf; the versions are written in the first line.)
suppressMessages(library(sf))
invisible(sf_use_s2(FALSE))
cases <- read.delim("cases.tsv", stringsAsFactors = FALSE)
cat("# sf", as.character(packageVersion("sf")), "GEOS", sf_extSoftVersion()[["GEOS"]], "\n")
cat("name\tvalid\tlinework_area\tlinework_parts\tstructure_area\tstructure_parts\n")
made <- function(g, method) {
  r <- st_collection_extract(st_make_valid(g, geos_method = method), "POLYGON")
  c(sum(st_area(r)), length(st_cast(st_geometry(r), "POLYGON")))
}
for (i in seq_len(nrow(cases))) {
  g <- st_as_sfc(cases$wkt[i])
  l <- made(g, "valid_linework")
  s <- made(g, "valid_structure")
  cat(sprintf("%s\t%s\t%.17g\t%d\t%.17g\t%d\n", cases$name[i], st_is_valid(g), l[1], as.integer(l[2]), s[1], as.integer(s[2])))
}
