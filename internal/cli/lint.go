package cli

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"runtime"
	"sync/atomic"

	"github.com/spf13/cobra"

	"github.com/transcript-cli/transcript/internal/batch"
	"github.com/transcript-cli/transcript/internal/convert"
	"github.com/transcript-cli/transcript/internal/model"
)

// lintOptions are the flags of transcript lint.
type lintOptions struct {
	format  string
	read    readOptions
	include []string
}

func newLintCmd(s Streams) *cobra.Command {
	o := &lintOptions{}
	cmd := &cobra.Command{
		Use:   "lint [flags] [FILE|DIR...]",
		Short: "Report what a person should look at before converting",
		Long: `Report the problems found in each FILE (folders are searched as by
transcript parse), one per line as FILE:LINE: SEVERITY: CODE: message
(missing and orphan translations, doubtful pairs, repaired encodings,
unparsed lines, number mismatches). Exit 1 when a file has an error-level
problem or cannot be read, 0 otherwise.`,
		Example: `  transcript lint calls/
  transcript lint --format json call.txt | jq -r 'select(.severity == "error") | .code'`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 && s.InTerminal {
				cmd.SetOut(s.Err)
				_ = cmd.Help()
				return &exitError{code: ExitUsage}
			}
			return runLint(cmd.Context(), o, args, s)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&o.format, "format", "f", "text", "report format: text or json (one object per line)")
	f.StringArrayVar(&o.include, "include", nil, "in folders, check files whose name matches `GLOB` (repeatable)")
	o.read.bind(cmd)
	_ = cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions([]string{"text", "json"}, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

// problem is one lint finding, as written by --format json.
type problem struct {
	File string `json:"file"`
	model.Warning
}

func runLint(ctx context.Context, o *lintOptions, args []string, s Streams) error {
	if ctx == nil {
		ctx = context.Background()
	}
	if o.format != "text" && o.format != "json" {
		return usageErr("unknown format %q (valid: json, text)", o.format)
	}
	copts, err := o.read.options()
	if err != nil {
		return err
	}
	if err := batch.CheckPatterns(o.include); err != nil {
		return usageErr("%v", err)
	}
	if err := checkStdinOnce(args); err != nil {
		return err
	}
	if len(args) == 0 {
		args = []string{"-"}
	}
	// The same ordered, parallel reading as parse: each input's report is
	// written in input order as soon as it and those before it are done.
	var errorLevel atomic.Bool
	cfg := batch.Config{
		Jobs:   runtime.NumCPU(),
		Stream: s.Out,
		Stdin:  func(ctx context.Context) ([]byte, error) { return readAll(ctx, s.In) },
		Convert: func(_ int, in batch.Input, data []byte, w io.Writer) error {
			t, err := convert.Convert(in.Name, data, copts)
			if err != nil {
				return err
			}
			enc := json.NewEncoder(w)
			enc.SetEscapeHTML(false)
			for _, warn := range t.Warnings {
				if warn.Severity == model.SeverityError {
					errorLevel.Store(true)
				}
				if o.format == "json" {
					if err := enc.Encode(problem{File: in.Name, Warning: warn}); err != nil {
						return err
					}
					continue
				}
				fmt.Fprintf(w, "%s:%d: %s: %s: %s\n", in.Name, warn.Line, warn.Severity, warn.Code, warn.Message)
			}
			return nil
		},
		Report: func(ev batch.Event) {
			if ev.Status == batch.Failed {
				fmt.Fprintf(s.Err, "transcript: %s: %v\n", ev.Input.Name, ev.Err)
			}
		},
	}
	st, err := batch.Run(ctx, cfg, batch.Expand(args, batch.WalkOptions{Include: o.include}))
	var se *batch.StreamError
	switch {
	case ctx.Err() != nil:
		return &exitError{code: ExitFailure}
	case errors.As(err, &se):
		// A write that fails ends the run: the reader is gone (| head,
		// exit 141, quietly) or the output cannot take more (exit 1).
		if isBrokenPipe(se.Err) {
			return &exitError{code: ExitPipe}
		}
		return &exitError{code: ExitFailure, err: fmt.Errorf("<stdout>: %v", se.Err)}
	case err != nil:
		return &exitError{code: ExitFailure, err: err}
	}
	if st.Failed > 0 || errorLevel.Load() {
		return &exitError{code: ExitFailure}
	}
	return nil
}
