package numbers

// maxVocabWord is the longest word of any vocabulary (“percentage”); a
// longer word is no word the scanner knows.
const maxVocabWord = 10

// vocab finds ASCII words, in any case, among a list of lower-case words.
// A look-up first tests the word's length with its first and last letters,
// which passes over nearly every other word of a paragraph in one test,
// and only then compares it with the words of its length.
type vocab struct {
	pairs letterPairs
	byLen [maxVocabWord + 1][]int
	words []string
}

func newVocab(words []string) *vocab {
	v := &vocab{words: words}
	for k, w := range words {
		if len(w) == 0 || len(w) > maxVocabWord || lowerOf(w) != w {
			panic("numbers: vocabulary word " + w)
		}
		v.pairs.add(w[0], w[len(w)-1], len(w))
		v.byLen[len(w)] = append(v.byLen[len(w)], k)
	}
	return v
}

// find returns the index of w in the list, or -1.
func (v *vocab) find(w string) int {
	if !v.mayHave(w) {
		return -1
	}
	for _, k := range v.byLen[len(w)] {
		if lowerEq(w, v.words[k]) {
			return k
		}
	}
	return -1
}

// mayHave is find's first test, inlined where words are scanned.
func (v *vocab) mayHave(w string) bool {
	n := len(w)
	return n > 0 && n <= maxVocabWord && v.pairs.has(w[0], w[n-1], n)
}

// letterPairs is a set of (length, first letter, last letter) of ASCII
// words, in either case (the low five bits of a letter name it).
type letterPairs [maxVocabWord + 1][32]uint32

func (f *letterPairs) add(first, last byte, n int) { f[n][first&31] |= 1 << (last & 31) }

func (f *letterPairs) has(first, last byte, n int) bool { return f[n][first&31]>>(last&31)&1 != 0 }

func lowerOf(w string) string {
	b := []byte(w)
	for k, c := range b {
		if isUpper(c) {
			b[k] = c | 0x20
		}
	}
	return string(b)
}
