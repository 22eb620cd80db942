package lang

// germanTables holds the German of the values in the tables' text
// columns, which CSV and XLSX write in the reader's language (Parquet,
// Arrow and GeoJSON keep the codes in both languages). A key is the
// column's kind and the value an English run writes, "kind: value", so
// that one English word ("lower": below the city, or a class's lower
// bound) can have two German ones. Printer.Value looks them up. Keep the
// entries sorted by key.
var germanTables = map[string]string{
	// Which bounds of a map's classes belong to the class (classes.csv).
	"bound: both":  "beide",
	"bound: lower": "untere",
	"bound: upper": "obere",

	// A map of a change: the difference or the ratio (classes.csv).
	"change: absolute": "absolut",
	"change: relative": "relativ",

	// LISA clusters (lisa.csv).
	"cluster: HH":    "hoch-hoch (HH)",
	"cluster: HL":    "hoch-niedrig (HL)",
	"cluster: LH":    "niedrig-hoch (LH)",
	"cluster: LL":    "niedrig-niedrig (LL)",
	"cluster: n. s.": "nicht signifikant",

	// Flags, after the official signs of German statistics
	// (Zeichenerklärung); the sign a table shows is in brackets.
	"flag: confidential":     "geheim (.)",
	"flag: division-by-zero": "Division durch null (x)",
	"flag: empty":            "leeres Feld",
	"flag: estimated":        "geschätzt",
	"flag: later":            "Angabe fällt später an (…)",
	"flag: missing-code":     "fehlender Wert (Code)",
	"flag: no-data":          "keine Angabe",
	"flag: not-meaningful":   "Aussage nicht sinnvoll (x)",
	"flag: nothing":          "nichts vorhanden (–)",
	"flag: smoothed":         "geglättet",
	"flag: suppressed":       "gesperrt (.)",
	"flag: uncertain":        "Aussagewert eingeschränkt",
	"flag: unreliable":       "nicht sicher genug (/)",

	// Goals (goals.csv).
	"goal: nearly on track":                       "fast auf Kurs",
	"goal: not assessable (fewer than two years)": "nicht bewertbar (weniger als zwei Jahre)",
	"goal: on track":                              "auf Kurs",
	"goal: reached":                               "erreicht",
	"goal: too slow":                              "zu langsam",
	"goal: wrong direction":                       "falsche Richtung",

	// Measures (measures.csv): their status, and whether they act in an
	// area of high need.
	"measure: dropped":     "entfallen",
	"measure: implemented": "umgesetzt",
	"measure: no":          "nein",
	"measure: planned":     "geplant",
	"measure: postponed":   "verschoben",
	"measure: started":     "begonnen",
	"measure: yes":         "ja",

	// How a map is classified (classes.csv).
	"method: box":       "Boxplot-Grenzen",
	"method: diverging": "Quantile unter und über dem Stadtwert",
	"method: equal":     "gleiche Intervalle",
	"method: fisher":    "natürliche Brüche (Fisher-Jenks)",
	"method: headtails": "Head/Tail-Brüche",
	"method: manual":    "feste Grenzen",
	"method: maximum":   "größte Lücken",
	"method: mss":       "amtliche Klassen (MSS)",
	"method: quantile":  "Quantile",
	"method: stdmean":   "Mittelwert ± Standardabweichung",

	// Which values mean more need (the indicator catalog).
	"need: higher": "höher = Bedarf",
	"need: lower":  "niedriger = Bedarf",
	"need: none":   "keine (beschreibend)",

	// The sheets of tables.xlsx (at most 31 characters).
	"sheet: areas":      "Planungsräume",
	"sheet: backtest":   "Rückrechnung",
	"sheet: classes":    "Klassen",
	"sheet: crosswalk":  "Umschlüsselung",
	"sheet: goals":      "Ziele",
	"sheet: indicators": "Indikatoren",
	"sheet: lisa":       "LISA",
	"sheet: projection": "Vorausberechnung",
	"sheet: ranking":    "Rangfolge",
	"sheet: spatial":    "Raumstatistik",
	"sheet: trends":     "Trends",
	"sheet: variables":  "Variablen",

	// Global spatial statistics (spatial.csv).
	"statistic: General G":                                "General G",
	"statistic: Geary's C":                                "Geary's C",
	"statistic: Moran's I":                                "Moran's I",
	"statistic: Moran's I of EB-standardised rates":       "Moran's I der EB-standardisierten Raten",
	"statistic: joins between different quintile classes": "Verbindungen zwischen verschiedenen Quintilklassen",

	// Trend classes (trends.csv).
	"trend: falling": "fallend",
	"trend: rising":  "steigend",
	"trend: stable":  "stabil",

	// A share significantly above or below the city's (indicators.csv).
	"versus: higher": "über Stadt",
	"versus: lower":  "unter Stadt",

	// All ages, in backtest.csv.
	"age: all": "alle",

	// The scenarios of a population projection (projection.csv).
	"scenario: base":    "Basis",
	"scenario: high":    "hohe Wanderung",
	"scenario: housing": "mit Wohnungsbau",
	"scenario: low":     "niedrige Wanderung",

	// Whether a value moved from an older layer of planning areas is
	// exact or estimated (crosswalk.csv).
	"rebased: estimated": "geschätzt",
	"rebased: exact":     "genau",

	// Yes and no in a table.
	"yes: yes": "ja",

	// The survey estimates' publication and method (survey.csv).
	"method: Fay–Herriot":          "Fay–Herriot",
	"method: direct":               "direkt",
	"method: spatial Fay–Herriot":  "räumliches Fay–Herriot",
	"method: synthetic":            "synthetisch (ohne verwendbare direkte Schätzung)",
	"quality: limited reliability": "Aussagewert eingeschränkt",
	"quality: no respondents":      "keine Befragten",
	"quality: not reliable enough (/): coefficient of variation too high": "nicht sicher genug (/): Variationskoeffizient zu hoch",
	"quality: not reliable enough (/): synthetic only":                    "nicht sicher genug (/): nur synthetisch geschätzt",
	"quality: not reliable enough (/): too few respondents":               "nicht sicher genug (/): zu wenige Befragte",
	"quality: published": "veröffentlicht",
}
