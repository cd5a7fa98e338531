package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/transcript-cli/transcript/internal/batch"
	"github.com/transcript-cli/transcript/internal/build"
	"github.com/transcript-cli/transcript/internal/convert"
	"github.com/transcript-cli/transcript/internal/decode"
	"github.com/transcript-cli/transcript/internal/export"
	"github.com/transcript-cli/transcript/internal/model"
)

// parseOptions are the flags of transcript parse.
type parseOptions struct {
	run       runOptions
	format    string
	compact   bool
	bom       bool
	sentences bool

	outDir       string
	root         string
	skipExisting bool
	failFast     bool
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
number of workers.

Formats (--format):
` + formatList(),
		Example: `  transcript parse call.txt > call.json
  transcript parse call.txt | jq '.turns[] | select(.speaker == "Operator") | .line'
  transcript parse -f yaml -o call.yaml call.txt
  transcript parse --out-dir out calls/
  transcript parse --out-dir out --skip-existing -q calls/`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := needInput(cmd, args, s); err != nil {
				return err
			}
			return runParse(cmd.Context(), o, args, s)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&o.format, "format", "f", "json", "output format `NAME`: "+strings.Join(export.Names(), ", "))
	f.BoolVarP(&o.compact, "compact", "c", false, "write each JSON document on one line")
	f.BoolVar(&o.bom, "bom", false, "csv: start with a UTF-8 byte order mark (for Excel)")
	f.BoolVar(&o.sentences, "sentences", false, "link the sentences inside each pair: a sentences list per paragraph; jsonl, csv, tsv and tmx give one row or unit per link")
	o.run.bind(cmd, "convert")
	f.StringVar(&o.outDir, "out-dir", "", "write one file per input under `OUT` instead of standard output")
	f.StringVar(&o.root, "root", "", "with --out-dir, place every input by its path relative to `DIR` (for files named one by one, as by find | xargs)")
	f.BoolVar(&o.skipExisting, "skip-existing", false, "with --out-dir, skip inputs whose output is up to date (same input bytes, options and version, by a hidden stamp beside it)")
	f.BoolVar(&o.failFast, "fail-fast", false, "stop at the first input that fails")
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

// formatNames are the names of the formats in the registry's order
// (json first), for the help; an error lists them sorted.
func formatNames() []string {
	var names []string
	for _, f := range export.Formats() {
		names = append(names, f.Name)
	}
	return names
}

// formatList is the help's table of formats: name and description.
func formatList() string {
	var b strings.Builder
	w := tabwriter.NewWriter(&b, 0, 4, 2, ' ', 0)
	for _, f := range export.Formats() {
		fmt.Fprintf(w, "  %s\t%s\n", f.Name, f.Description)
	}
	w.Flush()
	return strings.TrimSuffix(b.String(), "\n")
}

// needInput prints the help when a command is given no input at all and
// standard input is a terminal: it would wait for typing, which is never
// what was meant.
func needInput(cmd *cobra.Command, args []string, s Streams) error {
	if len(args) > 0 || !s.InTerminal {
		return nil
	}
	cmd.SetOut(s.Err)
	_ = cmd.Help()
	return &exitError{code: ExitUsage}
}

func runParse(ctx context.Context, o *parseOptions, args []string, s Streams) error {
	format, err := export.Lookup(o.format)
	if err != nil {
		return usageErr("%v", err)
	}
	copts, err := o.run.check(args)
	if err != nil {
		return err
	}
	if err := o.check(args); err != nil {
		return err
	}
	inputs := o.run.inputs(args, o.outDir)
	if o.root != "" {
		inputs = batch.Rebase(inputs, o.root)
	}
	if format.Single && o.outDir == "" && len(inputs) > 1 {
		return usageErr("format %s holds one document per output: give one input, or --out-dir for one file each", format.Name)
	}

	copts.Sentences = o.sentences
	eopts := export.Options{Compact: o.compact, BOM: o.bom, Sentences: o.sentences}
	j := job{
		cfg: batch.Config{
			OutDir:       o.outDir,
			Ext:          format.Ext,
			SkipExisting: o.skipExisting,
			Stamp:        o.stamp(format, copts),
			FailFast:     o.failFast,
		},
		inputs: inputs,
		batch:  isBatch(o.outDir, args),
		summary: func(st batch.Stats) string {
			return fmt.Sprintf("%d converted, %d skipped, %d failed in %.2fs",
				st.Converted, st.Skipped, st.Failed, st.Elapsed.Seconds())
		},
	}
	out := o.run.open(s)
	defer out.abort()
	// With --out-dir, each file is a whole document: header, body and
	// closing. Otherwise there is one stream: the workers render each
	// document's part and the stream writes the parts in order; a merged
	// format (TMX) needs every input before its head, so it spools the
	// bodies to a temporary file as they come, keeping one note per input.
	write := func(w io.Writer, t *model.Transcript) error { return export.WriteDocument(w, format, t, eopts) }
	j.cfg.Convert = func(_ int, in batch.Input, data []byte) (batch.Doc, error) {
		t, err := convert.Convert(in.Name, data, copts)
		if err != nil {
			return nil, err
		}
		return func(w io.Writer) error { return write(w, t) }, nil
	}
	if o.outDir != "" {
		return o.run.run(ctx, s, out, j)
	}
	stream := export.NewStream(out, format, eopts)
	write = stream.Encode
	var spool *os.File
	stream.SpoolTo(func() (io.ReadWriteSeeker, error) {
		var err error
		spool, err = os.CreateTemp("", "transcript-*.spool")
		return spool, err
	})
	defer func() {
		if spool != nil {
			spool.Close()
			os.Remove(spool.Name())
		}
	}()
	// An error of the spool names the spool, not the output.
	spoolNamed := func(err error) error {
		var se *export.SpoolError
		if !errors.As(err, &se) {
			return err
		}
		if spool == nil {
			return &named{os.TempDir(), se.Err}
		}
		err = se.Err
		var pe *fs.PathError
		if errors.As(err, &pe) && pe.Path == spool.Name() {
			err = fmt.Errorf("%s: %w", pe.Op, pe.Err)
		}
		return &named{spool.Name(), err}
	}
	j.emit = func(ev batch.Event, doc batch.Doc) error {
		if ev.Status != batch.Converted {
			return nil
		}
		return spoolNamed(stream.Add(doc))
	}
	j.end = func() error { return spoolNamed(stream.Close()) }
	return o.run.run(ctx, s, out, j)
}

// stamp is everything besides the input that the bytes of an output
// depend on, for --skip-existing: the version, the format and the
// options, each named as given except the encoding, whose aliases are one.
func (o *parseOptions) stamp(f export.Format, copts convert.Options) string {
	enc, err := decode.Canonical(copts.Encoding)
	if err != nil {
		enc = copts.Encoding
	}
	stamp := fmt.Sprintf("transcript %s; format %s; compact %t; bom %t; encoding %s; layout %s",
		build.String(), f.Name, o.compact, o.bom, enc, copts.Layout)
	if o.sentences {
		stamp += "; sentences"
	}
	return stamp
}

// check rejects flag combinations that cannot work.
func (o *parseOptions) check(args []string) error {
	if o.outDir != "" && o.run.output != "" {
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
	return nil
}
