# sae_reference.R
#
# Reference numbers for planatlas/smallarea from the R package sae 1.3
# (Molina and Marhuenda 2015): eblupFH and mseFH on sae's data set milk
# (REML, ML, FH), eblupSFH and mseSFH on grapes/grapesprox (REML, ML),
# with sae's defaults MAXITER = 100, PRECISION = 0.0001, B = 0. It also
# exports the input data, so that the Go tests never need R.
#
# sae is not in Debian; install it into a private library first:
#   mkdir -p /tmp/rlib && R CMD INSTALL -l /tmp/rlib /work/shared/peers/sae-1.3
# Run:   cd smallarea && R_LIBS_USER=/tmp/rlib Rscript testdata/sae_reference.R
# Ran with: R version 4.2.2 Patched (2022-11-10 r83330), sae 1.3
#
# Outputs (in testdata/), numbers written with sprintf("%.17g"):
#   milk.csv        SmallArea,ni,yi,SD,CV,MajorArea
#   grapes.csv      grapehect,area,workdays,var
#   grapesprox.csv  the 274 x 274 proximity matrix, no header
#   sae_results.csv model,method,quantity,index,value
#     model fh (milk), fh_zero (milk, variances times 4: sigma2u
#     truncated at 0), fh_nonconv (milk, variances times 6, REML: no
#     convergence), sfh (grapes); quantity eblup, mse (index = area),
#     beta, se, t, p (index = coefficient), refvar, spatialcorr,
#     iterations, convergence, loglike, AIC, BIC (index 0).

suppressPackageStartupMessages(library(sae))
dir <- "testdata"
g <- function(x) sprintf("%.17g", x)

data(milk)
data(grapes)
data(grapesprox)

write.csv(data.frame(SmallArea = milk$SmallArea, ni = milk$ni, yi = g(milk$yi),
                     SD = g(milk$SD), CV = g(milk$CV), MajorArea = milk$MajorArea),
          file.path(dir, "milk.csv"), row.names = FALSE, quote = FALSE)
write.csv(data.frame(grapehect = g(grapes$grapehect), area = g(grapes$area),
                     workdays = g(grapes$workdays), var = g(grapes$var)),
          file.path(dir, "grapes.csv"), row.names = FALSE, quote = FALSE)
W <- as.matrix(grapesprox)
write.table(matrix(g(W), nrow(W)), file.path(dir, "grapesprox.csv"),
            sep = ",", row.names = FALSE, col.names = FALSE, quote = FALSE)

rows <- list()
add <- function(model, method, quantity, index, value) {
  rows[[length(rows) + 1]] <<- data.frame(model = model, method = method,
    quantity = quantity, index = index, value = g(as.numeric(value)))
}
addfit <- function(model, method, est, mse) {
  add(model, method, "eblup", seq_along(est$eblup), est$eblup)
  add(model, method, "mse", seq_along(mse), mse)
  co <- est$fit$estcoef
  k <- seq_len(nrow(co))
  add(model, method, "beta", k, co$beta)
  add(model, method, "se", k, co$std.error)
  add(model, method, "t", k, co$tvalue)
  add(model, method, "p", k, co$pvalue)
  add(model, method, "refvar", 0, est$fit$refvar)
  if (!is.null(est$fit$spatialcorr)) add(model, method, "spatialcorr", 0, est$fit$spatialcorr)
  add(model, method, "iterations", 0, est$fit$iterations)
  add(model, method, "convergence", 0, as.numeric(est$fit$convergence))
  gd <- est$fit$goodness
  add(model, method, "loglike", 0, gd[["loglike"]])
  add(model, method, "AIC", 0, gd[["AIC"]])
  add(model, method, "BIC", 0, gd[["BIC"]])
}

# sae takes vardir from data by its name, so SD^2 gets a column.
milk$var <- milk$SD^2
for (m in c("REML", "ML", "FH")) {
  r <- mseFH(yi ~ as.factor(MajorArea), var, method = m, data = milk)
  addfit("fh", m, r$est, r$mse)
}
# Sampling variances 4 times milk's: every method's estimate of sigma2u
# falls below 0 and sae sets it to 0 (EBLUP = synthetic estimate).
milk$var4 <- 4 * milk$SD^2
for (m in c("REML", "ML", "FH")) {
  r <- mseFH(yi ~ as.factor(MajorArea), var4, method = m, data = milk)
  addfit("fh_zero", m, r$est, r$mse)
}
# Sampling variances 6 times milk's: REML's Fisher scoring does not
# converge in 100 iterations (the iterates go below 0 and wander).
milk$var6 <- 6 * milk$SD^2
r <- suppressWarnings(eblupFH(yi ~ as.factor(MajorArea), var6, method = "REML", data = milk))
add("fh_nonconv", "REML", "iterations", 0, r$fit$iterations)
add("fh_nonconv", "REML", "convergence", 0, as.numeric(r$fit$convergence))
for (m in c("REML", "ML")) {
  r <- mseSFH(grapehect ~ area + workdays - 1, var, grapesprox, method = m, data = grapes)
  addfit("sfh", m, r$est, r$mse)
}
write.csv(do.call(rbind, rows), file.path(dir, "sae_results.csv"),
          row.names = FALSE, quote = FALSE)
cat(R.version.string, "sae", as.character(packageVersion("sae")), "\n")
