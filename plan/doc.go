// Package plan reads a planatlas plan and runs it.
//
// A plan is a YAML document a planner reads and reviews like any other
// document: the planning areas' geometry (areas) and neighbourhoods
// (weights), which files to read and how (inputs: tables, geometry
// attributes, points, Zensus grids), which variables to take from them
// (variables), which indicators to compute (catalog, indicators), which
// composite indices to build (indices: z-sums, MSS, SVI, IMD, PCA), the
// plan's goals (goals), which values get spatial statistics (spatial),
// and which maps, charts, tables and report to write (outputs).
// Everything the engine computes is declared there; nothing depends on
// code paths a planner cannot see.
//
// Parse is strict: an unknown or misspelt field is an error naming its
// line and the field it probably meant, because a silently ignored
// "weigth:" changes every number downstream. Validate then checks every
// name before anything runs: files, columns, variables in formulas,
// indicators in indices and outputs. Run carries out the flow of
// docs/design.md (datasets → geo → indicators → analysis → report) and
// writes the outputs atomically.
package plan
