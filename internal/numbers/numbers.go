// Package numbers extracts the numeric mentions of an English paragraph and
// of its Chinese machine translation and compares them, so that a
// mistranslated figure (the most costly error in an earnings call) can be
// flagged.
//
// Extraction is a single-pass scanner over the UTF-8 bytes that reads its
// vocabulary (words, signs, suffixes, scales, units) from the tables of
// tables.go; it is shared by both languages because Chinese translations
// keep English fragments (“Q2”, “10-K”, “$5B”) and English scale words
// never collide with Chinese ones. It passes over most of a paragraph in
// few instructions: an English word costs one eight-byte letter test and
// one test of its length with its first and last letters, a Chinese
// character one bit test. Values are normalised to base units (“$134.4 billion” and
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
	"sync"
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

// Figure reports whether n is written with digits, ASCII or full-width
// (a Word may be: 5:30, 1st, 8 月): what EnglishFigures and
// ChineseFigures return.
func (n Number) Figure() bool {
	for i := range len(n.Text) {
		if digitWidth(n.Text, i) > 0 {
			return true
		}
	}
	return false
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

// scan returns the numbers of s in a slice of their number: it scans into
// a pooled buffer and copies, one allocation instead of one per doubling.
func scan(s string, zh bool) []Number {
	b := scratchPool.Get().(*scratch)
	b.en = scanInto(b.en[:0], s, zh)
	var out []Number
	if len(b.en) > 0 {
		out = append([]Number(nil), b.en...)
	}
	b.release()
	return out
}

// Compare extracts the numbers of both texts and pairs them up; each number
// is used at most once.
func Compare(en, zh string) Check {
	// Check holds copies, so the numbers of both sides are scanned into
	// buffers that the next Compare reuses.
	b := scratchPool.Get().(*scratch)
	b.en = scanInto(b.en[:0], en, false)
	b.zh = scanInto(b.zh[:0], zh, true)
	c := compare(b.en, b.zh)
	b.release()
	return c
}

// scratch holds the numbers of one scan or Compare.
type scratch struct{ en, zh []Number }

// release clears the buffers, so that they hold no text, and pools them
// unless a paragraph made them large.
func (b *scratch) release() {
	clear(b.en)
	clear(b.zh)
	if cap(b.en)+cap(b.zh) <= 1<<12 {
		scratchPool.Put(b)
	}
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

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
	var buf [64]bool
	used := buf[:0]
	if n := len(ens) + len(zhs); n <= len(buf) {
		used = buf[:n]
	} else {
		used = make([]bool, n)
	}
	enUsed, zhUsed := used[:len(ens)], used[len(ens):]
	var matched []Match
	// Passes from strictest to loosest so that a loose match never steals
	// the partner of an exact one.
	for pass := 0; pass < passes; pass++ {
		for i := range ens {
			if enUsed[i] {
				continue
			}
			if j := partner(pass, ens, zhs, i, zhUsed); j >= 0 {
				enUsed[i], zhUsed[j] = true, true
				if matched == nil {
					matched = make([]Match, 0, min(len(ens), len(zhs)))
				}
				matched = append(matched, Match{EN: ens[i], ZH: zhs[j]})
			}
		}
	}
	return Check{Matched: matched, ENOnly: unused(ens, enUsed), ZHOnly: unused(zhs, zhUsed)}
}

// Agree reports whether two numbers may be the same figure: same unit, and
// equal, or one the other rounded (see rounded), or a spelled-out one's
// other reading ('23 as 23). Compare pairs numbers by this rule, preferring
// exact matches and written numbers when several compete.
func Agree(e, z Number) bool {
	return e.Unit == z.Unit && (equal(e.Value, z.Value) || rounded(e, z) ||
		(e.Word || z.Word) && (e.alt != 0 && equal(e.alt, z.Value) || z.alt != 0 && equal(e.Value, z.alt)))
}

// passes of matching: exact values, rounded values, spelled-out numbers.
const passes = 3

// partner returns the first unused Chinese number that matches ens[i] in
// the pass, or -1.
func partner(pass int, ens, zhs []Number, i int, zhUsed []bool) int {
	e := &ens[i]
	lo, hi := 0, len(zhs)
	if len(ens)*len(zhs) > fullSearch {
		mid := i * len(zhs) / len(ens)
		lo, hi = max(0, mid-nearby), min(len(zhs), mid+nearby)
	}
	for j := lo; j < hi; j++ {
		if !zhUsed[j] && e.Unit == zhs[j].Unit && matches(pass, e, &zhs[j]) {
			return j
		}
	}
	return -1
}

// matches reports whether e and z match in the pass.
func matches(pass int, e, z *Number) bool {
	switch pass {
	case 0:
		return !e.Word && !z.Word && equal(e.Value, z.Value)
	case 1:
		return !e.Word && !z.Word && Agree(*e, *z)
	}
	return (e.Word || z.Word) && Agree(*e, *z)
}

// unused returns the numbers not used, or nil.
func unused(ns []Number, used []bool) []Number {
	n := 0
	for _, u := range used {
		if !u {
			n++
		}
	}
	if n == 0 {
		return nil
	}
	out := make([]Number, 0, n)
	for i, u := range used {
		if !u {
			out = append(out, ns[i])
		}
	}
	return out
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
