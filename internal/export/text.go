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
		if h := textHeader(turn); h != "" {
			line(h)
			line(h)
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
	// Headings, markup and unparsed lines have no place in this layout:
	// it carries the call's text, not its source's furniture.
	_, err := io.WriteString(w, b.String())
	return err
}

// textHeader is the turn's speaker line in the reference layout's own
// shape, "Speaker - Title", whatever the source layout printed
// ("Marilyn Mora,  Cisco Systems, Inc. - Director  [2]"), so that reading
// it again finds the same speaker.
func textHeader(turn model.Turn) string {
	switch {
	case turn.Speaker == nil:
		if turn.Header != nil {
			return *turn.Header
		}
		return ""
	case turn.Title != nil && *turn.Title != "":
		h := *turn.Speaker
		if turn.Firm != nil && *turn.Firm != "" && turn.Header != nil && strings.Contains(*turn.Header, *turn.Firm) {
			// The header's "Name--Firm -- Analyst" reads back with its
			// firm as "Name - Firm - Analyst".
			h += " - " + *turn.Firm
		}
		return h + " - " + *turn.Title
	}
	return *turn.Speaker
}
