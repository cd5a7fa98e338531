package export

import (
	"io"
	"strings"

	"github.com/transcript-cli/transcript/internal/model"
)

// text writes the bilingual text again in the reference layout: the summary
// and notices, then per turn the header printed twice and each English line
// followed by its translation. Parsing it gives the same turns and pairs.
// Documents are separated by a blank line (which the parser skips; several
// documents parse back as one call).
var textFormat = Format{
	Name: "text", Ext: ".txt",
	Description: "bilingual text in the reference layout (header twice, English line, translation line)",
	Separator:   "\n",
	Write:       writeText,
}

func writeText(w io.Writer, t *model.Transcript, _ Options) error {
	var b strings.Builder
	line := func(s string) {
		// A paragraph never spans lines in this layout; a line break inside
		// one would split it on reading.
		b.WriteString(strings.ReplaceAll(s, "\n", " "))
		b.WriteByte('\n')
	}
	for _, s := range t.Summary {
		line(s)
	}
	for _, s := range t.Notices {
		line(s)
	}
	for _, turn := range t.Turns {
		if turn.Header != nil {
			line(*turn.Header)
			line(*turn.Header)
		}
		if turn.HeaderZH != nil {
			line(*turn.HeaderZH)
			line(*turn.HeaderZH)
		}
		for _, p := range turn.Paragraphs {
			if p.EN != nil {
				line(*p.EN)
			}
			if p.ZH != nil {
				line(*p.ZH)
			}
		}
	}
	// TODO: model.Transcript.Unparsed lines have no place in this layout
	// yet; they are left out.
	_, err := io.WriteString(w, b.String())
	return err
}
