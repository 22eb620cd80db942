# projection_reference.R
#
# Independent reference implementation of the cohort-component population
# projection (single years of age 0..100, 100 = open group "100 and over",
# two sexes, areas A and B projected independently, 10 years), plus the
# Leslie-matrix / discrete Lotka check on the female life table.
#
# Written independently from the specification in docs/methods.md section 11
# of planatlas (only the specification text was used, not the planatlas code).
# Plain base R only; no packages.
#
# Inputs (in testdata/): life.csv, fertility.csv, population.csv, migration.csv
# Outputs (in testdata/):
#   projection_r.csv  year,area,sex,age,value  (years 1..10, value %.17g)
#   lotka_r.csv       quantity,value           (log_lambda, lotka_r; %.17g)
#
# Run:   cd projection && Rscript testdata/projection_reference.R
# Ran with: R version 4.2.2 Patched (2022-11-10 r83330)
#           (R.version.string is printed at the end of each run)

dir <- "testdata"
omega <- 100L
ages <- 0:omega
n_age <- length(ages)
sexes <- c("f", "m")
areas <- c("A", "B")
n_years <- 10L
pi_s <- c(m = 105 / 205, f = 100 / 205)

rd <- function(f) read.csv(file.path(dir, f), stringsAsFactors = FALSE)

life <- rd("life.csv")
fert <- rd("fertility.csv")
pop  <- rd("population.csv")
mig  <- rd("migration.csv")

# ---- vectors indexed by age + 1 -------------------------------------------
get_vec <- function(df, keys, valcol) {
  sel <- rep(TRUE, nrow(df))
  for (k in names(keys)) sel <- sel & df[[k]] == keys[[k]]
  d <- df[sel, ]
  stopifnot(nrow(d) == n_age, setequal(d$age, ages), !anyDuplicated(d$age))
  v <- numeric(n_age)
  v[d$age + 1L] <- as.numeric(d[[valcol]])
  v
}

q <- list(); s <- list()
for (sx in sexes) {
  q[[sx]] <- get_vec(life, list(sex = sx), "qx")
  sv <- 1 - q[[sx]]
  sv[omega + 1L] <- 1 - q[[sx]][omega]   # open group: s(w) = 1 - q(w-1)
  s[[sx]] <- sv
}

stopifnot(all(fert$age >= 12 & fert$age <= 55), !anyDuplicated(fert$age))
fvec <- numeric(n_age)
fvec[fert$age + 1L] <- as.numeric(fert$f)   # 0 outside 12..55

# ---- projection -------------------------------------------------------------
project_one_year <- function(P, M) {
  # P, M: lists by sex of length-101 vectors (P at time t); returns P at t+1
  B <- sum(fvec * P$f)          # births during year t+1, women at start of year
  new <- list()
  for (sx in sexes) {
    p <- P[[sx]]; sv <- s[[sx]]; m <- M[[sx]]
    out <- numeric(n_age)
    # newborns
    out[1] <- B * pi_s[[sx]] * (1 - q[[sx]][1] / 2) + m[1]
    # ageing x -> x+1 for 1 <= x+1 < omega  (x = 0..omega-2)
    x <- 0:(omega - 2L)
    out[x + 2L] <- p[x + 1L] * sv[x + 1L] + m[x + 2L]
    # open group
    out[omega + 1L] <- p[omega] * sv[omega] + p[omega + 1L] * sv[omega + 1L] +
      m[omega + 1L]
    new[[sx]] <- out
  }
  new
}

n_clamped <- 0L
rows <- list()
totals <- matrix(NA_real_, n_years, length(areas),
                 dimnames = list(1:n_years, areas))
for (a in areas) {
  P <- list(); M <- list()
  for (sx in sexes) {
    P[[sx]] <- get_vec(pop, list(area = a, sex = sx), "count")
    M[[sx]] <- get_vec(mig, list(area = a, sex = sx), "net")
  }
  for (yr in 1:n_years) {
    P <- project_one_year(P, M)
    for (sx in sexes) {
      neg <- P[[sx]] < 0
      n_clamped <- n_clamped + sum(neg)
      P[[sx]][neg] <- 0
      rows[[length(rows) + 1L]] <- data.frame(
        year = yr, area = a, sex = sx, age = ages, v = P[[sx]],
        stringsAsFactors = FALSE)
    }
    totals[yr, a] <- sum(P$f) + sum(P$m)
  }
}
res <- do.call(rbind, rows)
res <- res[order(res$year, res$area, res$sex, res$age), ]
out <- data.frame(year = res$year, area = res$area, sex = res$sex,
                  age = res$age, value = sprintf("%.17g", res$v),
                  stringsAsFactors = FALSE)
write.csv(out, file.path(dir, "projection_r.csv"), row.names = FALSE,
          quote = FALSE)

cat("clamped cells (negative -> 0):", n_clamped, "\n")
cat("total population by year:\n")
print(totals, digits = 10)

# ---- Leslie matrix and Lotka -----------------------------------------------
sf <- s$f
Ff <- fvec * pi_s[["f"]] * (1 - q$f[1] / 2)
L <- matrix(0, n_age, n_age)
L[1, ] <- Ff                                    # ages 12..55 nonzero only
for (x in 0:(omega - 2L)) L[x + 2L, x + 1L] <- sf[x + 1L]   # x = 0..98
L[omega + 1L, omega] <- sf[omega]               # s_f(99)
L[omega + 1L, omega + 1L] <- sf[omega + 1L]     # s_f(100) = 1 - q_f(99)

ev <- eigen(L, only.values = TRUE)$values
lambda <- Re(ev[which.max(Mod(ev))])
log_lambda <- log(lambda)

lx <- cumprod(c(1, sf[1:omega]))                # l(0..100), l(0) = 1
lotka <- function(r) sum(exp(-r * (ages + 1)) * lx * Ff) - 1
r <- uniroot(lotka, c(-1, 1), tol = 1e-14)$root

write.csv(data.frame(quantity = c("log_lambda", "lotka_r"),
                     value = sprintf("%.17g", c(log_lambda, r))),
          file.path(dir, "lotka_r.csv"), row.names = FALSE, quote = FALSE)

cat(sprintf("lambda      = %.17g\n", lambda))
cat(sprintf("log(lambda) = %.17g\n", log_lambda))
cat(sprintf("lotka r     = %.17g\n", r))
cat(sprintf("difference  = %.17g\n", log_lambda - r))
cat(R.version.string, "\n")
