package decode

import (
	"bytes"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
	"unsafe"

	"golang.org/x/text/encoding"
	"golang.org/x/text/transform"
)

const replacement = "\uFFFD"

// normalizeCopy returns valid UTF-8 b as a string with line endings
// normalised, in one pass of bulk copies between the '\r's. (validText
// calls it only when b has a '\r'; without one, b is used as it is.)
func normalizeCopy(b []byte) string {
	i := bytes.IndexByte(b, '\r')
	var sb strings.Builder
	sb.Grow(len(b))
	for i >= 0 {
		sb.Write(b[:i])
		sb.WriteByte('\n')
		b = b[i+1:]
		if len(b) > 0 && b[0] == '\n' {
			b = b[1:]
		}
		i = bytes.IndexByte(b, '\r')
	}
	sb.Write(b)
	return sb.String()
}

// normalizeInPlace does what normalizeCopy does, but in a buffer the caller
// owns, so decoded legacy text is not copied a second time.
func normalizeInPlace(b []byte) []byte {
	i := bytes.IndexByte(b, '\r')
	if i < 0 {
		return b
	}
	w, r := i, i
	for {
		// b[r] == '\r'
		b[w] = '\n'
		w++
		r++
		if r < len(b) && b[r] == '\n' {
			r++
		}
		j := bytes.IndexByte(b[r:], '\r')
		if j < 0 {
			w += copy(b[w:], b[r:])
			return b[:w]
		}
		w += copy(b[w:], b[r:r+j])
		r += j
	}
}

// ownedString turns b into a string without copying it (as strings.Builder
// does): b must not change afterwards, whether a decoder's buffer or, for
// valid UTF-8, the caller's data (see Decode).
func ownedString(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	return unsafe.String(&b[0], len(b))
}

// addLine appends line to a sorted set kept as a slice.
func addLine(lines []int, line int) []int {
	if n := len(lines); n > 0 && lines[n-1] == line {
		return lines
	}
	return append(lines, line)
}

// fromUTF8 decodes UTF-8 that may contain invalid bytes. Each invalid byte
// becomes U+FFFD (as ranging over a Go string does), and its line is noted.
func fromUTF8(src []byte) (string, []int) {
	if text, ok := validText(src); ok {
		return text, nil
	}
	return sanitizeUTF8(src)
}

// sanitizeUTF8 is fromUTF8 for input known to be invalid: one byte at a time,
// normalising line endings and counting lines as it goes.
func sanitizeUTF8(src []byte) (string, []int) {
	out := make([]byte, 0, len(src)+len(src)/8)
	var replaced []int
	line := 1
	for i := 0; i < len(src); {
		c := src[i]
		if c < utf8.RuneSelf {
			switch c {
			case '\r':
				c = '\n'
				if i+1 < len(src) && src[i+1] == '\n' {
					i++
				}
				line++
			case '\n':
				line++
			}
			out = append(out, c)
			i++
			continue
		}
		r, n := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError && n == 1 {
			out = append(out, replacement...)
			replaced = addLine(replaced, line)
		} else {
			out = append(out, src[i:i+n]...)
		}
		i += n
	}
	return ownedString(out), replaced
}

// utf8Stats is what one pass over non-valid UTF-8 tells about it.
type utf8Stats struct {
	runes    int // all runes, invalid bytes counting one each
	multi    int // valid multi-byte runes
	invalid  int // invalid bytes
	controls int // ASCII control bytes other than \t \n \v \f \r, ESC and SUB
}

func scanUTF8(src []byte) utf8Stats {
	var st utf8Stats
	for i := 0; i < len(src); {
		c := src[i]
		st.runes++
		if c < utf8.RuneSelf {
			if isControl(rune(c)) {
				st.controls++
			}
			i++
			continue
		}
		r, n := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError && n == 1 {
			st.invalid++
		} else {
			st.multi++
		}
		i += n
	}
	return st
}

// isControl reports control characters that do not occur in text files.
// ESC (ANSI colours) and SUB (DOS end-of-file) are tolerated.
func isControl(r rune) bool {
	switch r {
	case '\t', '\n', '\v', '\f', '\r', 0x1A, 0x1B:
		return false
	}
	return r < 0x20 || r == 0x7F
}

// utf16Stats tells whether a BOM-less UTF-16 guess produced text.
type utf16Stats struct {
	runes, bad int // bad: controls, NUL and unpaired surrogates
}

func (s utf16Stats) plausible() bool {
	return s.runes > 0 && s.bad*100 <= s.runes
}

// utf16Evidence is how strongly the NUL bytes of data suggest UTF-16.
type utf16Evidence int

const (
	notUTF16 utf16Evidence = iota
	// weakUTF16: NULs only in the high byte of each pair, but not many of
	// them, as in Chinese text with a little ASCII in between.
	weakUTF16
	// strongUTF16: a quarter or more of the high bytes are NUL, as in
	// ASCII-heavy text.
	strongUTF16
)

// looksUTF16 is deliberately conservative: the NULs must sit mostly at one
// parity, and what it says is still checked by decoding. It returns the byte
// orders worth trying (both on a tie).
func looksUTF16(data []byte) (bigEndian []bool, ev utf16Evidence) {
	s := data
	if len(s) > 64<<10 {
		s = s[:64<<10]
	}
	pairs := len(s) / 2
	if pairs < 2 {
		return nil, notUTF16
	}
	var zeroEven, zeroOdd int
	for i := 0; i+1 < len(s); i += 2 {
		if s[i] == 0 {
			zeroEven++
		}
		if s[i+1] == 0 {
			zeroOdd++
		}
	}
	// Low bytes are NUL only for the rare U+xx00 characters, but 一 is
	// U+4E00, about 1% of Chinese text, and may be as frequent as the
	// newlines in text with no other ASCII.
	high, low := max(zeroEven, zeroOdd), min(zeroEven, zeroOdd)
	switch {
	case zeroEven == zeroOdd:
		bigEndian = []bool{false, true}
	case zeroEven > zeroOdd:
		bigEndian = []bool{true}
	default:
		bigEndian = []bool{false}
	}
	switch {
	case low*20 > pairs:
		return nil, notUTF16
	case high*4 >= pairs && low*4 <= high:
		return bigEndian, strongUTF16
	default:
		return bigEndian, weakUTF16
	}
}

// fromUTF16 decodes UTF-16 and normalises line endings in the same pass.
// Unpaired surrogates and an odd final byte become U+FFFD.
func fromUTF16(src []byte, bigEndian bool) (string, []int, utf16Stats) {
	unit := func(i int) rune {
		if bigEndian {
			return rune(src[i])<<8 | rune(src[i+1])
		}
		return rune(src[i+1])<<8 | rune(src[i])
	}
	out := make([]byte, 0, len(src)/2+len(src)/4)
	var replaced []int
	var st utf16Stats
	line := 1
	bad := func() {
		out = append(out, replacement...)
		replaced = addLine(replaced, line)
		st.bad++
	}
	n := len(src) &^ 1
	for i := 0; i < n; i += 2 {
		r := unit(i)
		st.runes++
		switch {
		case r == '\r':
			out = append(out, '\n')
			if i+3 < n && unit(i+2) == '\n' {
				i += 2
			}
			line++
		case r == '\n':
			out = append(out, '\n')
			line++
		case r < utf8.RuneSelf:
			if isControl(r) || r == 0 {
				st.bad++
			}
			out = append(out, byte(r))
		case utf16.IsSurrogate(r):
			if r < 0xDC00 && i+3 < n {
				if r2 := unit(i + 2); r2 >= 0xDC00 && r2 < 0xE000 {
					out = utf8.AppendRune(out, utf16.DecodeRune(r, r2))
					i += 2
					continue
				}
			}
			bad()
		default:
			out = utf8.AppendRune(out, r)
		}
	}
	if len(src)%2 == 1 {
		st.runes++
		bad()
	}
	return ownedString(out), replaced, st
}

// transformAll decodes src with enc into a fresh buffer, bad bytes becoming
// U+FFFD. It sizes the buffer up front rather than letting transform.Bytes
// grow it by doubling, which matters for large files.
func transformAll(src []byte, enc encoding.Encoding) []byte {
	t := enc.NewDecoder()
	// Two-byte characters grow to three bytes in UTF-8.
	dst := make([]byte, len(src)+len(src)/2+16)
	nDst := 0
	for {
		n, nSrc, err := t.Transform(dst[nDst:], src, true)
		nDst += n
		src = src[nSrc:]
		if err != transform.ErrShortDst {
			// The Chinese decoders replace rather than fail, so ErrShortDst
			// is the only error they return with atEOF set.
			return dst[:nDst]
		}
		grown := make([]byte, len(dst)*2)
		copy(grown, dst[:nDst])
		dst = grown
	}
}

// fromLegacy decodes Big5 or GB18030. The x/text decoders emit U+FFFD for bad
// bytes without saying so, so replaced lines are found by looking for U+FFFD
// afterwards (a genuine U+FFFD, encodable only in GB18030, is counted too).
func fromLegacy(src []byte, enc encoding.Encoding) (string, []int) {
	return finishLegacy(transformAll(src, enc))
}

// finishLegacy normalises decoded legacy text in place and finds its
// replaced lines.
func finishLegacy(decoded []byte) (string, []int) {
	out := normalizeInPlace(decoded)
	var replaced []int
	line, counted := 1, 0
	for off := 0; ; {
		j := bytes.Index(out[off:], []byte(replacement))
		if j < 0 {
			break
		}
		line += bytes.Count(out[counted:off+j], []byte{'\n'})
		counted = off + j
		replaced = addLine(replaced, line)
		off += j + len(replacement)
	}
	return ownedString(out), replaced
}

// nonASCIISample gathers up to max bytes of the lines that contain non-ASCII
// bytes, since ASCII lines say nothing about Big5 versus GB18030. Lines end
// at '\n' or '\r', which never occur inside a Big5 or GB18030 character.
func nonASCIISample(data []byte, max int) []byte {
	if len(data) <= max {
		return data
	}
	sample := make([]byte, 0, max)
	for len(data) > 0 && len(sample) < max {
		end := bytes.IndexAny(data, "\r\n")
		if end < 0 {
			end = len(data)
		} else {
			end++
		}
		line := data[:end]
		data = data[end:]
		if !isASCII(line) {
			if room := max - len(sample); len(line) > room {
				line = line[:room]
			}
			sample = append(sample, line...)
		}
	}
	return sample
}

func isASCII(b []byte) bool {
	for _, c := range b {
		if c >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
