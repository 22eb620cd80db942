package lang

// germanSurvey holds the German texts of the survey package's errors and notes;
// build merges it with germanErrors. Keep the entries sorted by key.
var germanSurvey = map[string]string{
	"%d auxiliary variables for %d population totals":                            "%d Hilfsvariablen für %d Gesamtwerte der Grundgesamtheit",
	"an auxiliary variable has %d values for %d rows":                            "eine Hilfsvariable hat %d Werte für %d Zeilen",
	"calibration did not converge in %d iterations (largest relative misfit %v)": "die Kalibrierung konvergierte nicht in %d Iterationen (größte relative Abweichung %v)",
	"every weight is outside [%v, %v]":                                           "jedes Gewicht liegt außerhalb von [%v, %v]",
	"group %q has a population count but no row in the sample":                   "Gruppe %q hat eine Anzahl in der Grundgesamtheit, aber keine Zeile in der Stichprobe",
	"group %q is in the sample but has no positive population count":             "Gruppe %q ist in der Stichprobe, hat aber keine positive Anzahl in der Grundgesamtheit",
	"raking needs at least one margin":                                           "Raking braucht mindestens eine Randverteilung",
	"row %d has the weight %v: sampling weights must be positive numbers":        "Zeile %d hat das Gewicht %v: Designgewichte müssen positive Zahlen sein",
	"stratum %q has %d PSUs in the sample but a population of %v":                "Schicht %q hat %d PSUs in der Stichprobe, aber eine Grundgesamtheit von %v",
	"stratum %q has only one PSU: its variance cannot be estimated (say how to treat it: lonely_psu remove, certainty, adjust or average, as R's survey.lonely.psu)": "Schicht %q hat nur eine PSU: ihre Varianz lässt sich nicht schätzen (sagen Sie, wie sie zu behandeln ist: lonely_psu remove, certainty, adjust oder average, wie survey.lonely.psu in R)",
	"the auxiliary variables are collinear: %v":                     "die Hilfsvariablen sind kollinear: %v",
	"the clusters have %d entries for %d rows":                      "die Klumpen haben %d Einträge für %d Zeilen",
	"the confidence level %v is not between 0 and 1":                "das Konfidenzniveau %v liegt nicht zwischen 0 und 1",
	"the domain has %d entries for %d rows":                         "die Domäne hat %d Einträge für %d Zeilen",
	"the finite population correction %v is not a positive number":  "die Endlichkeitskorrektur %v ist keine positive Zahl",
	"the finite population correction varies within stratum %q":     "die Endlichkeitskorrektur ist innerhalb der Schicht %q nicht gleich",
	"the finite population corrections have %d entries for %d rows": "die Endlichkeitskorrekturen haben %d Einträge für %d Zeilen",
	"the lower bound %v exceeds the upper bound %v":                 "die untere Grenze %v ist größer als die obere Grenze %v",
	"the post-strata have %d entries for %d rows":                   "die Nachschichten haben %d Einträge für %d Zeilen",
	"the sample has no rows":                                        "die Stichprobe hat keine Zeilen",
	"the strata have %d entries for %d rows":                        "die Schichten haben %d Einträge für %d Zeilen",
	"the variable has %d values for %d rows":                        "die Variable hat %d Werte für %d Zeilen",
	"unknown interval method %d":                                    "unbekannte Intervallmethode %d",
}
