// Package decode turns the raw bytes of a transcript file into UTF-8 text.
//
// Transcripts arrive as UTF-8 (most of the time), UTF-16 exported from Word,
// or legacy Chinese code pages (Big5 for traditional, GB18030/GBK for
// simplified text). Decode detects which, converts to UTF-8, removes a BOM and
// normalises line endings to "\n" so that later stages can count lines without
// caring where the file came from. The package does no I/O.
package decode

import (
	"bytes"
	"errors"
	"fmt"
	"golang.org/x/text/encoding"
	"strings"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
)

// Result is an input decoded to UTF-8.
type Result struct {
	// Text is UTF-8 without BOM; every line ending (CRLF, CR alone, LF, mixed)
	// is normalised to "\n" and each original line break becomes exactly one
	// "\n", so line numbers are preserved. A final line without newline stays
	// without.
	Text string
	// Encoding is the canonical name of what was read: "utf-8", "utf-16le",
	// "utf-16be", "big5", "gb18030" or "windows-1252".
	Encoding string
	// BOM reports that a byte-order mark was present (and removed).
	BOM bool
	// Replaced lists the 1-based line numbers (after normalisation) where
	// invalid bytes were replaced by U+FFFD, ascending, each once; nil if none.
	Replaced []int
}

// ErrBinary: the data is not text (NUL bytes outside UTF-16, or mostly undecodable).
var ErrBinary = errors.New("binary file, not a transcript")

// Canonical encoding names.
const (
	UTF8    = "utf-8"
	UTF16LE = "utf-16le"
	UTF16BE = "utf-16be"
	Big5    = "big5"
	GB18030 = "gb18030"
	CP1252  = "windows-1252"
	Auto    = "auto"
)

var names = []string{Auto, UTF8, UTF16LE, UTF16BE, Big5, GB18030, CP1252}

// aliases maps a lower-cased name with '-', '_' and spaces removed to its
// canonical form. GBK and GB2312 are subsets of GB18030 and CP950 is Big5 as
// Windows knows it, so reading them with the superset is always right.
var aliases = map[string]string{
	"":           Auto,
	"auto":       Auto,
	"utf8":       UTF8,
	"ascii":      UTF8,
	"utf8sig":    UTF8,
	"utf16le":    UTF16LE,
	"utf16be":    UTF16BE,
	"ucs2le":     UTF16LE,
	"ucs2be":     UTF16BE,
	"big5":       Big5,
	"cp950":      Big5,
	"ms950":      Big5,
	"windows950": Big5,
	"big5hkscs":  Big5,
	"xbig5":      Big5,
	"gb18030":    GB18030,
	"gbk":        GB18030,
	"gb2312":     GB18030,
	"cp936":      GB18030,
	"ms936":      GB18030,
	"windows936": GB18030,
	"euccn":      GB18030,
	// Windows-1252 is a superset of Latin-1's printable characters, and
	// what "Latin-1" files from Windows really are.
	"windows1252": CP1252,
	"cp1252":      CP1252,
	"latin1":      CP1252,
	"iso88591":    CP1252,
}

// Names lists the accepted --encoding values in a stable order, "auto" first.
func Names() []string {
	return append([]string(nil), names...)
}

// Canonical returns the canonical name for an encoding name or alias.
func Canonical(name string) (string, error) {
	key := strings.Map(func(r rune) rune {
		switch r {
		case '-', '_', ' ':
			return -1
		}
		return r
	}, strings.ToLower(strings.TrimSpace(name)))
	if c, ok := aliases[key]; ok {
		return c, nil
	}
	return "", fmt.Errorf("unknown encoding %q (valid: %s)", name, strings.Join(names, ", "))
}

var (
	bomUTF8    = []byte{0xEF, 0xBB, 0xBF}
	bomUTF16LE = []byte{0xFF, 0xFE}
	bomUTF16BE = []byte{0xFE, 0xFF}
)

// Decode converts data to UTF-8 text. encoding "" or "auto" detects the
// encoding; any other value must be one of Names() or an alias such as
// "utf8", "gbk", "gb2312", "cp936" or "cp950". A forced encoding never fails
// on bad bytes: they become U+FFFD and their lines are listed in Replaced.
// Valid UTF-8 is not copied: the text may share data's memory, so data
// must not be modified while the text is in use.
func Decode(data []byte, encoding string) (Result, error) {
	enc, err := Canonical(encoding)
	if err != nil {
		return Result{}, err
	}
	if enc == Auto {
		return detect(data)
	}
	return forced(data, enc), nil
}

func forced(data []byte, enc string) Result {
	res := Result{Encoding: enc}
	switch enc {
	case UTF8:
		if bytes.HasPrefix(data, bomUTF8) {
			data, res.BOM = data[len(bomUTF8):], true
		}
		res.Text, res.Replaced = fromUTF8(data)
	case UTF16LE:
		if bytes.HasPrefix(data, bomUTF16LE) {
			data, res.BOM = data[2:], true
		}
		res.Text, res.Replaced, _ = fromUTF16(data, false)
	case UTF16BE:
		if bytes.HasPrefix(data, bomUTF16BE) {
			data, res.BOM = data[2:], true
		}
		res.Text, res.Replaced, _ = fromUTF16(data, true)
	case Big5:
		res.Text, res.Replaced = fromLegacy(data, traditionalchinese.Big5)
	case GB18030:
		res.Text, res.Replaced = fromLegacy(data, simplifiedchinese.GB18030)
	case CP1252:
		res.Text, res.Replaced = fromLegacy(data, charmap.Windows1252)
	}
	return res
}

// Thresholds for detection; see detect.
const (
	// mostlyUTF8MaxBad: invalid bytes may be at most 1/50 (2%) of the
	// non-ASCII runes for a file to still count as damaged UTF-8...
	mostlyUTF8MaxBad = 50
	// mostlyUTF8MinRunes: ...and it needs this many good multi-byte runes, or
	// the 2% says nothing.
	mostlyUTF8MinRunes = 20
	// fallbackMaxBad: text that is not Chinese may have up to 1/20 (5%)
	// invalid bytes and still be read as damaged UTF-8.
	fallbackMaxBad = 20
	// cp1252MaxHigh: a file whose bytes above ASCII are at most 1/10 of it,
	// and that is neither UTF-8 nor Chinese, is Windows-1252 text.
	cp1252MaxHigh = 10
	// sampleSize bounds the bytes decoded twice when guessing Big5 vs GB18030.
	sampleSize = 256 << 10
)

func detect(data []byte) (Result, error) {
	if len(data) == 0 {
		return Result{Encoding: UTF8}, nil
	}
	// 1. A BOM is a declaration; trust it.
	switch {
	case bytes.HasPrefix(data, bomUTF8):
		res := Result{Encoding: UTF8, BOM: true}
		res.Text, res.Replaced = fromUTF8(data[len(bomUTF8):])
		return res, nil
	case bytes.HasPrefix(data, bomUTF16LE):
		res := Result{Encoding: UTF16LE, BOM: true}
		res.Text, res.Replaced, _ = fromUTF16(data[2:], false)
		return res, nil
	case bytes.HasPrefix(data, bomUTF16BE):
		res := Result{Encoding: UTF16BE, BOM: true}
		res.Text, res.Replaced, _ = fromUTF16(data[2:], true)
		return res, nil
	}

	// 2. NUL bytes: either BOM-less UTF-16 or binary. Text in any of the
	// other encodings never contains NUL.
	if bytes.IndexByte(data, 0) >= 0 {
		orders, ev := looksUTF16(data)
		for _, be := range orders {
			// Judge a prefix first so that a large binary file is not
			// decoded in full just to be rejected.
			head := data[:min(len(data), sampleSize)&^1]
			text, _, st := fromUTF16(head, be)
			// With few NULs to go on, the text must also read as Chinese.
			if !st.plausible() || (ev == weakUTF16 && !scoreText([]byte(text)).plausible()) {
				continue
			}
			res := Result{Encoding: UTF16LE}
			if be {
				res.Encoding = UTF16BE
			}
			res.Text, res.Replaced, st = fromUTF16(data, be)
			if st.plausible() {
				return res, nil
			}
		}
		return Result{}, ErrBinary
	}

	// 3. Valid UTF-8: the common case, kept close to a memcpy.
	if text, ok := validText(data); ok {
		return Result{Text: text, Encoding: UTF8}, nil
	}

	// 4. UTF-8 with a few damaged bytes (counted one per invalid byte).
	st := scanUTF8(data)
	if st.controls*100 > len(data) {
		return Result{}, ErrBinary
	}
	if st.multi >= mostlyUTF8MinRunes && st.invalid*mostlyUTF8MaxBad <= st.multi+st.invalid {
		res := Result{Encoding: UTF8}
		res.Text, res.Replaced = sanitizeUTF8(data)
		return res, nil
	}

	// 5. Legacy Chinese: both decodings of a sample, ranked by evidence.
	if enc, decoded := guessLegacy(data); enc != "" {
		if decoded == nil {
			return forced(data, enc), nil
		}
		res := Result{Encoding: enc}
		res.Text, res.Replaced = finishLegacy(decoded)
		return res, nil
	}

	// 6. Nothing Chinese about it. Text that is almost all ASCII with some
	// bytes above it (curly quotes and "é" saved from Windows: an English
	// transcript in Windows-1252) reads as Windows-1252, where every such
	// byte is a character. Random bytes are mostly above ASCII, far past
	// this.
	// A file with valid UTF-8 characters in it is UTF-8 with a few bad
	// bytes, though: Windows-1252's high bytes almost never form them.
	if st.multi == 0 && nonASCII(data)*cp1252MaxHigh <= len(data) {
		return forced(data, CP1252), nil
	}
	// Otherwise text with a few stray bytes is still a text file: call it
	// damaged UTF-8 rather than binary.
	if st.invalid*fallbackMaxBad <= st.runes {
		res := Result{Encoding: UTF8}
		res.Text, res.Replaced = sanitizeUTF8(data)
		return res, nil
	}
	return Result{}, ErrBinary
}

// nonASCII counts the bytes above ASCII.
func nonASCII(data []byte) int {
	n := 0
	for _, b := range data {
		if b >= 0x80 {
			n++
		}
	}
	return n
}

var legacy = []struct {
	name string
	enc  encoding.Encoding
}{{GB18030, simplifiedchinese.GB18030}, {Big5, traditionalchinese.Big5}}

// guessLegacy decodes a sample of data as each legacy encoding and returns
// the most plausible one, or "" if none is. When the sample is all of data
// the winner's decoding is returned too, so that it is not done twice.
func guessLegacy(data []byte) (string, []byte) {
	sample := nonASCIISample(data, sampleSize)
	whole := len(sample) == len(data)
	best, bestScore, bestDecoded := "", score{}, []byte(nil)
	for _, c := range legacy {
		decoded := transformAll(sample, c.enc)
		sc := scoreText(decoded)
		if sc.plausible() && (best == "" || sc.better(bestScore)) {
			best, bestScore, bestDecoded = c.name, sc, decoded
		}
	}
	if !whole {
		bestDecoded = nil
	}
	return best, bestDecoded
}
