package export

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/transcript-cli/transcript/internal/convert"
	"github.com/transcript-cli/transcript/internal/model"
)

var (
	refSentOnce sync.Once
	refSent     *model.Transcript
)

// referenceSentences is the reference call converted with --sentences.
func referenceSentences(t testing.TB) *model.Transcript {
	t.Helper()
	refSentOnce.Do(func() {
		data, err := os.ReadFile(filepath.Join("..", "..", refPath))
		require.NoError(t, err)
		refSent, err = convert.Convert(refPath, data, convert.Options{Sentences: true})
		require.NoError(t, err)
	})
	return refSent
}

func renderWith(t *testing.T, name string, o Options, ts ...*model.Transcript) []byte {
	t.Helper()
	f, err := Lookup(name)
	require.NoError(t, err)
	var buf bytes.Buffer
	sw := NewStream(&buf, f, o)
	for _, tr := range ts {
		require.NoError(t, sw.Write(tr))
	}
	require.NoError(t, sw.Close())
	return buf.Bytes()
}

// linkCounts counts the reference's links: all of them, those with both
// sides, and the rows of the row formats (a link each, an unpaired
// paragraph one).
func linkCounts(tr *model.Transcript) (links, both, rows int) {
	for _, turn := range tr.Turns {
		for _, p := range turn.Paragraphs {
			if len(p.Sentences) == 0 {
				rows++
			}
			for _, l := range p.Sentences {
				links++
				rows++
				if l.EN != nil && l.ZH != nil {
					both++
				}
			}
		}
	}
	return links, both, rows
}

// TestSentenceLinks: --sentences gives every pair its links, which cover
// both sides of the paragraph in order, and only the pairs.
func TestSentenceLinks(t *testing.T) {
	tr := referenceSentences(t)
	links, _, _ := linkCounts(tr)
	require.Greater(t, links, 87, "the reference's 87 pairs have more sentences than pairs")
	squash := func(s string) string { return strings.Join(strings.Fields(s), "") }
	for _, turn := range tr.Turns {
		for _, p := range turn.Paragraphs {
			if p.Status != model.Paired {
				assert.Empty(t, p.Sentences)
				continue
			}
			require.NotEmpty(t, p.Sentences, "line %d", p.Line)
			var en, zh strings.Builder
			for _, l := range p.Sentences {
				assert.True(t, l.EN != nil || l.ZH != nil, "an empty link at line %d", p.Line)
				assert.True(t, l.Score >= 0.5 && l.Score <= 1, "score %v at line %d", l.Score, p.Line)
				if l.EN != nil {
					en.WriteString(*l.EN)
				}
				if l.ZH != nil {
					zh.WriteString(*l.ZH)
				}
			}
			assert.Equal(t, squash(*p.EN), squash(en.String()), "English of line %d", p.Line)
			assert.Equal(t, squash(*p.ZH), squash(zh.String()), "Chinese of line %d", p.Line)
		}
	}
}

// TestSentenceFormats: one row per link in jsonl and csv (with the
// paragraph's line and the link's position), one line per linked pair in
// tsv, one unit per linked pair in tmx (segtype sentence), spans in html,
// and the text format as without --sentences.
func TestSentenceFormats(t *testing.T) {
	tr := referenceSentences(t)
	_, both, rows := linkCounts(tr)
	o := Options{Sentences: true}

	t.Run("jsonl", func(t *testing.T) {
		out := renderWith(t, "jsonl", o, tr)
		lines := strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
		require.Len(t, lines, rows)
		for _, l := range lines {
			var m map[string]any
			require.NoError(t, json.Unmarshal([]byte(l), &m))
			for _, k := range append(append([]string(nil), rowColumns...), sentenceColumns...) {
				_, ok := m[k]
				require.True(t, ok, "key %s missing in %s", k, l)
			}
		}
	})
	t.Run("csv", func(t *testing.T) {
		recs, err := csv.NewReader(bytes.NewReader(renderWith(t, "csv", o, tr, tr))).ReadAll()
		require.NoError(t, err)
		require.Len(t, recs, 1+2*rows, "one header, then the rows of both documents")
		assert.Equal(t, append(append([]string(nil), rowColumns...), sentenceColumns...), recs[0])
	})
	t.Run("tsv", func(t *testing.T) {
		out := string(renderWith(t, "tsv", o, tr))
		assert.Equal(t, both, strings.Count(out, "\n"))
	})
	t.Run("tmx", func(t *testing.T) {
		out := string(renderWith(t, "tmx", o, tr))
		assert.Contains(t, out, `segtype="sentence"`)
		assert.Equal(t, both, strings.Count(out, "<tu "))
		assert.Equal(t, both, strings.Count(out, `<prop type="x-sentence">`))
	})
	t.Run("html", func(t *testing.T) {
		out := string(renderWith(t, "html", o, tr))
		assert.Contains(t, out, `.pair:has(.s[data-k="0"]:hover) .s[data-k="0"]`)
		assert.Contains(t, out, `<span class="s" data-k="1">`)
		// English sentences one space apart, none after the last.
		assert.Contains(t, out, `</span> <span class="s" data-k="1">`)
		assert.NotContains(t, out, `</span> </div>`)
		assert.NotContains(t, out, `"en" lang="en"> `)
	})
	t.Run("text", func(t *testing.T) {
		assert.Equal(t, string(renderWith(t, "text", Options{}, reference(t))), string(renderWith(t, "text", o, tr)))
	})
	t.Run("json without the flag", func(t *testing.T) {
		assert.NotContains(t, string(render(t, "json", reference(t))), `"sentences"`)
	})
}

// TestSentenceGolden holds the sentence-level memory and rows of the
// reference call to golden files.
func TestSentenceGolden(t *testing.T) {
	tr := referenceSentences(t)
	for _, f := range []string{"jsonl", "tmx"} {
		t.Run(f, func(t *testing.T) {
			got := renderWith(t, f, Options{Sentences: true}, tr)
			path := filepath.Join("..", "..", "testdata", "golden", "amazon.sentences."+f)
			if *update {
				require.NoError(t, os.WriteFile(path, got, 0o644))
			}
			want, err := os.ReadFile(path)
			require.NoError(t, err, "run go test -update to create it")
			assert.True(t, bytes.Equal(got, want), "%s differs from %s (run go test -update and review the diff)", f, path)
		})
	}
}

// TestSentenceTMXWithTranslateToolkit: translate-toolkit reads the
// sentence-level memory, one unit per link.
func TestSentenceTMXWithTranslateToolkit(t *testing.T) {
	py := translateToolkit(t)
	tr := referenceSentences(t)
	_, both, _ := linkCounts(tr)
	path := filepath.Join(t.TempDir(), "sentences.tmx")
	require.NoError(t, os.WriteFile(path, renderWith(t, "tmx", Options{Sentences: true}, tr), 0o644))
	out, err := exec.Command(py, "-c", translateToolkitScript, path, "zh-Hant").Output()
	require.NoError(t, err, "translate-toolkit could not read the TMX")
	var got struct{ Count int }
	require.NoError(t, json.Unmarshal(out, &got))
	assert.Equal(t, both, got.Count)
}
