// Package lang is the one place that answers "is this text English or
// Chinese" by counting scripts. Parsing asks it about speaker lines and
// translations, alignment about every line; both get the same answer.
// Lines the counts cannot settle (Han and Latin balanced) are reported as
// unsure, so that a caller with a statistical model (package align, with
// lingua-go) can ask it, and a caller without one takes Guess's answer.
package lang

import "github.com/transcript-cli/transcript/internal/textutil"

// Lang is the language of a line as far as transcripts care.
type Lang uint8

// Languages a line can be in.
const (
	Unknown Lang = iota
	English
	Chinese
)

func (l Lang) String() string {
	switch l {
	case English:
		return "en"
	case Chinese:
		return "zh"
	}
	return "unknown"
}

// Vote decides a text's language from its script counts; sure is false for
// text where Han and Latin are balanced, and for text without words.
func Vote(c textutil.Counts) (l Lang, sure bool) {
	han := c.Han + c.CJKPunct
	words := c.LatinWords
	switch {
	case han == 0 && words == 0:
		// "2023", "(1)", "?": no words to go by. Alone, pairing treats it
		// as text of the original; inside a block it belongs with its
		// neighbours.
		if c.Digits > 0 {
			return English, false
		}
		return Unknown, false
	case han == 0:
		return English, true
	case words == 0:
		return Chinese, true
	// A translation keeps names and brands in Latin letters ("謝謝，Rishi。"),
	// each a word against a few ideographs; an English sentence quoting
	// Chinese has many words for each ideograph.
	case han >= 2*words:
		return Chinese, true
	case words >= 3*han:
		return English, true
	// A translation that left a clause in English ("你知道，…。But we do
	// feel good, …") still has far more ideographs than an English
	// paragraph ever quotes.
	case han >= 10 && 2*han >= words:
		return Chinese, true
	}
	return Unknown, false
}

// Of is Vote on s.
func Of(s string) (Lang, bool) { return Vote(textutil.Count(s)) }

// Guess is the answer without a model: a balanced line counts as Chinese,
// since a Chinese translation keeps English names and an English paragraph
// rarely quotes Chinese; text without words counts as English.
func Guess(s string) Lang {
	c := textutil.Count(s)
	l, sure := Vote(c)
	if sure {
		return l
	}
	if c.Han+c.CJKPunct > 0 {
		return Chinese
	}
	return English
}

// IsChinese reports whether Guess takes s for Chinese.
func IsChinese(s string) bool { return Guess(s) == Chinese }
