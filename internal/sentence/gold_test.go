package sentence

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"strings"
	"testing"
)

// The hand-made gold (see docs/sentences.md): goldPath was written before
// the aligner, and the aligner was developed on it; heldoutPath holds human
// translations only, written before the aligner was tuned further and used
// only to report on, until its errors had been read; heldout2Path, human
// translations again, was written after that, to report on in its place.
const (
	goldPath     = "testdata/gold.json"
	heldoutPath  = "testdata/heldout.json"
	heldout2Path = "testdata/heldout2.json"
)

// goldSets names the set of each gold file's paragraphs.
var goldSets = []struct{ path, set string }{{goldPath, "dev"}, {heldoutPath, "heldout"}, {heldout2Path, "heldout2"}}

type goldData struct {
	Paragraphs []goldParagraph `json:"paragraphs"`
}

// goldParagraph is one paragraph pair of the gold: where it is, hashes of
// its two texts, and its links.
type goldParagraph struct {
	File        string     `json:"file"`
	ENLines     []int      `json:"en_lines"`
	ZHLines     []int      `json:"zh_lines"`
	Translation string     `json:"translation"` // "human" or "machine"
	Tags        []string   `json:"tags,omitempty"`
	ENHash      string     `json:"en_hash"`
	ZHHash      string     `json:"zh_hash"`
	Links       []goldLink `json:"links"`
}

// goldLink is one link: its sentences on each side as [start, end) rune
// offsets into the paragraph's text; empty for no counterpart.
type goldLink struct {
	EN [][2]int `json:"en"`
	ZH [][2]int `json:"zh"`
}

var (
	goldShow   = flag.Bool("show", false, "print the gold's links as text (for review)")
	goldErrors = flag.Bool("errors", false, "log every link the aligner gets wrong on the gold")
)

// readGold reads one gold file.
func readGold(t testing.TB, path string) goldData {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var g goldData
	if err := json.Unmarshal(b, &g); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return g
}

// loadGold reads both gold files and the paragraphs they were made on.
// Paragraphs whose file is absent (the shared corpus) are left out; a text
// whose hash differs fails the test, since the offsets would point into
// other text.
func loadGold(t testing.TB) []goldCase {
	t.Helper()
	var out []goldCase
	for _, gs := range goldSets {
		for _, p := range readGold(t, gs.path).Paragraphs {
			if _, err := readLines(p.File); err != nil {
				continue
			}
			c := goldCase{goldParagraph: p, set: gs.set, en: paragraphText(t, p.File, p.ENLines, false), zh: paragraphText(t, p.File, p.ZHLines, true)}
			if shortHash(c.en) != p.ENHash || shortHash(c.zh) != p.ZHHash {
				t.Fatalf("%s: the text of the gold paragraph changed; the gold must be redone", c.name())
			}
			out = append(out, c)
		}
	}
	return out
}

// goldCase is a gold paragraph with its texts and its set ("dev",
// "heldout" or "heldout2").
type goldCase struct {
	goldParagraph
	set    string
	en, zh string
}

func (c goldCase) name() string {
	return fmt.Sprintf("%s:%v/%v", c.File, c.ENLines, c.ZHLines)
}

// runeSpan returns the text of a rune span.
func runeSpan(s string, sp [2]int) string {
	r := []rune(s)
	return string(r[sp[0]:sp[1]])
}

// TestGoldWellFormed holds the gold to what the brief asks of it and to
// what evaluation assumes: every link has a side, spans follow each other
// in order, and together they cover each paragraph's text but for the
// white space between sentences.
func TestGoldWellFormed(t *testing.T) {
	g := readGold(t, goldPath)
	files := map[string]bool{}
	links, human := 0, 0
	for _, p := range g.Paragraphs {
		files[p.File] = true
		links += len(p.Links)
		if p.Translation == "human" {
			human++
		} else if p.Translation != "machine" {
			t.Errorf("%s %v: translation %q", p.File, p.ENLines, p.Translation)
		}
		for _, l := range p.Links {
			if len(l.EN) == 0 && len(l.ZH) == 0 {
				t.Errorf("%s %v: a link with no side", p.File, p.ENLines)
			}
		}
	}
	if len(g.Paragraphs) < 40 || len(files) < 4 || 2*human < len(g.Paragraphs) || links < 200 {
		t.Errorf("gold too small: %d paragraphs (%d human) from %d files, %d links", len(g.Paragraphs), human, len(files), links)
	}
	// The held-out golds: human translations only, none of an earlier
	// gold's paragraphs.
	seen := map[string]string{}
	for _, p := range g.Paragraphs {
		seen[fmt.Sprint(p.File, p.ENLines)] = goldPath
	}
	for _, path := range []string{heldoutPath, heldout2Path} {
		h := readGold(t, path)
		hLinks := 0
		for _, p := range h.Paragraphs {
			hLinks += len(p.Links)
			key := fmt.Sprint(p.File, p.ENLines)
			if p.Translation != "human" {
				t.Errorf("%s %s %v: a held-out gold holds human translations, not %q", path, p.File, p.ENLines, p.Translation)
			}
			if seen[key] != "" {
				t.Errorf("%s %s %v: also in %s", path, p.File, p.ENLines, seen[key])
			}
			seen[key] = path
		}
		if len(h.Paragraphs) < 20 || hLinks < 80 {
			t.Errorf("%s too small: %d paragraphs, %d links", path, len(h.Paragraphs), hLinks)
		}
	}
	for _, c := range loadGold(t) {
		for side, text := range map[string]string{"en": c.en, "zh": c.zh} {
			rs := []rune(text)
			at := 0
			for _, l := range c.Links {
				spans := l.EN
				if side == "zh" {
					spans = l.ZH
				}
				for _, sp := range spans {
					if sp[0] < at || sp[1] <= sp[0] || sp[1] > len(rs) {
						t.Fatalf("%s %s: span %v after %d", c.name(), side, sp, at)
					}
					if gap := strings.TrimSpace(string(rs[at:sp[0]])); gap != "" {
						t.Errorf("%s %s: text %q in no link", c.name(), side, gap)
					}
					at = sp[1]
				}
			}
			if rest := strings.TrimSpace(string(rs[at:])); rest != "" {
				t.Errorf("%s %s: text %q in no link", c.name(), side, rest)
			}
		}
	}
}
