package sentence

import (
	"math"
	"math/bits"
	"slices"
	"sync"
)

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

// init lays the grid out over b, reusing its tables.
func (g *grid) init(b band) {
	g.b = b
	g.lo, g.hi, g.offset = grow(&g.lo, b.n+1), grow(&g.hi, b.n+1), grow(&g.offset, b.n+2)
	g.offset[0] = 0
	for i := 0; i <= b.n; i++ {
		g.lo[i], g.hi[i] = b.lo(i), b.hi(i)
		g.offset[i+1] = g.offset[i] + g.hi[i] - g.lo[i] + 1
	}
}

func (g *grid) size() int { return g.offset[g.b.n+1] }

// cell is the index of (i, j) in the tables, or -1 outside the band.
func (g *grid) cell(i, j int) int {
	if i < 0 || i > g.b.n || j < g.lo[i] || j > g.hi[i] {
		return -1
	}
	return g.offset[i] + j - g.lo[i]
}

// workspace holds the tables of one alignment, kept between calls (in
// workspaces) so that aligning a paragraph allocates little more than its
// result.
type workspace struct {
	split        splitter
	es, zs       []span
	links        []link
	model        model
	enLen, zhLen []float64
	enGroups     []groupLength
	zhGroups     []groupLength
	grid         grid
	best, rest   []float64
	back         []int8
	kinds        []uint8
	costs        []float32
	base         []float64
	prevs        []int32
	onPath       []bool
	ends         [4][]int32
	margin       []float64
}

var workspaces = sync.Pool{New: func() any { return new(workspace) }}

// grow returns *s resized to n, reallocated only when it is too small; its
// contents are left as they were.
func grow[T any](s *[]T, n int) []T {
	if cap(*s) < n {
		*s = make([]T, n, n+n/4)
	}
	*s = (*s)[:n]
	return *s
}

// noFastPath turns the fast path off, for the test that holds it to the
// whole model.
var noFastPath bool

// maxMargin caps the margin of a link (see scoreLinks): a score is
// rounded to three decimals, and any margin from ln(1999) ≈ 7.6 up gives
// 1.000, so alternatives dearer than that need not be looked at.
const maxMargin = 8.0

// align chooses the most likely sequence of links by dynamic programming
// over the band (Viterbi), and scores each link by its margin: how much
// likelier the best alignment is than the best one without that link. It
// appends them to out.
func (w *workspace) align(en, zh string, es, zs []span, out []link) []link {
	n, m := len(es), len(zs)
	if n == 0 || m == 0 {
		// Nothing to choose: every sentence is alone.
		for i := range n {
			out = append(out, link{i, i + 1, 0, 0, 1})
		}
		for j := range m {
			out = append(out, link{n, n, j, j + 1, 1})
		}
		return out
	}
	md := newModel(w, zh, es, zs)
	b := newBand(n, m)
	if !noFastPath && md.fastPath() {
		b.w = 0 // one sentence either side of the diagonal
	} else {
		md.enA, md.zhA = anchors(en, zh, es, zs, b)
	}
	g := &w.grid
	g.init(b)
	size := g.size()
	grow(&w.best, size)         // least cost of reaching a cell
	back := grow(&w.back, size) // the kind of link that reaches it at least cost
	grow(&w.costs, size*nKinds) // of the link of each kind ending at the cell, for the kinds set in kinds
	grow(&w.prevs, size*nKinds) // the cell it starts from
	grow(&w.kinds, size)        // bit k set when costs holds a link of kind k
	w.forward(md)
	// The best path, from its end.
	start := len(out)
	onPath := grow(&w.onPath, size) // whether the path's link ends at a cell
	clear(onPath)
	for i, j := n, m; i > 0 || j > 0; {
		cell := g.cell(i, j)
		mv := kindsOfLink[back[cell]]
		out = append(out, link{i - mv.a, i, j - mv.b, j, 0})
		onPath[cell] = true
		i, j = i-mv.a, j-mv.b
	}
	slices.Reverse(out[start:])
	w.scoreLinks(out[start:])
	return out
}

// forward is the first pass of align, row by row: for each cell, the cost
// of the link of each kind that ends there and the cell it starts from (for
// the kinds in the cell's kinds bits: the others start outside the band or
// at a cell that cannot be reached), and the least
// cost of reaching the cell and by which kind (the first in kindsOfLink of
// those that tie). Within a row it goes kind by kind over the range of
// cells the kind reaches from the band, so that the loop over the cells
// calls nothing and holds few values; the kinds with no English sentence
// start in the row itself, and come last, cell by cell.
func (w *workspace) forward(md *model) {
	g := &w.grid
	best, back, costs, prevs, kinds := w.best, w.back, w.costs, w.prevs, w.kinds
	var base []float64 // the priors plus the anchors' costs, if any
	if md.anchored() {
		base = w.anchorCosts(md)
	}
	inf := math.Inf(1)
	zh := md.zh
	for i := 0; i <= g.b.n; i++ {
		lo, hi := g.lo[i], g.hi[i]
		row := g.offset[i] - lo
		for cell := row + lo; cell <= row+hi; cell++ {
			best[cell], back[cell], kinds[cell] = inf, -1, 0
		}
		if i == 0 {
			best[0] = 0 // the start
		}
		for k := range kindsOfLink {
			mv := &kindsOfLink[k]
			pi := i - mv.a
			if mv.a == 0 || pi < 0 {
				continue
			}
			delta := row - (g.offset[pi] - g.lo[pi]) + mv.b // the cell a link ends at less the one it starts from
			e := md.en[4*i+mv.a]
			bit := uint8(1) << k
			for j, end := max(lo, g.lo[pi]+mv.b), min(hi, g.hi[pi]+mv.b); j <= end; j++ {
				cell := row + j
				prev := cell - delta
				if best[prev] == inf {
					continue
				}
				c := mv.prior
				if base != nil {
					c = base[cell*nKinds+k]
				}
				if mv.b > 0 {
					z := zh[4*j+mv.b]
					c += tailCost(deviation(z.log-e.log, e.bytes, z.bytes)) // model.cost, inlined
				}
				// Rounded as stored, so that both passes add the same costs.
				c = float64(float32(c))
				costs[cell*nKinds+k], prevs[cell*nKinds+k] = float32(c), int32(prev)
				kinds[cell] |= bit
				if v := best[prev] + c; v < best[cell] {
					best[cell], back[cell] = v, int8(k)
				}
			}
		}
		for k := range kindsOfLink {
			mv := &kindsOfLink[k]
			if mv.a != 0 {
				continue
			}
			// No English: no length cost, and a start in this row, at a
			// cell already done.
			bit := uint8(1) << k
			for j := max(lo, lo+mv.b); j <= hi; j++ {
				cell := row + j
				prev := cell - mv.b
				if best[prev] == inf {
					continue
				}
				c := mv.prior
				if base != nil {
					c = base[cell*nKinds+k]
				}
				c = float64(float32(c))
				costs[cell*nKinds+k], prevs[cell*nKinds+k] = float32(c), int32(prev)
				kinds[cell] |= bit
				if v := best[prev] + c; v < best[cell] || v == best[cell] && int(back[cell]) > k {
					best[cell], back[cell] = v, int8(k)
				}
			}
		}
	}
}

// anchorCosts returns, for forward, the prior of each link of the band
// plus what its anchors cost it (by cell and kind, as costs): apart, so
// that the loop over the cells calls nothing.
func (w *workspace) anchorCosts(md *model) []float64 {
	g := &w.grid
	base := grow(&w.base, len(w.costs))
	for i := 0; i <= g.b.n; i++ {
		for j := g.lo[i]; j <= g.hi[i]; j++ {
			cell := g.cell(i, j)
			for k := range kindsOfLink {
				if mv := &kindsOfLink[k]; g.cell(i-mv.a, j-mv.b) >= 0 {
					base[cell*nKinds+k] = md.anchorCost(mv.prior, i, j, mv)
				}
			}
		}
	}
	return base
}

// scoreLinks scores each link t of the best path, cost V, by its margin
// Δ_t: the cost of the best alignment without it, less V. An alignment
// without link t must take a link that can share no alignment with it
// (one that neither ends before t starts nor starts after t ends: take the
// last cell it visits at or before t's start, and the link it leaves that
// cell by); the best alignment through link e costs best[from] + cost(e) +
// rest[to], so Δ_t is the least of those, less V, over the links e
// incomparable with t. The score is 1/(1+e^-Δ): the probability of the
// link when the choice is between the best alignment and the best one
// without it. It lies between 1/2 (a tie) and 1, and grows with the margin.
func (w *workspace) scoreLinks(path []link) {
	g, best, costs, prevs, back, kinds, onPath := &w.grid, w.best, w.costs, w.prevs, w.back, w.kinds, w.onPath
	K := len(path)
	n, m := g.b.n, g.b.m
	// endI[x]: the first link whose end's English index passes x; endJ
	// the same in Chinese; startI and startJ the first link whose start
	// reaches x.
	endI, endJ := grow(&w.ends[0], n+1), grow(&w.ends[1], m+1)
	startI, startJ := grow(&w.ends[2], n+1), grow(&w.ends[3], m+1)
	k1, k2, k3, k4 := 0, 0, 0, 0
	for x := 0; x <= max(n, m); x++ {
		for k1 < K && path[k1].e1 <= x {
			k1++
		}
		for k2 < K && path[k2].z1 <= x {
			k2++
		}
		for k3 < K && path[k3].e0 < x {
			k3++
		}
		for k4 < K && path[k4].z0 < x {
			k4++
		}
		if x <= n {
			endI[x], startI[x] = int32(k1), int32(k3)
		}
		if x <= m {
			endJ[x], startJ[x] = int32(k2), int32(k4)
		}
	}

	total := best[len(best)-1]
	margin := grow(&w.margin, K)
	for t := range margin {
		margin[t] = maxMargin
	}
	// The cost of the rest, by the same links backwards, cell by cell from
	// the end: once a cell's is known, so are the margins of the links
	// that end there.
	inf := math.Inf(1)
	rest := grow(&w.rest, len(best))
	for k := range rest {
		rest[k] = inf
	}
	rest[len(rest)-1] = 0
	for i := n; i >= 0; i-- {
		row := g.offset[i] - g.lo[i]
		startRow := startI[i]
		// endI at the row each kind starts in, once per row.
		var fromRow [nKinds]int32
		for k := range kindsOfLink {
			if a := kindsOfLink[k].a; a <= i {
				fromRow[k] = endI[i-a]
			}
		}
		for j := g.hi[i]; j >= g.lo[i]; j-- {
			cell := row + j
			after := rest[cell]
			if after == inf {
				continue
			}
			set := kinds[cell]
			if onPath[cell] {
				set &^= 1 << back[cell] // the path's own link: only its rest counts
				k := back[cell]
				p := prevs[cell*nKinds+int(k)]
				if r := float64(costs[cell*nKinds+int(k)]) + after; r < rest[p] {
					rest[p] = r
				}
			}
			// Links that start at or after the end (i, j) are comparable.
			hi := max(startRow, startJ[j])
			links := (*[nKinds]int32)(prevs[cell*nKinds:])
			lcosts := (*[nKinds]float32)(costs[cell*nKinds:])
			for ; set != 0; set &= set - 1 {
				k := bits.TrailingZeros8(set)
				p, c := links[k], float64(lcosts[k])
				if r := c + after; r < rest[p] {
					rest[p] = r
				}
				d := best[p] + c + after - total
				if !(d < maxMargin) {
					continue
				}
				if d < 0 {
					d = 0 // rounding
				}
				// Incomparable with links [lo, hi): those that do not end
				// by the start (pi, pj) either.
				lo := min(fromRow[k], endJ[j-kindsOfLink[k].b])
				for t := lo; t < hi; t++ {
					if d < margin[t] {
						margin[t] = d
					}
				}
			}
		}
	}
	for t := range path {
		path[t].score = 1 / (1 + math.Exp(-margin[t]))
	}
}
