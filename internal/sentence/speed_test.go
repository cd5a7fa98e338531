package sentence

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// The shortcuts taken for speed against what they stand for.

var utf8Cases = []string{
	"", "abc", "中文字符串，还有。", "\xe4\xb8", "\xe4\xb8\xad\xe4\xb8", "\xed\xa0\x80\xe4\xb8\xad",
	"\xe0\x80\x80中文", "\xe0\xa0\x80中文中文", "\xef\xbf\xbf\xef\xbf\xbe", "中\xff文", "é中文中文中文",
	"\xf0\x9f\x98\x80中文中文", "中文中文中\xc0\x80", strings.Repeat("中文", 20) + "\xe4\xb8", "a\x80bcdefghijk",
}

func TestValidUTF8(t *testing.T) {
	for _, s := range utf8Cases {
		if got, want := validUTF8(s), utf8.ValidString(s); got != want {
			t.Errorf("validUTF8(%q) = %v, want %v", s, got, want)
		}
	}
}

func FuzzValidUTF8(f *testing.F) {
	for _, s := range utf8Cases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := validUTF8(s), utf8.ValidString(s); got != want {
			t.Fatalf("validUTF8(%q) = %v, want %v", s, got, want)
		}
	})
}

// abbrevKind reads the three tables as abbreviation did, in any case.
func TestAbbrevKind(t *testing.T) {
	for _, tab := range []map[string]bool{neverFinal, beforeNumber, maybeFinal, sentenceStarters} {
		for w := range tab {
			for _, v := range []string{w, strings.ToUpper(w), strings.ToUpper(w[:1]) + w[1:]} {
				lw := strings.ToLower(v)
				want := uint8(0)
				switch {
				case neverFinal[lw]:
					want = kindNeverFinal
				case beforeNumber[lw]:
					want = kindBeforeNumber
				case maybeFinal[lw]:
					want = kindMaybeFinal
				}
				if got := abbrevKind(v); got != want {
					t.Errorf("abbrevKind(%q) = %d, want %d", v, got, want)
				}
			}
		}
	}
}

// The splitter finds the bracketed groups only when it meets an opener;
// newModel then takes a text whose splitter found none to have no note.
// That holds when every text with a group makes the splitter find them.
func TestGroupsFound(t *testing.T) {
	texts := []string{"（译者注：一）。", "一。（译者注：二）", "a. (b) c", "【注：x】", "“（注：）”"}
	for _, p := range corpusParagraphPairs(t) {
		texts = append(texts, p[0], p[1])
	}
	for _, s := range fuzzSeeds {
		texts = append(texts, s[0], s[1])
	}
	for _, s := range texts {
		for _, zh := range []bool{false, true} {
			var sp splitter
			sp.split(nil, valid(s), zh)
			if !sp.grouped && len(bracketGroups(valid(s))) > 0 {
				t.Errorf("groups of %q not found", s)
			}
		}
	}
}

// cost is -log of the probability of the link English [i-a, i), Chinese
// [j-b, j), of kind mv, as align.go says: what workspace.forward computes
// inline.
func (m *model) cost(i, j int, mv *move) float64 {
	c := m.anchorCost(mv.prior, i, j, mv)
	if mv.a > 0 && mv.b > 0 {
		c += tailCost(m.deviation(i, j, mv.a, mv.b))
	}
	return c
}

// TestInlineCosts holds the costs that workspace.forward computes inline to
// model.cost, on every paragraph pair at hand, fast path or not.
func TestInlineCosts(t *testing.T) {
	pairs := corpusParagraphPairs(t)
	pairs = append(pairs, perturbed(referencePairs(t))...)
	checked := 0
	for _, p := range pairs {
		es, zs := split(p[0], false), split(p[1], true)
		w := new(workspace)
		w.align(p[0], p[1], es, zs, nil)
		if len(es) == 0 || len(zs) == 0 {
			continue
		}
		g := &w.grid
		for i := 0; i <= g.b.n; i++ {
			for j := g.lo[i]; j <= g.hi[i]; j++ {
				cell := g.cell(i, j)
				for k := range kindsOfLink {
					if w.kinds[cell]&(1<<k) == 0 {
						continue
					}
					c := w.costs[cell*nKinds+k]
					if want := float32(w.model.cost(i, j, &kindsOfLink[k])); c != want {
						t.Fatalf("%q / %q: link of kind %d at (%d, %d) costs %v, model.cost %v", p[0], p[1], k, i, j, c, want)
					}
					checked++
				}
			}
		}
	}
	t.Logf("%d links checked", checked)
}
