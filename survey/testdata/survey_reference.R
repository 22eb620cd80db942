# Reference values for package survey, computed with R's survey package
# (Lumley; version 4.1) on its api data. Run from this directory:
#   Rscript survey_reference.R
# It writes api_strat.csv, api_clus1.csv (the data) and reference.csv
# (key,value with every value printed with sprintf("%.17g")).
suppressMessages(library(survey))
data(api)

# Deliberate missing values: every ninth school's api00 is NA.
apistrat$api00na <- ifelse(seq_len(nrow(apistrat)) %% 9 == 0, NA, apistrat$api00)
apiclus1$api00na <- ifelse(seq_len(nrow(apiclus1)) %% 9 == 0, NA, apiclus1$api00)
apistrat$hi <- as.numeric(apistrat$api00 > 700)
apiclus1$hi <- as.numeric(apiclus1$api00 > 700)

cols <- c("dnum", "cname", "stype", "pw", "fpc", "api00", "api00na", "api99",
          "enroll", "awards", "sch.wide", "hi")
num <- function(x) if (is.numeric(x)) ifelse(is.na(x), "NA", sprintf("%.17g", x)) else as.character(x)
writeData <- function(df, file) {
  out <- as.data.frame(lapply(df[, cols], num), stringsAsFactors = FALSE)
  write.csv(out, file, row.names = FALSE, quote = FALSE)
}
writeData(apistrat, "api_strat.csv")
writeData(apiclus1, "api_clus1.csv")

# A design with a lonely PSU: apistrat with only the first middle school.
lonely <- apistrat[apistrat$stype != "M" | !duplicated(apistrat$stype), ]
writeData(lonely, "api_lonely.csv")

keys <- character(0)
vals <- numeric(0)
put <- function(key, value) {
  keys <<- c(keys, key)
  vals <<- c(vals, as.numeric(value))
}
# stat puts estimate, se and deff (when present) of a svystat.
stat <- function(prefix, s) {
  put(paste0(prefix, "/est"), coef(s))
  put(paste0(prefix, "/se"), SE(s))
  d <- attr(s, "deff")
  if (!is.null(d)) put(paste0(prefix, "/deff"), diag(as.matrix(d)))
}
ciprop <- function(prefix, formula, design) {
  for (m in c("logit", "beta", "mean")) {
    ci <- svyciprop(formula, design, method = m)
    put(paste0(prefix, "/", m, "/est"), coef(ci))
    put(paste0(prefix, "/", m, "/lo"), confint(ci)[1])
    put(paste0(prefix, "/", m, "/hi"), confint(ci)[2])
  }
}
byci <- function(prefix, design, dom) {
  for (m in c("logit", "beta", "mean")) {
    b <- svyby(~hi, dom, design, svyciprop, vartype = "ci", method = m)
    for (i in seq_len(nrow(b))) {
      put(sprintf("%s/%s/%s/est", prefix, b[i, 1], m), b$hi[i])
      put(sprintf("%s/%s/%s/lo", prefix, b[i, 1], m), b$ci_l[i])
      put(sprintf("%s/%s/%s/hi", prefix, b[i, 1], m), b$ci_u[i])
    }
  }
}
# all runs the standard battery on a design.
all <- function(name, d, dom) {
  put(paste0(name, "/degf"), degf(d))
  stat(paste0(name, "/mean/api00"), svymean(~api00, d, deff = TRUE))
  stat(paste0(name, "/total/api00"), svytotal(~api00, d, deff = TRUE))
  stat(paste0(name, "/mean/api00na"), svymean(~api00na, d, na.rm = TRUE, deff = TRUE))
  stat(paste0(name, "/total/api00na"), svytotal(~api00na, d, na.rm = TRUE, deff = TRUE))
  stat(paste0(name, "/mean/hi"), svymean(~hi, d, deff = TRUE))
  stat(paste0(name, "/total/hi"), svytotal(~hi, d, deff = TRUE))
  s <- svymean(~awards, d, deff = TRUE)
  for (l in c("No", "Yes")) {
    i <- paste0("awards", l)
    put(sprintf("%s/mean/awards=%s/est", name, l), coef(s)[i])
    put(sprintf("%s/mean/awards=%s/se", name, l), SE(s)[i])
    put(sprintf("%s/mean/awards=%s/deff", name, l), diag(attr(s, "deff"))[which(names(coef(s)) == i)])
  }
  b <- svyby(~api00, dom, d, svymean, deff = TRUE)
  for (i in seq_len(nrow(b))) {
    p <- sprintf("%s/by/%s/mean/api00", name, b[i, 1])
    put(paste0(p, "/est"), b$api00[i])
    put(paste0(p, "/se"), b$se[i])
    put(paste0(p, "/deff"), b$DEff.api00[i])
  }
  b <- svyby(~api00, dom, d, svytotal)
  for (i in seq_len(nrow(b))) {
    p <- sprintf("%s/by/%s/total/api00", name, b[i, 1])
    put(paste0(p, "/est"), b$api00[i])
    put(paste0(p, "/se"), b$se[i])
  }
  b <- svyby(~api00na, dom, d, svymean, na.rm = TRUE)
  for (i in seq_len(nrow(b))) {
    p <- sprintf("%s/by/%s/mean/api00na", name, b[i, 1])
    put(paste0(p, "/est"), b$api00na[i])
    put(paste0(p, "/se"), b$se[i])
  }
  ciprop(paste0(name, "/ciprop/hi"), ~hi, d)
  byci(paste0(name, "/byci/hi"), d, dom)
}

dstrat <- svydesign(id = ~1, strata = ~stype, weights = ~pw, fpc = ~fpc, data = apistrat)
all("strat", dstrat, ~awards)
dstratwr <- svydesign(id = ~1, strata = ~stype, weights = ~pw, data = apistrat)
all("stratwr", dstratwr, ~awards)
dclus1 <- svydesign(id = ~dnum, weights = ~pw, fpc = ~fpc, data = apiclus1)
all("clus1", dclus1, ~cname)
dsc <- svydesign(id = ~dnum, strata = ~stype, weights = ~pw, data = apistrat, nest = TRUE)
all("stratclus", dsc, ~awards)

# Weighting on apiclus1, as in the survey package's vignette.
pop.types <- data.frame(stype = c("E", "H", "M"), Freq = c(4421, 755, 1018))
pop.schwide <- data.frame(sch.wide = c("No", "Yes"), Freq = c(1072, 5122))
weighted <- function(name, d) {
  w <- weights(d)
  for (i in seq_along(w)) put(sprintf("%s/w/%d", name, i), w[i])
  all(name, d, ~cname)
}
weighted("post", postStratify(dclus1, ~stype, pop.types))
weighted("rake", rake(dclus1, list(~stype, ~sch.wide), list(pop.types, pop.schwide)))
r3 <- rake(dclus1, list(~stype, ~sch.wide), list(pop.types, pop.schwide),
           control = list(maxit = 2, epsilon = 1e-9))
put("rake2/w/1", weights(r3)[1])
pop.totals <- c(`(Intercept)` = 6194, stypeH = 755, stypeM = 1018, api99 = 3914069)
weighted("callin", calibrate(dclus1, ~stype + api99, pop.totals))
weighted("callinb", calibrate(dclus1, ~stype + api99, pop.totals, bounds = c(0.6, 1.8), calfun = "linear"))
weighted("calrak", calibrate(dclus1, ~stype + api99, pop.totals, calfun = "raking"))
weighted("calrakb", calibrate(dclus1, ~stype + api99, pop.totals, bounds = c(0.6, 1.8), calfun = "raking"))
weighted("trim", trimWeights(dstrat, lower = 18, upper = 40))
weighted("trimcal", trimWeights(calibrate(dclus1, ~stype + api99, pop.totals, calfun = "raking"),
                                lower = 30, upper = 40, strict = TRUE))

# Lonely PSU: stratum M has one school.
for (opt in c("remove", "certainty", "adjust", "average")) {
  options(survey.lonely.psu = opt)
  dl <- svydesign(id = ~1, strata = ~stype, weights = ~pw, fpc = ~fpc, data = lonely)
  stat(sprintf("lonely-%s/mean/api00", opt), svymean(~api00, dl, deff = TRUE))
  stat(sprintf("lonely-%s/total/api00", opt), svytotal(~api00, dl))
  dl <- svydesign(id = ~1, strata = ~stype, weights = ~pw, data = lonely)
  stat(sprintf("lonelywr-%s/mean/api00", opt), svymean(~api00, dl))
  stat(sprintf("lonelywr-%s/total/api00", opt), svytotal(~api00, dl))
}

write.csv(data.frame(key = keys, value = sprintf("%.17g", vals)), "reference.csv",
          row.names = FALSE, quote = FALSE)
cat(R.version.string, "; survey", as.character(packageVersion("survey")), "\n")
