package sentence

import (
	"math"
	"strings"
	"testing"
	"unicode/utf8"
)

// The fuzz targets hold every entry point to: no panic, whatever the input;
// every rune of the input (invalid bytes read as U+FFFD) in exactly one
// sentence or link, in order, white space aside.

var fuzzSeeds = [][2]string{
	{"Thank you, Dave. Today, we are reporting $134.4 billion in revenue.", "謝謝你,戴夫。今天,我們報告的收入為 1,344 億美元。"},
	{"Have Travis get in touch.", "让特拉维斯（Travis）联系我们吧。（译者注：特拉维斯是泰勒的男友）"},
	{"I have two.I'll just ask upfront.", "I have two.I'll just ask upfront.我只是好奇?是的。"},
	{"Mr. Buffett, Mr. Munger (PH). No. I appreciate it... U.S. Inc. etc.", "巴菲特先生....（（【"},
	{"(((((", "）））"},
	{"\xff\xfe. \xe4\xb8.", "\xe4\xb8\xad。\xff"},
	{"", ""},
	{"One.", ""},
	{"", "一。二。"},
	{"\u3000\u200b.\ufeff", "。。。"},
}

// noSpace drops the white space the splitter trims.
func noSpace(s string) string {
	return strings.Map(func(r rune) rune {
		if isSpace(r) {
			return -1
		}
		return r
	}, s)
}

func checkSentences(t *testing.T, in string, got []string) {
	t.Helper()
	for _, s := range got {
		if s == "" || s != strings.TrimFunc(s, isSpace) {
			t.Fatalf("sentence %q is empty or untrimmed", s)
		}
		if !utf8.ValidString(s) {
			t.Fatalf("sentence %q is not valid UTF-8", s)
		}
	}
	if a, b := noSpace(strings.Join(got, "")), noSpace(valid(in)); a != b {
		t.Fatalf("sentences %q do not cover the input %q", got, in)
	}
}

func FuzzSplitEnglish(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s[0])
	}
	f.Fuzz(func(t *testing.T, s string) { checkSentences(t, s, SplitEnglish(s)) })
}

func FuzzSplitChinese(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s[1])
	}
	f.Fuzz(func(t *testing.T, s string) { checkSentences(t, s, SplitChinese(s)) })
}

// checkCover checks that links cover both texts in order, each link has a
// side, and scores are probabilities.
func checkCover(t testing.TB, en, zh string, ls []Link) {
	t.Helper()
	var e, z strings.Builder
	for _, l := range ls {
		if l.EN == nil && l.ZH == nil {
			t.Fatal("a link with no side")
		}
		if math.IsNaN(l.Score) || l.Score < 0 || l.Score > 1 {
			t.Fatalf("score %v", l.Score)
		}
		if l.EN != nil {
			e.WriteString(*l.EN)
		}
		if l.ZH != nil {
			z.WriteString(*l.ZH)
		}
	}
	if noSpace(e.String()) != noSpace(valid(en)) {
		t.Fatalf("English links do not cover the English")
	}
	if noSpace(z.String()) != noSpace(valid(zh)) {
		t.Fatalf("Chinese links do not cover the Chinese")
	}
}

func FuzzAlign(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, en, zh string) { checkCover(t, en, zh, Align(en, zh)) })
}

// FuzzAlignValid: on valid UTF-8, AlignValid is Align; on any other text it
// does not fail.
func FuzzAlignValid(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, en, zh string) {
		got := AlignValid(en, zh)
		if !utf8.ValidString(en) || !utf8.ValidString(zh) {
			return
		}
		want := Align(en, zh)
		if len(got) != len(want) {
			t.Fatalf("%d links, Align %d", len(got), len(want))
		}
		for k := range got {
			if !sameText(got[k].EN, want[k].EN) || !sameText(got[k].ZH, want[k].ZH) || got[k].Score != want[k].Score {
				t.Fatalf("link %d differs from Align's", k)
			}
		}
	})
}

func sameText(a, b *string) bool { return a == nil && b == nil || a != nil && b != nil && *a == *b }
