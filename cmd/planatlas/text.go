package main

import "planatlas/lang"

// printerFor returns the printer of a command's language: --lang if
// given, else the plan's, else German.
func printerFor(flag, planLang string) *lang.Printer {
	if flag == "" {
		flag = planLang
	}
	return lang.New(flag)
}

func (e geometryErrors) Error() string { return e.Localize(lang.New(e.lang)) }

// Localize says how many errors there are in the printer's language.
func (e geometryErrors) Localize(p *lang.Printer) string {
	return p.Sprintf("%s: %s; the areas cannot be used as they are", e.file, p.Sprintf("%d errors", e.n))
}
