package sentence

import (
	"fmt"
	"math"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// sides returns a link's English and Chinese, "-" for a missing side.
func sides(l Link) (en, zh string) {
	en, zh = "-", "-"
	if l.EN != nil {
		en = *l.EN
	}
	if l.ZH != nil {
		zh = *l.ZH
	}
	return en, zh
}

// show renders links as "EN = ZH" lines.
func show(ls []Link) string {
	var b strings.Builder
	for _, l := range ls {
		en, zh := sides(l)
		fmt.Fprintf(&b, "%s = %s\n", en, zh)
	}
	return b.String()
}

// align is workspace.align with a workspace of the pool.
func align(en, zh string, es, zs []span) []link {
	w := workspaces.Get().(*workspace)
	defer workspaces.Put(w)
	return w.align(en, zh, es, zs, nil)
}

func TestAlign(t *testing.T) {
	tests := []struct{ name, en, zh, want string }{
		{"one to one", // Amazon Q2 2023
			"Thank you, Andy. As Andy mentioned, we saw worldwide revenue of $134.4 billion.",
			"謝謝你,安迪。正如安迪所提到的,我們的全球收入達到 1,344 億美元。",
			"Thank you, Andy. = 謝謝你,安迪。\nAs Andy mentioned, we saw worldwide revenue of $134.4 billion. = 正如安迪所提到的,我們的全球收入達到 1,344 億美元。\n"},
		{"figures tell which sentence is not translated",
			"Thank you, Andy. Revenue grew 11% to $134.4 billion this quarter. Operating income was $7.7 billion.",
			"謝謝你,安迪。營業收入為 77 億美元。",
			"Thank you, Andy. = 謝謝你,安迪。\nRevenue grew 11% to $134.4 billion this quarter. = -\nOperating income was $7.7 billion. = 營業收入為 77 億美元。\n"},
		{"two short sentences in one", // Acquired
			"We bought this little department store chain in Baltimore. Big mistake. Too competitive.",
			"我们在巴尔的摩买了一家小百货连锁店。后来发现大错特错，因为竞争太激烈了。",
			"We bought this little department store chain in Baltimore. = 我们在巴尔的摩买了一家小百货连锁店。\nBig mistake. Too competitive. = 后来发现大错特错，因为竞争太激烈了。\n"},
		{"a translator's note does not count as translation",
			"Have Travis get in touch. All right, let's do it.",
			"让特拉维斯（Travis）联系我们吧。（译者注：特拉维斯是泰勒的男友，橄榄球运动员）好的，我们开始吧。",
			"Have Travis get in touch. = 让特拉维斯（Travis）联系我们吧。（译者注：特拉维斯是泰勒的男友，橄榄球运动员）\nAll right, let's do it. = 好的，我们开始吧。\n"},
		{"English left in the translation", // Figma Q3 2025
			"Appreciate you taking the question. I have two. I'll just ask upfront.",
			"感谢您提出问题。I have two.I'll just ask upfront.",
			"Appreciate you taking the question. = 感谢您提出问题。\nI have two. = I have two.\nI'll just ask upfront. = I'll just ask upfront.\n"},
		{"a question mark anchors the question",
			"Thanks. Could you talk about the margin in the quarter? Thank you.",
			"谢谢。您能谈谈本季度的利润率吗？谢谢。",
			"Thanks. = 谢谢。\nCould you talk about the margin in the quarter? = 您能谈谈本季度的利润率吗？\nThank you. = 谢谢。\n"},
		{"no English", "", "一。二。", "- = 一。\n- = 二。\n"},
		{"no Chinese", "One. Two.", "", "One. = -\nTwo. = -\n"},
		{"nothing", "", "", ""},
		{"English sentences joined by one space", "One thing.   Another thing.", "一件事。另一件事。", "One thing. = 一件事。\nAnother thing. = 另一件事。\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ls := Align(tt.en, tt.zh)
			assert.Equal(t, tt.want, show(ls))
			assert.Equal(t, ls, Align(tt.en, tt.zh), "deterministic")
			checkCover(t, tt.en, tt.zh, ls)
		})
	}
}

// A clear one-to-one pair is scored near 1; a guess between two equally
// good readings near 1/2.
func TestScore(t *testing.T) {
	ls := Align("Thank you, Andy. We saw worldwide revenue of $134.4 billion.", "謝謝你,安迪。我們的全球收入達到 1,344 億美元。")
	for _, l := range ls {
		assert.Greater(t, l.Score, 0.9, "%v", show([]Link{l}))
	}
	// "It's insane." belongs to either neighbour as well by length.
	ls = Align("Most people don't teach that in business school. It's insane. Of course you got to bet heavily on your best bets.",
		"但是大多数商学院都不教这个，太不可思议了。大胆地押注在你最有把握的赌注上，这是毫无疑问的。")
	for _, l := range ls {
		assert.Less(t, l.Score, 0.8, "%v", show([]Link{l}))
	}
}

// TestScoreDecimals: Align gives the computed scores to three decimals,
// and the links as computed.
func TestScoreDecimals(t *testing.T) {
	rounded := 0
	for _, p := range referencePairs(t) {
		exact, got := alignExact(p[0], p[1]), Align(p[0], p[1])
		assert.Equal(t, len(exact), len(got))
		for k := range min(len(exact), len(got)) {
			assert.Equal(t, exact[k].EN, got[k].EN)
			assert.Equal(t, exact[k].ZH, got[k].ZH)
			assert.InDelta(t, exact[k].Score, got[k].Score, 0.0005)
			assert.Equal(t, got[k].Score, math.Round(got[k].Score*1000)/1000, "three decimals")
			if exact[k].Score != got[k].Score {
				rounded++
			}
		}
	}
	assert.Positive(t, rounded, "the computed scores have more decimals")
}

func ExampleAlign() {
	// The second sentence is not translated: the figures of the third tell.
	for _, l := range Align("Thank you, Andy. Revenue grew 11% to $134.4 billion this quarter. Operating income was $7.7 billion.",
		"謝謝你,安迪。營業收入為 77 億美元。") {
		en, zh := "-", "-"
		if l.EN != nil {
			en = *l.EN
		}
		if l.ZH != nil {
			zh = *l.ZH
		}
		fmt.Printf("%s | %s | %.2f\n", en, zh, l.Score)
	}
	// Output:
	// Thank you, Andy. | 謝謝你,安迪。 | 0.52
	// Revenue grew 11% to $134.4 billion this quarter. | - | 0.52
	// Operating income was $7.7 billion. | 營業收入為 77 億美元。 | 0.60
}

func ExampleSplitEnglish() {
	for _, s := range SplitEnglish("Brian T. Olsavsky spoke of the U.S. market. It grew 1.5% to $1.344 billion.Our guidance is unchanged.") {
		fmt.Println(s)
	}
	// Output:
	// Brian T. Olsavsky spoke of the U.S. market.
	// It grew 1.5% to $1.344 billion.
	// Our guidance is unchanged.
}

func ExampleSplitChinese() {
	for _, s := range SplitChinese("让特拉维斯联系我们吧。（译者注：特拉维斯是泰勒的男友）我在线吗?是的；我在线。") {
		fmt.Println(s)
	}
	// Output:
	// 让特拉维斯联系我们吧。（译者注：特拉维斯是泰勒的男友）
	// 我在线吗?
	// 是的；我在线。
}

// TestFastPath holds the fast path (same number of sentences, every 1-1
// length ratio in the normal band: lengths alone, one sentence around the
// diagonal) to the whole model: on every paragraph pair at hand that takes
// it (the reference call's, and the shared corpus's when present), both
// give the same links.
func TestFastPath(t *testing.T) {
	pairs := corpusParagraphPairs(t)
	fast, differ := 0, 0
	for _, p := range pairs {
		es, zs := split(p[0], false), split(p[1], true)
		w := new(workspace)
		md := newModel(w, p[1], es, zs)
		if len(es) == 0 || !md.fastPath() {
			continue
		}
		fast++
		got := linkShape(align(p[0], p[1], es, zs))
		noFastPath = true
		want := linkShape(align(p[0], p[1], es, zs))
		noFastPath = false
		if got != want {
			differ++
			t.Errorf("fast path %s, whole model %s:\n%s\n%s", got, want, p[0], p[1])
		}
	}
	t.Logf("%d of %d paragraph pairs take the fast path; %d differ from the whole model", fast, len(pairs), differ)
	if fast < 80 {
		t.Errorf("only %d paragraph pairs take the fast path", fast)
	}
}

func linkShape(ls []link) string {
	var b strings.Builder
	for _, l := range ls {
		fmt.Fprintf(&b, "%d-%d/%d-%d ", l.e0, l.e1, l.z0, l.z1)
	}
	return b.String()
}

// TestMargins checks the margins behind the scores against brute force:
// on small paragraph pairs cut from the reference call (the whole model,
// not the fast path), every alignment is enumerated, and each link's margin
// must be the cost of the best alignment without it less the best one's.
func TestMargins(t *testing.T) {
	en, zh := referenceSides(t)
	noFastPath = true
	defer func() { noFastPath = false }()
	checked := 0
	for p := 0; p+1 < len(en) && checked < 60; p++ {
		// Pairs of sentences of two neighbouring paragraphs, cut to at
		// most four a side, some sides one short of the other.
		es, zs := SplitEnglish(en[p]+" "+en[p+1]), SplitChinese(zh[p]+zh[p+1])
		e := strings.Join(es[:min(len(es), 4)], " ")
		z := strings.Join(zs[:min(len(zs), 3+p%2)], "")
		esp, zsp := split(e, false), split(z, true)
		w := new(workspace)
		ls := w.align(e, z, esp, zsp, nil)
		g := &w.grid
		// All alignments: their links and costs.
		type path struct {
			links []link
			cost  float64
		}
		var all []path
		var walk func(i, j int, cost float64, links []link)
		walk = func(i, j int, cost float64, links []link) {
			if i == len(esp) && j == len(zsp) {
				all = append(all, path{append([]link(nil), links...), cost})
				return
			}
			for k, mv := range kindsOfLink {
				cell := g.cell(i+mv.a, j+mv.b)
				if cell < 0 {
					continue
				}
				if w.kinds[cell]&(1<<k) == 0 {
					continue
				}
				c := w.costs[cell*nKinds+k]
				walk(i+mv.a, j+mv.b, cost+float64(c), append(links, link{i, i + mv.a, j, j + mv.b, 0}))
			}
		}
		walk(0, 0, 0, nil)
		best := math.Inf(1)
		for _, a := range all {
			best = math.Min(best, a.cost)
		}
		for _, l := range ls {
			without := math.Inf(1)
			for _, a := range all {
				has := false
				for _, x := range a.links {
					has = has || x.e0 == l.e0 && x.e1 == l.e1 && x.z0 == l.z0 && x.z1 == l.z1
				}
				if !has {
					without = math.Min(without, a.cost)
				}
			}
			want := 1 / (1 + math.Exp(-math.Min(without-best, maxMargin)))
			assert.InDelta(t, want, l.score, 1e-6, "%q / %q: link %v", e, z, l)
		}
		checked++
	}
}

func TestNames(t *testing.T) {
	for s, want := range map[string]bool{
		"我们与传奇人物查理·芒格坐在一起": true,
		"这本书就是珍妮特・洛尔所作的":   true,
		"价格是 1·5 倍":        false,
		"沃伦总是笑话我":          false,
	} {
		assert.Equal(t, want, transliteratedName(s), s)
	}
	for s, want := range map[string]bool{
		"Good friend of the show, Andrew Marks, organized a dinner.": true,
		"It's Ben Graham's biography.":                               true,
		"The Motley Fool has positions.":                             true, // a company looks like a name
		"We bought GEICO. And AWS grew.":                             false,
		"Charlie, you want to add to that?":                          false,
		"And The Best is yet.":                                       false, // stop words are no names
	} {
		assert.Equal(t, want, fullName(s), s)
	}
}

// TestAlignConcurrent aligns the reference call's pairs from several
// goroutines at once (the batch converts files in parallel; the
// workspaces are pooled), each getting what one goroutine alone gets.
func TestAlignConcurrent(t *testing.T) {
	en, zh := referenceSides(t)
	want := make([]string, len(en))
	for i := range en {
		want[i] = show(Align(en[i], zh[i]))
	}
	var wg sync.WaitGroup
	errs := make(chan string, 4*len(en))
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range en {
				if got := show(Align(en[i], zh[i])); got != want[i] {
					errs <- got
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Errorf("concurrent alignment differs: %s", e)
	}
}

// TestSentenceNumbers: the numbers that anchor a sentence are its figures
// and its spelled-out numbers of a thousand and more, not the small words
// ("one of", "a", 一個) that would glue any two sentences.
func TestSentenceNumbers(t *testing.T) {
	tests := []struct {
		text string
		zh   bool
		want []string
	}{
		{"But we have well over a billion dollars of cash around.", false, []string{"a billion"}},
		{"Revenue grew 11% to $134.4 billion.", false, []string{"11%", "$134.4 billion"}},
		{"One of the two things: a thousand shareholders came.", false, []string{"a thousand"}},
		{"It is one of the best, and two years ago it was a good one.", false, nil},
		{"我们现在确实有超过 10 亿美元现金在手。", true, []string{"10 亿美元"}},
		{"我们有两个问题，一个是价格。", true, nil},
		{"We start at 5:30 in the 1st quarter.", false, []string{"5", "30", "1st"}}, // a clock time is its hour and minutes
		{"我们 8 月开始。", true, []string{"8 月"}},
		{"收入增长了５%。", true, []string{"５%"}}, // full-width digits
	}
	for _, tt := range tests {
		var got []string
		for _, ns := range sentenceNumbers(tt.text, []span{{0, len(tt.text)}}, tt.zh) {
			for _, n := range ns {
				got = append(got, n.Text)
			}
		}
		assert.Equal(t, tt.want, got, tt.text)
	}
}

// TestAlignDrift: sides with as many sentences can still drift far from
// the diagonal (two 3-1 merges, then two 1-3 splits): a small pair gets
// the whole grid, so the figures between them keep their own sentences.
func TestAlignDrift(t *testing.T) {
	en := []string{"Yes. No. Maybe.", "Sure. Right. Okay."}
	zh := []string{"是的，不，也许。", "当然，对，好的。"}
	for k := 1; k <= 6; k++ {
		en = append(en, fmt.Sprintf("Revenue in segment %d grew %d%% to $10%d.%d billion.", k, 10+k, k, k))
		zh = append(zh, fmt.Sprintf("第 %d 部门的收入增长了 %d%%，达到 10%d%d 亿美元。", k, 10+k, k, k))
	}
	en = append(en, "We will keep investing in the business, in our people and in our customers for a long time.",
		"Thank you all for joining us today, and we look forward to speaking with you again next quarter.")
	zh = append(zh, "我们会继续投资。投资于业务和员工。也投资于我们的客户。", "感谢大家今天的参与。我们期待下个季度。再次与大家交流。")
	e, z := strings.Join(en, " "), strings.Join(zh, "")
	require.Len(t, split(e, false), 14)
	require.Len(t, split(z, true), 14)
	var want strings.Builder
	for k := range en {
		fmt.Fprintf(&want, "%s = %s\n", en[k], zh[k])
	}
	assert.Equal(t, want.String(), show(Align(e, z)))
}
