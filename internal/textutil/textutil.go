// Package textutil holds the small, fast text measurements that several
// stages share: script counts and whitespace trimming. It makes no language
// decisions; those belong to package align.
package textutil

import (
	"math/bits"
	"regexp"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Counts is a census of the scripts in a text.
type Counts struct {
	Han        int // Han ideographs
	CJKPunct   int // full-width and ideographic punctuation (，。：、「」…)
	Latin      int // Latin letters
	LatinWords int // maximal runs of Latin letters
	Digits     int
	Other      int // letters of other scripts
}

// Count takes the census of s in one pass.
func Count(s string) Counts {
	var c Counts
	inWord := false
	for i := 0; i < len(s); {
		b := s[i]
		if b < utf8.RuneSelf {
			switch asciiClass[b] {
			case classLetter:
				// A whole run of letters at once: English is mostly runs.
				j := i + 1
				for j < len(s) && asciiClass[s[j]] == classLetter {
					j++
				}
				c.Latin += j - i
				if !inWord {
					c.LatinWords++
					inWord = true
				}
				i = j
				continue
			case classDigit:
				c.Digits++
				inWord = false
			case classApostrophe:
				// An apostrophe inside a word ("don't") does not end it.
			default:
				inWord = false
			}
			i++
			continue
		}
		// A run of common ideographs (U+4E00 to U+9FFF, lead bytes E4 B8 to
		// E9) at once, from the bytes: Chinese is mostly such runs.
		if j := hanRun(s, i); j > i {
			c.Han += (j - i) / 3
			inWord = false
			i = j
			continue
		}
		var r rune
		// CJK punctuation and full-width forms are three bytes too: decode
		// them here rather than through the general decoder.
		if b >= 0xE0 && b < 0xF0 && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 {
			r = rune(b&0x0F)<<12 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F)
			if r < 0x800 || 0xD800 <= r && r <= 0xDFFF {
				r = utf8.RuneError // overlong or a surrogate: invalid
			}
			i += 3
		} else {
			var n int
			r, n = utf8.DecodeRuneInString(s[i:])
			i += n
		}
		switch {
		case IsHan(r):
			c.Han++
			inWord = false
		case isCJKPunct(r):
			c.CJKPunct++
			inWord = false
		case unicode.Is(unicode.Latin, r):
			c.Latin++
			if !inWord {
				c.LatinWords++
				inWord = true
			}
		case r == '’':
			// typographic apostrophe: keep the word going
		case unicode.IsDigit(r):
			c.Digits++
			inWord = false
		case unicode.IsLetter(r):
			c.Other++
			inWord = false
		default:
			inWord = false
		}
	}
	return c
}

// hanRun returns the end of the run of ideographs U+4E00 to U+9FFF that
// starts at i (i itself when none does).
func hanRun(s string, i int) int {
	for i+2 < len(s) {
		b, b1 := s[i], s[i+1]
		if b-0xE4 > 0xE9-0xE4 || b == 0xE4 && b1 < 0xB8 || b1&0xC0 != 0x80 || s[i+2]&0xC0 != 0x80 {
			break
		}
		i += 3
	}
	return i
}

// Classes of ASCII bytes, as Count tells them.
const (
	classOther = iota
	classLetter
	classDigit
	classApostrophe
)

var asciiClass = func() (t [256]uint8) {
	for b := 'a'; b <= 'z'; b++ {
		t[b], t[b-'a'+'A'] = classLetter, classLetter
	}
	for b := '0'; b <= '9'; b++ {
		t[b] = classDigit
	}
	t['\''] = classApostrophe
	return t
}()

// IsHan reports whether r is a Han ideograph (CJK unified ideographs and
// their extensions, compatibility ideographs).
func IsHan(r rune) bool {
	switch {
	case r < 0x2E80:
		return false
	case 0x4E00 <= r && r <= 0x9FFF, 0x3400 <= r && r <= 0x4DBF, 0xF900 <= r && r <= 0xFAFF:
		return true
	}
	return unicode.Is(unicode.Han, r)
}

func isCJKPunct(r rune) bool {
	return 0x3000 <= r && r <= 0x303F || 0xFF01 <= r && r <= 0xFF0F ||
		0xFF1A <= r && r <= 0xFF20 || 0xFF3B <= r && r <= 0xFF40 || 0xFF5B <= r && r <= 0xFF65 ||
		r == '·' || r == '…'
}

// HasHan reports whether s contains a Han ideograph.
func HasHan(s string) bool {
	for _, r := range s {
		if r >= 0x2E80 && IsHan(r) {
			return true
		}
	}
	return false
}

// Trim removes leading and trailing white space, including the no-break
// space, the ideographic space and the byte-order mark that some editors
// leave at line starts.
func Trim(s string) string {
	return strings.TrimFunc(s, isSpace)
}

func isSpace(r rune) bool {
	return unicode.IsSpace(r) || r == '\u00A0' || r == '\u3000' || r == '\uFEFF' || r == '\u200B'
}

// ContainsFold reports whether s contains word, a non-empty ASCII
// lower-case word starting with a letter, in any ASCII case, without
// lower-casing a copy of s. Unlike strings.ToLower, it does not fold the
// Kelvin sign to k or İ to i: the cue words it looks for are English.
func ContainsFold(s, word string) bool {
	if word == "" {
		return true
	}
	for i := 0; i+len(word) <= len(s); i++ {
		if s[i]|0x20 == word[0] && strings.EqualFold(s[i:i+len(word)], word) {
			return true
		}
	}
	return false
}

// LowerASCII is s with A to Z lowered and every other byte as it stands:
// its byte offsets are those of s. strings.ToLower changes lengths (İ
// lowers to three bytes, the Kelvin sign to one, an invalid byte to
// U+FFFD), so offsets found in its result do not point into s.
func LowerASCII(s string) string {
	var b []byte
	for i := 0; i < len(s); i++ {
		if c := s[i]; 'A' <= c && c <= 'Z' {
			if b == nil {
				b = []byte(s)
			}
			b[i] = c + 'a' - 'A'
		}
	}
	if b == nil {
		return s
	}
	return string(b)
}

// ASCIILetter reports whether c is an ASCII letter.
func ASCIILetter(c byte) bool {
	c |= 0x20
	return 'a' <= c && c <= 'z'
}

// ASCIIAlnum reports whether c is an ASCII letter or digit.
func ASCIIAlnum(c byte) bool { return ASCIILetter(c) || '0' <= c && c <= '9' }

// HasAlnum reports whether s has a letter or a digit. A line without one
// (a rule "====", a bar "━━", a lone U+FFFD) carries no text: layouts may
// drop it, and the nothing-lost check does not count it.
func HasAlnum(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0
}

// CJKSet is a set of runes of the CJK blocks U+3000 to U+9FFF, one bit
// each (3.5 KB): whether a character is in it is one test, not a map
// look-up or a comparison with each member.
type CJKSet [(CJKEnd - CJKBegin) / 64]uint64

// The runes a CJKSet can hold: CJKBegin up to, not including, CJKEnd.
const CJKBegin, CJKEnd = 0x3000, 0xA000

// NewCJKSet is the set of the runes given.
func NewCJKSet(runes []rune) *CJKSet {
	set := new(CJKSet)
	for _, r := range runes {
		set.Add(r)
	}
	return set
}

// Add adds r; it panics outside the CJK blocks, where the set has no bit.
func (set *CJKSet) Add(r rune) {
	if r < CJKBegin || r >= CJKEnd {
		panic("textutil: rune outside the CJK blocks: " + string(r))
	}
	set[(r-CJKBegin)/64] |= 1 << ((r - CJKBegin) % 64)
}

// Has reports whether r is in the set.
func (set *CJKSet) Has(r rune) bool {
	return r >= CJKBegin && r < CJKEnd && set[(r-CJKBegin)/64]>>((r-CJKBegin)%64)&1 != 0
}

// Months are the English month names and their abbreviations, the one
// table that dates (package metadata) and numbers (package numbers) read.
var Months = map[string]int{
	"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
	"july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
	"sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}

// Lazy returns a regular expression compiled on its first use, so that a
// run which never needs it (most need only some) does not pay for it at
// start-up. It panics, as regexp.MustCompile does, on a bad expression;
// the tests compile every one.
func Lazy(expr string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(expr) })
}

// Runes counts the ASCII and the other runes of valid UTF-8 (decoded text
// always is), eight bytes at a time: a byte with its top bit clear is
// ASCII, one with its top two bits 10 continues a rune. On other text it
// counts lead bytes.
func Runes(s string) (ascii, other int) {
	const high = 0x8080808080808080
	top, cont := 0, 0
	i := 0
	for ; i+8 <= len(s); i += 8 {
		w := Word(s[i : i+8])
		top += bits.OnesCount64(w & high)
		cont += bits.OnesCount64(w &^ (w << 1) & high)
	}
	for ; i < len(s); i++ {
		if c := s[i]; c >= 0x80 {
			top++
			if c < 0xC0 {
				cont++
			}
		}
	}
	return len(s) - top, top - cont
}

// Word is the eight bytes of b, little-endian: one load.
func Word(b string) uint64 {
	return uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
		uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
}
