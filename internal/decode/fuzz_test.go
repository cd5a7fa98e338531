package decode

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
)

func FuzzDecode(f *testing.F) {
	short := firstLines(readReference(f), 6)
	big5, _ := encodeLossy(f, short, traditionalchinese.Big5)
	gb, _ := encodeLossy(f, simplifiedSample, simplifiedchinese.GB18030)
	for _, seed := range [][]byte{
		nil,
		[]byte(short),
		[]byte(strings.ReplaceAll(short, "\n", "\r\n")),
		[]byte("a\rb\r\nc\n\r"),
		append([]byte{0xEF, 0xBB, 0xBF}, "hi\r\n"...),
		append([]byte{0xFF, 0xFE}, utf16Bytes("hi\r\n你好", false)...),
		utf16Bytes("Operator: hello\r\n", true),
		big5,
		gb,
		[]byte("bad \xff\xfe utf-8\r"),
		[]byte("bin\x00ary"),
	} {
		f.Add(seed, "")
	}
	f.Add([]byte("財務\r\n"), "big5")
	f.Add([]byte("x\xff\r"), "utf-8")
	f.Add([]byte("x\x00\r"), "utf-16le")

	f.Fuzz(func(t *testing.T, data []byte, enc string) {
		in := bytes.Clone(data)
		res, err := Decode(data, enc)
		res2, err2 := Decode(data, enc)
		if !bytes.Equal(in, data) {
			t.Fatal("Decode modified its input")
		}
		if fmt.Sprint(err) != fmt.Sprint(err2) || res.Text != res2.Text || res.Encoding != res2.Encoding ||
			res.BOM != res2.BOM || !slices.Equal(res.Replaced, res2.Replaced) {
			t.Fatalf("not deterministic: %+v %v / %+v %v", res, err, res2, err2)
		}
		canon, nameErr := Canonical(enc)
		switch {
		case nameErr != nil:
			if err == nil || errors.Is(err, ErrBinary) {
				t.Fatalf("unknown encoding %q accepted: %v", enc, err)
			}
			return
		case canon != Auto && err != nil:
			t.Fatalf("forced %s failed: %v", canon, err)
		case err != nil && !errors.Is(err, ErrBinary):
			t.Fatalf("unexpected error %v", err)
		case err != nil:
			return
		case canon != Auto && res.Encoding != canon:
			t.Fatalf("forced %s, got %s", canon, res.Encoding)
		}
		if !utf8.ValidString(res.Text) {
			t.Fatalf("invalid UTF-8 in %q", res.Text)
		}
		if strings.IndexByte(res.Text, '\r') >= 0 {
			t.Fatalf("CR left in %q", res.Text)
		}
		lines := strings.Count(res.Text, "\n")
		for i, l := range res.Replaced {
			if l < 1 || l > lines+1 || (i > 0 && l <= res.Replaced[i-1]) {
				t.Fatalf("bad Replaced %v for %d lines", res.Replaced, lines)
			}
		}
		if len(res.Replaced) > 0 && !strings.Contains(res.Text, "\uFFFD") {
			t.Fatalf("Replaced %v but no U+FFFD", res.Replaced)
		}
		// In byte-oriented encodings '\r' and '\n' are never part of a
		// multi-byte character, so every line break survives exactly once.
		if res.Encoding == UTF8 || res.Encoding == Big5 || res.Encoding == GB18030 {
			raw := data
			if res.BOM {
				raw = raw[3:]
			}
			if want := countBreaks(raw); lines != want {
				t.Fatalf("%s: %d line breaks in, %d out", res.Encoding, want, lines)
			}
		}
		if res.Encoding == UTF8 && len(res.Replaced) == 0 && utf8.Valid(data) {
			raw := data
			if res.BOM {
				raw = raw[3:]
			}
			want := strings.ReplaceAll(strings.ReplaceAll(string(raw), "\r\n", "\n"), "\r", "\n")
			if res.Text != want {
				t.Fatalf("utf-8 text changed: %q -> %q", raw, res.Text)
			}
		}
	})
}
