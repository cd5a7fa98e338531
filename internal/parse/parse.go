// Package parse turns decoded transcript text into a Document: the text
// before the first speaker (summary and notices), and speaker turns whose
// bodies are blocks of lines. It knows the shapes of layouts (where headers
// are, what is a notice) but not languages; pairing English lines with their
// translations is package align's job.
package parse

import (
	"fmt"
	"strings"

	"github.com/transcript-cli/transcript/internal/textutil"
)

// Line is one non-blank input line.
type Line struct {
	No   int    // 1-based line number in the input
	Text string // without surrounding white space
	// Prefix is the layout markup and speaker label that a layout cut from
	// the start of the line ("[ 60] [EN] ", "**大卫**：", "(00:00:12) "),
	// verbatim, so that nothing is lost; Text is what remains.
	Prefix string
	// Time is the timestamp the line carried ("00:00:12"), if any.
	Time string
}

// Turn is one speaker's turn: a header line and the blocks of text under it.
type Turn struct {
	// Header is the speaker line; nil for text that no header introduces.
	Header *Line
	// Copies holds the header printed again right after itself.
	Copies []Line
	// HeaderTr holds the header's translation (and its copies), when the file
	// prints one under the header.
	HeaderTr []Line
	// HeaderMore holds further header lines: the "Company - Title" line
	// under the name in layouts that print the speaker on two lines.
	HeaderMore []Line
	Speaker    string
	Title      *string
	// Inline reports that Header was cut from the start of the turn's first
	// body line ("Amy Hood:Thank you."): Header.No is that body line's
	// number and Header.Text the label, not a line of its own.
	Inline bool
	// Section is the part of the call the turn sits in, from the layout's
	// section markers: "prepared_remarks", "qa", or "" when unknown.
	Section string
	// Blocks are runs of consecutive non-blank lines; blank lines separate
	// them.
	Blocks [][]Line
}

// Warning is a problem found while parsing, tied to a line.
type Warning struct {
	Line    int
	Code    string
	Message string
}

// Document is the parsed shape of one transcript.
type Document struct {
	Layout   string
	Summary  []Line // text before the first speaker that is not a notice
	Notices  []Line // disclaimers about the translation
	Turns    []Turn
	Unparsed []Line // lines no rule could place
	Warnings []Warning
	// Headings are section markers and topic titles ("### Q&A",
	// "Questions and Answers:", "━━ Call participants ━━"), markup removed.
	Headings []Line
	// Markup holds structural lines that carry no transcript text: metadata
	// banners, front matter, HTML wrappers, list titles.
	Markup []Line
	// Participants are the call's participants, from the layout's list.
	Participants []Participant
}

// Participant is one entry of a participants list.
type Participant struct {
	Name  string
	Title string
	Firm  string
	Role  string // a model role (executive, analyst, operator), or "" when the list does not say
	// Lines are the input lines of the entry (name, title, translation).
	Lines []Line
}

// Layout is a reader for one family of transcript files.
type Layout struct {
	Name        string
	Description string
	// Detect scores how well the text fits the layout, 0 (not at all) to
	// 100 (certain).
	Detect func(lines []Line) int
	Parse  func(lines []Line) *Document
}

// Layouts lists the known layouts, most specific first; the last one is the
// fallback that reads anything.
func Layouts() []Layout {
	return []Layout{
		alphamemoLayout, interleavedLayout, streeteventsLayout, capiqLayout,
		foolhtmlLayout, foolinlineLayout, speakerprefixLayout, sentencesLayout,
		plainLayout,
	}
}

// LayoutNames lists the names accepted by Parse.
func LayoutNames() []string {
	var names []string
	for _, l := range Layouts() {
		names = append(names, l.Name)
	}
	return names
}

// CheckLayout reports an error naming the valid layouts when name is not
// one of them (or "auto").
func CheckLayout(name string) error {
	if name == "" || name == "auto" {
		return nil
	}
	for _, l := range Layouts() {
		if l.Name == name {
			return nil
		}
	}
	return fmt.Errorf("unknown layout %q (valid: auto, %s)", name, strings.Join(LayoutNames(), ", "))
}

// Parse reads text (UTF-8 with "\n" line ends) in the named layout, or in the
// best fitting one when layout is "" or "auto".
func Parse(text, layout string) (*Document, error) {
	if err := CheckLayout(layout); err != nil {
		return nil, err
	}
	lines := Lines(text)
	all := Layouts()
	for _, l := range all {
		if l.Name == layout {
			return finish(l, lines), nil
		}
	}
	best, bestScore := all[len(all)-1], -1
	for _, l := range all {
		if s := l.Detect(lines); s > bestScore {
			best, bestScore = l, s
		}
	}
	return finish(best, lines), nil
}

func finish(l Layout, lines []Line) *Document {
	d := l.Parse(lines)
	d.Layout = l.Name
	foldRepeatedHeaders(d)
	return d
}

// foldRepeatedHeaders makes a speaker line printed twice in a row one turn,
// in every layout: files print headers once or twice whatever their layout,
// and an empty turn followed by the same speaker is the same turn.
func foldRepeatedHeaders(d *Document) {
	turns := d.Turns[:0]
	for i := 0; i < len(d.Turns); i++ {
		t := d.Turns[i]
		for i+1 < len(d.Turns) && len(t.Blocks) == 0 && t.Header != nil && !t.Inline {
			next := d.Turns[i+1]
			if next.Header == nil || next.Inline || next.Header.Text != t.Header.Text {
				break
			}
			t.Copies = append(append(t.Copies, *next.Header), next.Copies...)
			t.HeaderTr = append(t.HeaderTr, next.HeaderTr...)
			t.HeaderMore = append(t.HeaderMore, next.HeaderMore...)
			t.Blocks = next.Blocks
			if t.Section == "" {
				t.Section = next.Section
			}
			i++
		}
		turns = append(turns, t)
	}
	d.Turns = turns
}

// Lines splits text into its lines, numbered from 1, trimmed; blank lines are
// kept as empty Text so that layouts can see paragraph breaks.
func Lines(text string) []Line {
	n := strings.Count(text, "\n") + 1
	if strings.HasSuffix(text, "\n") {
		n--
	}
	lines := make([]Line, 0, n)
	for no := 1; len(text) > 0; no++ {
		s, rest, _ := strings.Cut(text, "\n")
		text = rest
		lines = append(lines, Line{No: no, Text: textutil.Trim(s)})
	}
	return lines
}
