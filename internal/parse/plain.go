package parse

import (
	"strings"
	"unicode"

	"github.com/transcript-cli/transcript/internal/model"
	"github.com/transcript-cli/transcript/internal/textutil"
)

var plainLayout = Layout{
	Name:        "plain",
	Description: "speaker lines (\"Name - Title\", often printed twice), one paragraph per line or block, translation next to its original",
	Detect:      func([]Line) int { return 1 },
	Parse:       parsePlain,
}

func parsePlain(lines []Line) *Document {
	d := &Document{}
	known := map[string]bool{}
	var cur *Turn
	inBlock := false
	next := func(i int) int { // index of the next non-blank line after i, or -1
		for j := i + 1; j < len(lines); j++ {
			if lines[j].Text != "" {
				return j
			}
		}
		return -1
	}
	var preamble [][]Line
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		if l.Text == "" {
			inBlock = false
			continue
		}
		j := next(i)
		doubled := j >= 0 && lines[j].Text == l.Text
		if speaker, title, ok := headerAt(l.Text, doubled, known); ok {
			known[l.Text] = true
			d.Turns = append(d.Turns, Turn{Header: &lines[i], Speaker: speaker, Title: title})
			cur = &d.Turns[len(d.Turns)-1]
			inBlock = false
			for ; j >= 0 && lines[j].Text == l.Text; j = next(j) {
				cur.Copies = append(cur.Copies, lines[j])
				i = j
			}
			if j >= 0 && isHeaderTranslation(lines[j].Text, l.Text, title != nil) {
				tr := lines[j].Text
				for ; j >= 0 && lines[j].Text == tr; j = next(j) {
					cur.HeaderTr = append(cur.HeaderTr, lines[j])
					i = j
				}
			}
			continue
		}
		blocks := &preamble
		if cur != nil {
			blocks = &cur.Blocks
		}
		if !inBlock {
			*blocks = append(*blocks, nil)
			inBlock = true
		}
		(*blocks)[len(*blocks)-1] = append((*blocks)[len(*blocks)-1], l)
	}
	splitPreamble(d, preamble)
	return d
}

// headerAt decides whether a line opens a speaker turn. A speaker line with
// a title ("Name - Title") or a role ("Operator") always does; a bare name
// only when printed twice or already seen as a speaker, since a short
// capitalised line could also be a paragraph.
func headerAt(s string, doubled bool, known map[string]bool) (string, *string, bool) {
	speaker, title, ok := SplitHeader(s)
	if !ok {
		// Any short line printed twice in a row is a header in this layout,
		// whatever its shape, unless it reads like a sentence.
		if doubled && len(s) <= maxHeaderRunes && !endsSentence(s) && !textutil.HasHan(s) && mostlyLetters(s) {
			return s, nil, true
		}
		return "", nil, false
	}
	if title != nil || isRoleSpeaker(speaker) || doubled || known[s] {
		return speaker, title, true
	}
	return "", nil, false
}

// mostlyLetters reports whether most of s, spaces aside, is letters: a
// speaker line is words, while a table row or a token dump printed twice
// ("I|2|||,|CA|[]|[]") is not.
func mostlyLetters(s string) bool {
	letters, others := 0, 0
	for _, r := range s {
		switch {
		case unicode.IsLetter(r):
			letters++
		case unicode.IsSpace(r):
		default:
			others++
		}
	}
	return letters >= 2 && letters >= 3*others
}

// noticeMarkers are the phrases of translation disclaimers.
var noticeMarkers = []string{
	"警語", "警语", "免責", "免责", "聲明", "声明", "僅供參考", "仅供参考",
	"機器翻譯", "机器翻译", "google 翻譯", "google 翻译", "譯文", "译文",
	"disclaimer", "machine translat", "translated by", "translation is provided",
}

// IsNotice reports whether a line is a disclaimer about the translation or
// the text's accuracy.
func IsNotice(s string) bool {
	low := strings.ToLower(s)
	for _, m := range noticeMarkers {
		if strings.Contains(low, m) {
			return true
		}
	}
	return false
}

// splitPreamble files the text before the first speaker: notices apart, the
// rest is the summary. Without any speaker, the text is the call itself, so
// it becomes one turn with no speaker.
func splitPreamble(d *Document, pre [][]Line) {
	var rest [][]Line
	for _, b := range pre {
		var kept []Line
		for _, l := range b {
			if IsNotice(l.Text) {
				d.Notices = append(d.Notices, l)
			} else {
				kept = append(kept, l)
				d.Summary = append(d.Summary, l)
			}
		}
		if kept != nil {
			rest = append(rest, kept)
		}
	}
	if len(d.Turns) > 0 || len(rest) == 0 {
		return
	}
	d.Summary = nil
	d.Turns = []Turn{{Blocks: rest}}
	d.Warnings = append(d.Warnings, Warning{Line: rest[0][0].No, Code: model.CodeNoSpeakers,
		Message: "no speaker lines found; the text is read as one turn with no speaker"})
}
