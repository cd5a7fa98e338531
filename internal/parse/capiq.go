package parse

import (
	"github.com/transcript-cli/transcript/internal/model"
	"github.com/transcript-cli/transcript/internal/textutil"
	"sort"
	"strings"
)

// S&P Capital IQ transcripts as extracted from PDF: upper-case section
// titles, each speaker on two lines ("Name", then "Company - Title"), a line
// holding a single space between turns, text hard-wrapped at about 140
// columns, and Refinitiv's disclaimer at the end.
var capiqLayout = Layout{
	Name:        "capiq",
	Description: "S&P Capital IQ PDF text: upper-case sections, speaker on two lines (Name / Company - Title), wrapped text",
	Detect:      detectCapiq,
	Parse:       parseCapiq,
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

// capiqWidth is the width the text was wrapped at: a high percentile of
// the line lengths.
func capiqWidth(lines []Line) int {
	var ns []int
	for _, l := range lines {
		if len(l.Text) > 40 {
			ns = append(ns, len(l.Text))
		}
	}
	if len(ns) == 0 {
		return 140
	}
	sort.Ints(ns)
	return ns[len(ns)*9/10]
}

func parseCapiq(lines []Line) *Document {
	b := newBuilder()
	width := capiqWidth(lines)
	known := map[string]bool{}
	role := ""
	inList, disclaimer := false, false
	afterBreak := true // the line follows a blank line or a section title
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		if !textutil.HasAlnum(l.Text) {
			b.brk()
			afterBreak = true
			continue
		}
		wasBreak := afterBreak
		afterBreak = false
		if disclaimer {
			b.d.Notices = append(b.d.Notices, l)
			continue
		}
		switch l.Text {
		case "CORPORATE PARTICIPANTS":
			inList, role = true, model.RoleExecutive
			b.heading(l)
			afterBreak = true
			continue
		case "CONFERENCE CALL PARTICIPANTS":
			inList, role = true, model.RoleAnalyst
			b.heading(l)
			afterBreak = true
			continue
		case "DISCLAIMER":
			disclaimer = true
			b.heading(l)
			continue
		}
		if sectionOf(l.Text) != "" {
			inList = false
			b.heading(l)
			afterBreak = true
			continue
		}
		next := ""
		if i+1 < len(lines) {
			next = lines[i+1].Text
		}
		titled := strings.Contains(next, " - ") && titleShaped(next) && len(next) < 120
		if inList {
			p := Participant{Name: l.Text, Role: role, Lines: []Line{l}}
			if titled {
				p.Firm, p.Title = firmTitle(next)
				p.Lines = append(p.Lines, lines[i+1])
				i++
			}
			known[l.Text] = true
			b.d.Participants = append(b.d.Participants, p)
			continue
		}
		if wasBreak {
			if sp, _, ok := SplitHeader(l.Text); ok && (titled || known[l.Text] || isRoleSpeaker(sp)) {
				h := l
				t := Turn{Header: &h, Speaker: sp}
				if titled {
					// The header reads as one line, "Name - Company - Title",
					// as in the reference layout.
					h.Text += " - " + next
					_, title := firmTitle(next)
					t.Title = &title
					t.HeaderMore = []Line{lines[i+1]}
					i++
				}
				b.turn(t)
				continue
			}
		}
		b.add(l, false)
		// A line well short of the wrap width that ends a sentence ends
		// its paragraph.
		if len(l.Text) < width*85/100 && strings.ContainsAny(l.Text[len(l.Text)-1:], ".?!\")") {
			b.brk()
		}
	}
	return b.finish()
}
