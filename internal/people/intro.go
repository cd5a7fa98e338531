package people

import (
	"regexp"
	"slices"
	"strings"
	"unicode"

	"github.com/transcript-cli/transcript/internal/textutil"
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
// name, each as its words; "a|b" is a choice, "word?" may be left out.
// "the line of" may follow any of them, because operators drop it as often
// as they say it. A lead is matched backwards from its last word, which is
// cheap to find, and the name after it is read by an anchored expression;
// one expression for all leads cost more than the rest of the call
// structure together.
var leads = [][]string{
	{"question", "will?", "comes|come|coming", "today?", "from"},
	{"question", "is", "coming", "from"},
	{"question", "will", "come", "today?", "from"},
	{"question", "today?", "is", "coming?", "from"},
	{"a|our|the|your", "next|first|final|last|following?", "question", "from"},
	{"next|first|final|last", "question", ","},
	{"we'll|let's", "now?", "go|move|turn", "next?", "over?", "to"},
	{"we|let", "will|us", "now?", "go|move|turn", "next?", "over?", "to"},
	{"we're", "going", "to", "now?", "go|move|turn", "next?", "over?", "to"},
	{"next|first|finally", ",?", "we", "have"},
	{"next|first|finally", ",?", "we", "will?", "hear", "from"},
	{"we", "have", "a?", "question|questions", "from"},
	{"we'll", "take", "our?", "next|first|final|last", "question", "from"},
	{"we", "will", "take", "our?", "next|first|final|last", "question", "from"},
	{"next|first|final|last", "question|caller", "is"},
	{"up", "next", ",?", "is"},
	{"next", "up", ",?", "is"},
	{"up|next", "next|up", ",?", "we", "have"},
	{"up|next", "next|up", ",?", "we've", "got"},
}

// leadLast holds the last words of the leads.
var leadLast = func() map[string]bool {
	m := map[string]bool{}
	for _, l := range leads {
		m[l[len(l)-1]] = true
	}
	return m
}()

// token is a lower-case word of a text (or a comma), with its end.
type token struct {
	w   string
	end int
}

// tokens splits low (a lower-cased text) into words and commas.
func tokens(low string) []token {
	var out []token
	for i := 0; i < len(low); {
		c := low[i]
		switch {
		case c == ',':
			out = append(out, token{",", i + 1})
			i++
		case c >= 'a' && c <= 'z' || c == '\'' || c >= 0x80:
			j := i
			for j < len(low) && (low[j] >= 'a' && low[j] <= 'z' || low[j] == '\'' || low[j] >= 0x80 && low[j] != 0xe2) {
				j++
			}
			if j == i {
				j++
			}
			out = append(out, token{strings.ReplaceAll(low[i:j], "’", "'"), j})
			i = j
		default:
			if c == '.' || c == '!' || c == '?' || c == ';' || c == ':' {
				out = append(out, token{".", i + 1}) // a sentence break: no lead spans it
			}
			i++
		}
	}
	return out
}

// matchBack reports whether pattern ends at tokens[j].
func matchBack(toks []token, j int, pattern []string) bool {
	k := len(pattern) - 1
	for k >= 0 {
		p := pattern[k]
		optional := strings.HasSuffix(p, "?")
		p = strings.TrimSuffix(p, "?")
		ok := j >= 0 && slices.Contains(strings.Split(p, "|"), toks[j].w)
		switch {
		case ok:
			j--
		case !optional:
			return false
		}
		k--
	}
	return true
}

// afterLead lists the byte offsets in text right after a lead (and an
// optional "the line of"), where an introduced name would start.
func afterLead(text string) []int {
	low := textutil.LowerASCII(text) // its offsets are text's: the leads are ASCII
	toks := tokens(low)
	var out []int
	for j, t := range toks {
		if !leadLast[t.w] {
			continue
		}
		for _, l := range leads {
			if l[len(l)-1] == t.w && matchBack(toks, j, l) {
				p := t.end
				for p < len(text) && text[p] == ' ' {
					p++
				}
				out = append(out, p+lineOf(low[p:]))
				break
			}
		}
	}
	return out
}

// lineOf is the length of "the line of " (or "a line of ", "line of ") at
// the start of low, or 0.
func lineOf(low string) int {
	for _, p := range []string{"the line of ", "a line of ", "line of "} {
		if strings.HasPrefix(low, p) {
			n := len(p)
			for n < len(low) && low[n] == ' ' {
				n++
			}
			return n
		}
	}
	return 0
}

// introNameRe reads the introduced name at the start of a text, then a
// firm separator or the end of the sentence.
var introNameRe = textutil.Lazy(`^` + personName + `(?:\s*,\s*|\s+(?:with|of|from|at)\s+|\s+-{1,2}\s+|\s*[.!?;]|\s*$)`)

// trailIntroRe is the introduction that names the analyst first:
// "Gabriela Borges from Goldman Sachs has the next question."
var trailIntroRe = textutil.Lazy(`^` + personName + `\s+(?:with|of|from|at)\s+([^.!?]{2,60}?)\s+(?:has|have|will\s+have)\s+(?:the|our|a|your)\s+(?:next|first|final|last|following)\s+question`)

// selfIntroRe is an analyst naming themselves at the start of a question:
// "Hi, it's Kirk Materne with Evercore ISI", "This is Rodrigo Villanueva
// from Bank of America."
var selfIntroRe = textutil.Lazy(`^(?i:this\s+is|it's|it\s+is|i'm|i\s+am|you've\s+got|you\s+have)\s+` +
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
	m := atStarts(selfIntroRe(), text, 300, ".!?,")
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
var bareIntroRe = textutil.Lazy(`^(?:\s*[\(\[]\s*(?i:operator\s+instructions)\s*[\)\]]\.?)?\s*` +
	personName + `\s*,\s*([^,]{2,60}?)\s*[.!]?\s*$`)

var legalSuffixRe = textutil.Lazy(`(?i)^(?:inc|llc|ltd|corp|co|plc|ag|sa|nv|s\.a\.b?|research\s+division)\b`)

// closers are the operator's hand-over phrases that follow the firm.
var closerRe = textutil.Lazy(`(?i)[,;.]?\s*\b(?:please\s+go\s+ahead|go\s+ahead|your\s+line\s+is\s+(?:now\s+)?(?:open|live)|you\s+may\s+(?:now\s+)?(?:begin|proceed|go\s+ahead|ask)|please\s+proceed|please\s+state\s+your\s+question|please\s+ask\s+your\s+question|your\s+question\s+please)\b.*$`)

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
		if m := atStarts(trailIntroRe(), text, 400, ".!?"); m != nil {
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
	for _, p := range afterLead(text) {
		rest := text[p:]
		m := introNameRe().FindStringSubmatchIndex(rest[:min(len(rest), 200)])
		if m == nil {
			continue
		}
		name := rest[m[2]:m[3]]
		if notNames[strings.ToLower(firstWord(name))] {
			return Intro{}, false
		}
		firm := ""
		sep := rest[m[3]:m[1]]
		if s := strings.TrimSpace(sep); s != "" && !strings.ContainsAny(s, ".!?;") {
			firm = cleanFirm(rest[m[1]:])
		}
		return Intro{Name: cleanName(name), Firm: firm}, true
	}
	return Intro{}, false
}

func bareIntroduction(text string) (Intro, bool) {
	if m := bareIntroRe().FindStringSubmatch(text); m != nil {
		if notNames[strings.ToLower(firstWord(m[1]))] {
			return Intro{}, false
		}
		firm := cleanFirm(m[2])
		// Participant lists look alike ("Cisco Systems, Inc. - Chairman &
		// CEO", "Morgan Stanley, Research Division - MD"): a legal suffix or
		// a " - Title" means a company line, not an introduction.
		if firm == "" || !startsUpper(firm) || legalSuffixRe().MatchString(firm) || strings.Contains(m[2], " - ") || strings.Contains(firm, "(") {
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
	s = closerRe().ReplaceAllString(s, "")
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
			if next != ' ' && !unicode.IsUpper(next) {
				continue // "Amazon.com", "U.S." inside a word
			}
			// The word before the dot.
			j := i
			for j > 0 && rs[j-1] != ' ' && rs[j-1] != '.' {
				j--
			}
			word := rs[j:i]
			if len(word) == 1 && unicode.IsUpper(word[0]) {
				continue // an initial
			}
			if unicode.IsUpper(next) && len(word) <= 1 {
				continue
			}
			return string(rs[:i])
		}
	}
	return s
}
