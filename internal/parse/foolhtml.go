package parse

import (
	"github.com/transcript-cli/transcript/internal/textutil"
	"strings"
)

// Motley Fool transcript pages as text: title lines, a "Contents:" list,
// "Prepared Remarks:" and "Questions and Answers:", speakers alone on a line
// as "Name -- Title", "Name -- Firm -- Analyst" or "Operator", one paragraph
// per line, then "Duration:" and the "Call participants:" list.
var foolhtmlLayout = Layout{
	Name:        "foolhtml",
	Description: "Motley Fool page text: \"Prepared Remarks:\", speakers \"Name -- Title\" on their own line, \"Call participants:\" at the end",
	Detect:      detectFoolhtml,
	Parse:       parseFoolhtml,
}

// foolHeader reports whether s is a speaker line of the page.
func foolHeader(s string) (string, *string, bool) {
	if strings.EqualFold(s, "operator") {
		return s, nil, true
	}
	if !strings.Contains(s, " -- ") {
		return "", nil, false
	}
	sp, title, ok := SplitHeader(s)
	if !ok || title == nil {
		return "", nil, false
	}
	return sp, title, true
}

func detectFoolhtml(lines []Line) int {
	headers := 0
	for _, l := range lines {
		if _, t, ok := foolHeader(l.Text); ok && t != nil {
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

// foolParticipant reads a "Name -- Title" or "Name -- Firm -- Analyst" entry.
func foolParticipant(l Line) Participant {
	parts := splitDash(l.Text, " -- ")
	p := Participant{Name: parts[0], Lines: []Line{l}}
	switch len(parts) {
	case 1:
	case 2:
		p.Title = parts[1]
		p.Role = roleOf(p.Title)
	default:
		p.Firm = strings.Join(parts[1:len(parts)-1], " -- ")
		p.Title = parts[len(parts)-1]
		p.Role = roleOf(p.Title)
	}
	return p
}

func parseFoolhtml(lines []Line) *Document {
	b := newBuilder()
	// started: past the title and contents list, which end at the first
	// section title (a page without one starts at once).
	started, inList := true, false
	for _, l := range lines {
		if strings.HasSuffix(l.Text, ":") && sectionOf(l.Text) != "" {
			started = false
		}
	}
	for _, l := range lines {
		if !textutil.HasAlnum(l.Text) {
			continue
		}
		switch {
		case strings.EqualFold(l.Text, "call participants:"):
			b.heading(l)
			inList = true
		case inList:
			b.d.Participants = append(b.d.Participants, foolParticipant(l))
		case strings.HasSuffix(l.Text, ":") && sectionOf(l.Text) != "":
			started = true
			b.heading(l)
		case !started:
			b.markup(l) // title, date, "Contents:" and its items
		case strings.HasPrefix(l.Text, "Duration:"):
			b.markup(l)
		case strings.HasPrefix(l.Text, foolFooter):
			b.d.Notices = append(b.d.Notices, l)
		default:
			if sp, title, ok := foolHeader(l.Text); ok {
				h := l
				b.turn(Turn{Header: &h, Speaker: sp, Title: title})
				continue
			}
			b.add(l, true)
		}
	}
	return b.finish()
}
