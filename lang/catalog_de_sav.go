package lang

// germanSav holds the German texts of the sav package's errors and notes;
// build merges it with germanErrors. Keep the entries sorted by key.
var germanSav = map[string]string{}
