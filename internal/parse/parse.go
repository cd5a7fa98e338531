// Package parse turns decoded transcript text into a Document: the text
// before the first speaker (preamble, summary and notices), and speaker
// turns whose bodies are blocks of lines.
//
// A file combines three independent things, and each is detected on its
// own from evidence across the whole file:
//
//   - the container: how lines are marked and grouped (plain lines,
//     "[EN]"/"[中]" numbered pairs, Markdown with bold and timestamps,
//     rules around headers, hard-wrapped PDF text); containers.go;
//   - the publisher's furniture: banners, participant lists, contents,
//     "Duration:", footers and disclaimers; furniture.go;
//   - the speaker convention: header lines ("Name - Title", "Name--Firm --
//     Analyst", a bare name, printed once or twice or with a translation)
//     or inline labels ("Name:", "名字：", "Analyst (Name):"); speakers.go.
//
// A layout is a named container with the signals that recognise its
// family (layouts.go); furniture and conventions apply to every layout.
// Pairing English lines with their translations is package align's job;
// parse only passes on the language a container's markup names.
package parse

import (
	"fmt"
	"strings"

	"github.com/transcript-cli/transcript/internal/lang"
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
	// Lang is the language the container's markup names for the line
	// ("[EN]", "[中]"), or lang.Unknown when it names none.
	Lang lang.Lang
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
	// Firm is the speaker's firm when the header names it ("Name--Firm --
	// Analyst", "Name,  Company - Title").
	Firm string
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
	Layout    string
	Container string
	// Speakers names the speaker convention that won ("header", "inline"),
	// or "" when the text has no speakers.
	Speakers string
	// Preamble is the text before the first speaker that is not a notice,
	// in blocks, for pairing; Summary is the same text line by line.
	Preamble [][]Line
	Summary  []Line
	Notices  []Line // disclaimers and publisher footers
	Turns    []Turn
	Unparsed []Line // lines no rule could place
	Warnings []Warning
	// Headings are section markers and topic titles ("### Q&A",
	// "Questions and Answers:", "━━ Call participants ━━"), markup removed.
	Headings []Line
	// Markup holds structural lines that carry no transcript text: metadata
	// banners, front matter, HTML wrappers, echo lines, page links.
	Markup []Line
	// Participants are the call's participants, from the layout's list.
	Participants []Participant
	// NoCall, when set, says why the text holds no call: it has no speaker
	// and reads as something else (a list of links, a table, a document).
	NoCall string
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

// CheckLayout reports an error naming the valid layouts when name is not
// one of them (or "auto").
func CheckLayout(name string) error {
	if name == "" || name == "auto" {
		return nil
	}
	if layoutNamed(name) != nil {
		return nil
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
	l := layoutNamed(layout)
	if l == nil {
		l = detect(lines)
	}
	return read(l, lines), nil
}

// read runs the stages: the container reads the lines into items, the
// furniture rules take the publisher's text out of the speech, the best
// speaker convention marks the speakers, and the builder assembles turns.
func read(l *Layout, lines []Line) *Document {
	f := &file{items: l.Container.Read(lines)}
	f.d = &Document{Layout: l.Name, Container: l.Container.Name}
	furnish(f)
	f.d.Speakers = markSpeakers(f)
	build(f)
	switch {
	case isJSON(lines):
		// Whatever speaker labels its strings hold.
		f.d.NoCall = "the file is JSON data, not transcript text"
	case len(f.d.Turns) == 1 && f.d.Turns[0].Header == nil:
		f.d.NoCall = noCall(lines, f.d)
	}
	return f.d
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
