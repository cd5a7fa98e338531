package export

import (
	"bytes"
	"errors"
	"io"

	"github.com/transcript-cli/transcript/internal/model"
)

// ErrSingle is returned when a second document is written to a stream of a
// format that holds one document only.
var ErrSingle = errors.New("this format holds one document per output; use one output file per input")

// Writer writes a stream of documents in one format: the format's header
// once, documents joined by its separator, or all documents merged into one
// at Close. Each document is rendered whole before any of it is written, so
// a document that fails to encode leaves nothing behind.
type Writer struct {
	w       io.Writer
	f       Format
	o       Options
	n       int
	pending []*model.Transcript // for formats that merge
	buf     bytes.Buffer
}

// NewWriter starts a stream of documents on w.
func NewWriter(w io.Writer, f Format, o Options) *Writer {
	return &Writer{w: w, f: f, o: o}
}

// Write adds one document to the stream.
func (sw *Writer) Write(t *model.Transcript) error {
	if sw.f.Single && sw.n > 0 {
		return ErrSingle
	}
	if sw.f.Merge != nil {
		sw.pending = append(sw.pending, t)
		sw.n++
		return nil
	}
	sw.buf.Reset()
	if sw.n == 0 && sw.f.Header != nil {
		if err := sw.f.Header(&sw.buf, sw.o); err != nil {
			return err
		}
	}
	if sw.n > 0 {
		sw.buf.WriteString(sw.f.Separator)
	}
	if err := sw.f.Write(&sw.buf, t, sw.o); err != nil {
		return err
	}
	sw.n++
	_, err := sw.w.Write(sw.buf.Bytes())
	return err
}

// Close finishes the stream: it writes merged documents. A stream with no
// document writes nothing.
func (sw *Writer) Close() error {
	if sw.f.Merge == nil || len(sw.pending) == 0 {
		return nil
	}
	sw.buf.Reset()
	if err := sw.f.Merge(&sw.buf, sw.pending, sw.o); err != nil {
		return err
	}
	sw.pending = nil
	_, err := sw.w.Write(sw.buf.Bytes())
	return err
}

// WriteDocument writes t as one complete output (one file of --out-dir):
// header, document and whatever the format closes a stream with.
func WriteDocument(w io.Writer, f Format, t *model.Transcript, o Options) error {
	sw := NewWriter(w, f, o)
	if err := sw.Write(t); err != nil {
		return err
	}
	return sw.Close()
}
