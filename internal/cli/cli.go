// Package cli is the command line of transcript: commands, flags, streams
// and exit codes. main only calls Run; nothing below this package touches
// the process's streams or exits.
package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"

	"github.com/transcript-cli/transcript/internal/build"
)

// Exit codes; the README documents this table.
const (
	ExitOK      = 0   // every input converted
	ExitFailure = 1   // an input could not be read or holds no transcript, or an output could not be written
	ExitUsage   = 2   // bad flags or arguments
	ExitSIGINT  = 130 // interrupted (Ctrl-C)
	ExitSIGTERM = 143 // terminated
)

// Streams are the process's standard streams, injected so tests can use
// buffers.
type Streams struct {
	In  io.Reader
	Out io.Writer
	Err io.Writer
	// InTerminal reports whether In is an interactive terminal.
	InTerminal bool
	// ErrTerminal reports whether Err is an interactive terminal (progress bars).
	ErrTerminal bool
}

// exitError carries an exit code through cobra; its message has already been
// printed when err is nil.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string {
	if e.err == nil {
		return fmt.Sprintf("exit %d", e.code)
	}
	return e.err.Error()
}

func usageErr(format string, a ...any) error {
	return &exitError{code: ExitUsage, err: fmt.Errorf(format, a...)}
}

// Run runs transcript with args (without the program name) and returns the
// exit code.
func Run(ctx context.Context, args []string, s Streams) int {
	root := newRoot(s)
	root.SetArgs(args)
	err := root.ExecuteContext(ctx)
	if err == nil {
		return ExitOK
	}
	var ee *exitError
	if !errors.As(err, &ee) {
		// Errors that cobra itself raises (unknown command, bad flag) are
		// usage errors.
		ee = &exitError{code: ExitUsage, err: err}
	}
	if ee.err != nil {
		fmt.Fprintf(s.Err, "transcript: %v\n", ee.err)
		if ee.code == ExitUsage {
			cmd, _, ferr := root.Find(args)
			if ferr != nil || cmd == nil {
				cmd = root
			}
			fmt.Fprint(s.Err, cmd.UsageString())
		}
	}
	return ee.code
}

func newRoot(s Streams) *cobra.Command {
	root := &cobra.Command{
		Use:   "transcript",
		Short: "Turn bilingual earnings-call transcripts into structured data",
		Long: `transcript reads earnings-call transcripts whose English paragraphs are
interleaved with their Chinese translation and writes JSON or YAML: speaker
turns, each English paragraph paired with its translation, and the text
around them.`,
		Version:       build.String(),
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetIn(s.In)
	root.SetOut(s.Out)
	root.SetErr(s.Err)
	root.SetVersionTemplate("transcript {{.Version}}\n")
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error {
		return &exitError{code: ExitUsage, err: err}
	})
	root.AddCommand(newParseCmd(s), newLintCmd(s), newSchemaCmd(s), newLayoutsCmd(s))
	return root
}

// isTerminal reports whether f is a terminal.
func isTerminal(f *os.File) bool {
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

// Main runs transcript on the process's own streams.
func Main(ctx context.Context) int {
	return Run(ctx, os.Args[1:], Streams{
		In: os.Stdin, Out: os.Stdout, Err: os.Stderr,
		InTerminal: isTerminal(os.Stdin), ErrTerminal: isTerminal(os.Stderr),
	})
}
