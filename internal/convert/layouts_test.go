package convert_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/transcript-cli/transcript/internal/convert"
	"github.com/transcript-cli/transcript/internal/model"
)

type pairWant struct {
	layout     string
	paragraphs int // all paragraphs of all turns
	paired     int
	zh         string // languages.translation, "" for none
}

func statuses(t *model.Transcript) (all, paired int) {
	for _, turn := range t.Turns {
		for _, p := range turn.Paragraphs {
			all++
			if p.Status == model.Paired {
				paired++
			}
		}
	}
	return all, paired
}

func checkPairs(t *testing.T, path string, want pairWant) *model.Transcript {
	t.Helper()
	data, err := os.ReadFile(path)
	if os.IsNotExist(err) {
		t.Skipf("%s absent", path)
	}
	if err != nil {
		t.Fatal(err)
	}
	tr, err := convert.Convert(path, data, convert.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if tr.Source.Layout != want.layout {
		t.Errorf("source.layout = %q, want %q", tr.Source.Layout, want.layout)
	}
	all, paired := statuses(tr)
	if want.paragraphs > 0 && all != want.paragraphs {
		t.Errorf("paragraphs = %d, want %d", all, want.paragraphs)
	}
	if paired != want.paired {
		t.Errorf("paired = %d, want %d", paired, want.paired)
	}
	zh := ""
	if tr.Languages.Translation != nil {
		zh = *tr.Languages.Translation
	}
	if zh != want.zh {
		t.Errorf("translation = %q, want %q", zh, want.zh)
	}
	if want.zh == "" {
		// English only: one file-level warning, not one per paragraph.
		n := 0
		for _, w := range tr.Warnings {
			if w.Code == model.MissingTranslation {
				n++
			}
		}
		if n > 0 {
			t.Errorf("%d missing_translation warnings in an English-only file", n)
		}
	}
	return tr
}

func TestLayoutFixturePairs(t *testing.T) {
	wants := map[string]pairWant{
		"alphamemo":     {"alphamemo", 4, 4, "zh-Hant"},
		"interleaved":   {"interleaved", 5, 5, "zh-Hans"},
		"speakerprefix": {"speakerprefix", 5, 5, "zh-Hans"},
		"foolhtml":      {"foolhtml", 6, 0, ""},
		"foolinline":    {"foolinline", 6, 0, ""},
		"streetevents":  {"streetevents", 5, 0, ""},
		"capiq":         {"capiq", 5, 0, ""},
		"sentences":     {"sentences", 6, 0, ""},
	}
	for name, want := range wants {
		t.Run(name, func(t *testing.T) {
			tr := checkPairs(t, filepath.Join("..", "..", "testdata", "layouts", name+".txt"), want)
			first := tr.Turns[0].Paragraphs[0]
			switch name {
			case "alphamemo":
				if first.Time == nil || *first.Time != "00:00:05" {
					t.Errorf("first paragraph time = %v, want 00:00:05", first.Time)
				}
				if *first.EN != "Good afternoon and welcome to our call." {
					t.Errorf("first paragraph = %q", *first.EN)
				}
			case "interleaved":
				if *first.EN != "Thank you for joining us today." || *first.ZH != "感谢您今天加入我们。" {
					t.Errorf("first pair = %q / %q, want the labels cut", *first.EN, *first.ZH)
				}
			case "speakerprefix":
				if *first.ZH != "欢迎大家回到节目。" {
					t.Errorf("first translation = %q, want the label cut", *first.ZH)
				}
			case "capiq":
				p := tr.Turns[1].Paragraphs[0]
				if !strings.HasSuffix(*p.EN, "as we continue to invest in our stores and our people.") {
					t.Errorf("wrapped paragraph not rejoined: %q", *p.EN)
				}
			}
			if first.Time != nil && name != "alphamemo" {
				t.Errorf("time = %q in a layout without timestamps", *first.Time)
			}
		})
	}
}

// Pair counts of the corpus files, counted by reading them: alphamemo 44
// stamped lines in 22 pairs, interleaved 113 numbered pairs after the first
// speaker, acquired 414 English paragraphs each followed by its translation,
// allin 69 <details> blocks; the English-only files' paragraph lines.
func TestCorpusPairs(t *testing.T) {
	dir := filepath.Join("..", "..", "..", "shared", "corpus", "external")
	wants := map[string]pairWant{
		"alphamemo-mediatek-2026q1-zhtw-en-timestamped.txt": {"alphamemo", 22, 22, "zh-Hant"},
		// 113 numbered pairs after the first speaker, less the Motley
		// Fool's footer (4 pairs), which is a notice.
		"fool-msft-q3-2026-en-zh-interleaved.txt": {"interleaved", 109, 109, "zh-Hans"},
		"acquired-munger-interview-en-zh.md":      {"speakerprefix", 414, 414, "zh-Hans"},
		"allin-openai-cfo-zh-first-en-details.md": {"speakerprefix", 69, 69, "zh-Hans"},
		// 463 Chinese lines, at most 462 adjacent to an English line.
		"berkshire-1994-annual-meeting-en-zh.md":   {"speakerprefix", 0, 460, "zh-Hans"},
		"fool-html2text-televisa-q2-2020.txt":      {"foolhtml", 86, 0, ""},
		"fool-msft-q3-2026-en-inline-speakers.txt": {"foolinline", 109, 0, ""},
		"streetevents-csco-2020q4.txt":             {"streetevents", 137, 0, ""},
		"streetevents-amzn-2016q4-mixed-crlf.txt":  {"streetevents", 120, 0, ""},
		"capiq-pdftext-equinix-2022q3.txt":         {"capiq", 0, 0, ""},
		"ectsum-sentence-per-line-aan-q3-2021.txt": {"sentences", 95, 0, ""},
	}
	for name, want := range wants {
		t.Run(name, func(t *testing.T) {
			checkPairs(t, filepath.Join(dir, name), want)
		})
	}
	t.Run("reference", func(t *testing.T) {
		tr := checkPairs(t, filepath.Join("..", "..", "testdata", "amazon-2023-q2.en-zh-Hant.txt"), pairWant{"plain", 87, 87, "zh-Hant"})
		if len(tr.Turns) != 26 {
			t.Errorf("turns = %d, want 26", len(tr.Turns))
		}
	})
}

// The layouts' section markers and participant lists reach the output:
// the first Q&A turn is the first under the marker (counted in the files),
// and listed participants keep their firm.
func TestCorpusSectionsAndParticipants(t *testing.T) {
	dir := filepath.Join("..", "..", "..", "shared", "corpus", "external")
	firstQA := map[string]int{
		"alphamemo-mediatek-2026q1-zhtw-en-timestamped.txt": 3,
		"fool-html2text-televisa-q2-2020.txt":               10,
		"streetevents-csco-2020q4.txt":                      5,
		"streetevents-amzn-2016q4-mixed-crlf.txt":           2,
		"capiq-pdftext-equinix-2022q3.txt":                  5,
		// Amy Hood ends her remarks "With that, let us go to Q&A": the
		// next turn is the Q&A's.
		"fool-msft-q3-2026-en-inline-speakers.txt": 3,
		"fool-msft-q3-2026-en-zh-interleaved.txt":  3,
	}
	for name, want := range firstQA {
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join(dir, name))
			if os.IsNotExist(err) {
				t.Skip("corpus absent")
			}
			tr, err := convert.Convert(name, data, convert.Options{})
			if err != nil {
				t.Fatal(err)
			}
			got := -1
			for i, turn := range tr.Turns {
				if turn.Section != nil && *turn.Section == model.SectionQA {
					got = i
					break
				}
			}
			if got != want {
				t.Errorf("first Q&A turn = %d, want %d", got, want)
			}
			if name != "streetevents-csco-2020q4.txt" {
				return
			}
			p := tr.Participants[3]
			if p.Name != "Paul Jonas Silverstein" || p.Firm == nil || *p.Firm != "Cowen and Company, LLC, Research Division" ||
				p.Role != model.RoleAnalyst || len(p.Turns) == 0 {
				t.Errorf("participant 3 = %+v", p)
			}
		})
	}
}
