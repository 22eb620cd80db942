# The benchmark city's analysis done with R sf, spdep and data.table
# (Debian 12 packages), for the side-by-side table of citybench:
#
#   Rscript pipeline.R CITY_DIR
#
# CITY_DIR is written by benchmarks.WriteCity (go run ./benchmarks/cmd/citybench
# -keep DIR). The same work as pipeline.py, plus what spdep has and PySAL
# lacks here: Moran's I with 999 permutations and local Moran with 999
# permutations (conditional), as planatlas's spatial stage does. It reads
# the German CSV files (Debian has no R arrow). Prints one line per stage:
# "stage seconds", then "total seconds" and the first-ranked key and
# Moran's I as a check.
suppressPackageStartupMessages({ library(sf); library(spdep); library(data.table) })
sf_use_s2(FALSE)
setDTthreads(2)
d <- commandArgs(trailingOnly = TRUE)[1]
times <- list()
t_all <- proc.time()[["elapsed"]]
t <- t_all
lap <- function(name) {
  now <- proc.time()[["elapsed"]]
  times[[name]] <<- now - t
  t <<- now
}

# inputs
areas <- st_read(file.path(d, "areas.geojson"), quiet = TRUE)
pop <- fread(file.path(d, "bevoelkerung.csv"), sep = ";", dec = ",", colClasses = list(character = c("gebiet", "alter")))
lab <- fread(file.path(d, "arbeitsmarkt.csv"), sep = ";", dec = ",", colClasses = list(character = "Gebiet"))
heat <- fread(file.path(d, "klima.csv"), sep = ";", dec = ",", colClasses = list(character = "Gebiet"), encoding = "UTF-8")
lap("inputs")

# panel
p <- dcast(pop, gebiet + jahr ~ alter, value.var = "anzahl", fun.aggregate = sum)
v <- p[, .(key = gebiet, year = jahr, ew = `0-5` + `6-17` + `18-64` + `65-99`, ew_u6 = `0-5`, ew_u18 = `0-5` + `6-17`,
           ew_15_64 = `18-64`, ew_u65 = `0-5` + `6-17` + `18-64`, ew_65plus = `65-99`, ew_u15 = `0-5` + `6-17`)]
setnames(lab, c("key", "year", "arbeitslose", "sgb2", "sgb2_u15"))
setnames(heat, c("key", "year", "heisse_tage"))
v <- merge(merge(v, lab, by = c("key", "year")), heat, by = c("key", "year"))
lap("panel")

geo <- setDT(list(key = areas$key, district = areas$district, area_km2 = as.numeric(st_area(areas)) / 1e6))
lap("geometries")

counts <- c("ew", "ew_u6", "ew_u18", "ew_15_64", "ew_u65", "ew_65plus", "ew_u15", "arbeitslose", "sgb2", "sgb2_u15")
va <- merge(v, geo, by = "key")
aggregate_level <- function(x, unit) {
  x <- copy(x)[, unit := unit]
  out <- x[, c(lapply(.SD, sum), list(heisse_tage = sum(heisse_tage * ew) / sum(ew))), by = .(unit, year), .SDcols = c(counts, "area_km2")]
  out
}
levels <- list(
  area = va[, c(list(unit = key, year = year), .SD), .SDcols = c(counts, "heisse_tage", "area_km2")],
  district = aggregate_level(va, va$district),
  city = aggregate_level(va, "city")
)
props <- list(anteil_u6 = c("ew_u6", "ew"), anteil_u18 = c("ew_u18", "ew"), anteil_65plus = c("ew_65plus", "ew"),
              arbeitslosenanteil = c("arbeitslose", "ew_15_64"), sgb2_quote = c("sgb2", "ew_u65"),
              kinderarmut = c("sgb2_u15", "ew_u15"))
z95 <- qnorm(0.975)
indicators <- function(x) {
  setorder(x, unit, year)
  out <- x[, .(unit, year)]
  for (k in names(props)) {
    n <- x[[props[[k]][1]]]; m <- x[[props[[k]][2]]]; ph <- n / m
    c <- z95 * sqrt(ph * (1 - ph) / m + z95^2 / (4 * m^2)) / (1 + z95^2 / m)
    mid <- (ph + z95^2 / (2 * m)) / (1 + z95^2 / m)
    set(out, j = k, value = 100 * ph)
    set(out, j = paste0(k, "_lower"), value = 100 * (mid - c))
    set(out, j = paste0(k, "_upper"), value = 100 * (mid + c))
  }
  out[, einwohner := x$ew]
  out[, bevoelkerung_1j := 100 * (einwohner / shift(einwohner, 1) - 1), by = unit]
  out[, bevoelkerung_5j := 100 * (einwohner / shift(einwohner, 5) - 1), by = unit]
  out[, einwohnerdichte := x$ew / x$area_km2]
  out[, heisse_tage := x$heisse_tage]
  out[, hitzeempfindliche := x$ew_u6 + x$ew_65plus]
  out[, anteil_hitzeempfindliche := 100 * (x$ew_u6 + x$ew_65plus) / x$ew]
  out
}
ind <- lapply(levels, indicators)
lap("indicators")

# index: z-scores of the last year over the areas, weighted sum, ranking
last <- ind$area[year == 2024]
w <- c(sgb2_quote = 2, kinderarmut = 2, arbeitslosenanteil = 1, anteil_65plus = 1, heisse_tage = 1)
zs <- function(x) (x - mean(x)) / sqrt(mean((x - mean(x))^2))
index <- Reduce(`+`, lapply(names(w), function(k) w[[k]] * zs(last[[k]])))
names(index) <- last$unit
ranking <- rank(-index, ties.method = "min")
lap("indices")

# trends: every indicator on every level, vectorised over units
ids <- c("einwohner", "bevoelkerung_1j", "bevoelkerung_5j", "einwohnerdichte", "heisse_tage", "hitzeempfindliche",
         "anteil_hitzeempfindliche", names(props))
years <- 2015:2024
pairs <- which(upper.tri(diag(length(years))), arr.ind = TRUE)
trend_rows <- list()
for (lv in names(ind)) {
  x <- ind[[lv]]
  for (k in ids) {
    Y <- matrix(x[[k]], ncol = length(years), byrow = TRUE)
    ok <- !is.na(Y); nobs <- rowSums(ok)
    X <- ifelse(ok, matrix(years, nrow(Y), length(years), byrow = TRUE), NA)
    xm <- rowMeans(X, na.rm = TRUE); ym <- rowMeans(Y, na.rm = TRUE)
    sxx <- rowSums((X - xm)^2, na.rm = TRUE)
    slope <- rowSums((X - xm) * (Y - ym), na.rm = TRUE) / sxx
    res <- Y - ym - slope * (X - xm)
    se <- sqrt(rowSums(res^2, na.rm = TRUE) / (nobs - 2) / sxx)
    p <- 2 * pt(abs(slope / se), nobs - 2, lower.tail = FALSE)
    D <- (Y[, pairs[, 2], drop = FALSE] - Y[, pairs[, 1], drop = FALSE])
    ts <- apply(sweep(D, 2, years[pairs[, 2]] - years[pairs[, 1]], "/"), 1, median, na.rm = TRUE)
    s <- rowSums(sign(D), na.rm = TRUE)
    v <- nobs * (nobs - 1) * (2 * nobs + 5) / 18
    z <- ifelse(s > 0, (s - 1) / sqrt(v), ifelse(s < 0, (s + 1) / sqrt(v), 0))
    trend_rows[[length(trend_rows) + 1]] <- data.table(indicator = k, level = lv, unit = unique(x$unit), slope = slope, se = se, p = p,
                                                       theil_sen = ts, mk_s = s, mk_z = z, mk_p = 2 * pnorm(-abs(z)))
  }
}
trends <- rbindlist(trend_rows)
lap("trends")

# spatial: queen contiguity, Moran's I analytic and with 999 permutations, local Moran with 999
lw <- nb2listw(poly2nb(areas, queen = TRUE), style = "W")
iv <- index[areas$key]
set.seed(1)
m <- moran.test(iv, lw)
mc <- moran.mc(iv, lw, nsim = 999)
lm <- localmoran_perm(iv, lw, nsim = 999)
lap("spatial")

# maps: the index as a choropleth in quintiles
png(file.path(d, "peer-map-r.png"), width = 1000, height = 1000)
plot(st_geometry(areas), col = hcl.colors(5, "Reds", rev = TRUE)[cut(iv, quantile(iv, 0:5 / 5), include.lowest = TRUE)], border = NA)
invisible(dev.off())
lap("maps")

# tables: the long indicator table and the trends, as CSV
long <- rbindlist(lapply(names(ind), function(lv) {
  f <- melt(ind[[lv]][, c("unit", "year", ids), with = FALSE], id.vars = c("unit", "year"), variable.name = "indicator")
  f[, level := lv]
}))
fwrite(long, file.path(d, "peer-indicators-r.csv"), sep = ";", dec = ",")
fwrite(trends, file.path(d, "peer-trends-r.csv"), sep = ";", dec = ",")
lap("tables")

for (n in names(times)) cat(n, sprintf("%.3f", times[[n]]), "\n")
cat("total", sprintf("%.3f", proc.time()[["elapsed"]] - t_all), "\n")
cat("check", names(index)[which.min(ranking)], sprintf("%.4f", m$estimate[1]), "\n")
