# Reference class bounds from R classInt (Debian r-cran-classint) on the
# Columbus, Ohio neighbourhood crime data (spData, 49 areas), for
# analysis/classify_test.go. Re-run from the repository root:
#   Rscript analysis/testdata/classint_reference.R > analysis/testdata/classint_reference.csv
suppressMessages({library(classInt); library(spData)})
data(columbus, package = "spData")
x <- columbus$CRIME
out <- data.frame()
# upper-inclusive classes (a, b], as mapclassify and planatlas.
# jenks: classInt's exact Jenks, bounds are class maxima; fisher gives the
# same classes with midpoints; box and headtails do not take k.
for (style in c("quantile", "equal", "jenks", "maximum", "headtails", "box")) {
  for (k in c(3, 4, 5, 7)) {
    if (style %in% c("headtails", "box") && k != 5) next
    ci <- classIntervals(x, n = k, style = style, intervalClosure = "right")
    out <- rbind(out, data.frame(style = style, k = k,
      bounds = paste(sprintf("%.17g", ci$brks), collapse = " "),
      counts = paste(tabulate(findCols(ci), nbins = length(ci$brks) - 1), collapse = " ")))
  }
}
cat("# values:", paste(sprintf("%.17g", x), collapse = " "), "\n")
write.csv(out, stdout(), row.names = FALSE)
