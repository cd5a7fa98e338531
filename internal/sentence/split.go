package sentence

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/transcript-cli/transcript/internal/textutil"
)

// span is a sentence as the byte offsets [start, end) of its text in the
// paragraph, white space around it excluded.
type span struct{ start, end int }

// SplitEnglish cuts an English paragraph into its sentences, as they stand
// in it (white space between them dropped). Invalid UTF-8 is replaced with
// U+FFFD first. See the package documentation for the rules.
func SplitEnglish(s string) []string {
	s = valid(s)
	return texts(s, split(s, false))
}

// SplitChinese cuts a Chinese paragraph into its sentences, as SplitEnglish
// does.
func SplitChinese(s string) []string {
	s = valid(s)
	return texts(s, split(s, true))
}

func valid(s string) string {
	if validUTF8(s) {
		return s
	}
	return strings.ToValidUTF8(s, "\uFFFD")
}

// validUTF8 is utf8.ValidString, quicker on Chinese: a three-byte rune
// whose leading byte admits any continuation bytes (all but E0 and ED) is
// passed by a look at their top bits; ASCII goes eight bytes at a time
// after an ASCII byte, as in ValidString.
func validUTF8(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c < utf8.RuneSelf:
			i++
			for i+8 <= len(s) && textutil.Word(s[i:i+8])&0x8080808080808080 == 0 {
				i += 8
			}
		case 0xE1 <= c && c <= 0xEF && c != 0xED && i+3 <= len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80:
			i += 3
			// Chinese comes in runs of such runes: two at a time.
			for i+8 <= len(s) {
				w := textutil.Word(s[i : i+8])
				l0, l1 := byte(w), byte(w>>24)
				if w&0xC0C0F0C0C0F0 != 0x8080E08080E0 || l0 == 0xE0 || l0 == 0xED || l1 == 0xE0 || l1 == 0xED {
					break
				}
				i += 6
			}
		default:
			r, n := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && n == 1 {
				return false
			}
			i += n
		}
	}
	return true
}

func texts(s string, spans []span) []string {
	out := make([]string, len(spans))
	for i, sp := range spans {
		out[i] = s[sp.start:sp.end]
	}
	return out
}

// maxAside bounds, in bytes, a bracketed aside inside which no sentence
// ends: a translator's note with a link runs to a few hundred bytes, and a
// stray bracket must not swallow the rest of a long paragraph.
const maxAside = 600

// splitter is the state of one pass over a paragraph. Its tables are
// reused from one paragraph to the next (the workspace keeps one).
type splitter struct {
	s  string
	zh bool
	// groups are the bracketed groups no longer than maxAside, by
	// opening offset, found at the first opener met (grouped): most
	// paragraphs have none, and need no pass to find that out.
	groups  []group
	grouped bool
	stack   []int // for bracketGroupsInto
}

// split cuts s (valid UTF-8) into sentence spans in one pass.
func split(s string, zh bool) []span {
	var sp splitter
	return sp.split(nil, s, zh)
}

// split is split appending to out.
func (sp *splitter) split(out []span, s string, zh bool) []span {
	sp.s, sp.zh, sp.groups, sp.grouped = s, zh, sp.groups[:0], false
	start := skipSpace(s, 0)
	quotes := 0 // ASCII double quotes seen: odd while one is open
	for i := start; i < len(s); {
		i = scan(s, i, &splitBytes) // most runes: no stop, quote or bracket
		if i == len(s) {
			break
		}
		if s[i] >= utf8.RuneSelf && !splitRune(s[i:]) {
			i += 3 // ， 、 ’ “ and the like
			continue
		}
		if end, ok := sp.groupAt(i); ok {
			i = end // no sentence ends inside an aside
			continue
		}
		r, n := decodeRune(s[i:])
		if r == '"' && !(quotes%2 == 1 && opensAfterColon(s, i)) {
			quotes++
		}
		if !sp.terminator(i, r, n) {
			i += n
			continue
		}
		end, next, ok := sp.boundary(i, &quotes)
		if ok {
			// start is past white space: the start of s, or a next.
			if e := trimEnd(s, start, end); e > start {
				out = append(out, span{start, e})
			}
			start = next
		}
		i = max(next, i+n)
	}
	if e := trimEnd(s, start, len(s)); e > start {
		out = append(out, span{start, e})
	}
	return out
}

// scan returns the offset of the first byte of s from i on that set holds,
// or len(s). set holds ASCII bytes and leading bytes only, which in valid
// UTF-8 start a rune wherever they are: so the bytes are looked up eight
// at a time, with no decoding and one branch.
func scan(s string, i int, set *[256]uint8) int {
	for ; i+8 <= len(s); i += 8 {
		b := s[i : i+8]
		if set[b[0]]|set[b[1]]|set[b[2]]|set[b[3]]|set[b[4]]|set[b[5]]|set[b[6]]|set[b[7]] != 0 {
			break
		}
	}
	for ; i < len(s); i++ {
		if set[s[i]] != 0 {
			return i
		}
	}
	return i
}

// splitBytes are the bytes at which split looks closer: the stops, the ASCII
// double quote and the openers of asides, and the leading bytes of the
// three-byte runes among them (…, 。 【, ！ ？ ． ｡ （). No other rune starts
// with one of these, so the rest of the text is passed over without
// decoding.
var splitBytes = byteSet(".?!\"([", 0xE2, 0xE3, 0xEF)

// splitRune reports whether the three-byte rune s starts with (its first
// byte one of splitBytes) is one split looks at: 。 【 ！ ？ ． （ ｡ ….
func splitRune(s string) bool {
	if len(s) < 3 {
		return true // let the decoder see it
	}
	switch uint32(s[0])<<16 | uint32(s[1])<<8 | uint32(s[2]) {
	case 0xE38082, 0xE38090, 0xEFBC81, 0xEFBC9F, 0xEFBC8E, 0xEFBC88, 0xEFBDA1, 0xE280A6:
		return true // 。 【 ！ ？ ． （ ｡ …
	}
	return false
}

// bracketBytes are the bytes that may start a bracket: ( ) [ ], and the
// leading bytes of 【 】 and （ ）.
var bracketBytes = byteSet("()[]", 0xE3, 0xEF)

// skip is how far to move past a byte c that starts no rune of interest: a
// three- or four-byte rune at once (most of Chinese), else one byte (a
// continuation byte of a two-byte rune is of no interest either). The text
// is valid UTF-8: valid sees to it. Branches rather than a table, so that
// the next load does not wait on this one.
func skip(c byte) int {
	switch {
	case c < 0xE0:
		return 1
	case c < 0xF0:
		return 3
	}
	return 4
}

// byteSet is a table of the bytes given, 1 for each, for scan.
func byteSet(ascii string, lead ...byte) (t [256]uint8) {
	for i := 0; i < len(ascii); i++ {
		t[ascii[i]] = 1
	}
	for _, c := range lead {
		t[c] = 1
	}
	return t
}

// group is a bracketed group: the offsets of its opening bracket and just
// after its closing one.
type group struct{ open, end int }

// bracketGroups finds the bracketed groups of s, ( ) [ ] （ ） 【 】 alike,
// that close within maxAside bytes. They are sorted by opening.
func bracketGroups(s string) []group {
	var sp splitter
	return sp.bracketGroupsInto(nil, s)
}

// bracketGroupsInto is bracketGroups appending to out, in one pass with a
// stack that forgets openers too far behind to close in time.
func (sp *splitter) bracketGroupsInto(out []group, s string) []group {
	start := len(out)
	stack := sp.stack[:0]
	for i := scan(s, 0, &bracketBytes); i < len(s); i = scan(s, i, &bracketBytes) {
		// The bottom of the stack is the oldest opener; once it is out of
		// reach it can go. (Checked at brackets only: an opener out of
		// reach can form no group, whenever it goes.)
		for len(stack) > 0 && i-stack[0] > maxAside {
			stack = stack[1:]
		}
		r, n := decodeRune(s[i:])
		switch r {
		case '(', '[', '（', '【':
			stack = append(stack, i)
		case ')', ']', '）', '】':
			if len(stack) > 0 {
				open := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				if i+n-open <= maxAside {
					out = append(out, group{open, i + n})
				}
			}
		}
		i += n
	}
	sp.stack = stack[:0]
	// Found as they close, inner ones first. No two open at one offset.
	slices.SortFunc(out[start:], func(a, b group) int { return a.open - b.open })
	return out
}

// groupAt returns the end of the group opening at i. The groups are found
// when the first opener is met: a paragraph with no bracket (most) needs no
// pass over it for them.
func (sp *splitter) groupAt(i int) (int, bool) {
	if !isOpener(sp.s[i:]) {
		return 0, false
	}
	if !sp.grouped {
		sp.groups, sp.grouped = sp.bracketGroupsInto(sp.groups[:0], sp.s), true
	}
	k, found := slices.BinarySearchFunc(sp.groups, i, func(g group, i int) int { return g.open - i })
	if found {
		return sp.groups[k].end, true
	}
	return 0, false
}

// isOpener reports whether s starts with an opening bracket.
func isOpener(s string) bool {
	switch {
	case s == "":
		return false
	case s[0] == '(' || s[0] == '[':
		return true
	}
	return strings.HasPrefix(s, "（") || strings.HasPrefix(s, "【")
}

// terminator reports whether the rune r at i can end a sentence.
func (sp *splitter) terminator(i int, r rune, n int) bool {
	if r == '.' || r == '．' {
		// Not the point of a decimal: 1.5%, $1.344, 5.7%.
		s := sp.s
		return !(i > 0 && isDigit(s[i-1]) && i+n < len(s) && isDigit(s[i+n]))
	}
	return stop(r)
}

// stop reports the runes that may end a sentence.
func stop(r rune) bool {
	switch r {
	case '.', '．', '。', '！', '？', '｡', '?', '!', '…':
		return true
	}
	return false
}

// boundary decides whether the terminator at i ends a sentence. It returns
// the end of the sentence (after the stops, closing quotes and an aside
// that belong to it) and where the next one starts.
func (sp *splitter) boundary(i int, quotes *int) (end, next int, ok bool) {
	s := sp.s
	// The run of stops: "?!", "...", "。」".
	j := i
	dots, hard := 0, false
	for j < len(s) {
		r, n := decodeRune(s[j:])
		switch r {
		case '.', '．':
			dots++
		case '…':
			dots += 3
		case '。', '！', '？', '｡':
			hard = true
		case '?', '!':
		default:
			goto closers
		}
		j += n
	}
closers:
	stop := s[i:j]
	j = sp.closers(j, quotes)
	// An aside right after the stop belongs to the sentence before it: a
	// translator's note （译者注：…）, (Laughter), (操作員指示).
	next = skipSpace(s, j)
	if next < len(s) {
		if e, ok := sp.groupAt(next); ok {
			j = e
			// and the stop some put after it: "(Applause)."
			for j < len(s) {
				r, n := decodeRune(s[j:])
				if !strings.ContainsRune(".。!?！？", r) {
					break
				}
				j += n
			}
			j = sp.closers(j, quotes)
			next = skipSpace(s, j)
		}
	}
	if next >= len(s) {
		return j, next, true
	}
	if hard {
		return j, next, true // 。！？ always end a sentence
	}
	ellipsis := dots > 1
	single := stop == "." || stop == "．"
	if sp.zh {
		return j, next, sp.chineseEnd(i, j, next, ellipsis, single)
	}
	return j, next, sp.englishEnd(i, j, next, ellipsis, single)
}

// opensAfterColon reports whether the ASCII double quote at i follows a
// colon and opens a quote there (他说："…", said: "…"): it does then, even
// when the count says one is open already, as when a translator left the
// one before unclosed; the count starts over from it. A quote that a
// space, a stop, a closer or the end follows closes one ("注意："。,
// "Note:" We), whatever comes before it.
func opensAfterColon(s string, i int) bool {
	if i+1 >= len(s) {
		return false
	}
	if r, _ := decodeRune(s[i+1:]); isSpace(r) || r == '"' || closer(r) || stop(r) {
		return false
	}
	for i > 0 && s[i-1] == ' ' {
		i--
	}
	return i > 0 && s[i-1] == ':' || strings.HasSuffix(s[:i], "：")
}

// closers skips the closing quotes and brackets after a stop. An ASCII
// double quote closes only while one is open, so that in 。"下一句" it
// opens the next sentence.
func (sp *splitter) closers(j int, quotes *int) int {
	s := sp.s
	for j < len(s) {
		r, n := decodeRune(s[j:])
		switch r {
		case '"':
			if *quotes%2 == 0 {
				return j
			}
			*quotes++
		default:
			if !closer(r) {
				return j
			}
		}
		j += n
	}
	return j
}

// closer reports the closing quotes and brackets (but the ASCII double
// quote, which closes or opens by the count).
func closer(r rune) bool {
	switch r {
	case '”', '’', '\'', '»', '」', '』', ')', ']', '）', '】', '》':
		return true
	}
	return false
}

// englishEnd decides a stop in English (or in Latin text inside Chinese):
// i is the stop, j the end of what belongs to it, next the first rune
// after the space.
func (sp *splitter) englishEnd(i, j, next int, ellipsis, single bool) bool {
	s := sp.s
	r, _ := decodeRune(s[next:])
	if next == j {
		// No space: "quarter.Our", "growth?Is", but not "Amazon.com",
		// "U.S", "1.5", "a.m".
		return missingSpace(s, i, j)
	}
	switch {
	case unicode.IsLower(r):
		// "approx. half", "trying to... shift", "Inc. is", "U.S. and"
		// go on; "iPhone" starts a sentence, and so does a word after
		// a full stop that closes a plain word: "and stuff. it's not
		// going to pay" (transcripts drop the capital; on the corpus
		// every such stop ended a sentence).
		if single && !ellipsis && plainWordBefore(s, i) {
			return true
		}
		return lowerUpper(s, next)
	case !startsSentence(r):
		return false // "etc., and", "Inc.;"
	}
	if ellipsis || !single {
		return true
	}
	return !abbreviation(s, i, next)
}

// chineseEnd decides an ASCII stop in Chinese: after Chinese it ends the
// sentence as 。 does; after Latin text (a name, an untranslated English
// sentence) the English rules apply. An ellipsis does not end a Chinese
// sentence: the translations use it for a pause (试图...更加转向).
func (sp *splitter) chineseEnd(i, j, next int, ellipsis, single bool) bool {
	s := sp.s
	if ellipsis {
		return false
	}
	prev, _ := decodeLastRune(s[:i])
	if prev < utf8.RuneSelf && (unicode.IsLetter(prev) || isDigit(byte(prev))) {
		if r, _ := decodeRune(s[next:]); textutil.IsHan(r) && single {
			// "Figma, Inc. 的", but "Make is growing.我只是".
			return !abbreviation(s, i, next)
		}
		return sp.englishEnd(i, j, next, ellipsis, single)
	}
	r, _ := decodeRune(s[next:])
	return !(r == ',' || r == '，' || unicode.IsLower(r) && r < utf8.RuneSelf)
}

// missingSpace reports whether a stop glued to the next word ends a
// sentence: a word of two or more letters, the stop, then a capitalised
// word ("quarter.Our", "two.I'll"); or ? and ! before a capital.
func missingSpace(s string, i, j int) bool {
	r, n := decodeRune(s[j:])
	if textutil.IsHan(r) {
		return true
	}
	if !unicode.IsUpper(r) {
		return false
	}
	if s[i] == '?' || s[i] == '!' {
		return true
	}
	r2, _ := decodeRune(s[j+n:])
	if !unicode.IsLower(r2) && r2 != '\'' && r2 != '’' && !(r == 'I' && !unicode.IsLetter(r2)) {
		return false // "Node.JS"
	}
	return plainWordBefore(s, i)
}

// plainWordBefore reports whether the stop at i closes a word of two
// letters or more that is no abbreviation and no initials.
func plainWordBefore(s string, i int) bool {
	w := wordBefore(s, i)
	return len(w) >= 2 && !strings.Contains(w, ".") && abbrevKind(w) == 0
}

// lowerUpper reports a word such as iPhone or eBay at i.
func lowerUpper(s string, i int) bool {
	_, n := decodeRune(s[i:])
	r, _ := decodeRune(s[i+n:])
	return unicode.IsUpper(r)
}

// startsSentence reports whether r may open a sentence: a capital, a digit,
// an opening quote or bracket, a currency sign, a Han character.
func startsSentence(r rune) bool {
	switch {
	case unicode.IsUpper(r), unicode.IsDigit(r), textutil.IsHan(r):
		return true
	}
	return strings.ContainsRune("\"'“‘([（【「『$€£¥#¿¡", r)
}

// abbreviation reports whether the single "." at i closes an abbreviation
// rather than the sentence, given the word that follows at next. See the
// tables in abbrev.go.
func abbreviation(s string, i, next int) bool {
	w := wordBefore(s, i)
	if w == "" {
		return false // "in 2023. Our", "(PH). I"
	}
	nextWord := leadingWord(s, next)
	digit := next < len(s) && isDigit(s[next])
	kind := abbrevKind(w)
	switch {
	case kind == kindNeverFinal:
		return true // "Mr. Buffett", "e.g. Azure", "approx. 5"
	case kind == kindBeforeNumber:
		return digit // "No. 1", "Apr. 29"; but "No. I appreciate"
	case kind == kindMaybeFinal || isInitials(w):
		// "Figma, Inc. is" never reaches here (lower case); "Inc. And",
		// "U.S. We" end the sentence, "U.S. Prime", "Brian T. Olsavsky"
		// do not.
		return !sentenceStarters[nextWord]
	}
	return false
}

// isInitials reports a single capital ("T") or dotted letters ("U.S",
// "a.m", "J.P").
func isInitials(w string) bool {
	if len(w) == 1 {
		return isUpperByte(w[0])
	}
	if !strings.Contains(w, ".") {
		return false
	}
	for _, part := range strings.Split(w, ".") {
		if len(part) != 1 || !textutil.ASCIILetter(part[0]) {
			return false
		}
	}
	return true
}

// wordBefore returns the ASCII word ending at i, with the dots inside it
// ("U.S", "e.g").
func wordBefore(s string, i int) string {
	b := i
	for b > 0 && (textutil.ASCIILetter(s[b-1]) || s[b-1] == '.' && b-1 > 0 && textutil.ASCIILetter(s[b-2])) {
		b--
	}
	return s[b:i]
}

// leadingWord returns the ASCII letters at i ("We" of "We're").
func leadingWord(s string, i int) string {
	e := i
	for e < len(s) && textutil.ASCIILetter(s[e]) {
		e++
	}
	return s[i:e]
}

func skipSpace(s string, i int) int {
	for i < len(s) {
		if c := s[i]; c < utf8.RuneSelf {
			if asciiSpace[c] == 0 {
				return i
			}
			i++
			continue
		}
		r, n := decodeRune(s[i:])
		if !isSpace(r) {
			return i
		}
		i += n
	}
	return i
}

// trimEnd returns b less the white space that ends s[a:b].
func trimEnd(s string, a, b int) int {
	for b > a {
		if c := s[b-1]; c < utf8.RuneSelf {
			if asciiSpace[c] == 0 {
				break
			}
			b--
			continue
		}
		r, n := decodeLastRune(s[a:b])
		if !isSpace(r) {
			break
		}
		b -= n
	}
	return b
}

// asciiSpace are the ASCII bytes isSpace holds.
var asciiSpace = byteSet("\t\n\v\f\r ")

func isSpace(r rune) bool {
	if r > 0x3000 && r != '\uFEFF' {
		return false // most of Chinese: no need for the table
	}
	return unicode.IsSpace(r) || r == '\u3000' || r == '\uFEFF' || r == '\u200B'
}

func isDigit(c byte) bool     { return '0' <= c && c <= '9' }
func isUpperByte(c byte) bool { return 'A' <= c && c <= 'Z' }

// decodeRune is utf8.DecodeRuneInString with the three-byte runes (Chinese,
// and the punctuation of both sides) decoded here, which the library does
// in its slow path. The splitter's text is valid UTF-8 (see AlignValid: on
// other text a rune may come out wrong, never past the end).
func decodeRune(s string) (rune, int) {
	if len(s) >= 3 && s[0]&0xF0 == 0xE0 {
		return rune(s[0]&0x0F)<<12 | rune(s[1]&0x3F)<<6 | rune(s[2]&0x3F), 3
	}
	return utf8.DecodeRuneInString(s)
}

// decodeLastRune is utf8.DecodeLastRuneInString the same way.
func decodeLastRune(s string) (rune, int) {
	if n := len(s); n >= 3 && s[n-3]&0xF0 == 0xE0 {
		return rune(s[n-3]&0x0F)<<12 | rune(s[n-2]&0x3F)<<6 | rune(s[n-1]&0x3F), 3
	}
	return utf8.DecodeLastRuneInString(s)
}
