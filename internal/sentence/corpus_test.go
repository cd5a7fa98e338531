package sentence

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// The gold's paragraphs are read straight from their files, not through
// package parse (which is rewritten elsewhere): each file's layout has a
// rule here that cuts its markup from a line, and a paragraph is its lines
// so cut, English ones joined by a space, Chinese ones with nothing.

// corpusDir holds the third-party corpus; it may be absent.
const corpusDir = "../../../shared/corpus/external"

// goldFile is where a gold paragraph's file lives: the reference call is in
// the repository, the rest in the shared corpus.
func goldFile(name string) string {
	if name == "amazon-2023-q2.en-zh-Hant.txt" {
		return filepath.Join("..", "..", "testdata", name)
	}
	return filepath.Join(corpusDir, name)
}

var (
	// "  [ 60] [EN] Jonathan Neilson:And thank you" / "       [中] 乔纳森：感谢"
	interleavedTag = regexp.MustCompile(`^\s*(?:\[\s*\d+\]\s*)?\[(?:EN|中)\]\s*`)
	// The inline speaker of that layout: a name and a colon with no space
	// after it.
	interleavedSpeakerEN = regexp.MustCompile(`^[A-Z][A-Za-z.'’\- ]{0,40}:(?:\S)`)
	interleavedSpeakerZH = regexp.MustCompile(`^[\p{Han}·A-Za-z\- ]{1,24}：`)
	// "(00:00:12) "
	stamp = regexp.MustCompile(`^\(\d\d:\d\d:\d\d\)\s*`)
	// "David: ", "WARREN BUFFETT: ", "**大卫·罗森塔尔（…）**：", "巴菲特："
	labelEN   = regexp.MustCompile(`^[A-Z][A-Za-z.'’\-]*(?: [A-Z][A-Za-z.'’\-]*){0,3}:\s+`)
	labelBold = regexp.MustCompile(`^\*\*[^*]{1,60}?\*\*\s*[:：]\s*`)
	labelZH   = regexp.MustCompile(`^[\p{Han}·]{1,10}[：:]\s*`)
)

// layoutRules cuts the markup of each gold file's layout from one line.
var layoutRules = map[string]func(line string, zh bool) string{
	"amazon-2023-q2.en-zh-Hant.txt":                       func(l string, _ bool) string { return l },
	"fool-msft-q3-2026-en-zh-interleaved.txt":             interleavedRule,
	"fool-fig-q3-2025-en-zh-interleaved-first-names.txt":  interleavedRule,
	"fool-mdb-q1-2025-en-zh-interleaved-header-lines.txt": interleavedRule,
	"alphamemo-mediatek-2026q1-zhtw-en-timestamped.txt": func(l string, _ bool) string {
		return cutPrefix(stamp, l)
	},
	"acquired-munger-interview-en-zh.md":     speakerLabelRule,
	"berkshire-1994-annual-meeting-en-zh.md": speakerLabelRule,
}

// interleavedRule cuts "[ 60] [EN] " or "[中] " and the inline speaker.
func interleavedRule(l string, zh bool) string {
	l = cutPrefix(interleavedTag, l)
	if zh {
		return cutPrefix(interleavedSpeakerZH, l)
	}
	if m := interleavedSpeakerEN.FindStringIndex(l); m != nil && m[0] == 0 {
		return l[m[1]-1:] // the pattern ends on the text's first letter
	}
	return l
}

// speakerLabelRule cuts "David: " or "**大卫**：" and drops the Markdown
// bold that the Chinese puts on labels and translator's notes.
func speakerLabelRule(l string, zh bool) string {
	if zh {
		l = cutPrefix(labelBold, l)
		l = cutPrefix(labelZH, l)
		return strings.ReplaceAll(l, "**", "")
	}
	return strings.ReplaceAll(cutPrefix(labelEN, l), "**", "")
}

func cutPrefix(re *regexp.Regexp, s string) string {
	if m := re.FindStringIndex(s); m != nil && m[0] == 0 {
		return s[m[1]:]
	}
	return s
}

// fileLines caches the lines of the files read.
var fileLines = map[string][]string{}

// readLines returns the lines of a gold file, or an error when it is absent.
func readLines(name string) ([]string, error) {
	if ls, ok := fileLines[name]; ok {
		return ls, nil
	}
	f, err := os.Open(goldFile(name))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var ls []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		ls = append(ls, sc.Text())
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	fileLines[name] = ls
	return ls, nil
}

// paragraphText derives a paragraph from its 1-based input lines.
func paragraphText(t testing.TB, name string, lines []int, zh bool) string {
	t.Helper()
	rule, ok := layoutRules[name]
	if !ok {
		t.Fatalf("%s: no layout rule", name)
	}
	ls, err := readLines(name)
	if err != nil {
		t.Fatal(err)
	}
	var parts []string
	for _, n := range lines {
		if n < 1 || n > len(ls) {
			t.Fatalf("%s: line %d out of range", name, n)
		}
		parts = append(parts, strings.TrimSpace(rule(ls[n-1], zh)))
	}
	if zh {
		return strings.Join(parts, "")
	}
	return strings.Join(parts, " ")
}

// shortHash is the first 12 hex digits of the SHA-256 of s: enough to
// notice that a gold paragraph's text changed.
func shortHash(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:6])
}

// machinePairs returns the paragraph pairs of the machine translations at
// hand: the reference call's, and the shared corpus's pairs files when
// present.
func machinePairs(t *testing.T) [][2]string {
	pairs := referencePairs(t)
	files, _ := filepath.Glob(filepath.Join(corpusDir, "fool-*-pairs.json"))
	for _, f := range files {
		pairs = append(pairs, corpusPairs(t, f)...)
	}
	return pairs
}

// corpusParagraphPairs returns the paragraph pairs at hand: the reference
// call's, and when the shared corpus is present, those of its pairs files
// and of the two human translations (an English paragraph, a blank line,
// its Chinese; headings left out), speaker labels cut.
func corpusParagraphPairs(t *testing.T) [][2]string {
	pairs := machinePairs(t)
	for _, name := range []string{"acquired-munger-interview-en-zh.md", "berkshire-1994-annual-meeting-en-zh.md"} {
		if ls, err := readLines(name); err == nil {
			pairs = append(pairs, humanPairs(ls, nil)...)
		}
	}
	return pairs
}
