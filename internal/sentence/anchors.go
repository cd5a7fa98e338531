package sentence

import (
	"math"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/transcript-cli/transcript/internal/numbers"
	"github.com/transcript-cli/transcript/internal/textutil"
)

// Anchors are what a sentence and its translation share whatever the
// wording: figures, names and tickers left in Latin letters, question marks,
// quotations. Each anchor of a sentence knows the sentences of the other
// side that hold its match; a link that leaves an anchor's matches all
// outside it pays the anchor's weight (in nats), so that the alignment keeps
// "$134.4 billion" with "1,344 億美元" and "AWS" with "AWS".
//
// An anchor with no match on the other side says nothing: translations drop
// figures and turn questions into statements. (Nor does one whose matches
// all lie outside the band: every alignment would pay it once.)

// Weights of the anchors, in nats (a weight of 3 makes the link e^3 = 20
// times less likely). A written figure is the surest sign, one that
// numbers reads as a spelled-out number weak (the year '23 is 2023 or 23,
// a clock time 5 点 30 分); a Latin word is a name or a term the
// translation kept; punctuation is the weakest.
const (
	weightNumber     = 3.0
	weightWordNumber = 1.0
	weightToken      = 1.5
	weightQuestion   = 1.5
	weightQuote      = 0.8
	// A foreign name, transliterated in the Chinese (查理·芒格) and
	// capitalised in the English (Charlie Munger), weakly: place names
	// (New York, Battery Park) look like names in English and are not
	// written with the dot in Chinese. On the development gold any weight
	// from 0.3 to 3 gives the same links (three more right ones); above
	// 0.5, place names start to move links on the corpus.
	weightName = 0.3
)

// Bounds that keep the anchors linear in the text: numbers per sentence,
// and candidates compared per number (nearest sentences first).
const (
	maxNumbers    = 8
	maxCandidates = 32
)

type anchor struct {
	weight   float64
	partners []int32 // sorted sentences of the other side holding a match
}

// anchorSet holds the anchors of one side's sentences, all in one slice:
// sentence i's are list[at[i]:at[i+1]].
type anchorSet struct {
	list []anchor
	at   []int32
}

// of returns the anchors of sentences [a, b).
func (s anchorSet) of(a, b int) []anchor {
	if len(s.list) == 0 {
		return nil // none, or not computed (the fast path)
	}
	return s.list[s.at[a]:s.at[b]]
}

// Anchor keys. A Latin word is the FNV-1a hash of its lower-cased bytes
// with the top bit set; punctuation has small keys of its own.
const (
	keyQuestion uint64 = 1
	keyQuote    uint64 = 2
	keyName     uint64 = 3
	keyWord     uint64 = 1 << 63
)

func keyWeight(k uint64) float64 {
	switch k {
	case keyQuestion:
		return weightQuestion
	case keyQuote:
		return weightQuote
	case keyName:
		return weightName
	}
	return weightToken
}

// keyed is an anchor key found in a sentence.
type keyed struct {
	key  uint64
	sent int32
}

func compareKeyed(a, b keyed) int {
	switch {
	case a.key < b.key:
		return -1
	case a.key > b.key:
		return 1
	}
	return int(a.sent) - int(b.sent)
}

// sortedUnique sorts keys by key, then sentence, and drops repeats.
func sortedUnique(ks []keyed) []keyed {
	slices.SortFunc(ks, compareKeyed)
	return slices.Compact(ks)
}

// bounded is one anchor being built: its sentence and the anchor.
type bounded struct {
	sent int32
	anchor
}

// anchors computes the anchors of every sentence of both sides. The band b
// gives, for a sentence of one side, the range of the other side's
// sentences it may be linked with, so that a word repeated all over a long
// paragraph does not make every anchor quadratic.
func anchors(en, zh string, es, zs []span, b band) (enA, zhA anchorSet) {
	// Keys of the Chinese first: English words matter only if the Chinese
	// kept them, and most Chinese keeps none.
	var zk []keyed
	var filter wordFilter
	words := false
	names := false
	for j, sp := range zs {
		var w bool
		t := zh[sp.start:sp.end]
		zk, w = appendKeys(zk, t, int32(j), keyScan{words: true, filter: &filter})
		words = words || w
		if transliteratedName(t) {
			zk = append(zk, keyed{keyName, int32(j)})
			names = true
		}
	}
	zk = sortedUnique(zk)
	var ek []keyed
	if len(zk) > 0 {
		ks := keyScan{words: words, present: keySet(zk), filter: &filter}
		for i, sp := range es {
			t := en[sp.start:sp.end]
			ek, _ = appendKeys(ek, t, int32(i), ks)
			if names && fullName(t) {
				ek = append(ek, keyed{keyName, int32(i)})
			}
		}
		ek = sortedUnique(ek)
	}

	var ea, za []bounded
	// A key's anchors: each sentence holding it, with the other side's
	// sentences holding it within its window.
	for _, mine := range []struct {
		ks, theirs []keyed
		out        *[]bounded
		window     func(int) (int, int)
	}{{ek, zk, &ea, b.zhWindow}, {zk, ek, &za, b.enWindow}} {
		t := 0
		for k := 0; k < len(mine.ks); {
			key := mine.ks[k].key
			e := k
			for e < len(mine.ks) && mine.ks[e].key == key {
				e++
			}
			for t < len(mine.theirs) && mine.theirs[t].key < key {
				t++
			}
			u := t
			for u < len(mine.theirs) && mine.theirs[u].key == key {
				u++
			}
			if u > t {
				group := mine.theirs[t:u]
				for _, x := range mine.ks[k:e] {
					lo, hi := mine.window(int(x.sent))
					if ps := within(group, lo, hi); len(ps) > 0 {
						*mine.out = append(*mine.out, bounded{x.sent, anchor{keyWeight(key), ps}})
					}
				}
			}
			k = e
		}
	}

	// Figures, by the rule of package numbers (rounding included), among
	// the other side's figures of similar size. Numbers written with
	// digits, and spelled-out ones of a thousand and more ("well over a
	// billion dollars", 超过 10 亿美元): a small spelled-out one ("a",
	// "one of", 一個) is too common a word to anchor a sentence, and on the
	// corpus it glued sentences that the lengths kept apart (three
	// machine-translated paragraphs).
	// One side without figures makes the other side's needless.
	if zhN := sentenceNumbers(zh, zs, true); zhN != nil {
		if enN := sentenceNumbers(en, es, false); enN != nil {
			ea = numberAnchors(ea, enN, zhN, b.zhWindow)
			za = numberAnchors(za, zhN, enN, b.enWindow)
		}
	}
	return bucket(ea, len(es)), bucket(za, len(zs))
}

// keySet returns the distinct keys of sorted ks.
func keySet(ks []keyed) []uint64 {
	var out []uint64
	for _, k := range ks {
		if len(out) == 0 || out[len(out)-1] != k.key {
			out = append(out, k.key)
		}
	}
	return out
}

// keyScan says what appendKeys looks for. With words, Latin words of two
// to 40 letters and digits, at least one a letter ("aws", "q4", "jason"),
// and not a stop word: with present nil all of them, recorded in filter;
// with present, only those whose keys it holds (sorted), which filter
// tells most words apart from without hashing them.
type keyScan struct {
	words   bool
	present []uint64
	filter  *wordFilter
}

// wordFilter has bit n of entry c set when a word of n bytes starting
// with byte c (lower-cased) was recorded.
type wordFilter [128]uint64

// appendKeys appends the anchor keys of sentence k, text s: whether it asks
// a question, whether it quotes, and its words as ks says. It reports
// whether it found a word. Repeats are left for sortedUnique.
func appendKeys(out []keyed, s string, k int32, ks keyScan) ([]keyed, bool) {
	found := false
	for i := 0; i < len(s); {
		c := s[i]
		if ks.words && textutil.ASCIIAlnum(c) {
			j, letters := i, false
			for j < len(s) && textutil.ASCIIAlnum(s[j]) {
				letters = letters || textutil.ASCIILetter(s[j])
				j++
			}
			n, first := j-i, c|0x20
			if letters && n >= 2 && n <= 40 &&
				(ks.present == nil || ks.filter[first]&(1<<n) != 0) && !stopWord(s[i:j]) {
				key := wordKey(s[i:j])
				if ks.present == nil {
					ks.filter[first] |= 1 << n
					out = append(out, keyed{key, k})
					found = true
				} else if has(ks.present, key) {
					out = append(out, keyed{key, k})
					found = true
				}
			}
			i = j
			continue
		}
		switch c {
		case '?':
			out = append(out, keyed{keyQuestion, k})
		case '"':
			out = append(out, keyed{keyQuote, k})
		case 0xE2, 0xE3, 0xEF:
			// “ ” (E2 80 9C/9D), 「 」 『 』 (E3 80 8C-8F), ？ (EF BC 9F).
			if i+3 <= len(s) {
				switch s[i : i+3] {
				case "？":
					out = append(out, keyed{keyQuestion, k})
				case "“", "”", "「", "」", "『", "』":
					out = append(out, keyed{keyQuote, k})
				}
			}
		}
		i += skip(c)
	}
	return out, found
}

// wordKey is the key of a word: the FNV-1a hash of its lower-cased bytes,
// with the top bit set.
func wordKey(w string) uint64 {
	h := uint64(14695981039346656037)
	for k := 0; k < len(w); k++ {
		h = (h ^ uint64(w[k]|0x20)) * 1099511628211 // digits have 0x20 set already
	}
	return h | keyWord
}

// transliteratedName reports a foreign name as Chinese writes it, Han
// characters on both sides of a middle dot: 查理·芒格, 本·格雷厄姆.
func transliteratedName(s string) bool {
	for _, dot := range []string{"·", "・"} {
		for k := strings.Index(s, dot); k >= 0; {
			before, _ := utf8.DecodeLastRuneInString(s[:k])
			after, _ := utf8.DecodeRuneInString(s[k+len(dot):])
			if textutil.IsHan(before) && textutil.IsHan(after) {
				return true
			}
			next := strings.Index(s[k+len(dot):], dot)
			if next < 0 {
				break
			}
			k += len(dot) + next
		}
	}
	return false
}

// fullName reports a name of two capitalised words or more, neither a
// stop word: Charlie Munger, Ben Graham, Bill Zeckendorf.
func fullName(s string) bool {
	prev := false // the word before was capitalised and no stop word
	for i := 0; i < len(s); {
		if !textutil.ASCIILetter(s[i]) {
			if s[i] != ' ' {
				prev = false
			}
			i++
			continue
		}
		j := i
		for j < len(s) && textutil.ASCIILetter(s[j]) {
			j++
		}
		w := s[i:j]
		capital := len(w) >= 2 && isUpperByte(w[0]) && !isUpperByte(w[1]) && !stopWord(w)
		if capital && prev {
			return true
		}
		prev = capital
		i = j
	}
	return false
}

func has(sorted []uint64, k uint64) bool {
	_, ok := slices.BinarySearch(sorted, k)
	return ok
}

// within returns the sentences of the sorted group (one key's) in [lo, hi).
func within(group []keyed, lo, hi int) []int32 {
	a := sort.Search(len(group), func(k int) bool { return int(group[k].sent) >= lo })
	b := a
	for b < len(group) && int(group[b].sent) < hi {
		b++
	}
	if a >= b {
		return nil
	}
	out := make([]int32, b-a)
	for k := range out {
		out[k] = group[a+k].sent
	}
	return out
}

// sentenceNumbers returns the figures of each sentence (numbers written
// with digits), or nil if there is none.
func sentenceNumbers(s string, sps []span, zh bool) [][]numbers.Number {
	var out [][]numbers.Number
	for k, sp := range sps {
		t := s[sp.start:sp.end]
		var ns []numbers.Number
		if zh {
			ns = numbers.Chinese(t)
		} else {
			ns = numbers.English(t)
		}
		// A figure or a spelled-out number of a thousand and more.
		ns = slices.DeleteFunc(ns, func(n numbers.Number) bool { return !n.Figure() && math.Abs(n.Value) < 1000 })
		if len(ns) == 0 {
			continue
		}
		if out == nil {
			out = make([][]numbers.Number, len(sps))
		}
		out[k] = ns[:min(len(ns), maxNumbers)]
	}
	return out
}

// numberAnchors adds to each sentence of one side an anchor for each of its
// numbers that agrees with a number of the other side within the window.
func numberAnchors(out []bounded, mine, theirs [][]numbers.Number, window func(int) (int, int)) []bounded {
	for i, ns := range mine {
		if len(ns) == 0 {
			continue
		}
		lo, hi := window(i)
		mid := (lo + hi) / 2
		for _, n := range ns {
			var ps []int32
			tried := 0
			// Nearest sentences first: mid, mid+1, mid-1, mid+2, …
			for k := 0; tried < maxCandidates && k < 2*(hi-lo)+1; k++ {
				j := mid + (k+1)/2
				if k%2 == 0 {
					j = mid - k/2
				}
				if j < lo || j >= hi {
					continue
				}
				for _, z := range theirs[j] {
					tried++
					if numbers.Agree(n, z) {
						ps = append(ps, int32(j))
						break
					}
				}
			}
			if len(ps) > 0 {
				slices.Sort(ps)
				w := weightNumber
				if n.Word {
					w = weightWordNumber
				}
				out = append(out, bounded{int32(i), anchor{w, ps}})
			}
		}
	}
	return out
}

// bucket files the anchors by sentence, in the order they were found.
func bucket(bs []bounded, n int) anchorSet {
	s := anchorSet{at: make([]int32, n+1)}
	if len(bs) == 0 {
		return s
	}
	for _, b := range bs {
		s.at[b.sent+1]++
	}
	for i := 0; i < n; i++ {
		s.at[i+1] += s.at[i]
	}
	s.list = make([]anchor, len(bs))
	fill := slices.Clone(s.at[:n])
	for _, b := range bs {
		s.list[fill[b.sent]] = b.anchor
		fill[b.sent]++
	}
	return s
}

// missed is the weight of the anchors as (of a side's sentences) whose
// matches all lie outside the other side's sentences [c, d).
func missed(as []anchor, c, d int) float64 {
	w := 0.0
	for _, an := range as {
		if !anyIn(an.partners, c, d) {
			w += an.weight
		}
	}
	return w
}

func anyIn(ps []int32, c, d int) bool {
	for _, p := range ps {
		if int(p) >= d {
			return false
		}
		if int(p) >= c {
			return true
		}
	}
	return false
}
