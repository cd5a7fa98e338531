package parse

import (
	"github.com/transcript-cli/transcript/internal/textutil"
	"regexp"
	"strings"
)

// Numbered bilingual pairs (a Motley Fool call machine-translated by a
// scraper): a "====" banner with metadata, "━━ EN ━━" / "━━ 中 ━━" heading
// pairs, "👤 Title — Name" participants with an indented translation, and
// "[ 60] [EN] Name:Text" followed by "[中] 名字：译文".
var interleavedLayout = Layout{
	Name:        "interleaved",
	Description: "numbered pairs \"[ 60] [EN] Name:Text\" / \"[中] 名字：译文\" with ━━ heading pairs and a metadata banner",
	Detect:      detectInterleaved,
	Parse:       parseInterleaved,
}

var (
	ilEN      = regexp.MustCompile(`^(?:\[\s*\d+\]\s*)?\[EN\]\s*`)
	ilZH      = regexp.MustCompile(`^(?:\[\s*\d+\]\s*)?\[(?:中|ZH|zh)\]\s*`)
	ilHeading = regexp.MustCompile(`^━+\s*(.*?)\s*━+$`)
	ilPerson  = regexp.MustCompile(`^👤\s*`)
	// "Name:Text", no space after the colon.
	inlineLabel = regexp.MustCompile(`^([A-Z][\p{L}.'’\- ]{0,48}?):(\S)`)
	// "名字：" at the start of a translation.
	zhLabel = regexp.MustCompile(`^([^：:，。,.!?！？]{1,24}?)[：:]\s*`)
)

func detectInterleaved(lines []Line) int {
	en, zh := countMatches(lines, ilEN), countMatches(lines, ilZH)
	if en < 2 || zh < 2 {
		return 0
	}
	return score(min(en, zh), 5, 97)
}

// inlineSpeaker reports the speaker label cut from "Name:Text", and the
// byte length of the label with its colon.
func inlineSpeaker(s string) (string, int, bool) {
	// Cheap test first: a colon soon, followed by text.
	i := strings.IndexByte(s, ':')
	if i <= 0 || i > 50 || i+1 >= len(s) || s[i+1] == ' ' || s[0] < 'A' || s[0] > 'Z' {
		return "", 0, false
	}
	m := inlineLabel.FindStringSubmatchIndex(s)
	if m == nil {
		return "", 0, false
	}
	name := s[m[2]:m[3]]
	if !nameShaped(name) && !isRoleSpeaker(name) {
		return "", 0, false
	}
	return name, m[3] + 1, true
}

func parseInterleaved(lines []Line) *Document {
	b := newBuilder()
	var person *Participant
	labelled := false // the last English line opened a turn with a label
	for _, l := range lines {
		if !textutil.HasAlnum(l.Text) {
			b.brk()
			continue
		}
		if person != nil && !ilEN.MatchString(l.Text) && !ilZH.MatchString(l.Text) &&
			!ilHeading.MatchString(l.Text) && !ilPerson.MatchString(l.Text) && mostlyHan(l.Text) {
			person.Lines = append(person.Lines, l)
			person = nil
			continue
		}
		person = nil
		switch {
		case ilHeading.MatchString(l.Text):
			m := ilHeading.FindStringSubmatchIndex(l.Text)
			l.Prefix = l.Text[:m[2]]
			l.Text = l.Text[m[2]:m[3]]
			b.heading(l)
		case ilPerson.MatchString(l.Text):
			l = cut(l, len(ilPerson.FindString(l.Text)))
			parts := splitDash(l.Text, " — ", " -- ", " - ")
			p := Participant{Name: parts[len(parts)-1], Lines: []Line{l}}
			if len(parts) > 1 {
				p.Title = strings.Join(parts[:len(parts)-1], " — ")
				p.Role = roleOf(p.Title)
			}
			b.d.Participants = append(b.d.Participants, p)
			person = &b.d.Participants[len(b.d.Participants)-1]
		case ilEN.MatchString(l.Text):
			l = cut(l, len(ilEN.FindString(l.Text)))
			labelled = false
			if name, n, ok := inlineSpeaker(l.Text); ok {
				h := Line{No: l.No, Text: name}
				l = cut(l, n)
				b.turn(Turn{Header: &h, Speaker: name, Inline: true})
				labelled = true
			}
			b.add(l, true)
		case ilZH.MatchString(l.Text):
			l = cut(l, len(ilZH.FindString(l.Text)))
			if m := zhLabel.FindStringIndex(l.Text); labelled && m != nil {
				l = cut(l, m[1])
			}
			labelled = false
			b.add(l, false)
		default:
			// Banner metadata ("Company: …", "📅 …") and the closing count.
			b.markup(l)
		}
	}
	d := b.finish()
	inferSections(d)
	return d
}

// inferSections marks the turns of a call whose layout has no section
// markers: prepared remarks until the call is opened for questions.
func inferSections(d *Document) {
	for _, t := range d.Turns {
		if t.Section != "" {
			return
		}
	}
	section := "prepared_remarks"
	for i := range d.Turns {
		t := &d.Turns[i]
		if t.Header == nil {
			continue
		}
		text := ""
		if len(t.Blocks) > 0 && len(t.Blocks[0]) > 0 {
			text = strings.ToLower(t.Blocks[0][0].Text)
		}
		if section == "prepared_remarks" && strings.Contains(text, "first question") {
			section = "qa"
		}
		t.Section = section
		if strings.Contains(text, "for questions") || strings.Contains(text, "to questions") {
			section = "qa"
		}
	}
}
