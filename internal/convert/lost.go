package convert

import (
	"strings"

	"github.com/transcript-cli/transcript/internal/model"
	"github.com/transcript-cli/transcript/internal/parse"
)

// Lost lists the non-blank lines of text that appear nowhere in t: not as a
// header, paragraph (or part of a rejoined one), summary, notice or unparsed
// line. Lines without a letter or digit (rules such as "====") carry no
// text and are not counted. The tests hold every input to an empty list.
func Lost(text string, t *model.Transcript) []parse.Line {
	whole := map[string]bool{}
	var all strings.Builder
	add := func(s *string) {
		if s != nil {
			whole[*s] = true
			all.WriteString(*s)
			all.WriteByte('\n')
		}
	}
	for i := range t.Summary {
		add(&t.Summary[i])
	}
	for i := range t.Notices {
		add(&t.Notices[i])
	}
	for i := range t.Unparsed {
		add(&t.Unparsed[i].Text)
	}
	for _, turn := range t.Turns {
		add(turn.Header)
		add(turn.HeaderZH)
		for _, p := range turn.Paragraphs {
			add(p.EN)
			add(p.ZH)
		}
	}
	joined := all.String()
	var lost []parse.Line
	for _, l := range parse.Lines(text) {
		if l.Text == "" || whole[l.Text] || !hasAlnum(l.Text) {
			continue
		}
		if !strings.Contains(joined, l.Text) {
			lost = append(lost, l)
		}
	}
	return lost
}

func hasAlnum(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool {
		return r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r > 0x7f && (r >= 0x2E80 || r < 0x2000)
	}) >= 0
}
