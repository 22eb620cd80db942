// Package report writes what goes into the plan document: maps, charts
// and tables, and the manifest that says what they were made from.
//
// Figures are drawn once on gonum/plot's vector canvas and written as
// SVG (text stays text, Liberation Sans embedded, so umlauts render the
// same everywhere) and as PNG at 300 dpi with the resolution recorded in
// the file, so that a word processor places it at its intended size.
// Every text a reader sees exists in German and English, and numbers
// follow the chosen language's convention (1.234,5 or 1,234.5).
//
// Outputs are written into a staging folder beside the target and moved
// into place only when everything succeeded (see Staging): a failed run
// leaves yesterday's output as it was. Nothing written carries a time
// stamp, so the same inputs give the same bytes.
package report
