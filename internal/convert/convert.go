// Package convert runs the whole pipeline for one input: decode the bytes,
// parse the layout, align the languages, describe the source. It is the one
// entry point that the command line, the benchmarks and the fuzz tests share.
package convert

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"sort"

	"github.com/transcript-cli/transcript/internal/align"
	"github.com/transcript-cli/transcript/internal/decode"
	"github.com/transcript-cli/transcript/internal/model"
	"github.com/transcript-cli/transcript/internal/parse"
	"github.com/transcript-cli/transcript/internal/sentence"
	"github.com/transcript-cli/transcript/internal/structure"
)

// ErrNoTranscript is returned for input with no English paragraph.
var ErrNoTranscript = errors.New("no transcript found (no English paragraph)")

// ErrNoCall is returned for text that holds no call: no speaker, and it
// reads as something else (a list of links, a table, a document).
var ErrNoCall = errors.New("no call found")

// Options choose how inputs are read.
type Options struct {
	Encoding string         // "" or "auto" to detect
	Layout   string         // "" or "auto" to detect
	Detector align.Detector // nil for the default
	// Sentences links the sentences inside each pair (parse --sentences).
	Sentences bool
}

// Convert reads one input. path names it in the output ("<stdin>" for
// standard input). The transcript's strings may share data's memory (valid
// UTF-8 is not copied), so data must not be modified afterwards.
func Convert(path string, data []byte, o Options) (*model.Transcript, error) {
	dec, err := decode.Decode(data, o.Encoding)
	if err != nil {
		return nil, err
	}
	doc, err := parse.Parse(dec.Text, o.Layout)
	if err != nil {
		return nil, err
	}
	t := align.Align(doc, o.Detector)
	if !hasEnglish(t) {
		if o.Layout != "" && o.Layout != "auto" {
			// The text may well hold a call, in another layout.
			return nil, fmt.Errorf("%w in layout %s (try --layout auto)", ErrNoTranscript, o.Layout)
		}
		return nil, ErrNoTranscript
	}
	if doc.NoCall != "" {
		return nil, fmt.Errorf("%w: %s", ErrNoCall, doc.NoCall)
	}
	for _, line := range dec.Replaced {
		t.Warnings = append(t.Warnings, model.NewWarning(line, model.CodeReplacedBytes,
			"bytes that are not valid "+dec.Encoding+" were replaced with U+FFFD"))
	}
	structure.Apply(t)
	structure.CheckNumbers(t)
	if o.Sentences {
		linkSentences(t)
	}
	sortWarnings(t)
	sum := sha256.Sum256(data)
	t.Source = model.Source{
		Path:      path,
		SHA256:    hex.EncodeToString(sum[:]),
		Bytes:     int64(len(data)),
		Encoding:  dec.Encoding,
		Layout:    doc.Layout,
		Container: doc.Container,
	}
	if doc.Speakers != "" {
		// A copy: a pointer into doc would keep every line of it alive.
		t.Source.Speakers = new(doc.Speakers)
	}
	return t, nil
}

// sortWarnings orders warnings by line; stages add them as they go.
func sortWarnings(t *model.Transcript) {
	sort.SliceStable(t.Warnings, func(a, b int) bool { return t.Warnings[a].Line < t.Warnings[b].Line })
}

func hasEnglish(t *model.Transcript) bool {
	for _, turn := range t.Turns {
		for _, p := range turn.Paragraphs {
			if p.EN != nil {
				return true
			}
		}
	}
	for _, p := range t.Preamble {
		if p.EN != nil {
			return true
		}
	}
	return false
}

// linkSentences links the sentences of every pair, in the turns and the
// preamble.
func linkSentences(t *model.Transcript) {
	for p := range t.Paragraphs() {
		if p.Status == model.Paired {
			p.Sentences = sentence.AlignValid(*p.EN, *p.ZH) // decoded text is valid UTF-8
		}
	}
}
