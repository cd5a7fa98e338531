package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"strings"
	"syscall"

	"github.com/spf13/cobra"

	"github.com/transcript-cli/transcript/internal/batch"
	"github.com/transcript-cli/transcript/internal/convert"
)

// runOptions are the flags parse and lint share: how inputs are found and
// read, how many workers read them, where the output goes and how much is
// said on the way.
type runOptions struct {
	read    readOptions
	include []string
	jobs    int
	output  string
	quiet   bool
}

// bind adds the shared flags to cmd; verb says what the command does to a
// file ("convert", "check").
func (o *runOptions) bind(cmd *cobra.Command, verb string) {
	f := cmd.Flags()
	o.read.bind(cmd)
	f.StringArrayVar(&o.include, "include", nil, "in folders, "+verb+" files whose name matches `GLOB` (repeatable; default "+strings.Join(batch.DefaultInclude, ", ")+")")
	f.IntVarP(&o.jobs, "jobs", "j", runtime.NumCPU(), verb+" with `N` parallel workers")
	f.StringVarP(&o.output, "output", "o", "", "write to `FILE` (atomically; - is standard output) instead of standard output")
	f.BoolVarP(&o.quiet, "quiet", "q", false, "print nothing on standard error but errors")
}

// check rejects shared flags and arguments that cannot work, and gives the
// pipeline's options.
func (o *runOptions) check(args []string) (convert.Options, error) {
	if o.output == "-" {
		o.output = ""
	}
	copts, err := o.read.options()
	if err != nil {
		return copts, err
	}
	if o.jobs < 1 {
		return copts, usageErr("--jobs must be at least 1, not %d", o.jobs)
	}
	if err := batch.CheckPatterns(o.include); err != nil {
		return copts, usageErr("%v", err)
	}
	n := 0
	for _, a := range args {
		if a == "-" {
			n++
		}
	}
	if n > 1 {
		return copts, usageErr("standard input (\"-\") can be read only once")
	}
	return copts, nil
}

// inputs expands the arguments (standard input when there are none),
// never entering skip (the output folder).
func (o *runOptions) inputs(args []string, skip string) []batch.Input {
	if len(args) == 0 {
		args = []string{"-"}
	}
	return batch.Expand(args, batch.WalkOptions{Include: o.include, Skip: skip})
}

// A job is what differs between one run of parse and one of lint; run does
// the rest the same way for both.
type job struct {
	// cfg has the command's Convert and, for parse, OutDir, Ext,
	// SkipExisting, FailFast and Stamp; run adds the rest.
	cfg    batch.Config
	inputs []batch.Input
	// emit makes the stream: it is told of every input in order, with the
	// document of a converted one, unless cfg.OutDir is set.
	// end, if set, finishes the stream after a run that went to its end.
	emit func(ev batch.Event, doc batch.Doc) error
	end  func() error
	// keepEmpty writes -o FILE even when no input converted: lint's report
	// of unreadable files, or of none, is still its report; parse leaves
	// the file alone rather than replace it with nothing.
	keepEmpty bool
	// batch says a run of one input is a batch all the same (a folder,
	// --out-dir): its failure ends with the summary.
	batch bool
	// summary says how the run ended, for stderr.
	summary func(st batch.Stats) string
	// failed reports a failure that is no input's (lint's error-level
	// findings); nil for none.
	failed func() bool
}

// output is where a command's stream goes: standard output, or -o FILE,
// written to a temporary file and renamed into place when the run is
// complete.
type output struct {
	io.Writer
	name string
	file *batch.AtomicFile
}

// open opens the output; abort must follow. Nothing is created before the
// first write.
func (o *runOptions) open(s Streams) *output {
	if o.output == "" {
		return &output{Writer: s.Out, name: "<stdout>"}
	}
	f := batch.NewAtomicFile(o.output)
	return &output{Writer: f, name: o.output, file: f}
}

// abort removes what a run that did not commit wrote.
func (out *output) abort() {
	if out.file != nil {
		out.file.Abort()
	}
}

// named is an error that happened to a file other than the output (the
// spool of a merged format).
type named struct {
	name string
	err  error
}

func (e *named) Error() string { return e.name + ": " + e.err.Error() }
func (e *named) Unwrap() error { return e.err }

// run runs a job into out: the workers, the progress bar, one error line
// per failed input, the summary, committing -o FILE, and the exit code of
// a write error, a closed pipe or an interruption.
func (o *runOptions) run(ctx context.Context, s Streams, out *output, j job) error {
	if ctx == nil {
		ctx = context.Background()
	}
	sizes := inputSizes(j.inputs)
	defer tuneGC(sizes)()
	prog := newProgress(s, o.quiet, sizes)
	cfg := j.cfg
	cfg.Jobs = o.jobs
	cfg.Stdin = func(ctx context.Context) ([]byte, error) { return readAll(ctx, s.In) }
	cfg.Emit = func(ev batch.Event, doc batch.Doc) error {
		if ev.Status == batch.Failed {
			prog.clear()
			fmt.Fprintf(s.Err, "transcript: %s: %v\n", ev.Input.Name, ev.Err)
		}
		prog.done(ev)
		if j.emit == nil || cfg.OutDir != "" {
			return nil
		}
		return j.emit(ev, doc)
	}

	st, err := batch.Run(ctx, cfg, j.inputs)
	prog.finish()

	var se *batch.StreamError
	switch {
	case ctx.Err() != nil:
		// Interrupted: Run exits with the signal's code; the temporary
		// files are gone and the finished outputs stay.
		fmt.Fprintf(s.Err, "transcript: interrupted: %s\n", j.summary(st))
		return &exitError{code: ExitFailure}
	case errors.As(err, &se):
		return out.writeError(se.Err)
	}
	if err == nil && (st.Converted > 0 || j.keepEmpty) {
		if j.end != nil {
			if err := j.end(); err != nil {
				return out.writeError(err)
			}
		}
		if out.file != nil {
			if err := out.file.Commit(); err != nil {
				return &exitError{code: ExitFailure, err: fmt.Errorf("%s: %v", out.name, err)}
			}
		}
	}
	if !o.quiet && (len(j.inputs) > 1 || st.Failed > 0 && j.batch) {
		fmt.Fprintf(s.Err, "transcript: %s\n", j.summary(st))
	}
	if st.Failed > 0 || err != nil || j.failed != nil && j.failed() {
		return &exitError{code: ExitFailure}
	}
	return nil
}

// writeError is the exit of a failed write: quietly 141 when the reader of
// the output went away (| head), else exit 1 naming what failed.
func (out *output) writeError(err error) error {
	if isBrokenPipe(err) {
		return &exitError{code: ExitPipe}
	}
	var n *named
	if errors.As(err, &n) {
		return &exitError{code: ExitFailure, err: n}
	}
	return &exitError{code: ExitFailure, err: fmt.Errorf("%s: %v", out.name, err)}
}

// isBatch reports whether the run is a batch even with one input: a folder
// or --out-dir. A single FILE that fails gets its error line only, which
// is the whole story; a batch says how it ended.
func isBatch(outDir string, args []string) bool {
	if outDir != "" {
		return true
	}
	for _, a := range args {
		if fi, err := os.Stat(a); err == nil && fi.IsDir() {
			return true
		}
	}
	return false
}

// isBrokenPipe reports whether err means the reader of the output is gone.
func isBrokenPipe(err error) bool {
	return errors.Is(err, syscall.EPIPE) || errors.Is(err, io.ErrClosedPipe)
}

// readAll reads r to the end, or until ctx is cancelled: a read from a
// terminal or an idle pipe must not hold up Ctrl-C.
func readAll(ctx context.Context, r io.Reader) ([]byte, error) {
	type res struct {
		data []byte
		err  error
	}
	ch := make(chan res, 1)
	go func() {
		data, err := io.ReadAll(r)
		ch <- res{data, err}
	}()
	select {
	case x := <-ch:
		return x.data, x.err
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// inputSizes are the sizes of the inputs in bytes, as the collector's
// tuning and the progress bar need them: -1 for standard input (unknown),
// 0 for an input that cannot be read (it fails in its place).
func inputSizes(inputs []batch.Input) []int64 {
	sizes := make([]int64, len(inputs))
	for i, in := range inputs {
		switch {
		case in.Stdin:
			sizes[i] = -1
		case in.Err == nil:
			if fi, err := os.Stat(in.Path); err == nil {
				sizes[i] = fi.Size()
			}
		}
	}
	return sizes
}
