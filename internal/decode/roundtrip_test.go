package decode

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
)

// TestRoundTrip encodes real and hand-written text in each encoding and
// checks that auto-detection picks that encoding and returns the same text.
// Big5 bytes also decode without error as GBK (into nonsense) and the
// reverse is nearly true, so both directions are checked on both scripts.
func TestRoundTrip(t *testing.T) {
	ref := readReference(t)
	texts := map[string]string{
		"traditional": ref,
		"simplified":  simplifiedSample,
		// A short excerpt: less evidence to go on.
		"traditional short": firstLines(ref, 8),
		"simplified short":  firstLines(simplifiedSample, 2),
	}
	legacy := map[string]encoding.Encoding{
		Big5:    traditionalchinese.Big5,
		GB18030: simplifiedchinese.GB18030,
	}
	for name, text := range texts {
		for encName, enc := range legacy {
			t.Run(name+"/"+encName, func(t *testing.T) {
				if encName == Big5 && strings.HasPrefix(name, "simplified") {
					// Most simplified characters have no Big5 code, so this
					// would be a text of '?'s.
					t.Skip("simplified text is not representable in Big5")
				}
				b, want := encodeLossy(t, text, enc)
				require.NotEqual(t, []byte(text), b)
				for _, eol := range []string{"\n", "\r\n"} {
					in := []byte(strings.ReplaceAll(string(b), "\n", eol))
					got, err := Decode(in, "")
					require.NoError(t, err)
					require.Equal(t, encName, got.Encoding)
					require.False(t, got.BOM)
					require.Empty(t, got.Replaced)
					require.Equal(t, want, got.Text)
					// Little was lost to unencodable runes.
					require.Less(t, strings.Count(want, "?")-strings.Count(text, "?"), len(text)/100+2)
				}
			})
		}
		t.Run(name+"/utf", func(t *testing.T) {
			for enc, b := range map[string][]byte{
				UTF8:    []byte(text),
				UTF16LE: append([]byte{0xFF, 0xFE}, utf16Bytes(text, false)...),
				UTF16BE: append([]byte{0xFE, 0xFF}, utf16Bytes(text, true)...),
			} {
				got, err := Decode(b, "")
				require.NoError(t, err, enc)
				require.Equal(t, enc, got.Encoding)
				require.Equal(t, enc != UTF8, got.BOM)
				require.Equal(t, text, got.Text, enc)
			}
			// Without BOM, UTF-16 is recognised by where its NULs are.
			for _, be := range []bool{false, true} {
				got, err := Decode(utf16Bytes(text, be), "")
				require.NoError(t, err)
				require.Equal(t, map[bool]string{false: UTF16LE, true: UTF16BE}[be], got.Encoding)
				require.Equal(t, text, got.Text)
			}
		})
	}
}

// TestRoundTripDamaged: a few corrupted bytes in a legacy file are replaced
// and reported, and detection still holds.
func TestRoundTripDamaged(t *testing.T) {
	b, _ := encodeLossy(t, readReference(t), traditionalchinese.Big5)
	// Line 3 gets a lead byte followed by a newline: invalid in Big5.
	lines := strings.SplitAfter(string(b), "\n")
	lines[2] = lines[2][:len(lines[2])-1] + "\xa4\n"
	got, err := Decode([]byte(strings.Join(lines, "")), "")
	require.NoError(t, err)
	require.Equal(t, Big5, got.Encoding)
	require.Equal(t, []int{3}, got.Replaced)
	require.Equal(t, strings.Count(string(b), "\n"), strings.Count(got.Text, "\n"))
}

// TestLargeSampled: beyond sampleSize only non-ASCII lines are scored; a long
// English prefix must not hide the Chinese further down.
func TestLargeSampled(t *testing.T) {
	english := strings.Repeat("Thank you. Our next question comes from the line of an analyst.\n", 2*sampleSize/64)
	text := english + readReference(t)
	b, want := encodeLossy(t, text, traditionalchinese.Big5)
	got, err := Decode(b, "")
	require.NoError(t, err)
	require.Equal(t, Big5, got.Encoding)
	require.Equal(t, want, got.Text)
}

func firstLines(s string, n int) string {
	lines := strings.SplitAfter(s, "\n")
	if len(lines) > n {
		lines = lines[:n]
	}
	return strings.Join(lines, "")
}

// requireReadsAs encodes text with enc and requires Decode to give it back
// as read in want.
func requireReadsAs(t *testing.T, text string, enc encoding.Encoding, want string) {
	t.Helper()
	b, err := enc.NewEncoder().Bytes([]byte(text))
	require.NoError(t, err)
	got, err := Decode(b, "")
	require.NoError(t, err, "%q", b)
	require.Equal(t, Result{Text: text, Encoding: want}, got, "%q", b)
}

// TestEnglishInGB18030: an English transcript saved as GBK or GB18030
// (Chinese Windows' "ANSI") has accented names and nothing Chinese; it
// reads as GB18030, not as Windows-1252 mojibake ("Cr¨¦dit"). The same
// text saved as Windows-1252 stays Windows-1252.
func TestEnglishInGB18030(t *testing.T) {
	for _, text := range []string{
		"Operator\nOur next question comes from Ahmed Badri with Crédit Suisse.\nThank you.\n",
		"Analyst\nA question on Zürich and on Nestlé, if I may.\n",
		"Q2\u00a02020 Earnings Call\nGrupo Televisa, S.A.B.\n", // a no-break space: four bytes in GB18030
		"Operator\nNext, Björn Åkesson of Société Générale.\n", // ö and Å: four bytes too
	} {
		text += "Thank you, and good afternoon, everyone. Revenue grew in every region this quarter.\n"
		requireReadsAs(t, text, simplifiedchinese.GB18030, GB18030)
		requireReadsAs(t, text, charmap.Windows1252, CP1252)
	}
}

// TestBig5BesideLatinLetters: some Big5 characters have the bytes of
// accented letters in GB18030 (富邦 reads as 碔ü, 車 as ó…); beside other
// Chinese they are no such letters, and the file stays Big5.
func TestBig5BesideLatinLetters(t *testing.T) {
	for _, zh := range []string{"富邦", "汽車", "那麼", "聯邦", "BMW車", "AI那麼"} {
		requireReadsAs(t, "Company: "+zh+"\nOperator: Good day, and welcome to the call.\nAnalyst: A question on margins, please.\n", traditionalchinese.Big5, Big5)
	}
}

// TestWindows1252NamesNotChinese: Windows-1252 bytes of an accented letter
// and the letter after it can read as a frequent Chinese character in
// GB18030 ("üh" as 黨); inside a Latin word it is no evidence of Chinese.
func TestWindows1252NamesNotChinese(t *testing.T) {
	for _, name := range []string{"Kühne + Nagel", "Hühner", "Müller", "Zürich", "Société Générale"} {
		requireReadsAs(t, "Operator: Our next question comes from Ann Lee with "+name+".\nAnn Lee: Thank you for taking my question.\n", charmap.Windows1252, CP1252)
	}
}

// TestCurlyQuotesInLegacyChinese: English saved in GBK or Big5 with curly
// quotes and dashes between letters ("we’re", "it—customers") reads in
// that code page: punctuation inside a word is no sign of a wrong one.
func TestCurlyQuotesInLegacyChinese(t *testing.T) {
	text := "We’re pleased with the quarter—it’s our best.\n"
	requireReadsAs(t, text, simplifiedchinese.GB18030, GB18030)
	requireReadsAs(t, text, traditionalchinese.Big5, Big5)
}
