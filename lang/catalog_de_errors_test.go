package lang

import (
	"regexp"
	"slices"
	"testing"
)

var verb = regexp.MustCompile(`%[-+# 0]*[0-9]*(\.[0-9]+)?[a-zA-Z%]`)

// TestGermanErrorsKeepTheirVerbs checks that each German error text has
// the verbs of its English key, in the same order: a verb lost or
// swapped would print the wrong value or %!s(MISSING).
func TestGermanErrorsKeepTheirVerbs(t *testing.T) {
	for en, de := range errorTexts() {
		if a, b := verb.FindAllString(en, -1), verb.FindAllString(de, -1); !slices.Equal(a, b) {
			t.Errorf("%q: verbs %v, German %q has %v", en, a, de, b)
		}
	}
}

// errorTexts returns the German error texts of every file that holds
// them.
func errorTexts() map[string]string {
	all := map[string]string{}
	for _, table := range []map[string]string{germanErrors, germanSav, germanSurvey, germanSmallArea, germanMeasures} {
		for en, de := range table {
			all[en] = de
		}
	}
	return all
}
