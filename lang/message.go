package lang

import (
	"fmt"
	"strings"
)

// Message is a text to be rendered in the reader's language: its English
// format string (the catalog's key) and its arguments.
type Message struct {
	Format string
	Args   []any
}

// M returns the message of an English format string and its arguments.
func M(format string, args ...any) Message { return Message{Format: format, Args: args} }

// String renders the message in English, for logs and Error methods.
func (m Message) String() string {
	if len(m.Args) == 0 {
		return m.Format
	}
	return fmt.Sprintf(m.Format, m.Args...)
}

// Localizer is implemented by errors (and other values) that can render
// themselves in the reader's language; Printer.Error uses it.
type Localizer interface {
	Localize(p *Printer) string
}

// Join returns the messages as one, separated by sep; each is rendered
// in the reader's language.
func Join(sep string, ms []Message) Message {
	args := make([]any, len(ms))
	for i, m := range ms {
		args[i] = m
	}
	sep = strings.ReplaceAll(sep, "%", "%%")
	return Message{Format: strings.TrimSuffix(strings.Repeat("%s"+sep, len(ms)), sep), Args: args}
}
