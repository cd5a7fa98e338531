package export

import (
	"io"
	"math"
	"strconv"
	"sync"
	"unicode/utf8"
	"unsafe"

	"github.com/transcript-cli/transcript/internal/model"
)

// The JSON of a transcript is written by hand rather than by reflection:
// encoding/json and an indenting pass over its output were a fifth of a
// conversion. The bytes are encoding/json's exactly (SetEscapeHTML(false),
// SetIndent("", "  ") or compact): the tests compare the two on the golden
// files, on a transcript with every field set, and in the fuzz target. A
// field added to the model needs its line here; TestJSONEncoderFields
// fails until it has one.

// jw appends JSON to b, indented by two spaces a level or compact, and
// spills b into out when it is full.
type jw struct {
	b      []byte
	indent bool
	depth  int
	// more[d] reports that the object or array open at depth d has a
	// member already, so the next needs a comma.
	more []bool
	out  io.Writer
	err  error // out's first error: later spills write nothing
}

// spill writes b out once it holds a chunk. Spilling after each
// paragraph, not only each turn, keeps b within its first size: a long turn
// with its sentence links was several times that, and growing b for it was
// a copy and a fresh allocation per file.
func (w *jw) spill() {
	if len(w.b) >= chunk {
		w.flush()
	}
}

func (w *jw) flush() {
	if w.err == nil {
		_, w.err = w.out.Write(w.b)
	}
	w.b = w.b[:0]
}

func (w *jw) nl() {
	if !w.indent {
		return
	}
	if n := 1 + 2*w.depth; n <= len(newlineIndent) {
		w.b = append(w.b, newlineIndent[:n]...)
		return
	}
	w.b = append(w.b, '\n')
	for range w.depth {
		w.b = append(w.b, ' ', ' ')
	}
}

// newlineIndent is a line break and the indent of the deepest levels a
// transcript has, and more.
const newlineIndent = "\n                                "

func (w *jw) open(c byte) {
	w.b = append(w.b, c)
	w.depth++
	if len(w.more) <= w.depth {
		w.more = append(w.more, make([]bool, w.depth+1-len(w.more))...)
	}
	w.more[w.depth] = false
}

// close ends the object or array open; an empty one stays "{}" or "[]".
func (w *jw) close(c byte) {
	had := w.more[w.depth]
	w.depth--
	if had {
		w.nl()
	}
	w.b = append(w.b, c)
}

// member starts the next member of the open object or array.
func (w *jw) member() {
	if w.more[w.depth] {
		w.b = append(w.b, ',')
	}
	w.more[w.depth] = true
	w.nl()
}

func (w *jw) key(k string) {
	w.member()
	w.b = append(w.b, '"')
	w.b = append(w.b, k...)
	w.b = append(w.b, '"', ':')
	if w.indent {
		w.b = append(w.b, ' ')
	}
}

func (w *jw) str(s string)             { w.b = appendJSONString(w.b, s) }
func (w *jw) int(n int)                { w.b = strconv.AppendInt(w.b, int64(n), 10) }
func (w *jw) null()                    { w.b = append(w.b, "null"...) }
func (w *jw) field(k, v string)        { w.key(k); w.str(v) }
func (w *jw) intField(k string, n int) { w.key(k); w.int(n) }

func (w *jw) strPtr(k string, v *string) { w.strPtrAs(k, v) }

// strPtrAs is strPtr, reporting whether *v was written as it stands.
func (w *jw) strPtrAs(k string, v *string) bool {
	w.key(k)
	if v == nil {
		w.null()
		return false
	}
	var asIs bool
	w.b, asIs = appendJSONStringAs(w.b, *v)
	return asIs
}

// partPtr is strPtr for a text that may lie inside *whole (see appendPart).
func (w *jw) partPtr(k string, v, whole *string, asIs bool) {
	w.key(k)
	switch {
	case v == nil:
		w.null()
	case whole == nil:
		w.str(*v)
	default:
		w.b = appendPart(w.b, *v, *whole, asIs)
	}
}

func (w *jw) intPtr(k string, v *int) {
	w.key(k)
	if v == nil {
		w.null()
		return
	}
	w.int(*v)
}

// array writes key k and vs as an array, each(&vs[i]) writing a member,
// or null for a nil slice, as encoding/json does.
func array[T any](w *jw, k string, vs []T, each func(*T)) {
	w.key(k)
	if vs == nil {
		w.null()
		return
	}
	w.open('[')
	for i := range vs {
		w.member()
		each(&vs[i])
	}
	w.close(']')
}

// objects is array for elements written as objects, fields(&vs[i])
// writing their members.
func objects[T any](w *jw, k string, vs []T, fields func(*T)) {
	array(w, k, vs, func(v *T) {
		w.open('{')
		fields(v)
		w.close('}')
	})
}

func (w *jw) strings(k string, vs []string) { array(w, k, vs, func(v *string) { w.str(*v) }) }
func (w *jw) ints(k string, vs []int)       { array(w, k, vs, func(v *int) { w.int(*v) }) }

// float writes f as encoding/json does: like ES6's number to string, %f
// between 1e-6 and 1e21, else an exponent without leading zeros.
func (w *jw) float(f float64) {
	abs := math.Abs(f)
	format := byte('f')
	if abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	start := len(w.b)
	w.b = strconv.AppendFloat(w.b, f, format, -1, 64)
	if format == 'e' {
		// "e-09" to "e-9".
		n := len(w.b)
		if n-start >= 4 && w.b[n-4] == 'e' && w.b[n-3] == '-' && w.b[n-2] == '0' {
			w.b[n-2] = w.b[n-1]
			w.b = w.b[:n-1]
		}
	}
}

// score writes a sentence link's score as float does. The aligner rounds
// scores to thousandths from 1/2 to 1, so their texts are few: they are
// formatted once (a score's formatting was a tenth of what --sentences
// added to writing JSON).
func (w *jw) score(f float64) {
	if k := int(math.Round(f * 1000)); k >= 0 && k <= 1000 && math.Float64bits(float64(k)/1000) == math.Float64bits(f) { // not -0
		w.b = append(w.b, thousandths()[k]...)
		return
	}
	w.float(f)
}

var thousandths = sync.OnceValue(func() []string {
	t := make([]string, 1001)
	var w jw
	for k := range t {
		w.b = w.b[:0]
		w.float(float64(k) / 1000)
		t[k] = string(w.b)
	}
	return t
})

const hexDigits = "0123456789abcdef"

// appendJSONString is encoding/json's string encoding without HTML
// escaping: quotes, backslashes and control characters escaped, invalid
// UTF-8 as \ufffd, U+2028 and U+2029 escaped.
func appendJSONString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				// English runs eight bytes at a time.
				for i+8 <= len(s) && plain8(s, i) {
					i += 8
				}
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '\\', '"':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
			}
			i++
			start = i
			continue
		}
		// Most of a translation is three-byte characters: pass valid ones
		// (not overlong, not surrogates, not U+2028/U+2029) without
		// decoding them.
		if c >= 0xE1 && c <= 0xEC && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 &&
			!(c == 0xE2 && s[i+1] == 0x80 && (s[i+2] == 0xA8 || s[i+2] == 0xA9)) {
			i += 3
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// appendJSONStringAs is appendJSONString, which also reports whether s was
// written as it stands (valid UTF-8 with nothing to escape): every escape
// is longer than what it stands for.
func appendJSONStringAs(b []byte, s string) (_ []byte, asIs bool) {
	n := len(b)
	b = appendJSONString(b, s)
	return b, len(b)-n == len(s)+2
}

// appendPart appends the JSON string of part, a text that may lie inside
// whole, which appendJSONStringAs wrote as it stands (asIs). A part of it
// from one rune to another needs no escaping either and is copied: the
// links of sentences are mostly such parts of their paragraph. (Only its
// ends are looked at: inside valid UTF-8 a continuation byte is no start.)
func appendPart(b []byte, part, whole string, asIs bool) []byte {
	off, in := offsetIn(part, whole)
	if !asIs || !in || part != "" && (continues(whole, off) || continues(whole, off+len(part))) {
		return appendJSONString(b, part)
	}
	b = append(b, '"')
	b = append(b, part...)
	return append(b, '"')
}

// offsetIn returns where the bytes of part start in those of whole, and
// whether they lie within them (as crypto/internal/alias compares slices).
func offsetIn(part, whole string) (int, bool) {
	p, w := uintptr(unsafe.Pointer(unsafe.StringData(part))), uintptr(unsafe.Pointer(unsafe.StringData(whole)))
	return int(p - w), p >= w && p+uintptr(len(part)) <= w+uintptr(len(whole))
}

// continues reports whether s has a continuation byte at i.
func continues(s string, i int) bool { return i < len(s) && s[i]&0xC0 == 0x80 }

// ---- the model ----

func (w *jw) source(s *model.Source) {
	w.key("source")
	w.open('{')
	w.field("path", s.Path)
	w.field("sha256", s.SHA256)
	w.intField("bytes", int(s.Bytes))
	w.field("encoding", s.Encoding)
	w.field("layout", s.Layout)
	w.field("container", s.Container)
	w.strPtr("speakers", s.Speakers)
	w.close('}')
}

func (w *jw) languages(l *model.Languages) {
	w.key("languages")
	w.open('{')
	w.field("original", l.Original)
	w.strPtr("translation", l.Translation)
	w.close('}')
}

func (w *jw) paragraphs(k string, ps []model.Paragraph) {
	array(w, k, ps, func(p *model.Paragraph) { w.paragraph(p); w.spill() })
}

func (w *jw) paragraph(p *model.Paragraph) {
	w.open('{')
	enAsIs, zhAsIs := w.strPtrAs("en", p.EN), w.strPtrAs("zh", p.ZH)
	w.field("status", p.Status)
	w.intField("line", p.Line)
	w.intPtr("en_line", p.ENLine)
	w.intPtr("zh_line", p.ZHLine)
	objects(w, "numbers", p.Numbers, func(n *model.NumberMatch) {
		w.field("en", n.EN)
		w.field("zh", n.ZH)
		w.key("value")
		w.float(n.Value)
		w.field("unit", n.Unit)
	})
	w.strPtr("time", p.Time)
	if len(p.Sentences) > 0 { // omitempty
		objects(w, "sentences", p.Sentences, func(l *model.SentenceLink) {
			w.partPtr("en", l.EN, p.EN, enAsIs)
			w.partPtr("zh", l.ZH, p.ZH, zhAsIs)
			w.key("score")
			w.score(l.Score)
		})
	}
	w.close('}')
}

// turn writes one turn as an array element.
func (w *jw) turn(t *model.Turn) {
	w.member()
	w.open('{')
	w.intField("index", t.Index)
	w.strPtr("header", t.Header)
	w.strPtr("header_zh", t.HeaderZH)
	w.strPtr("speaker", t.Speaker)
	w.strPtr("title", t.Title)
	w.strPtr("firm", t.Firm)
	w.intField("line", t.Line)
	w.paragraphs("paragraphs", t.Paragraphs)
	w.field("role", t.Role)
	w.strPtr("section", t.Section)
	w.intPtr("participant", t.Participant)
	w.close('}')
}

func (w *jw) lines(k string, ls []model.Line) {
	objects(w, k, ls, func(l *model.Line) {
		w.intField("line", l.Line)
		w.field("text", l.Text)
	})
}

// tail writes what follows the turns.
func (w *jw) tail(t *model.Transcript) {
	w.lines("unparsed", t.Unparsed)
	w.lines("headings", t.Headings)
	w.lines("markup", t.Markup)
	objects(w, "warnings", t.Warnings, func(x *model.Warning) {
		w.intField("line", x.Line)
		w.field("code", x.Code)
		w.field("severity", x.Severity)
		w.field("message", x.Message)
	})
	w.key("metadata")
	w.open('{')
	w.strPtr("company", t.Metadata.Company)
	w.strPtr("quarter", t.Metadata.Quarter)
	w.intPtr("fiscal_year", t.Metadata.FiscalYear)
	w.strPtr("date", t.Metadata.Date)
	w.close('}')
	objects(w, "participants", t.Participants, func(p *model.Participant) {
		w.field("name", p.Name)
		w.strPtr("title", p.Title)
		w.field("role", p.Role)
		w.strPtr("firm", p.Firm)
		w.ints("turns", p.Turns)
	})
	objects(w, "qa", t.QA, func(x *model.Exchange) {
		w.field("analyst", x.Analyst)
		w.strPtr("firm", x.Firm)
		w.intField("participant", x.Participant)
		w.intPtr("introduction", x.Introduction)
		w.ints("questions", x.Questions)
		w.ints("answers", x.Answers)
	})
}

// head writes the document up to and with the opening of its turns;
// nilTurns reports that the turns are null (and head wrote it).
func (w *jw) head(t *model.Transcript) (nilTurns bool) {
	w.open('{')
	w.intField("schema_version", t.SchemaVersion)
	w.source(&t.Source)
	w.languages(&t.Languages)
	w.strings("summary", t.Summary)
	w.strings("notices", t.Notices)
	w.paragraphs("preamble", t.Preamble)
	w.key("turns")
	if t.Turns == nil {
		w.null()
		return true
	}
	w.open('[')
	return false
}

// plain8 reports whether the eight bytes at s[i] are ASCII that JSON
// writes as they are: no control character, quote or backslash. Each test
// sets a byte's high bit where the byte may be one (a borrow can mark the
// byte after a real one too, which only sends it to the byte loop).
func plain8(s string, i int) bool {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	b := s[i : i+8]
	x := uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
		uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
	quote, backslash := x^(ones*'"'), x^(ones*'\\')
	m := x | (x - ones*0x20) | (quote-ones)&^quote | (backslash-ones)&^backslash
	return m&highs == 0
}
