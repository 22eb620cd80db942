# Times R sf + spdep on a planatlas benchmark grid:
#   Rscript contiguity.R grid.geojson
# prints "read <seconds> queen <seconds> rook <seconds> links <n>".
suppressPackageStartupMessages({ library(sf); library(spdep) })
sf_use_s2(FALSE)
f <- commandArgs(trailingOnly = TRUE)[1]
t0 <- proc.time()[["elapsed"]]
x <- st_read(f, quiet = TRUE)
t1 <- proc.time()[["elapsed"]]
q <- poly2nb(x, queen = TRUE)
t2 <- proc.time()[["elapsed"]]
r <- poly2nb(x, queen = FALSE)
t3 <- proc.time()[["elapsed"]]
cat(sprintf("read %.3f queen %.3f rook %.3f links %d\n", t1 - t0, t2 - t1, t3 - t2, sum(card(q))))
