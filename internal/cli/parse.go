package cli

import (
	"bytes"
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
	"github.com/transcript-cli/transcript/internal/export"
)

// parseOptions are the flags of transcript parse.
type parseOptions struct {
	format  string
	compact bool
	output  string
	read    readOptions
	bom     bool

	outDir       string
	root         string
	include      []string
	jobs         int
	skipExisting bool
	failFast     bool
	quiet        bool
}

func newParseCmd(s Streams) *cobra.Command {
	o := &parseOptions{}
	cmd := &cobra.Command{
		Use:   "parse [flags] [FILE|DIR...]",
		Short: "Convert transcripts to JSON, YAML and other formats",
		Long: `Convert each FILE (or standard input, also named "-") into one document.
Several inputs give a stream of documents in input order.

A DIR is searched recursively, in sorted order, for files matching --include
(default: ` + strings.Join(batch.DefaultInclude, ", ") + `); hidden files and folders and the --out-dir
folder are skipped, symbolic links are followed. With --out-dir each input
gets its own file, OUT/<path relative to its DIR (or to its own folder for
a FILE, or to --root)> plus the format's extension (calls/2023/q2.txt →
OUT/2023/q2.txt.json), written atomically; nothing is written outside OUT.
Inputs are converted by --jobs workers; the output is the same for any
number of workers.`,
		Example: `  transcript parse call.txt > call.json
  transcript parse call.txt | jq '.turns[] | select(.speaker == "Operator") | .line'
  transcript parse -f yaml -o call.yaml call.txt
  transcript parse --out-dir out calls/
  transcript parse --out-dir out --skip-existing -q calls/`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 && s.InTerminal {
				cmd.SetOut(s.Err)
				_ = cmd.Help()
				return &exitError{code: ExitUsage}
			}
			return runParse(cmd.Context(), o, args, s)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&o.format, "format", "f", "json", "output format: "+strings.Join(export.Names(), ", "))
	f.BoolVarP(&o.compact, "compact", "c", false, "write each JSON document on one line")
	f.StringVarP(&o.output, "output", "o", "", "write to `FILE` (atomically; - is standard output) instead of standard output")
	o.read.bind(cmd)
	f.BoolVar(&o.bom, "bom", false, "csv: start with a UTF-8 byte order mark (for Excel)")
	f.StringVar(&o.outDir, "out-dir", "", "write one file per input under `OUT` instead of standard output")
	f.StringVar(&o.root, "root", "", "with --out-dir, place every input by its path relative to `DIR` (for files named one by one, as by find | xargs)")
	f.StringArrayVar(&o.include, "include", nil, "in folders, convert files whose name matches `GLOB` (repeatable; default "+strings.Join(batch.DefaultInclude, ", ")+")")
	f.IntVarP(&o.jobs, "jobs", "j", runtime.NumCPU(), "convert with `N` parallel workers")
	f.BoolVar(&o.skipExisting, "skip-existing", false, "with --out-dir, skip inputs whose output is newer than the input")
	f.BoolVar(&o.failFast, "fail-fast", false, "stop at the first input that fails")
	f.BoolVarP(&o.quiet, "quiet", "q", false, "print nothing on standard error but errors")
	_ = cmd.RegisterFlagCompletionFunc("format", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		var names []string
		for _, f := range export.Formats() {
			names = append(names, f.Name+"\t"+f.Description)
		}
		return names, cobra.ShellCompDirectiveNoFileComp
	})
	_ = cmd.MarkFlagDirname("out-dir")
	return cmd
}

func runParse(ctx context.Context, o *parseOptions, args []string, s Streams) error {
	if ctx == nil {
		ctx = context.Background()
	}
	if o.output == "-" {
		o.output = ""
	}
	format, err := export.Lookup(o.format)
	if err != nil {
		return usageErr("%v", err)
	}
	copts, err := o.read.options()
	if err != nil {
		return err
	}
	if err := o.check(args); err != nil {
		return err
	}
	if len(args) == 0 {
		args = []string{"-"}
	}
	inputs := batch.Expand(args, batch.WalkOptions{Include: o.include, Skip: o.outDir})
	if o.root != "" {
		inputs = batch.Rebase(inputs, o.root)
	}
	if format.Single && o.outDir == "" && len(inputs) > 1 {
		return usageErr("format %s holds one document per output: give one input, or --out-dir for one file each", format.Name)
	}

	eopts := export.Options{Compact: o.compact, BOM: o.bom}
	cfg := batch.Config{
		Jobs:         o.jobs,
		OutDir:       o.outDir,
		Ext:          format.Ext,
		SkipExisting: o.skipExisting,
		Stream:       s.Out,
		Separator:    format.Separator,
		FailFast:     o.failFast,
		Stdin:        func(ctx context.Context) ([]byte, error) { return readAll(ctx, s.In) },
	}
	// A format that writes a stream as one document (TMX) needs every
	// input before its head: the bodies are spooled to a temporary file as
	// they come, in order, and only one note per input is kept in memory.
	var notes []string
	var spool *os.File
	switch {
	case o.outDir != "":
		// One whole document per file: header, body and closing.
		cfg.Convert = func(_ int, in batch.Input, data []byte, w io.Writer) error {
			t, err := convert.Convert(in.Name, data, copts)
			if err != nil {
				return err
			}
			return export.WriteDocument(w, format, t, eopts)
		}
	case format.Merge != nil:
		spool, err = os.CreateTemp("", "transcript-*.spool")
		if err != nil {
			return &exitError{code: ExitFailure, err: err}
		}
		defer func() {
			spool.Close()
			os.Remove(spool.Name())
		}()
		notes = make([]string, len(inputs))
		cfg.Separator = ""
		cfg.Convert = func(i int, in batch.Input, data []byte, w io.Writer) error {
			t, err := convert.Convert(in.Name, data, copts)
			if err != nil {
				return err
			}
			notes[i] = format.Merge.Note(t)
			return format.Merge.Body(w, t, eopts)
		}
	default:
		// Bodies are encoded by the workers; the stream adds the header
		// once and the separators, as export.Writer does.
		if format.Header != nil {
			var h bytes.Buffer
			if err := format.Header(&h, eopts); err != nil {
				return &exitError{code: ExitFailure, err: err}
			}
			cfg.Header = h.Bytes()
		}
		cfg.Convert = func(_ int, in batch.Input, data []byte, w io.Writer) error {
			t, err := convert.Convert(in.Name, data, copts)
			if err != nil {
				return err
			}
			return format.Write(w, t, eopts)
		}
	}
	var file *batch.AtomicFile
	if o.output != "" {
		file = batch.NewAtomicFile(o.output)
		defer file.Abort()
		cfg.Stream = file
	}
	out := cfg.Stream
	if spool != nil {
		cfg.Stream = spool
	}
	prog := newProgress(s, o.quiet, inputs)
	cfg.Report = func(ev batch.Event) {
		if ev.Status == batch.Failed {
			prog.clear()
			fmt.Fprintf(s.Err, "transcript: %s: %v\n", ev.Input.Name, ev.Err)
		}
		prog.done(ev)
	}

	st, err := batch.Run(ctx, cfg, inputs)
	prog.finish()

	summary := fmt.Sprintf("%d converted, %d skipped, %d failed in %.2fs",
		st.Converted, st.Skipped, st.Failed, st.Elapsed.Seconds())
	var se *batch.StreamError
	switch {
	case ctx.Err() != nil:
		// Interrupted: Run exits with the signal's code; the temporary
		// files are gone and the finished outputs stay.
		fmt.Fprintf(s.Err, "transcript: interrupted: %s\n", summary)
		return &exitError{code: ExitFailure}
	case errors.As(err, &se):
		if isBrokenPipe(se.Err) {
			// The reader went away (| head): nothing to say.
			return &exitError{code: ExitPipe}
		}
		name := streamName(o)
		if spool != nil {
			// The bodies of a merged format go to the spool first.
			name = spool.Name()
		}
		return &exitError{code: ExitFailure, err: fmt.Errorf("%s: %v", name, se.Err)}
	}
	if spool != nil && st.Converted > 0 && err == nil {
		var kept []string
		for _, n := range notes {
			if n != "" {
				kept = append(kept, n)
			}
		}
		_, werr := spool.Seek(0, io.SeekStart)
		if werr == nil {
			werr = export.WriteMerged(out, format, kept, spool, eopts)
		}
		if werr != nil {
			if isBrokenPipe(werr) {
				return &exitError{code: ExitPipe}
			}
			return &exitError{code: ExitFailure, err: fmt.Errorf("%s: %v", streamName(o), werr)}
		}
	}
	if file != nil {
		if st.Converted > 0 && err == nil {
			if cerr := file.Commit(); cerr != nil {
				return &exitError{code: ExitFailure, err: fmt.Errorf("%s: %v", o.output, cerr)}
			}
		}
	}
	if !o.quiet && (len(inputs) > 1 || st.Failed > 0 && batchMode(o, args)) {
		fmt.Fprintf(s.Err, "transcript: %s\n", summary)
	}
	if st.Failed > 0 || err != nil {
		return &exitError{code: ExitFailure}
	}
	return nil
}

// check rejects flag combinations that cannot work.
func (o *parseOptions) check(args []string) error {
	if o.jobs < 1 {
		return usageErr("--jobs must be at least 1, not %d", o.jobs)
	}
	if o.outDir != "" && o.output != "" {
		return usageErr("--output and --out-dir cannot be used together")
	}
	if o.skipExisting && o.outDir == "" {
		return usageErr("--skip-existing needs --out-dir")
	}
	if o.root != "" && o.outDir == "" {
		return usageErr("--root needs --out-dir")
	}
	if o.outDir != "" {
		if len(args) == 0 {
			return usageErr("--out-dir needs FILE or DIR arguments (standard input has no name to write under)")
		}
		for _, a := range args {
			if a == "-" {
				return usageErr("--out-dir cannot write standard input (\"-\"): it has no name")
			}
		}
	}
	if err := batch.CheckPatterns(o.include); err != nil {
		return usageErr("%v", err)
	}
	return checkStdinOnce(args)
}

// checkStdinOnce rejects "-" given twice: standard input can be read once.
func checkStdinOnce(args []string) error {
	n := 0
	for _, a := range args {
		if a == "-" {
			n++
		}
	}
	if n > 1 {
		return usageErr("standard input (\"-\") can be read only once")
	}
	return nil
}

// batchMode reports whether the run is a batch even with one input: a
// folder or --out-dir. A single FILE that fails gets its error line only,
// which is the whole story; a batch says how it ended.
func batchMode(o *parseOptions, args []string) bool {
	if o.outDir != "" {
		return true
	}
	for _, a := range args {
		if fi, err := os.Stat(a); err == nil && fi.IsDir() {
			return true
		}
	}
	return false
}

func streamName(o *parseOptions) string {
	if o.output != "" {
		return o.output
	}
	return "<stdout>"
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

// fileSize is the size of a file, 0 when unknown.
func fileSize(path string) int64 {
	fi, err := os.Stat(path)
	if err != nil {
		return 0
	}
	return fi.Size()
}
