package convert

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/transcript-cli/transcript/internal/model"
	"github.com/transcript-cli/transcript/internal/textutil"
)

// The interleaved Motley Fool calls of the shared corpus, each with its
// ground-truth pairs: the scraper's own JSON of the same call.
var foolCalls = []struct{ text, pairs string }{
	{"fool-msft-q3-2026-en-zh-interleaved.txt", "fool-msft-q3-2026-en-zh-pairs.json"},
	{"fool-msft-q1-2025-en-zh-interleaved-header-lines.txt", "fool-msft-q1-2025-en-zh-pairs.json"},
	{"fool-mdb-q1-2025-en-zh-interleaved-header-lines.txt", "fool-mdb-q1-2025-en-zh-pairs.json"},
	{"fool-fig-q3-2025-en-zh-interleaved-first-names.txt", "fool-fig-q3-2025-en-zh-pairs.json"},
	{"fool-tal-q4-2026-en-zh-interleaved-generic-labels.txt", "fool-tal-q4-2026-en-zh-pairs.json"},
}

const corpusDir = "../../../shared/corpus/external"

type truth struct {
	Meta struct {
		Company string `json:"company"`
		Quarter string `json:"quarter"`
	} `json:"meta"`
	Pairs []struct {
		EN string `json:"en"`
		ZH string `json:"zh"`
	} `json:"pairs"`
}

func readCorpusFile(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(corpusDir, name))
	if os.IsNotExist(err) {
		t.Skipf("%s absent", name)
	}
	require.NoError(t, err)
	return b
}

// The conventions of the family, read off its files: an inline speaker
// label has no space after its colon ("Eric:At this time"); a glossary
// entry has one ("Dev Mode: Figma's …"). A speaker line of its own is
// "Operator" or "Name--Title".
var (
	inlineLabelRe = regexp.MustCompile(`^([A-Z][\p{L}.' ]{0,40}):(\S.*)$`)
	headerLineRe  = regexp.MustCompile(`^(?:Operator|[A-Z][\p{L}.']+(?: [A-Z][\p{L}.']+){1,3}--.{2,90}[^.?!:])$`)
	footerRe      = regexp.MustCompile(`^This article is a transcript of this conference call`)
	dateRe        = regexp.MustCompile(`(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? (\d{1,2}), (\d{4})`)
)

// firstLine is a ground-truth translation up to its first line break:
// what follows is the backend's echo of the English.
func firstLine(zh string) string {
	s, _, _ := strings.Cut(zh, "\n")
	return textutil.Trim(s)
}

type place struct {
	turn int // -1 outside turns
	en   string
	zh   string
}

// TestFoolInterleavedCalls holds each interleaved call to its ground
// truth: every pair from the first speaker to the footer is paired in its
// named turn (a speaker line is its turn's header and header_zh), the
// speakers come in the file's order, the footer is in notices and in no
// turn, the key points before the first speaker are paired in the
// preamble, the participants listed at the end are participants and not
// speech, nothing is lost, and the metadata is the call's.
func TestFoolInterleavedCalls(t *testing.T) {
	for _, c := range foolCalls {
		t.Run(c.text, func(t *testing.T) {
			data := readCorpusFile(t, c.text)
			var gt truth
			require.NoError(t, json.Unmarshal(readCorpusFile(t, c.pairs), &gt))
			tr, err := Convert(c.text, data, Options{})
			require.NoError(t, err)

			// Where the output has each text.
			paragraphs := map[string][]place{}
			for i, turn := range tr.Turns {
				for _, p := range turn.Paragraphs {
					if p.EN != nil && p.ZH != nil && turn.Speaker != nil {
						paragraphs[*p.EN] = append(paragraphs[*p.EN], place{turn: i, en: *p.EN, zh: *p.ZH})
					}
				}
			}
			headers := map[string][]int{}
			for i, turn := range tr.Turns {
				if turn.Header != nil {
					headers[*turn.Header] = append(headers[*turn.Header], i)
				}
			}
			inTurns := func(s string) bool {
				for _, turn := range tr.Turns {
					for _, p := range turn.Paragraphs {
						if p.EN != nil && strings.Contains(*p.EN, s) || p.ZH != nil && strings.Contains(*p.ZH, s) {
							return true
						}
					}
				}
				return false
			}
			headings := map[string]bool{}
			for _, h := range tr.Headings {
				headings[h.Text] = true
			}
			markup := strings.Builder{}
			for _, m := range tr.Markup {
				markup.WriteString(m.Text + "\n")
			}

			inline := false
			first, footer, end := -1, len(gt.Pairs), len(gt.Pairs)
			for i, p := range gt.Pairs {
				if first < 0 && (inlineLabelRe.MatchString(p.EN) || headerLineRe.MatchString(p.EN)) && i > 0 {
					first, inline = i, inlineLabelRe.MatchString(p.EN)
				}
				if footerRe.MatchString(p.EN) {
					footer = i
					break
				}
				if strings.HasPrefix(p.EN, "Duration:") && end == len(gt.Pairs) {
					end = i
				}
			}
			end = min(end, footer)
			require.Positive(t, first, "no speaker found in the ground truth")

			// The speakers in the file's order.
			var want, got []string
			for _, p := range gt.Pairs[first:end] {
				switch m := inlineLabelRe.FindStringSubmatch(p.EN); {
				case inline && m != nil:
					want = append(want, m[1])
				case !inline && headerLineRe.MatchString(p.EN):
					name, _, _ := strings.Cut(p.EN, "--")
					want = append(want, name)
				}
			}
			for _, turn := range tr.Turns {
				if turn.Speaker != nil {
					got = append(got, *turn.Speaker)
				}
			}
			assert.Equal(t, want, got, "speakers")

			// The call: every pair in a named turn.
			used := map[string]int{}
			for _, p := range gt.Pairs[first:end] {
				en, zh := p.EN, firstLine(p.ZH)
				if !inline && headerLineRe.MatchString(en) {
					ts := headers[en]
					if assert.NotEmpty(t, ts, "speaker line %q is no turn's header", en) {
						h := tr.Turns[ts[0]].HeaderZH
						assert.True(t, zh == "" || h != nil && *h == zh, "header %q: header_zh %v, want %q", en, h, zh)
					}
					continue
				}
				if headings[en] {
					assert.True(t, headings[zh], "heading %q without its translation %q", en, zh)
					continue
				}
				if m := inlineLabelRe.FindStringSubmatch(en); inline && m != nil {
					en = m[2]
				}
				ps := paragraphs[en]
				k := used[en]
				if !assert.Greater(t, len(ps), k, "pair not in a named turn: %.80q", en) {
					continue
				}
				used[en]++
				// The translation, less the label its speaker carried.
				label := strings.TrimSuffix(zh, ps[k].zh)
				assert.True(t, label == "" || len(label) < len(zh) && (strings.HasSuffix(label, "：") || strings.HasSuffix(label, ":")),
					"%.60q: translation %.60q, want %.60q", en, ps[k].zh, zh)
			}

			// Before the first speaker: the key points paired in the
			// preamble, list titles as headings, entries as participants.
			preamble := map[string]string{}
			for _, p := range tr.Preamble {
				if p.EN != nil && p.ZH != nil {
					preamble[*p.EN] = *p.ZH
				}
			}
			for _, p := range gt.Pairs[:first] {
				en, zh := p.EN, firstLine(p.ZH)
				switch {
				case headings[en]:
				case participantLine(tr, en):
				case inMarkup(tr, en) && inMarkup(tr, zh):
					// The banner's notes ("📅 Wednesday, Apr. 29, 2026 …").
				default:
					assert.Equal(t, zh, preamble[en], "key point %.60q not paired in the preamble", en)
				}
				assert.False(t, inTurns(en), "%.60q is in a turn", en)
			}

			// After the call: the closing list and page links are not
			// speech; the footer is a notice.
			for _, p := range gt.Pairs[end:footer] {
				assert.False(t, inTurns(p.EN), "%.60q is in a turn", p.EN)
				assert.True(t, headings[p.EN] || participantLine(tr, p.EN) || strings.Contains(markup.String(), p.EN),
					"%.60q is not furniture", p.EN)
			}
			for _, p := range gt.Pairs[footer:] {
				assert.False(t, inTurns(p.EN), "footer %.60q is in a turn", p.EN)
				assert.True(t, slices.Contains(tr.Notices, p.EN) || headings[p.EN], "footer %.60q is not a notice", p.EN)
			}
			assert.Empty(t, Lost(string(data), tr))

			// The metadata is the call's.
			md := tr.Metadata
			company := strings.TrimSpace(regexp.MustCompile(`\(.*\)`).ReplaceAllString(gt.Meta.Company, ""))
			quarter, year, _ := strings.Cut(gt.Meta.Quarter, " ")
			if assert.NotNil(t, md.Company) {
				assert.Equal(t, company, *md.Company)
			}
			if assert.NotNil(t, md.Quarter) && assert.NotNil(t, md.FiscalYear) {
				assert.Equal(t, quarter, *md.Quarter)
				assert.Equal(t, year, itoa(*md.FiscalYear))
			}
			m := dateRe.FindStringSubmatch(gt.Pairs[0].EN)
			require.NotNil(t, m, "the first pair is the call-date line")
			if assert.NotNil(t, md.Date) {
				assert.Equal(t, m[3]+"-"+monthNumber(m[1])+"-"+twoDigits(m[2]), *md.Date)
			}
		})
	}
}

// participantLine reports whether s is an entry of the participant list:
// "Name--Title" or "Title — Name", with that person among the
// participants and the line among the markup.
func participantLine(tr *model.Transcript, s string) bool {
	for _, p := range tr.Participants {
		if strings.Contains(s, p.Name) {
			for _, m := range tr.Markup {
				if m.Text == s {
					return true
				}
			}
		}
	}
	return false
}

// inMarkup reports whether a markup line holds s.
func inMarkup(tr *model.Transcript, s string) bool {
	for _, m := range tr.Markup {
		if strings.Contains(m.Text, s) {
			return true
		}
	}
	return false
}

func itoa(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}

func monthNumber(m string) string {
	i := slices.Index([]string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}, m)
	return twoDigits(itoa(i + 1))
}

func twoDigits(s string) string {
	if len(s) == 1 {
		return "0" + s
	}
	return s
}

// callShape is what an English-only rendering of a call must keep: the
// speakers, the sections and the exchanges.
type callShape struct {
	Speakers []string
	Sections []string
	QA       []string
}

func shapeOf(tr *model.Transcript) callShape {
	var c callShape
	for _, turn := range tr.Turns {
		sp, sec := "", ""
		if turn.Speaker != nil {
			sp = *turn.Speaker
		}
		if turn.Section != nil {
			sec = *turn.Section
		}
		c.Speakers = append(c.Speakers, sp)
		c.Sections = append(c.Sections, sec)
	}
	for _, x := range tr.QA {
		firm := ""
		if x.Firm != nil {
			firm = *x.Firm
		}
		b, _ := json.Marshal([]any{x.Analyst, firm, x.Questions, x.Answers})
		c.QA = append(c.QA, string(b))
	}
	return c
}

// englishOnly renders the English of an interleaved call as the Motley
// Fool's pages print it, one paragraph per line (sep between them): the
// tagged English lines and the English of the ━━ headings, in order.
func englishOnly(data []byte, sep string) []byte {
	var out []string
	for _, l := range strings.Split(string(data), "\n") {
		t := textutil.Trim(l)
		switch {
		case strings.HasPrefix(t, "━━"):
			inner := strings.TrimSpace(strings.Trim(t, "━ "))
			if !textutil.HasHan(inner) {
				out = append(out, inner)
			}
		case strings.Contains(t, "[EN]"):
			_, en, _ := strings.Cut(t, "[EN]")
			if en = strings.TrimSpace(en); en != "" {
				out = append(out, en)
			}
		}
	}
	return []byte(strings.Join(out, sep) + "\n")
}

// TestFoolEnglishOnly: a call's English alone, as the original page or the
// scraper's English file prints it, gives the same speakers, sections and
// exchanges as the bilingual version.
func TestFoolEnglishOnly(t *testing.T) {
	bilingual := func(t *testing.T, name string) callShape {
		tr, err := Convert(name, readCorpusFile(t, name), Options{})
		require.NoError(t, err)
		return shapeOf(tr)
	}
	t.Run("fool-msft-q3-2026-en-inline-speakers.txt", func(t *testing.T) {
		want := bilingual(t, "fool-msft-q3-2026-en-zh-interleaved.txt")
		tr, err := Convert("en", readCorpusFile(t, "fool-msft-q3-2026-en-inline-speakers.txt"), Options{})
		require.NoError(t, err)
		assert.Equal(t, want, shapeOf(tr))
		assert.NotEmpty(t, want.QA)
	})
	for _, c := range foolCalls {
		for _, sep := range []string{"\n", "\n\n"} {
			t.Run(c.text+" english"+map[string]string{"\n": "", "\n\n": " with blank lines"}[sep], func(t *testing.T) {
				data := readCorpusFile(t, c.text)
				want := bilingual(t, c.text)
				en := englishOnly(data, sep)
				tr, err := Convert("en", en, Options{})
				require.NoError(t, err)
				assert.Nil(t, tr.Languages.Translation)
				assert.Equal(t, want, shapeOf(tr))
				assert.NotEmpty(t, want.QA)
				assert.Empty(t, Lost(string(en), tr))
			})
		}
	}
}
