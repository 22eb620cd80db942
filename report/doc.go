// Package report writes what goes into the plan document: maps, charts,
// tables, the HTML report with its area profiles, and the manifest that
// says what they were made from.
//
// Figures are drawn once on gonum/plot's vector canvas and written as
// SVG (text stays text, Liberation Sans embedded, so umlauts render the
// same everywhere), as PNG at 300 dpi with the resolution recorded in
// the file, so that a word processor places it at its intended size, and
// as PDF (text re-encoded for gonum/plot's PDF fonts, which would
// otherwise garble umlauts). Every text a reader sees exists in German
// and English, and numbers follow the chosen language's convention
// (1.234,5 or 1,234.5).
//
// The HTML report (WriteHTML) is one self-contained file: inline SVG and
// CSS, no script and no request leaving the file; every figure carries a
// text alternative and its data table, and print CSS gives each area's
// profile its own A4 pages.
//
// Outputs are written into a staging folder beside the target and moved
// into place only when everything succeeded (see Staging): a failed run
// leaves yesterday's output as it was. Nothing written carries a time
// stamp, so the same inputs give the same bytes.
package report
