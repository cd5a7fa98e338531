package export

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/transcript-cli/transcript/internal/model"
)

// TestStreamParts: parts rendered in parallel and added in order give the
// bytes of writing the documents one by one, for every format; a merging
// format gives the same bytes whether it spools in memory or in a file.
func TestStreamParts(t *testing.T) {
	docs := []*model.Transcript{reference(t), synthetic(), reference(t)}
	for _, f := range Formats() {
		t.Run(f.Name, func(t *testing.T) {
			ts := docs
			if f.Single {
				ts = docs[:1]
			}
			want := render(t, f.Name, ts...)
			if len(want) == 0 {
				t.Fatal("nothing rendered")
			}
			var out bytes.Buffer
			s := NewStream(&out, f, Options{})
			var file *os.File
			s.SpoolTo(func() (io.ReadWriteSeeker, error) {
				var err error
				file, err = os.Create(filepath.Join(t.TempDir(), "spool"))
				return file, err
			})
			parts := make([]bytes.Buffer, len(ts))
			var wg sync.WaitGroup
			for i, tr := range ts {
				wg.Go(func() {
					if err := s.Encode(&parts[i], tr); err != nil {
						t.Error(err)
					}
				})
			}
			wg.Wait()
			for i := range parts {
				part := Bytes(parts[i].Bytes())
				if i == 1 {
					// Rendered as it is added, as a huge document is.
					part = func(w io.Writer) error { return s.Encode(w, ts[i]) }
				}
				if err := s.Add(part); err != nil {
					t.Fatal(err)
				}
			}
			if err := s.Close(); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(out.Bytes(), want) {
				t.Errorf("parts give %d bytes, Write gives %d", out.Len(), len(want))
			}
			if (file != nil) != (f.Merge != nil) {
				t.Errorf("spool file opened: %v, but the format merges: %v", file != nil, f.Merge != nil)
			}
			if file != nil {
				file.Close()
			}
		})
	}
}

// TestWriteDocument: one complete document is the stream of that one
// document, in every format and with every option.
func TestWriteDocument(t *testing.T) {
	for _, f := range Formats() {
		for _, o := range []Options{{}, {Compact: true, BOM: true}} {
			var want, got bytes.Buffer
			s := NewStream(&want, f, o)
			if err := s.Write(reference(t)); err != nil {
				t.Fatal(err)
			}
			if err := s.Close(); err != nil {
				t.Fatal(err)
			}
			if err := WriteDocument(&got, f, reference(t), o); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got.Bytes(), want.Bytes()) {
				t.Errorf("%s %+v: WriteDocument differs from a stream of one document", f.Name, o)
			}
		}
	}
}

// TestStreamEmpty: a stream of no document writes nothing, not even a
// header.
func TestStreamEmpty(t *testing.T) {
	for _, f := range Formats() {
		var out bytes.Buffer
		if err := NewStream(&out, f, Options{BOM: true}).Close(); err != nil || out.Len() > 0 {
			t.Errorf("%s: %q, %v", f.Name, out.String(), err)
		}
	}
}

type failingSpool struct{ err error }

func (s failingSpool) Read([]byte) (int, error)       { return 0, s.err }
func (s failingSpool) Write([]byte) (int, error)      { return 0, s.err }
func (s failingSpool) Seek(int64, int) (int64, error) { return 0, s.err }

// TestStreamSpoolError: a failure of the spool is told apart from one of
// the output, so that the message names the right file.
func TestStreamSpoolError(t *testing.T) {
	f, _ := Lookup("tmx")
	boom := errors.New("disk full")
	for _, open := range []func() (io.ReadWriteSeeker, error){
		func() (io.ReadWriteSeeker, error) { return nil, boom },
		func() (io.ReadWriteSeeker, error) { return failingSpool{boom}, nil },
	} {
		s := NewStream(io.Discard, f, Options{})
		s.SpoolTo(open)
		err := s.Write(synthetic())
		var se *SpoolError
		if !errors.As(err, &se) || !errors.Is(err, boom) {
			t.Errorf("err = %v, want a SpoolError of %v", err, boom)
		}
	}
}
