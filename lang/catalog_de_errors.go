package lang

// germanErrors holds the German texts of the errors a user sees (plan,
// input files, geometry, formulas, the output folder, the command line);
// build merges it with german. Keep the entries sorted by key.
var germanErrors = map[string]string{}
