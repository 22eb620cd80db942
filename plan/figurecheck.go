package plan

import "fmt"

// checkFigures checks what the figures ask of the data before anything
// is drawn, so that validate (a dry run, which draws nothing) finds the
// same mistakes as run: a map cannot have more classes than its values
// have distinct values.
func (r *runner) checkFigures() error {
	for _, m := range r.c.maps {
		v := r.value(m.Value)
		pool := v.values
		if m.AllYears && v.all != nil {
			pool = v.all
		}
		if m.asked && m.Method != "manual" {
			if d := distinctCount(pool); d < m.Classes {
				return &Error{File: r.c.plan.File, Line: m.Line, Msg: fmt.Sprintf("map %q: %d classes asked, but the values take only %d distinct value(s); ask for at most %d classes", m.Value, m.Classes, d, max(d, 2))}
			}
		}
	}
	return nil
}
