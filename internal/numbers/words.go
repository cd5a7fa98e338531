package numbers

import (
	"slices"
	"strings"

	"github.com/transcript-cli/transcript/internal/textutil"
)

// wordEntry is one row of englishWords or of the month names.
type wordEntry struct {
	w    string // lower case
	v    float64
	kind wordKind
}

// words are englishWords and the month names of textutil.Months, and
// wordVocab finds them.
var words, wordVocab = func() ([]wordEntry, vocab) {
	es := slices.Clone(englishWords)
	for name, n := range textutil.Months {
		es = append(es, wordEntry{name, float64(n), monthName})
	}
	return es, newVocab(column(len(es), func(k int) string { return es[k].w }))
}()

// lookupWord returns the entry of the ASCII letters w, in any case, or nil.
func lookupWord(w string) *wordEntry {
	if k := wordVocab.find(w); k >= 0 {
		return &words[k]
	}
	return nil
}

// monthNeedsDay: "May" and abbreviations are months only with a day or a
// dot after them: "may" is a verb and "Mar"/"Dec" can be names. Four
// letters or fewer count as an abbreviation, so June and July need one
// too.
func monthNeedsDay(name string) bool { return len(name) <= 4 }

// word reads the English word s[i:e], words[k], and returns the index
// after what it consumed.
func (sc *scanner) word(i, e, k int) int {
	w := &words[k]
	switch w.kind {
	case monthName:
		return sc.month(i, e, w.v)
	case halfWord:
		return sc.half(i, e)
	case numberWord, article:
		return sc.numberWord(i, e, w)
	}
	return e
}

// month emits a month name written with a capital and the rest in lower
// case, as a date starts ("August", not "AUGUST" or "august").
func (sc *scanner) month(i, e int, v float64) int {
	s := sc.s
	if !isUpper(s[i]) || strings.ToLower(s[i+1:e]) != s[i+1:e] {
		return e
	}
	if monthNeedsDay(s[i:e]) {
		next := skipSpaces(s, e)
		if !(strings.HasPrefix(s[e:], monthDot) || next > e && isDigit(byteAt(s, next))) {
			return e
		}
	}
	sc.emit(&raw{start: i, end: e, value: v, word: true, step: 1, sig: 1})
	return e
}

// half reads "half a percent", "half a point", "half a billion".
func (sc *scanner) half(i, e int) int {
	s := sc.s
	k := skipSpaces(s, e)
	if k > e && strings.HasPrefix(s[k:], halfArticle) {
		// The span takes the article, not the space that halfArticle ends with.
		r := raw{start: i, end: k + len(halfArticle) - 1, value: 0.5, word: true, step: 0.5, sig: 1, mant: 0.5}
		sc.suffix(&r)
		if r.scaled || r.unit != "" {
			sc.emit(&r)
			return r.end
		}
	}
	return e
}

// numberWord reads a spelled-out number, compounds ("twenty-five") and
// hundreds ("two hundred") included, with the scale and unit after it.
func (sc *scanner) numberWord(i, e int, w *wordEntry) int {
	s := sc.s
	r := raw{start: i, end: e, value: w.v, word: true, step: 1, sig: 1, mant: w.v}
	if w.v >= 20 && strings.HasPrefix(s[e:], tensHyphen) {
		f := wordEnd(s, e+1)
		if u := lookupWord(s[e+1 : f]); u != nil && u.kind == numberWord && u.v < 10 {
			r.value += u.v
			r.end = f
		}
	}
	if k := skipSpaces(s, r.end); k > r.end {
		if e, m := sc.wordAfter(k); m >= 0 && afterWords[m].multiplier > 0 {
			r.value *= afterWords[m].multiplier
			r.end = e
		}
	}
	compound := r.end > e
	if w.kind == article && !compound && !sc.maySuffix(e) {
		return e // the article, the most common word the scanner knows
	}
	r.mant = r.value
	sc.suffix(&r)
	if w.kind == article && !compound && !r.scaled && r.unit == "" {
		return e // the article
	}
	sc.emit(&r)
	return r.end
}
