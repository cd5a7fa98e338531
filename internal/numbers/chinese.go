package numbers

import (
	"slices"
	"strings"

	"github.com/transcript-cli/transcript/internal/textutil"
)

var (
	zhNumeralRunes = column(len(zhNumerals), func(k int) rune { return zhNumerals[k].r })
	zhNumeralSet   = textutil.NewCJKSet(zhNumeralRunes)
	zhScaleSet     = textutil.NewCJKSet(column(len(zhScales), func(k int) rune { return zhScales[k].r }))
	// zhStartRunes: a Chinese number starts with a numeral or 十 (十一 =
	// 11), and a percentage with 百 (百分之).
	zhStartRunes = append(zhNumeralRunes[:len(zhNumeralRunes):len(zhNumeralRunes)], '十', zhHundred)
	zhStartSet   = textutil.NewCJKSet(zhStartRunes)
	measureSet   = textutil.NewCJKSet([]rune(measureWords))
)

// startsZH holds the three-byte sequences that may start a Chinese
// number (zhStartRunes) or a full-width digit, by their low bits: the scan
// loop tests each character against it without decoding it. It is a
// superset (it ignores the bits that make a sequence valid); the exact
// tests follow.
var startsZH = func() (t byteTriples) {
	for _, r := range zhStartRunes {
		t.add(string(r))
	}
	for d := '０'; d <= '９'; d++ {
		t.add(string(d))
	}
	return t
}()

// byteTriples is a set of three-byte UTF-8 sequences, by the low four bits
// of the first byte and the low six of the others.
type byteTriples [16 * 64]uint64

func (t *byteTriples) add(b string) { t[int(b[0]&0x0F)<<6|int(b[1]&0x3F)] |= 1 << (b[2] & 0x3F) }

func (t *byteTriples) has(c0, c1, c2 byte) bool {
	return t[int(c0&0x0F)<<6|int(c1&0x3F)]>>(c2&0x3F)&1 != 0
}

// rune3 decodes the three-byte UTF-8 sequence at i (all of the CJK blocks
// are three bytes), or returns -1. It checks the continuation bytes, so
// that it equals a rune only where the bytes spell that rune.
func rune3(s string, i int) rune {
	if i < 0 || i+3 > len(s) {
		return -1
	}
	c0, c1, c2 := s[i], s[i+1], s[i+2]
	if c0&0xF0 != 0xE0 || c1&0xC0 != 0x80 || c2&0xC0 != 0x80 {
		return -1
	}
	return rune(c0&0x0F)<<12 | rune(c1&0x3F)<<6 | rune(c2&0x3F)
}

// numeralOf returns the value of the Chinese numeral digit at i, or -1.
func numeralOf(s string, i int) int {
	r := rune3(s, i)
	if !zhNumeralSet.Has(r) {
		return -1
	}
	for _, n := range zhNumerals {
		if n.r == r {
			return n.v
		}
	}
	return -1
}

// cjk scans Chinese numerals and 百分之 at i; it returns i when there is
// nothing to take.
func (sc *scanner) cjk(i int) int {
	s := sc.s
	r := rune3(s, i)
	if !zhStartSet.Has(r) {
		return i
	}
	if strings.HasPrefix(s[i:], zhPercentOf) {
		return sc.percentOf(i)
	}
	if r == zhHundred {
		return i
	}
	v, e, ok := numeral(s, i)
	if !ok {
		return i
	}
	p := rune3(s, i-3)
	if p == ordinalChar || p == zhFractionC {
		return e // ordinal (第二季) or fraction (三分之一)
	}
	if strings.HasPrefix(s[e:], zhFraction) {
		return e
	}
	n := raw{start: i, end: e, value: v, word: true, step: 1, sig: 1}
	if slices.Contains(negativeChars, p) {
		n.value = -n.value
	}
	if k := zhUnitLits.at(s, e); k >= 0 {
		n.unit, n.end = zhUnits[k].u, e+len(zhUnits[k].w)
		sc.emit(&n)
		return n.end
	}
	if measureSet.Has(rune3(s, e)) {
		sc.emit(&n)
	}
	return e
}

// percentOf reads 百分之 and the figure or numerals after it.
func (sc *scanner) percentOf(i int) int {
	s := sc.s
	j := skipSpaces(s, i+len(zhPercentOf))
	if startsNumber(s, j) {
		var r raw
		sc.figure(&r, j, true)
		r.start = i
		r.unit = "%"
		sc.emit(&r)
		return r.end
	}
	if v, e, ok := numeral(s, j); ok {
		sc.emit(&raw{start: i, end: e, value: v, unit: "%", step: 1, sig: 2})
		return e
	}
	return j
}

// numeral parses a run of Chinese numerals (十一, 兩千, 二〇二三) at i.
func numeral(s string, i int) (float64, int, bool) {
	var total, section, num float64
	plain := true // digits only: 二〇二三 is read digit by digit
	var digits float64
	j := i
	n := 0
	for ; j+3 <= len(s); n++ {
		if d := numeralOf(s, j); d >= 0 {
			num = float64(d)
			digits = digits*10 + float64(d)
			j += 3
			continue
		}
		m, w := zhScaleOf(s, j)
		if w == 0 {
			break
		}
		plain = false
		total, section = addScale(total, section, num, m)
		num = 0
		j += w
	}
	if n == 0 {
		return 0, i, false
	}
	if plain {
		return digits, j, true
	}
	return total + section + num, j, true
}

// addScale applies the scale m to the digit num: below 萬 it adds to the
// section (兩千), from 萬 up it multiplies all so far (兩千萬).
func addScale(total, section, num, m float64) (float64, float64) {
	if m < 1e4 {
		if num == 0 && m == 10 {
			num = 1 // 十一 = 11
		}
		return total, section + num*m
	}
	return (total + section + num) * m, 0
}
