package parse

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/transcript-cli/transcript/internal/lang"
	"github.com/transcript-cli/transcript/internal/people"
	"github.com/transcript-cli/transcript/internal/textutil"
)

// A speaker convention is how a file marks who speaks. Each convention
// scores itself on the whole file, by the speaker lines it finds evidence
// for; the best one marks the speakers. Evidence is what recurs: the same
// line before speech again and again, a line printed twice, names that the
// participant list or the operator's introductions give, a title after a
// dash, the container setting a line apart.

type markKind uint8

const (
	mNone       markKind = iota
	mHeader              // a speaker line of its own: opens a turn
	mCopy                // the speaker line printed again
	mHeaderTr            // the speaker line's translation
	mHeaderMore          // the speaker line's second line ("Company - Title")
	mLabel               // a speaker label starts the line: opens a turn, or names the one its translation opened
	mMaybeLabel          // a label-shaped start of a translation: cut when the line translates a labelled one
)

// mark is the speaker stage's decision about a text item.
type mark struct {
	kind markKind
	h    header
	n    int // labels: the bytes of the label with its colon and spaces
}

// marks holds the speaker stage's decisions by item index: few items get
// one.
type marks map[int]mark

type convention struct {
	name string
	find func(f *file) (marks marks, score int)
}

// conventions are scored in order; the first of equal scores wins.
var conventions = []convention{
	{"header", findHeaders},
	{"inline", findLabels},
}

// markSpeakers marks the speaker lines of the best-scoring convention and
// returns its name, or "" when no convention finds a speaker.
func markSpeakers(f *file) string {
	best, bestScore := -1, 0
	var bestMarks marks
	for ci, c := range conventions {
		if m, s := c.find(f); s > bestScore {
			best, bestScore, bestMarks = ci, s, m
		}
	}
	if best < 0 {
		return ""
	}
	f.marks = bestMarks
	return conventions[best].name
}

// ---- evidence ----

// evidence is what the whole file says about names, gathered once and only
// as far as a convention asks.
type evidence struct {
	f      *file
	counts map[string]int // text of the English text items → how often
	intros []string       // names the operator introduces
	ready  bool           // intros gathered
}

func (f *file) evidence() *evidence {
	if f.ev == nil {
		f.ev = &evidence{f: f}
	}
	return f.ev
}

// recurs is how often the text items say s, counted on first asking: most
// files never need it.
func (e *evidence) recurs(s string) int {
	if e.counts == nil {
		e.counts = map[string]int{}
		for i := range e.f.items {
			if it := &e.f.items[i]; it.kind == kText && len(it.Text) <= 4*maxHeaderRunes {
				e.counts[it.Text]++
			}
		}
	}
	return e.counts[s]
}

// listed reports whether name is in the layout's participant list.
func (e *evidence) listed(name string) bool {
	for _, p := range e.f.d.Participants {
		if people.SameName(p.Name, name) {
			return true
		}
	}
	return false
}

// introduced reports whether the text introduces name the way operators
// introduce analysts ("our next question comes from Colin Sebastian").
func (e *evidence) introduced(name string) bool {
	if !e.ready {
		e.ready = true
		for i := range e.f.items {
			it := &e.f.items[i]
			if it.kind != kText || it.zh() {
				continue
			}
			if in, ok := people.Introduction(headOf(it.Text)); ok {
				e.intros = append(e.intros, in.Name)
			}
		}
	}
	for _, n := range e.intros {
		if people.SameName(n, name) {
			return true
		}
	}
	return false
}

// mentioned reports whether some English text other than item skip names
// the person ("… joined by Brian Olsavsky, our CFO").
func (e *evidence) mentioned(name string, skip int) bool {
	for i := range e.f.items {
		it := &e.f.items[i]
		if i == skip || it.kind != kText || it.zh() || it.Text == name {
			continue
		}
		if people.Mentions(it.Text, name) {
			return true
		}
	}
	return false
}

// headOf is the start of a paragraph that the phrase rules read.
func headOf(s string) string {
	const n = 4096
	if len(s) <= n {
		return s
	}
	i := n
	for i > 0 && !utf8.RuneStart(s[i]) {
		i--
	}
	return s[:i]
}

// ---- header lines ----

// findHeaders marks speaker lines of their own: "Name - Title" and its
// kin, printed once, twice or with a translation, and bare names with
// evidence.
func findHeaders(f *file) (marks, int) {
	items := f.items
	found := marks{}
	score := 0
	// A file whose container sets its speaker lines apart (bold, between
	// rules) has no others: a name in the text there is text.
	apart := 0
	for i := range items {
		if it := &items[i]; it.alone && it.kind == kText && it.Lang != lang.Chinese {
			if _, ok := splitHeader(it.Text); ok {
				apart++
			}
		}
	}
	for i := range items {
		it := &items[i]
		// (splitHeader refuses Han; a tagged translation may have none.)
		if it.kind != kText || found[i].kind != mNone || len(it.Text) > 4*maxHeaderRunes || it.Lang == lang.Chinese || apart >= 2 && !it.alone {
			continue
		}
		j := f.nextText(i)
		var next *item
		if j >= 0 && items[j].kind == kText {
			next = &items[j]
		}
		doubled := next != nil && next.Text == it.Text
		if !it.alone && endsSentence(it.Text) {
			// Speech: no speaker line ends a sentence, printed twice or not.
			continue
		}
		h, ok := splitHeader(it.Text)
		var more *item // a "Company - Title" line under a bare name
		if ok && h.title == nil && next != nil && !doubled {
			if _, _, isMore := firmTitle(next.Text); isMore {
				more = next
			}
		}
		switch {
		case ok:
			if !f.headerEvidence(i, h, doubled || it.alone || more != nil) {
				continue
			}
		case doubled && !endsSentence(it.Text) && utf8.RuneCountInString(it.Text) <= maxHeaderRunes && mostlyLetters(it.Text) && !textutil.HasHan(it.Text):
			// Any short line printed twice in a row is a speaker line,
			// whatever its shape ("WARREN BUFFETT"), unless it reads like
			// a sentence.
			h = header{speaker: it.Text}
		case it.alone && next != nil && next.Time != "" && it.Time == "" && utf8.RuneCountInString(it.Text) <= maxHeaderRunes:
			// A line set apart over stamped speech is a speaker, whatever
			// its shape ("Speaker 2 - Morgan Stanley, Analyst", "Jason").
			h = looseHeader(it.Text)
		default:
			continue
		}
		found[i] = mark{kind: mHeader, h: h}
		score++
		k := j
		for k >= 0 && items[k].kind == kText && items[k].Text == it.Text {
			found[k] = mark{kind: mCopy}
			k = f.nextText(k)
		}
		if k >= 0 && items[k].kind == kText && f.translatesHeader(i, k, h) {
			tr := items[k].Text
			for k >= 0 && items[k].kind == kText && items[k].Text == tr {
				found[k] = mark{kind: mHeaderTr}
				k = f.nextText(k)
			}
		}
		if more != nil && k == j {
			firm, title, _ := firmTitle(more.Text)
			found[j] = mark{kind: mHeaderMore}
			m := found[i]
			m.h.firm, m.h.title, m.h.titled = firm, &title, true
			found[i] = m
		}
	}
	return found, score
}

// headerEvidence decides whether a line with a speaker line's shape is
// one: a role or a title says so; a bare name needs the file to back it
// (printed twice or set apart, said again before other speech, in the
// participant list, introduced or mentioned by name).
func (f *file) headerEvidence(i int, h header, apart bool) bool {
	switch {
	case h.role, apart:
		return true
	case h.title != nil && h.titled:
		return true
	}
	e := f.evidence()
	if e.recurs(f.items[i].Text) >= 2 {
		return true
	}
	if h.title != nil {
		return false
	}
	return e.listed(h.speaker) || e.introduced(h.speaker) || e.mentioned(h.speaker, i)
}

// looseHeader splits a line that is a speaker line whatever its shape at
// its first " - ".
func looseHeader(s string) header {
	if name, rest, ok := strings.Cut(s, " - "); ok {
		rest = strings.TrimSpace(rest)
		return header{speaker: strings.TrimSpace(name), title: &rest}
	}
	return header{speaker: s}
}

// translatesHeader reports whether item k, right under the speaker line
// i, is its translation: the container pairs them, or it has the shape of
// one.
func (f *file) translatesHeader(i, k int, h header) bool {
	a, b := &f.items[i], &f.items[k]
	if a.Lang != 0 && b.Lang != 0 {
		return b.Lang != a.Lang
	}
	return b.Lang == 0 && b.zh() && headerTranslationShaped(b.Text, h.title != nil)
}

// ---- inline labels ----

var (
	// "Name:Text", "Name: Text", "Analyst (Name): Text"; a name may start
	// with any capital ("Émile", "Øystein", "İlker"), and the colon may be
	// the full-width one a Chinese keyboard types ("Amy Hood：Thank you").
	enLabel = textutil.Lazy(`^(\p{Lu}[\p{L}.'’\- ]{0,48}?)\s*(?:\(([^()]{1,40})\))?\s*[:：](\s*)`)
	// "名字：", "Amy E. Hood：", "分析师（Matthew Martino）："; a label of a
	// translation.
	zhLabel = textutil.Lazy(`^(\pL[^：:，。,!?！？；;\d]{0,29}?)\s*[：:]\s*`)
)

// label is a speaker label found at the start of a line.
type label struct {
	i     int
	text  string // as written
	h     header
	n     int
	zh    bool
	bold  bool
	prose bool // speech follows it
}

// labelAt finds the speaker label at the start of item i.
func (f *file) labelAt(i int) (label, bool) {
	it := &f.items[i]
	s := it.Text
	head := s
	if len(head) > 200 {
		head = head[:200]
	}
	if strings.IndexByte(head, ':') < 0 && !strings.Contains(head, "：") {
		return label{}, false
	}
	// Labels are short: the expressions read only the line's start, so
	// that a long paragraph costs no more than a short one.
	if len(s) > 160 {
		n := 160
		for n > 0 && !utf8.RuneStart(s[n]) {
			n--
		}
		s = s[:n]
	}
	l := label{i: i, zh: it.zh(), bold: it.boldLabel}
	switch {
	case it.boldLabel:
		// The container found "**Label**:": the label is everything up
		// to the colon.
		at := strings.IndexAny(s, ":：")
		if at <= 0 {
			return label{}, false
		}
		l.text = strings.TrimSpace(s[:at])
		_, size := utf8.DecodeRuneInString(s[at:])
		l.n = at + size
		l.h = header{speaker: l.text}
	case !l.zh:
		m := enLabel().FindStringSubmatchIndex(s)
		if m == nil {
			return label{}, false
		}
		l.text = strings.TrimSpace(s[m[0]:m[1]])
		l.text = strings.TrimSpace(strings.TrimRight(l.text, ":："))
		l.n = m[1]
		name := strings.TrimSpace(s[m[2]:m[3]])
		h, ok := labelHeader(name, m, s)
		if !ok {
			return label{}, false
		}
		l.h = h
	default:
		m := zhLabel().FindStringSubmatchIndex(s)
		if m == nil {
			return label{}, false
		}
		l.text = strings.TrimSpace(s[m[2]:m[3]])
		l.n = m[1]
		l.h = header{speaker: l.text}
	}
	rest := strings.TrimSpace(it.Text[l.n:])
	if strings.HasPrefix(rest, "//") {
		return label{}, false // "https://…"
	}
	l.prose = prose(rest, l.zh)
	return l, true
}

// labelHeader reads an English label: a name, a role, or "Role (Name)"
// and "Name (Firm)".
func labelHeader(name string, m []int, s string) (header, bool) {
	_, isRole := people.RoleLabel(name)
	if !isRole && !labelShaped(name) {
		return header{}, false
	}
	h := header{speaker: name, role: isRole}
	if m[4] >= 0 {
		inner := strings.TrimSpace(s[m[4]:m[5]])
		if isRole && nameShaped(inner) {
			// "Analyst (Matthew Martino)": the person, in the role.
			title := name
			h = header{speaker: inner, title: &title, titled: true}
		} else {
			h.title = &inner
		}
	}
	return h, true
}

// prose reports whether the text after a label is speech, not a value
// ("Source: motley_fool", "URL: …", "Date: 2024").
func prose(s string, zh bool) bool {
	if zh {
		return utf8.RuneCountInString(s) >= 2
	}
	if strings.Contains(s, "://") {
		return false
	}
	// The first three words only, as strings.Fields splits them, without
	// splitting the whole line.
	words := 0
	for range strings.FieldsSeq(s) {
		if words++; words == 3 {
			break
		}
	}
	if words >= 3 {
		return true
	}
	last, _ := utf8.DecodeLastRuneInString(s)
	return words >= 1 && strings.ContainsRune(".?!,", last)
}

// allCaps reports an upper-case label ("CHARLIE MUNGER", "AUDIENCE").
func allCaps(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			letters++
		}
	}
	return letters >= 3
}

// findLabels marks speaker labels at the start of lines. A label is a
// speaker's when the file backs it: a role, bold, said again before
// speech, listed or introduced, or labelling the translation under it
// too. Once such a label has opened the call, a name-shaped or upper-case
// label before speech is a speaker even when it occurs once; before it,
// "Deferred Revenue: …" in a glossary is not.
func findLabels(f *file) (marks, int) {
	items := f.items
	var cands []label
	for i := range items {
		if items[i].kind != kText {
			continue
		}
		if l, ok := f.labelAt(i); ok {
			cands = append(cands, l)
		}
	}
	if len(cands) == 0 {
		return nil, 0
	}
	type stat struct{ n, prose int }
	type key struct {
		text string
		zh   bool
	}
	// By language: "Copilot: …" and its translation "Copilot：…" are one
	// label said once.
	stats := map[key]*stat{}
	for _, c := range cands {
		st := stats[key{c.text, c.zh}]
		if st == nil {
			st = &stat{}
			stats[key{c.text, c.zh}] = st
		}
		st.n++
		if c.prose {
			st.prose++
		}
	}
	e := f.evidence()
	strong := func(c label) bool {
		st := stats[key{c.text, c.zh}]
		switch {
		case c.bold, c.h.role:
			return true
		case c.zh && !textutil.HasHan(c.text):
			// A Latin label on a Chinese line is a translation's copy of
			// the English one, never a speaker of its own.
			return false
		case st.n >= 2 && 2*st.prose > st.n:
			return true
		case c.zh:
			return false
		case nameShaped(c.h.speaker) && (e.listed(c.h.speaker) || e.introduced(c.h.speaker)):
			return true
		}
		// The translation under it is labelled too.
		j := f.nextText(c.i)
		return j >= 0 && items[j].kind == kText && items[j].boldLabel
	}
	found := marks{}
	first := -1
	score := 0
	for _, c := range cands {
		ok := strong(c)
		if ok && first < 0 {
			first = c.i
		}
		if !ok && first >= 0 && c.prose && !c.zh && (nameShaped(c.h.speaker) || allCaps(c.h.speaker)) {
			ok = true
		}
		switch {
		case ok:
			found[c.i] = mark{kind: mLabel, h: c.h, n: c.n}
			score++
		case c.zh:
			found[c.i] = mark{kind: mMaybeLabel, h: c.h, n: c.n}
		}
	}
	return found, score
}
