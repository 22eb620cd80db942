package plan

import "fmt"

// Error is a problem in the plan file, with the line it is on.
type Error struct {
	File string
	Line int // 0 if the problem concerns the whole plan
	Msg  string
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.File, e.Msg)
}

// BadInput reports that the error is the user's to fix: the command line
// exits with code 2.
func (e *Error) BadInput() bool { return true }
