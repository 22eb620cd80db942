package lang

// german maps each English format string to its German translation.
// Verbs (%d, %s, %q, %.1f …) keep their order; numbers are formatted by
// the printer (1.234,5). Keep the entries sorted by key.
var german = map[string]string{
	"%d files written to %s": "%d Dateien geschrieben nach %s",
}
