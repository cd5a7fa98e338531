package parse

import (
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"
)

// fixtureWant is what a synthetic fixture in testdata/layouts must parse to.
type fixtureWant struct {
	turns        int
	speakers     []string
	titles       []string // "" for no title
	sections     []string
	participants []Participant // Name, Title, Firm, Role compared
	summary      int
	notices      int
	headings     int
	markup       int
	paragraphs   int // body blocks over all turns
}

var fixtureWants = map[string]fixtureWant{
	"alphamemo": {
		speakers: []string{"Ada Lin", "Ben Cho", "Ada Lin"},
		titles:   []string{"Example Corp, Investor Relations", "Sample Securities, Analyst", "Example Corp, Investor Relations"},
		sections: []string{"prepared_remarks", "qa", "qa"},
		summary:  2, notices: 1, headings: 6, paragraphs: 4,
	},
	"interleaved": {
		speakers: []string{"Ada Lin", "Operator", "Ben Cho", "Ada Lin"},
		titles:   []string{"", "", "", ""},
		// No section markers: package structure reads where the Q&A opens.
		sections:     []string{"", "", "", ""},
		participants: []Participant{{Name: "Ada Lin", Title: "Chief Executive Officer", Role: "executive"}},
		summary:      2, headings: 2, markup: 4, paragraphs: 5,
	},
	"speakerprefix": {
		speakers: []string{"Ann", "Bob", "Ann", "Bob"},
		titles:   []string{"", "", "", ""},
		sections: []string{"", "", "", ""},
		summary:  3, notices: 2, headings: 1, paragraphs: 10,
	},
	"foolhtml": {
		speakers: []string{"Operator", "Ada Lin", "Operator", "Ben Cho", "Ada Lin"},
		titles:   []string{"", "Chief Executive Officer", "", "Analyst", "Chief Executive Officer"},
		sections: []string{"prepared_remarks", "prepared_remarks", "qa", "qa", "qa"},
		participants: []Participant{
			{Name: "Ada Lin", Title: "Chief Executive Officer", Role: "executive"},
			{Name: "Ben Cho", Title: "Analyst", Firm: "Sample Securities", Role: "analyst"},
		},
		// The page's title lines are the preamble; the image credit and the
		// contents list are markup; lines without blank lines between them
		// are one block per turn.
		summary: 3, headings: 3, markup: 6, paragraphs: 5,
	},
	"foolinline": {
		speakers: []string{"Ada Lin", "Cal Diaz", "Operator", "Ben Cho", "Cal Diaz"},
		titles:   []string{"", "", "", "", ""},
		sections: []string{"", "", "", "", ""},
		participants: []Participant{
			{Name: "Ada Lin", Title: "Chief Executive Officer", Role: "executive"},
			{Name: "Cal Diaz", Title: "Chief Financial Officer", Role: "executive"},
		},
		summary: 2, notices: 1, headings: 1, markup: 3, paragraphs: 6,
	},
	"streetevents": {
		speakers: []string{"Operator", "Ada Lin", "Ben Cho", "Ada Lin"},
		titles:   []string{"", "CEO", "Analyst", "CEO"},
		sections: []string{"prepared_remarks", "prepared_remarks", "qa", "qa"},
		participants: []Participant{
			{Name: "Ada Lin", Title: "CEO", Firm: "Example Corp", Role: "executive"},
			{Name: "Ben Cho", Title: "Analyst", Firm: "Sample Securities, Research Division", Role: "analyst"},
		},
		headings: 4, markup: 2, paragraphs: 5,
	},
	"capiq": {
		speakers: []string{"Operator", "Ada Lin", "Ben Cho", "Ada Lin"},
		titles:   []string{"", "CEO", "Analyst", "CEO"},
		sections: []string{"prepared_remarks", "prepared_remarks", "qa", "qa"},
		participants: []Participant{
			{Name: "Ada Lin", Title: "CEO", Firm: "Example Corp", Role: "executive"},
			{Name: "Ben Cho", Title: "Analyst", Firm: "Sample Securities, Research Division", Role: "analyst"},
		},
		notices: 1, headings: 5, paragraphs: 5,
	},
	"sentences": {
		speakers:   []string{""},
		titles:     []string{""},
		sections:   []string{""},
		paragraphs: 1, // one block of lines, each a paragraph for align

	},
}

func readFixture(t testing.TB, name string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "layouts", name+".txt"))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func TestLayoutFixtures(t *testing.T) {
	for name, want := range fixtureWants {
		t.Run(name, func(t *testing.T) {
			text := readFixture(t, name)
			d, err := Parse(text, "")
			if err != nil {
				t.Fatal(err)
			}
			if d.Layout != name {
				t.Fatalf("detected layout %q, want %q", d.Layout, name)
			}
			checkAccounting(t, name, Lines(text), d)
			var speakers, titles, sections []string
			paragraphs := 0
			for _, tr := range d.Turns {
				speakers = append(speakers, tr.Speaker)
				title := ""
				if tr.Title != nil {
					title = *tr.Title
				}
				titles = append(titles, title)
				sections = append(sections, tr.Section)
				paragraphs += len(tr.Blocks)
			}
			eq := func(what string, got, want any) {
				t.Helper()
				if !reflect.DeepEqual(got, want) {
					t.Errorf("%s = %v, want %v", what, got, want)
				}
			}
			eq("speakers", speakers, want.speakers)
			eq("titles", titles, want.titles)
			eq("sections", sections, want.sections)
			eq("summary lines", len(d.Summary), want.summary)
			eq("notices", len(d.Notices), want.notices)
			eq("headings", len(d.Headings), want.headings)
			eq("markup lines", len(d.Markup), want.markup)
			eq("paragraph blocks", paragraphs, want.paragraphs)
			var parts []Participant
			for _, p := range d.Participants {
				parts = append(parts, Participant{Name: p.Name, Title: p.Title, Firm: p.Firm, Role: p.Role})
			}
			eq("participants", parts, want.participants)
			if name == "sentences" && (len(d.Warnings) != 1 || d.Warnings[0].Code != "no_speakers") {
				t.Errorf("warnings = %+v, want one no_speakers", d.Warnings)
			}
			for _, tr := range d.Turns {
				for _, b := range tr.Blocks {
					for _, l := range b {
						for _, mark := range []string{"**", "[EN]", "[中]", "(00:", "Ada Lin:", "林艾达："} {
							if strings.Contains(l.Text, mark) {
								t.Errorf("line %d keeps markup %q: %q", l.No, mark, l.Text)
							}
						}
					}
				}
			}
		})
	}
}

// A layout forced by name parses any fixture without losing a line.
func TestLayoutsForcedOnEveryFixture(t *testing.T) {
	for fixture := range fixtureWants {
		text := readFixture(t, fixture)
		lines := Lines(text)
		for _, l := range Layouts() {
			d, err := Parse(text, l.Name)
			if err != nil {
				t.Fatal(err)
			}
			checkAccounting(t, fixture+" as "+l.Name, lines, d)
		}
	}
}

func TestAlphamemoTimes(t *testing.T) {
	d, _ := Parse(readFixture(t, "alphamemo"), "")
	b := d.Turns[0].Blocks[0]
	if b[0].Time != "00:00:05" || b[1].Time != "00:00:05" || b[0].Prefix != "(00:00:05) " {
		t.Errorf("first block = %+v, want time 00:00:05 on both lines", b)
	}
}

func TestInterleavedKeepsLabels(t *testing.T) {
	d, _ := Parse(readFixture(t, "interleaved"), "")
	tr := d.Turns[0]
	if !tr.Inline || tr.Header.No != tr.Blocks[0][0].No {
		t.Errorf("turn 0 header %+v should be cut from its first line", tr.Header)
	}
	en, zh := tr.Blocks[0][0], tr.Blocks[0][1]
	if en.Text != "Thank you for joining us today." || !strings.HasSuffix(en.Prefix, "Ada Lin:") {
		t.Errorf("English line = %+v", en)
	}
	if zh.Text != "感谢您今天加入我们。" || !strings.HasSuffix(zh.Prefix, "林艾达：") {
		t.Errorf("Chinese line = %+v", zh)
	}
}

func TestUnknownLayout(t *testing.T) {
	if _, err := Parse("x", "nope"); err == nil || !strings.Contains(err.Error(), "plain") {
		t.Errorf("err = %v, want the list of layouts", err)
	}
}

func TestLayoutsRegistry(t *testing.T) {
	all := Layouts()
	if all[len(all)-1].Name != "plain" {
		t.Errorf("fallback = %q, want plain", all[len(all)-1].Name)
	}
	seen := map[string]bool{}
	for _, l := range all {
		if l.Name == "" || l.Description == "" || l.Detect == nil || l.Container == nil || seen[l.Name] {
			t.Errorf("bad layout entry %+v", l.Name)
		}
		seen[l.Name] = true
		if s := l.Detect(nil); s < 0 || s > 100 {
			t.Errorf("%s: Detect(nil) = %d", l.Name, s)
		}
	}
}

func FuzzLayouts(f *testing.F) {
	for name := range fixtureWants {
		f.Add(readFixture(f, name), name)
		f.Add(readFixture(f, name), "auto")
	}
	f.Add("Operator\nOperator\nHello.\n你好。\n", "plain")
	// The speaker conventions in the numbered container, echoed.
	f.Add(numbered(true, [2]string{"Operator", "操作员"}, [2]string{"Welcome.", "欢迎。"},
		[2]string{"Sanjit Singh--Morgan Stanley -- Analyst", "Sanjit Singh--Morgan Stanley -- 分析师"}, [2]string{"Thanks.", "谢谢。"}), "auto")
	f.Add(numbered(false, [2]string{"Eric:Welcome.", "Eric：欢迎。"}, [2]string{"Analyst (Ann Lee):Hi.", "分析师（Ann Lee）：嗨。"},
		[2]string{"Duration: 0 minutes", "时长：0分钟"}, [2]string{"This article is a transcript of this conference call produced for The Motley Fool.", "本文。"}), "auto")
	f.Fuzz(func(t *testing.T, text, layout string) {
		if layout != "auto" {
			known := false
			for _, n := range LayoutNames() {
				known = known || n == layout
			}
			if !known {
				layout = "auto"
			}
		}
		d1, err := Parse(text, layout)
		if err != nil {
			t.Fatal(err)
		}
		checkAccounting(t, layout, Lines(text), d1)
		d2, _ := Parse(text, layout)
		if !reflect.DeepEqual(d1, d2) {
			t.Errorf("parse is not deterministic")
		}
	})
}

// Each sample in docs/layouts.md is detected as the layout it illustrates.
func TestDocSamples(t *testing.T) {
	data, err := os.ReadFile("../../docs/layouts.md")
	if err != nil {
		t.Fatal(err)
	}
	samples := regexp.MustCompile("(?s)### (\\w+)\n\n```\n(.*?)```").FindAllStringSubmatch(string(data), -1)
	if len(samples) != len(Layouts()) {
		t.Errorf("%d samples for %d layouts", len(samples), len(Layouts()))
	}
	for _, m := range samples {
		d, _ := Parse(m[2], "")
		if d.Layout != m[1] {
			t.Errorf("sample %s detected as %s", m[1], d.Layout)
		}
		checkAccounting(t, "sample "+m[1], Lines(m[2]), d)
	}
}

// TestBanners: the lines between two "====" rules are a banner, but only a
// few lines; a rule whose partner is lost is a separator, and of two ways
// to pair the rules the one with more banners, then shorter ones, wins.
func TestBanners(t *testing.T) {
	rule := strings.Repeat("=", 20)
	body := strings.Repeat("Speaker: a line of the call.\n", maxBannerLines+1)
	for _, c := range []struct {
		name, text string
		want       int // lines inside banners
	}{
		{"header and footer", rule + "\nTitle\nCompany: X\n" + rule + "\n" + body + rule + "\n6 paragraphs\n" + rule, 3},
		{"header's closing rule lost", rule + "\nTitle\nCompany: X\n" + body + rule + "\n6 paragraphs\n" + rule, 1},
		{"footer's closing rule lost", rule + "\nTitle\n" + rule + "\n" + body + rule + "\n6 paragraphs", 1},
		{"one rule", "Title\n" + rule + "\n" + body, 0},
		{"two banners in a row", rule + "\nA\n" + rule + "\n" + rule + "\nB\n" + rule + "\n" + body, 2},
		{"a doubled rule above a banner", rule + "\n" + rule + "\nCompany: X\n" + rule + "\n" + body, 1},
		{"a long block between rules", rule + "\n" + body + rule, 0},
		{"a blank line inside a banner", rule + "\nTitle\n\nCompany: X\n" + rule + "\n" + body + rule + "\n6 paragraphs\n" + rule, 4},
		{"rules that pair either way: the shorter banner", rule + "\nA\n\nB\n" + rule + "\nC\n" + rule, 1},
		{"as long as a banner may be", rule + "\n" + strings.Repeat("k: v\n", maxBannerLines) + rule, maxBannerLines},
	} {
		in := 0
		for _, b := range banners(Lines(c.text)) {
			if b {
				in++
			}
		}
		if in != c.want {
			t.Errorf("%s: %d lines in banners, want %d", c.name, in, c.want)
		}
	}
}

// A banner that lost its closing rule does not swallow the call up to the
// next banner: the fixture without that rule has the same turns.
func TestBannerWithoutClosingRule(t *testing.T) {
	text := readFixture(t, "interleaved")
	lines := strings.SplitAfter(text, "\n")
	closing := -1
	for i := 1; i < len(lines); i++ {
		if isRule(strings.TrimSpace(lines[i])) {
			closing = i
			break
		}
	}
	if closing < 0 {
		t.Fatal("the fixture has no banner")
	}
	damaged := strings.Join(append(lines[:closing:closing], lines[closing+1:]...), "")
	want, err := Parse(text, "")
	if err != nil {
		t.Fatal(err)
	}
	got, err := Parse(damaged, "")
	if err != nil {
		t.Fatal(err)
	}
	checkAccounting(t, "interleaved without the banner's closing rule", Lines(damaged), got)
	if got.Layout != want.Layout || len(got.Turns) != len(want.Turns) {
		t.Fatalf("layout %q with %d turns, want %q with %d", got.Layout, len(got.Turns), want.Layout, len(want.Turns))
	}
	for i := range want.Turns {
		if got.Turns[i].Speaker != want.Turns[i].Speaker || len(got.Turns[i].Blocks) != len(want.Turns[i].Blocks) {
			t.Errorf("turn %d: %q with %d blocks, want %q with %d", i, got.Turns[i].Speaker, len(got.Turns[i].Blocks), want.Turns[i].Speaker, len(want.Turns[i].Blocks))
		}
	}
}
