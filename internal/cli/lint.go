package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"os"

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
	failed := false
	// A write that fails ends the run: the reader is gone (| head, exit
	// 141, quietly) or the output cannot take more (exit 1).
	writeErr := func(err error) error {
		if isBrokenPipe(err) {
			return &exitError{code: ExitPipe}
		}
		return &exitError{code: ExitFailure, err: fmt.Errorf("<stdout>: %v", err)}
	}
	enc := json.NewEncoder(s.Out)
	enc.SetEscapeHTML(false)
	for _, in := range batch.Expand(args, batch.WalkOptions{Include: o.include}) {
		if err := ctx.Err(); err != nil {
			return err
		}
		var data []byte
		err := in.Err
		if err == nil {
			if in.Stdin {
				data, err = readAll(ctx, s.In)
			} else {
				data, err = os.ReadFile(in.Path)
			}
		}
		var t *model.Transcript
		if err == nil {
			t, err = convert.Convert(in.Name, data, copts)
		}
		if err != nil {
			fmt.Fprintf(s.Err, "transcript: %s: %v\n", in.Name, err)
			failed = true
			continue
		}
		for _, w := range t.Warnings {
			if w.Severity == model.SeverityError {
				failed = true
			}
			var err error
			if o.format == "json" {
				err = enc.Encode(problem{File: in.Name, Warning: w})
			} else {
				_, err = fmt.Fprintf(s.Out, "%s:%d: %s: %s: %s\n", in.Name, w.Line, w.Severity, w.Code, w.Message)
			}
			if err != nil {
				return writeErr(err)
			}
		}
	}
	if failed {
		return &exitError{code: ExitFailure}
	}
	return nil
}
