# Trend statistics for analysis/trend_test.go, computed by R:
# OLS slope, its standard error and two-sided p (lm), Theil-Sen (median of
# pairwise slopes, by hand), Mann-Kendall S, tie-corrected variance, Z and
# two-sided p (by hand after Kendall 1975 / Hipel & McLeod, as Kendall's
# MannKendall computes them), CAGR.
# Run from analysis/:  Rscript testdata/trend_reference.R
series <- list(
  rising     = c(10.2, 10.8, 11.5, 11.1, 12.3, 12.9, 13.4, 13.0, 14.2, 14.8, 15.1),
  falling    = c(25.0, 24.1, 24.4, 22.9, 22.0, 21.7, 20.2, 20.5, 19.1, 18.0, 17.6),
  flat_ties  = c(5, 5, 6, 5, 5, 6, 5, 5, 6, 5, 5),
  short      = c(3.1, 2.9, 3.4, 3.3, 3.6),
  ties_trend = c(1, 1, 2, 2, 2, 3, 3, 4, 4, 4, 4)
)
mk <- function(y) {
  n <- length(y); s <- 0
  for (k in 1:(n - 1)) for (j in (k + 1):n) s <- s + sign(y[j] - y[k])
  tt <- table(y); tt <- tt[tt > 1]
  v <- (n * (n - 1) * (2 * n + 5) - sum(tt * (tt - 1) * (2 * tt + 5))) / 18
  z <- if (s > 0) (s - 1) / sqrt(v) else if (s < 0) (s + 1) / sqrt(v) else 0
  c(s, v, z, 2 * pnorm(-abs(z)))
}
ts <- function(t, y) {
  sl <- c()
  for (i in 1:(length(y) - 1)) for (j in (i + 1):length(y)) if (t[j] != t[i]) sl <- c(sl, (y[j] - y[i]) / (t[j] - t[i]))
  median(sl)
}
out <- data.frame()
for (name in names(series)) {
  y <- series[[name]]; t <- 2013 + seq_along(y)
  f <- summary(lm(y ~ t))$coefficients
  m <- mk(y)
  out <- rbind(out, data.frame(series = name, slope = f[2, 1], se = f[2, 2], p = f[2, 4],
    theil_sen = ts(t, y), mk_s = m[1], mk_var = m[2], mk_z = m[3], mk_p = m[4],
    cagr = (y[length(y)] / y[1])^(1 / (t[length(t)] - t[1])) - 1,
    values = paste(y, collapse = " ")))
}
write.csv(out, "testdata/trend_reference.csv", row.names = FALSE)
cat(R.version.string, "\n")
