package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"

	"github.com/transcript-cli/transcript/internal/convert"
	"github.com/transcript-cli/transcript/internal/decode"
	"github.com/transcript-cli/transcript/internal/model"
	"github.com/transcript-cli/transcript/internal/parse"
)

// lintOptions are the flags of transcript lint.
type lintOptions struct {
	format   string
	encoding string
	layout   string
}

func newLintCmd(s Streams) *cobra.Command {
	o := &lintOptions{}
	cmd := &cobra.Command{
		Use:   "lint [flags] FILE...",
		Short: "Report what a person should look at before converting",
		Long: `Report the problems found in each FILE, one per line as
FILE:LINE: SEVERITY: CODE: message (missing and orphan translations,
doubtful pairs, repaired encodings, unparsed lines, number mismatches).
Exit 1 when a file has an error-level problem or cannot be read, 0 otherwise.`,
		Example: `  transcript lint calls/*.txt
  transcript lint --format json call.txt | jq -r 'select(.severity == "error") | .code'`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 && s.InTerminal {
				cmd.SetOut(s.Err)
				_ = cmd.Help()
				return &exitError{code: ExitUsage}
			}
			return runLint(o, args, s)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&o.format, "format", "f", "text", "report format: text or json (one object per line)")
	f.StringVar(&o.encoding, "encoding", "auto", "input encoding `NAME` (auto detects)")
	f.StringVar(&o.layout, "layout", "auto", "input layout `NAME` (auto detects)")
	_ = cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions([]string{"text", "json"}, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

// problem is one lint finding, as written by --format json.
type problem struct {
	File string `json:"file"`
	model.Warning
}

func runLint(o *lintOptions, args []string, s Streams) error {
	if o.format != "text" && o.format != "json" {
		return usageErr("unknown format %q (valid: json, text)", o.format)
	}
	if err := parse.CheckLayout(o.layout); err != nil {
		return usageErr("%v", err)
	}
	if _, err := decode.Canonical(o.encoding); err != nil {
		return usageErr("%v", err)
	}
	if len(args) == 0 {
		args = []string{"-"}
	}
	failed := false
	enc := json.NewEncoder(s.Out)
	enc.SetEscapeHTML(false)
	for _, a := range args {
		name := a
		var data []byte
		var err error
		if a == "-" {
			name = "<stdin>"
			data, err = io.ReadAll(s.In)
		} else {
			data, err = os.ReadFile(a)
		}
		var t *model.Transcript
		if err == nil {
			t, err = convert.Convert(name, data, convert.Options{Encoding: o.encoding, Layout: o.layout})
		}
		if err != nil {
			fmt.Fprintf(s.Err, "transcript: %s: %v\n", name, err)
			failed = true
			continue
		}
		for _, w := range t.Warnings {
			if w.Severity == model.SeverityError {
				failed = true
			}
			if o.format == "json" {
				if err := enc.Encode(problem{File: name, Warning: w}); err != nil {
					return err
				}
				continue
			}
			fmt.Fprintf(s.Out, "%s:%d: %s: %s: %s\n", name, w.Line, w.Severity, w.Code, w.Message)
		}
	}
	if failed {
		return &exitError{code: ExitFailure}
	}
	return nil
}
