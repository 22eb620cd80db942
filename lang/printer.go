package lang

import (
	"errors"

	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/message/catalog"
)

// Printer renders messages in one language: "de" or "en".
type Printer struct {
	lang string
	p    *message.Printer
}

// cat is the catalog: built once from the tables of this package and
// never changed after, so sharing it between runs shares no state.
var cat = build()

func build() catalog.Catalog {
	b := catalog.NewBuilder(catalog.Fallback(language.English))
	seen := map[string]bool{}
	set := func(key, de string) {
		seen[key] = true
		if err := b.SetString(language.German, key, de); err != nil {
			panic("lang: the German catalog entry for " + key + ": " + err.Error())
		}
	}
	for _, table := range []map[string]string{german, germanTables} {
		for key, de := range table {
			if seen[key] {
				panic("lang: the German catalog has two entries for " + key)
			}
			set(key, de)
		}
	}
	for _, table := range []map[string]string{germanErrors, germanSav, germanSurvey, germanSmallArea, germanMeasures} {
		for key, de := range table {
			if !seen[key] { // a note's text and an error's may be the same: one translation
				set(key, de)
			}
		}
	}
	for key, f := range plurals {
		en := plural.Selectf(1, "%d", "one", f.enOne, "other", f.en)
		de := plural.Selectf(1, "%d", "one", f.deOne, "other", f.de)
		if err := b.Set(language.English, key, en); err != nil {
			panic("lang: the English plural entry for " + key + ": " + err.Error())
		}
		if err := b.Set(language.German, key, de); err != nil {
			panic("lang: the German plural entry for " + key + ": " + err.Error())
		}
	}
	return b
}

// New returns the printer for "de" or "en"; anything else is German, the
// language of planatlas's users.
func New(lang string) *Printer {
	tag := language.German
	if lang == "en" {
		tag = language.English
	} else {
		lang = "de"
	}
	return &Printer{lang: lang, p: message.NewPrinter(tag, message.Catalog(cat))}
}

// Lang returns "de" or "en".
func (p *Printer) Lang() string { return p.lang }

// Sprintf renders an English format string in the printer's language,
// with numbers in its format.
func (p *Printer) Sprintf(format string, args ...any) string {
	return p.p.Sprintf(format, p.localArgs(args)...)
}

// Value renders a value of a table's text column of the given kind
// ("flag", "trend", … see catalog_de_tables.go): in an English run the
// English value as it is; in a German run its German translation, or the
// value itself where the catalog has none (names, keys, codes of the
// plan).
func (p *Printer) Value(kind, value string) string {
	if p.lang == "en" || value == "" {
		return value
	}
	if de, ok := germanTables[kind+": "+value]; ok {
		return de
	}
	return value
}

// Message renders a message in the printer's language. Its arguments
// that are texts themselves — Messages, Localizers, errors that are or
// wrap a Localizer — are rendered in the same language first.
func (p *Printer) Message(m Message) string { return p.Sprintf(m.Format, m.Args...) }

// Error renders an error in the printer's language: the first error of
// its chain that is a Localizer renders itself; any other error is
// written as it is (in English).
func (p *Printer) Error(err error) string {
	if err == nil {
		return ""
	}
	var l Localizer
	if errors.As(err, &l) {
		return l.Localize(p)
	}
	return err.Error()
}

// Messages renders messages in the printer's language, one string each.
func (p *Printer) Messages(ms []Message) []string {
	out := make([]string, len(ms))
	for i, m := range ms {
		out[i] = p.Message(m)
	}
	return out
}
