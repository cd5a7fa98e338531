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
	w     io.Writer
	f     Format
	o     Options
	n     int
	notes []string     // for formats that merge: one per document
	spool bytes.Buffer // their bodies, until Close writes the head
	buf   bytes.Buffer
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
	if m := sw.f.Merge; m != nil {
		if err := m.Body(&sw.spool, t, sw.o); err != nil {
			return err
		}
		sw.notes = append(sw.notes, m.Note(t))
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
	if sw.f.Merge == nil || len(sw.notes) == 0 {
		return nil
	}
	err := WriteMerged(sw.w, sw.f, sw.notes, &sw.spool, sw.o)
	sw.notes = nil
	sw.spool.Reset()
	return err
}

// one writes a single document as a whole merged output.
func (m *Merged) one(w io.Writer, t *model.Transcript, o Options) error {
	if err := m.Head(w, []string{m.Note(t)}, o); err != nil {
		return err
	}
	if err := m.Body(w, t, o); err != nil {
		return err
	}
	return m.Tail(w, o)
}

// WriteMerged writes a merged format's document: the head made from the
// notes, the bodies read from spool, and the tail.
func WriteMerged(w io.Writer, f Format, notes []string, spool io.Reader, o Options) error {
	var head bytes.Buffer
	if err := f.Merge.Head(&head, notes, o); err != nil {
		return err
	}
	if _, err := w.Write(head.Bytes()); err != nil {
		return err
	}
	if _, err := io.Copy(w, spool); err != nil {
		return err
	}
	return f.Merge.Tail(w, o)
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
