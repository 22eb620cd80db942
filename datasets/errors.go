package datasets

import "fmt"

// InputError is a problem with an input file that the user must fix: a
// value that is not a number, a duplicate row, a missing column. Its
// message names the file, the line (or row) and the column.
type InputError struct {
	File   string // file name as the user gave it
	Line   int    // 1-based line (CSV) or row (Parquet, Arrow); 0 if the problem has no line
	Column string // column name; "" if the problem has no column
	Msg    string // what is wrong, with the offending text quoted
	row    bool   // Line counts data rows, not text lines
	unit   string // what a row is called where row is set: "row" if ""
}

func (e *InputError) Error() string {
	loc := e.File
	if e.Line > 0 {
		if e.row {
			unit := e.unit
			if unit == "" {
				unit = "row"
			}
			loc = fmt.Sprintf("%s: %s %d", e.File, unit, e.Line)
		} else {
			loc = fmt.Sprintf("%s:%d", e.File, e.Line)
		}
	}
	if e.Column != "" {
		return fmt.Sprintf("%s: column %q: %s", loc, e.Column, e.Msg)
	}
	return loc + ": " + e.Msg
}

// BadInput reports that the error is caused by the input, not by the
// program; the command line exits with code 2 for such errors.
func (e *InputError) BadInput() bool { return true }
