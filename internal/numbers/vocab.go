package numbers

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
		if len(w) == 0 || len(w) > maxVocabWord || lowerOf(w) != w || v.find(w) >= 0 {
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

func lowerOf(w string) string {
	b := []byte(w)
	for k, c := range b {
		if isUpper(c) {
			b[k] = c | 0x20
		}
	}
	return string(b)
}
