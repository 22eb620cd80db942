# Reference values for the demo survey (Musterstadt's Familienbefragung
# 2024, demo/data/befragung.sav), computed with R's survey package
# (Lumley; version 4.1) and read with foreign::read.spss. Run from this
# directory:
#   Rscript demo_reference.R
# It writes demo_reference.csv in long format
# (design,item,level,domain,statistic,value), every value printed with
# sprintf("%.17g").
#
# design0 is the stratified design with the file's design weights
# (Gewicht = N_h / n_h); design is design0 raked to the register's
# residents aged 18-64 in 2024 by district x age group and district x sex
# (demo/data/bevoelkerung.csv).
suppressMessages({
  library(foreign)
  library(survey)
})

d <- read.spss("../../demo/data/befragung.sav", to.data.frame = TRUE,
               use.value.labels = FALSE, use.missings = TRUE)
d$Bezirk2 <- sprintf("%02d", as.integer(d$Bezirk))
d$Planungsraum4 <- sprintf("%04d", as.integer(d$Planungsraum))
d$BezirkAlter <- factor(paste(d$Bezirk2, d$Altersgruppe, sep = "."))
d$BezirkGeschlecht <- factor(paste(d$Bezirk2, d$Geschlecht, sep = "."))
# The items: top-two-box shares of the satisfaction and safety scales,
# the share answering "ja" to F04 and the mean number of children.
d$F01_top2 <- as.numeric(d$F01_Kita >= 4)
d$F02_top2 <- as.numeric(d$F02_Spiel >= 4)
d$F03_top2 <- as.numeric(d$F03_Sicher >= 4)
d$F04_ja <- as.numeric(d$F04_Belastung == 1)
d$F05_mean <- d$F05_Kinder
props <- c("F01_top2", "F02_top2", "F03_top2", "F04_ja")
items <- c(props, "F05_mean")

# The register: residents aged 18-64 in 2024 by district x age group and
# district x sex (codes as in the survey: age 1 18-29, 2 30-44, 3 45-64;
# sex 1 m, 2 w).
pop <- read.csv2("../../demo/data/bevoelkerung.csv", colClasses = "character")
pop <- pop[pop$jahr == "2024" & pop$alter != "95+", ]
pop$alter <- as.integer(pop$alter)
pop <- pop[pop$alter >= 18 & pop$alter <= 64, ]
pop$anzahl <- as.numeric(pop$anzahl)
pop$bezirk <- substr(pop$planungsraum, 1, 2)
pop$gruppe <- ifelse(pop$alter <= 29, 1, ifelse(pop$alter <= 44, 2, 3))
pop$sex <- ifelse(pop$geschlecht == "m", 1, 2)
ba <- aggregate(anzahl ~ bezirk + gruppe, pop, sum)
bs <- aggregate(anzahl ~ bezirk + sex, pop, sum)
popBA <- data.frame(BezirkAlter = paste(ba$bezirk, ba$gruppe, sep = "."), Freq = ba$anzahl)
popBS <- data.frame(BezirkGeschlecht = paste(bs$bezirk, bs$sex, sep = "."), Freq = bs$anzahl)

design0 <- svydesign(ids = ~1, strata = ~Bezirk, weights = ~Gewicht, data = d)
design <- rake(design0, list(~BezirkAlter, ~BezirkGeschlecht), list(popBA, popBS))

out <- data.frame(design = character(0), item = character(0), level = character(0),
                  domain = character(0), statistic = character(0), value = character(0))
rows <- list()
put <- function(design, item, level, domain, statistic, value) {
  rows[[length(rows) + 1]] <<- data.frame(design = design, item = item, level = level,
    domain = domain, statistic = statistic, value = sprintf("%.17g", as.numeric(value)))
}

# byDomain puts estimate, SE and deff per domain, and for proportions the
# Korn-Graubard (beta) interval.
byDomain <- function(dname, des, item, level, var) {
  f <- as.formula(paste0("~", item))
  b <- svyby(f, as.formula(paste0("~", var)), des, svymean, na.rm = TRUE, deff = TRUE)
  for (i in seq_len(nrow(b))) {
    put(dname, item, level, b[i, 1], "est", b[i, item])
    put(dname, item, level, b[i, 1], "se", SE(b)[i])
    put(dname, item, level, b[i, 1], "deff", deff(b)[i])
  }
  if (item %in% props) {
    ci <- svyby(f, as.formula(paste0("~", var)), des, svyciprop, vartype = "ci",
                method = "beta", na.rm = TRUE)
    for (i in seq_len(nrow(ci))) {
      put(dname, item, level, ci[i, 1], "ci_est", ci[i, item])
      put(dname, item, level, ci[i, 1], "ci_l", ci$ci_l[i])
      put(dname, item, level, ci[i, 1], "ci_u", ci$ci_u[i])
    }
  }
  if (dname == "raked") {
    n <- tapply(!is.na(d[[item]]), d[[var]], sum)
    for (k in names(n)) put(dname, item, level, k, "n", n[[k]])
  }
}

city <- function(dname, des, item) {
  f <- as.formula(paste0("~", item))
  m <- svymean(f, des, na.rm = TRUE, deff = TRUE)
  put(dname, item, "city", "Musterstadt", "est", coef(m))
  put(dname, item, "city", "Musterstadt", "se", SE(m))
  put(dname, item, "city", "Musterstadt", "deff", deff(m))
  if (item %in% props) {
    ci <- svyciprop(f, des, method = "beta", na.rm = TRUE)
    put(dname, item, "city", "Musterstadt", "ci_est", coef(ci))
    put(dname, item, "city", "Musterstadt", "ci_l", confint(ci)[1])
    put(dname, item, "city", "Musterstadt", "ci_u", confint(ci)[2])
  }
}

for (dn in c("raked", "design0")) {
  des <- if (dn == "raked") design else design0
  for (item in items) {
    byDomain(dn, des, item, "area", "Planungsraum4")
    byDomain(dn, des, item, "district", "Bezirk2")
    city(dn, des, item)
  }
}
put("raked", "weights", "city", "Musterstadt", "sum", sum(weights(design)))
out <- do.call(rbind, rows)
write.csv(out, "demo_reference.csv", row.names = FALSE, quote = FALSE)
