package parse

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/transcript-cli/transcript/internal/people"
	"github.com/transcript-cli/transcript/internal/textutil"
)

// This file holds the shapes of speaker lines: what a name, a title and a
// header line look like. Whether a line that has the shape is a speaker is
// decided from evidence across the file (speakers.go).

// header is a speaker line split into its parts.
type header struct {
	speaker string
	title   *string // nil when the line names none
	firm    string  // "Name--Firm -- Analyst", "Name,  Company - Title"
	role    bool    // the speaker names a part in the call (Operator, Analyst), not a person
	// titled reports a title that reads as a job title, not just any text
	// after a dash.
	titled bool
}

// Words that start sentences, never names: "Thank You" or "Good Morning"
// printed alone must not become speakers.
var notFirstName = map[string]bool{
	"thank": true, "thanks": true, "good": true, "hello": true, "hi": true,
	"yes": true, "yeah": true, "okay": true, "ok": true, "so": true, "and": true,
	"but": true, "the": true, "we": true, "our": true, "i": true, "it": true,
	"that": true, "this": true, "well": true, "great": true, "sure": true,
	"right": true, "now": true, "next": true, "please": true, "let": true,
	"as": true, "in": true, "on": true, "for": true, "with": true, "all": true,
	"more": true, "full": true, "page": true,
}

// notNameWords never occur in a person's name but often in the short
// capitalised lines of publishers: section and list titles, page furniture
// ("Full Conference Call Transcript", "Stocks Mentioned").
var notNameWords = map[string]bool{
	"transcript": true, "transcripts": true, "glossary": true, "call": true, "conference": true,
	"remarks": true, "question": true, "questions": true, "answers": true, "answer": true,
	"participants": true, "contents": true, "summary": true, "highlights": true,
	"takeaways": true, "presentation": true, "session": true, "earnings": true,
	"results": true, "outlook": true, "overview": true, "disclaimer": true, "duration": true,
	"analysis": true, "image": true, "source": true, "stocks": true, "mentioned": true,
	"q&a": true, "prepared": true, "revenue": true, "revenues": true, "income": true,
	"margin": true, "margins": true, "growth": true, "quarter": true, "guidance": true,
}

// titleWords are the words of job titles: a "name" with several of them
// ("Chief Financial Officer — Cal Diaz") is the title side of an entry.
var titleWords = map[string]bool{
	"chief": true, "officer": true, "executive": true, "president": true, "vice": true,
	"director": true, "chairman": true, "chair": true, "manager": true, "head": true,
	"analyst": true, "relations": true, "investor": true, "counsel": true, "secretary": true,
	"treasurer": true, "founder": true, "co-founder": true, "senior": true, "general": true,
	"financial": true, "operating": true, "accounting": true, "technology": true,
	"ceo": true, "cfo": true, "coo": true, "cto": true, "evp": true, "svp": true, "vp": true, "md": true,
}

// Lower-case particles allowed inside names (Ludwig van Beethoven, Ana de la Cruz).
var nameParticles = map[string]bool{
	"de": true, "del": true, "della": true, "der": true, "di": true, "da": true,
	"dos": true, "du": true, "la": true, "le": true, "van": true, "von": true,
	"bin": true, "al": true, "el": true, "y": true, "ter": true, "ten": true,
}

// connectorWords may stand in lower case inside a title ("Head of Investor
// Relations", "Chairman and CEO").
var connectorWords = map[string]bool{
	"and": true, "of": true, "the": true, "for": true, "&": true, "de": true, "y": true,
	"in": true, "at": true, "to": true, "on": true, "a": true, "an": true, "e": true,
}

// titleSeparators split "Name - Title" headers into their parts.
var titleSeparators = []string{" -- ", " - ", " – ", " — ", " —— ", "--", "——", " | "}

const maxHeaderRunes = 160

// splitParts cuts s at every title separator.
func splitParts(s string) []string {
	var parts []string
	for {
		at, n := -1, 0
		for _, sep := range titleSeparators {
			if i := strings.Index(s, sep); i >= 0 && (at < 0 || i < at || i == at && len(sep) > n) {
				at, n = i, len(sep)
			}
		}
		if at < 0 {
			return append(parts, strings.TrimSpace(s))
		}
		parts = append(parts, strings.TrimSpace(s[:at]))
		s = s[at+n:]
	}
}

// streetNumber is the StreetEvents turn counter after a header: "  [12]".
func cutStreetNumber(s string) string {
	t := strings.TrimRight(s, " ")
	if !strings.HasSuffix(t, "]") {
		return s
	}
	i := strings.LastIndexByte(t, '[')
	if i <= 0 {
		return s
	}
	for _, r := range t[i+1 : len(t)-1] {
		if r < '0' || r > '9' {
			return s
		}
	}
	if i+2 > len(t)-1 {
		return s
	}
	return strings.TrimSpace(t[:i])
}

// splitHeader reads a line as a speaker line: "Name - Title", "Name --
// Title", "Name--Title", "Name--Firm -- Analyst", "Name,  Company - Title
// [n]" (StreetEvents), "Operator", "Jane Doe - CFO:", or a bare name. It
// reports ok=false when the line does not have the shape of one.
func splitHeader(s string) (header, bool) {
	if s == "" || utf8.RuneCountInString(s) > maxHeaderRunes || textutil.HasHan(s) {
		return header{}, false
	}
	s = cutStreetNumber(s)
	// "Operator:" and "Jane Doe - CFO:" alone on their line are speaker
	// lines too.
	if t := strings.TrimRight(s, ":："); t != s && t != "" && !strings.ContainsAny(t, ":：") {
		s = t
	}
	parts := splitParts(s)
	name := parts[0]
	var firm string
	// StreetEvents: "Name,  Company - Title".
	if before, after, ok := strings.Cut(name, ","); ok && len(parts) > 1 {
		after = strings.TrimSpace(after)
		if after != "" && !people.IsSuffix(after) {
			name, firm = strings.TrimSpace(before), after
		}
	}
	h := header{speaker: name, firm: firm}
	if _, ok := people.RoleLabel(name); ok {
		h.role = true
	} else if !nameShaped(name) {
		return header{}, false
	}
	if len(parts) == 1 {
		return h, true
	}
	for _, p := range parts[1:] {
		// Text after a dash that is no title ("Revenue -- up 11% year
		// over year.") makes the line something else.
		if !looseTitle(p) {
			return header{}, false
		}
	}
	title := parts[len(parts)-1]
	if len(parts) > 2 {
		mid := strings.Join(parts[1:len(parts)-1], " - ")
		if h.firm == "" {
			h.firm = mid
		} else {
			title = mid + " - " + title
		}
	}
	h.title = &title
	h.titled = titleShaped(title)
	return h, true
}

// SplitHeader splits a speaker line "Name - Title" into its parts, for
// callers outside the package: ok=false when the line does not have the
// shape of a speaker line; title is nil when it has none.
func SplitHeader(s string) (speaker string, title *string, ok bool) {
	h, ok := splitHeader(s)
	return h.speaker, h.title, ok
}

// nameShaped reports whether s looks like a person's name: two to six
// words, each capitalised (initials allowed), or lower-case particles; no
// word of a sentence start, a title or publisher furniture.
func nameShaped(s string) bool {
	words := strings.Fields(s)
	if len(words) < 2 || len(words) > 6 {
		return false
	}
	if notFirstName[strings.ToLower(words[0])] {
		return false
	}
	capitals, titles := 0, 0
	for i, w := range words {
		if nameParticles[w] {
			continue
		}
		low := strings.ToLower(strings.Trim(w, ".,"))
		if notNameWords[low] {
			return false
		}
		if titleWords[low] {
			titles++
			if i == 0 {
				return false
			}
		}
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) {
			return false
		}
		for _, r := range w {
			if !unicode.IsLetter(r) && r != '.' && r != '\'' && r != '’' && r != '-' {
				return false
			}
		}
		// A full stop ends an initial ("T.") or a suffix ("Jr."), not a
		// name: "Equinix Fabric." is the end of a sentence.
		if strings.HasSuffix(w, ".") && utf8.RuneCountInString(w) > 2 && !people.IsSuffix(w) {
			return false
		}
		capitals++
	}
	return capitals >= 2 && titles < 2
}

// labelShaped reports whether s could be a speaker label: a name, or one
// capitalised word (a first name, "Operator").
func labelShaped(s string) bool {
	if nameShaped(s) {
		return true
	}
	if strings.ContainsAny(s, " \t") || s == "" || notFirstName[strings.ToLower(s)] || notNameWords[strings.ToLower(s)] {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s)
	if !unicode.IsUpper(r) {
		return false
	}
	for _, r := range s {
		if !unicode.IsLetter(r) && r != '.' && r != '\'' && r != '’' && r != '-' {
			return false
		}
	}
	return utf8.RuneCountInString(s) >= 2
}

// titleShaped reports whether s reads as a job title or a firm: short,
// capitalised words (connectors aside), not a sentence.
func titleShaped(s string) bool {
	if !looseTitle(s) {
		return false
	}
	words := strings.Fields(s)
	if len(words) > 14 {
		return false
	}
	lower := 0
	for _, w := range words {
		w = strings.Trim(w, ",;()")
		if w == "" || connectorWords[strings.ToLower(w)] {
			continue
		}
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsLower(r) {
			lower++
		}
	}
	return lower <= 1 || 4*lower <= len(words)
}

// looseTitle is the weakest title shape: short, starting with a capital or
// a digit, not a sentence.
func looseTitle(s string) bool {
	if s == "" || utf8.RuneCountInString(s) > 110 {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s)
	if !unicode.IsUpper(r) && !unicode.IsDigit(r) {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(s)
	if last == '?' || last == '!' || last == ':' || endsSentence(s) {
		return false
	}
	// Figures and clauses are a key point's ("Grew 7% excluding OpenAI
	// impact; declined 46% …"), not a title's.
	if strings.ContainsAny(s, ";%$€£") {
		return false
	}
	// A sentence boundary inside means prose, not a title ("Robert W.
	// Baird and Company" has initials).
	return !strings.Contains(s, ". ") || strings.Count(s, ". ") <= 2
}

// abbreviations end with a full stop without ending a sentence.
var abbreviations = map[string]bool{
	"inc": true, "corp": true, "co": true, "ltd": true, "jr": true, "sr": true,
	"bros": true, "intl": true, "dept": true, "llc": true, "plc": true, "mr": true, "ms": true, "dr": true,
}

// endsSentence reports whether s ends like a sentence: with a full stop
// after a lower-case word, or with a question or exclamation mark.
func endsSentence(s string) bool {
	last, size := utf8.DecodeLastRuneInString(s)
	switch last {
	case '?', '!', '。', '？', '！':
		return true
	case '.':
		body := s[:len(s)-size]
		prev, _ := utf8.DecodeLastRuneInString(body)
		if !unicode.IsLower(prev) {
			return false
		}
		word := body[strings.LastIndexFunc(body, func(r rune) bool { return !unicode.IsLetter(r) })+1:]
		return !abbreviations[strings.ToLower(word)]
	}
	return false
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

// headerTranslationShaped reports whether s, found under a header, has the
// shape of its translation: short Chinese, not a sentence; with a dash or
// colon when the header has a title, a few characters when it has none.
func headerTranslationShaped(s string, titled bool) bool {
	n := utf8.RuneCountInString(s)
	if n == 0 || n > 60 || !textutil.HasHan(s) {
		return false
	}
	if strings.ContainsAny(s, "。！？!?；;") {
		return false
	}
	if titled {
		// Commas and full stops belong to titles and names ("执行副总裁，
		// 首席财务官", "Stifel Financial Corp.").
		return strings.ContainsAny(s, "-－—–") || strings.Contains(s, "：")
	}
	return n <= 12 && !strings.ContainsAny(s, "，,")
}
