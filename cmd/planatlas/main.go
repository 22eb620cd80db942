package main

import (
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// usageError is a wrong command line: exit code 2.
type usageError struct{ err error }

func (e usageError) Error() string  { return e.err.Error() }
func (e usageError) BadInput() bool { return true }

// run executes the command line and returns the exit code.
func run(args []string, stdout, stderr io.Writer) int {
	root := newRoot(stdout, stderr)
	root.SetArgs(args)
	err := root.Execute()
	if err == nil {
		return 0
	}
	fmt.Fprintln(stderr, "planatlas:", err)
	var bad interface{ BadInput() bool }
	if errors.As(err, &bad) && bad.BadInput() {
		return 2
	}
	return 1
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
Your own city:             planatlas init meine-stadt && planatlas run meine-stadt/plan.yaml`,
		SilenceErrors: true,
		SilenceUsage:  true,
	}
	root.SetOut(stdout)
	root.SetErr(stderr)
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return usageError{fmt.Errorf("%w (see %s --help)", err, c.CommandPath())}
	})
	root.AddCommand(newRunCmd(stdout, stderr), newValidateCmd(stdout), newCheckGeometryCmd(stdout), newInitCmd(stdout), newIndicatorsCmd(stdout), newVersionCmd(stdout))
	return root
}

// args wraps a cobra argument check so that its errors exit with 2.
func args(check cobra.PositionalArgs) cobra.PositionalArgs {
	return func(cmd *cobra.Command, a []string) error {
		if err := check(cmd, a); err != nil {
			return usageError{fmt.Errorf("%s: %w (see %s --help)", cmd.CommandPath(), err, cmd.CommandPath())}
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
