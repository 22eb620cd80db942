package lang

import (
	"errors"

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
	for key, de := range germanErrors {
		if _, ok := german[key]; ok {
			continue // german has it too: its text wins
		}
		if err := b.SetString(language.German, key, de); err != nil {
			panic("lang: the German catalog entry for " + key + ": " + err.Error())
		}
	}
	for key, de := range german {
		if err := b.SetString(language.German, key, de); err != nil {
			panic("lang: the German catalog entry for " + key + ": " + err.Error())
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
	return p.p.Sprintf(format, args...)
}

// Message renders a message in the printer's language. Its arguments
// that are texts themselves — Messages, Localizers, errors that are or
// wrap a Localizer — are rendered in the same language first.
func (p *Printer) Message(m Message) string {
	return p.p.Sprintf(m.Format, p.localArgs(m.Args)...)
}

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
