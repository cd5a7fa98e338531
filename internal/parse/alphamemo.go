package parse

import (
	"regexp"
	"strings"
)

// AlphaMemo.ai exports: a Markdown memo (the summary), then "## Transcript"
// with "### Presentation" / "### Q&A", bold speaker headers printed once,
// and "(00:00:12) text" lines whose translation carries the same stamp.
var alphamemoLayout = Layout{
	Name:        "alphamemo",
	Description: "AlphaMemo memo + transcript: Markdown headings, **Name - Title** headers, (hh:mm:ss) stamps on both languages",
	Detect:      detectAlphamemo,
	Parse:       parseAlphamemo,
}

var (
	amStamp  = regexp.MustCompile(`^[(（](\d{1,2}:\d{2}(?::\d{2})?)[)）]\s*`)
	amBold   = regexp.MustCompile(`^\*\*(.+?)\*\*$`)
	mdHeader = regexp.MustCompile(`^#{1,6}\s`)
)

func detectAlphamemo(lines []Line) int {
	stamps := countMatches(lines, amStamp)
	if stamps < 2 {
		return 0
	}
	headers := 0
	for _, l := range lines {
		if m := amBold.FindStringSubmatch(l.Text); m != nil {
			if _, t, ok := SplitHeader(m[1]); ok && t != nil {
				headers++
			}
		}
	}
	return score(stamps, 6, 50) + score(headers, 2, 45)
}

// stampedNext reports whether the next non-blank line after i starts with
// a timestamp.
func stampedNext(lines []Line, i int) bool {
	for j := i + 1; j < len(lines); j++ {
		if lines[j].Text != "" {
			return amStamp.MatchString(lines[j].Text)
		}
	}
	return false
}

func parseAlphamemo(lines []Line) *Document {
	b := newBuilder()
	for i, l := range lines {
		switch {
		case l.Text == "":
			b.brk()
		case mdHeader.MatchString(l.Text):
			l.Prefix = l.Text[:strings.IndexByte(l.Text, ' ')+1]
			l.Text = strings.TrimSpace(l.Text[len(l.Prefix):])
			b.heading(l)
		case amBold.MatchString(l.Text):
			inner := amBold.FindStringSubmatch(l.Text)[1]
			sp, title, ok := SplitHeader(inner)
			if !ok && stampedNext(lines, i) {
				// Whatever its shape ("Speaker 2 - Morgan Stanley, Analyst",
				// "Jason"), a bold line over stamped speech is a speaker.
				sp, title, ok = inner, nil, true
				if name, rest, found := strings.Cut(inner, " - "); found {
					rest = strings.TrimSpace(rest)
					sp, title = strings.TrimSpace(name), &rest
				}
			}
			if ok {
				h := l
				h.Text = inner
				b.turn(Turn{Header: &h, Speaker: sp, Title: title})
				continue
			}
			// A bold line that is no speaker (the disclaimer, a promotion).
			l.Text = inner
			b.add(l, false)
		case amStamp.MatchString(l.Text):
			m := amStamp.FindStringSubmatch(l.Text)
			l = cut(l, len(m[0]))
			l.Time = m[1]
			if len(m[1]) <= 5 {
				l.Time = "00:" + m[1]
			}
			b.add(l, false)
		default:
			b.add(l, false)
		}
	}
	return b.finish()
}
