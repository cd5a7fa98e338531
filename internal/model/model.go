// Package model defines the transcript document that transcript writes: the
// JSON contract (schema version 1). Fields are added, never renamed or
// removed; every field is always present, null when unknown, so that jq
// filters and table readers see one shape.
package model

// SchemaVersion is the version of the JSON contract.
const SchemaVersion = 1

// Transcript is one parsed call.
type Transcript struct {
	SchemaVersion int       `json:"schema_version"`
	Source        Source    `json:"source"`
	Languages     Languages `json:"languages"`
	Summary       []string  `json:"summary"`
	Notices       []string  `json:"notices"`
	Turns         []Turn    `json:"turns"`
	Unparsed      []Line    `json:"unparsed"`
	Warnings      []Warning `json:"warnings"`
}

// Source describes the input file.
type Source struct {
	Path     string `json:"path"` // as given on the command line; "<stdin>" for standard input
	SHA256   string `json:"sha256"`
	Bytes    int64  `json:"bytes"`
	Encoding string `json:"encoding"` // encoding the bytes were read in: utf-8, utf-16le, big5, …
	Layout   string `json:"layout"`   // layout reader that parsed the text
}

// Languages names the languages found, as BCP 47 tags.
type Languages struct {
	Original    string  `json:"original"`    // "en"
	Translation *string `json:"translation"` // "zh-Hant", "zh-Hans", or null without translation
}

// Turn is one speaker's turn.
type Turn struct {
	Index      int         `json:"index"`     // 0-based position in turns
	Header     *string     `json:"header"`    // the speaker line as written; null for text with no speaker
	HeaderZH   *string     `json:"header_zh"` // the speaker line's translation, when the file has one
	Speaker    *string     `json:"speaker"`
	Title      *string     `json:"title"`
	Line       int         `json:"line"` // line of the header (or of the first paragraph)
	Paragraphs []Paragraph `json:"paragraphs"`
}

// Paragraph is an English paragraph and its translation.
type Paragraph struct {
	EN     *string `json:"en"`
	ZH     *string `json:"zh"`
	Status string  `json:"status"` // paired, missing_translation, orphan_translation
	Line   int     `json:"line"`   // first input line of the paragraph, either language
	ENLine *int    `json:"en_line"`
	ZHLine *int    `json:"zh_line"`
	Time   *string `json:"time"` // timestamp of the English (or only) text, e.g. "00:01:12"; null when the file has none
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
	Line    int    `json:"line"` // 0 when the warning is about the whole file
	Code    string `json:"code"`
	Message string `json:"message"`
}
