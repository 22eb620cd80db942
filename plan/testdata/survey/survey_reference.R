# Reference numbers for plan's TestSurveyAgainstR: the survey of
# befragung.csv estimated as the plan does it, with R's survey package
# (Debian r-cran-survey 4.1). Run from this folder:
#   Rscript survey_reference.R
# It writes survey_r.csv (item, level, key, n, estimate, se, lower,
# upper, deff; the plan's estimates are in % for shares), and
# survey_r_trimmed.csv with the weights also trimmed.
suppressMessages(library(survey))
d <- read.csv2("befragung.csv", colClasses = c(Gebiet = "character", Bezirk = "character", Geschlecht = "character"))
d$F1[d$F1 == 9] <- NA
d$zufrieden <- as.numeric(d$F1 >= 4)
d$belastet <- as.numeric(d$F2 == 1)
d$kinder <- d$F3
d$city <- "all"
d$margin <- interaction(d$Bezirk, d$Geschlecht, sep = "|")
# men and women of each district in 2024 (einzelalter.csv: m and w of
# areas 01 and 02 in A, 03 and 04 in B)
pop <- read.csv2("einzelalter.csv", colClasses = c(Gebiet = "character"))
pop <- pop[pop$Jahr == 2024, ]
pop$Bezirk <- ifelse(pop$Gebiet %in% c("01", "02"), "A", "B")
pop$Geschlecht <- ifelse(pop$Geschlecht == "m", "1", "2")
tot <- aggregate(Anzahl ~ Bezirk + Geschlecht, pop, sum)
totals <- data.frame(margin = interaction(tot$Bezirk, tot$Geschlecht, sep = "|"), Freq = tot$Anzahl)
des0 <- svydesign(ids = ~1, strata = ~Bezirk, weights = ~Gewicht, data = d)
raked <- rake(des0, list(~margin), list(totals))
# the same, trimmed to 0.9 and 1.1 times the mean weight (the test's
# trim: {lower: 0.9, upper: 1.1}), strictly, as planatlas does
mw <- mean(weights(raked))
trimmed <- trimWeights(raked, lower = 0.9 * mw, upper = 1.1 * mw, strict = TRUE)
# post-stratified instead of raked (one classification, district × sex),
# with logit intervals for the shares and the total of those burdened
poststratified <- postStratify(des0, ~margin, totals)
d$belastet_n <- d$belastet
for (design in c("raked", "trimmed", "poststratified")) {
des <- get(design)
des$variables$belastet_n <- des$variables$belastet
out <- NULL
items <- c("zufrieden", "belastet", "kinder")
if (design == "poststratified") items <- c(items, "belastet_n")
for (item in items) {
  scale <- if (item %in% c("kinder", "belastet_n")) 1 else 100
  total <- item == "belastet_n"
  method <- if (design == "poststratified") "logit" else "beta"
  for (lv in c("Gebiet", "Bezirk", "city")) {
    f <- as.formula(paste0("~", item))
    by <- as.formula(paste0("~", lv))
    m <- svyby(f, by, des, if (total) svytotal else svymean, na.rm = TRUE, deff = TRUE)
    for (k in seq_len(nrow(m))) {
      key <- as.character(m[k, lv])
      sub <- des[d[[lv]] == key, ]
      n <- sum(d[[lv]] == key & !is.na(d[[item]]))
      if (item == "kinder" || total) {
        # a t interval on the domain's degrees of freedom, as svyciprop's
        # method "mean" does for a share
        ci <- m[k, item] + c(-1, 1) * qt(0.975, degf(sub)) * SE(m)[k]
      } else {
        # the domain's degrees of freedom count its rows without an
        # answer too, as svyciprop(na.rm = TRUE) does
        ci <- as.numeric(attr(svyciprop(f, sub, method = method, na.rm = TRUE), "ci"))
      }
      out <- rbind(out, data.frame(item = item, level = lv, key = key, n = n,
        estimate = sprintf("%.17g", scale * m[k, item]), se = sprintf("%.17g", scale * SE(m)[k]),
        lower = sprintf("%.17g", scale * ci[1]), upper = sprintf("%.17g", scale * ci[2]),
        deff = sprintf("%.17g", deff(m)[k])))
    }
  }
}
write.csv(out, c(raked = "survey_r.csv", trimmed = "survey_r_trimmed.csv", poststratified = "survey_r_poststratified.csv")[[design]], row.names = FALSE, quote = FALSE)
}
