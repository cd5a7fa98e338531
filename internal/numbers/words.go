package numbers

import (
	"strings"

	"github.com/transcript-cli/transcript/internal/textutil"
)

// numberWords are the spelled-out English numbers worth extracting; larger
// ones are written in digits in practice.
var numberWords = map[string]float64{
	"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
	"eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
	"fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
	"nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
	"sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
	"a": 1, "an": 1, // only before a scale word: "a billion"
}

// months map month names, capitalised as they start a date, to numbers so
// that "August 3, 2023" lines up with 2023 年 8 月 3 日.
var months = func() map[string]float64 {
	m := make(map[string]float64, len(textutil.Months))
	for name, n := range textutil.Months {
		m[strings.ToUpper(name[:1])+name[1:]] = float64(n)
	}
	return m
}()

// Initial letters, as bit sets over a–z: a word starting otherwise is no
// month or number word, and needs no map look-up.
var (
	monthInitials  = initials("ADFJMNOS")
	numberInitials = initials("aefhnost")
)

func initials(letters string) uint32 {
	var m uint32
	for i := 0; i < len(letters); i++ {
		m |= 1 << ((letters[i] | 0x20) - 'a')
	}
	return m
}

// initialIn reports whether the ASCII letter c (either case) is in set.
func initialIn(set uint32, c byte) bool {
	c |= 0x20
	return c >= 'a' && c <= 'z' && set>>(c-'a')&1 == 1
}

// word looks at the English word starting at i and returns the index after
// what it consumed.
func (sc *scanner) word(i int) int {
	s := sc.s
	e := wordEnd(s, i)
	if e-i > 9 || e < len(s) && isDigit(s[e]) {
		return e
	}
	if isUpper(s[i]) && initialIn(monthInitials, s[i]) {
		if v, ok := months[s[i:e]]; ok {
			next := skipSpaces(s, e)
			abbrev := e-i <= 4
			// "May" and abbreviations only with a day or a dot: "may" is a
			// verb and "Mar"/"Dec" can be names.
			if abbrev || s[i:e] == "May" {
				if !(hasPrefix(s, e, ".") || next > e && isDigit(byteAt(s, next))) {
					return e
				}
			}
			sc.emit(raw{start: i, end: e, value: v, word: true, step: 1, sig: 1})
			return e
		}
	}
	// Number words and "half" start with these letters; most words can be
	// passed over without a look-up.
	if !initialIn(numberInitials, s[i]) {
		return e
	}
	var buf [9]byte
	for k := i; k < e; k++ {
		buf[k-i] = s[k] | 0x20
	}
	lw := buf[:e-i]
	if string(lw) == "half" {
		// "half a percent", "half a point", "half a billion".
		k := skipSpaces(s, e)
		if k > e && hasPrefix(s, k, "a ") {
			r := raw{start: i, end: k + 1, value: 0.5, word: true, step: 0.5, sig: 1, mant: 0.5}
			sc.suffix(&r)
			if r.scaled || r.unit != "" {
				sc.emit(r)
				return r.end
			}
		}
		return e
	}
	v, ok := numberWords[string(lw)] // no allocation for a look-up
	if !ok {
		return e
	}
	r := raw{start: i, end: e, value: v, word: true, step: 1, sig: 1, mant: v}
	// twenty-five
	if v >= 20 && hasPrefix(s, e, "-") {
		f := wordEnd(s, e+1)
		if f-e-1 <= 9 && f > e+1 {
			var b2 [9]byte
			for k := e + 1; k < f; k++ {
				b2[k-e-1] = s[k] | 0x20
			}
			if u, ok := numberWords[string(b2[:f-e-1])]; ok && u < 10 && u >= 1 && f-e-1 > 2 {
				r.value += u
				r.end = f
			}
		}
	}
	// two hundred
	if k := skipSpaces(s, r.end); k > r.end && lowerEq(s[k:wordEnd(s, k)], "hundred") {
		r.value *= 100
		r.end = wordEnd(s, k)
	}
	isA := v == 1 && buf[0] == 'a'
	hundred := r.end > e
	r.mant = r.value
	sc.suffix(&r)
	if isA && !hundred && !r.scaled && r.unit == "" {
		return e // the article
	}
	sc.emit(r)
	return r.end
}
