package people

import (
	"regexp"
	"strings"

	"github.com/transcript-cli/transcript/internal/textutil"
)

// qaNoun is what an opening announces: Q&A, the question-and-answer
// session, or questions.
const qaNoun = `(?:q\s*&\s*a|q\s+and\s+a|question[-\s]+and[-\s]+answer|(?:your\s+|some\s+)?questions)`

// phrase is one way of saying something, as a regular expression behind a
// cheap look for the words (one of which every match has), so that most
// sentences never reach the expression.
type phrase struct {
	words []string
	re    func() *regexp.Regexp
}

// in reports whether the phrase is in s (low is s in lower case).
func (p phrase) in(s, low string) bool {
	for _, w := range p.words {
		if strings.Contains(low, w) {
			return p.re().MatchString(s)
		}
	}
	return false
}

// instructions each recognise one way of opening the queue. The operator's
// "(Operator Instructions)" placeholder replaces the dial-in instructions,
// so it counts, as do the instructions themselves when spelled out.
var instructions = []phrase{
	{[]string{"instructions"}, textutil.Lazy(`(?i)[\(\[]\s*operator\s+instructions\s*[\)\]]`)},
	{[]string{"in order"}, textutil.Lazy(`(?i)\bin\s+order\s+to\s+ask\s+a\s+question\b`)},
	{[]string{"ask"}, textutil.Lazy(`(?i)\bto\s+ask\s+(?:a|your)\s+question\b[^.]*\b(?:press|star|dial|signal|raise)`)},
}

// announcements are spoken announcements of the Q&A; closing remarks can
// mention Q&A too, so these are vetoed by closesQARes.
var announcements = []phrase{
	{[]string{"roster"}, textutil.Lazy(`(?i)\bcompile\s+the\s+(?:q\s*&\s*a\s+)?roster\b`)},
	// "we will now begin the question-and-answer session", "we'll now open
	// the line for questions", "we will now take questions".
	{[]string{"now", "ready"}, textutil.Lazy(`(?i)\b(?:now|ready\s+to)\s+(?:begin|start|open|move|go|turn|proceed|transition|take|conduct)\b[^.?!]{0,40}?\b` + qaNoun)},
	// "let's move on to your questions", "let's go to Q&A", "with that, we
	// will move to Q&A", "I'll turn it over to the operator for Q&A".
	{[]string{"let", "we", "i'll", "i will", "i would", "i'd"}, textutil.Lazy(`(?i)\b(?:let's|let\s+us|we\s+will|we'll|we\s+can|we\s+would\s+like\s+to|we'd\s+like\s+to|i'll|i\s+will|i\s+would\s+like\s+to|i'd\s+like\s+to|so\s+we\s+can)\s+(?:now\s+)?(?:move|go|turn|open|proceed|begin|start|transition|head|take)\b[^.?!]{0,40}?\b` + qaNoun)},
	// "So let me stop there and open it up for questions", "open the floor
	// to questions", "open up the queue for questions".
	{[]string{"open"}, textutil.Lazy(`(?i)\bopen\s+(?:it|this|things|the\s+(?:call|line|lines|floor|queue|phones?))?\s*(?:up\s+)?(?:the\s+(?:call|line|lines|floor|queue)\s+)?(?:for|to)\s+` + qaNoun)},
	{[]string{"answer"}, textutil.Lazy(`(?i)\bquestion[-\s]+and[-\s]+answer\s+(?:session|portion|period)\s+(?:will\s+)?(?:now\s+)?(?:begin|begins|start|starts|is\s+now\s+open)\b`)},
}

// closesQARes are phrases that mention Q&A without opening it; they veto the
// softer patterns above (not the explicit dial-in instructions).
var closesQARes = textutil.Lazy(`(?i)\b(?:thank(?:s|\s+you)\s+for\s+(?:your|the|taking\s+my|taking\s+the)\s+question|wraps?\s+up\s+the|conclud\w*|end\s+of\s+(?:the\s+|our\s+|today's\s+)?(?:q|question)|no\s+(?:further|more)\s+questions|further\s+questions,?\s+(?:please\s+)?(?:feel\s+free|contact))`)

// OpensQA reports whether an operator or host line opens the question queue:
// "(Operator Instructions)", "we will now begin the question-and-answer
// session", "let's move on to your questions", "I'll turn it over to the
// operator for Q&A". Note that operators also say "(Operator Instructions)"
// in their welcome, so callers should only honour it after the prepared
// remarks have started.
func OpensQA(text string) bool {
	// Every opening names questions, Q&A, the roster or the instructions,
	// within one sentence (the expressions do not cross a full stop); most
	// paragraphs, and most of their sentences, name none, and the
	// expressions cost far more than this look.
	if !hasQAWord(text) {
		return false
	}
	var sents []string
	for rest := text; rest != ""; {
		i := strings.Index(rest, ". ")
		s := rest
		if i >= 0 {
			s, rest = rest[:i+1], rest[i+2:]
		} else {
			rest = ""
		}
		if hasQAWord(s) {
			sents = append(sents, s)
		}
	}
	lows := make([]string, len(sents))
	for i, s := range sents {
		lows[i] = strings.ToLower(s)
	}
	matches := func(ps []phrase) bool {
		for _, p := range ps {
			for i, s := range sents {
				if p.in(s, lows[i]) {
					return true
				}
			}
		}
		return false
	}
	if matches(instructions) {
		return true
	}
	// The veto reads the whole paragraph, so it runs only on the rare one
	// that announces the Q&A.
	return matches(announcements) && !closesQARes().MatchString(text)
}

// hasQAWord reports whether s names questions, Q&A, the roster or the
// instructions, in any case: one pass over the text, without lower-casing
// a copy of it.
func hasQAWord(s string) bool {
	for i := 0; i < len(s); i++ {
		var words []string
		switch s[i] | 0x20 {
		case 'q':
			words = qWords
		case 'r':
			words = rWords
		case 'i':
			words = iWords
		default:
			continue
		}
		for _, w := range words {
			// The second byte first: "in" and "ro" start many words that
			// are none of these. (Or-ing 0x20 lower-cases a letter and
			// leaves ' ' and '&' alone.)
			if len(s)-i >= len(w) && s[i+1]|0x20 == w[1] && strings.EqualFold(s[i:i+len(w)], w) {
				return true
			}
		}
	}
	return false
}

var (
	qWords = []string{"question", "q&a", "q & a", "q and a"}
	rWords = []string{"roster"}
	iWords = []string{"instructions"}
)
