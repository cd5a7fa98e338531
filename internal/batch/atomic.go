package batch

import (
	"bufio"
	"errors"
	"hash"
	"hash/crc32"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
)

// AtomicFile collects output in a temporary file in the folder of its
// destination and renames it into place on Commit, so that readers (and
// concurrent runs writing the same path) only ever see a complete file: the
// old one or the new one. The temporary name is unique per writer and
// hidden (".name.tmp-*"), so folder walks skip it.
//
// Abort removes the temporary file; it is safe to call after Commit, so
// callers can defer it.
type AtomicFile struct {
	path string
	tmp  *os.File
	err  error
	done bool
	// direct is set when the destination is not a regular file (a device
	// such as /dev/stdout, a named pipe): it cannot be replaced, only
	// written, so tmp is the destination itself.
	direct bool
	mode   os.FileMode
	target string // the file to replace: path with links followed
}

// NewAtomicFile prepares to write path. Nothing is created until the first
// Write or Commit.
func NewAtomicFile(path string) *AtomicFile { return &AtomicFile{path: path} }

// Path is the destination.
func (a *AtomicFile) Path() string { return a.path }

func (a *AtomicFile) open() error {
	if a.tmp != nil || a.err != nil {
		return a.err
	}
	target := a.path
	a.mode = 0o644
	// A link is followed, so that the file it names is replaced and the
	// link kept; an existing file keeps its permissions.
	if real, err := filepath.EvalSymlinks(a.path); err == nil {
		target = real
		if fi, err := os.Stat(real); err == nil {
			if !fi.Mode().IsRegular() {
				a.direct = true
				a.tmp, a.err = os.OpenFile(real, os.O_WRONLY|os.O_TRUNC, 0)
				a.err = bare(a.err)
				return a.err
			}
			a.mode = fi.Mode().Perm()
		}
	}
	a.target = target
	dir, base := filepath.Split(target)
	if dir == "" {
		dir = "."
	}
	// The temporary name must fit where the final name fits: keep at most
	// 200 bytes of the base (the pattern adds about 16).
	if len(base) > 200 {
		base = base[:200]
	}
	a.tmp, a.err = os.CreateTemp(dir, "."+base+".tmp-*")
	a.err = bare(a.err)
	return a.err
}

// Write implements io.Writer.
func (a *AtomicFile) Write(p []byte) (int, error) {
	if err := a.open(); err != nil {
		return 0, err
	}
	n, err := a.tmp.Write(p)
	if err != nil {
		a.err = bare(err)
	}
	return n, a.err
}

// Commit makes the written bytes (possibly none) the content of the
// destination. On error nothing is left behind.
func (a *AtomicFile) Commit() error {
	if err := a.open(); err != nil {
		return err
	}
	if a.direct {
		a.done = true
		return bare(a.tmp.Close())
	}
	err := a.tmp.Chmod(a.mode)
	if cerr := a.tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(a.tmp.Name(), a.target)
	}
	a.done = true
	if err != nil {
		os.Remove(a.tmp.Name())
		return bare(err)
	}
	return nil
}

// Abort discards the temporary file, unless Commit has run.
func (a *AtomicFile) Abort() {
	if a.direct {
		if a.tmp != nil && !a.done {
			a.tmp.Close()
			a.done = true
		}
		return
	}
	if a.tmp != nil && !a.done {
		a.tmp.Close()
		os.Remove(a.tmp.Name())
		a.done = true
	}
}

// bare drops the path from *PathError and *LinkError, which would name the
// temporary file; callers report the destination instead.
func bare(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
}

// writeDoc writes doc to path atomically, through a buffer, creating
// missing parent folders, and returns the size and CRC-32C of what it
// wrote, for the stamp.
func writeDoc(path string, doc Doc) (size int64, crc uint32, err error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return 0, 0, err
	}
	a := NewAtomicFile(path)
	defer a.Abort()
	sum := &summer{h: crc32.New(castagnoli)}
	bw := writers.Get().(*bufio.Writer)
	defer func() { bw.Reset(nil); writers.Put(bw) }() // holding on to no file
	bw.Reset(io.MultiWriter(a, sum))
	if err := doc(bw); err != nil {
		return 0, 0, err
	}
	if err := bw.Flush(); err != nil {
		return 0, 0, err
	}
	return sum.n, sum.h.Sum32(), a.Commit()
}

// writers keeps writeDoc's buffers from one file to the next.
var writers = sync.Pool{New: func() any { return bufio.NewWriterSize(nil, 64<<10) }}

// summer counts and checksums what goes through it.
type summer struct {
	h hash.Hash32
	n int64
}

func (s *summer) Write(p []byte) (int, error) {
	s.n += int64(len(p))
	return s.h.Write(p)
}
