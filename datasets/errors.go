package datasets

import (
	"fmt"

	"planatlas/lang"
)

// InputError is a problem with an input file that the user must fix: a
// value that is not a number, a duplicate row, a missing column. Its
// message names the file, the line (or row) and the column.
type InputError struct {
	File   string       // file name as the user gave it
	Line   int          // 1-based line (CSV) or row (Parquet, Arrow); 0 if the problem has no line
	Column string       // column name; "" if the problem has no column
	Msg    string       // what is wrong, with the offending text quoted (English; if M is empty)
	M      lang.Message // what is wrong, in the reader's language
	row    bool         // Line counts data rows, not text lines
	unit   string       // what a row is called where row is set: "row" if ""
}

func (e *InputError) Error() string { return e.text(nil) }

// Localize renders the error in the printer's language.
func (e *InputError) Localize(p *lang.Printer) string { return e.text(p) }

// text renders the error with p, or in English if p is nil.
func (e *InputError) text(p *lang.Printer) string {
	render := func(m lang.Message) string {
		if p == nil {
			return m.String()
		}
		return p.Message(lang.M(m.Format, lang.IntsAsDigits(m.Args)...))
	}
	msg := e.Msg
	if e.M.Format != "" {
		msg = render(e.M)
	}
	loc := e.File
	if e.Line > 0 {
		if e.row {
			unit := e.unit
			if unit == "" {
				unit = "row"
			}
			loc = fmt.Sprintf("%s: %s", e.File, render(lang.M(unit+" %d", lang.Digits(e.Line))))
		} else {
			loc = fmt.Sprintf("%s:%d", e.File, e.Line)
		}
	}
	if e.Column != "" {
		return loc + ": " + render(lang.M("column %q: %s", e.Column, msg))
	}
	return loc + ": " + msg
}

// msgErr returns the error of an English format string; its integers are
// written with digits only (years).
func msgErr(format string, args ...any) error {
	return lang.Errorf(format, lang.IntsAsDigits(args)...)
}

// BadInput reports that the error is caused by the input, not by the
// program; the command line exits with code 2 for such errors.
func (e *InputError) BadInput() bool { return true }
