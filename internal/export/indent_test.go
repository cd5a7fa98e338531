package export

import (
	"bytes"
	"encoding/json"
	"io"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/transcript-cli/transcript/internal/model"
)

// FuzzIndent: the fast indenter lays out any document encoding/json writes
// exactly as json.Indent does.
func FuzzIndent(f *testing.F) {
	for _, s := range []string{
		`{"a":1,"b":[],"c":{},"d":[1,{"e":"x,y:{}[]\"\\"}],"f":null}` + "\n",
		`[]`, `{}`, `"s"`, `[[[]],[{}]]`, `{"k":"\u2028 \\\" 中文"}`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var v any
		if json.Unmarshal([]byte(s), &v) != nil {
			return
		}
		var compact bytes.Buffer
		enc := json.NewEncoder(&compact)
		enc.SetEscapeHTML(false)
		require.NoError(t, enc.Encode(v))
		var want bytes.Buffer
		require.NoError(t, json.Indent(&want, compact.Bytes(), "", "  "))
		require.Equal(t, want.String(), string(indent(nil, compact.Bytes())))
		// In chunks, as indentTo writes large documents.
		for _, n := range []int{1, 2, 7} {
			var got bytes.Buffer
			require.NoError(t, indentChunks(&got, compact.Bytes(), n))
			require.Equal(t, want.String(), got.String(), "chunks of %d", n)
		}
	})
}

func TestYAML11Ambiguous(t *testing.T) {
	for _, s := range []string{"yes", "No", "ON", "y", "1:20", "1_000", "0x1F", "017", "1.5", ".5", "-3", "2023", ".inf"} {
		require.True(t, yaml11Ambiguous(s), s)
	}
	for _, s := range []string{"yesterday", "Norway", "484a2053d335", "1e5x", "Q2", "1,000", "", "3M"} {
		require.False(t, yaml11Ambiguous(s), s)
	}
}

// TestJSONMatchesWholeEncoding: writing a turn at a time gives the bytes of
// encoding the whole document at once, compact and indented.
func TestJSONMatchesWholeEncoding(t *testing.T) {
	for _, tr := range []*model.Transcript{reference(t), synthetic()} {
		for _, compact := range []bool{true, false} {
			var want bytes.Buffer
			enc := json.NewEncoder(&want)
			enc.SetEscapeHTML(false)
			if !compact {
				enc.SetIndent("", "  ")
			}
			require.NoError(t, enc.Encode(tr))
			var got bytes.Buffer
			require.NoError(t, writeJSON(&got, tr, Options{Compact: compact}))
			require.Equal(t, want.String(), got.String(), "compact=%v", compact)
		}
	}
}

// indentChunks indents src fed in chunks of the given size, as jsonOut
// feeds a document a turn at a time.
func indentChunks(w io.Writer, src []byte, chunk int) error {
	var st indentState
	for len(src) > 0 {
		n := min(chunk, len(src))
		if _, err := w.Write(st.indent(nil, src[:n])); err != nil {
			return err
		}
		src = src[n:]
	}
	return nil
}

// indent lays out compact JSON from encoding/json as json.Indent(dst, src,
// "", "  ") does, byte for byte. Knowing its input is valid, it only tracks
// strings and nesting, where json.Indent runs the full syntax checker: on
// transcripts that made indenting a fifth of the whole conversion.
func indent(dst, src []byte) []byte {
	var st indentState
	return st.indent(dst, src)
}
