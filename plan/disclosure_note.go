package plan

import "fmt"

// disclosureWarning says, in the run's language, that disclosure control
// is off or weaker than official statistics' usual threshold of 3: every
// run with such a plan says so on the terminal, in manifest.json and at
// the top of report.html, so that nobody publishes small counts without
// having decided to.
func disclosureWarning(threshold int, lang string) string {
	switch {
	case threshold >= 3:
		return ""
	case threshold <= 1:
		if lang == "en" {
			return fmt.Sprintf("disclosure control is off (disclosure: threshold: %d): counts of 1 and 2 are published; check the tables before publishing them", threshold)
		}
		return fmt.Sprintf("Geheimhaltung ausgeschaltet (disclosure: threshold: %d): Fallzahlen von 1 und 2 werden veröffentlicht; Tabellen vor der Veröffentlichung prüfen", threshold)
	default:
		if lang == "en" {
			return fmt.Sprintf("disclosure control is weakened (disclosure: threshold: %d): counts of %d and more are published; the usual threshold is 3", threshold, threshold)
		}
		return fmt.Sprintf("Geheimhaltung abgeschwächt (disclosure: threshold: %d): Fallzahlen ab %d werden veröffentlicht; üblich ist 3", threshold, threshold)
	}
}
