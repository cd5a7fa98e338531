package parse

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/transcript-cli/transcript/internal/people"
	"github.com/transcript-cli/transcript/internal/textutil"
)

// otherRoles are speaker lines, besides the operator's, that name a role
// rather than a person.
var otherRoles = map[string]bool{
	"presenter": true, "interpreter": true,
	"unidentified analyst": true, "unidentified participant": true,
	"unidentified speaker": true, "unidentified company representative": true,
	"unknown speaker": true, "unknown analyst": true,
}

// isRoleSpeaker reports whether a speaker line names a role (Operator,
// Unidentified Analyst) rather than a person.
func isRoleSpeaker(name string) bool {
	return people.IsOperator(name) || otherRoles[strings.ToLower(name)]
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
	"questions": true, "question": true, "prepared": true, "presentation": true,
	"remarks": true, "q&a": true, "page": true, "call": true, "conference": true,
}

// Lower-case particles allowed inside names (Ludwig van Beethoven, Ana de la Cruz).
var nameParticles = map[string]bool{
	"de": true, "del": true, "della": true, "der": true, "di": true, "da": true,
	"dos": true, "du": true, "la": true, "le": true, "van": true, "von": true,
	"bin": true, "al": true, "el": true, "y": true, "ter": true, "ten": true,
}

// titleSeparators split "Name - Title" headers; the first one found wins.
var titleSeparators = []string{" - ", " -- ", " – ", " — ", " —— "}

const maxHeaderRunes = 160

// SplitHeader splits a speaker line "Name - Title" into its parts. It reports
// ok=false when the line does not have the shape of a speaker line. Title is
// nil when the line has none ("Operator").
func SplitHeader(s string) (speaker string, title *string, ok bool) {
	if s == "" || utf8.RuneCountInString(s) > maxHeaderRunes || textutil.HasHan(s) {
		return "", nil, false
	}
	// "Operator:" and "Jane Doe - CFO:" alone on their line are speaker
	// lines too.
	if t := strings.TrimRight(s, ":："); t != s && t != "" && !strings.ContainsAny(t, ":：") {
		s = t
	}
	name, rest := s, ""
	for _, sep := range titleSeparators {
		if i := strings.Index(s, sep); i >= 0 {
			name, rest = strings.TrimSpace(s[:i]), strings.TrimSpace(s[i+len(sep):])
			break
		}
	}
	if isRoleSpeaker(name) {
		if rest == "" {
			return name, nil, true
		}
		if titleShaped(rest) {
			return name, &rest, true
		}
		return "", nil, false
	}
	if !nameShaped(name) {
		return "", nil, false
	}
	if rest == "" {
		return name, nil, true
	}
	if !titleShaped(rest) {
		return "", nil, false
	}
	return name, &rest, true
}

// nameShaped reports whether s looks like a person's name: two to six words,
// each capitalised (initials allowed), or lower-case particles.
func nameShaped(s string) bool {
	words := strings.Fields(s)
	if len(words) < 2 || len(words) > 6 {
		return false
	}
	if notFirstName[strings.ToLower(words[0])] {
		return false
	}
	capitals := 0
	for _, w := range words {
		if nameParticles[w] {
			continue
		}
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) {
			return false
		}
		for _, r := range w {
			if !unicode.IsLetter(r) && r != '.' && r != '\'' && r != '’' && r != '-' && r != ',' {
				return false
			}
		}
		capitals++
	}
	return capitals >= 2
}

// titleShaped reports whether s could be a job title or a firm: short, not a
// sentence.
func titleShaped(s string) bool {
	if s == "" || utf8.RuneCountInString(s) > 110 {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s)
	if !unicode.IsUpper(r) && !unicode.IsDigit(r) {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(s)
	if last == '?' || last == '!' || last == ':' {
		return false
	}
	// A sentence boundary inside means prose, not a title.
	return !strings.Contains(s, ". ") || strings.Count(s, ". ") <= 2 && !endsSentence(s)
}

// endsSentence reports whether s ends like a sentence: with a full stop
// after a lower-case word, or with a question or exclamation mark.
func endsSentence(s string) bool {
	last, size := utf8.DecodeLastRuneInString(s)
	switch last {
	case '?', '!', '。', '？', '！':
		return true
	case '.':
		prev, _ := utf8.DecodeLastRuneInString(s[:len(s)-size])
		return unicode.IsLower(prev)
	}
	return false
}

// isHeaderTranslation reports whether s, found under header h, is the
// header's translation: a short Chinese line, not a sentence.
func isHeaderTranslation(s string, h string, hasTitle bool) bool {
	n := utf8.RuneCountInString(s)
	if n == 0 || n > 60 || !textutil.HasHan(s) {
		return false
	}
	if strings.ContainsAny(s, "。！？，,.!?；;") {
		return false
	}
	c := textutil.Count(s)
	if c.Latin > c.Han {
		return false
	}
	if hasTitle {
		return strings.ContainsAny(s, "-－—–") || strings.Contains(s, "：")
	}
	return n <= 12
}
