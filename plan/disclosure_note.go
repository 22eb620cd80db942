package plan

import "planatlas/lang"

// disclosureWarning says that disclosure control is off or weaker than
// official statistics' usual threshold of 3: every run with such a plan
// says so on the terminal, in manifest.json and at the top of
// report.html, so that nobody publishes small counts without having
// decided to.
func disclosureWarning(threshold int) lang.Message {
	switch {
	case threshold >= 3:
		return lang.Message{}
	case threshold <= 1:
		return lang.M("disclosure control is off (disclosure: threshold: %d): counts of 1 and 2 are published; check the tables before publishing them", threshold)
	default:
		return lang.M("disclosure control is weakened (disclosure: threshold: %d): counts of %d and more are published; the usual threshold is 3", threshold, threshold)
	}
}
