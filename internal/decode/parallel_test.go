package decode

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// largeText is over parallelMin so that validText splits it.
func largeText(t testing.TB, eol string) string {
	ref := strings.ReplaceAll(readReference(t), "\n", eol)
	return strings.Repeat(ref+eol, 2*parallelMin/len(ref)+1)
}

func TestValidTextParallel(t *testing.T) {
	for _, eol := range []string{"\n", "\r\n", "\r"} {
		text := largeText(t, eol)
		got, ok := validText([]byte(text))
		require.True(t, ok)
		require.Equal(t, strings.ReplaceAll(strings.ReplaceAll(text, "\r\n", "\n"), "\r", "\n"), got)
	}

	// One bad byte anywhere, including right at block and chunk boundaries,
	// is found; the slow path then replaces exactly that byte.
	text := largeText(t, "\n")
	for _, at := range []int{0, blockSize - 1, blockSize, len(text) / 2, len(text)/2 + 1, len(text) - 1} {
		b := []byte(text)
		b[at] = 0xFF
		_, ok := validText(b)
		require.False(t, ok, "at %d", at)
		res, err := Decode(b, "")
		require.NoError(t, err)
		require.Equal(t, UTF8, res.Encoding)
		require.Len(t, res.Replaced, 1)
	}
}

func TestRuneStart(t *testing.T) {
	b := []byte("a財b")
	require.Equal(t, 1, runeStart(b, 1))
	require.Equal(t, 1, runeStart(b, 2))
	require.Equal(t, 1, runeStart(b, 3))
	require.Equal(t, 4, runeStart(b, 4))
	cont := []byte{'a', 0x80, 0x80, 0x80, 0x80, 0x80}
	require.Equal(t, 5, runeStart(cont, 5), "no start within reach: keep i")
}
