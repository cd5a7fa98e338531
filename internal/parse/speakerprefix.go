package parse

import (
	"github.com/transcript-cli/transcript/internal/textutil"
	"regexp"
	"strings"
	"unicode"
)

// Paragraphs that open with their speaker's label, in both languages:
// "David: English…" then "**大卫·罗森塔尔（…）**：中文…" (Acquired, Berkshire
// meetings), or Chinese first with "**主持人**: …" and the English inside
// <details> (podcast notes). Continuation paragraphs carry no label.
var speakerprefixLayout = Layout{
	Name:        "speakerprefix",
	Description: "paragraphs opening with a speaker label, \"David: …\" / \"**大卫**：…\", in either order, with Markdown headings",
	Detect:      detectSpeakerprefix,
	Parse:       parseSpeakerprefix,
}

var (
	spBold  = regexp.MustCompile(`^\*\*([^*:：]{1,60}?)\*\*\s*[:：]\s*`)
	spEN    = regexp.MustCompile(`^([A-Z][A-Za-z.'’\- ]{0,40}?):(?:\s+|$)`)
	spZH    = regexp.MustCompile(`^([\p{Han}·]{1,10})[：:]\s*`)
	spHTML  = regexp.MustCompile(`^</?(details|summary)\b.*>$`)
	spStars = strings.NewReplacer("**", "")
)

// spLabel finds the speaker label at the start of s: the label and the
// byte length of the labelled prefix.
func spLabel(s string) (string, int, bool) {
	// Cheap test first: a colon, ASCII or full-width, near the start.
	head := s
	if len(head) > 200 {
		head = head[:200]
	}
	if strings.IndexByte(head, ':') < 0 && !strings.Contains(head, "：") {
		return "", 0, false
	}
	for _, re := range []*regexp.Regexp{spBold, spEN, spZH} {
		if m := re.FindStringSubmatchIndex(s); m != nil {
			label := strings.TrimSpace(s[m[2]:m[3]])
			if re == spEN && !labelWords(label) {
				continue
			}
			return label, m[1], true
		}
	}
	return "", 0, false
}

// labelWords reports whether an English label is one to four capitalised
// words, as speaker labels are.
func labelWords(s string) bool {
	ws := strings.Fields(s)
	if len(ws) == 0 || len(ws) > 4 {
		return false
	}
	for _, w := range ws {
		if !unicode.IsUpper([]rune(w)[0]) {
			return false
		}
	}
	return !notFirstName[strings.ToLower(ws[0])]
}

// allCaps reports an upper-case label ("CHARLIE MUNGER", "AUDIENCE"), a
// speaker even when it occurs once, unless what follows is a link
// ("PDF: [[…]]").
func allCaps(s, rest string) bool {
	rest = strings.TrimSpace(rest)
	return strings.ToUpper(s) == s && strings.ToLower(s) != s && len(s) >= 3 &&
		!strings.HasPrefix(rest, "[") && !strings.HasPrefix(rest, "http")
}

// spLabels counts the labels of a text; a label is a speaker's when it
// recurs, is bold or upper-case, so that "Note: …" once is not a speaker.
func spLabels(lines []Line) map[string]bool {
	n := map[string]int{}
	ok := map[string]bool{}
	for i, l := range lines {
		if label, end, found := spLabel(l.Text); found {
			n[label]++
			if n[label] >= 2 || allCaps(label, l.Text[end:]) || spBold.MatchString(l.Text) || nextBold(lines, i) {
				ok[label] = true
			}
		}
	}
	return ok
}

// nextBold reports whether the next non-blank line after i opens with a
// bold label: the translation of a labelled paragraph.
func nextBold(lines []Line, i int) bool {
	for _, l := range lines[i+1:] {
		if l.Text != "" {
			return spBold.MatchString(l.Text)
		}
	}
	return false
}

func detectSpeakerprefix(lines []Line) int {
	labels := spLabels(lines)
	hits := 0
	for _, l := range lines {
		if label, _, ok := spLabel(l.Text); ok && labels[label] {
			hits++
		}
	}
	nb := nonBlank(lines)
	if hits < 2 || hits*10 < nb {
		return 0
	}
	return score(hits*100/nb, 30, 70)
}

func parseSpeakerprefix(lines []Line) *Document {
	b := newBuilder()
	labels := spLabels(lines)
	frontMatter := len(lines) > 0 && lines[0].Text == "---"
	var hasEN, hasZH bool // labels seen in the current turn, by language
	// partner maps a Chinese label to the English speaker it last
	// translated ("巴菲特" → "WARREN BUFFETT").
	partner := map[string]string{}
	for i, l := range lines {
		if frontMatter {
			if i > 0 && l.Text == "---" {
				frontMatter = false
			}
			if textutil.HasAlnum(l.Text) {
				b.markup(l)
			}
			continue
		}
		if !textutil.HasAlnum(l.Text) {
			b.brk()
			continue
		}
		if mdHeader.MatchString(l.Text) {
			l.Prefix = l.Text[:strings.IndexByte(l.Text, ' ')+1]
			l.Text = strings.TrimSpace(l.Text[len(l.Prefix):])
			b.heading(l)
			continue
		}
		if spHTML.MatchString(l.Text) {
			b.markup(l)
			continue
		}
		label, n, ok := spLabel(l.Text)
		if !ok || !labels[label] {
			l.Text = spStars.Replace(l.Text)
			b.add(l, false)
			continue
		}
		l = cut(l, n)
		l.Text = spStars.Replace(l.Text)
		zh := mostlyHan(l.Text) || l.Text == "" && mostlyHan(label)
		// A label joins the turn that the other language's label opened
		// while that turn has no text in this language yet; otherwise it
		// opens a turn of its own.
		seen := zh && hasZH || !zh && hasEN
		join := b.cur != nil && b.cur.Header != nil && !seen && !turnHas(b.cur, zh)
		if zh && !join && b.cur != nil && partner[label] != "" && partner[label] == b.cur.Speaker && pendingEnglish(b.cur) {
			// The translator repeated the speaker's label on a paragraph
			// the English continues without one.
			b.add(l, true)
			continue
		}
		if !join {
			hasEN, hasZH = false, false
			var moved [][]Line
			if zh && b.cur != nil {
				moved = trailingEnglish(b.cur)
			}
			b.turn(Turn{Blocks: moved})
		}
		t := b.cur
		if join {
			if zh {
				partner[label] = t.Speaker
			} else if t.Header != nil {
				partner[t.Header.Text] = label
			}
		}
		if zh {
			hasZH = true
			if t.Header == nil {
				// Speaker in Chinese until the English label comes.
				t.Speaker = label
				t.Header = &Line{No: l.No, Text: label}
				t.Inline = l.Text != ""
			} else if l.Text == "" {
				t.HeaderTr = append(t.HeaderTr, Line{No: l.No, Text: label, Prefix: l.Prefix})
			}
		} else {
			hasEN = true
			if t.Header != nil {
				// The Chinese label came first: keep it as the header's
				// translation when it was a line of its own.
				if !t.Inline {
					t.HeaderTr = append(t.HeaderTr, *t.Header)
				}
			}
			t.Speaker = label
			t.Header = &Line{No: l.No, Text: label}
			t.Inline = l.Text != ""
		}
		if l.Text != "" {
			b.add(l, true)
		}
	}
	return b.finish()
}

// turnHas reports whether t has body text in Chinese (zh) or English.
func turnHas(t *Turn, zh bool) bool {
	for _, b := range t.Blocks {
		for _, l := range b {
			if mostlyHan(l.Text) == zh {
				return true
			}
		}
	}
	return false
}

// pendingEnglish reports whether t ends with an unlabelled English block,
// which a translation may follow.
func pendingEnglish(t *Turn) bool {
	if len(t.Blocks) == 0 {
		return false
	}
	b := t.Blocks[len(t.Blocks)-1]
	return b[0].Prefix == "" && !turnHas(&Turn{Blocks: [][]Line{b}}, true)
}

// trailingEnglish cuts from t the unlabelled English blocks after its last
// Chinese block: when a labelled translation follows them, they are its
// English, whose label was dropped or misspelt ("Benn:").
func trailingEnglish(t *Turn) [][]Line {
	i := len(t.Blocks)
	for i > 0 {
		b := t.Blocks[i-1]
		if b[0].Prefix != "" || turnHas(&Turn{Blocks: [][]Line{b}}, true) {
			break
		}
		i--
	}
	if i == len(t.Blocks) || i == 0 || !turnHas(&Turn{Blocks: t.Blocks[i-1 : i]}, true) {
		return nil
	}
	moved := t.Blocks[i:]
	t.Blocks = t.Blocks[:i:i]
	return moved
}
