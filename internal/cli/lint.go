package cli

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"sync/atomic"

	"github.com/spf13/cobra"

	"github.com/transcript-cli/transcript/internal/batch"
	"github.com/transcript-cli/transcript/internal/convert"
	"github.com/transcript-cli/transcript/internal/decode"
	"github.com/transcript-cli/transcript/internal/model"
)

// lintOptions are the flags of transcript lint.
type lintOptions struct {
	run    runOptions
	format string
}

// lintFormats are the report formats of lint.
var lintFormats = []string{"json", "text"}

func newLintCmd(s Streams) *cobra.Command {
	o := &lintOptions{}
	cmd := &cobra.Command{
		Use:   "lint [flags] [FILE|DIR...]",
		Short: "Report what a person should look at before converting",
		Long: `Report the problems found in each FILE (folders are searched as by
transcript parse), one per line as FILE:LINE: SEVERITY: CODE: message
(missing and orphan translations, doubtful pairs, repaired encodings,
unparsed lines, number mismatches). A file that cannot be read or holds
no transcript is reported the same way, on line 0 with severity error.
Exit 1 when a file has an error-level problem or cannot be read, 0
otherwise.`,
		Example: `  transcript lint calls/
  transcript lint --format json call.txt | jq -r 'select(.severity == "error") | .code'`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := needInput(cmd, args, s); err != nil {
				return err
			}
			return runLint(cmd.Context(), o, args, s)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&o.format, "format", "f", "text", "report format `NAME`: text, or json (one object per line)")
	o.run.bind(cmd, "check")
	_ = cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions(lintFormats, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

// problem is one lint finding, as written by --format json.
type problem struct {
	File string `json:"file"`
	model.Warning
}

// failureCode is the code under which lint reports an input that failed:
// the one place that maps the pipeline's errors to codes.
func failureCode(err error) string {
	switch {
	case errors.Is(err, convert.ErrNoCall):
		return "no_call"
	case errors.Is(err, convert.ErrNoTranscript):
		return "no_transcript"
	case errors.Is(err, decode.ErrBinary):
		return "binary"
	case errors.Is(err, batch.ErrNoFiles):
		return "no_files"
	}
	return "unreadable"
}

func runLint(ctx context.Context, o *lintOptions, args []string, s Streams) error {
	if !slices.Contains(lintFormats, o.format) {
		return usageErr("unknown format %q (valid: %s)", o.format, strings.Join(lintFormats, ", "))
	}
	copts, err := o.run.check(args)
	if err != nil {
		return err
	}
	report := func(w io.Writer, file string, warn model.Warning) error {
		if o.format == "json" {
			enc := json.NewEncoder(w)
			enc.SetEscapeHTML(false)
			return enc.Encode(problem{File: file, Warning: warn})
		}
		_, err := fmt.Fprintf(w, "%s:%d: %s: %s: %s\n", file, warn.Line, warn.Severity, warn.Code, warn.Message)
		return err
	}
	out := o.run.open(s)
	defer out.abort()
	// Each input's report is rendered by the workers and written in input
	// order; a failed input's is written in its place.
	var errorLevel atomic.Bool
	j := job{
		cfg: batch.Config{
			Convert: func(_ int, in batch.Input, data []byte) (batch.Doc, error) {
				t, err := convert.Convert(in.Name, data, copts)
				if err != nil {
					return nil, err
				}
				for _, warn := range t.Warnings {
					if warn.Severity == model.SeverityError {
						errorLevel.Store(true)
					}
				}
				return func(w io.Writer) error {
					for _, warn := range t.Warnings {
						if err := report(w, in.Name, warn); err != nil {
							return err
						}
					}
					return nil
				}, nil
			},
		},
		inputs: o.run.inputs(args, ""),
		emit: func(ev batch.Event, doc batch.Doc) error {
			switch ev.Status {
			case batch.Converted:
				// A big input's report is rendered here, a line at a time.
				bw := bufio.NewWriter(out)
				if err := doc(bw); err != nil {
					return err
				}
				return bw.Flush()
			case batch.Failed:
				return report(out, ev.Input.Name, model.Warning{
					Code: failureCode(ev.Err), Severity: model.SeverityError, Message: ev.Err.Error(),
				})
			}
			return nil
		},
		keepEmpty: true,
		batch:     isBatch("", args),
		summary: func(st batch.Stats) string {
			return fmt.Sprintf("%d checked, %d failed in %.2fs", st.Converted, st.Failed, st.Elapsed.Seconds())
		},
		failed: errorLevel.Load,
	}
	return o.run.run(ctx, s, out, j)
}
