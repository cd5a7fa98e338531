package sentence

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/transcript-cli/transcript/internal/textutil"
)

// The alignment goldens hold Align to its output, links and scores (as
// computed, before Align rounds them) to the last bit, so that a change
// meant to make it faster (or any other change that should not move a
// link) shows every pair it moves. They are
// regenerated with -update after a change that is meant to.
//
//   - referenceGolden: every paragraph pair of the reference call, the
//     links written out.
//   - hashGolden: a SHA-256 of the output over each set of pairs whose text
//     may not be copied into the repository (the shared corpus's files,
//     checked when present), or is too big to be worth reading (the
//     reference call as one paragraph, which takes the band; perturbed
//     pairs, which leave the fast path). Each line also holds a hash of the
//     set's inputs: when an input changes (the corpus, or package parse
//     for the sets read through convert in align_convert_golden_test.go),
//     that set is skipped with a note rather than failed.
const (
	referenceGolden = "testdata/align-reference.golden"
	hashGolden      = "testdata/align-hashes.golden"
)

var (
	updateGolden = flag.Bool("update", false, "rewrite the alignment goldens (align_golden_test.go)")
	dumpGolden   = flag.String("dump", "", "write each hashed set's output in full to this directory, to diff two versions by (keep it outside the repository: it holds corpus text)")
)

// renderLinks writes links one a line: the score (shortest exact form),
// then the English and the Chinese, "-" for a missing side.
func renderLinks(b *strings.Builder, ls []Link) {
	for _, l := range ls {
		en, zh := sides(l)
		fmt.Fprintf(b, "%s\t%s\t%s\n", strconv.FormatFloat(l.Score, 'g', -1, 64), en, zh)
	}
}

// GoldenSet is a named set of paragraph pairs whose alignment is hashed.
type GoldenSet struct {
	Name  string
	Pairs [][2]string
}

// hashLine aligns a set's pairs and returns its line of hashGolden without
// the name: the counts, the inputs' hash and the outputs'.
func hashLine(set GoldenSet) string {
	in, out := sha256.New(), sha256.New()
	links := 0
	var b, all strings.Builder
	for _, p := range set.Pairs {
		fmt.Fprintf(in, "%d:%s%d:%s", len(p[0]), p[0], len(p[1]), p[1])
		ls := alignExact(valid(p[0]), valid(p[1]))
		links += len(ls)
		b.Reset()
		fmt.Fprintf(&b, "## %d\n", len(ls))
		renderLinks(&b, ls)
		out.Write([]byte(b.String()))
		all.WriteString(b.String())
	}
	if *dumpGolden != "" {
		name := strings.ReplaceAll(set.Name, ":", "_") + ".txt"
		if err := os.WriteFile(filepath.Join(*dumpGolden, name), []byte(all.String()), 0o644); err != nil {
			panic(err)
		}
	}
	return fmt.Sprintf("pairs=%d links=%d in=%s out=%s", len(set.Pairs), links,
		hex.EncodeToString(in.Sum(nil)[:8]), hex.EncodeToString(out.Sum(nil)))
}

// CheckHashGolden checks sets against hashGolden, or with -update writes
// their lines into it (keeping those of sets not at hand).
func CheckHashGolden(t *testing.T, sets []GoldenSet) {
	t.Helper()
	want := readHashGolden(t)
	if *updateGolden {
		for _, s := range sets {
			want[s.Name] = hashLine(s)
		}
		writeHashGolden(t, want)
		return
	}
	for _, s := range sets {
		got := hashLine(s)
		w, ok := want[s.Name]
		switch {
		case !ok:
			t.Errorf("%s: not in %s (run go test -run Golden -update)", s.Name, hashGolden)
		case inputsOf(w) != inputsOf(got) && !fromCorpus(s.Name):
			t.Errorf("%s: inputs changed (%s, golden %s): run -update once the change is meant", s.Name, inputsOf(got), inputsOf(w))
		case inputsOf(w) != inputsOf(got):
			// The shared corpus is not ours to pin: a new copy of it is
			// no failure of the aligner.
			t.Logf("%s: inputs changed (%s, golden %s); skipped, run -update to check it again", s.Name, inputsOf(got), inputsOf(w))
		case w != got:
			t.Errorf("%s: alignment changed:\n got %s\nwant %s", s.Name, got, w)
		}
	}
}

// fromCorpus reports whether a set is read from the shared corpus.
func fromCorpus(name string) bool {
	return strings.HasPrefix(name, "pairs:") || strings.HasPrefix(name, "convert:")
}

// inputsOf is the part of a hash line that says what was aligned.
func inputsOf(line string) string {
	var in []string
	for _, f := range strings.Fields(line) {
		if strings.HasPrefix(f, "pairs=") || strings.HasPrefix(f, "in=") {
			in = append(in, f)
		}
	}
	return strings.Join(in, " ")
}

func readHashGolden(t *testing.T) map[string]string {
	t.Helper()
	out := map[string]string{}
	f, err := os.Open(hashGolden)
	if os.IsNotExist(err) && *updateGolden {
		return out
	}
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if l := sc.Text(); l != "" && !strings.HasPrefix(l, "#") {
			name, rest, _ := strings.Cut(l, " ")
			out[name] = rest
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

func writeHashGolden(t *testing.T, lines map[string]string) {
	t.Helper()
	names := make([]string, 0, len(lines))
	for n := range lines {
		names = append(names, n)
	}
	sort.Strings(names)
	var b strings.Builder
	b.WriteString("# name pairs links in=SHA-256(inputs)[:8] out=SHA-256(output): see align_golden_test.go\n")
	for _, n := range names {
		fmt.Fprintf(&b, "%s %s\n", n, lines[n])
	}
	if err := os.WriteFile(hashGolden, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestAlignGoldenReference holds Align to referenceGolden on every
// paragraph pair of the reference call.
func TestAlignGoldenReference(t *testing.T) {
	var b strings.Builder
	for k, p := range referencePairs(t) {
		fmt.Fprintf(&b, "## pair %d\n", k)
		renderLinks(&b, alignExact(valid(p[0]), valid(p[1])))
	}
	got := b.String()
	if *updateGolden {
		if err := os.WriteFile(referenceGolden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(referenceGolden)
	if err != nil {
		t.Fatal(err)
	}
	if got == string(want) {
		return
	}
	// The first pair that differs, whole.
	gp, wp := strings.Split(got, "## pair "), strings.Split(string(want), "## pair ")
	for k := 0; k < max(len(gp), len(wp)); k++ {
		var g, w string
		if k < len(gp) {
			g = gp[k]
		}
		if k < len(wp) {
			w = wp[k]
		}
		if g != w {
			t.Fatalf("alignment differs from %s:\n got pair %s\nwant pair %s", referenceGolden, g, w)
		}
	}
}

// TestAlignGoldenHashes holds Align to hashGolden on the sets at hand: the
// reference call as one paragraph pair, the reference pairs perturbed, the
// fuzz seeds, and the shared corpus's files, one set each, when present
// (the pairs of corpusParagraphPairs).
func TestAlignGoldenHashes(t *testing.T) {
	en, zh := referenceSides(t)
	sets := []GoldenSet{
		{"reference-one-paragraph", [][2]string{{strings.Join(en, " "), strings.Join(zh, "")}}},
		{"reference-perturbed", perturbed(referencePairs(t))},
		{"fuzz-seeds", fuzzSeeds},
	}
	files, _ := filepath.Glob(filepath.Join(corpusDir, "fool-*-pairs.json"))
	for _, f := range files {
		sets = append(sets, GoldenSet{"pairs:" + filepath.Base(f), corpusPairs(t, f)})
	}
	for _, name := range []string{"acquired-munger-interview-en-zh.md", "berkshire-1994-annual-meeting-en-zh.md"} {
		if ls, err := readLines(name); err == nil {
			sets = append(sets, GoldenSet{"pairs:" + name, humanPairs(ls, nil)})
		}
	}
	if len(files) == 0 {
		t.Log("shared corpus absent: its sets not checked")
	}
	CheckHashGolden(t, sets)
}

// humanPairs are the paragraph pairs of a human translation as
// corpusParagraphPairs reads them, but for those whose English starts on
// a line (1-based) that skip, when not nil, reports.
func humanPairs(ls []string, skip func(line int) bool) [][2]string {
	var pairs [][2]string
	for i := 0; i+2 < len(ls); i++ {
		if skip != nil && skip(i+1) {
			continue
		}
		if ls[i] != "" && !textutil.HasHan(ls[i]) && ls[i+1] == "" && textutil.HasHan(ls[i+2]) && !strings.HasPrefix(ls[i+2], "#") {
			pairs = append(pairs, [2]string{speakerLabelRule(ls[i], false), speakerLabelRule(ls[i+2], true)})
		}
	}
	return pairs
}

// perturbed returns pairs that leave the fast path: from each pair, one
// Chinese sentence dropped; from each, one English sentence dropped; and
// each pair's Chinese with the next pair's English appended, so that the
// anchors and every kind of link get exercised.
func perturbed(pairs [][2]string) [][2]string {
	var out [][2]string
	for k, p := range pairs {
		es, zs := SplitEnglish(p[0]), SplitChinese(p[1])
		if len(zs) > 1 {
			d := k % len(zs)
			out = append(out, [2]string{p[0], strings.Join(append(zs[:d:d], zs[d+1:]...), "")})
		}
		if len(es) > 1 {
			d := (k * 7) % len(es)
			out = append(out, [2]string{strings.Join(append(es[:d:d], es[d+1:]...), " "), p[1]})
		}
		if k+1 < len(pairs) {
			out = append(out, [2]string{p[0] + " " + pairs[k+1][0], p[1]})
		}
	}
	return out
}
