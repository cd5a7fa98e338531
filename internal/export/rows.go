package export

import "github.com/transcript-cli/transcript/internal/model"

// row is one paragraph with its context, flat: the record of the jsonl and
// csv formats. Its keys are the columns, in this order. With sentence links
// (--sentences) a pair gives one row per link, with the link's position and
// score as two more columns.
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

	Sentence *int     `json:"-"` // the link's position in the paragraph's sentences
	Score    *float64 `json:"-"`
}

// sentenceRow is a row with its link's columns, as --sentences writes it.
type sentenceRow struct {
	row
	Sentence *int     `json:"sentence"`
	Score    *float64 `json:"score"`
}

// rowColumns are the csv header, the json keys of row in order;
// sentenceColumns follow them with --sentences.
var (
	rowColumns      = []string{"file", "turn", "speaker", "title", "role", "section", "paragraph", "en", "zh", "status", "line", "en_line", "zh_line"}
	sentenceColumns = []string{"sentence", "score"}
)

// rows flattens the turns of a transcript, paragraph by paragraph (or
// link by link), in document order. The preamble is left to the JSON: a
// row is a turn's.
func rows(t *model.Transcript, sentences bool) []row {
	var out []row
	add := func(r row, p *model.Paragraph) {
		if !sentences || len(p.Sentences) == 0 {
			out = append(out, r)
			return
		}
		for k, l := range p.Sentences {
			r := r
			k, score := k, l.Score
			r.EN, r.ZH, r.Status = l.EN, l.ZH, linkStatus(l)
			r.Sentence, r.Score = &k, &score
			out = append(out, r)
		}
	}
	for _, turn := range t.Turns {
		for i := range turn.Paragraphs {
			p := &turn.Paragraphs[i]
			add(row{
				File: t.Source.Path, Turn: turn.Index,
				Speaker: turn.Speaker, Title: turn.Title,
				Role: turnRole(turn), Section: turn.Section,
				Paragraph: i, EN: p.EN, ZH: p.ZH, Status: p.Status,
				Line: p.Line, ENLine: p.ENLine, ZHLine: p.ZHLine,
			}, p)
		}
	}
	return out
}

// linkStatus is a link's status, as a paragraph's: paired, or one side
// without its counterpart.
func linkStatus(l model.SentenceLink) string {
	switch {
	case l.ZH == nil:
		return model.MissingTranslation
	case l.EN == nil:
		return model.OrphanTranslation
	}
	return model.Paired
}

// pairs calls f for each pair of the turns to write as a unit (tsv, tmx):
// the paired paragraphs, or with sentences their links with both sides; i
// is the paragraph's position in the turn, k the link's, -1 for a whole
// paragraph.
func pairs(t *model.Transcript, sentences bool, f func(turn *model.Turn, i, k int, en, zh string)) {
	for ti := range t.Turns {
		turn := &t.Turns[ti]
		for i := range turn.Paragraphs {
			p := &turn.Paragraphs[i]
			if !paired(*p) {
				continue
			}
			if !sentences || len(p.Sentences) == 0 {
				f(turn, i, -1, *p.EN, *p.ZH)
				continue
			}
			for k, l := range p.Sentences {
				if l.EN != nil && l.ZH != nil {
					f(turn, i, k, *l.EN, *l.ZH)
				}
			}
		}
	}
}

// turnRole is the speaker's role (operator, executive, analyst, unknown).
func turnRole(t model.Turn) *string {
	if t.Role == "" {
		return nil
	}
	return &t.Role
}

// paired reports whether p has both languages.
func paired(p model.Paragraph) bool { return p.EN != nil && p.ZH != nil }
