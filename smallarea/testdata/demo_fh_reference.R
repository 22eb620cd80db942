# demo_fh_reference.R
#
# Fay-Herriot reference for the demo city: the share of parents satisfied
# with childcare near home (top-two-box of F01_Kita, answers 4 or 5) of
# Musterstadt's family survey 2024 per planning area, smoothed with the
# area's SGB II share as covariate, with sae 1.3's eblupFH and mseFH
# (REML, sae's defaults MAXITER = 100, PRECISION = 0.0001).
#
# The direct estimates and their standard errors are those of the raked
# design in ../../survey/testdata/demo_reference.csv (written by
# demo_reference.R there from demo/data/befragung.sav); psi is the squared
# SE. Areas whose psi is 0 or that have fewer than 2 respondents with an
# answer are left out of the fit (a variance of 0 would make the area's
# direct estimate exact, and one respondent gives no variance).
#
# The covariate is the demo plan's: the catalog's SGB II rate sgb2_quote
# in 2024, 100 * SGB-II-Empfaenger (demo/data/arbeitsmarkt.csv,
# Windows-1252) over the residents under 65 of the area
# (demo/data/bevoelkerung.csv, ages 0 to 64, both sexes).
#
# Install sae into a private library first:
#   mkdir -p /tmp/rlib && R CMD INSTALL -l /tmp/rlib /work/shared/peers/sae-1.3
# Run:   cd smallarea && R_LIBS_USER=/tmp/rlib Rscript testdata/demo_fh_reference.R
#
# Output testdata/demo_fh.csv: quantity,index,value with every value
# written with sprintf("%.17g"): per area (index = area key) n, direct,
# psi, sgb2, used (1 in the fit, 0 left out), eblup, mse (fitted areas
# only); per coefficient (index 1 intercept, 2 SGB II share) beta, se,
# t, p; scalars (index 0) refvar, iterations, convergence, loglike, AIC,
# BIC.
suppressPackageStartupMessages(library(sae))
dir <- "testdata"
g <- function(x) sprintf("%.17g", x)

ref <- read.csv("../survey/testdata/demo_reference.csv", colClasses = "character")
ref <- ref[ref$design == "raked" & ref$item == "F01_top2" & ref$level == "area", ]
get <- function(stat) {
  r <- ref[ref$statistic == stat, ]
  setNames(as.numeric(r$value), r$domain)
}
est <- get("est")
se <- get("se")
n <- get("n")
areas <- sort(names(est))

lab <- read.csv2(file.path("..", "demo", "data", "arbeitsmarkt.csv"), fileEncoding = "windows-1252",
                 colClasses = "character", check.names = FALSE)
lab <- lab[lab$Jahr == "2024", ]
sgb2 <- setNames(as.numeric(lab[["SGB-II-Empf\u00e4nger"]]), lab$Planungsraum)
pop <- read.csv2(file.path("..", "demo", "data", "bevoelkerung.csv"), colClasses = "character")
pop <- pop[pop$jahr == "2024" & pop$alter != "95+", ]
pop <- pop[as.numeric(pop$alter) < 65, ]
residents <- tapply(as.numeric(pop$anzahl), pop$planungsraum, sum)

d <- data.frame(area = areas, n = n[areas], direct = est[areas], psi = se[areas]^2,
                sgb2 = 100 * sgb2[areas] / residents[areas], stringsAsFactors = FALSE)
d$used <- as.numeric(d$psi > 0 & d$n >= 2)
cat("areas:", nrow(d), "left out:", sum(d$used == 0), d$area[d$used == 0], "\n")
fit <- d[d$used == 1, ]
r <- mseFH(direct ~ sgb2, psi, method = "REML", data = fit)

rows <- list()
add <- function(quantity, index, value) {
  rows[[length(rows) + 1]] <<- data.frame(quantity = quantity, index = index, value = g(as.numeric(value)))
}
for (q in c("n", "direct", "psi", "sgb2", "used")) add(q, d$area, d[[q]])
add("eblup", fit$area, r$est$eblup)
add("mse", fit$area, r$mse)
co <- r$est$fit$estcoef
k <- seq_len(nrow(co))
add("beta", k, co$beta)
add("se", k, co$std.error)
add("t", k, co$tvalue)
add("p", k, co$pvalue)
add("refvar", 0, r$est$fit$refvar)
add("iterations", 0, r$est$fit$iterations)
add("convergence", 0, as.numeric(r$est$fit$convergence))
gd <- r$est$fit$goodness
add("loglike", 0, gd[["loglike"]])
add("AIC", 0, gd[["AIC"]])
add("BIC", 0, gd[["BIC"]])
write.csv(do.call(rbind, rows), file.path(dir, "demo_fh.csv"), row.names = FALSE, quote = FALSE)
print(co)
cat("refvar", r$est$fit$refvar, "\n")
cat(R.version.string, "sae", as.character(packageVersion("sae")), "\n")

# The spatial model on the same areas: SAR area effects over the demo
# plan's queen contiguity (testdata/demo_weights.gal, written by the demo
# run), row-standardised, with eblupSFH and mseSFH (REML). Output
# testdata/demo_sfh.csv: eblup and mse per area, scalars rho, refvar.
gal <- readLines(file.path(dir, "demo_weights.gal"))[-1]
W <- matrix(0, length(areas), length(areas), dimnames = list(areas, areas))
for (i in seq(1, length(gal), by = 2)) {
  from <- strsplit(gal[i], " ")[[1]][1]
  to <- strsplit(gal[i + 1], " ")[[1]]
  W[from, to] <- 1 / length(to)
}
stopifnot(all(d$used == 1))
s <- mseSFH(direct ~ sgb2, psi, W[fit$area, fit$area], method = "REML", data = fit)
rows <- list()
add("eblup", fit$area, s$est$eblup)
add("mse", fit$area, s$mse)
add("rho", 0, s$est$fit$spatialcorr)
add("refvar", 0, s$est$fit$refvar)
write.csv(do.call(rbind, rows), file.path(dir, "demo_sfh.csv"), row.names = FALSE, quote = FALSE)
cat("rho", s$est$fit$spatialcorr, "refvar", s$est$fit$refvar, "\n")
