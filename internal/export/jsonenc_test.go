package export

import (
	"bytes"
	"encoding/json"
	"errors"
	"math"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/transcript-cli/transcript/internal/model"
)

// fill sets every field of v, recursively: pointers point, slices hold
// two elements, strings and numbers vary, so that a field the hand encoder
// forgets shows as a difference from encoding/json.
func fill(v reflect.Value, n *int) {
	*n++
	switch v.Kind() {
	case reflect.Pointer:
		v.Set(reflect.New(v.Type().Elem()))
		fill(v.Elem(), n)
	case reflect.Struct:
		for i := range v.NumField() {
			fill(v.Field(i), n)
		}
	case reflect.Slice:
		v.Set(reflect.MakeSlice(v.Type(), 2, 2))
		for i := range 2 {
			fill(v.Index(i), n)
		}
	case reflect.String:
		v.SetString(tricky[*n%len(tricky)])
	case reflect.Int, reflect.Int64:
		v.SetInt(int64(*n * 7919))
	case reflect.Float64:
		v.SetFloat(floats[*n%len(floats)])
	}
}

var tricky = []string{
	"plain", "", `quote " and \ backslash`, "tab\tnew\nline\rcr\bbs\ffeed\x01\x1f\x7f",
	"<b>&amp;</b>", "謝謝你,戴夫。", "bad \xff\xfe utf-8", "line\u2028para\u2029", "😀 emoji",
}

var floats = []float64{0, 1, -0.5, 134400000000, 1e21, 1e-7, 123456789.125, 1e20, 2.5e-6, math.SmallestNonzeroFloat64, 3.75e8}

func encodingJSON(t *testing.T, v any, indent bool) string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if indent {
		enc.SetIndent("", "  ")
	}
	require.NoError(t, enc.Encode(v))
	return b.String()
}

// TestJSONEncoderFields: the hand encoder writes encoding/json's bytes for
// a transcript with every field of the model set, indented and compact.
func TestJSONEncoderFields(t *testing.T) {
	for seed := range 5 {
		var tr model.Transcript
		n := seed
		fill(reflect.ValueOf(&tr).Elem(), &n)
		for _, indent := range []bool{true, false} {
			var got bytes.Buffer
			require.NoError(t, writeJSON(&got, &tr, Options{Compact: !indent}))
			require.Equal(t, encodingJSON(t, &tr, indent), got.String(), "seed %d indent %v", seed, indent)
		}
	}
}

// TestJSONEncoderSentences: with links whose texts lie inside their
// paragraphs' (as sentence.Align makes them, so the encoder copies them),
// the hand encoder still writes encoding/json's bytes: on the reference
// call, and on a paragraph that needs escapes.
func TestJSONEncoderSentences(t *testing.T) {
	en, zh := `He said "grow". Then\tstop.`, "他说“增长”。然后停止。"
	part := func(s string, a, b int) *string { p := s[a:b]; return &p }
	tricky := &model.Transcript{Turns: []model.Turn{{Paragraphs: []model.Paragraph{{
		EN: &en, ZH: &zh, Status: model.Paired,
		Sentences: []model.SentenceLink{
			{EN: part(en, 0, 15), ZH: part(zh, 0, 21), Score: 0.962},
			{EN: part(en, 16, len(en)), ZH: part(zh, 21, len(zh)), Score: 1},
		},
	}}}}}
	for _, tr := range []*model.Transcript{referenceSentences(t), tricky} {
		for _, indent := range []bool{true, false} {
			var got bytes.Buffer
			require.NoError(t, writeJSON(&got, tr, Options{Compact: !indent, Sentences: true}))
			require.Equal(t, encodingJSON(t, tr, indent), got.String(), "indent %v", indent)
		}
	}
}

// TestJSONEncoderNulls: nil slices are null, empty ones [], nil pointers
// null, as encoding/json writes them.
func TestJSONEncoderNulls(t *testing.T) {
	for _, tr := range []*model.Transcript{
		{},
		{Turns: []model.Turn{{Paragraphs: []model.Paragraph{{Numbers: []model.NumberMatch{}}}}}, Summary: []string{}, Participants: []model.Participant{{Turns: []int{}}}},
	} {
		for _, indent := range []bool{true, false} {
			var got bytes.Buffer
			require.NoError(t, writeJSON(&got, tr, Options{Compact: !indent}))
			require.Equal(t, encodingJSON(t, tr, indent), got.String())
		}
	}
}

func FuzzJSONString(f *testing.F) {
	for _, s := range tricky {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var want bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetEscapeHTML(false)
		require.NoError(t, enc.Encode(s))
		require.Equal(t, strings.TrimSuffix(want.String(), "\n"), string(appendJSONString(nil, s)))
	})
}

// FuzzJSONPart: a part of a text, from any offset to any other, is
// written as appendJSONString writes it, whether the text needed escaping
// or not, and whether the part lies in it or is a copy.
func FuzzJSONPart(f *testing.F) {
	for _, s := range tricky {
		f.Add(s, 0, len(s))
		f.Add(s, 1, len(s)-1)
	}
	f.Add("营收增长。利润下降。", 0, 15)
	f.Add("营收增长。利润下降。", 1, 15)
	f.Add("营收增长。利润下降。", 15, 16)
	f.Fuzz(func(t *testing.T, s string, a, b int) {
		if a < 0 || b > len(s) || a > b {
			return
		}
		_, asIs := appendJSONStringAs(nil, s)
		want := string(appendJSONString(nil, s[a:b]))
		require.Equal(t, want, string(appendPart(nil, s[a:b], s, asIs)))
		require.Equal(t, want, string(appendPart(nil, strings.Clone(s[a:b]), s, asIs)))
	})
}

// writeLog records the sizes of the writes it gets, and fails from the
// failAt-th one on when failAt > 0.
type writeLog struct {
	sizes  []int
	failAt int
}

var errWrite = errors.New("disk full")

func (l *writeLog) Write(p []byte) (int, error) {
	l.sizes = append(l.sizes, len(p))
	if l.failAt > 0 && len(l.sizes) >= l.failAt {
		return 0, errWrite
	}
	return len(p), nil
}

// TestPieces: the formats written a piece at a time (json, tsv, tmx) write
// a document with its sentence links in pieces of about a chunk (none of
// the reference's paragraphs is longer), so that no buffer holds it whole,
// and stop at the first error of the writer, which they return.
func TestPieces(t *testing.T) {
	tr := referenceSentences(t)
	o := Options{Sentences: true}
	for _, name := range []string{"json", "tsv", "tmx"} {
		f, err := Lookup(name)
		require.NoError(t, err)
		var whole bytes.Buffer
		require.NoError(t, f.Write(&whole, tr, o))
		var l writeLog
		require.NoError(t, f.Write(&l, tr, o))
		require.Greater(t, len(l.sizes), whole.Len()/(2*chunk), "%s: written in pieces", name)
		for _, n := range l.sizes {
			require.Less(t, n, 2*chunk, "%s: a piece outgrew the buffer", name)
		}
		failing := writeLog{failAt: 2}
		require.ErrorIs(t, f.Write(&failing, tr, o), errWrite, name)
		require.Len(t, failing.sizes, 2, "%s: no write after the error", name)
	}
}

// TestScore: a score is written as float writes it, from the table of
// thousandths or not.
func TestScore(t *testing.T) {
	for _, f := range []float64{0, math.Copysign(0, -1), 0.5, 0.962, 0.1 + 0.2, 1, 0.9625, 1.5, -0.5, 1e-7} {
		var a, b jw
		a.score(f)
		b.float(f)
		require.Equal(t, string(b.b), string(a.b), "%v", f)
	}
	for k := 0; k <= 1000; k++ {
		var a jw
		a.score(float64(k) / 1000)
		require.Equal(t, strconv.FormatFloat(float64(k)/1000, 'f', -1, 64), string(a.b))
	}
}
