package sentence

import (
	"math"
	"strings"
	"unicode/utf8"
)

// Link is one correspondence between the sentences of a paragraph and of its
// translation. EN and ZH hold one or more whole sentences as they stand in
// the paragraph: several English sentences joined by one space, Chinese ones
// as they follow each other in the text (with nothing between them, unless
// the text has a space there, as between two English sentences left
// untranslated). Either is nil for a sentence with no counterpart. Score is
// the probability, under the aligner's model, that this link is right
// (0..1).
type Link struct {
	EN    *string `json:"en"`
	ZH    *string `json:"zh"`
	Score float64 `json:"score"`
}

// Align links the sentences of an English paragraph and of its Chinese
// translation, in order: every sentence of either side is in exactly one
// link. Invalid UTF-8 is replaced with U+FFFD first. It is deterministic and
// linear in the length of the texts.
func Align(en, zh string) []Link {
	en, zh = valid(en), valid(zh)
	es, zs := split(en, false), split(zh, true)
	ls := align(en, zh, es, zs)
	out := make([]Link, len(ls))
	for k, l := range ls {
		out[k].Score = l.score
		if l.e1 > l.e0 {
			parts := make([]string, 0, l.e1-l.e0)
			for _, sp := range es[l.e0:l.e1] {
				parts = append(parts, en[sp.start:sp.end])
			}
			s := strings.Join(parts, " ")
			out[k].EN = &s
		}
		if l.z1 > l.z0 {
			s := zh[zs[l.z0].start:zs[l.z1-1].end]
			out[k].ZH = &s
		}
	}
	return out
}

// link is a link as ranges of sentence indices, [e0, e1) and [z0, z1).
type link struct {
	e0, e1, z0, z1 int
	score          float64
}

// move is a kind of link: a English sentences with b Chinese ones.
type move struct {
	a, b  int
	prior float64 // -log of its prior probability
}

// The kinds of link and their prior probabilities, from Gale and Church
// (1993): 1-1 0.89, 1-0 and 0-1 0.0099 together, 2-1 and 1-2 0.089
// together, 2-2 0.011. 3-1 and 1-3, which they do not list, are given
// 0.005 each: human translators merge three short spoken sentences into one
// (他是个金融家，他喜欢收购，他喜欢这些…), and on the gold they add one right
// link and remove two wrong ones in the human translations (strict F1
// 0.859 to 0.874), changing nothing in the machine ones.
var moves = []move{
	{1, 1, -math.Log(0.89)},
	{1, 0, -math.Log(0.0099 / 2)},
	{0, 1, -math.Log(0.0099 / 2)},
	{2, 1, -math.Log(0.089 / 2)},
	{1, 2, -math.Log(0.089 / 2)},
	{2, 2, -math.Log(0.011)},
	{3, 1, -math.Log(0.005)},
	{1, 3, -math.Log(0.005)},
}

// The length model. A Chinese translation has, per byte of English, about
// zhPerEN Chinese characters; Latin letters and digits in the Chinese count
// zhPerEN each, since they are the English they stand for (a name, a
// figure, a sentence left untranslated). On 2,252 sentence pairs of the
// machine translations in the corpus (paragraphs whose two sides split into
// as many sentences), the ratio has median 0.298, and the spread of its
// logarithm falls with length: sigma 0.34 under 40 bytes, 0.19 at 40-80,
// 0.14 at 80-160, 0.13 beyond, which sigma² = 0.01 + 1.5/bytes follows.
// (TestLengthModel measures these figures again.) The expected ratio is
// the same for every paragraph: setting it from the paragraph's own ratio
// hides an untranslated sentence, which lowers that ratio.
const (
	zhPerEN     = 0.30
	sigma2Floor = 0.01
	sigma2Bytes = 1.5
	ratioSmooth = 3.0  // added to both lengths, in Chinese characters
	maxLenCost  = 12.0 // a length this unlikely is as bad as any: anchors decide
	// Free translation: a share of the sentence pairs is spread freeSpread
	// times wider. Fitted to the two human translations of the corpus
	// (763 sentence pairs, taken as above), whose deviations in units of
	// that sigma have median 0.85, third quartile 1.74 and 90th percentile
	// 2.9, which this mixture gives; the reference call's are 0.65, 1.12
	// and 1.5.
	freeShare    = 0.3
	freeSpread   = 3.0
	fullGridArea = 1 << 14
	bandWidth    = 8
)

// model holds what the costs of the links of one paragraph pair need.
type model struct {
	enLen, zhLen []float64 // prefix sums of the sentences' lengths
	enA, zhA     [][]anchor
}

// zhUnits is the length of a Chinese text in Chinese characters, its ASCII
// counted zhPerEN each. A translator's note （译者注：…） is left out: it
// translates nothing, and one can be longer than its sentence.
func zhUnits(s string) float64 {
	notes := notes(s)
	ascii, other := 0, 0
	for i := 0; i < len(s); {
		if end, ok := notes[i]; ok {
			i = end
			continue
		}
		if s[i] < utf8.RuneSelf {
			ascii++
			i++
			continue
		}
		_, n := utf8.DecodeRuneInString(s[i:])
		other++
		i += n
	}
	return float64(other) + zhPerEN*float64(ascii)
}

// noteMarks open a translator's or editor's note.
var noteMarks = []string{"译者注", "譯者注", "编者注", "編者注", "注：", "注:"}

// notes returns the bracketed notes of s, from opening bracket to the end of
// the closing one.
func notes(s string) map[int]int {
	var out map[int]int
	for _, g := range bracketGroups(s) {
		_, n := utf8.DecodeRuneInString(s[g.open:])
		inner := strings.TrimLeft(s[g.open+n:g.end], "*[ ")
		for _, m := range noteMarks {
			if strings.HasPrefix(inner, m) {
				if out == nil {
					out = map[int]int{}
				}
				out[g.open] = g.end
				break
			}
		}
	}
	return out
}

// cost is -log of the probability of the link English [e0, e1), Chinese
// [z0, z1), of kind mv.
//
// A sentence with no counterpart pays its prior and its anchors only: the
// length model is that of a translation given its original, and such a
// sentence has none. (Gale and Church test its ratio against zero, which
// makes an untranslated sentence dearer than gluing it to a neighbour
// whose ratio it spoils.)
func (m *model) cost(e0, e1, z0, z1 int, mv move) float64 {
	c := mv.prior + missed(m.enA, e0, e1, z0, z1) + missed(m.zhA, z0, z1, e0, e1)
	if mv.a > 0 && mv.b > 0 {
		c += m.lengthCost(m.enLen[e1]-m.enLen[e0], m.zhLen[z1]-m.zhLen[z0])
	}
	return c
}

// lengthCost is -log of the probability of a length ratio at least this far
// from the expected one (Gale and Church's two-tailed test), with a spread
// that narrows as the sentences grow.
func (m *model) lengthCost(la, lz float64) float64 {
	d := math.Log((lz + ratioSmooth) / (zhPerEN*la + ratioSmooth))
	size := (la + lz/zhPerEN) / 2 // the link's length in English bytes, both sides' mean
	x := math.Abs(d) / math.Sqrt(2*(sigma2Floor+sigma2Bytes/(size+10)))
	return tailCost(x)
}

// tailCost is -log((1-freeShare) erfc(x) + freeShare erfc(x/freeSpread)),
// capped at maxLenCost, from a table: the two erfc and the log are most of
// the aligner's time otherwise.
func tailCost(x float64) float64 {
	f := x / tailStep
	if f >= tailSize-1 {
		return tailTable[tailSize-1]
	}
	k := int(f)
	return tailTable[k] + (f-float64(k))*(tailTable[k+1]-tailTable[k])
}

const (
	tailStep = 0.005
	tailSize = 2001 // x up to 10, past which the cost is at its cap
)

var tailTable = func() (t [tailSize]float64) {
	for k := range t {
		x := float64(k) * tailStep
		p := (1-freeShare)*math.Erfc(x) + freeShare*math.Erfc(x/freeSpread)
		t[k] = maxLenCost
		if p > 0 {
			t[k] = min(-math.Log(p), maxLenCost)
		}
	}
	return t
}()

// band bounds the cells of the alignment: row i (English sentences done)
// holds the columns (Chinese sentences done) from lo(i) to hi(i), around the
// diagonal. Small paragraphs get the whole grid; long ones a band of
// bandWidth sentences either side, so that time and memory stay linear.
type band struct{ n, m, w int }

func newBand(n, m int) band {
	w := bandWidth
	if (n+1)*(m+1) <= fullGridArea {
		w = max(n, m)
	}
	return band{n, m, w}
}

func (b band) lo(i int) int {
	if b.n == 0 {
		return 0
	}
	return max(0, (i-1)*b.m/b.n-b.w)
}

func (b band) hi(i int) int {
	if b.n == 0 {
		return b.m
	}
	return min(b.m, ((i+1)*b.m+b.n-1)/b.n+b.w)
}

// zhWindow is the range of Chinese sentences that English sentence i may be
// linked with; enWindow the converse.
func (b band) zhWindow(i int) (int, int) { return b.lo(i), min(b.m, b.hi(i+1)+1) }

func (b band) enWindow(j int) (int, int) {
	if b.m == 0 {
		return 0, b.n
	}
	lo := max(0, (j-b.w-1)*b.n/b.m-1)
	hi := min(b.n, (j+b.w+2)*b.n/b.m+2)
	return lo, hi
}

// grid is a table over the band, all of whose tables share one layout.
type grid struct {
	b      band
	lo, hi []int // the band's columns, by row
	offset []int // start of row i
}

func newGrid(b band) *grid {
	g := &grid{b: b, lo: make([]int, b.n+1), hi: make([]int, b.n+1), offset: make([]int, b.n+2)}
	for i := 0; i <= b.n; i++ {
		g.lo[i], g.hi[i] = b.lo(i), b.hi(i)
		g.offset[i+1] = g.offset[i] + g.hi[i] - g.lo[i] + 1
	}
	return g
}

func (g *grid) size() int { return g.offset[g.b.n+1] }

// cell is the index of (i, j) in the tables, or -1 outside the band.
func (g *grid) cell(i, j int) int {
	if i < 0 || i > g.b.n || j < g.lo[i] || j > g.hi[i] {
		return -1
	}
	return g.offset[i] + j - g.lo[i]
}

func filled(n int, v float64) []float64 {
	t := make([]float64, n)
	for k := range t {
		t[k] = v
	}
	return t
}

// align chooses the most likely sequence of links by dynamic programming
// over the band, and scores each link with its posterior probability from
// the forward and backward sums over all sequences.
func align(en, zh string, es, zs []span) []link {
	n, m := len(es), len(zs)
	if n == 0 || m == 0 {
		// Nothing to choose: every sentence is alone.
		out := make([]link, 0, n+m)
		for i := range n {
			out = append(out, link{i, i + 1, 0, 0, 1})
		}
		for j := range m {
			out = append(out, link{n, n, j, j + 1, 1})
		}
		return out
	}
	b := newBand(n, m)
	md := &model{enLen: make([]float64, n+1), zhLen: make([]float64, m+1)}
	for i, sp := range es {
		md.enLen[i+1] = md.enLen[i] + float64(sp.end-sp.start)
	}
	for j, sp := range zs {
		md.zhLen[j+1] = md.zhLen[j] + zhUnits(zh[sp.start:sp.end])
	}
	md.enA, md.zhA = anchors(en, zh, es, zs, b)

	inf := math.Inf(1)
	g := newGrid(b)
	best := filled(g.size(), inf)                 // least cost of reaching a cell
	fwd := filled(g.size(), math.Inf(-1))         // log of the sum of the probabilities of reaching it
	bwd := filled(g.size(), math.Inf(-1))         // … and of going from it to the end
	back := make([]int8, g.size())                // the kind of link that reaches it at least cost
	costs := make([]float32, g.size()*len(moves)) // of the link of each kind ending at the cell, +Inf if none
	best[0], fwd[0] = 0, 0
	for i := 0; i <= n; i++ {
		for j := g.lo[i]; j <= g.hi[i]; j++ {
			cell := g.cell(i, j)
			if cell == 0 {
				continue
			}
			bc, bm := inf, int8(-1)
			var terms [8]float64
			nt := 0
			for k, mv := range moves {
				costs[cell*len(moves)+k] = float32(inf)
				prev := g.cell(i-mv.a, j-mv.b)
				if prev < 0 || math.IsInf(best[prev], 1) {
					continue
				}
				// Rounded as stored, so that both passes sum the same costs.
				c := float64(float32(md.cost(i-mv.a, i, j-mv.b, j, mv)))
				costs[cell*len(moves)+k] = float32(c)
				if best[prev]+c < bc {
					bc, bm = best[prev]+c, int8(k)
				}
				terms[nt] = fwd[prev] - c
				nt++
			}
			best[cell], back[cell], fwd[cell] = bc, bm, logSum(terms[:nt])
		}
	}
	last := g.cell(n, m)
	bwd[last] = 0
	for i := n; i >= 0; i-- {
		for j := g.hi[i]; j >= g.lo[i]; j-- {
			cell := g.cell(i, j)
			if cell == last {
				continue
			}
			var terms [8]float64
			nt := 0
			for k, mv := range moves {
				next := g.cell(i+mv.a, j+mv.b)
				if next < 0 {
					continue
				}
				c := float64(costs[next*len(moves)+k])
				if math.IsInf(bwd[next], -1) || math.IsInf(c, 1) {
					continue
				}
				terms[nt] = bwd[next] - c
				nt++
			}
			bwd[cell] = logSum(terms[:nt])
		}
	}
	total := fwd[last]
	var out []link
	for i, j := n, m; i > 0 || j > 0; {
		cell := g.cell(i, j)
		k := int(back[cell])
		mv := moves[k]
		pi, pj := i-mv.a, j-mv.b
		post := math.Exp(fwd[g.cell(pi, pj)] - float64(costs[cell*len(moves)+k]) + bwd[cell] - total)
		out = append(out, link{pi, i, pj, j, min(1, max(0, post))})
		i, j = pi, pj
	}
	for a, z := 0, len(out)-1; a < z; a, z = a+1, z-1 {
		out[a], out[z] = out[z], out[a]
	}
	return out
}

// logSum is log(sum(exp(x))) over xs, without overflow.
func logSum(xs []float64) float64 {
	top := math.Inf(-1)
	for _, x := range xs {
		top = max(top, x)
	}
	if math.IsInf(top, -1) {
		return top
	}
	s := 0.0
	for _, x := range xs {
		if d := x - top; d > -40 { // e^-40 is nothing beside the largest term
			s += math.Exp(d)
		}
	}
	if s == 1 {
		return top // the largest term alone (most cells): no logarithm
	}
	return top + math.Log(s)
}
