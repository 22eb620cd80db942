package lang

// germanSmallArea holds the German texts of the smallarea package's errors and notes;
// build merges it with germanErrors. Keep the entries sorted by key.
var germanSmallArea = map[string]string{}
