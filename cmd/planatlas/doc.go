// Command planatlas computes indicators, indices and rankings for
// planning areas and writes maps, charts and tables for a social plan.
//
//	planatlas run [PLAN] [--out DIR] [--lang de|en]
//	planatlas validate PLAN
//	planatlas init DIR
//
// Without a plan, run uses the embedded demo city Musterstadt. Exit
// codes: 0 success, 1 the run failed, 2 bad usage or bad input (the
// message names file, line and field).
//
// This package only turns flags into a plan run; everything else lives
// in package plan.
package main
