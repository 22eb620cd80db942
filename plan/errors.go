package plan

import (
	"fmt"
	"strings"

	"planatlas/lang"
)

// Error is a problem in the plan file, with the line it is on. Its text
// is M, rendered in the reader's language (Localize) or in English
// (Error); Msg is an English text for errors built without a Message.
type Error struct {
	File string
	Line int // 0 if the problem concerns the whole plan
	Msg  string
	M    lang.Message
}

// errAt is the error of an English format string on a line of a plan
// file; integers among args are written with digits only (years and line
// numbers: 2024, not 2.024).
func errAt(file string, line int, format string, args ...any) *Error {
	return &Error{File: file, Line: line, M: lang.M(format, lang.IntsAsDigits(args)...)}
}

func (e *Error) text() string {
	if e.M.Format == "" {
		return e.Msg
	}
	return e.M.String()
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.text())
	}
	return fmt.Sprintf("%s: %s", e.File, e.text())
}

// Localize renders the error in the printer's language.
func (e *Error) Localize(p *lang.Printer) string {
	msg := e.Msg
	if e.M.Format != "" {
		msg = p.Message(e.M)
	}
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, msg)
	}
	return fmt.Sprintf("%s: %s", e.File, msg)
}

// BadInput reports that the error is the user's to fix: the command line
// exits with code 2.
func (e *Error) BadInput() bool { return true }

// msgList is a list of Messages written with a separator, in the
// reader's language (an argument of a Message).
type msgList struct {
	sep   string
	items []lang.Message
}

func (l msgList) String() string { return l.Localize(nil) }

// Localize renders the list with p, or in English if p is nil.
func (l msgList) Localize(p *lang.Printer) string {
	parts := make([]string, len(l.items))
	for i, m := range l.items {
		if p == nil {
			parts[i] = m.String()
		} else {
			parts[i] = p.Message(m)
		}
	}
	return strings.Join(parts, l.sep)
}
