package align

import (
	"sync"

	"github.com/pemistahl/lingua-go"

	"github.com/transcript-cli/transcript/internal/lang"
	"github.com/transcript-cli/transcript/internal/textutil"
)

// Lang is the language of a line as far as pairing cares; package lang
// owns it.
type Lang = lang.Lang

// Languages a line can be in.
const (
	Unknown = lang.Unknown
	English = lang.English
	Chinese = lang.Chinese
)

// Detector tells the language of a line. It is total: when unsure it says
// Unknown, and the caller decides what that means.
type Detector interface {
	Detect(text string) Lang
}

// ScriptDetector decides by counting scripts, which settles almost every line
// of a bilingual transcript a hundred times faster than a statistical model,
// and asks Fallback only about lines where Han and Latin text are balanced
// ("AWS Graviton 晶片").
type ScriptDetector struct {
	Fallback Detector // nil: balanced lines count as Chinese
}

// Detect implements Detector.
func (d ScriptDetector) Detect(text string) Lang {
	c := textutil.Count(text)
	l, sure := lang.Vote(c)
	if sure || c.Han+c.CJKPunct == 0 && c.LatinWords == 0 {
		// Without letters ("2023", "?") no detector can tell more.
		return l
	}
	if d.Fallback != nil {
		if l := d.Fallback.Detect(text); l != Unknown {
			return l
		}
	}
	return Chinese
}

// Lingua is a Detector backed by lingua-go, restricted to English and
// Chinese. Its models load on first use (about 40 MB and 190 ms), so a run
// whose lines the script count settles never pays for them.
type Lingua struct{}

var (
	linguaOnce     sync.Once
	linguaDetector lingua.LanguageDetector
)

// Detect implements Detector.
func (Lingua) Detect(text string) Lang {
	linguaOnce.Do(func() {
		linguaDetector = lingua.NewLanguageDetectorBuilder().
			FromLanguages(lingua.English, lingua.Chinese).
			Build()
	})
	l, ok := linguaDetector.DetectLanguageOf(text)
	if !ok {
		return Unknown
	}
	switch l {
	case lingua.English:
		return English
	case lingua.Chinese:
		return Chinese
	}
	return Unknown
}

// DefaultDetector is the detector transcript uses: script counts first,
// lingua-go for the rest.
func DefaultDetector() Detector { return ScriptDetector{Fallback: Lingua{}} }
