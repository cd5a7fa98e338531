package cli

import (
	"fmt"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/transcript-cli/transcript/internal/parse"
)

func newLayoutsCmd(s Streams) *cobra.Command {
	return &cobra.Command{
		Use:   "layouts",
		Short: "List the input layouts that parse --layout accepts",
		Long: `List the input layouts, one per line: name and description. parse
detects the layout of each input by default; --layout NAME forces one.`,
		Args: cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			w := tabwriter.NewWriter(s.Out, 0, 4, 2, ' ', 0)
			for _, l := range parse.Layouts() {
				fmt.Fprintf(w, "%s\t%s\n", l.Name, l.Description)
			}
			if err := w.Flush(); err != nil {
				return &exitError{code: ExitFailure, err: err}
			}
			return nil
		},
	}
}
