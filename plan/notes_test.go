package plan

import "planatlas/lang"

// noteTexts renders a run's notes in English, the language the tests
// compare them in.
func noteTexts(ms []lang.Message) []string { return lang.New("en").Messages(ms) }
