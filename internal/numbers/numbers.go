// Package numbers extracts the numeric mentions of an English paragraph and
// of its Chinese machine translation and compares them, so that a
// mistranslated figure (the most costly error in an earnings call) can be
// flagged.
//
// Extraction is a hand-written single-pass scanner over the UTF-8 bytes; it
// is shared by both languages because Chinese translations keep English
// fragments (“Q2”, “10-K”, “$5B”) and English scale words never collide with
// Chinese ones. Values are normalised to base units (“$134.4 billion” and
// “1,344 億美元” are both 134.4e9); the currency itself is not recorded
// because translations routinely drop or reword it.
//
// Decisions, briefly:
//   - Numbers glued to letters are identifiers and ignored: Q2, AI21, 3P,
//     5G, COVID-19, GPT-4, 10-K. So are numbers right after “quarter”
//     (Quarter 2) or 第 (第二季, 第 2 季): the translator renders quarter
//     labels as ordinals, so comparing them only raises false alarms.
//   - Ranges propagate the scale and unit of the second end backwards:
//     “$29.4 to $29.6 billion”, “29.4 至 29.6 億”, “11-13%”, “between 39
//     and 40%”. A mistranslated “29.4 至 296 億” therefore yields 2.94e9
//     and 2.96e10, which do not match 29.4e9 and 29.6e9. Years (“2022 to”)
//     and ends whose magnitudes differ by more than 1000x do not inherit.
//   - Negatives: a leading minus sign, “negative”/“minus”, 負/负. Accounting
//     parentheses “(3)” are not negatives: spoken transcripts use them for
//     asides, and the translation keeps them verbatim anyway. 下降 (“down”)
//     is a word, not a sign.
//   - “points”, “percentage points”, 個百分點 are “%”; “basis points”,
//     “bps”, 個基點 are “bp”; “4x”, “4 times”, 4 倍 are “x”.
//   - Spelled-out numbers are extracted with Word set: English one…ninety,
//     “a billion”, “half a percent”, month names (“August 3” ↔ 8 月 3 日),
//     ordinals (1st), the years '23 and '90s; Chinese numerals before a
//     measure word (兩個問題, 三家, 一倍; 一些 and 統一 are not numbers) and
//     the month in “8 月”; the hour and minutes of a clock time (5:30).
//     They may match anything on the other side, but an unmatched one is
//     not a mismatch: translators freely turn “one of” into 之一 or “two
//     years” into 兩年. Check.ENOnly and ZHOnly still list them, so that
//     every extracted number is accounted for; Mismatch ignores them.
//   - Two values match when equal to a relative 1e-9, or when the coarser
//     one is the other rounded to its last written digit and has at least
//     two significant digits (12.4% ↔ 12%, but not 1.4 billion ↔ 10 億).
package numbers

import (
	"math"
	"unicode/utf8"
)

// Number is one numeric mention in a text.
type Number struct {
	Text  string  `json:"text"`           // the span as written, e.g. "$134.4 billion", "1,344 億美元", "11%"
	Value float64 `json:"value"`          // in base units: 134.4e9, 11 (for 11%), 50 (for 50 bps)
	Unit  string  `json:"unit,omitempty"` // "%", "bp", "x" or "" for plain numbers and amounts
	// Word marks a spelled-out number ("two", 兩個, a month): matched like
	// any other but never reported as a mismatch when unmatched.
	Word bool `json:"word,omitempty"`

	step float64 // value of one unit in the last written digit, for rounding
	sig  int     // significant digits written
	alt  float64 // another reading of a Word ('23 is 2023 or 23), or 0
}

// Match is a number found on both sides.
type Match struct {
	EN Number `json:"en"`
	ZH Number `json:"zh"`
}

// Check is the comparison of one pair.
type Check struct {
	Matched []Match  `json:"matched,omitempty"`
	ENOnly  []Number `json:"en_only,omitempty"` // in the English, not found in the Chinese
	ZHOnly  []Number `json:"zh_only,omitempty"`
}

// Mismatch reports whether a written number of one side is missing on the
// other. Unmatched spelled-out numbers (Word) do not count: see the package
// documentation.
func (c Check) Mismatch() bool {
	return len(c.Problems()) > 0
}

// Problems returns the unmatched numbers that make Mismatch true, English
// side first.
func (c Check) Problems() []Number {
	var out []Number
	for _, n := range c.ENOnly {
		if !n.Word {
			out = append(out, n)
		}
	}
	for _, n := range c.ZHOnly {
		if !n.Word {
			out = append(out, n)
		}
	}
	return out
}

// English returns the numbers mentioned in an English text, in order.
func English(s string) []Number { return scan(s, false) }

// Chinese returns the numbers mentioned in a Chinese (Simplified or
// Traditional) text, in order.
func Chinese(s string) []Number { return scan(s, true) }

// EnglishFigures returns the numbers of an English text that are written
// with digits, as English returns them ("$134.4 billion", "'23", 5:30),
// without reading the words between them: it is English(s) less the
// numbers with no digit (two, a billion, August), several times faster.
func EnglishFigures(s string) []Number { return scanFigures(s, false) }

// ChineseFigures is EnglishFigures for a Chinese text: Chinese(s) less the
// numbers with no digit (兩個, 百分之五, 8 月's month is kept: it has one).
func ChineseFigures(s string) []Number { return scanFigures(s, true) }

// Compare extracts the numbers of both texts and pairs them up; each number
// is used at most once.
func Compare(en, zh string) Check {
	return compare(English(en), Chinese(zh))
}

// fullSearch bounds the pairs of numbers compared in full; past it (a
// paragraph with thousands of numbers, a table pasted as one line) each
// English number looks only at the Chinese numbers near its own relative
// position, since translations keep numbers roughly in order. Without the
// bound, matching is quadratic and one such paragraph takes minutes.
const (
	fullSearch = 1 << 16
	nearby     = 128
)

func compare(ens, zhs []Number) Check {
	var c Check
	enUsed := make([]bool, len(ens))
	zhUsed := make([]bool, len(zhs))
	window := func(i int) (int, int) {
		if len(ens)*len(zhs) <= fullSearch {
			return 0, len(zhs)
		}
		mid := i * len(zhs) / len(ens)
		return max(0, mid-nearby), min(len(zhs), mid+nearby)
	}
	// Passes from strictest to loosest so that a loose match never steals
	// the partner of an exact one.
	for pass := 0; pass < 3; pass++ {
		for i, e := range ens {
			if enUsed[i] {
				continue
			}
			lo, hi := window(i)
			for j := lo; j < hi; j++ {
				z := zhs[j]
				if zhUsed[j] || e.Unit != z.Unit {
					continue
				}
				ok := false
				switch pass {
				case 0:
					ok = !e.Word && !z.Word && equal(e.Value, z.Value)
				case 1:
					ok = !e.Word && !z.Word && Agree(e, z)
				case 2:
					ok = (e.Word || z.Word) && Agree(e, z)
				}
				if ok {
					enUsed[i], zhUsed[j] = true, true
					c.Matched = append(c.Matched, Match{EN: e, ZH: z})
					break
				}
			}
		}
	}
	for i, e := range ens {
		if !enUsed[i] {
			c.ENOnly = append(c.ENOnly, e)
		}
	}
	for j, z := range zhs {
		if !zhUsed[j] {
			c.ZHOnly = append(c.ZHOnly, z)
		}
	}
	return c
}

// Agree reports whether two numbers may be the same figure: same unit, and
// equal, or one the other rounded (see rounded), or a spelled-out one's
// other reading ('23 as 23). Compare pairs numbers by this rule, preferring
// exact matches and written numbers when several compete.
func Agree(e, z Number) bool {
	return e.Unit == z.Unit && (equal(e.Value, z.Value) || rounded(e, z) ||
		(e.Word || z.Word) && (e.alt != 0 && equal(e.alt, z.Value) || z.alt != 0 && equal(e.Value, z.alt)))
}

func equal(a, b float64) bool {
	if a == b {
		return true
	}
	return math.Abs(a-b) <= 1e-9*math.Max(math.Abs(a), math.Abs(b))
}

// rounded accepts a figure written with less precision when it is the other
// rounded to that precision (12.4% vs 12%), provided the coarse one still
// has two significant digits: "1 billion" must not absorb 1.4 billion.
func rounded(a, b Number) bool {
	coarse := a
	if b.step > a.step {
		coarse = b
	}
	if coarse.sig < 2 || coarse.step == 0 {
		return false
	}
	return math.Abs(a.Value-b.Value) <= coarse.step/2*(1+1e-9)
}

// scanner state for one text.
type scanner struct {
	s   string
	zh  bool
	out []Number
}

func scan(s string, zh bool) []Number {
	sc := scanner{s: s, zh: zh}
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case isDigit(c) || fullDigit(s, i) >= 0:
			i = sc.number(i)
			continue
		case c == '.' && i+1 < len(s) && isDigit(s[i+1]) && (i == 0 || !isDigit(s[i-1]) && !isLetter(s[i-1])):
			i = sc.number(i) // ".5"
			continue
		case c < utf8.RuneSelf:
			if !zh && isLetter(c) && (i == 0 || !isLetter(s[i-1])) {
				i = sc.word(i)
				continue
			}
			i++
			continue
		}
		if zh {
			if j := sc.cjk(i); j > i {
				i = j
				continue
			}
		}
		i += runeWidth(c)
	}
	return sc.out
}

// scanFigures is scan reading only what starts with a digit (or ".5", or
// 百分之 before digits). scan's word and numeral readers never consume a
// digit, so the figures come out as scan gives them.
func scanFigures(s string, zh bool) []Number {
	sc := scanner{s: s, zh: zh}
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case isDigit(c) || c == 0xEF && fullDigit(s, i) >= 0:
			i = sc.number(i)
			continue
		case c == '.' && i+1 < len(s) && isDigit(s[i+1]) && (i == 0 || !isDigit(s[i-1]) && !isLetter(s[i-1])):
			i = sc.number(i)
			continue
		case zh && c == 0xE7 && hasPrefix(s, i, "百分之"):
			if j := skipSpaces(s, i+len("百分之")); startsNumber(s, j) {
				i = sc.cjk(i)
				continue
			}
		case !zh && c < utf8.RuneSelf && isLetter(c):
			// Past the word, as scan's word reader goes: a number glued
			// after it (AI21) is then seen where scan sees it.
			for i < len(s) && isLetter(s[i]) {
				i++
			}
			continue
		}
		i += runeWidth(c)
	}
	return sc.out
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

// digitAt returns the digit at s[i] and its byte width, or -1, 0.
func digitAt(s string, i int) (int, int) {
	if i < len(s) && isDigit(s[i]) {
		return int(s[i] - '0'), 1
	}
	if d := fullDigit(s, i); d >= 0 {
		return d, 3
	}
	return -1, 0
}

func hasPrefix(s string, i int, p string) bool {
	if i < 0 {
		return false
	}
	return len(s)-i >= len(p) && s[i:i+len(p)] == p
}

// prevRune returns the rune ending at s[i] and its start.
func prevRune(s string, i int) (rune, int) {
	if i <= 0 {
		return utf8.RuneError, 0
	}
	r, size := utf8.DecodeLastRuneInString(s[:i])
	return r, i - size
}

// skipSpaces skips ASCII and ideographic spaces and no-break spaces.
func skipSpaces(s string, i int) int {
	for i < len(s) {
		switch {
		case s[i] == ' ' || s[i] == '\t':
			i++
		case hasPrefix(s, i, "\u00a0"):
			i += 2
		case hasPrefix(s, i, "\u3000"):
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

func (sc *scanner) emit(r raw) {
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
	r := sc.figure(i, false)
	end := r.end
	// A range: "29.4 to 29.6 billion", "11-13%", "29.4 至 29.6 億".
	if !r.drop {
		if j, ok := sc.rangeSep(r); ok {
			j = skipSpaces(sc.s, j)
			if k := sc.currencyLen(j); k > 0 || startsNumber(sc.s, j) {
				if startsNumber(sc.s, j+k) {
					r2 := sc.figure(j, true)
					if !r2.drop {
						propagate(&r, &r2, sc.zh)
						sc.emit(r)
						sc.emit(r2)
						return r2.end
					}
				}
			}
		}
	}
	sc.emit(r)
	return end
}

func startsNumber(s string, i int) bool {
	if _, w := digitAt(s, i); w > 0 {
		return true
	}
	return i+1 < len(s) && s[i] == '.' && isDigit(s[i+1])
}

// rangeSep returns the index after a range separator that follows r.
func (sc *scanner) rangeSep(r raw) (int, bool) {
	s := sc.s
	j := skipSpaces(s, r.end)
	for _, sep := range []string{"-", "–", "—", "~", "～", "至", "到"} {
		if hasPrefix(s, j, sep) {
			return j + len(sep), true
		}
	}
	if j == r.end || sc.zh {
		return 0, false // English word separators need a space
	}
	w := j
	for w < len(s) && isLetter(s[w]) {
		w++
	}
	switch word := s[j:w]; {
	case word == "to" || word == "through":
		return w, true
	case word == "and":
		// Only "between X and Y"; "11% and 13%" alone are two numbers.
		if lowerEq(wordBefore(s, r.start), "between") {
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

// currencyLen returns the length of a currency prefix at i.
func (sc *scanner) currencyLen(i int) int {
	s := sc.s
	for _, p := range currencies {
		if hasPrefix(s, i, p) {
			return len(p)
		}
	}
	return 0
}

// figure parses one number at i: digits, then suffixes (scale, unit), with
// the currency symbol and sign before it.
func (sc *scanner) figure(i int, inRange bool) raw {
	s := sc.s
	r := raw{start: i}
	// Currency and sign before the digits.
	if k := sc.currencyLen(i); k > 0 {
		r.currency = true
		i += k
		r.start = i - k
	} else {
		sc.lookBehind(&r, inRange)
	}
	begin := i

	// Digits, thousands separators, decimals.
	var mant float64
	dec, sig, digits := 0, 0, 0
	frac := false
	for i < len(s) {
		if d, w := digitAt(s, i); w > 0 {
			mant = mant*10 + float64(d)
			if frac {
				dec++
			}
			if sig > 0 || d != 0 {
				sig++
			}
			digits++
			i += w
			continue
		}
		if !frac && (s[i] == ',' || hasPrefix(s, i, "，")) && digits > 0 {
			w := 1
			if s[i] != ',' {
				w = 3
			}
			if groupOf3(s, i+w) {
				i += w
				continue
			}
			break
		}
		if (s[i] == '.' || hasPrefix(s, i, "．")) && !frac {
			w := 1
			if s[i] != '.' {
				w = 3
			}
			if _, dw := digitAt(s, i+w); dw > 0 {
				frac = true
				i += w
				continue
			}
		}
		break
	}
	r.end = i
	if sig == 0 {
		sig = 1
	}
	r.sig = sig
	r.step = math.Pow10(-dec)
	r.mant = mant / math.Pow10(dec)
	r.value = r.mant
	r.year = !frac && digits == 4 && r.value >= 1900 && r.value <= 2100 && !r.currency

	// Identifiers: Q2, AI21, COVID-19, 1.2.3, 5:30.
	if begin > 0 && !r.currency {
		p := s[begin-1]
		if isLetter(p) || p == '_' || (p == '-' || p == '/') && begin > 1 && isLetter(s[begin-2]) {
			return sc.dropIdent(r)
		}
	}
	if i < len(s) && s[i] == ':' && !frac && digits <= 2 && !r.currency {
		if m, e, ok := minutes(s, i+1); ok {
			return sc.clock(r, m, i+1, e)
		}
	}
	if i < len(s) && (s[i] == ':' || s[i] == '.') && i+1 < len(s) && isDigit(s[i+1]) {
		return sc.dropIdent(r)
	}
	// "2 1/2 points", "99½": spoken fractions.
	if !frac && !r.currency {
		if f, den, e := fraction(s, i); e > i {
			r.value += f
			r.mant = r.value
			r.step = 1 / den
			r.sig++
			r.end = e
		}
	}
	if sc.zh {
		if p, _ := prevRune(s, backSpaces(s, r.start)); p == '第' {
			r.drop = true
		}
	} else if lowerEq(wordBefore(s, r.start), "quarter") || lowerEq(wordBefore(s, r.start), "q") {
		r.drop = true
	}

	// '23 is a year: 2023 in the translation, or 23 (FY '26 → 26 财年).
	if digits == 2 && !frac && !r.currency && begin > 0 && (s[begin-1] == '\'' || hasPrefix(s, begin-3, "’")) {
		r.start = begin - 1
		if s[begin-1] != '\'' {
			r.start = begin - 3
		}
		r.alt = r.value
		if r.value <= 50 {
			r.value += 2000
		} else {
			r.value += 1900 // the '90s
		}
		r.word = true
		r.year = true
	}

	sc.suffix(&r)
	if r.negative {
		r.value = -r.value
		r.mant = -r.mant
	}
	return r
}

func groupOf3(s string, i int) bool {
	for k := 0; k < 3; k++ {
		_, w := digitAt(s, i)
		if w == 0 {
			return false
		}
		i += w
	}
	_, w := digitAt(s, i)
	return w == 0
}

// dropIdent consumes the rest of an alphanumeric identifier.
func (sc *scanner) dropIdent(r raw) raw {
	s := sc.s
	i := r.end
	for i < len(s) && (isLetter(s[i]) || isDigit(s[i]) || (s[i] == '.' || s[i] == ':' || s[i] == '-') && i+1 < len(s) && (isDigit(s[i+1]) || isLetter(s[i+1]))) {
		i++
	}
	r.end = i
	r.drop = true
	return r
}

// minutes parses the two digits after the colon of a clock time.
func minutes(s string, i int) (float64, int, bool) {
	if i+2 > len(s) || !isDigit(s[i]) || !isDigit(s[i+1]) || i+2 < len(s) && isDigit(s[i+2]) {
		return 0, i, false
	}
	return float64(s[i]-'0')*10 + float64(s[i+1]-'0'), i + 2, true
}

// clock emits the hour and the minutes of "5:30" as spelled-out numbers:
// the translation may keep 5:30 or write 5 点 30 分, and a time is rarely
// the figure that matters.
func (sc *scanner) clock(r raw, m float64, ms, me int) raw {
	sc.emit(raw{start: r.start, end: r.end, value: r.value, word: true, step: 1, sig: 1})
	if m != 0 {
		sc.emit(raw{start: ms, end: me, value: m, word: true, step: 1, sig: 1})
	}
	r.end = me
	r.drop = true
	return r
}

// fraction reads " 1/2" or "½" after an integer and returns its value, its
// denominator and the index after it (i when there is none).
func fraction(s string, i int) (float64, float64, int) {
	j := i
	if j < len(s) && s[j] == ' ' {
		j++
	}
	for _, u := range []struct {
		s string
		v float64
		d float64
	}{{"½", 0.5, 2}, {"¼", 0.25, 4}, {"¾", 0.75, 4}} {
		if hasPrefix(s, j, u.s) {
			return u.v, u.d, j + len(u.s)
		}
	}
	if j == i || j+3 > len(s) || !isDigit(s[j]) || s[j+1] != '/' || !isDigit(s[j+2]) ||
		j+3 < len(s) && (isDigit(s[j+3]) || s[j+3] == '/') {
		return 0, 0, i
	}
	num, den := float64(s[j]-'0'), float64(s[j+2]-'0')
	if num == 0 || num >= den {
		return 0, 0, i
	}
	return num / den, den, j + 3
}
