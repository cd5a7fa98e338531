package parse

import (
	"strings"

	"github.com/transcript-cli/transcript/internal/lang"

	"github.com/transcript-cli/transcript/internal/textutil"
)

// Layout is a family of transcript files: the container its lines come in,
// and the signals that recognise the family. Furniture and speaker
// conventions are found the same way in every layout, so a new family is a
// new entry here, with a new container only if its lines are marked in a
// new way.
type Layout struct {
	Name        string
	Description string
	Container   *Container
	// Detect scores how well the text fits the layout, 0 (not at all) to
	// 100 (certain).
	Detect func(lines []Line) int
}

// layouts lists the known layouts, most specific first; the last one is
// the fallback that reads anything.
var layouts = []*Layout{
	{
		Name:        "alphamemo",
		Description: "AlphaMemo memo + transcript: Markdown headings, **Name - Title** headers, (hh:mm:ss) stamps on both languages",
		Container:   markdownContainer, Detect: detectAlphamemo,
	},
	{
		Name:        "interleaved",
		Description: "numbered pairs \"[ 60] [EN] Name:Text\" / \"[中] 名字：译文\" with ━━ heading pairs and a metadata banner",
		Container:   numberedContainer, Detect: detectInterleaved,
	},
	{
		Name:        "streetevents",
		Description: "Refinitiv StreetEvents: ==== / ---- rules, participant lists, headers \"Name,  Company - Title  [n]\"",
		Container:   ruledContainer, Detect: detectStreetevents,
	},
	{
		Name:        "capiq",
		Description: "S&P Capital IQ PDF text: upper-case sections, speaker on two lines (Name / Company - Title), wrapped text",
		Container:   wrappedContainer, Detect: detectCapiq,
	},
	{
		Name:        "foolhtml",
		Description: "Motley Fool page text: \"Prepared Remarks:\", speakers \"Name -- Title\" or \"Name--Title\" on their own line, \"Call participants:\" at the end",
		Container:   linesContainer, Detect: detectFoolhtml,
	},
	{
		Name:        "foolinline",
		Description: "Motley Fool text with inline speakers \"Name:Text\" and a \"Title — Name\" participants list",
		Container:   linesContainer, Detect: detectFoolinline,
	},
	{
		Name:        "speakerprefix",
		Description: "paragraphs opening with a speaker label, \"David: …\" / \"**大卫**：…\", in either order, with Markdown headings",
		Container:   markdownContainer, Detect: detectSpeakerprefix,
	},
	{
		Name:        "sentences",
		Description: "one sentence per line, no speakers or sections (read as one turn with no speaker)",
		Container:   linesContainer, Detect: detectSentences,
	},
	{
		Name:        "plain",
		Description: "speaker lines (\"Name - Title\", often printed twice), one paragraph per line or block, translation next to its original",
		Container:   linesContainer, Detect: func([]Line) int { return 1 },
	},
}

// Layouts lists the known layouts, most specific first; the last one is the
// fallback that reads anything.
func Layouts() []Layout {
	out := make([]Layout, len(layouts))
	for i, l := range layouts {
		out[i] = *l
	}
	return out
}

// LayoutNames lists the names accepted by Parse.
func LayoutNames() []string {
	names := make([]string, len(layouts))
	for i, l := range layouts {
		names[i] = l.Name
	}
	return names
}

func layoutNamed(name string) *Layout {
	for _, l := range layouts {
		if l.Name == name {
			return l
		}
	}
	return nil
}

// detect picks the best-scoring layout; ties go to the more specific.
func detect(lines []Line) *Layout {
	best, bestScore := layouts[len(layouts)-1], -1
	for _, l := range layouts {
		if s := l.Detect(lines); s > bestScore {
			best, bestScore = l, s
		}
	}
	return best
}

// ---- the signals of each family ----

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

func detectInterleaved(lines []Line) int {
	en, zh := 0, 0
	for _, l := range lines {
		switch tag, _ := numberedTag(l.Text); tag {
		case lang.English:
			en++
		case lang.Chinese:
			zh++
		}
	}
	if en < 2 || zh < 2 {
		return 0
	}
	return score(min(en, zh), 5, 97)
}

func detectAlphamemo(lines []Line) int {
	stamps, headers := 0, 0
	for _, l := range lines {
		if stampOf(l.Text) != nil {
			stamps++
		}
		if inner, ok := strings.CutPrefix(l.Text, "**"); ok && strings.HasSuffix(inner, "**") {
			if h, ok := splitHeader(strings.TrimSuffix(inner, "**")); ok && h.title != nil {
				headers++
			}
		}
	}
	if stamps < 2 {
		return 0
	}
	return score(stamps, 6, 50) + score(headers, 2, 45)
}

func detectStreetevents(lines []Line) int {
	headers := 0
	for i, l := range lines {
		if i > 0 && isRuleLine(l.Text) && cutStreetNumber(lines[i-1].Text) != lines[i-1].Text {
			headers++
		}
	}
	if headers == 0 {
		return 0
	}
	return 50 + score(headers, 5, 45)
}

func detectCapiq(lines []Line) int {
	s := 0
	if hasLine(lines, "PRESENTATION") {
		s += 40
	}
	if hasLine(lines, "QUESTIONS AND ANSWERS", "QUESTION AND ANSWER") {
		s += 25
	}
	if hasLine(lines, "CORPORATE PARTICIPANTS", "CONFERENCE CALL PARTICIPANTS") {
		s += 25
	}
	return s
}

// foolHeader reports a Motley Fool speaker line: "Name -- Title",
// "Name--Firm -- Analyst".
func foolHeader(s string) bool {
	if !strings.Contains(s, "--") {
		return false
	}
	h, ok := splitHeader(s)
	return ok && h.title != nil
}

func detectFoolhtml(lines []Line) int {
	headers := 0
	for _, l := range lines {
		if foolHeader(l.Text) {
			headers++
		}
	}
	if headers < 2 {
		return 0
	}
	s := score(headers, 5, 50)
	if hasLine(lines, "Prepared Remarks:", "Questions and Answers:", "Questions & Answers:") {
		s += 35
	}
	if hasLine(lines, "Call participants:", "Call Participants:") {
		s += 10
	}
	return s
}

// foolLabel reports the Motley Fool's inline speaker label, "Name:Text"
// with no space after the colon.
func foolLabel(s string) (string, bool) {
	i := strings.IndexByte(s, ':')
	if i <= 0 || i > 50 || i+1 >= len(s) || s[i+1] == ' ' || s[0] < 'A' || s[0] > 'Z' {
		return "", false
	}
	name := s[:i]
	if !labelShaped(name) {
		return "", false
	}
	return name, true
}

func detectFoolinline(lines []Line) int {
	hits := 0
	names := map[string]int{}
	for _, l := range lines {
		if name, ok := foolLabel(l.Text); ok {
			hits++
			names[name]++
		}
	}
	// Several "Name:Text" lines, and a speaker who comes back or a
	// participants list.
	if hits < 2 || len(names) == hits && !hasLine(lines, "Call participants", "Call participants:", "Call Participants") {
		return 0
	}
	return score(hits, 10, 80)
}

func detectSpeakerprefix(lines []Line) int {
	// A tenth of the lines must open with a label: a colon near their
	// start, which most lines of most files have not.
	colons, nb := 0, 0
	for _, l := range lines {
		if l.Text == "" {
			continue
		}
		nb++
		head := l.Text[:min(len(l.Text), 90)]
		if strings.IndexByte(head, ':') >= 0 || strings.Contains(head, "：") {
			colons++
		}
	}
	if colons < 2 || colons*10 < nb {
		return 0
	}
	f := &file{items: readMarkdown(lines), d: &Document{}}
	marks, _ := findLabels(f)
	// Labels followed by a space ("David: …") or bold; the Motley Fool's
	// "Name:Text" is another family.
	hits := 0
	for i, m := range marks {
		if m.kind != mLabel {
			continue
		}
		if it := &f.items[i]; it.boldLabel || m.n >= len(it.Text) || it.Text[m.n-1] == ' ' {
			hits++
		}
	}
	if hits < 2 || hits*10 < nb {
		return 0
	}
	return score(hits*100/nb, 30, 70)
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
		if h, ok := splitHeader(l.Text); ok && (h.title != nil || i+1 < len(lines) && lines[i+1].Text == l.Text) {
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
