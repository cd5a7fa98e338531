package parse

import (
	"strings"
	"unicode/utf8"

	"github.com/transcript-cli/transcript/internal/model"
	"github.com/transcript-cli/transcript/internal/people"
)

// Publisher furniture is the text a publisher puts around a call: section
// titles, participant lists, contents lists, "Duration:", page links,
// footers and disclaimers. It is never speech: the rules here take it out
// of the text items before speakers are looked for, the same way in every
// container. A translated line goes wherever its English goes.

// sectionOf maps a section marker to the turn section it opens, or "".
func sectionOf(s string) string {
	if len(s) > 60 {
		return ""
	}
	s = strings.ToLower(strings.Trim(s, " #*:=-—–━"))
	s = strings.Join(strings.Fields(s), " ")
	switch s {
	case "presentation", "prepared remarks", "prepared remarks section", "management discussion section",
		"opening remarks":
		return model.SectionPrepared
	case "q&a", "questions and answers", "question and answer", "questions & answers",
		"question-and-answer session", "question and answer session", "q&a session":
		return model.SectionQA
	}
	return ""
}

// listTitle reports whether s titles a participants list, and the role
// the list gives its entries ("" when it does not say).
func listTitle(s string) (role string, ok bool) {
	if len(s) > 60 {
		return "", false
	}
	s = strings.ToLower(strings.Trim(s, " #*:=-—–━"))
	s = strings.Join(strings.Fields(s), " ")
	// StreetEvents spells it "Participiants".
	s = strings.ReplaceAll(s, "participiants", "participants")
	switch s {
	case "call participants", "participants", "conference call participants", "company participants",
		"corporate participants", "executives", "analysts", "other participants":
		switch s {
		case "corporate participants", "company participants", "executives":
			return model.RoleExecutive, true
		case "conference call participants", "analysts":
			return model.RoleAnalyst, true
		}
		return "", true
	}
	return "", false
}

// footerStarts open the publisher's closing text, which runs to the end.
var footerStarts = []string{
	"This article is a transcript of this conference call",
	"The Motley Fool has positions in",
	"The Motley Fool has no position",
	"The Motley Fool recommends",
	"*Average returns of all recommendations",
}

// footerTitles are whole lines that open a closing disclaimer.
var footerTitles = map[string]bool{"DISCLAIMER": true, "Disclaimer": true, "Stocks Mentioned": true}

// footerLines is how many text lines a closing text may run to, in a
// file of n: a publisher's footer is a few paragraphs at the end, not the
// call.
func footerLines(n int) int { return max(16, n/20) }

func isFooter(s string) bool {
	if footerTitles[s] {
		return true
	}
	for _, f := range footerStarts {
		if strings.HasPrefix(s, f) {
			return true
		}
	}
	return false
}

// isDuration reports the call-length line that ends a Motley Fool call:
// "Duration: 51 minutes".
func isDuration(s string) bool {
	rest, ok := strings.CutPrefix(s, "Duration:")
	return ok && len(rest) < 30 && strings.Contains(rest, "minute")
}

// pageLinks are lines of a publisher's page that are not text: image
// credits and links to more.
func pageLink(s string) bool {
	return strings.HasPrefix(s, "Image source:") || s == "All earnings call transcripts" ||
		strings.HasPrefix(s, "More ") && strings.HasSuffix(s, " analysis") && utf8.RuneCountInString(s) < 40
}

// noticeMarkers are the phrases of translation disclaimers. ("声明" alone
// is "statement", as in forward-looking statements; "免责声明" is the
// disclaimer and is found by "免责".)
var noticeMarkers = []string{
	"警語", "警语", "免責", "免责", "僅供參考", "仅供参考",
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

// region is the part of the file the furniture rules are in.
type region uint8

const (
	inCall     region = iota
	inList            // a participants list
	inContents        // a contents list, up to the first section title
	inEnd             // after the call: "Duration:", a closing list, page links
	inFooter          // the publisher's closing text
)

// file is a text being read: its items and the document they become.
type file struct {
	items []item
	d     *Document
	ev    *evidence
	marks marks // the winning speaker convention's
}

// nextText is the index of the next text item after i, or -1; breaks,
// markup and echoes are passed over.
func (f *file) nextText(i int) int {
	for j := i + 1; j < len(f.items); j++ {
		switch f.items[j].kind {
		case kText, kEntry, kHeading, kNotice:
			return j
		}
	}
	return -1
}

// partner is the index of i's translation when the container tags both:
// the next text item, tagged the other language.
func (f *file) partner(i int) int {
	it := &f.items[i]
	if it.Lang == 0 {
		return -1
	}
	j := f.nextText(i)
	if j < 0 || f.items[j].Lang == 0 || f.items[j].Lang == it.Lang {
		return -1
	}
	return j
}

// place gives item i, and its tagged translation, a kind.
func (f *file) place(i int, k kind) int {
	f.items[i].kind = k
	if j := f.partner(i); j >= 0 && (f.items[j].kind == kText || f.items[j].kind == k) {
		f.items[j].kind = k
		return j
	}
	return i
}

// furnish runs the furniture rules over the items.
func furnish(f *file) {
	items := f.items
	// left[i] counts the text items from i to the end.
	left := make([]int, len(items)+1)
	for i := len(items) - 1; i >= 0; i-- {
		left[i] = left[i+1]
		if items[i].kind == kText {
			left[i]++
		}
	}
	reg := inCall
	ended := false // "Duration:" has closed the call
	var entry *Participant
	listRole := ""
	for i := 0; i < len(items); i++ {
		it := &items[i]
		if it.kind == kBreak || it.kind == kMarkup || it.kind == kNotice {
			continue
		}
		s := it.Text
		switch {
		case reg == inFooter:
			if it.kind != kHeading {
				it.kind = kNotice
			}
			continue
		case it.kind != kHeading && isFooter(s):
			if left[i] > footerLines(left[0]) {
				// The publisher's closing text with the call still to
				// come (a file written with its notices first): the line
				// alone, and its translation.
				i = f.place(i, kNotice)
				if j := f.nextText(i); j >= 0 && items[j].kind == kText && items[j].Lang == 0 && items[j].zh() {
					items[j].kind = kNotice
					i = j
				}
				continue
			}
			reg = inFooter
			it.kind = kNotice
			if footerTitles[s] {
				i = f.place(i, kHeading)
			}
			continue
		case reg == inContents:
			// A contents list names the sections ("Prepared Remarks",
			// "Call Participants") until the first of them opens.
			if sectionOf(s) == "" || !strings.HasSuffix(s, ":") {
				it.kind = kMarkup
				continue
			}
			reg = inCall
		}
		if role, ok := listTitle(s); ok {
			i = f.place(i, kHeading)
			reg, listRole, entry = inList, role, nil
			continue
		}
		if reg == inList || it.kind == kEntry {
			if n, ok := f.listLine(i, &entry, listRole); ok {
				i = n
				continue
			}
			if it.kind == kEntry {
				it.kind = kText
			}
			entry = nil
			if reg == inList {
				reg = inCall
				if ended {
					reg = inEnd
				}
			}
		}
		if it.kind == kHeading {
			continue
		}
		switch {
		case strings.EqualFold(strings.TrimSuffix(s, ":"), "contents"):
			it.kind = kMarkup
			reg = inContents
		case sectionOf(s) != "":
			i = f.place(i, kHeading)
		case isDuration(s):
			i = f.place(i, kMarkup)
			reg, ended = inEnd, true
		case pageLink(s) || reg == inEnd:
			i = f.place(i, kMarkup)
		}
	}
}

// listLine reads item i as a line of a participants list: an entry, or
// the translation of the entry before it. It reports the index of the
// last item it took.
func (f *file) listLine(i int, entry **Participant, listRole string) (int, bool) {
	it := &f.items[i]
	if *entry != nil && it.zh() && (it.kind == kText || it.kind == kEntry) {
		it.kind = kEntry
		(*entry).Lines = append((*entry).Lines, it.Line)
		return i, true
	}
	if it.kind != kText && it.kind != kEntry {
		return 0, false
	}
	p, n, ok := f.entryAt(i, listRole)
	if !ok {
		return 0, false
	}
	for k := i; k <= n; k++ {
		if f.items[k].kind == kText || f.items[k].kind == kEntry {
			f.items[k].kind = kEntry
		}
	}
	f.d.Participants = append(f.d.Participants, p)
	*entry = &f.d.Participants[len(f.d.Participants)-1]
	return n, true
}

// entryAt reads a participants-list entry at item i: "Title — Name",
// "Name -- Title", "Name--Firm -- Analyst", or a name with "Company -
// Title" on the next line. It reports the entry and the index of its last
// item.
func (f *file) entryAt(i int, listRole string) (Participant, int, bool) {
	it := &f.items[i]
	if it.zh() || utf8.RuneCountInString(it.Text) > 160 {
		return Participant{}, 0, false
	}
	parts := splitParts(it.Text)
	p := Participant{Lines: []Line{it.Line}, Role: listRole}
	last := i
	switch {
	case len(parts) == 1:
		if !nameShaped(parts[0]) {
			if _, ok := people.RoleLabel(parts[0]); !ok {
				return Participant{}, 0, false
			}
		}
		p.Name = parts[0]
		// "Company - Title" on the next line (StreetEvents, Capital IQ).
		if j := f.nextText(i); j >= 0 && f.items[j].kind == kText {
			if firm, title, ok := firmTitle(f.items[j].Text); ok {
				p.Firm, p.Title = firm, title
				p.Lines = append(p.Lines, f.items[j].Line)
				last = j
			}
		}
	case nameShaped(parts[0]) && allTitles(parts[1:]):
		p.Name = parts[0]
		p.Title = parts[len(parts)-1]
		if len(parts) > 2 {
			p.Firm = strings.Join(parts[1:len(parts)-1], " - ")
		}
	case nameShaped(parts[len(parts)-1]) && allTitles(parts[:len(parts)-1]):
		// The Motley Fool's "Chief Executive Officer — Satya Nadella".
		p.Name = parts[len(parts)-1]
		p.Title = strings.Join(parts[:len(parts)-1], " — ")
	default:
		return Participant{}, 0, false
	}
	if r := people.RoleOf(p.Title); r != "" && p.Role == "" {
		p.Role = r
	}
	if r, ok := people.RoleLabel(p.Name); ok && r == model.RoleOperator {
		p.Role = r
	}
	return p, last, true
}

func allTitles(parts []string) bool {
	for _, p := range parts {
		if !looseTitle(p) {
			return false
		}
	}
	return len(parts) > 0
}

// firmTitle splits "Company - Title" (StreetEvents, Capital IQ), reporting
// ok=false for a line of another shape.
func firmTitle(s string) (firm, title string, ok bool) {
	i := strings.Index(s, " - ")
	if i < 0 || len(s) > 120 || nameShaped(s) {
		return "", "", false
	}
	firm, title = strings.TrimSpace(s[:i]), strings.TrimSpace(s[i+3:])
	if !looseTitle(firm) || !looseTitle(title) {
		return "", "", false
	}
	return firm, title, true
}
