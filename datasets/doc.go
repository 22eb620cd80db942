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
// Survey institutes deliver their microdata as SPSS system files (.sav,
// .zsav): one case per respondent with the respondent's planning area,
// weight, strata and items. ReadSav reads them without SPSS or R, in
// every compression (none, bytecode, ZSAV) and byte order, with the
// dictionary (labels, value labels, user-missing values, measurement
// levels, weight, encoding) beside the Table. A numeric area key is read
// as SPSS prints it, so that a key of format N4 keeps its leading zero;
// user-missing and system-missing values are missing values with a
// Flag. The format is undocumented by its owner; the reader follows the
// GNU PSPP Developers Guide ("System File Format") and checks every
// count and length against the file's size, as the Parquet reader does.
// A label or missing-value record that contradicts the variable records
// (value labels on a continuation, on both numeric and string variables,
// on a string too long for them) makes the file damaged; an optional
// record about a variable the file does not have is ignored and noted
// in the dictionary.
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
