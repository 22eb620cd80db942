package lang

import (
	"errors"
	"fmt"
)

// Digits is an integer written with its digits only, in every language:
// years and line numbers (2024, not 2.024).
type Digits int

// Format writes the digits, whatever the verb.
func (d Digits) Format(f fmt.State, _ rune) { fmt.Fprintf(f, "%d", int(d)) }

// localArgs renders the arguments that are themselves texts in the
// printer's language: Messages, Localizers and errors (rendered with
// Printer.Error). Other arguments are returned as they are.
func (p *Printer) localArgs(args []any) []any {
	var out []any
	for i, a := range args {
		var s string
		switch v := a.(type) {
		case Message:
			s = p.Message(v)
		case Localizer:
			s = v.Localize(p)
		case error:
			var l Localizer
			if !errors.As(v, &l) {
				continue
			}
			s = p.Error(v)
		default:
			continue
		}
		if out == nil {
			out = append([]any(nil), args...)
		}
		out[i] = s
	}
	if out == nil {
		return args
	}
	return out
}
