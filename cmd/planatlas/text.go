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
