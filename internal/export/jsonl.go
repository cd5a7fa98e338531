package export

import (
	"encoding/json"
	"io"

	"github.com/transcript-cli/transcript/internal/model"
)

// jsonl writes one flat JSON object per paragraph (see row), for jq -c,
// DuckDB's read_json_auto and pandas.read_json(lines=True). Documents
// concatenate: the file key tells them apart.
var jsonlFormat = Format{
	Name: "jsonl", Ext: ".jsonl",
	Description: "JSON Lines: one flat object per paragraph (jq, DuckDB, pandas)",
	Write:       writeJSONL,
}

func writeJSONL(w io.Writer, t *model.Transcript, o Options) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, r := range rows(t, o.Sentences) {
		var v any = r
		if o.Sentences {
			v = sentenceRow{row: r, Sentence: r.Sentence, Score: r.Score}
		}
		if err := enc.Encode(v); err != nil {
			return err
		}
	}
	return nil
}
