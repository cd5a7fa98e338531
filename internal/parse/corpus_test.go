package parse

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// corpusDir holds the external test corpus beside the repository; tests
// that read it skip when it is absent.
const corpusDir = "../../../shared/corpus/external"

// corpusWant holds facts counted by reading each corpus file (grep and awk
// over its speaker lines, section titles and participant entries), not by
// running this parser.
type corpusWant struct {
	layout       string
	turns        int
	speakers     map[int]string // turn index → speaker
	prepared     int            // turns before the first Q&A turn; -1 when there are no sections
	participants int
	analysts     int // participants with role analyst
	bodyLines    int // lines in turn blocks; 0 to skip
}

var corpusWants = map[string]corpusWant{
	"alphamemo-mediatek-2026q1-zhtw-en-timestamped.txt": {
		layout: "alphamemo", turns: 12, prepared: 3, bodyLines: 44,
		speakers: map[int]string{0: "Jason Wang", 1: "Jessie Wang", 3: "Jason Wang", 11: "Jason Wang"},
	},
	"fool-msft-q3-2026-en-zh-interleaved.txt": {
		// 113 numbered pairs after the first speaker, less the Motley
		// Fool's footer (4 pairs), which is a notice.
		layout: "interleaved", turns: 45, prepared: -1, participants: 5, bodyLines: 2 * 109,
		speakers: map[int]string{0: "Jonathan Neilson", 1: "Satya Nadella", 2: "Amy Hood", 3: "Jonathan Neilson",
			4: "Operator", 5: "Keith Weiss", 44: "Operator"},
	},
	"acquired-munger-interview-en-zh.md": {
		layout: "speakerprefix", turns: 385, prepared: -1, bodyLines: 2 * 414,
		speakers: map[int]string{0: "David", 1: "Ben", 2: "David", 3: "Ben"},
	},
	"berkshire-1994-annual-meeting-en-zh.md": {
		// 496 English speaker labels open turns: every upper-case label
		// ("WARREN BUFFETT:" 274 times, "AUDIENCE MEMBER:" 104, "CHARLIE
		// MUNGER:" 96, "MILLER:" once, …) except "PDF:" before a link.
		layout: "speakerprefix", turns: 496, prepared: -1,
		speakers: map[int]string{0: "WARREN BUFFETT", 1: "CHARLIE MUNGER", 2: "WARREN BUFFETT", 3: "AUDIENCE"},
	},
	"allin-openai-cfo-zh-first-en-details.md": {
		layout: "speakerprefix", turns: 69, prepared: -1, bodyLines: 2 * 69,
		speakers: map[int]string{0: "Host", 1: "Sarah Friar", 2: "Interviewer A", 3: "Interviewer B"},
	},
	"fool-html2text-televisa-q2-2020.txt": {
		layout: "foolhtml", turns: 51, prepared: 10, participants: 11, analysts: 7, bodyLines: 86,
		speakers: map[int]string{0: "Operator", 1: "Alfonso De Angoitia Noriega", 2: "Patricio Wills",
			10: "Operator", 11: "Rodrigo Villanueva"},
	},
	"fool-msft-q3-2026-en-inline-speakers.txt": {
		layout: "foolinline", turns: 45, prepared: -1, participants: 5, bodyLines: 109,
		speakers: map[int]string{0: "Jonathan Neilson", 1: "Satya Nadella", 4: "Operator", 5: "Keith Weiss", 44: "Operator"},
	},
	"streetevents-csco-2020q4.txt": {
		layout: "streetevents", turns: 61, prepared: 5, participants: 13, analysts: 10, bodyLines: 137,
		speakers: map[int]string{0: "Operator", 1: "Marilyn Mora", 2: "Charles H. Robbins", 5: "Operator",
			6: "Ahmed Sami Badri", 60: "Operator"},
	},
	"streetevents-amzn-2016q4-mixed-crlf.txt": {
		layout: "streetevents", turns: 47, prepared: 2, bodyLines: 120,
		speakers: map[int]string{0: "Operator", 1: "Darin Manney"},
	},
	"capiq-pdftext-equinix-2022q3.txt": {
		// 611 lines between PRESENTATION and DISCLAIMER: 47 speaker names,
		// 36 "Company - Title" lines (none under Operator and Unidentified
		// Analyst), 528 lines of text.
		layout: "capiq", turns: 47, prepared: 5, participants: 9, analysts: 6, bodyLines: 528,
		speakers: map[int]string{0: "Operator", 1: "Katrina Rymill", 2: "Charles J. Meyers", 3: "Keith D. Taylor",
			5: "Operator", 6: "Jonathan Atkin", 46: "Operator"},
	},
	"ectsum-sentence-per-line-aan-q3-2021.txt": {
		layout: "sentences", turns: 1, prepared: -1, bodyLines: 95,
		speakers: map[int]string{0: ""},
	},
}

func readCorpus(t *testing.T, name string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(corpusDir, name))
	if os.IsNotExist(err) {
		t.Skipf("corpus file %s absent", name)
	}
	if err != nil {
		t.Fatal(err)
	}
	return normalize(string(data))
}

func TestCorpusLayouts(t *testing.T) {
	for name, want := range corpusWants {
		t.Run(name, func(t *testing.T) {
			text := readCorpus(t, name)
			d, err := Parse(text, "")
			if err != nil {
				t.Fatal(err)
			}
			if d.Layout != want.layout {
				t.Fatalf("detected %q, want %q", d.Layout, want.layout)
			}
			checkAccounting(t, name, Lines(text), d)
			if len(d.Turns) != want.turns {
				t.Errorf("turns = %d, want %d", len(d.Turns), want.turns)
			}
			for i, sp := range want.speakers {
				if i < len(d.Turns) && d.Turns[i].Speaker != sp {
					t.Errorf("turn %d speaker = %q, want %q", i, d.Turns[i].Speaker, sp)
				}
			}
			prepared, body := 0, 0
			for i, tr := range d.Turns {
				if tr.Section == "prepared_remarks" && prepared == i {
					prepared++
				}
				if tr.Section == "qa" && i < want.prepared {
					t.Errorf("turn %d is in Q&A, want prepared remarks", i)
				}
				for _, b := range tr.Blocks {
					body += len(b)
				}
			}
			if want.prepared >= 0 && prepared != want.prepared {
				t.Errorf("prepared-remarks turns = %d, want %d", prepared, want.prepared)
			}
			if want.prepared >= 0 && d.Turns[len(d.Turns)-1].Section != "qa" {
				t.Errorf("last turn section = %q, want qa", d.Turns[len(d.Turns)-1].Section)
			}
			analysts := 0
			for _, p := range d.Participants {
				if p.Role == "analyst" {
					analysts++
				}
			}
			if len(d.Participants) != want.participants || analysts != want.analysts {
				t.Errorf("participants = %d (%d analysts), want %d (%d)", len(d.Participants), analysts, want.participants, want.analysts)
			}
			if want.bodyLines > 0 && body != want.bodyLines {
				t.Errorf("body lines = %d, want %d", body, want.bodyLines)
			}
		})
	}
}

// The reference file keeps its own layout, and every corpus file, whatever
// its layout, parses in every layout without losing a line.
func TestCorpusNothingLost(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(corpusDir, "*"))
	if len(files) == 0 {
		t.Skip("corpus absent")
	}
	ref, err := os.ReadFile("../../testdata/amazon-2023-q2.en-zh-Hant.txt")
	if err != nil {
		t.Fatal(err)
	}
	if d, _ := Parse(string(ref), ""); d.Layout != "plain" || len(d.Turns) != 26 {
		t.Errorf("reference file: layout %q with %d turns, want plain with 26", d.Layout, len(d.Turns))
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		text := normalize(string(data))
		lines := Lines(text)
		for _, l := range Layouts() {
			d, _ := Parse(text, l.Name)
			checkAccounting(t, filepath.Base(f)+" as "+l.Name, lines, d)
			if again, _ := Parse(text, l.Name); !reflect.DeepEqual(d, again) {
				t.Errorf("%s as %s: not deterministic", filepath.Base(f), l.Name)
			}
		}
	}
}
