package sentence

import (
	"encoding/json"
	"fmt"
	"math"
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/transcript-cli/transcript/internal/textutil"
)

// TestLengthModel measures again, on the machine translations at hand (the
// reference call, and the shared corpus's pairs when present), the figures
// of the length model in align.go: the Chinese-per-English-byte ratio of
// sentence pairs and the spread of its logarithm by length. It fails when
// the constants drift from what the data say.
func TestLengthModel(t *testing.T) {
	pairs := machinePairs(t)
	type point struct{ bytes, logRatio float64 }
	var pts []point
	for _, p := range pairs {
		es, zs := SplitEnglish(p[0]), SplitChinese(p[1])
		// Paragraphs whose sides split into as many sentences, taken as
		// linked one to one.
		if len(es) != len(zs) || len(es) < 2 {
			continue
		}
		for i := range es {
			pts = append(pts, point{float64(len(es[i])), math.Log(sentenceUnits(zs[i]) / float64(len(es[i])))})
		}
	}
	if len(pts) < 300 {
		t.Fatalf("only %d sentence pairs", len(pts))
	}
	all := make([]float64, len(pts))
	for k, p := range pts {
		all[k] = p.logRatio
	}
	med := median(all)
	t.Logf("%d paragraph pairs, %d sentence pairs: median ratio %.3f (model %.2f)", len(pairs), len(pts), math.Exp(med), zhPerEN)
	if math.Abs(math.Exp(med)-zhPerEN) > 0.02 {
		t.Errorf("median ratio %.3f, model %.2f", math.Exp(med), zhPerEN)
	}
	for _, bin := range [][2]float64{{0, 40}, {40, 80}, {80, 160}, {160, 1e9}} {
		var dev []float64
		for _, p := range pts {
			if p.bytes >= bin[0] && p.bytes < bin[1] {
				dev = append(dev, math.Abs(p.logRatio-med))
			}
		}
		if len(dev) == 0 {
			continue
		}
		sigma := 1.4826 * median(dev) // the standard deviation a normal law with this spread would have
		mid := (bin[0] + min(bin[1], 320)) / 2
		model := math.Sqrt(sigma2Floor + sigma2Bytes/(mid+10))
		t.Logf("  %v bytes: %d pairs, sigma %.3f (model %.3f)", bin, len(dev), sigma, model)
		if bin[0] >= 40 && math.Abs(sigma-model) > 0.03 {
			t.Errorf("sigma at %v bytes %.3f, model %.3f", bin, sigma, model)
		}
	}
}

func median(xs []float64) float64 {
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	return s[len(s)/2]
}

// referencePairs reads the reference call's English lines, each followed by
// its translation.
func referencePairs(t testing.TB) [][2]string {
	ls, err := readLines("amazon-2023-q2.en-zh-Hant.txt")
	if err != nil {
		t.Fatal(err)
	}
	var out [][2]string
	for i := 0; i+1 < len(ls); i++ {
		if !textutil.HasHan(ls[i]) && textutil.HasHan(ls[i+1]) {
			out = append(out, [2]string{ls[i], ls[i+1]})
			i++
		}
	}
	return out
}

// corpusPairs reads a pairs file of the shared corpus; some carry the
// English again on a line after the Chinese, which is cut.
func corpusPairs(t *testing.T, path string) [][2]string {
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Pairs []struct{ EN, ZH string } `json:"pairs"`
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	out := make([][2]string, 0, len(doc.Pairs))
	for _, p := range doc.Pairs {
		zh := p.ZH
		if k := strings.IndexByte(zh, '\n'); k >= 0 && !textutil.HasHan(zh[k:]) {
			zh = zh[:k]
		}
		out = append(out, [2]string{p.EN, zh})
	}
	return out
}

// sentenceUnits is zhUnits of a sentence alone.
func sentenceUnits(s string) float64 {
	notes := noteGroups(s)
	return zhUnits(s, span{0, len(s)}, &notes)
}

// TestPriors measures again the priors of the kinds of link: the shares of
// each kind among the links that the aligner, with Gale and Church's
// priors, finds on the paragraph pairs of the corpus's two human
// translations, both held-out golds' paragraphs left out (add-one-half
// smoothing). It fails when the constants in align.go drift from them.
func TestPriors(t *testing.T) {
	held := map[string]bool{}
	for _, path := range []string{heldoutPath, heldout2Path} {
		for _, p := range readGold(t, path).Paragraphs {
			held[fmt.Sprint(p.File, p.ENLines[0])] = true
		}
	}
	var pairs [][2]string
	for _, name := range []string{"acquired-munger-interview-en-zh.md", "berkshire-1994-annual-meeting-en-zh.md"} {
		ls, err := readLines(name)
		if err != nil {
			t.Skip("shared corpus absent")
		}
		pairs = append(pairs, humanPairs(ls, func(line int) bool { return held[fmt.Sprint(name, line)] })...)
	}
	ours := kindsOfLink
	defer func() { kindsOfLink = ours }()
	gc := []float64{0.89, 0.0099 / 2, 0.0099 / 2, 0.089 / 2, 0.089 / 2, 0.011, 0.005, 0.005}
	for k := range kindsOfLink {
		kindsOfLink[k].prior = -math.Log(gc[k])
	}
	noFastPath = true
	defer func() { noFastPath = false }()
	count := map[[2]int]float64{}
	total := 0.0
	for _, p := range pairs {
		for _, l := range align(p[0], p[1], split(p[0], false), split(p[1], true)) {
			count[[2]int{l.e1 - l.e0, l.z1 - l.z0}]++
			total++
		}
	}
	t.Logf("%d paragraph pairs, %.0f links", len(pairs), total)
	for _, mv := range ours {
		got := (count[[2]int{mv.a, mv.b}] + 0.5) / (total + 4)
		have := math.Exp(-mv.prior)
		t.Logf("  %d-%d: %.4f (align.go %.4f)", mv.a, mv.b, got, have)
		if math.Abs(got-have) > 0.1*have+0.002 {
			t.Errorf("%d-%d: measured %.4f, align.go %.4f", mv.a, mv.b, got, have)
		}
	}
}
