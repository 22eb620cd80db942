package lang

// germanSurvey holds the German texts of the survey package's errors and notes;
// build merges it with germanErrors. Keep the entries sorted by key.
var germanSurvey = map[string]string{}
