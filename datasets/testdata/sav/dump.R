# Dumps the SPSS test files to CSV with R's foreign::read.spss, an
# independent reader, for TestSavAgainstR. Run in this directory:
#   Rscript dump.R
# User-missing values become NA (use.missings = TRUE), as do
# system-missing ones; numbers are written with 17 significant digits,
# strings without their trailing blanks.
library(foreign)
files <- c("umfrage_comp.sav", "umfrage_uncomp.sav", "umfrage_be.sav", "cp1252.sav", "klein_comp.sav")
for (f in files) {
  if (!file.exists(f)) next
  d <- suppressWarnings(read.spss(f, to.data.frame = FALSE, use.value.labels = FALSE,
                                  use.missings = TRUE, reencode = TRUE))
  # read.spss imports each 255-byte segment of a very long string as a
  # variable of its own (LANGTE_A after Langtext): join them again.
  if ("LANGTE_A" %in% names(d)) {
    d$Langtext <- paste0(d$Langtext, d$LANGTE_A)
    d$LANGTE_A <- NULL
  }
  out <- list()
  for (n in names(d)) {
    x <- d[[n]]
    if (is.numeric(x)) {
      out[[n]] <- ifelse(is.na(x), "NA", sprintf("%.17g", x))
    } else {
      out[[n]] <- sub(" +$", "", enc2utf8(as.character(x)))
    }
  }
  write.csv(as.data.frame(out, check.names = FALSE), paste0(f, ".R.csv"),
            row.names = FALSE, fileEncoding = "UTF-8")
}
