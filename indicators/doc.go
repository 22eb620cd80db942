// Package indicators computes indicators from the variables of a Panel:
// formulas such as 100 * sgb2 / einwohner_unter65, each with a unit, a
// direction (does a higher value mean more need or less?) and labels in
// German and English.
//
// Definitions are data, not code: a formula is text from the plan,
// parsed by expr-lang's parser and evaluated here column by column over
// the Panel, so that a missing input gives a missing result with the
// input's flag, and a denominator of zero gives a value marked "not
// meaningful" (x) instead of an infinity. Every name in a formula is
// checked before anything is computed, with its position in the formula.
//
// Reference values follow the rule of official statistics: the value of
// a rate for the whole city (or a district) is Σnumerator / Σdenominator,
// never the mean of the areas' rates; a count is the sum of the areas'
// values; variables that are not counts (hot days, shares) say how they
// aggregate: as a mean, optionally weighted by another variable. The
// formula's Kind decides which (Reference), each over the areas that
// have a value, with the share of the unit they cover.
//
// The embedded catalog (catalog.yaml, LoadCatalog) holds the standard
// indicators of a social plan in themes with headings in both languages;
// each entry names its kind and the published definition it follows, or
// says it is a municipal convention (docs/methods.md section 14).
package indicators
