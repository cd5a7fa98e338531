package parse

import (
	"github.com/transcript-cli/transcript/internal/model"
	"regexp"
	"strings"

	"github.com/transcript-cli/transcript/internal/textutil"
)

// builder collects the turns and blocks of a layout reader, so that each
// reader only decides what a line is.
type builder struct {
	d       *Document
	pre     [][]Line // body lines before the first turn
	cur     *Turn
	inBlock bool
	section string
}

func newBuilder() *builder { return &builder{d: &Document{}} }

// turn opens a new turn in the current section.
func (b *builder) turn(t Turn) *Turn {
	if t.Section == "" {
		t.Section = b.section
	}
	b.d.Turns = append(b.d.Turns, t)
	b.cur = &b.d.Turns[len(b.d.Turns)-1]
	b.inBlock = false
	return b.cur
}

// add appends a body line to the current block, or to a new block when
// newBlock is set or the previous block was closed.
func (b *builder) add(l Line, newBlock bool) {
	blocks := &b.pre
	if b.cur != nil {
		blocks = &b.cur.Blocks
	}
	if newBlock || !b.inBlock || len(*blocks) == 0 {
		*blocks = append(*blocks, nil)
	}
	(*blocks)[len(*blocks)-1] = append((*blocks)[len(*blocks)-1], l)
	b.inBlock = true
}

// brk closes the current block: the next body line starts a new one.
func (b *builder) brk() { b.inBlock = false }

// heading records a section marker or topic title and closes the block.
func (b *builder) heading(l Line) {
	if s := sectionOf(l.Text); s != "" {
		b.section = s
	}
	b.d.Headings = append(b.d.Headings, l)
	b.inBlock = false
}

func (b *builder) markup(l Line) { b.d.Markup = append(b.d.Markup, l) }

// finish files the text before the first turn (summary, notices) and
// returns the document.
func (b *builder) finish() *Document {
	splitPreamble(b.d, b.pre)
	return b.d
}

// sectionOf maps a section marker to the turn section it opens, or "".
func sectionOf(s string) string {
	s = strings.ToLower(strings.Trim(s, " #*:=-—–━"))
	s = strings.Join(strings.Fields(s), " ")
	switch s {
	case "presentation", "prepared remarks", "prepared remarks section", "management discussion section",
		"opening remarks":
		return "prepared_remarks"
	case "q&a", "questions and answers", "question and answer", "questions & answers",
		"question-and-answer session", "question and answer session", "q&a session":
		return "qa"
	}
	return ""
}

// mostlyHan reports whether a line's text is Chinese rather than English,
// by script counts.
func mostlyHan(s string) bool {
	c := textutil.Count(s)
	return c.Han > 0 && c.Han*2 >= c.LatinWords
}

// countMatches counts the lines matching re.
func countMatches(lines []Line, re *regexp.Regexp) int {
	n := 0
	for _, l := range lines {
		if re.MatchString(l.Text) {
			n++
		}
	}
	return n
}

// hasLine reports whether some line equals one of the texts exactly.
func hasLine(lines []Line, texts ...string) bool {
	for _, l := range lines {
		for _, t := range texts {
			if l.Text == t {
				return true
			}
		}
	}
	return false
}

// nonBlank counts the non-blank lines.
func nonBlank(lines []Line) int {
	n := 0
	for _, l := range lines {
		if l.Text != "" {
			n++
		}
	}
	return n
}

// cut returns l with its first n bytes moved to the prefix.
func cut(l Line, n int) Line {
	rest := textutil.Trim(l.Text[n:])
	l.Prefix += l.Text[:len(l.Text)-len(rest)]
	l.Text = rest
	return l
}

// score scales count hits into a 0..max score, full at full hits.
func score(hits, full, max int) int {
	if hits <= 0 {
		return 0
	}
	if hits >= full {
		return max
	}
	return max * hits / full
}

// splitDash splits "A — B" style entries at the first of the separators.
func splitDash(s string, seps ...string) []string {
	for _, sep := range seps {
		if strings.Contains(s, sep) {
			parts := strings.Split(s, sep)
			for i := range parts {
				parts[i] = strings.TrimSpace(parts[i])
			}
			return parts
		}
	}
	return []string{strings.TrimSpace(s)}
}

// roleOf guesses a participant's role from its title or list.
func roleOf(title string) string {
	low := strings.ToLower(title)
	switch {
	case low == "":
		return ""
	case strings.Contains(low, "analyst") || strings.Contains(low, "research"):
		return model.RoleAnalyst
	case strings.Contains(low, "operator"):
		return model.RoleOperator
	}
	return model.RoleExecutive
}

// firmTitle splits "Company - Title" (StreetEvents, Capital IQ) at its first
// " - ".
func firmTitle(s string) (firm, title string) {
	if i := strings.Index(s, " - "); i >= 0 {
		return strings.TrimSpace(s[:i]), strings.TrimSpace(s[i+3:])
	}
	return "", strings.TrimSpace(s)
}
