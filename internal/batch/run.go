package batch

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"sync"
	"sync/atomic"
	"time"
)

// Status is what became of one input.
type Status uint8

// Statuses of an input.
const (
	Converted Status = iota
	Skipped
	Failed
)

// Event reports one finished input, in input order.
type Event struct {
	Index  int
	Input  Input
	Status Status
	Err    error // for Failed
	Bytes  int64 // input bytes read
	Output string
}

// Stats count the outcome of a run.
type Stats struct {
	Converted, Skipped, Failed int
	Bytes                      int64 // input bytes read
	Elapsed                    time.Duration
}

// Config describes a batch.
type Config struct {
	Jobs int // parallel workers; < 1 means 1
	// Window bounds the results computed ahead of the next one in input
	// order; 0 means 2*Jobs+2.
	Window int

	// OutDir, when set, receives one file per input at
	// OutputPath(OutDir, input, Ext); otherwise Emit gets the documents.
	OutDir string
	Ext    string
	// SkipExisting skips inputs whose output is up to date by its stamp,
	// and stamps what it writes (OutDir only; see stamp).
	SkipExisting bool
	// Stamp names what an output depends on besides its input (format,
	// options, version), for SkipExisting.
	Stamp string

	// FailFast stops at the first failed input (in input order).
	FailFast bool

	// Stdin reads standard input; nil reads nothing.
	Stdin func(ctx context.Context) ([]byte, error)
	// Convert turns input number i's bytes into its document. It must be
	// safe to call from several goroutines.
	Convert func(i int, in Input, data []byte) (Doc, error)
	// Emit, if set, is told about each input in input order, from one
	// goroutine, with its document when the input converted without
	// OutDir (nil otherwise): the caller makes its stream of them. An
	// error from Emit ends the run.
	Emit func(ev Event, doc Doc) error
}

// A Doc writes a converted document to w. The document of a small input
// is written by its worker into a buffer, so that documents render in
// parallel, and the buffer's bytes reach Emit; a big one's (over
// bufferLimit of input) is written once where it goes, by Emit into the
// stream or by its worker into its file under OutDir, so that its bytes
// are never all in memory. Writing is the only way a Doc can fail then.
type Doc func(w io.Writer) error

// bufferLimit is the largest input whose document is rendered ahead into
// memory.
const bufferLimit = 1 << 20

// StreamError is an error from Emit: the stream could not be written.
type StreamError struct{ Err error }

func (e *StreamError) Error() string { return e.Err.Error() }
func (e *StreamError) Unwrap() error { return e.Err }

// ErrFailFast is returned when FailFast stopped the run.
var ErrFailFast = errors.New("stopped at the first failure")

type result struct {
	ev  Event
	buf *bytes.Buffer // the document rendered ahead, when streaming
	doc Doc           // the document to render, when streaming a big one
}

var bufPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// Run converts inputs. It returns ctx.Err() when cancelled, a *StreamError
// when Emit fails, ErrFailFast, or nil; failures of single inputs are
// reported through Emit and counted in Stats.
func Run(ctx context.Context, c Config, inputs []Input) (Stats, error) {
	start := time.Now()
	var st Stats
	window := c.Window
	if window <= 0 {
		window = 2*c.Jobs + 2
	}
	outputs, dups := c.plan(inputs)
	// Files under OutDir are counted as they land, not in input order: after
	// a Ctrl-C the outputs that workers finished ahead of the order are on
	// disk too, and the summary must say so.
	var filesWritten atomic.Int64
	err := Ordered(ctx, len(inputs), c.Jobs, window,
		func(ctx context.Context, i int) result {
			r := c.one(ctx, i, inputs[i], outputs[i], dups[i])
			if r.ev.Status == Converted && c.OutDir != "" {
				filesWritten.Add(1)
			}
			return r
		},
		func(i int, r result) error {
			defer func() {
				if r.buf != nil {
					r.buf.Reset()
					bufPool.Put(r.buf)
				}
			}()
			st.Bytes += r.ev.Bytes
			switch r.ev.Status {
			case Converted:
				if c.OutDir == "" { // files are counted as they land, above
					st.Converted++
				}
			case Skipped:
				st.Skipped++
			case Failed:
				st.Failed++
			}
			if c.Emit != nil {
				var doc Doc
				switch {
				case r.buf != nil:
					doc = func(w io.Writer) error {
						_, err := w.Write(r.buf.Bytes())
						return err
					}
				case r.doc != nil:
					doc = r.doc.until(ctx) // a big document renders here
				}
				if err := c.Emit(r.ev, doc); err != nil {
					return &StreamError{err}
				}
			}
			if r.ev.Status == Failed && c.FailFast {
				return ErrFailFast
			}
			return nil
		})
	if c.OutDir != "" {
		st.Converted = int(filesWritten.Load())
	}
	st.Elapsed = time.Since(start)
	return st, err
}

// plan computes the output paths and marks inputs whose output path an
// earlier input already claims (two roots holding the same relative path).
func (c *Config) plan(inputs []Input) (outputs []string, dups []error) {
	outputs = make([]string, len(inputs))
	dups = make([]error, len(inputs))
	if c.OutDir == "" {
		return
	}
	seen := make(map[string]string, len(inputs))
	for i, in := range inputs {
		if in.Err != nil {
			continue
		}
		if in.Stdin {
			dups[i] = errors.New("standard input has no name to write under --out-dir")
			continue
		}
		out, err := OutputPath(c.OutDir, in, c.Ext)
		if err != nil {
			dups[i] = err
			continue
		}
		if first, ok := seen[out]; ok {
			dups[i] = fmt.Errorf("output %s is already written for %s", out, first)
			continue
		}
		seen[out] = in.Name
		outputs[i] = out
	}
	return
}

func (c *Config) one(ctx context.Context, i int, in Input, out string, planErr error) result {
	r := result{ev: Event{Index: i, Input: in, Output: out}}
	fail := func(err error) result {
		r.ev.Status, r.ev.Err = Failed, err
		return r
	}
	if in.Err != nil {
		return fail(in.Err)
	}
	if planErr != nil {
		return fail(planErr)
	}
	if ctx.Err() != nil {
		return fail(ctx.Err())
	}
	var data []byte
	var err error
	if in.Stdin {
		if c.Stdin != nil {
			data, err = c.Stdin(ctx)
		}
	} else {
		data, err = os.ReadFile(in.Path)
	}
	if err != nil {
		return fail(err)
	}
	r.ev.Bytes = int64(len(data))
	var sum string
	if c.SkipExisting && out != "" {
		sum = inputSum(data)
		if upToDate(out, sum, c.Stamp) {
			r.ev.Status = Skipped
			return r
		}
	}
	ahead := c.OutDir == "" && len(data) <= bufferLimit
	doc, buf, err := c.convert(ctx, i, in, data, ahead)
	if err != nil {
		return fail(err)
	}
	if c.OutDir == "" {
		r.buf, r.doc = buf, doc
		return r
	}
	if ctx.Err() != nil {
		return fail(ctx.Err())
	}
	size, crc, err := writeDoc(out, doc.until(ctx))
	if err != nil {
		return fail(fmt.Errorf("write %s: %w", out, err))
	}
	if sum != "" {
		writeStamp(out, sum, c.Stamp, size, crc)
	}
	return r
}

// convert runs Convert, and with ahead renders the document into a
// buffer, but returns as soon as ctx is cancelled: a signal must not wait
// for the conversion of a huge file. The abandoned conversion writes into
// its own buffer, which is then not reused, and nothing of it reaches a
// file.
func (c *Config) convert(ctx context.Context, i int, in Input, data []byte, ahead bool) (Doc, *bytes.Buffer, error) {
	type converted struct {
		doc Doc
		buf *bytes.Buffer
		err error
	}
	done := make(chan converted, 1)
	go func() {
		doc, err := c.Convert(i, in, data)
		if err != nil || !ahead {
			done <- converted{doc: doc, err: err}
			return
		}
		buf := bufPool.Get().(*bytes.Buffer)
		if err := doc(buf); err != nil {
			buf.Reset()
			bufPool.Put(buf)
			done <- converted{err: err}
			return
		}
		done <- converted{buf: buf}
	}()
	select {
	case r := <-done:
		return r.doc, r.buf, r.err
	case <-ctx.Done():
		return nil, nil, ctx.Err()
	}
}

// until is d written through a writer that fails once ctx is done, so
// that a document rendered as it is written (a big one) stops at a signal,
// its file aborted.
func (d Doc) until(ctx context.Context) Doc {
	return func(w io.Writer) error { return d(cancellable{ctx, w}) }
}

// cancellable is a writer that fails once ctx is done.
type cancellable struct {
	ctx context.Context
	w   io.Writer
}

func (c cancellable) Write(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.w.Write(p)
}
