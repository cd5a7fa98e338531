package parse

import (
	"strings"

	"github.com/transcript-cli/transcript/internal/textutil"
)

// Cleaned text with one sentence per line and no speakers at all (ECTSum):
// the whole text is one turn with no speaker, each line a paragraph.
var sentencesLayout = Layout{
	Name:        "sentences",
	Description: "one sentence per line, no speakers or sections (read as one turn with no speaker)",
	Detect:      detectSentences,
	Parse:       parseSentences,
}

func detectSentences(lines []Line) int {
	nb, ends := 0, 0
	for i, l := range lines {
		if l.Text == "" {
			continue
		}
		nb++
		if textutil.HasHan(l.Text) {
			return 0
		}
		if _, title, ok := SplitHeader(l.Text); ok && (title != nil || i+1 < len(lines) && lines[i+1].Text == l.Text) {
			return 0
		}
		if strings.ContainsAny(l.Text[len(l.Text)-1:], ".?!\"”") {
			ends++
		}
	}
	if nb < 3 || ends*10 < nb*8 {
		return 0
	}
	return 30
}

func parseSentences(lines []Line) *Document {
	b := newBuilder()
	for _, l := range lines {
		if textutil.HasAlnum(l.Text) {
			b.add(l, true)
		} else if l.Text != "" {
			b.markup(l)
		}
	}
	return b.finish()
}
