package parse

import (
	"github.com/transcript-cli/transcript/internal/model"
	"github.com/transcript-cli/transcript/internal/textutil"
	"regexp"
	"strings"
)

// Refinitiv (Thomson Reuters) StreetEvents exports: title and date, "===="
// rules around "Corporate Participants" and "Conference Call Participiants"
// (sic) lists of " * Name" / "Company - Title", then "Presentation" and
// "Questions and Answers", each turn headed by "Name,  Company - Title  [n]"
// between "----" rules, one paragraph per line.
var streeteventsLayout = Layout{
	Name:        "streetevents",
	Description: "Refinitiv StreetEvents: ==== / ---- rules, participant lists, headers \"Name,  Company - Title  [n]\"",
	Detect:      detectStreetevents,
	Parse:       parseStreetevents,
}

var (
	seHeader = regexp.MustCompile(`^(.+?)\s+\[(\d+)\]$`)
	seRule   = regexp.MustCompile(`^(?:-{20,}|={20,})$`)
	seBullet = regexp.MustCompile(`^\*\s+`)
)

func detectStreetevents(lines []Line) int {
	headers := 0
	for i, l := range lines {
		if seRule.MatchString(l.Text) && i > 0 && seHeader.MatchString(lines[i-1].Text) {
			headers++
		}
	}
	if headers == 0 {
		return 0
	}
	return 50 + score(headers, 5, 45)
}

// seSplitHeader splits "Name,  Company - Title" into speaker, firm, title.
func seSplitHeader(s string) (speaker, firm, title string) {
	i := strings.Index(s, ",  ")
	if i < 0 {
		i = strings.Index(s, ", ")
	}
	if i < 0 {
		return strings.TrimSpace(s), "", ""
	}
	firm, title = firmTitle(strings.TrimSpace(s[i+1:]))
	return strings.TrimSpace(s[:i]), firm, title
}

func parseStreetevents(lines []Line) *Document {
	b := newBuilder()
	role := ""      // role of the participants list being read, or ""
	inList := false // reading a participants list
	var person *Participant
	for i, l := range lines {
		if !textutil.HasAlnum(l.Text) {
			b.brk()
			continue
		}
		low := strings.ToLower(l.Text)
		switch {
		case strings.HasPrefix(low, "corporate participants"):
			b.heading(l)
			inList, role, person = true, model.RoleExecutive, nil
		case strings.HasPrefix(low, "conference call partici"):
			b.heading(l)
			inList, role, person = true, model.RoleAnalyst, nil
		case sectionOf(l.Text) != "":
			b.heading(l)
			inList, person = false, nil
		case inList && seBullet.MatchString(l.Text):
			l = cut(l, len(seBullet.FindString(l.Text)))
			b.d.Participants = append(b.d.Participants, Participant{Name: l.Text, Role: role, Lines: []Line{l}})
			person = &b.d.Participants[len(b.d.Participants)-1]
		case inList && person != nil && len(person.Lines) == 1:
			person.Firm, person.Title = firmTitle(l.Text)
			person.Lines = append(person.Lines, l)
		case seHeader.MatchString(l.Text) && i+1 < len(lines) && seRule.MatchString(lines[i+1].Text):
			m := seHeader.FindStringSubmatch(l.Text)
			speaker, _, title := seSplitHeader(m[1])
			h := l
			t := Turn{Header: &h, Speaker: speaker}
			if title != "" {
				t.Title = &title
			}
			b.turn(t)
		case b.cur == nil && len(b.d.Headings) == 0:
			b.markup(l) // title and date
		default:
			b.add(l, true)
		}
	}
	return b.finish()
}
