# Times R spdep's spatial statistics on a planatlas benchmark grid:
#   Rscript spatial.R grid.geojson values.csv
# prints "moran <s> moran_mc999 <s> localmoran_perm999 <s> localG_perm999 <s> I <value>".
suppressPackageStartupMessages({ library(sf); library(spdep) })
sf_use_s2(FALSE)
a <- commandArgs(trailingOnly = TRUE)
x <- st_read(a[1], quiet = TRUE)
v <- read.csv(a[2])$value
lw <- nb2listw(poly2nb(x, queen = TRUE), style = "W")
lws <- nb2listw(include.self(lw$neighbours), style = "W")
tm <- function(expr) { t0 <- proc.time()[["elapsed"]]; force(expr); proc.time()[["elapsed"]] - t0 }
set.seed(1)
t1 <- tm(m <- moran.test(v, lw))
t2 <- tm(moran.mc(v, lw, nsim = 999))
t3 <- tm(localmoran_perm(v, lw, nsim = 999))
t4 <- tm(localG_perm(v, lws, nsim = 999))
cat(sprintf("moran %.3f moran_mc999 %.3f localmoran_perm999 %.3f localG_perm999 %.3f I %.15f\n", t1, t2, t3, t4, m$estimate[1]))
