// Package datasets reads the statistical tables a city exports and turns
// them into a Panel: every variable per area and year, laid out on one
// fixed area order.
//
// Municipal exports are rarely tidy. They come from spreadsheets saved as
// CSV with ";" and a decimal comma, from registers in Windows-1252, from
// statistics offices that print "." for a confidential cell and "–" for
// "nothing there". The CSV reader in this package is written for exactly
// these files (arrow-go's reader has neither line numbers in its errors
// nor a decimal comma): it detects the delimiter, the encoding and the
// decimal convention, keeps area keys as strings so that "01" stays "01",
// reads the official placeholder signs as missing values with a Flag
// saying which sign it was, and names file, line, column and the
// offending text in every error.
//
// Parquet and Arrow IPC files are read and written through
// apache/arrow-go: Arrow at the edges, dense []float64 columns inside.
// arrow-go trusts what a file says about itself, so a damaged or hostile
// file could make it allocate terabytes, recurse without end or panic.
// Before arrow-go reads a file, this package checks every count, length
// and offset that arrow-go would act on (parquetcheck.go, thrift.go,
// ipccheck.go, flatbuf.go); what arrow-go still panics on is recovered at
// the readers' entry points. Either way the user gets an *InputError
// naming the file and what is wrong with it.
//
// A Table holds only the columns a plan asks for (key, year, dimensions,
// values), so wide exports with hundreds of columns cost nothing extra.
// A Panel is built from Tables by VariableSpecs: a value column, summed
// over the rows that match dimension filters such as "alter: 65-". The
// Panel checks what a planner cannot see in a spreadsheet: duplicate
// (area, year) rows, areas missing from one table, years missing for one
// area.
//
// This package imports no other package of planatlas.
package datasets
