package numbers

import "math"

// figure parses one number at i: digits, then suffixes (scale, unit), with
// the currency symbol and sign before it.
func (sc *scanner) figure(r *raw, i int, inRange bool) {
	r.start = i
	// Currency and sign before the digits.
	if k := currencyLits.prefix(sc.s, i); k > 0 {
		r.currency = true
		i += k
	} else {
		sc.lookBehind(r, inRange)
	}
	begin := i
	d := readDigits(sc.s, begin)
	r.setDigits(&d)
	if sc.glued(r, begin, &d) {
		return
	}
	if !d.frac && !r.currency {
		r.addFraction(sc.s)
	}
	if sc.isLabel(r.start) {
		r.drop = true
	}
	sc.shortYear(r, begin, &d)
	sc.suffix(r)
	if r.negative {
		r.value = -r.value
		r.mant = -r.mant
	}
}

// digits are the digits of a figure as read.
type digits struct {
	mant float64 // the digits as an integer
	dec  int     // digits after the decimal point
	sig  int     // significant digits
	n    int     // all digits
	frac bool    // a decimal point was read
	end  int
}

// readDigits reads digits, thousands separators and a decimal point at i.
func readDigits(s string, i int) digits {
	var d digits
	for i < len(s) {
		if c := s[i]; isDigit(c) {
			d.add(int(c - '0'))
			i++
			continue
		}
		if v := fullDigit(s, i); v >= 0 {
			d.add(v)
			i += 3
			continue
		}
		if k := groupLits.prefix(s, i); k > 0 && !d.frac && d.n > 0 {
			if !groupOf3(s, i+k) {
				break
			}
			i += k
			continue
		}
		if k := decimalLits.prefix(s, i); k > 0 && !d.frac && startsDigit(s, i+k) {
			d.frac = true
			i += k
			continue
		}
		break
	}
	d.end = i
	return d
}

func (d *digits) add(v int) {
	d.mant = d.mant*10 + float64(v)
	if d.frac {
		d.dec++
	}
	if d.sig > 0 || v != 0 {
		d.sig++
	}
	d.n++
}

func startsDigit(s string, i int) bool { return digitWidth(s, i) > 0 }

// setDigits records the digits read in r.
func (r *raw) setDigits(d *digits) {
	r.end = d.end
	r.sig = max(d.sig, 1)
	r.step = math.Pow10(-d.dec)
	r.mant = d.mant / math.Pow10(d.dec)
	r.value = r.mant
	r.year = !d.frac && d.n == 4 && r.value >= 1900 && r.value <= 2100 && !r.currency
}

func groupOf3(s string, i int) bool {
	for k := 0; k < 3; k++ {
		w := digitWidth(s, i)
		if w == 0 {
			return false
		}
		i += w
	}
	return !startsDigit(s, i)
}

// glued finishes a figure glued to letters or to more digits, and reports
// whether it did: identifiers (Q2, AI21, COVID-19, 1.2.3) are dropped, and
// a clock time (5:30) gives its hour and minutes.
func (sc *scanner) glued(r *raw, begin int, d *digits) bool {
	s := sc.s
	i := d.end
	if begin > 0 && !r.currency && afterLetters(s, begin) {
		sc.dropIdent(r)
		return true
	}
	if i < len(s) && s[i] == ':' && !d.frac && d.n <= 2 && !r.currency {
		if m, e, ok := minutes(s, i+1); ok {
			sc.clock(r, m, i+1, e)
			return true
		}
	}
	if i+1 < len(s) && (s[i] == ':' || s[i] == '.') && isDigit(s[i+1]) {
		sc.dropIdent(r)
		return true
	}
	return false
}

// afterLetters reports whether the digits at begin > 0 are glued to a
// word: Q2, AI_21, GPT-4, A/2.
func afterLetters(s string, begin int) bool {
	p := s[begin-1]
	return isLetter(p) || p == '_' || (p == '-' || p == '/') && begin > 1 && isLetter(s[begin-2])
}

// isLabel reports whether the word before start makes the figure a label:
// the translator renders quarter labels as ordinals, so comparing them
// only raises false alarms.
func (sc *scanner) isLabel(start int) bool {
	s := sc.s
	if sc.zh {
		return rune3(s, backSpaces(s, start)-3) == ordinalChar
	}
	return ordinalWords.before(s, start) != ""
}

// shortYear reads '23 as a year: 2023 in the translation, or 23 (FY '26 →
// 26 财年).
func (sc *scanner) shortYear(r *raw, begin int, d *digits) {
	s := sc.s
	if d.n != 2 || d.frac || r.currency || begin == 0 {
		return
	}
	k := apostropheLits.suffix(s, begin)
	if k == 0 {
		return
	}
	r.start = begin - k
	r.alt = r.value
	if r.value <= 50 {
		r.value += 2000
	} else {
		r.value += 1900 // the '90s
	}
	r.word = true
	r.year = true
}

// dropIdent consumes the rest of an alphanumeric identifier.
func (sc *scanner) dropIdent(r *raw) {
	s := sc.s
	i := r.end
	for i < len(s) && (isLetter(s[i]) || isDigit(s[i]) || (s[i] == '.' || s[i] == ':' || s[i] == '-') && i+1 < len(s) && (isDigit(s[i+1]) || isLetter(s[i+1]))) {
		i++
	}
	r.end = i
	r.drop = true
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
func (sc *scanner) clock(r *raw, m float64, ms, me int) {
	sc.emit(&raw{start: r.start, end: r.end, value: r.value, word: true, step: 1, sig: 1})
	if m != 0 {
		sc.emit(&raw{start: ms, end: me, value: m, word: true, step: 1, sig: 1})
	}
	r.end = me
	r.drop = true
}

// addFraction adds " 1/2" or "½" after an integer: "2 1/2 points", "99½".
func (r *raw) addFraction(s string) {
	if f, den, e := fraction(s, r.end); e > r.end {
		r.value += f
		r.mant = r.value
		r.step = 1 / den
		r.sig++
		r.end = e
	}
}

// fraction reads " 1/2" or "½" at i and returns its value, its denominator
// and the index after it (i when there is none).
func fraction(s string, i int) (float64, float64, int) {
	j := i
	if j < len(s) && s[j] == ' ' {
		j++
	}
	if k := fractionLits.at(s, j); k >= 0 {
		u := fractions[k]
		return u.value, u.den, j + len(u.sign)
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
