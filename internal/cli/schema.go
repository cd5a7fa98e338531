package cli

import (
	"github.com/spf13/cobra"

	"github.com/transcript-cli/transcript/internal/model"
)

func newSchemaCmd(s Streams) *cobra.Command {
	return &cobra.Command{
		Use:   "schema",
		Short: "Print the JSON Schema of the JSON output",
		Long: `Print the JSON Schema (draft 2020-12) that every JSON document of
transcript parse conforms to, for validators and code generators.`,
		Example: `  transcript schema > transcript.schema.json`,
		Args:    cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			if _, err := s.Out.Write(model.Schema); err != nil {
				return &exitError{code: ExitFailure, err: err}
			}
			return nil
		},
	}
}
