# Reference values for indicators/smallnumbers_test.go, from R spdep
# (Debian r-cran-spdep) and base R, on data from spData. Re-run from the
# repository root:
#   Rscript indicators/testdata/spdep_reference.R
# It writes the four CSV files below into indicators/testdata.
suppressMessages({library(spdep); library(spData)})
out <- "indicators/testdata"
f17 <- function(x) sprintf("%.17g", x)

# Global empirical Bayes: North Carolina SIDS 1974-78 (100 counties),
# cases SID74, population at risk BIR74 (spdep's own example).
data(nc.sids, package = "spData")
nc <- nc.sids
eb <- EBest(nc$SID74, nc$BIR74)
write.csv(data.frame(cases = nc$SID74, pop = nc$BIR74, raw = f17(eb$raw), est = f17(eb$estmm)),
          file.path(out, "ebest_nc_sids.csv"), row.names = FALSE, quote = FALSE)

# Local empirical Bayes: Auckland infant deaths 1977-85 (167 areas),
# cases M77_85, population at risk 9 * Und5_81, queen contiguity from the
# polygons (spdep's own example). geoda = TRUE is Marshall's local mean
# m_i as in docs/methods.md section 4; geoda = FALSE (the default) uses each
# neighbour's own m_j and is recorded for comparison.
auck <- st_read(system.file("shapes/auckland.shp", package = "spData")[1], quiet = TRUE)
nb <- poly2nb(auck)
ebl <- EBlocal(auck$M77_85, 9 * auck$Und5_81, nb, geoda = TRUE)
ebl0 <- EBlocal(auck$M77_85, 9 * auck$Und5_81, nb)
write.csv(data.frame(cases = auck$M77_85, pop = 9 * auck$Und5_81,
                     neighbours = sapply(nb, function(v) paste(v, collapse = " ")),
                     raw = f17(ebl$raw), est_geoda = f17(ebl$est), est_spdep_default = f17(ebl0$est)),
          file.path(out, "eblocal_auckland.csv"), row.names = FALSE, quote = FALSE)

# Wilson score intervals (95 %): prop.test without continuity correction
# is the Wilson interval. The cases are Newcombe (1998), Statistics in
# Medicine 17:857-872, Table I, whose published Wilson limits are
# 81/263: 0.2553-0.3662, 15/148: 0.0624-0.1605, 0/20: 0-0.1611,
# 1/29: 0.0061-0.1718.
cases <- data.frame(x = c(81, 15, 0, 1, 29, 250, 3, 7), n = c(263, 148, 20, 29, 29, 1000, 3, 1234))
ci <- t(mapply(function(x, n) prop.test(x, n, correct = FALSE)$conf.int, cases$x, cases$n))
write.csv(data.frame(x = cases$x, n = cases$n, lower = f17(ci[, 1]), upper = f17(ci[, 2])),
          file.path(out, "wilson.csv"), row.names = FALSE, quote = FALSE)
cat("ok\n")
