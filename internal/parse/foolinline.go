package parse

import (
	"github.com/transcript-cli/transcript/internal/textutil"
	"regexp"
	"strings"
)

// Motley Fool text as scraped to one paragraph per line: a "====" banner,
// "Call participants" as "Title — Name", key points, then turns written
// "Name:Text" with no space after the colon, and the Fool's closing notice.
var foolinlineLayout = Layout{
	Name:        "foolinline",
	Description: "Motley Fool text with inline speakers \"Name:Text\" and a \"Title — Name\" participants list",
	Detect:      detectFoolinline,
	Parse:       parseFoolinline,
}

var bannerRule = regexp.MustCompile(`^={10,}$`)

func detectFoolinline(lines []Line) int {
	hits := 0
	names := map[string]int{}
	for _, l := range lines {
		if name, _, ok := inlineSpeaker(l.Text); ok {
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

// foolFooter opens the Motley Fool's closing notice.
const foolFooter = "This article is a transcript of this conference call"

func parseFoolinline(lines []Line) *Document {
	b := newBuilder()
	rules, inParticipants, footer := 0, false, false
	for _, l := range lines {
		if !textutil.HasAlnum(l.Text) {
			if bannerRule.MatchString(l.Text) {
				rules++
			}
			b.brk()
			continue
		}
		switch {
		case rules == 1:
			b.markup(l) // the banner's metadata
		case footer || strings.HasPrefix(l.Text, foolFooter):
			footer = true
			b.d.Notices = append(b.d.Notices, l)
		case b.cur == nil && strings.EqualFold(strings.TrimSuffix(l.Text, ":"), "call participants"):
			inParticipants = true
			b.heading(l)
		case inParticipants && strings.Contains(l.Text, " — ") && len(l.Text) < 160:
			parts := splitDash(l.Text, " — ")
			p := Participant{Name: parts[len(parts)-1], Title: strings.Join(parts[:len(parts)-1], " — "), Lines: []Line{l}}
			p.Role = roleOf(p.Title)
			b.d.Participants = append(b.d.Participants, p)
		default:
			inParticipants = false
			if name, n, ok := inlineSpeaker(l.Text); ok {
				h := Line{No: l.No, Text: name}
				l = cut(l, n)
				b.turn(Turn{Header: &h, Speaker: name, Inline: true})
			}
			b.add(l, true)
		}
	}
	d := b.finish()
	inferSections(d)
	return d
}
