// Package align pairs each English paragraph of a parsed transcript with its
// translation. It decides the language of every line (script counts first,
// lingua-go for what they cannot settle), rejoins wrapped lines, and pairs
// neighbours by dynamic programming over language, position and the length
// ratio of the two texts, so that a missing or extra translation affects
// only its own paragraph.
package align

import (
	"math"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/transcript-cli/transcript/internal/lang"
	"github.com/transcript-cli/transcript/internal/model"
	"github.com/transcript-cli/transcript/internal/parse"
	"github.com/transcript-cli/transcript/internal/textutil"
)

// unit is a paragraph in one language: one line, or wrapped lines rejoined.
type unit struct {
	lang Lang
	text string
	line int     // the first input line
	time string  // timestamp of the first line, if the layout found one
	size float64 // logSize of the text; 0 until known, as a logSize is at least log 3
}

func (u *unit) logSize() float64 {
	if u.size == 0 {
		u.size = logSize(u.text, u.lang)
	}
	return u.size
}

// Align turns a parsed document into a transcript (without its source
// description, which the caller knows).
func Align(doc *parse.Document, det Detector) *model.Transcript {
	if det == nil {
		det = DefaultDetector()
	}
	t := &model.Transcript{
		SchemaVersion: model.SchemaVersion,
		Languages:     model.Languages{Original: "en"},
		Summary:       texts(doc.Summary),
		Notices:       texts(doc.Notices),
		Turns:         make([]model.Turn, 0, len(doc.Turns)),
		Unparsed:      []model.Line{},
		Warnings:      []model.Warning{},
	}
	for _, p := range doc.Participants {
		t.Participants = append(t.Participants, participant(p))
	}
	t.Headings, t.Markup = layoutText(doc)
	for _, l := range doc.Unparsed {
		t.Unparsed = append(t.Unparsed, model.Line{Line: l.No, Text: l.Text})
	}
	for _, w := range doc.Warnings {
		t.Warnings = append(t.Warnings, model.NewWarning(w.Line, w.Code, w.Message))
	}

	// Languages of every body line, by block: as the container's markup
	// names them, else as the detector says. The preamble goes last.
	bodyOf := func(i int) [][]parse.Line {
		if i == len(doc.Turns) {
			return doc.Preamble
		}
		return doc.Turns[i].Blocks
	}
	langs := make([][][]Lang, len(doc.Turns)+1)
	blocks, bodies := 0, 0
	for i := range langs {
		body := bodyOf(i)
		langs[i] = make([][]Lang, len(body))
		for j, b := range body {
			ls := make([]Lang, len(b))
			for k, l := range b {
				if l.Lang != Unknown {
					ls[k] = l.Lang
				} else {
					ls[k] = det.Detect(l.Text)
				}
			}
			langs[i][j] = ls
		}
		if i == len(doc.Turns) {
			break
		}
		blocks += len(body)
		if len(body) > 0 {
			bodies++
		}
	}
	// When blank lines divide the turns (half a block more than one per turn,
	// on average), they separate paragraphs, and the lines of one language
	// inside a block are one paragraph wrapped. Without them, each line is a
	// paragraph of its own.
	blockMode := 2*blocks >= 3*bodies && bodies > 0
	if blockMode {
		for i := range langs {
			for j, b := range bodyOf(i) {
				smooth(b, langs[i][j])
			}
		}
	}

	units := make([][]unit, len(langs))
	var ez, ze int
	var zhTexts []string
	for i := range langs {
		units[i] = makeUnits(bodyOf(i), langs[i], blockMode)
		for _, u := range units[i] {
			// Whether the call is translated is the speech's to say: a
			// Chinese summary above an English call is no translation.
			if u.lang == Chinese && i < len(doc.Turns) {
				zhTexts = append(zhTexts, u.text)
			}
		}
		// The file's usual order, from a greedy reading of neighbours: in
		// E Z E Z every E starts a pair, though every Z is followed by an E.
		us := units[i]
		for j := 0; j+1 < len(us); j++ {
			switch {
			case us[j].lang == English && us[j+1].lang == Chinese:
				ez++
				j++
			case us[j].lang == Chinese && us[j+1].lang == English:
				ze++
				j++
			}
		}
	}
	translated := len(zhTexts) > 0
	if translated {
		v := Variant(zhTexts)
		t.Languages.Translation = &v
	} else {
		t.Warnings = append(t.Warnings, model.NewWarning(0, model.CodeNoTranslation, "the file has no translation; every paragraph is English only"))
	}
	p := pairer{enFirst: ez >= ze}
	if ez+ze > 0 {
		p.dominance = math.Abs(float64(ez-ze)) / float64(ez+ze)
	}
	// The transcript points at copies, never into doc or the units: a
	// pointer into one of their arrays would keep it all, every line of
	// the input, alive for as long as the transcript.
	for i := range doc.Turns {
		turn := &doc.Turns[i]
		mt := model.Turn{Index: i, Paragraphs: []model.Paragraph{}}
		if turn.Header != nil {
			mt.Header = new(turn.Header.Text)
			mt.Speaker = new(turn.Speaker)
			mt.Title = turn.Title
			mt.Line = turn.Header.No
		}
		if turn.Section != "" {
			// The layout's section marker, a hint that package structure
			// prefers to its own reading of the text.
			mt.Section = new(turn.Section)
		}
		if len(turn.HeaderTr) > 0 {
			mt.HeaderZH = new(turn.HeaderTr[0].Text)
		}
		if turn.Firm != "" {
			mt.Firm = new(turn.Firm)
		}
		mt.Paragraphs = p.pair(units[i], translated, &t.Warnings)
		if turn.Header == nil && len(mt.Paragraphs) > 0 {
			mt.Line = mt.Paragraphs[0].Line
		}
		t.Turns = append(t.Turns, mt)
	}
	// The preamble is paired like speech. Text above a call is often in
	// one language by design (a Chinese summary, a sponsor's list), so
	// its unpaired paragraphs are warned about only where the container
	// tags every line's language and so promises each its translation.
	var preWarnings []model.Warning
	t.Preamble = p.pair(units[len(doc.Turns)], translated, &preWarnings)
	if tagged(doc.Preamble) {
		t.Warnings = append(t.Warnings, preWarnings...)
	}
	return t
}

// tagged reports whether the container's markup names the language of
// the lines.
func tagged(blocks [][]parse.Line) bool {
	for _, b := range blocks {
		for _, l := range b {
			if l.Lang != Unknown {
				return true
			}
		}
	}
	return false
}

// participant is an entry of the layout's participants list, which package
// structure completes with the speakers' turns.
func participant(p parse.Participant) model.Participant {
	mp := model.Participant{Name: p.Name, Role: p.Role, Turns: []int{}}
	if p.Title != "" {
		mp.Title = &p.Title
	}
	if p.Firm != "" {
		mp.Firm = &p.Firm
	}
	if mp.Role == "" {
		mp.Role = model.RoleUnknown
	}
	return mp
}

// layoutText collects the layout's headings and its own text (markup lines,
// participant lists, prefixes cut from lines), in line order.
func layoutText(doc *parse.Document) (headings, markup []model.Line) {
	headings, markup = []model.Line{}, []model.Line{}
	prefixes := func(ls []parse.Line) {
		for _, l := range ls {
			if l.Prefix != "" {
				markup = append(markup, model.Line{Line: l.No, Text: l.Prefix})
			}
		}
	}
	for _, l := range doc.Headings {
		headings = append(headings, model.Line{Line: l.No, Text: l.Text})
	}
	prefixes(doc.Headings)
	for _, l := range doc.Markup {
		markup = append(markup, model.Line{Line: l.No, Text: l.Text})
	}
	for _, p := range doc.Participants {
		for _, l := range p.Lines {
			markup = append(markup, model.Line{Line: l.No, Text: l.Text})
		}
	}
	prefixes(doc.Summary)
	prefixes(doc.Notices)
	for _, turn := range doc.Turns {
		if turn.Header != nil {
			prefixes([]parse.Line{*turn.Header})
		}
		prefixes(turn.Copies)
		prefixes(turn.HeaderTr)
		prefixes(turn.HeaderMore)
		for _, b := range turn.Blocks {
			prefixes(b)
		}
	}
	sort.SliceStable(markup, func(a, b int) bool { return markup[a].Line < markup[b].Line })
	return headings, markup
}

func texts(lines []parse.Line) []string {
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = l.Text
	}
	return out
}

// smooth gives a line whose scripts are balanced the language of its
// block: in a wrapped paragraph, "模型、Anthropic 的 Claude 2 和 Stability AI
// 的 Stable Diffusion XL 1.0,以", "Coda、Lonely Planet、Omnicom、3M、Ryanair、"
// or a last line "來自 Evercore ISI 的 Mark Mahaney。" are pieces of the Chinese
// around them, whatever a detector makes of them alone. A line between two
// neighbours of one language takes theirs; a line at either end of a block
// takes its one neighbour's when that is Chinese (a short translation such
// as "AWS Graviton 晶片" after its English stays what the detector says).
func smooth(b []parse.Line, langs []Lang) {
	if len(b) < 2 {
		return
	}
	for k := range b {
		if b[k].Lang != Unknown {
			continue // the container's markup says
		}
		if _, sure := lang.Of(b[k].Text); sure {
			continue
		}
		switch {
		case k == 0:
			if langs[1] == Chinese || langs[k] == Unknown {
				langs[k] = langs[1]
			}
		case k == len(b)-1:
			if langs[k-1] == Chinese || langs[k] == Unknown {
				langs[k] = langs[k-1]
			}
		case langs[k-1] == langs[k+1]:
			langs[k] = langs[k-1]
		}
	}
}

// makeUnits groups a turn's lines into paragraphs of one language.
func makeUnits(blocks [][]parse.Line, langs [][]Lang, blockMode bool) []unit {
	n := 0
	for _, b := range blocks {
		n += len(b)
	}
	us := make([]unit, 0, n)
	for j, b := range blocks {
		for k, l := range b {
			lang := langs[j][k]
			if lang == Unknown {
				lang = English
			}
			if k > 0 && len(us) > 0 {
				last := &us[len(us)-1]
				if last.lang == lang && (blockMode || wrapped(b[k-1].Text, l.Text, lang)) {
					last.text = join(last.text, l.Text, lang)
					continue
				}
			}
			us = append(us, unit{lang: lang, text: l.Text, line: l.No, time: l.Time})
		}
	}
	return us
}

// wrapped reports whether next continues prev in a file without blank lines
// between paragraphs: an English sentence cut mid-way and resumed in lower
// case. Chinese gives no such sign, so it is never rejoined there.
func wrapped(prev, next string, lang Lang) bool {
	if lang != English {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(prev)
	first, _ := utf8.DecodeRuneInString(next)
	return !strings.ContainsRune(".?!:;\"”)'’", last) && unicode.IsLower(first)
}

func join(a, b string, lang Lang) string {
	if lang == Chinese {
		// A line of Chinese that ends or starts with a Latin word or a
		// figure still needs the space between them ("Microsoft 365", "Q3
		// 2026"): layouts break a run of Latin text only at its spaces.
		if a != "" && b != "" && textutil.ASCIIAlnum(a[len(a)-1]) && textutil.ASCIIAlnum(b[0]) {
			return a + " " + b
		}
		return a + b
	}
	return a + " " + b
}

// pairer chooses which neighbouring units are translations of each other.
type pairer struct {
	enFirst bool // the file mostly puts English before its translation
	// dominance is how strongly it does: 1 when every pair has one order,
	// 0 when both are as common.
	dominance float64
}

// Typical length of a Chinese translation, in runes, per byte of English,
// measured on the reference file (median 0.31, range 0.25–0.54); sigma is the
// spread of its logarithm.
const (
	zhPerEN    = 0.31
	ratioSigma = 0.4
	// A pair this unlikely by length is kept but flagged.
	doubtfulPenalty = 3.0
)

// logSize is the log of a text's length as the ratio counts it: English
// in bytes, Chinese in runes, each with its smoothing.
func logSize(s string, l Lang) float64 {
	if l == Chinese {
		ascii, other := textutil.Runes(s)
		return math.Log(float64(ascii+other) + 3)
	}
	return math.Log(float64(len(s)) + 10)
}

var logZhPerEN = math.Log(zhPerEN)

// penalty is how unlikely the lengths of a pair of units, one of each
// language in either order, are: 0 at the typical ratio, growing with the
// square of the log ratio.
func penalty(a, b *unit) float64 {
	en, zh := a, b
	if a.lang == Chinese {
		en, zh = b, a
	}
	d := zh.logSize() - en.logSize() - logZhPerEN
	return d * d / (2 * ratioSigma * ratioSigma)
}

// Scores of the pairing. Leaving a unit unpaired scores 0; pairing two
// neighbours gains pairGain, less the unlikeliness of their lengths (capped
// at pairGain, so that two lone neighbours of the right order always pair),
// plus or minus orderWeight scaled by how strongly the file keeps one
// order. With these, a missing line leaves its neighbours in place instead
// of shifting every pair after it into the wrong order.
const (
	pairGain    = 2.4
	orderWeight = 0.8
)

// pairScore is the gain of pairing a and b (a before b).
func (p pairer) pairScore(a, b *unit) float64 {
	s := pairGain - math.Min(penalty(a, b), pairGain)
	if (a.lang == English) == p.enFirst {
		s += orderWeight * p.dominance
	} else {
		s -= orderWeight * p.dominance
	}
	return s
}

// pair chooses the best set of non-overlapping neighbour pairs by dynamic
// programming and writes the paragraphs in input order.
func (p pairer) pair(us []unit, translated bool, warnings *[]model.Warning) []model.Paragraph {
	n := len(us)
	best := make([]float64, n+1)
	paired := make([]bool, n+1) // paired[i]: units i-2 and i-1 form a pair in the best prefix of length i
	for i := 1; i <= n; i++ {
		best[i] = best[i-1]
		if i >= 2 && us[i-2].lang != us[i-1].lang {
			if s := best[i-2] + p.pairScore(&us[i-2], &us[i-1]); s > best[i] {
				best[i], paired[i] = s, true
			}
		}
	}
	out := []model.Paragraph{} // never null in the output, even for an empty turn
	for i := n; i > 0; {
		if paired[i] {
			out = append(out, p.paragraph(&us[i-2], &us[i-1], warnings))
			i -= 2
			continue
		}
		out = append(out, p.paragraph(&us[i-1], nil, warnings))
		i--
	}
	// Built backwards; warnings are sorted later.
	for a, b := 0, len(out)-1; a < b; a, b = a+1, b-1 {
		out[a], out[b] = out[b], out[a]
	}
	if !translated {
		for i := range out {
			out[i].Status = model.MissingTranslation
		}
		return out
	}
	for _, para := range out {
		switch para.Status {
		case model.MissingTranslation:
			*warnings = append(*warnings, model.NewWarning(para.Line, model.MissingTranslation, "English paragraph has no translation"))
		case model.OrphanTranslation:
			*warnings = append(*warnings, model.NewWarning(para.Line, model.OrphanTranslation, "translation has no English paragraph"))
		}
	}
	return out
}

func (p pairer) paragraph(a, b *unit, warnings *[]model.Warning) model.Paragraph {
	para := model.Paragraph{Line: a.line}
	set := func(u *unit) {
		if u.lang == Chinese {
			para.ZH, para.ZHLine = new(u.text), new(u.line)
		} else {
			para.EN, para.ENLine = new(u.text), new(u.line)
		}
	}
	set(a)
	if b != nil && b.lang != Chinese && b.time != "" {
		para.Time = new(b.time)
	} else if a.time != "" {
		para.Time = new(a.time)
	}
	if b == nil {
		if a.lang == Chinese {
			para.Status = model.OrphanTranslation
		} else {
			para.Status = model.MissingTranslation
		}
		return para
	}
	set(b)
	para.Status = model.Paired
	if penalty(a, b) > doubtfulPenalty {
		*warnings = append(*warnings, model.NewWarning(para.Line, model.CodeDoubtfulPair, "the translation's length is far from what its English needs; check the pair"))
	}
	return para
}
