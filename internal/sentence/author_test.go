package sentence

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

// The gold was written by hand with this helper, in two steps:
//
//	go test ./internal/sentence -run TestAuthor -args -author NOTES
//
// prints, for each paragraph of NOTES that has no links yet, its text cut
// into pieces at every place a sentence could end (any . ? ! … 。 ？ ！,
// with the closing quotes and brackets after it, and any closing bracket;
// never inside a decimal). Reading them, one writes the links under the
// paragraph, naming each sentence by the pieces it is made of; with
// -write the helper turns the notes into testdata/gold.json, with rune
// offsets and hashes. The notes hold piece numbers only, no text; they are
// not kept, since the gold is its own record: -show prints it back as text
// for review.
//
// Notes format:
//
//	P FILE EN-LINES ZH-LINES human|machine [TAG...]
//	L 0 1..2 = 0      English sentences p0 and p1+p2, one Chinese sentence p0
//	L 3 = -           an English sentence without counterpart
var (
	authorNotes = flag.String("author", "", "gold notes to print pieces for or convert (see author_test.go)")
	authorWrite = flag.Bool("write", false, "with -author, write the gold file given by -out")
	authorOut   = flag.String("out", goldPath, "with -author -write, the gold file to write (testdata/gold.json or testdata/heldout.json)")
)

// pieces cuts s at every possible sentence end, for reading. It is
// deliberately blunt: it over-cuts, and the reader joins.
func pieces(s string) [][2]int {
	var out [][2]int
	start := 0
	cut := func(end int) {
		if t := strings.TrimSpace(s[start:end]); t != "" {
			b := start + strings.Index(s[start:end], t)
			out = append(out, [2]int{b, b + len(t)})
		}
		start = end
	}
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		j := i + n
		switch {
		case strings.ContainsRune(".?!…。？！", r):
			if r == '.' && i > 0 && j < len(s) && isDigit(s[i-1]) && isDigit(s[j]) {
				break
			}
			for j < len(s) {
				r2, n2 := utf8.DecodeRuneInString(s[j:])
				if !strings.ContainsRune(".?!…。？！”’\"'）)」』】]", r2) {
					break
				}
				j += n2
			}
			cut(j)
		case strings.ContainsRune("）)】]", r):
			cut(j)
		}
		i = j
	}
	cut(len(s))
	return out
}

type authorPara struct {
	file   string
	en, zh []int
	class  string
	tags   []string
	links  []string
	line   int
}

func parseLines(s string) []int {
	var out []int
	for _, f := range strings.Split(s, ",") {
		n, err := strconv.Atoi(f)
		if err != nil {
			panic(fmt.Sprintf("bad line list %q", s))
		}
		out = append(out, n)
	}
	return out
}

func TestAuthor(t *testing.T) {
	if *authorNotes == "" {
		t.Skip("authoring helper; give -author NOTES")
	}
	f, err := os.Open(*authorNotes)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var ps []*authorPara
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		l := sc.Text()
		if i := strings.IndexByte(l, '#'); i >= 0 {
			l = l[:i]
		}
		fs := strings.Fields(l)
		if len(fs) == 0 {
			continue
		}
		switch fs[0] {
		case "P":
			ps = append(ps, &authorPara{file: fs[1], en: parseLines(fs[2]), zh: parseLines(fs[3]), class: fs[4], tags: fs[5:], line: n})
		case "L":
			ps[len(ps)-1].links = append(ps[len(ps)-1].links, strings.Join(fs[1:], " "))
		default:
			t.Fatalf("notes line %d: %q", n, l)
		}
	}
	var gold goldData
	for _, p := range ps {
		en := paragraphText(t, p.file, p.en, false)
		zh := paragraphText(t, p.file, p.zh, true)
		ep, zp := pieces(en), pieces(zh)
		if len(p.links) == 0 {
			fmt.Printf("\nP %s %v %v (notes line %d)\n", p.file, p.en, p.zh, p.line)
			for i, sp := range ep {
				fmt.Printf("  e%d  %s\n", i, en[sp[0]:sp[1]])
			}
			for i, sp := range zp {
				fmt.Printf("  z%d  %s\n", i, zh[sp[0]:sp[1]])
			}
			continue
		}
		gp := goldParagraph{File: p.file, ENLines: p.en, ZHLines: p.zh, Translation: p.class, Tags: p.tags,
			ENHash: shortHash(en), ZHHash: shortHash(zh)}
		nextE, nextZ := 0, 0
		for _, l := range p.links {
			sides := strings.Split(l, "=")
			if len(sides) != 2 {
				t.Fatalf("notes line %d: link %q", p.line, l)
			}
			var gl goldLink
			gl.EN = authorSide(t, en, ep, sides[0], &nextE, p.line)
			gl.ZH = authorSide(t, zh, zp, sides[1], &nextZ, p.line)
			gp.Links = append(gp.Links, gl)
		}
		if nextE != len(ep) || nextZ != len(zp) {
			t.Fatalf("notes line %d: pieces left over: en %d/%d zh %d/%d", p.line, nextE, len(ep), nextZ, len(zp))
		}
		gold.Paragraphs = append(gold.Paragraphs, gp)
	}
	if *authorWrite {
		if err := os.WriteFile(*authorOut, formatGold(gold), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// authorSide turns "0 1..2" into rune spans, checking that the pieces are
// used in order, each once.
func authorSide(t *testing.T, text string, ps [][2]int, side string, next *int, line int) [][2]int {
	side = strings.TrimSpace(side)
	if side == "-" {
		return nil
	}
	var out [][2]int
	for _, f := range strings.Fields(side) {
		a, b := f, f
		if i := strings.Index(f, ".."); i >= 0 {
			a, b = f[:i], f[i+2:]
		}
		lo, err1 := strconv.Atoi(a)
		hi, err2 := strconv.Atoi(b)
		if err1 != nil || err2 != nil || lo != *next || hi < lo || hi >= len(ps) {
			t.Fatalf("notes line %d: sentence %q (next piece %d of %d)", line, f, *next, len(ps))
		}
		*next = hi + 1
		out = append(out, [2]int{runeOffset(text, ps[lo][0]), runeOffset(text, ps[hi][1])})
	}
	return out
}

func runeOffset(s string, b int) int { return utf8.RuneCountInString(s[:b]) }

// formatGold writes one paragraph per block and one link per line, so that
// a change to the gold reads well in a diff.
func formatGold(g goldData) []byte {
	var b strings.Builder
	b.WriteString("{\"paragraphs\": [\n")
	for i, p := range g.Paragraphs {
		links := p.Links
		p.Links = nil
		head, _ := json.Marshal(p)
		h := strings.TrimSuffix(string(head), "}")
		h = strings.TrimSuffix(h, ",\"links\":null")
		b.WriteString("  " + h + ", \"links\": [\n")
		for j, l := range links {
			lj, _ := json.Marshal(l)
			b.WriteString("    " + string(lj))
			if j < len(links)-1 {
				b.WriteString(",")
			}
			b.WriteString("\n")
		}
		b.WriteString("  ]}")
		if i < len(g.Paragraphs)-1 {
			b.WriteString(",")
		}
		b.WriteString("\n")
	}
	b.WriteString("]}\n")
	return []byte(b.String())
}
