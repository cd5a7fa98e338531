package cli

import (
	"github.com/spf13/cobra"

	"github.com/transcript-cli/transcript/internal/convert"
	"github.com/transcript-cli/transcript/internal/decode"
	"github.com/transcript-cli/transcript/internal/parse"
)

// readOptions say how inputs are read; parse and lint share them.
type readOptions struct {
	encoding string
	layout   string
}

func (r *readOptions) bind(cmd *cobra.Command) {
	f := cmd.Flags()
	f.StringVar(&r.encoding, "encoding", "auto", "input encoding `NAME` (auto detects)")
	f.StringVar(&r.layout, "layout", "auto", "input layout `NAME` (auto detects; see transcript layouts)")
	_ = cmd.RegisterFlagCompletionFunc("layout", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		names := []string{"auto\tdetect the layout"}
		for _, l := range parse.Layouts() {
			names = append(names, l.Name+"\t"+l.Description)
		}
		return names, cobra.ShellCompDirectiveNoFileComp
	})
	_ = cmd.RegisterFlagCompletionFunc("encoding", cobra.FixedCompletions(decode.Names(), cobra.ShellCompDirectiveNoFileComp))
}

// options checks the names and gives the pipeline's options; a bad name is
// a usage error.
func (r *readOptions) options() (convert.Options, error) {
	if err := parse.CheckLayout(r.layout); err != nil {
		return convert.Options{}, usageErr("%v", err)
	}
	if _, err := decode.Canonical(r.encoding); err != nil {
		return convert.Options{}, usageErr("%v", err)
	}
	return convert.Options{Encoding: r.encoding, Layout: r.layout}, nil
}
