package convert

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.yaml.in/yaml/v3"

	"github.com/transcript-cli/transcript/internal/align"
	"github.com/transcript-cli/transcript/internal/decode"
	"github.com/transcript-cli/transcript/internal/export"
	"github.com/transcript-cli/transcript/internal/lang"
	"github.com/transcript-cli/transcript/internal/model"
)

const referencePath = "../../testdata/amazon-2023-q2.en-zh-Hant.txt"

func reference(t testing.TB) []byte {
	t.Helper()
	b, err := os.ReadFile(referencePath)
	require.NoError(t, err)
	return b
}

func TestConvertReference(t *testing.T) {
	data := reference(t)
	tr, err := Convert("ref.txt", data, Options{})
	require.NoError(t, err)
	assert.Equal(t, int64(80852), tr.Source.Bytes)
	assert.Equal(t, "utf-8", tr.Source.Encoding)
	assert.Equal(t, "plain", tr.Source.Layout)
	assert.Len(t, tr.Source.SHA256, 64)
	assert.Empty(t, Lost(string(data), tr))
}

// countingDetector counts the lines it is asked about.
type countingDetector struct{ n int }

func (c *countingDetector) Detect(string) align.Lang { c.n++; return align.Unknown }

// TestReferenceNeedsNoModel: script counts settle every line of the
// reference file, so lingua-go's models are never loaded for it (the
// README's performance figures rely on this).
func TestReferenceNeedsNoModel(t *testing.T) {
	c := &countingDetector{}
	_, err := Convert("ref.txt", reference(t), Options{Detector: align.ScriptDetector{Fallback: c}})
	require.NoError(t, err)
	assert.Zero(t, c.n)
}

func TestNoTranscript(t *testing.T) {
	for _, in := range []string{"", "  \n\t\n", "大家好。\n謝謝。\n", "\n\u3000\n"} {
		_, err := Convert("x", []byte(in), Options{})
		assert.ErrorIs(t, err, ErrNoTranscript, "%q", in)
	}
}

func TestForcedLayoutThatDoesNotFit(t *testing.T) {
	_, err := Convert("x", reference(t), Options{Layout: "interleaved"})
	require.ErrorIs(t, err, ErrNoTranscript)
	assert.EqualError(t, err, "no transcript found (no English paragraph) in layout interleaved (try --layout auto)")
}

// TestLostFindsMissingLines: the invariant's checker can fail.
func TestLostFindsMissingLines(t *testing.T) {
	tr := &model.Transcript{Summary: []string{"kept"}}
	lost := Lost("kept\ngone\n=====\n", tr)
	require.Len(t, lost, 1)
	assert.Equal(t, 2, lost[0].No)
}

// TestLostCountsRepeatedParagraphs: one of two identical paragraphs
// missing is a lost line, though the other is in the output; a header
// printed twice is one header.
func TestLostCountsRepeatedParagraphs(t *testing.T) {
	in := "Operator\nOperator\nThank you.\nAnd welcome to the call.\nThank you.\n"
	tr, err := Convert("x", []byte(in), Options{})
	require.NoError(t, err)
	require.Empty(t, Lost(in, tr))
	ps := tr.Turns[0].Paragraphs
	require.Len(t, ps, 3)
	tr.Turns[0].Paragraphs = ps[:2] // drop the second "Thank you."
	lost := Lost(in, tr)
	require.Len(t, lost, 1)
	assert.Equal(t, 5, lost[0].No)
}

// corpusFiles lists the reference file and the shared corpus's external
// files matching the patterns (not its manifest); it skips the test when
// ../shared is absent.
func corpusFiles(t *testing.T, patterns ...string) []string {
	var files []string
	for _, p := range patterns {
		m, _ := filepath.Glob("../../../shared/corpus/external/" + p)
		files = append(files, m...)
	}
	if len(files) == 0 {
		t.Skip("../shared/corpus is absent")
	}
	files = slices.DeleteFunc(files, func(f string) bool { return filepath.Base(f) == "MANIFEST.md" })
	return append(files, referencePath)
}

// notCalls are the corpus files that hold a call in a data format, not
// as text: they are refused, each with its reason.
var notCalls = map[string]string{
	"earnings21-cumulus-4386541.nlp":     "table of delimited rows",
	"fool-json-pcyo-q3-2020.json":        "JSON data",
	"fool-msft-q3-2026-en-zh-pairs.json": "JSON data",
	"fool-msft-q1-2025-en-zh-pairs.json": "JSON data",
	"fool-mdb-q1-2025-en-zh-pairs.json":  "JSON data",
	"fool-fig-q3-2025-en-zh-pairs.json":  "JSON data",
	"fool-tal-q4-2026-en-zh-pairs.json":  "JSON data",
}

// TestCorpusNothingLost runs every file of the shared corpus through the
// pipeline: no panic, and every line accounted for.
func TestCorpusNothingLost(t *testing.T) {
	for _, f := range corpusFiles(t, "*") {
		t.Run(filepath.Base(f), func(t *testing.T) {
			data, err := os.ReadFile(f)
			require.NoError(t, err)
			tr, err := Convert(f, data, Options{})
			if reason, ok := notCalls[filepath.Base(f)]; ok {
				require.ErrorIs(t, err, ErrNoCall)
				require.Contains(t, err.Error(), reason)
				return
			}
			if err != nil {
				t.Fatalf("convert: %v", err)
			}
			text, _ := decode.Decode(data, "")
			for _, l := range Lost(text.Text, tr) {
				t.Errorf("line %d lost: %.80q", l.No, l.Text)
			}
		})
	}
}

func FuzzParse(f *testing.F) {
	// Short excerpts keep each run fast enough for the fuzzer to explore;
	// the variants bring the line endings, encodings and layouts.
	for _, v := range variants(string(reference(f))) {
		f.Add([]byte(excerpt(v.text, 1500)))
	}
	f.Add([]byte("Operator\nOperator\nHello.\n"))
	f.Add([]byte("\xff\xfe\x00\x00garbage"))
	layouts, _ := filepath.Glob("../../testdata/layouts/*.txt")
	for _, name := range layouts {
		data, err := os.ReadFile(name)
		require.NoError(f, err)
		f.Add(data)
	}
	// The script detector alone keeps each run fast and free of model
	// loading; lingua-go only relabels lines the script count finds
	// balanced, and has tests of its own.
	opts := Options{Detector: align.ScriptDetector{}}
	f.Fuzz(func(t *testing.T, data []byte) {
		tr, err := Convert("fuzz", data, opts)
		if err != nil {
			return
		}
		var a, b bytes.Buffer
		require.NoError(t, export.Formats()[0].Write(&a, tr, export.Options{}))
		// Written a turn at a time, the same bytes as encoded whole.
		var whole bytes.Buffer
		enc := json.NewEncoder(&whole)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		require.NoError(t, enc.Encode(tr))
		require.Equal(t, whole.String(), a.String())
		require.True(t, json.Valid(a.Bytes()), "invalid JSON")
		var y bytes.Buffer
		f, _ := export.Lookup("yaml")
		require.NoError(t, f.Write(&y, tr, export.Options{}))
		var v any
		require.NoError(t, yaml.Unmarshal(y.Bytes(), &v), "invalid YAML")

		tr2, err := Convert("fuzz", data, opts)
		require.NoError(t, err)
		require.NoError(t, export.Formats()[0].Write(&b, tr2, export.Options{}))
		require.Equal(t, a.String(), b.String(), "not deterministic")

		text, _ := decode.Decode(data, "")
		require.Empty(t, Lost(text.Text, tr), "lines lost")

		// What --sentences aligns is valid UTF-8, as sentence.AlignValid needs.
		for p := range tr.Paragraphs() {
			for _, s := range []*string{p.EN, p.ZH} {
				require.True(t, s == nil || utf8.ValidString(*s), "invalid UTF-8 in a paragraph")
			}
		}
	})
}

// excerpt is the start of s: at least n bytes, up to a line end after
// the first speaker turns.
func excerpt(s string, n int) string {
	if len(s) <= n {
		return s
	}
	if i := strings.IndexAny(s[n:], "\r\n"); i >= 0 {
		return s[:n+i+1]
	}
	return s
}

func BenchmarkConvert(b *testing.B) {
	data := reference(b)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Convert("ref.txt", data, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkConvertJSON(b *testing.B) { benchmarkConvertJSON(b, false) }

// BenchmarkConvertJSONSentences is parse --sentences; against
// BenchmarkConvertJSON it gives the flag's cost without the process and
// file system around it.
func BenchmarkConvertJSONSentences(b *testing.B) { benchmarkConvertJSON(b, true) }

func benchmarkConvertJSON(b *testing.B, sentences bool) {
	data := reference(b)
	f, _ := export.Lookup("json")
	var buf bytes.Buffer
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		tr, err := Convert("ref.txt", data, Options{Sentences: sentences})
		if err != nil {
			b.Fatal(err)
		}
		buf.Reset()
		if err := f.Write(&buf, tr, export.Options{Sentences: sentences}); err != nil {
			b.Fatal(err)
		}
	}
}

// TestCorpusTextRoundTrip: the text format, parsed again, gives the same
// speakers and pairs, for every file of the shared corpus.
func TestCorpusTextRoundTrip(t *testing.T) {
	text, err := export.Lookup("text")
	require.NoError(t, err)
	for _, f := range corpusFiles(t, "*.txt", "*.md") {
		t.Run(filepath.Base(f), func(t *testing.T) {
			data, err := os.ReadFile(f)
			require.NoError(t, err)
			first, err := Convert(f, data, Options{})
			require.NoError(t, err)
			var buf bytes.Buffer
			require.NoError(t, export.WriteDocument(&buf, text, first, export.Options{}))
			second, err := Convert(f, buf.Bytes(), Options{})
			require.NoError(t, err)
			if first.Turns[0].Speaker != nil {
				assert.Equal(t, "plain", second.Source.Layout)
			}
			// Within a turn, an unpaired line may change places with a
			// neighbouring pair when written in the reference order.
			a, b := shape(first), shape(second)
			require.Len(t, b, len(a))
			for i := range a {
				assert.Equal(t, a[i].Speaker, b[i].Speaker, "turn %d", i)
				if slices.ContainsFunc(a[i].Pairs, func(p pair) bool { return p.ZH != "" && !lang.IsChinese(p.ZH) }) {
					// A "translation" the backend left in English, which the
					// numbered layout tags as such, reads as English in the
					// reference layout, which has no tags.
					continue
				}
				if strings.HasPrefix(filepath.Base(f), "berkshire") {
					// Its translator often renders two English lines as one
					// Chinese line; which of the two gets it is a toss-up
					// that the order of writing can tip.
					assert.Len(t, b[i].Pairs, len(a[i].Pairs), "turn %d", i)
					continue
				}
				assert.ElementsMatch(t, a[i].Pairs, b[i].Pairs, "turn %d", i)
			}
		})
	}
}

// TestNoCall: files that are something else than a call are refused with
// the reason, not converted into turns by speakers "Source" and "URL".
func TestNoCall(t *testing.T) {
	cases := []struct{ name, text, reason string }{
		{"an index of calls", strings.Repeat("Source: motley_fool\nURL: https://www.fool.com/earnings/call-transcripts/2024/10/30/x/\nDate: 2024-10-30\n\n", 5),
			"key-value lines (Source:, URL:, Date:)"},
		{"a README", "# Earnings transcripts\n\nA collection of calls.\n\n## Layout\n\n- `transcripts/MSFT/` one folder per ticker\n- `scripts/` the scraper\n\n```sh\npython scrape.py\n```\n\nSee the [license](LICENSE).\n",
			"Markdown document"},
		{"a CSV table", "speaker,en,zh\nOperator,Hello and welcome.,你好，欢迎。\nAda Lin,Revenue grew.,收入增长了。\nAda Lin,Thank you.,谢谢。\n",
			"table of delimited rows"},
		{"JSON", `{"pairs": [{"en": "Operator:Hello and welcome to the call.", "zh": "接线员：你好。"}]}`, "JSON data"},
		{"a few words", "Hello\nWorld\n", "too little prose"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Convert("x", []byte(c.text), Options{})
			require.ErrorIs(t, err, ErrNoCall)
			assert.Contains(t, err.Error(), c.reason)
		})
	}
	// A call's prose without its speakers (ECTSum) is still a call.
	prose := strings.Repeat("Revenue grew three percent this quarter, ahead of our guidance.\nWe expect margins to stay stable for the rest of the year.\n", 3)
	tr, err := Convert("x", []byte(prose), Options{})
	require.NoError(t, err)
	assert.Len(t, tr.Turns, 1)
}

// BenchmarkWriteJSON is the JSON of the reference call alone, indented.
func BenchmarkWriteJSON(b *testing.B) {
	tr, err := Convert("ref.txt", reference(b), Options{})
	require.NoError(b, err)
	f, _ := export.Lookup("json")
	var buf bytes.Buffer
	require.NoError(b, f.Write(&buf, tr, export.Options{}))
	b.SetBytes(int64(buf.Len()))
	b.ReportAllocs()
	for b.Loop() {
		buf.Reset()
		if err := f.Write(&buf, tr, export.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
