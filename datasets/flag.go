package datasets

import "strings"

// Flag says why a value is missing or how it must be read. Flags are bits:
// a derived value carries the union of the flags of the values it was
// computed from, so a rate computed from a confidential count is itself
// marked confidential.
type Flag uint16

// Reasons for a missing value, as read from the official signs of German
// statistics (Zeichenerklärung) or found while building the Panel.
const (
	Confidential  Flag = 1 << iota // "." Geheimhaltung: the source withheld the value
	Nothing                        // "–" or "-": nichts vorhanden
	NotMeaningful                  // "x": Aussage nicht sinnvoll
	Empty                          // an empty cell
	Later                          // "…" or "...": Angabe fällt später an
	Unreliable                     // "/": Zahlenwert nicht sicher genug
	NoData                         // the table has no row for this area and year
	DivByZero                      // computed with a denominator of zero

	// Flags for values that are present but must be read with care.
	Uncertain  // "(12,3)": Aussagewert eingeschränkt
	Suppressed // computed, but hidden in outputs by disclosure control
	Estimated  // estimated, not counted
	Smoothed   // smoothed (for example by empirical Bayes)

	// SourceMissing: the source wrote a missing-value code that the plan
	// declares (missing: [-9999]), such as -9999 for areas below a
	// minimum population. Kept apart from the official signs, from
	// values hidden by disclosure control and from divisions by zero.
	SourceMissing
)

// Missing is the set of flags that mean "there is no value".
const Missing = Confidential | Nothing | NotMeaningful | Empty | Later | Unreliable | NoData | DivByZero | SourceMissing

var flagCodes = [...]struct {
	f    Flag
	code string
}{
	{Confidential, "confidential"},
	{Nothing, "nothing"},
	{NotMeaningful, "not-meaningful"},
	{Empty, "empty"},
	{Later, "later"},
	{Unreliable, "unreliable"},
	{NoData, "no-data"},
	{DivByZero, "division-by-zero"},
	{Uncertain, "uncertain"},
	{Suppressed, "suppressed"},
	{Estimated, "estimated"},
	{Smoothed, "smoothed"},
	{SourceMissing, "missing-code"},
}

// String returns the flag's codes joined by "+", for example
// "confidential" or "uncertain+smoothed"; the empty string for no flag.
// The codes are stable and meant for machine-readable outputs.
func (f Flag) String() string {
	if f == 0 {
		return ""
	}
	var b strings.Builder
	for _, c := range flagCodes {
		if f&c.f != 0 {
			if b.Len() > 0 {
				b.WriteByte('+')
			}
			b.WriteString(c.code)
		}
	}
	return b.String()
}

// Sign returns the official sign a table shows in place of a missing or
// hidden value: "." for confidential and suppressed values, "–" for
// nothing there, "x" for not meaningful (including division by zero),
// "…" for values to come later, "/" for unreliable ones. It returns ""
// for an empty cell, for no data, for a declared missing-value code and
// for values that are present.
func (f Flag) Sign() string {
	switch {
	case f&(Confidential|Suppressed) != 0:
		return "."
	case f&Nothing != 0:
		return "–"
	case f&(NotMeaningful|DivByZero) != 0:
		return "x"
	case f&Later != 0:
		return "…"
	case f&Unreliable != 0:
		return "/"
	}
	return ""
}
