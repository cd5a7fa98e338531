package numbers

import (
	"slices"
	"strings"
)

// lookBehind records the currency symbol and the sign written before the
// digits at r.start and moves r.start over them.
func (sc *scanner) lookBehind(r *raw, inRange bool) {
	if inRange {
		return // a '-' there is the range separator, not a sign
	}
	s := sc.s
	i := r.start
	if k := currencyLits.suffix(s, i); k > 0 {
		r.currency = true
		i -= k
	}
	// A minus sign not preceded by a letter or digit ("1-800", "COVID-19").
	if k := minusLits.suffix(s, i); k > 0 {
		if b := i - k; b == 0 || !glued(s[b-1]) {
			r.negative = true
			i = b
		}
	}
	if !r.negative {
		i = sc.negativeWord(r, i)
	}
	r.start = i
}

// glued reports whether c before a minus sign makes it a hyphen.
func glued(c byte) bool { return isLetter(c) || isDigit(c) || c == '.' || c == ',' }

// negativeWord reads "negative", "minus", 負 or 负 before i.
func (sc *scanner) negativeWord(r *raw, i int) int {
	s := sc.s
	if sc.zh {
		if b := backSpaces(s, i); slices.Contains(negativeChars, rune3(s, b-3)) {
			r.negative = true
			return b - 3
		}
		return i
	}
	if w := negativeWords.before(s, i); w != "" {
		r.negative = true
		return backSpaces(s, i) - len(w)
	}
	return i
}

func (r *raw) scale(f float64) {
	r.value *= f
	r.step *= f
	r.scaled = true
}

// suffix reads what follows the digits: an attached letter suffix (4x, $5B,
// 50bps), then a scale word or characters, then a unit.
func (sc *scanner) suffix(r *raw) {
	if r.drop || !sc.attachedSuffix(r) {
		return
	}
	s := sc.s
	j := skipSpaces(s, r.end)
	if !r.scaled {
		j = sc.scaleAfter(r, j)
	}
	// The currency after a Chinese amount belongs to its span (1,344 億美元),
	// and marks it as an amount for range propagation.
	if sc.zh && r.unit == "" {
		if k := zhCurrencyLits.prefix(s, j); k > 0 {
			r.end = j + k
			r.currency = true
			return
		}
	}
	sc.unit(r, j)
}

// maySuffix reports whether a scale or a unit may follow a spelled-out
// number that ends at e: false when suffix would find neither. After a
// word only the spaces and then a word of afterWords, or a byte that
// starts a percent sign or a Chinese scale or unit (suffixStarts), can
// give one.
func (sc *scanner) maySuffix(e int) bool {
	j := skipSpaces(sc.s, e)
	c := byteAt(sc.s, j)
	if isLetter(c) {
		_, k := sc.wordAfter(j)
		return k >= 0
	}
	return suffixStarts[c]
}

// suffixStarts are the first bytes of the percent signs and of the Chinese
// scales, approximations and units, the signs that suffix reads after a
// number other than words.
var suffixStarts = func() (b [256]bool) {
	for _, l := range []*literals{percentLits, zhApproxLits, zhUnitLits} {
		for _, p := range l.list {
			b[p[0]] = true
		}
	}
	for _, z := range zhScales {
		b[string(z.r)[0]] = true
	}
	return b
}()

// attachedSuffix reads the letters glued to the digits (see attached) and
// reports whether the figure may still take a scale and a unit.
func (sc *scanner) attachedSuffix(r *raw) bool {
	s := sc.s
	i := r.end
	if i < len(s) && isLetter(s[i]) {
		j := wordEnd(s, i)
		if j < len(s) && isDigit(s[j]) {
			sc.dropIdent(r)
			return false
		}
		k := attachedIndex(s[i:j])
		if k < 0 {
			sc.dropIdent(r) // 3P, 2nd, 5G, 4K: identifiers and ordinals
			return false
		}
		return sc.applyAttached(r, k, j)
	}
	if i+1 < len(s) && s[i] == '-' && isUpper(s[i+1]) {
		// 10-K, 10-Q, 8-K; "3-year" keeps its number.
		j := i + 1
		for j < len(s) && isUpper(s[j]) {
			j++
		}
		if j == len(s) || !isLetter(s[j]) {
			r.end = j
			r.drop = true
			return false
		}
	}
	return true
}

func attachedIndex(w string) int {
	for k := range attached {
		if attached[k].letters == w {
			return k
		}
	}
	return -1
}

// applyAttached applies attached[k], which ends at j.
func (sc *scanner) applyAttached(r *raw, k, j int) bool {
	a := &attached[k]
	switch {
	case a.kind == setUnit:
		r.unit = a.unit
	case a.kind == setScale || a.kind == currencyOnly && r.currency:
		r.scale(a.scale)
	case a.kind == ordinal:
		r.word = true
		r.end = j
		return false
	case a.kind == decade && r.year:
	default:
		sc.dropIdent(r)
		return false
	}
	r.end = j
	return true
}

// scaleAfter reads a scale word or Chinese scale characters at j and
// returns where a unit may start.
func (sc *scanner) scaleAfter(r *raw, j int) int {
	s := sc.s
	if isLetter(byteAt(s, j)) {
		e, k := sc.wordAfter(j)
		if k >= 0 && afterWords[k].scale > 0 {
			f := afterWords[k].scale
			r.scale(f)
			r.end = e
			j = skipSpaces(s, e)
		}
		return j
	}
	if f, e := zhScale(s, skipApprox(s, j)); f > 1 {
		r.scale(f)
		r.end = e
		j = skipSpaces(s, e)
	}
	return j
}

// afterWords are the English words read after a number: scaleWords, with
// the plural of the longer ones ("5 millions"), unitWords and
// multiplierWords; afterVocab finds them.
var afterWords, afterVocab = func() ([]afterWord, vocab) {
	var as []afterWord
	var ws []string
	for _, sw := range scaleWords {
		as = append(as, afterWord{scale: sw.f, unit: -1})
		ws = append(ws, sw.w)
		if len(sw.w) > 2 {
			as = append(as, afterWord{scale: sw.f, unit: -1})
			ws = append(ws, sw.w+"s")
		}
	}
	for k, u := range unitWords {
		as = append(as, afterWord{unit: k})
		ws = append(ws, u.w)
	}
	for _, m := range multiplierWords {
		as = append(as, afterWord{multiplier: m.f, unit: -1})
		ws = append(ws, m.w)
	}
	return as, newVocab(ws)
}()

// afterWord is a scale (its factor), a unit (its index in unitWords) or a
// multiplier of spelled-out numbers.
type afterWord struct {
	scale, multiplier float64
	unit              int
}

// wordAfter returns the end of the English word at j (j when there is
// none) and its index in afterWords, or -1. The hundred, scale and unit
// of a number all look at the same word, so the last answer is kept.
func (sc *scanner) wordAfter(j int) (int, int) {
	if j != sc.afterAt {
		e := j
		if isLetter(byteAt(sc.s, j)) {
			e = wordEnd(sc.s, j)
		}
		sc.afterAt, sc.afterEnd, sc.afterK = j, e, afterVocab.find(sc.s[j:e])
	}
	return sc.afterEnd, sc.afterK
}

// unit reads the unit at j: a percent sign, an English unit word, or a
// Chinese unit; "8 月" makes the figure a calendar month.
func (sc *scanner) unit(r *raw, j int) {
	s := sc.s
	if k := percentLits.prefix(s, j); k > 0 {
		r.unit, r.end = "%", j+k
		return
	}
	if isLetter(byteAt(s, j)) {
		sc.unitWord(r, j)
		return
	}
	if k := zhUnitLits.at(s, j); k >= 0 {
		r.unit, r.end = zhUnits[k].u, j+len(zhUnits[k].w)
		return
	}
	// "8 月" is a calendar month (not "8 個月"): spelled as a name in
	// English, so it is soft.
	if sc.zh && strings.HasPrefix(s[j:], zhMonth) && !r.scaled && r.unit == "" {
		r.word = true
		r.end = j + len(zhMonth)
	}
}

// unitWord reads an English unit word (see unitWords) at j.
func (sc *scanner) unitWord(r *raw, j int) {
	s := sc.s
	e, k := sc.wordAfter(j)
	if k < 0 || afterWords[k].unit < 0 {
		return
	}
	u := &unitWords[afterWords[k].unit]
	if u.exact && s[j:e] != u.w {
		return
	}
	end, ok := e, u.tail == ""
	switch {
	case ok:
	case u.spaced:
		if t := skipSpaces(s, e); strings.HasPrefix(s[t:], u.tail) {
			end, ok = wordEnd(s, t), true
		}
	case strings.HasPrefix(s[e:], u.tail):
		end, ok = e+len(u.tail), true
	}
	if ok || u.optional {
		r.unit, r.end = u.unit, end
	}
}

// skipApprox skips 多/餘/余 between a figure and its scale: "500 多億" is
// "over 50 billion".
func skipApprox(s string, i int) int {
	if k := zhApproxLits.prefix(s, i); k > 0 {
		if _, w := zhScaleOf(s, i+k); w > 0 {
			return i + k
		}
	}
	return i
}

// zhScale reads a run of scale characters (千億 = 1e11) at i.
func zhScale(s string, i int) (float64, int) {
	f := 1.0
	j := i
	for {
		m, w := zhScaleOf(s, j)
		if w == 0 {
			break
		}
		f *= m
		j += w
	}
	return f, j
}

// zhScaleOf returns the multiplier of a Chinese scale character at i and
// its width, or 0.
func zhScaleOf(s string, i int) (float64, int) {
	r := rune3(s, i)
	if !zhScaleSet.Has(r) { // also rune3's -1: Has holds only the CJK blocks
		return 0, 0
	}
	if r == zhHundred && rune3(s, i+3) == '分' {
		return 0, 0 // 百分點, 百分之: units, not a hundred
	}
	for _, z := range zhScales {
		if z.r == r {
			return z.f, 3
		}
	}
	return 0, 0
}
