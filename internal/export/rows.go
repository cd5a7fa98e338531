package export

import "github.com/transcript-cli/transcript/internal/model"

// row is one paragraph with its context, flat: the record of the jsonl and
// csv formats. Its keys are the columns, in this order.
type row struct {
	File      string  `json:"file"`
	Turn      int     `json:"turn"`
	Speaker   *string `json:"speaker"`
	Title     *string `json:"title"`
	Role      *string `json:"role"`
	Section   *string `json:"section"`
	Paragraph int     `json:"paragraph"` // 0-based position in the turn
	EN        *string `json:"en"`
	ZH        *string `json:"zh"`
	Status    string  `json:"status"`
	Line      int     `json:"line"`
	ENLine    *int    `json:"en_line"`
	ZHLine    *int    `json:"zh_line"`
}

// rowColumns are the csv header, the json keys of row in order.
var rowColumns = []string{"file", "turn", "speaker", "title", "role", "section", "paragraph", "en", "zh", "status", "line", "en_line", "zh_line"}

// rows flattens a transcript, paragraph by paragraph, in document order.
func rows(t *model.Transcript) []row {
	var out []row
	for _, turn := range t.Turns {
		for i, p := range turn.Paragraphs {
			out = append(out, row{
				File: t.Source.Path, Turn: turn.Index,
				Speaker: turn.Speaker, Title: turn.Title,
				Role: turnRole(turn), Section: turnSection(turn),
				Paragraph: i, EN: p.EN, ZH: p.ZH, Status: p.Status,
				Line: p.Line, ENLine: p.ENLine, ZHLine: p.ZHLine,
			})
		}
	}
	return out
}

// turnRole is the speaker's role (operator, executive, analyst, unknown).
func turnRole(t model.Turn) *string {
	if t.Role == "" {
		return nil
	}
	return &t.Role
}

// turnSection is the part of the call the turn is in (prepared_remarks,
// qa, closing).
func turnSection(t model.Turn) *string { return t.Section }

// paired reports whether p has both languages.
func paired(p model.Paragraph) bool { return p.EN != nil && p.ZH != nil }
