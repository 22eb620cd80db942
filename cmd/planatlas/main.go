package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"planatlas/lang"
	"planatlas/plan"
	"runtime/debug"
	"strings"

	"github.com/spf13/cobra"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// usageError is a wrong command line: exit code 2.
type usageError struct{ err error }

func (e usageError) Error() string  { return e.err.Error() }
func (e usageError) BadInput() bool { return true }

// Exit codes, as --help and the README list them.
const (
	exitDone     = 0 // done
	exitFailed   = 1 // failed: the machine (disk full, a folder removed during the run)
	exitBadInput = 2 // bad input: the plan, a file or the command line; the message says what to do
	exitInternal = 3 // internal error: a bug in planatlas, to be reported
)

// run executes the command line and returns the exit code. A panic —
// a bug, wherever it happens — ends with exit code 3 and a request to
// report it; the run's deferred clean-up has removed its staging folder
// by then, as the panic unwound through it.
func run(args []string, stdout, stderr io.Writer) int {
	return execute(newRoot(stdout, stderr), args, stderr)
}

// execute runs a command tree and turns its outcome into an exit code.
func execute(root *cobra.Command, args []string, stderr io.Writer) (code int) {
	defer func() {
		if p := recover(); p != nil {
			fmt.Fprintf(stderr, "planatlas: internal error: %v\n"+
				"%s\n\n%s", p, reportBug, debug.Stack())
			code = exitInternal
		}
	}()
	root.SetArgs(args)
	err := root.Execute()
	if err == nil {
		return exitDone
	}
	code = exitCode(err)
	pr := lang.New(errorLang(err, args))
	if code == exitInternal {
		fmt.Fprintf(stderr, "planatlas: %s\n%s\n", pr.Sprintf("internal error: %v", pr.Error(err)), reportBug)
		return code
	}
	fmt.Fprintln(stderr, "planatlas:", pr.Error(err))
	return code
}

// reportBug asks to report an internal error.
const reportBug = "This is a bug in planatlas, not a problem of your data: please report it to the planatlas developers\n" +
	"with this message and, if you can, the plan. No output was changed.\n" +
	"Dies ist ein Fehler in planatlas, nicht in Ihren Daten: bitte melden Sie ihn den Entwicklern von planatlas\n" +
	"mit dieser Meldung und möglichst dem Plan. Keine Ausgabe wurde verändert."

// exitCode is the exit code for an error: 2 for bad input, 3 for an
// internal error, 1 for everything else.
func exitCode(err error) int {
	var internal interface{ Internal() bool }
	if errors.As(err, &internal) && internal.Internal() {
		return exitInternal
	}
	var bad interface{ BadInput() bool }
	if errors.As(err, &bad) && bad.BadInput() {
		return exitBadInput
	}
	return exitFailed
}

func newRoot(stdout, stderr io.Writer) *cobra.Command {
	root := &cobra.Command{
		Use:   "planatlas",
		Short: "Indicators, indices and maps for municipal planning areas",
		Long: `planatlas computes indicators, composite indices, rankings and trends for
planning areas (Planungsräume) from population, labour-market and heat data,
and writes maps, charts and tables ready for a social plan.

planatlas berechnet Indikatoren, Indizes und Rangfolgen für Planungsräume
und schreibt Karten, Diagramme und Tabellen für die Sozialplanung.

Start with the demo city:  planatlas run --out out
Your own city:             planatlas init meine-stadt && planatlas run meine-stadt/plan.yaml

Exit codes / Rückgabewerte:
  0  done / fertig
  1  failed (the machine: disk full, a folder removed during the run) /
     fehlgeschlagen (der Rechner: Platte voll, Ordner während des Laufs entfernt)
  2  bad input (plan, file or command line; the message says what to do) /
     fehlerhafte Eingabe (Plan, Datei oder Befehlszeile; die Meldung sagt, was zu tun ist)
  3  internal error: a bug in planatlas, please report it /
     interner Fehler: ein Fehler in planatlas, bitte melden`,
		SilenceErrors: true,
		SilenceUsage:  true,
	}
	root.SetOut(stdout)
	root.SetErr(stderr)
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return usageError{&message{lang.M("%v (see %s --help)", err, c.CommandPath())}}
	})
	root.AddCommand(newRunCmd(stdout, stderr), newValidateCmd(stdout), newCheckGeometryCmd(stdout), newInitCmd(stdout), newIndicatorsCmd(stdout), newVersionCmd(stdout))
	return root
}

// args wraps a cobra argument check so that its errors exit with 2.
func args(check cobra.PositionalArgs) cobra.PositionalArgs {
	return func(cmd *cobra.Command, a []string) error {
		if err := check(cmd, a); err != nil {
			return usageError{&message{lang.M("%s: %v (see %s --help)", cmd.CommandPath(), err, cmd.CommandPath())}}
		}
		return nil
	}
}

// isTerminal reports whether w is a terminal, where progress lines help;
// in logs and pipes they would be noise.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

// usage is a usageError of an English format string, rendered in the
// run's language.
func usage(format string, args ...any) error {
	return usageError{&message{lang.M(format, args...)}}
}

// Localize renders the error in the printer's language.
func (e usageError) Localize(p *lang.Printer) string { return p.Error(e.err) }

// message is an error whose text is a Message.
type message struct{ m lang.Message }

func (e *message) Error() string { return e.m.String() }

// Localize renders the error in the printer's language.
func (e *message) Localize(p *lang.Printer) string { return p.Message(e.m) }

// inLang is an error with the language it is to be written in: the
// command's --lang, else its plan's language.
type inLang struct {
	err  error
	lang string
}

func (e inLang) Error() string { return e.err.Error() }
func (e inLang) Unwrap() error { return e.err }

// withLang gives err the language of its messages: flag (--lang) if it
// is set, else the plan's (if p is not nil), else German.
func withLang(err error, flag string, p *plan.Plan) error {
	if err == nil {
		return nil
	}
	var il inLang
	if errors.As(err, &il) {
		return err
	}
	l := flag
	if l == "" && p != nil {
		l = p.Language
	}
	if l != "en" {
		l = "de"
	}
	return inLang{err, l}
}

// errorLang is the language an error is written in: the one withLang
// gave it, else the command line's --lang, else German.
func errorLang(err error, args []string) string {
	var il inLang
	if errors.As(err, &il) {
		return il.lang
	}
	for i, a := range args {
		if a == "--lang=en" || a == "--lang" && i+1 < len(args) && args[i+1] == "en" {
			return "en"
		}
	}
	return "de"
}

// messages is an error whose text is Messages written one after the
// other.
type messages []lang.Message

func (m *messages) add(format string, args ...any) { *m = append(*m, lang.M(format, args...)) }

func (m messages) Error() string {
	var b strings.Builder
	for _, x := range m {
		b.WriteString(x.String())
	}
	return b.String()
}

// Localize renders the error in the printer's language.
func (m messages) Localize(p *lang.Printer) string {
	var b strings.Builder
	for _, x := range m {
		b.WriteString(p.Message(x))
	}
	return b.String()
}
