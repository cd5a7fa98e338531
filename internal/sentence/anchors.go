package sentence

import (
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/transcript-cli/transcript/internal/numbers"
)

// Anchors are what a sentence and its translation share whatever the
// wording: figures, names and tickers left in Latin letters, question marks,
// quotations. Each anchor of a sentence knows the sentences of the other
// side that hold its match; a link that leaves an anchor's matches all
// outside it pays the anchor's weight (in nats), so that the alignment keeps
// "$134.4 billion" with "1,344 億美元" and "AWS" with "AWS".
//
// An anchor with no match on the other side says nothing: translations drop
// figures and turn questions into statements.

// Weights of the anchors, in nats (a weight of 3 makes the link e^3 = 20
// times less likely). A written figure is the surest sign, a spelled-out
// one weak (two years / 兩年 are also any other two); a Latin word is a
// name or a term the translation kept; punctuation is the weakest.
const (
	weightNumber     = 3.0
	weightWordNumber = 1.0
	weightToken      = 1.5
	weightQuestion   = 1.5
	weightQuote      = 0.8
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

// anchors computes the anchors of every sentence of both sides. lo and hi
// give, for a sentence of one side, the range of the other side's sentences
// it may be linked with (the band of the alignment), so that a word
// repeated all over a long paragraph does not make every anchor quadratic.
func anchors(en, zh string, es, zs []span, b band) (enA, zhA [][]anchor) {
	enA, zhA = make([][]anchor, len(es)), make([][]anchor, len(zs))
	enTexts, zhTexts := texts(en, es), texts(zh, zs)

	// Latin tokens and punctuation, by exact key.
	zhIndex := map[string][]int32{}
	for j, t := range zhTexts {
		for _, k := range keys(t, true) {
			zhIndex[k] = appendOnce(zhIndex[k], int32(j))
		}
	}
	enIndex := map[string][]int32{}
	enKeys := make([][]string, len(es))
	for i, t := range enTexts {
		for _, k := range keys(t, false) {
			if _, ok := zhIndex[k]; ok {
				enKeys[i] = append(enKeys[i], k)
				enIndex[k] = appendOnce(enIndex[k], int32(i))
			}
		}
	}
	for i, ks := range enKeys {
		lo, hi := b.zhWindow(i)
		for _, k := range ks {
			enA[i] = append(enA[i], anchor{keyWeight(k), within(zhIndex[k], lo, hi)})
		}
	}
	for j, t := range zhTexts {
		lo, hi := b.enWindow(j)
		for _, k := range keys(t, true) {
			if ps := within(enIndex[k], lo, hi); len(ps) > 0 {
				zhA[j] = append(zhA[j], anchor{keyWeight(k), ps})
			}
		}
	}

	// Numbers, by the rule of package numbers (rounding and spelled-out
	// readings included), among the other side's numbers of similar size.
	enN, zhN := make([][]numbers.Number, len(es)), make([][]numbers.Number, len(zs))
	for i, t := range enTexts {
		enN[i] = capNumbers(numbers.English(t))
	}
	for j, t := range zhTexts {
		zhN[j] = capNumbers(numbers.Chinese(t))
	}
	numberAnchors(enA, enN, zhN, b.zhWindow)
	numberAnchors(zhA, zhN, enN, b.enWindow)
	return enA, zhA
}

// numberAnchors adds to each sentence of one side an anchor for each of its
// numbers that agrees with a number of the other side within the window.
func numberAnchors(out [][]anchor, mine, theirs [][]numbers.Number, window func(int) (int, int)) {
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
				sort.Slice(ps, func(a, b int) bool { return ps[a] < ps[b] })
				w := weightNumber
				if n.Word {
					w = weightWordNumber
				}
				out[i] = append(out[i], anchor{w, ps})
			}
		}
	}
}

func capNumbers(ns []numbers.Number) []numbers.Number {
	if len(ns) > maxNumbers {
		return ns[:maxNumbers]
	}
	return ns
}

// Keys of punctuation anchors; tokens are lower-case ASCII words, which
// cannot collide with them.
const (
	keyQuestion = "?"
	keyQuote    = "\""
)

func keyWeight(k string) float64 {
	switch k {
	case keyQuestion:
		return weightQuestion
	case keyQuote:
		return weightQuote
	}
	return weightToken
}

// keys returns the distinct anchor keys of a sentence: its Latin words of
// two or more characters, lower-cased ("aws", "q4", "jason"), whether it
// asks a question, whether it quotes.
func keys(s string, zh bool) []string {
	var out []string
	add := func(k string) {
		for _, o := range out {
			if o == k {
				return
			}
		}
		out = append(out, k)
	}
	for i := 0; i < len(s); {
		c := s[i]
		if isLetterByte(c) || isDigit(c) {
			j, letters := i, false
			for j < len(s) && (isLetterByte(s[j]) || isDigit(s[j])) {
				letters = letters || isLetterByte(s[j])
				j++
			}
			if letters && j-i >= 2 && j-i <= 40 {
				add(strings.ToLower(s[i:j]))
			}
			i = j
			continue
		}
		if c < utf8.RuneSelf {
			switch c {
			case '?':
				add(keyQuestion)
			case '"':
				add(keyQuote)
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		switch r {
		case '？':
			add(keyQuestion)
		case '“', '”', '「', '」', '『', '』':
			add(keyQuote)
		}
		i += n
	}
	return out
}

func appendOnce(xs []int32, x int32) []int32 {
	if len(xs) > 0 && xs[len(xs)-1] == x {
		return xs
	}
	return append(xs, x)
}

// within returns the part of the sorted xs in [lo, hi).
func within(xs []int32, lo, hi int) []int32 {
	a := sort.Search(len(xs), func(k int) bool { return int(xs[k]) >= lo })
	b := sort.Search(len(xs), func(k int) bool { return int(xs[k]) >= hi })
	if a >= b {
		return nil
	}
	return xs[a:b:b]
}

// missed is the weight of the anchors of a side's sentences [a, b) whose
// matches all lie outside the other side's sentences [c, d).
func missed(as [][]anchor, a, b, c, d int) float64 {
	w := 0.0
	for _, sent := range as[a:b] {
		for _, an := range sent {
			if !anyIn(an.partners, c, d) {
				w += an.weight
			}
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
