package people

import (
	"regexp"
	"strings"
)

// Intro is an analyst introduced by the operator.
type Intro struct{ Name, Firm string }

// nameWord is one word of a person's name: capitalised (Unicode-aware, so
// "Ahmed", "O'Brien", "DiClemente", "Jean-Pierre", "T."), a lower-case
// particle inside the name, or the ASR placeholder "<unk>".
const nameWord = `(?:\p{Lu}[\p{L}\p{M}'’.\-]*|<unk>)`
const nameTail = `(?:\s+(?:\p{Lu}[\p{L}\p{M}'’.\-]*|<unk>|de|da|del|di|du|van|von|der|den|la|le|dos|das|bin|al))`

// personName captures 2–4 name words.
const personName = `(` + nameWord + nameTail + `{1,3})`

// leads are the operator phrasings that come right before the analyst's
// name. "the line of" is optional everywhere because operators drop it.
var leads = []string{
	`question\s+(?:will\s+)?(?:comes?|is\s+coming|will\s+come|come)\s+(?:today\s+)?from\s+`,
	`question\s+(?:today\s+)?is\s+(?:coming\s+)?from\s+`,
	`(?:a|our|the|your)\s+(?:next|first|final|last|following)?\s*question\s+from\s+`,
	`(?:next|first|final|last)\s+question,\s*`,
	`(?:we'll|we\s+will|we're\s+going\s+to|let's|let\s+us)\s+(?:now\s+)?(?:go|move|turn)\s+(?:next\s+)?(?:over\s+)?to\s+`,
	`(?:next|first|finally),?\s+we\s+(?:have|will\s+hear\s+from|hear\s+from)\s+`,
	`we\s+have\s+(?:a\s+)?(?:question|questions)\s+from\s+`,
	`(?:we'll|we\s+will)\s+take\s+(?:our\s+)?(?:next|first|final|last)\s+question\s+from\s+`,
	`(?:next|first|final|last)\s+(?:question|caller)\s+is\s+`,
	`(?:up\s+next|next\s+up)\s*,?\s+(?:is|we\s+have|we've\s+got)\s+`,
}

// introRe finds a lead, an optional "the line of", the name, then either a
// firm separator or the end of the sentence.
var introRe = regexp.MustCompile(`(?i:` + strings.Join(leads, "|") + `)(?i:(?:the\s+|a\s+)?line\s+of\s+)?` +
	personName + `(?:\s*,\s*|\s+(?:with|of|from|at)\s+|\s+-{1,2}\s+|\s*[.!?;]|\s*$)`)

// trailIntroRe is the introduction that names the analyst first:
// "Gabriela Borges from Goldman Sachs has the next question."
var trailIntroRe = regexp.MustCompile(`^` + personName + `\s+(?:with|of|from|at)\s+([^.!?]{2,60}?)\s+(?:has|have|will\s+have)\s+(?:the|our|a|your)\s+(?:next|first|final|last|following)\s+question`)

// selfIntroRe is an analyst naming themselves at the start of a question:
// "Hi, it's Kirk Materne with Evercore ISI", "This is Rodrigo Villanueva
// from Bank of America."
var selfIntroRe = regexp.MustCompile(`^(?i:this\s+is|it's|it\s+is|i'm|i\s+am|you've\s+got|you\s+have)\s+` +
	personName + `(?:\s+(?i:here))?\s+(?i:from|with|at|of|on\s+for)\s+([^.!?;]{2,60})`)

// atStarts runs re, anchored, at the start of text and after each
// sentence or clause break in its first n bytes, and returns the first
// match whose name (group 1) is no sentence word.
func atStarts(re *regexp.Regexp, text string, n int, breaks string) []string {
	for i := 0; i < len(text) && i <= n; i++ {
		if i > 0 && !(text[i-1] == ' ' && strings.IndexByte(breaks, text[max(0, i-2)]) >= 0) {
			continue
		}
		if m := re.FindStringSubmatch(text[i:]); m != nil && !notNames[strings.ToLower(firstWord(m[1]))] {
			return m
		}
	}
	return nil
}

// SelfIntroduction reads an analyst naming themselves and their firm at
// the start of their turn.
func SelfIntroduction(text string) (Intro, bool) {
	if len(text) > 400 {
		text = text[:400]
	}
	low := strings.ToLower(text)
	if !strings.Contains(low, "this is") && !strings.Contains(low, "it's") && !strings.Contains(low, "it is") &&
		!strings.Contains(low, "i'm") && !strings.Contains(low, "i am") && !strings.Contains(low, "you've got") && !strings.Contains(low, "you have") {
		return Intro{}, false
	}
	m := atStarts(selfIntroRe, text, 300, ".!?,")
	if m == nil {
		return Intro{}, false
	}
	firm := cleanFirm(m[2])
	if firm == "" || !startsUpper(firm) {
		return Intro{}, false
	}
	return Intro{Name: cleanName(m[1]), Firm: firm}, true
}

// bareIntroRe is the StreetEvents habit of an operator turn that is only
// "John Blackledge, Cowen." after the instructions.
var bareIntroRe = regexp.MustCompile(`^(?:\s*[\(\[]\s*(?i:operator\s+instructions)\s*[\)\]]\.?)?\s*` +
	personName + `\s*,\s*([^,]{2,60}?)\s*[.!]?\s*$`)

var legalSuffixRe = regexp.MustCompile(`(?i)^(?:inc|llc|ltd|corp|co|plc|ag|sa|nv|s\.a\.b?|research\s+division)\b`)

// closers are the operator's hand-over phrases that follow the firm.
var closerRe = regexp.MustCompile(`(?i)[,;.]?\s*\b(?:please\s+go\s+ahead|go\s+ahead|your\s+line\s+is\s+(?:now\s+)?(?:open|live)|you\s+may\s+(?:now\s+)?(?:begin|proceed|go\s+ahead|ask)|please\s+proceed|please\s+state\s+your\s+question|please\s+ask\s+your\s+question|your\s+question\s+please)\b.*$`)

// notNames are capitalised words that start sentences, not names.
var notNames = map[string]bool{
	"thank": true, "thanks": true, "good": true, "hello": true, "hi": true,
	"okay": true, "ok": true, "ladies": true, "great": true, "yes": true,
	"the": true, "our": true, "your": true, "this": true, "that": true,
	"operator": true, "and": true, "so": true, "now": true, "please": true,
	"next": true, "we": true, "i": true, "it": true, "at": true,
}

// Introduction extracts the analyst introduced in an operator's line, if any.
// The name is 2–4 capitalised words; the firm is everything after the FIRST
// separator (with, of, from, at, comma, dash) up to the end of the sentence,
// so "David Barden from Bank of America" keeps "Bank of America". Trailing
// "Please go ahead", "Your line is open" and similar are removed. The firm is
// empty when the operator names no firm.
func Introduction(text string) (Intro, bool) {
	if mayIntroduce(text) {
		if in, ok := leadIntroduction(text); ok {
			return in, true
		}
		if m := atStarts(trailIntroRe, text, 400, ".!?"); m != nil {
			return Intro{Name: cleanName(m[1]), Firm: cleanFirm(m[2])}, true
		}
	}
	return bareIntroduction(text)
}

// mayIntroduce is a cheap look for the words every lead contains; the
// expression costs far more, and most operator paragraphs have none of them.
func mayIntroduce(text string) bool {
	low := strings.ToLower(text)
	for _, w := range []string{"question", "caller", "we have", "hear from", "up next", "next up"} {
		if strings.Contains(low, w) {
			return true
		}
	}
	// "we'll go next to", "let's move to", "we'll turn to".
	return strings.Contains(low, " to ") &&
		(strings.Contains(low, "go ") || strings.Contains(low, "move") || strings.Contains(low, "turn"))
}

func leadIntroduction(text string) (Intro, bool) {
	if m := introRe.FindStringSubmatchIndex(text); m != nil {
		name := text[m[2]:m[3]]
		if notNames[strings.ToLower(firstWord(name))] {
			return Intro{}, false
		}
		firm := ""
		sep := text[m[3]:m[1]]
		if s := strings.TrimSpace(sep); s != "" && !strings.ContainsAny(s, ".!?;") {
			firm = cleanFirm(text[m[1]:])
		}
		return Intro{Name: cleanName(name), Firm: firm}, true
	}
	return Intro{}, false
}

func bareIntroduction(text string) (Intro, bool) {
	if m := bareIntroRe.FindStringSubmatch(text); m != nil {
		if notNames[strings.ToLower(firstWord(m[1]))] {
			return Intro{}, false
		}
		firm := cleanFirm(m[2])
		// Participant lists look alike ("Cisco Systems, Inc. - Chairman &
		// CEO", "Morgan Stanley, Research Division - MD"): a legal suffix or
		// a " - Title" means a company line, not an introduction.
		if firm == "" || !startsUpper(firm) || legalSuffixRe.MatchString(firm) || strings.Contains(m[2], " - ") || strings.Contains(firm, "(") {
			return Intro{}, false
		}
		return Intro{Name: cleanName(m[1]), Firm: firm}, true
	}
	return Intro{}, false
}

func firstWord(s string) string {
	if f := strings.Fields(s); len(f) > 0 {
		return strings.Trim(f[0], ".,'’")
	}
	return ""
}

func startsUpper(s string) bool {
	for _, r := range s {
		return r >= 'A' && r <= 'Z' || r > 0x7f
	}
	return false
}

// cleanName drops a trailing dot the name regexp swallowed as part of a
// word ("Greg Malachowski." at a sentence end) but keeps initials ("T.").
func cleanName(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if strings.HasSuffix(s, ".") {
		last := s[strings.LastIndexByte(s, ' ')+1:]
		if len([]rune(last)) > 2 {
			s = strings.TrimSuffix(s, ".")
		}
	}
	return s
}

// cleanFirm cuts the firm at the end of its sentence and removes hand-over
// phrases and trailing punctuation.
func cleanFirm(s string) string {
	s = sentenceEnd(s)
	s = closerRe.ReplaceAllString(s, "")
	s = strings.TrimSpace(s)
	s = strings.TrimRight(s, " ,;:.!?")
	// A firm ending in an abbreviation keeps its dot: "Oppenheimer & Co."
	// loses it above, which is the accepted canonical spelling anyway.
	return strings.Join(strings.Fields(s), " ")
}

// sentenceEnd returns s up to the first sentence break. A dot after a single
// capital letter is an initial ("Sanford C. Bernstein", "Robert W. Baird"),
// not a break; a dot glued to the next word ("question.Geoffrey") is a
// break, because the Fool JSON loses the space there.
func sentenceEnd(s string) string {
	rs := []rune(s)
	for i, r := range rs {
		switch r {
		case '?', '!', '\n', '\r':
			return string(rs[:i])
		case '.':
			if i+1 >= len(rs) {
				return string(rs[:i])
			}
			next := rs[i+1]
			if next != ' ' && !(next >= 'A' && next <= 'Z') {
				continue // "Amazon.com", "U.S." inside a word
			}
			// The word before the dot.
			j := i
			for j > 0 && rs[j-1] != ' ' && rs[j-1] != '.' {
				j--
			}
			word := rs[j:i]
			if len(word) == 1 && word[0] >= 'A' && word[0] <= 'Z' {
				continue // an initial
			}
			if next >= 'A' && next <= 'Z' && len(word) <= 1 {
				continue
			}
			return string(rs[:i])
		}
	}
	return s
}
