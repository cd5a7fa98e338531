package sentence

import (
	"math"
	"strings"
	"unicode/utf8"
)

// The naive baseline of issue 12: split after every . ? ! (English, before
// white space) and 。？！ (Chinese); when both sides have as many
// sentences, zip them, else align by length alone (Gale and Church with a
// fixed spread).

func naiveSplit(s string, zh bool) []span {
	var out []span
	start := 0
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		end := false
		if zh {
			end = strings.ContainsRune("。？！", r)
		} else if strings.ContainsRune(".?!", r) {
			end = i == len(s) || s[i] == ' '
		}
		if end {
			if t := trimSpan(s, start, i); t.end > t.start {
				out = append(out, t)
			}
			start = i
		}
	}
	if t := trimSpan(s, start, len(s)); t.end > t.start {
		out = append(out, t)
	}
	return out
}

func trimSpan(s string, a, b int) span {
	a = skipSpace(s, a)
	return span{a, trimEnd(s, a, b)}
}

// naiveMoves are the six kinds of link of Gale and Church, with their
// priors.
var naiveMoves = []move{
	{1, 1, -math.Log(0.89)},
	{1, 0, -math.Log(0.0099 / 2)},
	{0, 1, -math.Log(0.0099 / 2)},
	{2, 1, -math.Log(0.089 / 2)},
	{1, 2, -math.Log(0.089 / 2)},
	{2, 2, -math.Log(0.011)},
}

func naiveAlign(en, zh string, es, zs []span) []link {
	n, m := len(es), len(zs)
	if n == m {
		out := make([]link, n)
		for i := range out {
			out[i] = link{i, i + 1, i, i + 1, 1}
		}
		return out
	}
	length := func(s string, sps []span, a, b int) float64 {
		if b <= a {
			return 0
		}
		return float64(utf8.RuneCountInString(s[sps[a].start:sps[b-1].end]))
	}
	cost := func(la, lz float64) float64 {
		d := math.Log((lz + 3) / (0.3*la + 3))
		return d * d / (2 * 0.3 * 0.3)
	}
	best := make([][]float64, n+1)
	back := make([][]move, n+1)
	for i := range best {
		best[i] = make([]float64, m+1)
		back[i] = make([]move, m+1)
		for j := range best[i] {
			best[i][j] = math.Inf(1)
		}
	}
	best[0][0] = 0
	for i := 0; i <= n; i++ {
		for j := 0; j <= m; j++ {
			for _, mv := range naiveMoves {
				pi, pj := i-mv.a, j-mv.b
				if pi < 0 || pj < 0 || math.IsInf(best[pi][pj], 1) {
					continue
				}
				c := best[pi][pj] + mv.prior + cost(length(en, es, pi, i), length(zh, zs, pj, j))
				if c < best[i][j] {
					best[i][j], back[i][j] = c, mv
				}
			}
		}
	}
	var out []link
	for i, j := n, m; i > 0 || j > 0; {
		mv := back[i][j]
		out = append([]link{{i - mv.a, i, j - mv.b, j, 1}}, out...)
		i, j = i-mv.a, j-mv.b
	}
	return out
}
