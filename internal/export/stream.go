package export

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"errors"
	"io"

	"github.com/transcript-cli/transcript/internal/model"
)

// ErrSingle is returned when a second document is written to a stream of a
// format that holds one document only.
var ErrSingle = errors.New("this format holds one document per output; use one output file per input")

// SpoolError is a failure of the spool of a merged format, not of the
// output: the caller names the spool, not the output, in its message.
type SpoolError struct{ Err error }

func (e *SpoolError) Error() string { return e.Err.Error() }
func (e *SpoolError) Unwrap() error { return e.Err }

// Stream writes a stream of documents in one format: the format's header
// once, documents joined by its separator, a single-document format
// (HTML) refusing a second document, and a merging format (TMX) spooling
// its bodies and writing them under a head made from every document at
// Close. It is the one place that knows how documents make an output: one
// file of --out-dir is a stream of one document.
//
// Rendering and writing are apart so that documents can be rendered in
// parallel and written in order: Encode renders a document's part of the
// stream and may be called from several goroutines; Add writes parts, in
// order, from one, each either rendered ahead or rendered as it is added
// (a huge document, never held whole). Write does both. A document that
// fails to render ahead leaves nothing in the stream.
type Stream struct {
	w     io.Writer
	bw    *bufio.Writer // in front of w, or of the spool, during Add
	f     Format
	o     Options
	n     int
	notes []string // a merging format's: one per document
	open  func() (io.ReadWriteSeeker, error)
	spool io.ReadWriteSeeker
	mem   bytes.Buffer // the spool when open is nil
	buf   bytes.Buffer // Write's part
}

// NewStream starts a stream of documents in format f on w. A merging
// format spools its bodies in memory, unless SpoolTo says where.
func NewStream(w io.Writer, f Format, o Options) *Stream {
	return &Stream{w: w, f: f, o: o}
}

// SpoolTo makes a merging format spool its bodies into what open returns
// (a temporary file), opened at the first document, instead of memory: a
// stream of thousands of documents then holds only their notes. The
// caller closes and removes it after Close.
func (s *Stream) SpoolTo(open func() (io.ReadWriteSeeker, error)) { s.open = open }

// Encode renders t's part of the stream into w, for Add. It is safe for
// concurrent use.
func (s *Stream) Encode(w io.Writer, t *model.Transcript) error {
	m := s.f.Merge
	if m == nil {
		return s.f.Write(w, t, s.o)
	}
	// A merging format's part carries the document's note ahead of its
	// body, length first, so that Add can keep it for the head.
	note := m.Note(t)
	var n [binary.MaxVarintLen64]byte
	if _, err := w.Write(binary.AppendUvarint(n[:0], uint64(len(note)))); err != nil {
		return err
	}
	if _, err := io.WriteString(w, note); err != nil {
		return err
	}
	return m.Body(w, t, s.o)
}

// Part is a document's part as Add takes it: what writes the bytes Encode
// renders (the bytes rendered ahead, or Encode itself).
type Part = func(w io.Writer) error

// Bytes is the part Encode rendered ahead into b.
func Bytes(b []byte) Part {
	return func(w io.Writer) error {
		_, err := w.Write(b)
		return err
	}
}

// Add writes one part: after the header for the first, after the
// separator for the others; a merging format's body goes to the spool.
// The part is written through a buffer, flushed before Add returns.
func (s *Stream) Add(part Part) error {
	if s.f.Single && s.n > 0 {
		return ErrSingle
	}
	if s.bw == nil {
		s.bw = bufio.NewWriterSize(nil, 64<<10)
	}
	if s.f.Merge != nil {
		return s.spoolPart(part)
	}
	s.bw.Reset(s.w)
	if s.n == 0 && s.f.Header != nil {
		if err := s.f.Header(s.bw, s.o); err != nil {
			return err
		}
	}
	if s.n > 0 && s.f.Separator != "" {
		if _, err := s.bw.WriteString(s.f.Separator); err != nil {
			return err
		}
	}
	s.n++
	if err := part(s.bw); err != nil {
		return err
	}
	return s.bw.Flush()
}

func (s *Stream) spoolPart(part Part) error {
	if s.spool == nil {
		if s.open == nil {
			s.spool = nopSeeker{&s.mem}
		} else {
			sp, err := s.open()
			if err != nil {
				return &SpoolError{err}
			}
			s.spool = sp
		}
	}
	p := &noteCutter{spool: s.spool, size: -1}
	s.bw.Reset(p)
	if err := part(s.bw); err != nil {
		return err
	}
	if err := s.bw.Flush(); err != nil {
		return err
	}
	if !p.body {
		return errors.New("export: a part that Encode did not render")
	}
	s.notes = append(s.notes, string(p.note))
	s.n++
	return nil
}

// noteCutter takes a merging format's part as Encode renders it: it keeps
// the note (its length, then its bytes) and sends the body to the spool.
type noteCutter struct {
	spool io.Writer
	note  []byte
	size  int // the note's length once read, else -1
	body  bool
}

func (c *noteCutter) Write(b []byte) (int, error) {
	n := len(b)
	for !c.body && len(b) > 0 {
		if c.size < 0 {
			c.note, b = append(c.note, b[0]), b[1:]
			v, k := binary.Uvarint(c.note)
			if k < 0 || v > 1<<30 {
				return 0, errors.New("export: a part that Encode did not render")
			}
			if k == 0 {
				continue
			}
			c.size, c.note = int(v), c.note[:0]
		} else {
			take := min(c.size-len(c.note), len(b))
			c.note, b = append(c.note, b[:take]...), b[take:]
		}
		c.body = len(c.note) == c.size
	}
	if len(b) > 0 {
		if _, err := c.spool.Write(b); err != nil {
			return 0, &SpoolError{err}
		}
	}
	return n, nil
}

// Write renders t and adds it to the stream.
func (s *Stream) Write(t *model.Transcript) error {
	s.buf.Reset()
	if err := s.Encode(&s.buf, t); err != nil {
		return err
	}
	return s.Add(Bytes(s.buf.Bytes()))
}

// Close finishes the stream: a merging format writes its head, the
// spooled bodies and its tail. A stream with no document writes nothing.
func (s *Stream) Close() error {
	m := s.f.Merge
	if m == nil || len(s.notes) == 0 {
		return nil
	}
	if _, err := s.spool.Seek(0, io.SeekStart); err != nil {
		return &SpoolError{err}
	}
	if err := m.Head(s.w, s.notes, s.o); err != nil {
		return err
	}
	if _, err := io.Copy(s.w, spoolReader{s.spool}); err != nil {
		return err
	}
	s.notes = nil
	return m.Tail(s.w, s.o)
}

// spoolReader marks the errors of reading the spool as the spool's, where
// io.Copy mixes them with the output's.
type spoolReader struct{ r io.Reader }

func (r spoolReader) Read(p []byte) (int, error) {
	n, err := r.r.Read(p)
	if err != nil && err != io.EOF {
		err = &SpoolError{err}
	}
	return n, err
}

// nopSeeker is a memory spool: written once, then read from its start,
// which is all Close asks of Seek.
type nopSeeker struct{ *bytes.Buffer }

func (nopSeeker) Seek(int64, int) (int64, error) { return 0, nil }

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

// WriteDocument writes t as one complete output (one file of --out-dir):
// the stream of this one document. It writes straight to w, without the
// stream's buffer and spool (a merging format's Write is the merge of one
// document), so on an error w holds part of it: --out-dir writes into a
// buffer it throws away then.
func WriteDocument(w io.Writer, f Format, t *model.Transcript, o Options) error {
	if f.Header != nil && f.Merge == nil {
		if err := f.Header(w, o); err != nil {
			return err
		}
	}
	return f.Write(w, t, o)
}
