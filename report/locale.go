package report

import (
	"math"
	"strings"

	"planatlas/datasets"
	"planatlas/lang"
)

// Locale is the language of a report: its texts and its number format.
type Locale struct {
	Lang string // "de" or "en"
}

// NewLocale returns the locale for "de" or "en"; anything else is German.
func NewLocale(lang string) Locale {
	if lang == "en" {
		return Locale{Lang: "en"}
	}
	return Locale{Lang: "de"}
}

// Message renders a message in the locale's language.
func (l Locale) Message(m lang.Message) string { return lang.New(l.Lang).Message(m) }

// Decimal returns the locale's decimal convention.
func (l Locale) Decimal() datasets.Decimal {
	if l.Lang == "en" {
		return datasets.DecimalPoint
	}
	return datasets.DecimalComma
}

// Number formats v for reading: thousands grouped, a typographic minus
// sign, the given number of decimals.
func (l Locale) Number(v float64, decimals int) string {
	if math.IsNaN(v) {
		return "–"
	}
	s := datasets.FormatNumber(v, decimals, l.Decimal(), true)
	return strings.Replace(s, "-", "−", 1)
}

// T returns a fixed text of the report in the locale's language.
func (l Locale) T(key string) string {
	t, ok := texts[key]
	if !ok {
		return key
	}
	if l.Lang == "en" {
		return t[1]
	}
	return t[0]
}

var texts = map[string][2]string{
	"source":       {"Datenquelle", "Source"},
	"own":          {"eigene Berechnung", "own calculation"},
	"nodata":       {"keine Angabe", "no data"},
	"pyramid_axis": {"Anteil an den Einwohnern in %", "share of the residents in %"},
	"confidential": {"geheim (.)", "confidential (.)"},
	"uncertain":    {"Aussagewert eingeschränkt", "limited reliability"},
	"unreliable":   {"nicht sicher genug (/)", "not reliable enough (/)"},
	"upto":         {"bis", "up to"},
	"over":         {"über", "over"},
	"to":           {"bis", "to"},
	"city":         {"Stadt", "City"},
	"quantile":     {"Quantile", "quantiles"},
	"equal":        {"gleiche Intervalle", "equal intervals"},
	"fisher":       {"natürliche Brüche (Fisher-Jenks)", "natural breaks (Fisher–Jenks)"},
	"stdmean":      {"Mittelwert ± Standardabweichung", "mean ± standard deviation"},
	"box":          {"Boxplot-Grenzen", "box plot"},
	"headtails":    {"Head/Tail-Brüche", "head/tail breaks"},
	"maximum":      {"größte Lücken", "maximum breaks"},
	"manual":       {"feste Grenzen", "fixed bounds"},
	"diverging":    {"Quantile unter und über dem Stadtwert", "quantiles below and above the city's value"},
	"classes":      {"Klassen", "classes"},
	"rank":         {"Rang", "Rank"},
	"notranked":    {"ohne Rang (fehlende Angaben)", "not ranked (missing data)"},
	"higherneed":   {"höherer Wert = höherer Bedarf", "higher value = more need"},
	"lowerneed":    {"niedrigerer Wert = höherer Bedarf", "lower value = more need"},
}
