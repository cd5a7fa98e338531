package decode

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/stretchr/testify/require"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
)

func utf16Bytes(s string, bigEndian bool) []byte {
	var b []byte
	for _, u := range utf16.Encode([]rune(s)) {
		if bigEndian {
			b = append(b, byte(u>>8), byte(u))
		} else {
			b = append(b, byte(u), byte(u>>8))
		}
	}
	return b
}

func TestLineEndings(t *testing.T) {
	for _, tc := range []struct {
		name, in, want string
	}{
		{"empty", "", ""},
		{"lf", "a\nb\n", "a\nb\n"},
		{"crlf", "a\r\nb\r\n", "a\nb\n"},
		{"cr", "a\rb\r", "a\nb\n"},
		{"mixed", "a\r\nb\nc\rd", "a\nb\nc\nd"},
		{"no final newline", "a\r\nb", "a\nb"},
		{"cr at very end", "a\r", "a\n"},
		{"only cr", "\r", "\n"},
		{"cr cr lf", "a\r\r\nb", "a\n\nb"},
		{"lf cr", "a\n\rb", "a\n\nb"},
		{"blank crlf lines", "\r\n\r\n\r\n", "\n\n\n"},
		{"chinese crlf", "你好\r\n世界\r", "你好\n世界\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			type input struct {
				enc  string
				data []byte
				bom  bool
			}
			inputs := []input{
				{UTF8, []byte(tc.in), false},
				{UTF8, append([]byte{0xEF, 0xBB, 0xBF}, tc.in...), true},
				{UTF16LE, append([]byte{0xFF, 0xFE}, utf16Bytes(tc.in, false)...), true},
				{UTF16BE, append([]byte{0xFE, 0xFF}, utf16Bytes(tc.in, true)...), true},
			}
			for _, in := range inputs {
				for _, forced := range []string{"", in.enc} {
					got, err := Decode(in.data, forced)
					require.NoError(t, err, "%s forced=%q", in.enc, forced)
					wantEnc := in.enc
					if tc.in == "" && !in.bom {
						wantEnc = UTF8
					}
					require.Equal(t, Result{Text: tc.want, Encoding: wantEnc, BOM: in.bom}, got, "%s forced=%q", in.enc, forced)
				}
			}
			// The same line-ending handling in the legacy decoders.
			for _, enc := range []string{Big5, GB18030} {
				var e = traditionalchinese.Big5
				if enc == GB18030 {
					e = simplifiedchinese.GB18030
				}
				b, err := e.NewEncoder().Bytes([]byte(tc.in))
				require.NoError(t, err)
				got, err := Decode(b, enc)
				require.NoError(t, err)
				require.Equal(t, Result{Text: tc.want, Encoding: enc}, got)
			}
		})
	}
}

func TestNormalizeInPlace(t *testing.T) {
	for in, want := range map[string]string{
		"": "", "\r": "\n", "a\r\nb\rc\n\r\n": "a\nb\nc\n\n", "\r\r\n\r": "\n\n\n", "abc": "abc",
	} {
		require.Equal(t, want, string(normalizeInPlace([]byte(in))), "%q", in)
		require.Equal(t, want, normalizeCopy([]byte(in)), "%q", in)
	}
}

func TestUTF16WithoutBOM(t *testing.T) {
	text := "Operator: Good day, everyone.\r\n大家好，歡迎參加電話會議。\r\nThank you.\n"
	want := "Operator: Good day, everyone.\n大家好，歡迎參加電話會議。\nThank you.\n"
	for _, be := range []bool{false, true} {
		got, err := Decode(utf16Bytes(text, be), "")
		require.NoError(t, err)
		enc := UTF16LE
		if be {
			enc = UTF16BE
		}
		require.Equal(t, Result{Text: want, Encoding: enc}, got)
	}
}

func TestUTF16Damaged(t *testing.T) {
	// An unpaired high surrogate on line 2, and an odd final byte on line 3.
	b := []byte{0xFF, 0xFE}
	b = append(b, utf16Bytes("ok\n", false)...)
	b = append(b, 0x00, 0xD8, 'x', 0x00, '\n', 0x00)
	b = append(b, 'y', 0x00, 'z')
	got, err := Decode(b, "")
	require.NoError(t, err)
	require.Equal(t, Result{Text: "ok\n\uFFFDx\ny\uFFFD", Encoding: UTF16LE, BOM: true, Replaced: []int{2, 3}}, got)

	// A surrogate pair survives.
	got, err = Decode(utf16Bytes("a😀b", true), UTF16BE)
	require.NoError(t, err)
	require.Equal(t, "a😀b", got.Text)
}

func TestReplaced(t *testing.T) {
	// Many good multi-byte runes and a few bad bytes: damaged UTF-8.
	good := strings.Repeat("大家好，歡迎參加亞馬遜第二季財務業績電話會議。\r\n", 10)
	in := "第一行\r\n" + "bad \xff here\r\n" + good + "two \xfe\xfe bad\rlast \x80"
	got, err := Decode([]byte(in), "")
	require.NoError(t, err)
	require.Equal(t, UTF8, got.Encoding)
	require.False(t, got.BOM)
	require.Equal(t, []int{2, 13, 14}, got.Replaced)
	require.Equal(t, strings.Count(got.Text, "\uFFFD"), 4)
	require.Equal(t, strings.ReplaceAll(strings.ReplaceAll(
		"第一行\nbad \uFFFD here\n"+good+"two \uFFFD\uFFFD bad\nlast \uFFFD", "\r\n", "\n"), "\r", "\n"), got.Text)

	// A file cut off in the middle of its last character.
	ref := readReference(t)
	cut := []byte(ref[:len(ref)-2])
	got, err = Decode(cut, "")
	require.NoError(t, err)
	require.Equal(t, UTF8, got.Encoding)
	require.False(t, strings.HasSuffix(ref, "\n"))
	require.Equal(t, []int{strings.Count(ref, "\n") + 1}, got.Replaced)
	require.Equal(t, ref[:len(ref)-3]+"\uFFFD", got.Text)

	// English with a Latin-1 byte is Windows-1252 text, not binary.
	in = "Operator\nCaf\xe9 au lait, said the analyst.\nThank you.\n"
	got, err = Decode([]byte(in), "")
	require.NoError(t, err)
	require.Equal(t, Result{Text: "Operator\nCafé au lait, said the analyst.\nThank you.\n", Encoding: CP1252}, got)

	// Curly quotes and dashes saved from Windows.
	in = "Operator\n\x93Thank you,\x94 he said \x96 twice.\n"
	got, err = Decode([]byte(in), "")
	require.NoError(t, err)
	require.Equal(t, Result{Text: "Operator\n“Thank you,” he said – twice.\n", Encoding: CP1252}, got)

	// UTF-8 with curly quotes and one stray Windows byte is UTF-8 with a
	// replaced byte, not Windows-1252 mojibake.
	in = strings.Repeat("We’re glad you’re here.\n", 20) + "It\x92s a stray byte.\n"
	got, err = Decode([]byte(in), "")
	require.NoError(t, err)
	require.Equal(t, UTF8, got.Encoding)
	require.Equal(t, []int{21}, got.Replaced)
	require.True(t, strings.HasPrefix(got.Text, "We’re glad"))

	// Forced, under any of its names.
	for _, name := range []string{"windows-1252", "cp1252", "latin1", "ISO-8859-1"} {
		got, err = Decode([]byte("caf\xe9"), name)
		require.NoError(t, err, name)
		require.Equal(t, "café", got.Text, name)
	}
}

func TestForced(t *testing.T) {
	big5, err := traditionalchinese.Big5.NewEncoder().Bytes([]byte("財務\r\n業績"))
	require.NoError(t, err)

	got, err := Decode(big5, "cp950")
	require.NoError(t, err)
	require.Equal(t, Result{Text: "財務\n業績", Encoding: Big5}, got)

	// Forcing the wrong encoding never fails; bad bytes become U+FFFD.
	got, err = Decode(big5, "UTF8")
	require.NoError(t, err)
	require.Equal(t, UTF8, got.Encoding)
	require.Equal(t, []int{1, 2}, got.Replaced)
	require.NotContains(t, got.Text, "\r")

	// Forced decoding even accepts NUL bytes.
	got, err = Decode([]byte("a\x00b"), "utf-8")
	require.NoError(t, err)
	require.Equal(t, Result{Text: "a\x00b", Encoding: UTF8}, got)

	// A forced encoding's own BOM is still removed.
	got, err = Decode([]byte("\xEF\xBB\xBFhi"), "utf-8")
	require.NoError(t, err)
	require.Equal(t, Result{Text: "hi", Encoding: UTF8, BOM: true}, got)

	gbk, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte("财务业绩"))
	require.NoError(t, err)
	for _, name := range []string{"gbk", "GB2312", "cp936", "gb18030", "GB-18030"} {
		got, err := Decode(gbk, name)
		require.NoError(t, err, name)
		require.Equal(t, Result{Text: "财务业绩", Encoding: GB18030}, got, name)
	}
	got, err = Decode(gbk, "big5")
	require.NoError(t, err)
	require.Equal(t, Big5, got.Encoding)
	require.NotEqual(t, "财务业绩", got.Text)

	got, err = Decode(nil, "big5")
	require.NoError(t, err)
	require.Equal(t, Result{Encoding: Big5}, got)
}

func TestNames(t *testing.T) {
	require.Equal(t, []string{"auto", "utf-8", "utf-16le", "utf-16be", "big5", "gb18030", "windows-1252"}, Names())
	Names()[0] = "changed"
	require.Equal(t, "auto", Names()[0], "Names must return a copy")
	for _, n := range Names() {
		c, err := Canonical(strings.ToUpper(n))
		require.NoError(t, err)
		require.Equal(t, n, c)
	}
	for alias, want := range map[string]string{
		"utf8": UTF8, "UTF_8": UTF8, "utf16le": UTF16LE, "UTF-16BE": UTF16BE, "cp950": Big5,
		"Big-5": Big5, "gbk": GB18030, "gb2312": GB18030, "cp936": GB18030, "": Auto, " Auto ": Auto,
	} {
		c, err := Canonical(alias)
		require.NoError(t, err, alias)
		require.Equal(t, want, c, alias)
	}
}

func TestUnknownEncoding(t *testing.T) {
	_, err := Decode([]byte("hi"), "x")
	require.EqualError(t, err, `unknown encoding "x" (valid: auto, utf-8, utf-16le, utf-16be, big5, gb18030, windows-1252)`)
	_, err = Decode(nil, "latin9")
	require.ErrorContains(t, err, `unknown encoding "latin9"`)
	require.NotErrorIs(t, err, ErrBinary)
}

func TestBinary(t *testing.T) {
	// NUL bytes that are not UTF-16.
	for _, in := range []string{
		"hello\x00world",
		"\x00",
		"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x02\x00\x3e\x00",
		"PK\x03\x04\x14\x00\x00\x00\x08\x00",
		strings.Repeat("\x00\x00\x01\x00", 100), // UTF-32-ish / int data
	} {
		_, err := Decode([]byte(in), "")
		require.ErrorIs(t, err, ErrBinary, "%q", in)
		_, err = Decode([]byte(in), "auto")
		require.ErrorIs(t, err, ErrBinary, "%q", in)
	}

	// Random bytes, with and without NULs, of several sizes.
	rng := rand.New(rand.NewPCG(1, 2))
	for _, n := range []int{64, 200, 1000, 100_000} {
		for trial := 0; trial < 20; trial++ {
			b := make([]byte, n)
			for i := range b {
				b[i] = byte(rng.Uint32())
				if trial%2 == 1 && b[i] == 0 {
					b[i] = 1 // no NULs: must still be caught
				}
			}
			_, err := Decode(b, "")
			require.ErrorIs(t, err, ErrBinary, "n=%d trial=%d", n, trial)
		}
	}
	// NULs at one parity only, as in UTF-16, but not text: 16-bit samples
	// (controls galore), and random CJK code units with a few ASCII ones
	// (weak evidence, and not Chinese).
	samples := make([]byte, 4000)
	for i := 0; i < len(samples); i += 2 {
		samples[i] = byte(rng.Uint32())
	}
	_, err := Decode(samples, "")
	require.ErrorIs(t, err, ErrBinary)
	var cjk []byte
	for i := 0; i < 2000; i++ {
		if i%10 == 0 {
			cjk = append(cjk, 'a', 0)
		} else {
			cjk = append(cjk, byte(rng.Uint32()), byte(0x50+rng.IntN(0x30)))
		}
	}
	_, err = Decode(cjk, "")
	require.ErrorIs(t, err, ErrBinary)
	// The same with frequent characters is UTF-16, even when 一 (U+4E00)
	// puts as many NULs in the low bytes as the newlines do in the high ones.
	chinese := strings.Repeat("的一是不了在人有我他這個們中來上大為和國地到以說時。\n", 50)
	for _, be := range []bool{false, true} {
		got, err := Decode(utf16Bytes(chinese, be), "")
		require.NoError(t, err)
		require.Equal(t, map[bool]string{false: UTF16LE, true: UTF16BE}[be], got.Encoding)
		require.Equal(t, chinese, got.Text)
	}

	// High bytes only: no ASCII controls to give it away.
	for trial := 0; trial < 20; trial++ {
		b := make([]byte, 2000)
		for i := range b {
			b[i] = 0x80 | byte(rng.Uint32())
		}
		_, err := Decode(b, "")
		require.ErrorIs(t, err, ErrBinary, "trial=%d", trial)
	}
}

func TestEmpty(t *testing.T) {
	for _, in := range [][]byte{nil, {}} {
		got, err := Decode(in, "")
		require.NoError(t, err)
		require.Equal(t, Result{Text: "", Encoding: "utf-8"}, got)
	}
	got, err := Decode([]byte{0xEF, 0xBB, 0xBF}, "")
	require.NoError(t, err)
	require.Equal(t, Result{Encoding: UTF8, BOM: true}, got)
}
