package plan

import (
	"math"
	"sort"
	"strconv"
	"strings"
)

// checkAnswers refuses answers an item cannot be estimated from without
// saying so: a value that looks like a code for "no answer" (9, 99, 999,
// or a negative code, apart from the other answers) where the plan
// declares no codes for the survey — it would be counted as an answer —
// and a top value or category no respondent gave, which would publish 0
// % everywhere.
func (r *runner) checkAnswers(run *surveyRun, c *surveyItemCheck, x []float64) error {
	s := run.spec
	count := map[float64]int{}
	for _, v := range x {
		if !math.IsNaN(v) {
			count[v]++
		}
	}
	var values []float64
	for v := range count {
		values = append(values, v)
	}
	sort.Float64s(values)
	if s.Missing == nil {
		if code, ok := suspectCode(values); ok {
			return errAt(r.c.plan.File, c.line, "survey %q: item %q: column %q has the answers %s: %g (%d respondents) looks like a code for no answer; declare it with missing: [%q], or, if it is an answer, say that the survey has no codes with missing: []",
				run.name, c.name, c.column, answerList(values), code, count[code], strconv.FormatFloat(code, 'g', -1, 64))
		}
	}
	if c.kind == "mean" || len(values) == 0 {
		return nil
	}
	for _, v := range values {
		if c.kind == "top" && v >= c.at || c.kind == "category" && v == c.at {
			return nil
		}
	}
	if c.kind == "top" {
		return errAt(r.c.plan.File, c.line, "survey %q: item %q: top %g: no respondent answered %g or more (the answers in column %q: %s); check the item's top", run.name, c.name, c.at, c.at, c.column, answerList(values))
	}
	return errAt(r.c.plan.File, c.line, "survey %q: item %q: category %g: no respondent answered %g (the answers in column %q: %s); check the item's category", run.name, c.name, c.at, c.at, c.column, answerList(values))
}

// suspectCode finds a value that looks like a code for "no answer"
// among integer answers: the largest, if it is 9, 99 or 999 and at least
// 2 above the next, or the smallest, if negative while the others are
// not.
func suspectCode(values []float64) (float64, bool) {
	n := len(values)
	if n < 2 {
		return 0, false
	}
	for _, v := range values {
		if v != math.Trunc(v) {
			return 0, false
		}
	}
	top, next := values[n-1], values[n-2]
	if (top == 9 || top == 99 || top == 999) && top-next >= 2 {
		return top, true
	}
	if values[0] < 0 && values[1] >= 0 {
		return values[0], true
	}
	return 0, false
}

// answerList writes the distinct answers, at most twelve.
func answerList(values []float64) string {
	var parts []string
	for i, v := range values {
		if i == 12 {
			parts = append(parts, "…")
			break
		}
		parts = append(parts, strconv.FormatFloat(v, 'g', -1, 64))
	}
	return strings.Join(parts, ", ")
}
