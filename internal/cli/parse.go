package cli

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/transcript-cli/transcript/internal/convert"
	"github.com/transcript-cli/transcript/internal/decode"
	"github.com/transcript-cli/transcript/internal/export"
	"github.com/transcript-cli/transcript/internal/model"
	"github.com/transcript-cli/transcript/internal/parse"
)

// parseOptions are the flags of transcript parse.
type parseOptions struct {
	format   string
	compact  bool
	output   string
	encoding string
	layout   string
	bom      bool
}

func newParseCmd(s Streams) *cobra.Command {
	o := &parseOptions{}
	cmd := &cobra.Command{
		Use:   "parse [flags] [FILE...]",
		Short: "Convert transcripts to JSON, YAML and other formats",
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
	f.BoolVar(&o.bom, "bom", false, "csv: start with a UTF-8 byte order mark (for Excel)")
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
	if err := parse.CheckLayout(o.layout); err != nil {
		return usageErr("%v", err)
	}
	if _, err := decode.Canonical(o.encoding); err != nil {
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
	if format.Single && len(inputs) > 1 {
		return usageErr("format %s holds one document per output: give one input, or --out-dir for one file each", format.Name)
	}

	var out io.Writer = s.Out
	var file *atomicFile
	if o.output != "" {
		file = &atomicFile{path: o.output}
		out = file
	}
	w := bufio.NewWriter(out)
	sw := export.NewWriter(w, format, export.Options{Compact: o.compact, BOM: o.bom})
	copts := convert.Options{Encoding: o.encoding, Layout: o.layout}
	failed, written := false, 0
	for _, in := range inputs {
		t, err := convertOne(in, s, copts)
		if err == nil {
			err = sw.Write(t)
		}
		if err != nil {
			fmt.Fprintf(s.Err, "transcript: %s: %v\n", in.name, err)
			failed = true
			continue
		}
		written++
	}
	err = sw.Close()
	if ferr := w.Flush(); err == nil {
		err = ferr
	}
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

func convertOne(in input, s Streams, copts convert.Options) (*model.Transcript, error) {
	var data []byte
	var err error
	if in.path == "" {
		data, err = io.ReadAll(s.In)
	} else {
		data, err = os.ReadFile(in.path)
	}
	if err != nil {
		return nil, err
	}
	return convert.Convert(in.name, data, copts)
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
