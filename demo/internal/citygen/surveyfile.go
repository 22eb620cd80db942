package citygen

import "strconv"

// surveyFile lays the respondents out as the SPSS file a survey institute
// would deliver: the area key as a numeric N4 variable (so that 101 is
// shown as "0101" and a reader must use the print format to keep the
// leading zero), labelled codes, 9 as user-missing "keine Angabe", and
// the design weight.
func surveyFile(areas []area, rs []respondent, weight func(respondent) float64) *savFile {
	col := func(f func(i int, r respondent) float64) []float64 {
		v := make([]float64, len(rs))
		for i, r := range rs {
			v[i] = f(i, r)
		}
		return v
	}
	key := func(s string) float64 { n, _ := strconv.Atoi(s); return float64(n) }
	item := func(k int) []float64 { return col(func(_ int, r respondent) float64 { return r.answers[k] }) }
	f0, n2, n4, f6 := savFormat{savFmtF, 1, 0}, savFormat{savFmtN, 2, 0}, savFormat{savFmtN, 4, 0}, savFormat{savFmtF, 6, 0}
	satisfaction := withNoAnswer("sehr unzufrieden", "eher unzufrieden", "teils, teils", "eher zufrieden", "sehr zufrieden")
	agreement := withNoAnswer("trifft gar nicht zu", "trifft eher nicht zu", "teils, teils", "trifft eher zu", "trifft voll zu")
	miss := []float64{noAnswer}
	return &savFile{
		label: "Familienbefragung Musterstadt 2024 (synthetisch)",
		vars: []savVar{
			{name: "lfd_nr", short: "LFD_NR", label: "Laufende Nummer", format: f6, measure: measureNominal,
				values: col(func(i int, _ respondent) float64 { return float64(i + 1) })},
			{name: "Planungsraum", short: "PLANUNGS", label: "Planungsraum", format: n4, measure: measureNominal,
				values: col(func(_ int, r respondent) float64 { return key(areas[r.area].key) })},
			{name: "Bezirk", short: "BEZIRK", label: "Bezirk", format: n2, measure: measureNominal,
				values: col(func(_ int, r respondent) float64 { return key(areas[r.area].districtKey) })},
			{name: "Gewicht", short: "GEWICHT", label: "Designgewicht", format: savFormat{savFmtF, 8, 3}, measure: measureScale,
				values: col(func(_ int, r respondent) float64 { return weight(r) })},
			{name: "Geschlecht", short: "GESCHLEC", label: "Geschlecht", format: f0, measure: measureNominal,
				labels: []savLabel{{1, "männlich"}, {2, "weiblich"}},
				values: col(func(_ int, r respondent) float64 { return float64(r.sex + 1) })},
			{name: "Altersgruppe", short: "ALTERSGR", label: "Altersgruppe", format: f0, measure: measureOrdinal,
				labels: []savLabel{{1, "18–29"}, {2, "30–44"}, {3, "45–64"}},
				values: col(func(_ int, r respondent) float64 { return float64(r.ageGroup + 1) })},
			{name: "F01_Kita", short: "F01_KITA", label: "Zufriedenheit mit der Kinderbetreuung im Wohnumfeld", format: f0,
				measure: measureOrdinal, labels: satisfaction, missing: miss, values: item(0)},
			{name: "F02_Spiel", short: "F02_SPIE", label: "Zufriedenheit mit Spiel- und Freizeitflächen", format: f0,
				measure: measureOrdinal, labels: satisfaction, missing: miss, values: item(1)},
			{name: "F03_Sicher", short: "F03_SICH", label: "Ich fühle mich in meinem Wohnumfeld sicher", format: f0,
				measure: measureOrdinal, labels: agreement, missing: miss, values: item(2)},
			{name: "F04_Belastung", short: "F04_BELA", label: "Finanzielle Belastung des Haushalts durch Kinderkosten", format: f0,
				measure: measureNominal, labels: withNoAnswer("ja", "nein"), missing: miss, values: item(3)},
			{name: "F05_Kinder", short: "F05_KIND", label: "Kinder unter 18 im Haushalt", format: f0,
				measure: measureScale, values: item(4)},
		},
	}
}

// withNoAnswer labels the codes 1, 2, … with the texts and 9 with
// "keine Angabe".
func withNoAnswer(texts ...string) []savLabel {
	l := make([]savLabel, 0, len(texts)+1)
	for i, t := range texts {
		l = append(l, savLabel{float64(i + 1), t})
	}
	return append(l, savLabel{noAnswer, "keine Angabe"})
}
