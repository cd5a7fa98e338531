// Package model defines the transcript document that transcript writes: the
// JSON contract (schema version 1). Fields are added, never renamed or
// removed; every field is always present, null when unknown, so that jq
// filters and table readers see one shape.
package model

import "iter"

// SchemaVersion is the version of the JSON contract.
const SchemaVersion = 1

// Paragraphs yields every paragraph of t in document order: the
// preamble's, then each turn's.
func (t *Transcript) Paragraphs() iter.Seq[*Paragraph] {
	return func(yield func(*Paragraph) bool) {
		for i := range t.Preamble {
			if !yield(&t.Preamble[i]) {
				return
			}
		}
		for ti := range t.Turns {
			for i := range t.Turns[ti].Paragraphs {
				if !yield(&t.Turns[ti].Paragraphs[i]) {
					return
				}
			}
		}
	}
}

// Transcript is one parsed call.
type Transcript struct {
	SchemaVersion int       `json:"schema_version"`
	Source        Source    `json:"source"`
	Languages     Languages `json:"languages"`
	Summary       []string  `json:"summary"`
	Notices       []string  `json:"notices"`
	// Preamble is the text before the first speaker, paired like speech
	// (a bilingual summary, key points, a call-date line); summary keeps
	// the same text as strings.
	Preamble []Paragraph `json:"preamble"`
	Turns    []Turn      `json:"turns"`
	Unparsed []Line      `json:"unparsed"`
	// Headings are section markers and topic titles of the layout ("### Q&A",
	// "Questions and Answers:"), markup removed.
	Headings []Line `json:"headings"`
	// Markup is the layout's own text, verbatim: banners, front matter,
	// participant lists, and the labels, numbers and timestamps cut from
	// the start of paragraph lines ("[ 60] [EN] ", "**大卫**："). With it,
	// every input line is somewhere in the output.
	Markup   []Line    `json:"markup"`
	Warnings []Warning `json:"warnings"`
	Metadata Metadata  `json:"metadata"`
	// Participants lists each person once, in order of first appearance.
	Participants []Participant `json:"participants"`
	// QA lists the analysts' exchanges in order.
	QA []Exchange `json:"qa"`
}

// Metadata is what the call says about itself; null when it does not say.
type Metadata struct {
	Company    *string `json:"company"`
	Quarter    *string `json:"quarter"` // Q1..Q4
	FiscalYear *int    `json:"fiscal_year"`
	Date       *string `json:"date"` // YYYY-MM-DD
}

// Roles of participants and turns.
const (
	RoleOperator  = "operator"
	RoleExecutive = "executive"
	RoleAnalyst   = "analyst"
	RoleUnknown   = "unknown"
)

// Sections of a call.
const (
	SectionPrepared = "prepared_remarks"
	SectionQA       = "qa"
	SectionClosing  = "closing"
)

// Participant is one person (or the operator).
type Participant struct {
	Name  string  `json:"name"`
	Title *string `json:"title"`
	Role  string  `json:"role"`
	Firm  *string `json:"firm"` // analysts' firm, from the operator's introduction
	Turns []int   `json:"turns"`
}

// Exchange is one analyst's questions and the answers to them.
type Exchange struct {
	Analyst      string  `json:"analyst"`
	Firm         *string `json:"firm"`
	Participant  int     `json:"participant"`
	Introduction *int    `json:"introduction"` // the operator's turn introducing the analyst
	Questions    []int   `json:"questions"`
	Answers      []int   `json:"answers"`
}

// Source describes the input file.
type Source struct {
	Path     string `json:"path"` // as given on the command line; "<stdin>" for standard input
	SHA256   string `json:"sha256"`
	Bytes    int64  `json:"bytes"`
	Encoding string `json:"encoding"` // encoding the bytes were read in: utf-8, utf-16le, big5, …
	Layout   string `json:"layout"`   // layout reader that parsed the text
	// Container is how the layout marks and groups lines ("lines",
	// "numbered", "markdown", "ruled", "wrapped").
	Container string `json:"container"`
	// Speakers is the speaker convention found ("header": lines of their
	// own; "inline": labels at the start of paragraphs), null without
	// speakers.
	Speakers *string `json:"speakers"`
}

// Languages names the languages found, as BCP 47 tags.
type Languages struct {
	Original    string  `json:"original"`    // "en"
	Translation *string `json:"translation"` // "zh-Hant", "zh-Hans", or null without translation
}

// Turn is one speaker's turn.
type Turn struct {
	Index    int     `json:"index"`     // 0-based position in turns
	Header   *string `json:"header"`    // the speaker line as written; null for text with no speaker
	HeaderZH *string `json:"header_zh"` // the speaker line's translation, when the file has one
	Speaker  *string `json:"speaker"`
	Title    *string `json:"title"` // from the header, else from the participant list
	// Firm is the speaker's firm when the header or the participant list
	// names it ("Name--Firm -- Analyst").
	Firm       *string     `json:"firm"`
	Line       int         `json:"line"` // line of the header (or of the first paragraph)
	Paragraphs []Paragraph `json:"paragraphs"`
	Role       string      `json:"role"`    // the speaker's role: operator, executive, analyst, unknown
	Section    *string     `json:"section"` // prepared_remarks, qa or closing
	// Participant is the index of the speaker in participants.
	Participant *int `json:"participant"`
}

// Paragraph is an English paragraph and its translation.
type Paragraph struct {
	EN     *string `json:"en"`
	ZH     *string `json:"zh"`
	Status string  `json:"status"` // paired, missing_translation, orphan_translation
	Line   int     `json:"line"`   // first input line of the paragraph, either language
	ENLine *int    `json:"en_line"`
	ZHLine *int    `json:"zh_line"`
	// Numbers found on both sides of a pair, as values; null for an
	// unpaired paragraph. Numbers on one side only give a number_mismatch
	// warning.
	Numbers []NumberMatch `json:"numbers"`
	Time    *string       `json:"time"` // timestamp of the English (or only) text, e.g. "00:01:12"; null when the file has none
	// Sentences links the sentences of a pair, in order, with
	// parse --sentences only (absent otherwise).
	Sentences []SentenceLink `json:"sentences,omitempty"`
}

// SentenceLink is one correspondence between the sentences of a paragraph
// and of its translation: one or more whole sentences a side, as they
// stand in the paragraph (English ones joined by a space), either nil for a
// sentence with no counterpart, and the aligner's confidence in the link,
// from 1/2 to 1, to three decimals.
type SentenceLink struct {
	EN    *string `json:"en"`
	ZH    *string `json:"zh"`
	Score float64 `json:"score"`
}

// NumberMatch is a number that the English and its translation agree on.
type NumberMatch struct {
	EN    string  `json:"en"`    // as written in the English: "$134.4 billion"
	ZH    string  `json:"zh"`    // as written in the translation: "1,344 億美元"
	Value float64 `json:"value"` // in base units: 134400000000
	Unit  string  `json:"unit"`  // "%", "bp", "x", or "" for plain numbers and amounts
}

// Paragraph statuses.
const (
	Paired             = "paired"
	MissingTranslation = "missing_translation"
	OrphanTranslation  = "orphan_translation"
)

// Line is an input line kept verbatim.
type Line struct {
	Line int    `json:"line"`
	Text string `json:"text"`
}

// Warning is something a person should look at.
type Warning struct {
	Line     int    `json:"line"` // 0 when the warning is about the whole file
	Code     string `json:"code"`
	Severity string `json:"severity"` // "error" (text misplaced or lost) or "warning" (worth a look)
	Message  string `json:"message"`
}

// Warning severities.
const (
	SeverityError   = "error"
	SeverityWarning = "warning"
)

// Warning codes besides the unpaired statuses (MissingTranslation,
// OrphanTranslation), which are codes too.
const (
	CodeUnparsed       = "unparsed"
	CodeDoubtfulPair   = "doubtful_pair"
	CodeNumberMismatch = "number_mismatch"
	CodeReplacedBytes  = "replaced_bytes"
	CodeNoTranslation  = "no_translation"
	CodeNoSpeakers     = "no_speakers"
)

// Severities lists every warning code with its severity: error when the
// output is likely wrong (text without its counterpart, text no rule
// placed), warning when it is worth a look. The README's table of warnings
// is tested against it.
var Severities = map[string]string{
	MissingTranslation: SeverityError,
	OrphanTranslation:  SeverityError,
	CodeUnparsed:       SeverityError,
	CodeDoubtfulPair:   SeverityWarning,
	CodeNumberMismatch: SeverityWarning,
	CodeReplacedBytes:  SeverityWarning,
	CodeNoTranslation:  SeverityWarning,
	CodeNoSpeakers:     SeverityWarning,
}

// NewWarning makes a warning with the severity its code carries.
func NewWarning(line int, code, message string) Warning {
	sev, ok := Severities[code]
	if !ok {
		sev = SeverityWarning
	}
	return Warning{Line: line, Code: code, Severity: sev, Message: message}
}
