package parse

import (
	"github.com/transcript-cli/transcript/internal/lang"
	"github.com/transcript-cli/transcript/internal/model"
)

// builder assembles the document from the items, their furniture and
// their speaker marks.
type builder struct {
	d       *Document
	pre     [][]Line // body lines before the first turn
	cur     *Turn
	inBlock bool
	section string
	// Labels seen in the current turn, by language, and for each Chinese
	// label the English speaker it last translated ("巴菲特" → "WARREN
	// BUFFETT"), for files that label both languages.
	hasEN, hasZH bool
	partner      map[string]string
}

// build runs the builder over f's items.
func build(f *file) {
	b := &builder{d: f.d, partner: map[string]string{}}
	for i := range f.items {
		it := &f.items[i]
		switch it.kind {
		case kBreak:
			b.brk()
		case kHeading:
			b.heading(it.Line)
		case kMarkup:
			b.d.Markup = append(b.d.Markup, it.Line)
		case kNotice:
			b.d.Notices = append(b.d.Notices, it.Line)
		case kEntry:
			// In a participant's lines already.
		case kText:
			b.text(it, f.marks[i])
		}
	}
	b.finish()
}

func (b *builder) text(it *item, m mark) {
	if b.cur == nil && (m.kind == mCopy || m.kind == mHeaderTr || m.kind == mHeaderMore) {
		m.kind = mNone
	}
	switch m.kind {
	case mHeader:
		h := it.Line
		b.turn(Turn{Header: &h, Speaker: m.h.speaker, Title: m.h.title, Firm: m.h.firm})
		b.hasEN, b.hasZH = false, false
	case mCopy:
		b.cur.Copies = append(b.cur.Copies, it.Line)
	case mHeaderTr:
		b.cur.HeaderTr = append(b.cur.HeaderTr, it.Line)
	case mHeaderMore:
		// The header reads as one line, "Name - Company - Title", as in
		// the reference layout.
		b.cur.HeaderMore = append(b.cur.HeaderMore, it.Line)
		h := *b.cur.Header
		h.Text += " - " + it.Text
		b.cur.Header = &h
		b.cur.Title, b.cur.Firm = m.h.title, m.h.firm
		if m.h.title == nil {
			b.cur.Title = b.titleOfMore(it.Text)
		}
	case mLabel:
		b.label(it, m)
	case mMaybeLabel:
		// A translation's label: cut only under the label its English
		// opened the turn with.
		if it.zh() && b.cur != nil && b.cur.Inline && b.hasEN && !b.hasZH && !turnHas(b.cur, true) {
			b.hasZH = true
			b.add(cut(it.Line, m.n), it.newBlock)
			return
		}
		b.add(it.Line, it.newBlock)
	default:
		b.add(it.Line, it.newBlock)
	}
}

func (b *builder) titleOfMore(s string) *string {
	_, title, ok := firmTitle(s)
	if !ok {
		return nil
	}
	return &title
}

// label places a line that opens with an accepted speaker label. In files
// that label both languages, a label joins the turn that the other
// language's label opened while that turn has no text in this language
// yet; otherwise it opens a turn of its own.
func (b *builder) label(it *item, m mark) {
	name := m.h.speaker
	l := cut(it.Line, m.n)
	zh := isZH(l) || l.Text == "" && lang.IsChinese(name)
	seen := zh && b.hasZH || !zh && b.hasEN
	join := b.cur != nil && b.cur.Header != nil && !seen && !turnHas(b.cur, zh)
	if zh && !join && b.cur != nil && b.partner[name] != "" && b.partner[name] == b.cur.Speaker && pendingEnglish(b.cur) {
		// The translator repeated the speaker's label on a paragraph the
		// English continues without one.
		b.add(l, true)
		return
	}
	if !join {
		b.hasEN, b.hasZH = false, false
		var moved [][]Line
		if zh && b.cur != nil {
			moved = trailingEnglish(b.cur)
		}
		b.turn(Turn{Blocks: moved})
	}
	t := b.cur
	if join {
		if zh {
			b.partner[name] = t.Speaker
		} else if t.Header != nil {
			b.partner[t.Header.Text] = name
		}
	}
	header := Line{No: l.No, Text: it.Text[:len(it.Text)-len(l.Text)]}
	header.Text = trimLabel(header.Text)
	if zh {
		b.hasZH = true
		if t.Header == nil {
			// Speaker in Chinese until the English label comes.
			t.Speaker = name
			t.Header = &header
			t.Inline = l.Text != ""
		} else if l.Text == "" {
			t.HeaderTr = append(t.HeaderTr, Line{No: l.No, Text: header.Text, Prefix: l.Prefix})
		}
	} else {
		b.hasEN = true
		if t.Header != nil && !t.Inline {
			// The Chinese label came first on a line of its own: keep it
			// as the header's translation.
			t.HeaderTr = append(t.HeaderTr, *t.Header)
		}
		t.Speaker = name
		t.Title = m.h.title
		t.Header = &header
		t.Inline = l.Text != ""
	}
	if l.Text != "" {
		// A translation's label joins its English's paragraph.
		b.add(l, it.newBlock || !join)
	}
}

// trimLabel is a label as written without its colon and spaces.
func trimLabel(s string) string {
	for len(s) > 0 {
		switch {
		case s[len(s)-1] == ' ' || s[len(s)-1] == ':':
			s = s[:len(s)-1]
		case len(s) >= len("：") && s[len(s)-len("："):] == "：":
			s = s[:len(s)-len("：")]
		default:
			return s
		}
	}
	return s
}

// turnHas reports whether t has body text in Chinese (zh) or English.
func turnHas(t *Turn, zh bool) bool {
	for _, b := range t.Blocks {
		for _, l := range b {
			if isZH(l) == zh {
				return true
			}
		}
	}
	return false
}

// pendingEnglish reports whether t ends with an unlabelled English block,
// which a translation may follow.
func pendingEnglish(t *Turn) bool {
	if len(t.Blocks) == 0 {
		return false
	}
	b := t.Blocks[len(t.Blocks)-1]
	return b[0].Prefix == "" && !turnHas(&Turn{Blocks: [][]Line{b}}, true)
}

// trailingEnglish cuts from t the unlabelled English blocks after its last
// Chinese block: when a labelled translation follows them, they are its
// English, whose label was dropped or misspelt ("Benn:").
func trailingEnglish(t *Turn) [][]Line {
	i := len(t.Blocks)
	for i > 0 {
		b := t.Blocks[i-1]
		if b[0].Prefix != "" || turnHas(&Turn{Blocks: [][]Line{b}}, true) {
			break
		}
		i--
	}
	if i == len(t.Blocks) || i == 0 || !turnHas(&Turn{Blocks: t.Blocks[i-1 : i]}, true) {
		return nil
	}
	moved := t.Blocks[i:]
	t.Blocks = t.Blocks[:i:i]
	return moved
}

// turn opens a new turn in the current section.
func (b *builder) turn(t Turn) {
	if t.Section == "" {
		t.Section = b.section
	}
	b.d.Turns = append(b.d.Turns, t)
	b.cur = &b.d.Turns[len(b.d.Turns)-1]
	b.inBlock = false
}

// add appends a body line to the current block, or to a new block when
// newBlock is set or the previous block was closed.
func (b *builder) add(l Line, newBlock bool) {
	blocks := &b.pre
	if b.cur != nil {
		blocks = &b.cur.Blocks
	}
	if newBlock || !b.inBlock || len(*blocks) == 0 {
		*blocks = append(*blocks, nil)
	}
	(*blocks)[len(*blocks)-1] = append((*blocks)[len(*blocks)-1], l)
	b.inBlock = true
}

// brk closes the current block: the next body line starts a new one.
func (b *builder) brk() { b.inBlock = false }

// heading records a section marker or topic title and closes the block.
func (b *builder) heading(l Line) {
	if s := sectionOf(l.Text); s != "" {
		b.section = s
	}
	b.d.Headings = append(b.d.Headings, l)
	b.inBlock = false
}

// finish files the text before the first speaker: notices apart (with the
// translation the container pairs them with), the rest is the preamble and
// the summary. Without any speaker, the text is the call itself, so it
// becomes one turn with no speaker.
func (b *builder) finish() {
	d := b.d
	var rest [][]Line
	for _, blk := range b.pre {
		var kept []Line
		for k := 0; k < len(blk); k++ {
			l := blk[k]
			if IsNotice(l.Text) {
				d.Notices = append(d.Notices, l)
				if l.Lang != 0 && k+1 < len(blk) && blk[k+1].Lang != 0 && blk[k+1].Lang != l.Lang {
					d.Notices = append(d.Notices, blk[k+1])
					k++
				}
				continue
			}
			kept = append(kept, l)
			d.Summary = append(d.Summary, l)
		}
		if kept != nil {
			rest = append(rest, kept)
		}
	}
	if len(d.Turns) > 0 || len(rest) == 0 {
		d.Preamble = rest
		return
	}
	d.Summary = nil
	d.Turns = []Turn{{Blocks: rest}}
	d.Warnings = append(d.Warnings, Warning{Line: rest[0][0].No, Code: model.CodeNoSpeakers,
		Message: "no speaker lines found; the text is read as one turn with no speaker"})
}
