package numbers

import (
	"math"
	"math/bits"
	"strings"
	"unicode/utf8"
)

// scanner state for one text.
type scanner struct {
	s   string
	zh  bool
	out []Number
	// The last answer of wordAfter, for the word at afterAt (-1 before
	// the first).
	afterAt, afterEnd, afterK int
}

// scanInto appends the numbers of s to out. Most bytes start nothing: the
// loops pass over them themselves and call step only where a figure, a
// word or (in Chinese) a numeral may start.
func scanInto(out []Number, s string, zh bool) []Number {
	sc := scanner{s: s, zh: zh, out: out, afterAt: -1}
	if zh {
		sc.runZH()
	} else {
		sc.runEN()
	}
	return sc.out
}

// runEN scans English: figures (digits, '.', full-width digits) and the
// words of the vocabulary; a word is passed over unless its length and
// first and last letters are those of a word the scanner knows.
func (sc *scanner) runEN() {
	s := sc.s
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case skipASCII[c] || c == '.' && !isDigit(byteAt(s, i+1)):
			i++ // a '.' starts a figure only before a digit (".5")
		case !isLetter(c):
			if c >= utf8.RuneSelf && c != 0xEF {
				// Only a full-width digit (EF BC 9x) starts a figure. In
				// text that is not UTF-8 the width may end inside a word.
				i = sc.resume(i + runeWidth(c))
			} else {
				i = sc.resume(sc.step(i))
			}
		case i+8 <= len(s):
			// The hot path: most words end within eight bytes, and then
			// their length, last letter and the byte after them come from
			// one load, and so does the space after them.
			x := load64(s, i)
			m := nonLetters(x)
			if m == 0 {
				i = sc.longWord(i)
				continue
			}
			n := bits.TrailingZeros64(m) >> 3 // 1 to 7 letters
			after := byte(x >> (8 * n))
			if wordVocab.pairs.has(c, byte(x>>(8*n-8)), n) && !isDigit(after) {
				if k := wordVocab.lookup(packWord(x, n)); k >= 0 {
					i = sc.resume(sc.word(i, i+n, k))
					continue
				}
			}
			// The space after the word, by a branch that the processor
			// predicts: a look-up added to i would make the next word
			// wait for it.
			if skipASCII[after] {
				i += n + 1
			} else {
				i += n
			}
		default:
			i = sc.wordAt(i, wordEnd(s, i))
		}
	}
}

// longWord passes over the word of eight letters or more at i, and reads
// it when it may be one of the words the scanner knows.
func (sc *scanner) longWord(i int) int {
	s := sc.s
	if i+16 > len(s) {
		return sc.wordAt(i, wordEnd(s, i+8))
	}
	m := nonLetters(load64(s, i+8))
	if m == 0 {
		return wordEnd(s, i+16) // too long for any vocabulary
	}
	e := i + 8 + bits.TrailingZeros64(m)>>3
	if n := e - i; n > maxVocabWord || !wordVocab.pairs.has(s[i], s[e-1], n) {
		return e
	}
	return sc.wordAt(i, e)
}

// wordAt reads the English word s[i:e] when it may be one of the words the
// scanner knows, and returns where to go on.
func (sc *scanner) wordAt(i, e int) int {
	s := sc.s
	// A word glued to digits is an identifier.
	if k := wordVocab.find(s[i:e]); k >= 0 && (e == len(s) || !isDigit(s[e])) {
		return sc.resume(sc.word(i, e, k))
	}
	return e
}

// runZH scans Chinese: figures, and the Chinese numerals and 百分之 that
// startsZH lets through; English words are not read.
func (sc *scanner) runZH() {
	s := sc.s
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case skipZH[c]:
			i++
		case c&0xF0 == 0xE0:
			// A run of three-byte characters (Han, CJK punctuation), none
			// of which may start a number, in one tight loop.
			j := i
			for j+2 < len(s) {
				b := s[j : j+3]
				if b[0]&0xF0 != 0xE0 || startsZH.has(b[0], b[1], b[2]) {
					break
				}
				j += 3
			}
			if j == i {
				j = sc.step(i)
			}
			i = j
		default:
			i = sc.step(i)
		}
	}
}

// skipASCII are the ASCII bytes that start nothing: all but digits,
// letters and '.'; skipZH adds the letters, since English words are not
// read in Chinese, and digits after letters are an identifier either way.
var skipASCII, skipZH = func() (en, zh [256]bool) {
	for c := 0; c < utf8.RuneSelf; c++ {
		b := byte(c)
		en[c] = !isDigit(b) && !isLetter(b) && b != '.'
		zh[c] = !isDigit(b) && b != '.'
	}
	return en, zh
}()

// scanFigures is scan reading only what starts with a digit (or ".5", or
// 百分之 before digits). scan's word and numeral readers never consume a
// digit, so the figures come out as scan gives them.
func scanFigures(s string, zh bool) []Number {
	sc := scanner{s: s, zh: zh, afterAt: -1}
	for i := 0; i < len(s); {
		switch c := s[i]; {
		case isDigit(c) || c == '.' || c == 0xEF && fullDigit(s, i) >= 0:
			i = sc.step(i) // a figure, ".5" or a full-width digit, as scan reads them
		case zh && c == 0xE7 && strings.HasPrefix(s[i:], zhPercentOf) && startsNumber(s, skipSpaces(s, i+len(zhPercentOf))):
			i = sc.cjk(i)
		case !zh && isLetter(c):
			// Past the word, as scan's word reader goes: a number glued
			// after it (AI21) is then seen where scan sees it.
			i = wordEnd(s, i)
		default:
			i += runeWidth(c)
		}
	}
	return sc.out
}

// resume returns where English words may start again after i: a figure's
// suffix or a word's unit may have ended inside a word ("5 per centuries"),
// whose rest starts nothing.
func (sc *scanner) resume(i int) int {
	if i > 0 && i < len(sc.s) && isLetter(sc.s[i-1]) {
		return wordEnd(sc.s, i)
	}
	return i
}

// step scans what starts at i and returns the index after it.
func (sc *scanner) step(i int) int {
	s := sc.s
	c := s[i]
	switch {
	case isDigit(c) || fullDigit(s, i) >= 0:
		return sc.number(i)
	case c == '.':
		if i+1 < len(s) && isDigit(s[i+1]) && (i == 0 || !isDigit(s[i-1]) && !isLetter(s[i-1])) {
			return sc.number(i) // ".5"
		}
		return i + 1
	case c < utf8.RuneSelf:
		return i + 1
	case sc.zh:
		if j := sc.cjk(i); j > i {
			return j
		}
	}
	return i + runeWidth(c)
}

// runeWidth is the length of the UTF-8 sequence that starts with c. The
// text is valid UTF-8 (package decode sees to it), so the leading byte
// tells, without decoding the rune.
func runeWidth(c byte) int {
	switch {
	case c < 0xC0:
		return 1
	case c < 0xE0:
		return 2
	case c < 0xF0:
		return 3
	}
	return 4
}

func isDigit(c byte) bool  { return c >= '0' && c <= '9' }
func isLetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }
func isUpper(c byte) bool  { return c >= 'A' && c <= 'Z' }

// fullDigit returns the value of a full-width digit ０-９ at s[i], or -1.
func fullDigit(s string, i int) int {
	if i+2 < len(s) && s[i] == 0xEF && s[i+1] == 0xBC && s[i+2] >= 0x90 && s[i+2] <= 0x99 {
		return int(s[i+2] - 0x90)
	}
	return -1
}

// digitWidth returns the byte width of the digit (ASCII or full-width) at
// s[i], or 0.
func digitWidth(s string, i int) int {
	if i < len(s) && isDigit(s[i]) {
		return 1
	}
	if fullDigit(s, i) >= 0 {
		return 3
	}
	return 0
}

// oneOf reports whether the ASCII word w is one of the lower-case list, in
// any case.
func oneOf(w string, list []string) bool {
	for _, l := range list {
		if lowerEq(w, l) {
			return true
		}
	}
	return false
}

func byteAt(s string, i int) byte {
	if i < len(s) {
		return s[i]
	}
	return 0
}

// skipSpaces skips ASCII and ideographic spaces and no-break spaces.
func skipSpaces(s string, i int) int {
	for i < len(s) {
		switch c := s[i]; {
		case c == ' ' || c == '\t':
			i++
		case c == 0xC2 && i+1 < len(s) && s[i+1] == 0xA0: // U+00A0
			i += 2
		case c == 0xE3 && i+2 < len(s) && s[i+1] == 0x80 && s[i+2] == 0x80: // U+3000
			i += 3
		default:
			return i
		}
	}
	return i
}

// backSpaces returns the index before the spaces that end at i.
func backSpaces(s string, i int) int {
	for i > 0 && (s[i-1] == ' ' || s[i-1] == '\t') {
		i--
	}
	return i
}

// wordEnd returns the end of the ASCII letter run at i. It tests eight
// bytes at a time: the words of a paragraph are most of its bytes.
func wordEnd(s string, i int) int {
	for ; i+8 <= len(s); i += 8 {
		if m := nonLetters(load64(s, i)); m != 0 {
			return i + bits.TrailingZeros64(m)/8
		}
	}
	for i < len(s) && isLetter(s[i]) {
		i++
	}
	return i
}

// load64 reads the eight bytes at i, the first in the low byte (the
// compiler makes it one load).
func load64(s string, i int) uint64 {
	b := s[i : i+8]
	return uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
		uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
}

// nonLetters marks with its high bit each byte of x that is not an ASCII
// letter, eight bytes at once. Each byte is lower-cased and its high bit
// cleared, so that adding 0x1F sets the high bit from 'a' up and adding
// 0x05 from '{' up, and neither carries into the next byte; a byte is no
// letter below 'a', from '{' up, or when it was not ASCII. The steps are
// few and mostly side by side: the scan loop waits on them for every word.
func nonLetters(x uint64) uint64 {
	const lo7, hi = 0x7F7F7F7F7F7F7F7F, 0x8080808080808080
	y := (x | 0x2020202020202020) & lo7
	return (^(y + 0x1F1F1F1F1F1F1F1F) | (y + 0x0505050505050505) | x) & hi
}

// wordBefore returns the ASCII word ending at i (after skipping spaces).
func wordBefore(s string, i int) string {
	e := backSpaces(s, i)
	b := e
	for b > 0 && isLetter(s[b-1]) {
		b--
	}
	return s[b:e]
}

func lowerEq(w, lower string) bool {
	if len(w) != len(lower) {
		return false
	}
	for k := 0; k < len(w); k++ {
		if w[k]|0x20 != lower[k] {
			return false
		}
	}
	return true
}

// raw is a parsed figure before it becomes a Number.
type raw struct {
	start, end int // span in s, currency and sign included
	value      float64
	unit       string
	scaled     bool // a scale word or character was applied
	currency   bool
	year       bool // a bare 4-digit integer 1900-2100
	word       bool
	drop       bool // identifier, ordinal, time: consumed but not reported
	negative   bool
	step       float64
	sig        int
	mant       float64 // value as written, before scale
	alt        float64
}

func (sc *scanner) emit(r *raw) {
	// A run of hundreds of digits is no amount anyone said; its value
	// overflows to infinity, which JSON cannot carry.
	if r.drop || math.IsInf(r.value, 0) || math.IsNaN(r.value) {
		return
	}
	sc.out = append(sc.out, Number{
		Text:  sc.s[r.start:r.end],
		Value: r.value,
		Unit:  r.unit,
		Word:  r.word,
		step:  r.step,
		sig:   r.sig,
		alt:   r.alt,
	})
}

// number scans a figure starting at the digit (or ".") at i, together with
// a range it may open, and returns the index after it.
func (sc *scanner) number(i int) int {
	var r, r2 raw
	sc.figure(&r, i, false)
	// A range: "29.4 to 29.6 billion", "11-13%", "29.4 至 29.6 億".
	if !r.drop && sc.rangeEnd(&r, &r2) {
		propagate(&r, &r2, sc.zh)
		sc.emit(&r)
		sc.emit(&r2)
		return r2.end
	}
	sc.emit(&r)
	return r.end
}

// rangeEnd reads into r2 the second end of a range that r opens, and
// reports whether there is one.
func (sc *scanner) rangeEnd(r, r2 *raw) bool {
	j, ok := sc.rangeSep(r)
	if !ok {
		return false
	}
	j = skipSpaces(sc.s, j)
	// A figure, after a currency sign if one is written ("$5 to $10").
	if !startsNumber(sc.s, j+currencyLits.prefix(sc.s, j)) {
		return false
	}
	// The read is speculative: a clock time (6:30) emits as it is read,
	// and what follows r is read again when there is no range.
	n := len(sc.out)
	sc.figure(r2, j, true)
	if r2.drop {
		sc.out = sc.out[:n]
		return false
	}
	return true
}

// startsNumber reports whether a figure starts at i: a digit, or ".5".
func startsNumber(s string, i int) bool {
	return startsDigit(s, i) || i+1 < len(s) && s[i] == '.' && isDigit(s[i+1])
}

// rangeSep returns the index after a range separator that follows r.
func (sc *scanner) rangeSep(r *raw) (int, bool) {
	s := sc.s
	j := skipSpaces(s, r.end)
	if k := rangeMarkLits.prefix(s, j); k > 0 {
		return j + k, true
	}
	if j == r.end || sc.zh {
		return 0, false // English word separators need a space
	}
	if !rangeWordStarts.has(byteAt(s, j)) {
		return 0, false
	}
	w := wordEnd(s, j)
	for _, rw := range rangeWords {
		if s[j:w] == rw.word && (rw.before == "" || lowerEq(wordBefore(s, r.start), rw.before)) {
			return w, true
		}
	}
	return 0, false
}

// propagate gives the first end of a range the scale and unit of the
// second when it has none of its own.
//
// In English "5 to $10 billion" does not propagate (the first end is not
// an amount); in Chinese the currency word closes the range (29.4 至 29.6
// 億美元) and says nothing about the first end.
func propagate(a, b *raw, zh bool) {
	if a.year || a.word || !zh && b.currency && !a.currency {
		return
	}
	if b.scaled && !a.scaled && a.unit == "" && b.mant != 0 {
		ratio := math.Abs(a.mant / b.mant)
		if ratio > 1e3 || ratio < 1e-3 {
			return
		}
		f := b.value / b.mant
		a.value *= f
		a.step *= f
		a.scaled = true
	}
	if a.unit == "" && b.unit != "" && !a.scaled {
		a.unit = b.unit
	}
}
