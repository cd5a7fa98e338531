package lang

import "testing"

// TestVote: the script counts settle a line's language, and leave it
// unsure only where Han and Latin are balanced or there are no words.
func TestVote(t *testing.T) {
	for _, tc := range []struct {
		text string
		want Lang
		sure bool
	}{
		{"Thank you, operator.", English, true},
		{"謝謝，接線員。", Chinese, true},
		{"谢谢你，Brian。", Chinese, true}, // a name kept in Latin letters
		{"謝謝，Rishi。", Chinese, true},
		{"Our revenue in 中国 grew by 12% this quarter, led by AWS.", English, true}, // a word quoted
		{"你知道，我们对这一点感觉很好。But we do feel good about it.", Chinese, true},            // a clause left untranslated
		{"AWS Outposts 雲端", Unknown, false},                                        // two words, two ideographs: balanced
		{"2023", English, false},                                                   // digits only: nothing to go by
		{"(1)", English, false},
		{"?", Unknown, false},
		{"", Unknown, false},
	} {
		l, sure := Of(tc.text)
		if l != tc.want || sure != tc.sure {
			t.Errorf("Of(%q) = %v, %v; want %v, %v", tc.text, l, sure, tc.want, tc.sure)
		}
	}
}

// TestGuess: without a model, a balanced line counts as Chinese and a
// line without words as English.
func TestGuess(t *testing.T) {
	for _, tc := range []struct {
		text string
		want Lang
	}{
		{"Thank you.", English},
		{"AWS Outposts 雲端", Chinese},
		{"2023", English},
		{"?", English},
		{"謝謝。", Chinese},
	} {
		if got := Guess(tc.text); got != tc.want {
			t.Errorf("Guess(%q) = %v, want %v", tc.text, got, tc.want)
		}
		if IsChinese(tc.text) != (tc.want == Chinese) {
			t.Errorf("IsChinese(%q) disagrees with Guess", tc.text)
		}
	}
}
