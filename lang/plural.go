package lang

// plurals are the texts with a count whose words change with it, in
// both languages: the key is the English format string with the count
// as its first verb (%d), used as the plural form ("%d errors"). Keep
// the entries sorted by key.
var plurals = map[string]struct{ enOne, en, deOne, de string }{
	"%d errors":     {"%d error", "%d errors", "%d Fehler", "%d Fehler"},
	"%d files":      {"%d file", "%d files", "%d Datei", "%d Dateien"},
	"%d indicators": {"%d indicator", "%d indicators", "%d Indikator", "%d Indikatoren"},
	"%d indices":    {"%d index", "%d indices", "%d Index", "%d Indizes"},
	"%d inputs":     {"%d input", "%d inputs", "%d Eingabe", "%d Eingaben"},
	"%d variables":  {"%d variable", "%d variables", "%d Variable", "%d Variablen"},
	"%d warnings":   {"%d warning", "%d warnings", "%d Warnung", "%d Warnungen"},
}
