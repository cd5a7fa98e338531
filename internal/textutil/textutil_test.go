package textutil

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
)

func TestCount(t *testing.T) {
	tests := []struct {
		in   string
		want Counts
	}{
		{"Hello, world", Counts{Latin: 10, LatinWords: 2}},
		{"don't stop", Counts{Latin: 8, LatinWords: 2}},
		{"don’t", Counts{Latin: 4, LatinWords: 1}},
		{"謝謝，Rishi。", Counts{Han: 2, CJKPunct: 2, Latin: 5, LatinWords: 1}},
		{"AWS 2023 年", Counts{Han: 1, Latin: 3, LatinWords: 1, Digits: 4}},
		{"Café", Counts{Latin: 4, LatinWords: 1}},
		{"Привет", Counts{Other: 6}},
		{"１２", Counts{Digits: 2}},
		{"", Counts{}},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, Count(tt.in), tt.in)
	}
}

func TestIsHan(t *testing.T) {
	assert.True(t, IsHan('中'))
	assert.True(t, IsHan('㐀'))          // extension A
	assert.True(t, IsHan('\U00020000')) // extension B
	assert.False(t, IsHan('a'))
	assert.False(t, IsHan('。'))
	assert.False(t, IsHan('ア'))
	assert.True(t, HasHan("AWS 晶片"))
	assert.False(t, HasHan("AWS chips"))
}

func TestTrimAndBlank(t *testing.T) {
	assert.Equal(t, "x y", Trim("\u3000\u00a0\ufeff x y \t\u200b"))
	assert.True(t, HasAlnum("== 2 =="))
	assert.True(t, HasAlnum("中"))
	assert.False(t, HasAlnum("━━ ==== \uFFFD"))
}

func TestContainsFold(t *testing.T) {
	for s, want := range map[string]bool{
		"Welcome to the call": true, "WELCOME": true, "we lcome": false, "welcom": false, "": false,
		"“Welcome”": true, "wélcome": false,
	} {
		if got := ContainsFold(s, "welcome"); got != want {
			t.Errorf("ContainsFold(%q) = %v, want %v", s, got, want)
		}
	}
	if !ContainsFold("any", "") || ContainsFold("\u212Aey", "key") {
		t.Error("an empty word is in every text; the Kelvin sign is no k")
	}
}

func TestLowerASCII(t *testing.T) {
	for s, want := range map[string]string{
		"": "", "abc": "abc", "Our NEXT Question": "our next question",
		"İş K Ⱥ Émile": "İş K Ⱥ Émile", "\x9fWe": "\x9fwe", "\xffAB": "\xffab",
	} {
		got := LowerASCII(s)
		if got != want || len(got) != len(s) {
			t.Errorf("LowerASCII(%q) = %q, want %q", s, got, want)
		}
	}
}

func TestCJKSet(t *testing.T) {
	set := NewCJKSet([]rune("億万　"))
	for _, r := range "億万　" {
		assert.True(t, set.Has(r), "%q", r)
	}
	for _, r := range "亿萬a\uFF10\U00020000" {
		assert.False(t, set.Has(r), "%q", r)
	}
	assert.False(t, set.Has(-1))
	assert.Panics(t, func() { set.Add('a') })
}

func TestRunes(t *testing.T) {
	for _, s := range []string{"", "a", "謝謝你,安迪。", "Revenue grew 11% to $134.4 billion, 達到 1,344 億美元 🙂 and é.", strings.Repeat("中a", 37)} {
		ascii, other := Runes(s)
		want := 0
		for _, r := range s {
			if r < utf8.RuneSelf {
				want++
			}
		}
		assert.Equal(t, want, ascii, "%q", s)
		assert.Equal(t, utf8.RuneCountInString(s)-want, other, "%q", s)
	}
}

func TestASCIILetterAlnum(t *testing.T) {
	for _, c := range []byte("azAZ") {
		assert.True(t, ASCIILetter(c), "%q", c)
		assert.True(t, ASCIIAlnum(c), "%q", c)
	}
	for _, c := range []byte("09") {
		assert.False(t, ASCIILetter(c), "%q", c)
		assert.True(t, ASCIIAlnum(c), "%q", c)
	}
	// Neighbours of the ranges, and their images under |0x20.
	for _, c := range []byte{'@', '[', '`', '{', '/', ':', ' ', 0, 0xC1, 0xDA, 0xE1} {
		assert.False(t, ASCIILetter(c), "%q", c)
		assert.False(t, ASCIIAlnum(c), "%q", c)
	}
}
