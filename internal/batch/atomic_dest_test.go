package batch

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestAtomicFileDestinations: a link is followed and kept, an existing
// file keeps its permissions, and what is not a regular file (a named
// pipe, a device) is written in place rather than replaced.
func TestAtomicFileDestinations(t *testing.T) {
	dir := t.TempDir()

	real := filepath.Join(dir, "real.json")
	require.NoError(t, os.WriteFile(real, []byte("old"), 0o600))
	link := filepath.Join(dir, "link.json")
	require.NoError(t, os.Symlink("real.json", link))
	require.NoError(t, writeFile(link, []byte("new")))
	fi, err := os.Lstat(link)
	require.NoError(t, err)
	require.True(t, fi.Mode()&os.ModeSymlink != 0, "the link is kept")
	b, err := os.ReadFile(real)
	require.NoError(t, err)
	require.Equal(t, "new", string(b))
	fi, err = os.Stat(real)
	require.NoError(t, err)
	require.Equal(t, os.FileMode(0o600), fi.Mode().Perm(), "permissions kept")

	fifo := filepath.Join(dir, "fifo")
	require.NoError(t, syscall.Mkfifo(fifo, 0o644))
	got := make(chan []byte)
	go func() {
		b, _ := os.ReadFile(fifo)
		got <- b
	}()
	require.NoError(t, writeFile(fifo, []byte("through the pipe")))
	require.Equal(t, "through the pipe", string(<-got))
	fi, err = os.Lstat(fifo)
	require.NoError(t, err)
	require.True(t, fi.Mode()&os.ModeNamedPipe != 0, "the pipe is not replaced")

	if _, err := os.Stat("/dev/full"); err == nil {
		require.Error(t, writeFile("/dev/full", []byte("x")), "a full device is an error")
		fi, err := os.Stat("/dev/full")
		require.NoError(t, err)
		require.False(t, fi.Mode().IsRegular(), "/dev/full is still a device")
	}
}

// TestAtomicFileLongName: a destination whose name is near the system's
// limit can still be written (the temporary name must fit too).
func TestAtomicFileLongName(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, strings.Repeat("a", 240)+".txt.json")
	require.NoError(t, writeFile(path, []byte("{}")))
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	require.Equal(t, "{}", string(b))
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	require.Len(t, entries, 1, "no temporary file left")
}

// writeFile writes data to path as writeDoc writes a document.
func writeFile(path string, data []byte) error {
	_, _, err := writeDoc(path, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
	return err
}
