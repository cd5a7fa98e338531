package convert

import (
	"strings"

	"github.com/transcript-cli/transcript/internal/model"
	"github.com/transcript-cli/transcript/internal/parse"
	"github.com/transcript-cli/transcript/internal/textutil"
)

// Lost lists the non-blank lines of text that appear nowhere in t: not as a
// header, paragraph (or part of a rejoined one), summary, notice or unparsed
// line. Lines without a letter or digit (rules such as "====") carry no
// text and are not counted. The tests hold every input to an empty list.
//
// Layouts cut markup from lines ("[ 60] [EN] ", "**大卫**：", "(00:00:12) ",
// "**"): such a line counts as kept when the text left after the cut is,
// and the cut text is in the output's markup.
func Lost(text string, t *model.Transcript) []parse.Line {
	// Speaker lines, headings, markup and participants may stand for
	// several input lines (a header printed twice); text (paragraphs,
	// summary, notices, unparsed lines) is counted, so that one of two
	// identical paragraphs ("Thank you.") cannot go missing unseen.
	once := map[string]bool{}
	counted := map[string]int{}
	var all strings.Builder
	add := func(s *string, count bool) {
		if s == nil {
			return
		}
		if count {
			counted[*s]++
		} else {
			once[*s] = true
		}
		all.WriteString(*s)
		all.WriteByte('\n')
	}
	for i := range t.Summary {
		add(&t.Summary[i], true)
	}
	for i := range t.Notices {
		add(&t.Notices[i], true)
	}
	for i := range t.Unparsed {
		add(&t.Unparsed[i].Text, true)
	}
	for _, ls := range [][]model.Line{t.Headings, t.Markup} {
		for i := range ls {
			add(&ls[i].Text, false)
		}
	}
	for _, p := range t.Participants {
		add(&p.Name, false)
		add(p.Title, false)
		add(p.Firm, false)
	}
	for _, turn := range t.Turns {
		add(turn.Header, false)
		add(turn.HeaderZH, false)
		for _, p := range turn.Paragraphs {
			add(p.EN, true)
			add(p.ZH, true)
		}
	}
	joined := all.String()
	// kept reports whether s is in the output once more: as a whole text
	// while such remain, else inside a rejoined paragraph (as many times
	// as the input has it).
	seen := map[string]int{}
	kept := func(s string) bool {
		if once[s] {
			return true
		}
		seen[s]++
		if seen[s] <= counted[s] {
			return true
		}
		return strings.Count(joined, s) >= seen[s]
	}
	cut := layoutLines(text, t.Source.Layout)
	var lost []parse.Line
	for _, l := range parse.Lines(text) {
		if l.Text == "" || !textutil.HasAlnum(l.Text) {
			continue
		}
		if rest, ok := cut[l.No]; ok {
			if rest == "" || kept(rest) {
				continue
			}
		} else if kept(l.Text) {
			continue
		}
		lost = append(lost, l)
	}
	return lost
}

// layoutLines parses text again in layout and reports, by line number, the
// text left after the layout cut markup from a line (the cut part itself is
// in the output's markup).
func layoutLines(text, layout string) (cut map[int]string) {
	cut = map[int]string{}
	doc, err := parse.Parse(text, layout)
	if err != nil {
		return cut
	}
	raw := parse.Lines(text)
	keep := func(ls ...parse.Line) {
		for _, l := range ls {
			if l.No >= 1 && l.No <= len(raw) && raw[l.No-1].Text != l.Text {
				cut[l.No] = l.Text
			}
		}
	}
	keep(doc.Headings...)
	keep(doc.Markup...)
	for _, p := range doc.Participants {
		keep(p.Lines...)
	}
	keep(doc.Summary...)
	keep(doc.Notices...)
	for _, turn := range doc.Turns {
		if turn.Header != nil && !turn.Inline {
			// A header line stripped of its markup ("**Name - Title**").
			cut[turn.Header.No] = turn.Header.Text
		}
		keep(turn.HeaderTr...)
		for _, b := range turn.Blocks {
			keep(b...)
		}
	}
	return cut
}
