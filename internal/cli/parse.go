package cli

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/transcript-cli/transcript/internal/convert"
	"github.com/transcript-cli/transcript/internal/export"
	"github.com/transcript-cli/transcript/internal/parse"
)

// parseOptions are the flags of transcript parse.
type parseOptions struct {
	format   string
	compact  bool
	output   string
	encoding string
	layout   string
}

func newParseCmd(s Streams) *cobra.Command {
	o := &parseOptions{}
	cmd := &cobra.Command{
		Use:   "parse [flags] [FILE...]",
		Short: "Convert transcripts to JSON or YAML",
		Long: `Convert each FILE (or standard input, also named "-") into one document.
Several inputs give a stream of documents in input order.`,
		Example: `  transcript parse call.txt > call.json
  transcript parse call.txt | jq '.turns[] | select(.speaker == "Operator") | .line'
  transcript parse -f yaml -o call.yaml call.txt`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 && s.InTerminal {
				cmd.SetOut(s.Err)
				_ = cmd.Help()
				return &exitError{code: ExitUsage}
			}
			return runParse(o, args, s)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&o.format, "format", "f", "json", "output format: "+strings.Join(export.Names(), ", "))
	f.BoolVarP(&o.compact, "compact", "c", false, "write each JSON document on one line")
	f.StringVarP(&o.output, "output", "o", "", "write to `FILE` (atomically) instead of standard output")
	f.StringVar(&o.encoding, "encoding", "auto", "input encoding `NAME` (auto detects)")
	f.StringVar(&o.layout, "layout", "auto", "input layout `NAME` (auto detects; see transcript layouts)")
	_ = cmd.RegisterFlagCompletionFunc("layout", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		names := []string{"auto	detect the layout"}
		for _, l := range parse.Layouts() {
			names = append(names, l.Name+"	"+l.Description)
		}
		return names, cobra.ShellCompDirectiveNoFileComp
	})
	_ = cmd.RegisterFlagCompletionFunc("format", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		var names []string
		for _, f := range export.Formats() {
			names = append(names, f.Name+"\t"+f.Description)
		}
		return names, cobra.ShellCompDirectiveNoFileComp
	})
	return cmd
}

// input is one thing to convert.
type input struct {
	name string // as shown in messages and in source.path
	path string // "" for standard input
}

func runParse(o *parseOptions, args []string, s Streams) error {
	format, err := export.Lookup(o.format)
	if err != nil {
		return usageErr("%v", err)
	}
	var inputs []input
	if len(args) == 0 {
		args = []string{"-"}
	}
	for _, a := range args {
		if a == "-" {
			inputs = append(inputs, input{name: "<stdin>"})
		} else {
			inputs = append(inputs, input{name: a, path: a})
		}
	}

	var out io.Writer = s.Out
	var file *atomicFile
	if o.output != "" {
		file = &atomicFile{path: o.output}
		out = file
	}
	w := bufio.NewWriter(out)
	copts := convert.Options{Encoding: o.encoding, Layout: o.layout}
	failed, written := false, 0
	var buf bytes.Buffer
	for _, in := range inputs {
		buf.Reset()
		if err := convertOne(in, s, copts, format, o, &buf); err != nil {
			fmt.Fprintf(s.Err, "transcript: %s: %v\n", in.name, err)
			failed = true
			continue
		}
		if written > 0 {
			w.WriteString(format.Separator)
		}
		w.Write(buf.Bytes())
		written++
	}
	err = w.Flush()
	if file != nil {
		if written == 0 {
			file.discard()
		} else if cerr := file.commit(); err == nil {
			err = cerr
		}
	}
	if err != nil {
		name := o.output
		if name == "" {
			name = "<stdout>"
		}
		fmt.Fprintf(s.Err, "transcript: %s: %v\n", name, err)
		return &exitError{code: ExitFailure}
	}
	if failed {
		return &exitError{code: ExitFailure}
	}
	return nil
}

func convertOne(in input, s Streams, copts convert.Options, format export.Format, o *parseOptions, buf *bytes.Buffer) error {
	var data []byte
	var err error
	if in.path == "" {
		data, err = io.ReadAll(s.In)
	} else {
		data, err = os.ReadFile(in.path)
	}
	if err != nil {
		return err
	}
	t, err := convert.Convert(in.name, data, copts)
	if err != nil {
		return err
	}
	return format.Write(buf, t, export.Options{Compact: o.compact})
}

// atomicFile collects output in a temporary file beside its destination and
// renames it into place on commit, so that a failure never leaves a
// half-written or truncated file.
type atomicFile struct {
	path string
	tmp  *os.File
	err  error
}

func (a *atomicFile) Write(p []byte) (int, error) {
	if a.err != nil {
		return 0, a.err
	}
	if a.tmp == nil {
		dir, base := filepath.Split(a.path)
		if dir == "" {
			dir = "."
		}
		a.tmp, a.err = os.CreateTemp(dir, "."+base+".tmp*")
		if a.err != nil {
			return 0, a.err
		}
	}
	n, err := a.tmp.Write(p)
	if err != nil {
		a.err = err
	}
	return n, err
}

func (a *atomicFile) commit() error {
	if a.tmp == nil {
		if a.err != nil {
			return a.err
		}
		// Nothing was written: the output is an empty file.
		if _, err := a.Write(nil); err != nil {
			return err
		}
	}
	err := a.err
	if err == nil {
		err = a.tmp.Chmod(0o644)
	}
	if cerr := a.tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(a.tmp.Name(), a.path)
	}
	if err != nil {
		os.Remove(a.tmp.Name())
		return errors.Unwrap(err)
	}
	return nil
}

func (a *atomicFile) discard() {
	if a.tmp != nil {
		a.tmp.Close()
		os.Remove(a.tmp.Name())
	}
}
