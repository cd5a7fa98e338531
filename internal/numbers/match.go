package numbers

import "strings"

// The matchers through which the scanner reads its tables: vocab for
// words, wordList for the few words read before a figure, literals for
// signs and Chinese words at a position, and textutil.CJKSet for
// single Chinese characters. Each first asks a question that most
// positions of a paragraph fail in one test.

// maxVocabWord is the longest word of any vocabulary (“percentage”); a
// longer word is no word the scanner knows.
const maxVocabWord = 10

// vocab finds ASCII words, in any case, among a list of lower-case words.
//
// A look-up first tests the word's length with its first and last letters
// (pairs), which rejects nearly every other word of a paragraph in one
// test. A word of up to eight letters that passes is its lower-cased bytes
// packed into a uint64 (the first in the low byte, as load64 reads them),
// looked up in a small open-addressing hash table of packed words, without
// comparing strings; the scan loop packs a word straight from the eight
// bytes it has loaded. Longer words, a few of them, are compared in full.
type vocab struct {
	pairs letterPairs
	slots [vocabSlots]vocabSlot
	long  []int // indexes of the words longer than eight letters
	words []string
}

const vocabSlots = 256 // a power of two, several times the words

// vocabSlot is one slot of the table: a packed word and its index + 1, or
// zero when empty.
type vocabSlot struct {
	key uint64
	k   int32
}

func newVocab(words []string) vocab {
	v := vocab{words: words}
	for k, w := range words {
		if len(w) == 0 || len(w) > maxVocabWord || strings.ToLower(w) != w || v.find(w) >= 0 {
			panic("numbers: vocabulary word " + w)
		}
		v.pairs.add(w[0], w[len(w)-1], len(w))
		if len(w) > 8 {
			v.long = append(v.long, k)
			continue
		}
		h := hashKey(packLower(w))
		for v.slots[h].k != 0 {
			h = (h + 1) % vocabSlots
		}
		v.slots[h] = vocabSlot{packLower(w), int32(k + 1)}
	}
	return v
}

// find returns the index of the ASCII letters w in the list, or -1.
func (v *vocab) find(w string) int {
	n := len(w)
	if n == 0 || n > maxVocabWord || !v.pairs.has(w[0], w[n-1], n) {
		return -1
	}
	if n <= 8 {
		return v.lookup(packLower(w))
	}
	for _, k := range v.long {
		if lowerEq(w, v.words[k]) {
			return k
		}
	}
	return -1
}

// lookup returns the index of the word of up to eight letters packed in
// key, or -1.
func (v *vocab) lookup(key uint64) int {
	for h := hashKey(key); ; h = (h + 1) % vocabSlots {
		sl := &v.slots[h]
		if sl.key == key {
			return int(sl.k) - 1
		}
		if sl.k == 0 {
			return -1
		}
	}
}

// letterPairs is a set of (length, first letter, last letter) of ASCII
// words, in either case (the low five bits of a letter name it).
type letterPairs [maxVocabWord + 1][32]uint32

func (f *letterPairs) add(first, last byte, n int) { f[n][first&31] |= 1 << (last & 31) }

func (f *letterPairs) has(first, last byte, n int) bool { return f[n][first&31]>>(last&31)&1 != 0 }

// hashKey is Fibonacci hashing: the top bits of the key times 2^64/φ.
func hashKey(key uint64) uint64 { return key * 0x9E3779B97F4A7C15 >> 56 }

// packLower packs the ASCII letters w, up to eight, lower-cased.
func packLower(w string) uint64 {
	var key uint64
	for k := 0; k < len(w) && k < 8; k++ {
		key |= uint64(w[k]|0x20) << (8 * k)
	}
	return key
}

// packWord packs the first n < 8 bytes of x, ASCII letters, lower-cased:
// packLower of the word that load64 read.
func packWord(x uint64, n int) uint64 { return (x | 0x2020202020202020) & (1<<(8*n) - 1) }

// wordList is a short list of lower-case words read before a position
// ("negative 3", "Quarter 2"); the last letter of the word there is tested
// first, which most positions fail.
type wordList struct {
	words []string
	last  byteSet // the last letters, either case
}

func newWordList(words ...string) *wordList {
	l := &wordList{words: words}
	for _, w := range words {
		c := w[len(w)-1]
		l.last.add(c)
		l.last.add(c &^ 0x20)
	}
	return l
}

// before returns the ASCII word that ends at i, spaces skipped, when it is
// one of the list in any case, or "".
func (l *wordList) before(s string, i int) string {
	if e := backSpaces(s, i); e == 0 || !l.last.has(s[e-1]) {
		return ""
	}
	if w := wordBefore(s, i); oneOf(w, l.words) {
		return w
	}
	return ""
}

// literals is a list of strings to find at a position. Where none of them
// can match, which is most positions, two tests say so: the first byte
// (the last, for suffix), and then a hash of the first two bytes (last
// two), which tells apart the Chinese characters that share a first byte.
type literals struct {
	list         []string
	first, last  [256]bool // first and last bytes
	whole        byteSet   // bytes that are a literal by themselves
	heads, tails pairSet   // hashes of the first two and last two bytes
}

// byteSet is a set of bytes, one bit each.
type byteSet [8]uint32

func (b *byteSet) add(c byte)      { b[c>>5] |= 1 << (c & 31) }
func (b *byteSet) has(c byte) bool { return b[c>>5]>>(c&31)&1 != 0 }

// pairSet is a set of hashes of two bytes.
type pairSet [32]uint32

func pairHash(a, b byte) uint { return (uint(a)<<2 ^ uint(b)) & 1023 }

func (p *pairSet) add(a, b byte)      { h := pairHash(a, b); p[h>>5] |= 1 << (h & 31) }
func (p *pairSet) has(a, b byte) bool { h := pairHash(a, b); return p[h>>5]>>(h&31)&1 != 0 }

func newLiterals(list ...string) *literals {
	l := &literals{list: list}
	for _, p := range list {
		n := len(p)
		l.first[p[0]] = true
		l.last[p[n-1]] = true
		if n == 1 {
			l.whole.add(p[0])
			continue
		}
		l.heads.add(p[0], p[1])
		l.tails.add(p[n-2], p[n-1])
	}
	return l
}

// at returns the index in the list of the first string written at i, or
// -1.
func (l *literals) at(s string, i int) int {
	if uint(i) >= uint(len(s)) || !l.first[s[i]] {
		return -1 // most positions, in a test that inlines
	}
	return l.find(s, i)
}

func (l *literals) find(s string, i int) int {
	if !l.whole.has(s[i]) && (i+1 == len(s) || !l.heads.has(s[i], s[i+1])) {
		return -1
	}
	for k, p := range l.list {
		if len(s)-i >= len(p) && s[i:i+len(p)] == p {
			return k
		}
	}
	return -1
}

// prefix returns the length of the first string written at i, or 0.
func (l *literals) prefix(s string, i int) int {
	if uint(i) >= uint(len(s)) || !l.first[s[i]] {
		return 0
	}
	return l.findLen(s, i)
}

// findLen is find's length, or 0; out of line, so that prefix inlines.
//
//go:noinline
func (l *literals) findLen(s string, i int) int {
	if k := l.find(s, i); k >= 0 {
		return len(l.list[k])
	}
	return 0
}

// suffix returns the length of the first string written just before i,
// or 0.
func (l *literals) suffix(s string, i int) int {
	if uint(i-1) >= uint(len(s)) || !l.last[s[i-1]] {
		return 0 // most positions, in a test that inlines
	}
	return l.findBefore(s, i)
}

//go:noinline
func (l *literals) findBefore(s string, i int) int {
	if !l.whole.has(s[i-1]) && (i == 1 || !l.tails.has(s[i-2], s[i-1])) {
		return 0
	}
	for _, p := range l.list {
		if i >= len(p) && s[i-len(p):i] == p {
			return len(p)
		}
	}
	return 0
}
