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
	"os/signal"
	"strings"
	"syscall"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/transcript-cli/transcript/internal/build"
)

// Exit codes; the README documents this table.
const (
	ExitOK      = 0   // every input converted
	ExitFailure = 1   // an input could not be read or holds no transcript, or an output could not be written
	ExitUsage   = 2   // bad flags or arguments
	ExitSIGINT  = 130 // interrupted (Ctrl-C)
	ExitSIGTERM = 143 // terminated
	ExitPipe    = 141 // the reader of standard output went away (| head); nothing printed
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
	if code, ok := signalCode(ctx); ok {
		// Interrupted: the command has cleaned up and said what it had to.
		return code
	}
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
		msg := ee.err.Error()
		if ee.code != ExitUsage {
			fmt.Fprintf(s.Err, "transcript: %s\n", msg)
			return ee.code
		}
		// A usage error is one line saying what is wrong and one pointing
		// to the help, as gh and ripgrep do: the whole usage would bury
		// the line that matters.
		cmd, _, ferr := root.Find(args)
		if ferr != nil || cmd == nil {
			cmd = root
			if arg := firstArg(args); ferr != nil && arg != "" {
				if sugg := root.SuggestionsFor(arg); len(sugg) > 0 {
					msg += " (did you mean " + strings.Join(sugg, " or ") + "?)"
				}
			}
		}
		fmt.Fprintf(s.Err, "transcript: %s\nRun '%s --help' for usage.\n", msg, cmd.CommandPath())
	}
	return ee.code
}

// firstArg is the first argument that is not a flag: the command name.
func firstArg(args []string) string {
	for _, a := range args {
		if !strings.HasPrefix(a, "-") {
			return a
		}
	}
	return ""
}

func newRoot(s Streams) *cobra.Command {
	root := &cobra.Command{
		Use:   "transcript",
		Short: "Turn bilingual earnings-call transcripts into structured data",
		Long: `transcript reads earnings-call transcripts whose English paragraphs are
interleaved with their Chinese translation (or English-only calls, in many
vendors' layouts) and writes structured data: speaker turns, each English
paragraph paired with its translation, participants, sections, Q&A
exchanges and call metadata, in the formats of parse --format
(` + strings.Join(formatNames(), ", ") + `).

Exit codes: 0 done, 1 an input or output failed, 2 usage error,
130 interrupted, 141 output closed early, 143 terminated.`,
		Version:       build.String(),
		SilenceUsage:  true,
		SilenceErrors: true,
		// Run adds suggestions to the one-line error itself; cobra's
		// would add lines.
		DisableSuggestions: true,
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
// /dev/null is a character device too, so the mode bits cannot tell; a
// cron job with stdin closed must read it, not get the help.
func isTerminal(f *os.File) bool {
	return term.IsTerminal(int(f.Fd()))
}

// signalError is the cause of a context cancelled by a signal.
type signalError struct{ sig os.Signal }

func (e *signalError) Error() string { return "interrupted by " + e.sig.String() }

// signalCode is the exit code for a context cancelled by SIGINT or SIGTERM.
func signalCode(ctx context.Context) (int, bool) {
	var se *signalError
	if !errors.As(context.Cause(ctx), &se) {
		return 0, false
	}
	if se.sig == syscall.SIGTERM {
		return ExitSIGTERM, true
	}
	return ExitSIGINT, true
}

// withSignals returns a context cancelled by the first SIGINT or SIGTERM,
// with a *signalError as its cause, so that work stops and cleans up (no
// temporary files left) instead of dying at once; a second signal kills the
// process the default way. It also asks for EPIPE errors instead of death by
// SIGPIPE, so that a closed output pipe is handled like any write error
// (quietly, exit 141).
func withSignals(ctx context.Context) (context.Context, func()) {
	ctx, cancel := context.WithCancelCause(ctx)
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	signal.Notify(make(chan os.Signal, 1), syscall.SIGPIPE)
	stop := make(chan struct{})
	go func() {
		select {
		case sig := <-sigs:
			signal.Reset(os.Interrupt, syscall.SIGTERM)
			cancel(&signalError{sig})
		case <-stop:
		}
	}()
	return ctx, func() {
		close(stop)
		signal.Stop(sigs)
		cancel(nil)
	}
}

// Main runs transcript on the process's own streams, with SIGINT and
// SIGTERM turned into cancellation of ctx.
func Main(ctx context.Context) int {
	ctx, stop := withSignals(ctx)
	defer stop()
	return Run(ctx, os.Args[1:], Streams{
		In: os.Stdin, Out: os.Stdout, Err: os.Stderr,
		InTerminal: isTerminal(os.Stdin), ErrTerminal: isTerminal(os.Stderr),
	})
}
