package sentence

import (
	"strings"
	"testing"
	"time"
)

// referenceSides returns the English and the Chinese of referencePairs.
func referenceSides(t testing.TB) (en, zh []string) {
	for _, p := range referencePairs(t) {
		en, zh = append(en, p[0]), append(zh, p[1])
	}
	return en, zh
}

func size(ss []string) int64 {
	n := 0
	for _, s := range ss {
		n += len(s)
	}
	return int64(n)
}

func BenchmarkSplitEnglish(b *testing.B) {
	en, _ := referenceSides(b)
	b.SetBytes(size(en))
	for b.Loop() {
		for _, p := range en {
			SplitEnglish(p)
		}
	}
}

func BenchmarkSplitChinese(b *testing.B) {
	_, zh := referenceSides(b)
	b.SetBytes(size(zh))
	for b.Loop() {
		for _, p := range zh {
			SplitChinese(p)
		}
	}
}

// BenchmarkAlign aligns every pair of the reference call; bytes are both
// sides'.
func BenchmarkAlign(b *testing.B) {
	en, zh := referenceSides(b)
	b.SetBytes(size(en) + size(zh))
	for b.Loop() {
		for i := range en {
			Align(en[i], zh[i])
		}
	}
}

// BenchmarkAlignLong aligns the whole reference call as one paragraph pair:
// the band, not the whole grid.
func BenchmarkAlignLong(b *testing.B) {
	en, zh := referenceSides(b)
	e, z := strings.Join(en, " "), strings.Join(zh, "")
	b.SetBytes(int64(len(e) + len(z)))
	for b.Loop() {
		Align(e, z)
	}
}

// TestLongParagraph holds the aligner to linear work: a paragraph pair of
// about 10 MB (the reference call repeated, 44,000 sentences a side) gets
// a band of a few dozen cells per sentence, not the two billion of a full
// grid, and the output covers the input. The time is logged (about a
// second on the development machine); its bound only catches a blow-up.
func TestLongParagraph(t *testing.T) {
	if testing.Short() {
		t.Skip("long")
	}
	en, zh := referenceSides(t)
	e, z := strings.Join(en, " "), strings.Join(zh, "")
	reps := 10<<20/(len(e)+len(z)) + 1
	e, z = strings.Repeat(e+" ", reps), strings.Repeat(z, reps)
	start := time.Now()
	ls := Align(e, z)
	took := time.Since(start)
	t.Logf("%d MB, %d links in %v", (len(e)+len(z))>>20, len(ls), took)
	checkCover(t, e, z, ls)
	n, m := len(split(e, false)), len(split(z, true))
	var g grid
	g.init(newBand(n, m))
	if cells := g.size(); cells > 32*(n+m) {
		t.Errorf("%d cells for %d and %d sentences", cells, n, m)
	}
	if took > 30*time.Second {
		t.Errorf("a 10 MB paragraph pair took %v", took)
	}
}
