package lang

// Error is an error whose text is a Message: Error writes it in English,
// Localize in the reader's language. It wraps the first error among its
// arguments, so that errors.As still finds what caused it.
type Error struct{ Text Message }

// Errorf returns the error of an English format string and its
// arguments.
func Errorf(format string, args ...any) error { return &Error{M(format, args...)} }

func (e *Error) Error() string { return e.Text.String() }

// Localize renders the error in the printer's language.
func (e *Error) Localize(p *Printer) string { return p.Message(e.Text) }

// Unwrap returns the first error among the arguments, or nil.
func (e *Error) Unwrap() error {
	for _, a := range e.Text.Args {
		if err, ok := a.(error); ok {
			return err
		}
	}
	return nil
}

// IntsAsDigits returns args with each int as Digits: years, line and
// feature numbers are written 2024, not 2.024 as counts are.
func IntsAsDigits(args []any) []any {
	out := make([]any, len(args))
	for i, a := range args {
		if n, ok := a.(int); ok {
			a = Digits(n)
		}
		out[i] = a
	}
	return out
}
