# Spatial statistics by R spdep, the reference for analysis/spatial_test.go.
# Run from analysis/:  Rscript testdata/spatial_reference.R
# Needs Debian's r-cran-spdep and r-cran-spdata.
# Two data sets: Columbus, Ohio (49 areas, spData's col.gal.nb, CRIME and
# INC) and North Carolina SIDS (100 counties, spData's ncCR85.nb, SID74 and
# BIR74). Writes testdata/spatial_<set>.txt: the neighbours, the values,
# then "name value" lines with every statistic at full precision.
suppressPackageStartupMessages({ library(spdep); library(spData) })
options(digits = 17)
sets <- list()
data(columbus, package = "spData")
sets$columbus <- list(nb = col.gal.nb, x = columbus$CRIME, y = columbus$INC,
  events = round(columbus$CRIME), pop = rep(100, 49))
data(nc.sids, package = "spData")
nc <- nc.sids
sets$nc <- list(nb = ncCR85.nb, x = nc$SID74 / nc$BIR74 * 1000, y = nc$NWBIR74 / nc$BIR74, events = nc$SID74, pop = nc$BIR74)
for (name in names(sets)) {
  s <- sets[[name]]
  out <- file(sprintf("testdata/spatial_%s.txt", name), "w")
  n <- length(s$nb)
  for (i in 1:n) writeLines(paste(c("nb", i, s$nb[[i]][s$nb[[i]] > 0]), collapse = " "), out)
  writeLines(paste(c("x", sprintf("%.17g", s$x)), collapse = " "), out)
  writeLines(paste(c("y", sprintf("%.17g", s$y)), collapse = " "), out)
  writeLines(paste(c("events", sprintf("%.17g", s$events)), collapse = " "), out)
  writeLines(paste(c("pop", sprintf("%.17g", s$pop)), collapse = " "), out)
  put <- function(k, v) writeLines(paste(k, paste(sprintf("%.17g", v), collapse = " ")), out)
  lw <- nb2listw(s$nb, style = "W"); lb <- nb2listw(s$nb, style = "B")
  for (r in c(TRUE, FALSE)) {
    m <- moran.test(s$x, lw, randomisation = r)
    put(sprintf("moran_%s", if (r) "rand" else "norm"), c(m$estimate, m$statistic, m$p.value))
  }
  g <- geary.test(s$x, lw, randomisation = TRUE)
  put("geary_rand", c(g$estimate, g$statistic, g$p.value))
  g <- geary.test(s$x, lw, randomisation = FALSE)
  put("geary_norm", c(g$estimate, g$statistic, g$p.value))
  G <- globalG.test(s$x, lb)
  put("globalG_B", c(G$estimate, G$statistic, G$p.value))
  cl <- cut(s$x, quantile(s$x, c(0, 1/3, 2/3, 1)), include.lowest = TRUE, labels = FALSE)
  put("classes", cl)
  jc <- joincount.multi(factor(cl), lb)
  put("joincount_B", as.vector(t(jc)))  # rows 1-1, 2-2, 3-3, 2-1, 3-1, 3-2, Jtot: Joincount Expected Variance z
  lm <- localmoran(s$x, lw)
  put("localmoran_Ii", lm[, 1]); put("localmoran_E", lm[, 2]); put("localmoran_Var", lm[, 3])
  put("localmoran_Z", lm[, 4]); put("localmoran_P", lm[, 5])
  put("localG", as.vector(localG(s$x, lw)))
  lws <- nb2listw(include.self(s$nb), style = "W")
  put("localGstar", as.vector(localG(s$x, lws)))
  set.seed(1)
  e <- EBImoran.mc(s$events, s$pop, lw, nsim = 99)
  put("EBImoran", e$statistic)
  set.seed(1)
  mc <- moran.mc(s$x, lw, nsim = 999)
  put("moran_mc_p", mc$p.value)
  set.seed(1)
  lmp <- localmoran_perm(s$x, lw, nsim = 999)
  put("localmoran_perm_p", lmp[, "Pr(folded) Sim"])
  zx <- (s$x - mean(s$x)) / sqrt(sum((s$x - mean(s$x))^2) / n)
  zy <- (s$y - mean(s$y)) / sqrt(sum((s$y - mean(s$y))^2) / n)
  put("bivariate_moran", sum(zx * lag.listw(lw, zy)) / n)
  close(out)
}
cat(R.version.string, "spdep", as.character(packageVersion("spdep")), "\n")
