// Package structure finds the shape of a call in an aligned transcript:
// its metadata, the participants and their roles, the sections (prepared
// remarks, Q&A, closing) and the analysts' Q&A exchanges. It reads only the
// English text and the speaker lines.
package structure

import (
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/transcript-cli/transcript/internal/metadata"
	"github.com/transcript-cli/transcript/internal/model"
	"github.com/transcript-cli/transcript/internal/people"
	"github.com/transcript-cli/transcript/internal/textutil"
)

// Apply fills t's metadata, participants, roles, sections and exchanges.
func Apply(t *model.Transcript) {
	t.Metadata = findMetadata(t)
	s := &state{t: t, byName: map[string]int{}, byWord: map[string][]int{}}
	s.operators = operators(t)
	s.aliases = genericAliases(t, s.operators)
	s.participants()
	s.introductions()
	s.sections()
	s.roles()
	s.selfIntroductions()
	s.exchanges()
	s.fallbacks()
}

func findMetadata(t *model.Transcript) model.Metadata {
	var english []string
	for _, turn := range t.Turns {
		for _, p := range turn.Paragraphs {
			if p.EN != nil {
				english = append(english, headN(*p.EN, metadataBytes))
			}
		}
		if len(english) > 15 {
			break
		}
	}
	summary := make([]string, len(t.Summary))
	for i, l := range t.Summary {
		summary[i] = head(l)
	}
	// What the banner states ("Company: …", the call-date line) first,
	// then what the call says, then the titles above it, then the Chinese
	// summary.
	b := metadata.ReadBanner(banner(t), summary)
	return metadata.Merge(b.Keys,
		func() metadata.Metadata { return metadata.Extract(english, nil) },
		b.Titles,
		func() metadata.Metadata { return metadata.Extract(nil, summary) })
}

// banner is the layout's text above the first turn: titles, key-value
// banners, date lines.
func banner(t *model.Transcript) []string {
	first := int(^uint(0) >> 1)
	if len(t.Turns) > 0 && t.Turns[0].Line > 0 {
		first = t.Turns[0].Line
	}
	var lines []model.Line
	for _, ls := range [][]model.Line{t.Headings, t.Markup} {
		for _, l := range ls {
			if l.Line < first {
				lines = append(lines, l)
			}
		}
	}
	sort.SliceStable(lines, func(a, b int) bool { return lines[a].Line < lines[b].Line })
	out := make([]string, 0, len(lines))
	for _, l := range lines {
		out = append(out, head(l.Text))
	}
	return out
}

// headBytes is how much of a paragraph the phrase rules read: welcomes,
// introductions and sign-offs are said in a paragraph's first sentences,
// and a regular expression over a runaway 10 MB paragraph costs seconds.
const headBytes = 4096

// metadataBytes is how much of a paragraph the metadata rules read: the
// welcome and the "as of today, <date>" come in a paragraph's first
// sentences.
const metadataBytes = 1024

// head is the start of s, cut at a rune boundary.
func head(s string) string { return headN(s, headBytes) }

func headN(s string, n int) string {
	if len(s) <= n {
		return s
	}
	i := n
	for i > 0 && !utf8.RuneStart(s[i]) {
		i--
	}
	return s[:i]
}

// intro is an operator's turn introducing an analyst.
type intro struct{ turn, participant int }

type state struct {
	t      *model.Transcript
	byName map[string]int   // speaker → participant index
	byWord map[string][]int // folded word of a name → participants whose name has it
	intros []intro          // the operator's introductions, in order
	qa     int              // first turn of the Q&A; len(turns) when none
	close  int              // first turn of the closing; len(turns) when none
	// operators are the speakers who run the call.
	operators map[string]bool
	// aliases maps a turn of a generic label ("Analyst:") to the analyst
	// the operator introduced before it.
	aliases map[int]people.Intro
}

func (s *state) isOperator(i int) bool {
	sp := s.t.Turns[i].Speaker
	return sp != nil && s.operators[*sp]
}

// operators finds who runs the call: speakers named for it ("Operator",
// "Moderator"), else the speaker whose turns are, mostly and briefly, the
// introductions of analysts and the dial-in instructions ("Eric:Your next
// question comes from …").
func operators(t *model.Transcript) map[string]bool {
	ops := map[string]bool{}
	for _, turn := range t.Turns {
		if turn.Speaker != nil && people.IsOperator(*turn.Speaker) {
			ops[*turn.Speaker] = true
		}
	}
	if len(ops) > 0 {
		return ops
	}
	type tally struct{ turns, hosting, bytes int }
	by := map[string]*tally{}
	for _, turn := range t.Turns {
		if turn.Speaker == nil {
			continue
		}
		tl := by[*turn.Speaker]
		if tl == nil {
			tl = &tally{}
			by[*turn.Speaker] = tl
		}
		tl.turns++
		hosts := false
		for _, p := range turn.Paragraphs {
			if p.EN == nil {
				continue
			}
			tl.bytes += len(*p.EN)
			h := head(*p.EN)
			if _, ok := people.Introduction(h); ok || people.OpensQA(h) {
				hosts = true
			}
		}
		if hosts {
			tl.hosting++
		}
	}
	best, bestN := "", 0
	for name, tl := range by {
		if tl.hosting < 2 || 2*tl.hosting < tl.turns || tl.bytes > 400*tl.turns {
			continue
		}
		if tl.hosting > bestN || tl.hosting == bestN && name < best {
			best, bestN = name, tl.hosting
		}
	}
	if best != "" {
		ops[best] = true
	}
	return ops
}

// genericAliases reads who a generic label stands for: after the operator
// introduces an analyst, "Analyst:" turns are that analyst's until the next
// introduction.
func genericAliases(t *model.Transcript, ops map[string]bool) map[int]people.Intro {
	aliases := map[int]people.Intro{}
	if !slices.ContainsFunc(t.Turns, func(turn model.Turn) bool {
		return turn.Speaker != nil && people.IsGenericAnalyst(*turn.Speaker)
	}) {
		return aliases
	}
	var cur *people.Intro
	for i, turn := range t.Turns {
		if turn.Speaker == nil {
			continue
		}
		sp := *turn.Speaker
		if ops[sp] {
			for _, p := range turn.Paragraphs {
				if p.EN == nil {
					continue
				}
				if in, ok := people.Introduction(head(*p.EN)); ok {
					cur = &in
				}
			}
			continue
		}
		if cur != nil && people.IsGenericAnalyst(sp) {
			aliases[i] = *cur
		}
	}
	return aliases
}

// participants lists each speaker once; the same person under two
// renderings of the name ("Andy Jassy", "Andrew R. Jassy") is one person.
// The layout's participants list, when the file has one, comes first.
func (s *state) participants() {
	t := s.t
	if t.Participants == nil {
		t.Participants = []model.Participant{}
	}
	// The layout's participant list comes first, each person once.
	listed := t.Participants[:0]
	for _, p := range t.Participants {
		if j := slices.IndexFunc(listed, func(q model.Participant) bool { return people.SameName(q.Name, p.Name) }); j >= 0 {
			q := &listed[j]
			if q.Title == nil {
				q.Title = p.Title
			}
			if q.Firm == nil {
				q.Firm = p.Firm
			}
			if q.Role == model.RoleUnknown {
				q.Role = p.Role
			}
			continue
		}
		listed = append(listed, p)
	}
	t.Participants = listed
	for j, p := range t.Participants {
		for _, w := range nameWords(p.Name) {
			s.byWord[w] = append(s.byWord[w], j)
		}
	}
	for i := range t.Turns {
		turn := &t.Turns[i]
		if turn.Speaker == nil {
			turn.Role = model.RoleUnknown
			continue
		}
		name := *turn.Speaker
		alias, aliased := s.aliases[i]
		if aliased {
			name = alias.Name
		}
		idx, ok := s.byName[name]
		if !ok {
			// Two renderings of one name share a word (the surname, at
			// least), so only participants sharing one are compared.
			for _, j := range s.candidates(name) {
				if people.SameName(t.Participants[j].Name, name) {
					idx, ok = j, true
					break
				}
			}
		}
		if !ok {
			p := model.Participant{Name: name, Title: turn.Title, Firm: turn.Firm, Role: model.RoleUnknown, Turns: []int{}}
			switch {
			case s.isOperator(i):
				p.Role = model.RoleOperator
			case aliased:
				p.Title, p.Role = nil, model.RoleAnalyst
				if alias.Firm != "" {
					firm := alias.Firm
					p.Firm = &firm
				}
			case turn.Title != nil && people.RoleOf(*turn.Title) == model.RoleAnalyst:
				// "Sanjit Singh--Morgan Stanley -- Analyst".
				p.Role = model.RoleAnalyst
			default:
				if role, isRole := people.RoleLabel(name); isRole {
					p.Role = role
				}
			}
			t.Participants = append(t.Participants, p)
			idx = len(t.Participants) - 1
			for _, w := range nameWords(name) {
				s.byWord[w] = append(s.byWord[w], idx)
			}
		} else if part := &t.Participants[idx]; !aliased {
			// A listed person's header may say what the list did not.
			if part.Title == nil {
				part.Title = turn.Title
			}
			if part.Firm == nil {
				part.Firm = turn.Firm
			}
		}
		if s.isOperator(i) {
			t.Participants[idx].Role = model.RoleOperator
		}
		s.byName[name] = idx
		t.Participants[idx].Turns = append(t.Participants[idx].Turns, i)
		turn.Participant = &idx
	}
}

// fallbacks give each turn its speaker's title and firm when its header
// names none: the participant list (or another header) says them.
func (s *state) fallbacks() {
	t := s.t
	for i := range t.Turns {
		turn := &t.Turns[i]
		if turn.Participant == nil {
			continue
		}
		p := t.Participants[*turn.Participant]
		if turn.Title == nil && p.Title != nil && !s.isGeneric(i) {
			turn.Title = p.Title
		}
		if turn.Firm == nil && p.Firm != nil {
			turn.Firm = p.Firm
		}
	}
}

// isGeneric reports a turn of a generic label that no introduction
// resolved: its participant stands for several people.
func (s *state) isGeneric(i int) bool {
	_, aliased := s.aliases[i]
	sp := s.t.Turns[i].Speaker
	return !aliased && sp != nil && people.IsGenericAnalyst(*sp)
}

// selfIntroductions read the analysts who name their firm themselves
// ("Hi, it's Kirk Materne with Evercore ISI").
func (s *state) selfIntroductions() {
	t := s.t
	for i := range t.Turns {
		pi := t.Turns[i].Participant
		if pi == nil || t.Participants[*pi].Role != model.RoleAnalyst || t.Participants[*pi].Firm != nil {
			continue
		}
		part := &t.Participants[*pi]
		for _, p := range t.Turns[i].Paragraphs {
			if p.EN == nil {
				continue
			}
			if in, ok := people.SelfIntroduction(head(*p.EN)); ok && people.SameName(in.Name, part.Name) {
				firm := in.Firm
				part.Firm = &firm
			}
			break
		}
	}
}

// candidates lists, in order and once each, the participants whose names
// share a word with name. A word shared by very many names ("Analyst" in
// speaker lines that are not names) tells nothing and would make the
// search quadratic, so it is passed over.
func (s *state) candidates(name string) []int {
	const common = 64
	var out []int
	for _, w := range nameWords(name) {
		if ps := s.byWord[w]; len(ps) <= common {
			out = append(out, ps...)
		}
	}
	sort.Ints(out)
	return slices.Compact(out)
}

// nameWords are the lower-case words of a name, split at spaces, hyphens
// and punctuation.
func nameWords(name string) []string {
	return strings.FieldsFunc(strings.ToLower(name), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

// introductions reads the operator's "our next question comes from the
// line of X with Firm" and marks X, matched to a later speaker, as an
// analyst of Firm.
func (s *state) introductions() {
	t := s.t
	s.intros = nil
	for i := range t.Turns {
		if !s.isOperator(i) {
			continue
		}
		for _, p := range t.Turns[i].Paragraphs {
			if p.EN == nil {
				continue
			}
			in, ok := people.Introduction(head(*p.EN))
			if !ok {
				continue
			}
			// The introduced analyst speaks next, or soon after.
			for j := i + 1; j < len(t.Turns) && j <= i+3; j++ {
				pi := t.Turns[j].Participant
				if pi == nil || s.isOperator(j) || !people.SameName(in.Name, t.Participants[*pi].Name) {
					continue
				}
				part := &t.Participants[*pi]
				part.Role = model.RoleAnalyst
				if in.Firm != "" && part.Firm == nil {
					firm := in.Firm
					part.Firm = &firm
				}
				s.intros = append(s.intros, intro{turn: i, participant: *pi})
				break
			}
		}
	}
}

var closingRe = textutil.Lazy(`(?i)\b(?:thank(?:s| you)(?: all| everyone)? for (?:joining|participating|your participation|attending)|this concludes|that concludes|concludes (?:today's|our|the|this)|you may (?:now )?disconnect|replay (?:of this call )?will be|no further questions|wraps? up (?:the|our|today's) (?:q&a|question)|closing remarks|ladies and gentlemen, (?:this|that) (?:concludes|does conclude))`)

// sections finds where the Q&A begins (where the queue opens, after the
// prepared remarks have started) and where the closing begins (the sign-off
// turns after the last answer).
func (s *state) sections() {
	t := s.t
	n := len(t.Turns)
	s.qa, s.close = n, n
	started := false // an executive has spoken: "(Operator Instructions)" in the welcome does not open the Q&A
	// A layout with section markers ("Questions and Answers:") has said
	// where the Q&A begins; the text is searched only without them.
	for i := range t.Turns {
		if sec := t.Turns[i].Section; sec != nil && *sec == model.SectionQA {
			s.qa, started = i, true
			break
		}
	}
	for i := range t.Turns {
		if s.qa < n {
			break
		}
		if !s.isOperator(i) && t.Turns[i].Speaker != nil {
			started = true
		}
		if !started && !s.isAnalystTurn(i) {
			continue
		}
		if s.isAnalystTurn(i) {
			// A question before any announcement: the Q&A began with it,
			// or with the operator's introduction just before.
			s.qa = i
			if i > 0 && s.isOperator(i-1) {
				s.qa = i - 1
			}
			break
		}
		if opens(t.Turns[i]) {
			s.qa = i
			if !s.isOperator(i) {
				// "With that, let's move on to your questions" ends the
				// prepared remarks; the Q&A starts with the next turn.
				s.qa = i + 1
			}
			break
		}
	}
	if s.qa >= n {
		s.close = s.closingFrom(0)
	} else {
		s.close = s.closingFrom(s.qa + 1)
	}
	for i := range t.Turns {
		sec := model.SectionPrepared
		switch {
		case i >= s.close:
			sec = model.SectionClosing
		case i >= s.qa:
			sec = model.SectionQA
		}
		t.Turns[i].Section = &sec
	}
}

func (s *state) isAnalystTurn(i int) bool {
	p := s.t.Turns[i].Participant
	return p != nil && s.t.Participants[*p].Role == model.RoleAnalyst
}

func opens(turn model.Turn) bool {
	for _, p := range turn.Paragraphs {
		if p.EN != nil && people.OpensQA(head(*p.EN)) {
			return true
		}
	}
	return false
}

// closingFrom finds the sign-off at the end of the call: the trailing turns,
// none an analyst's, that are the operator's or say goodbye.
func (s *state) closingFrom(min int) int {
	t := s.t
	c := len(t.Turns)
	for i := len(t.Turns) - 1; i >= min; i-- {
		if s.isAnalystTurn(i) {
			break
		}
		if s.isOperator(i) || signsOff(t.Turns[i]) || courtesy(t.Turns[i]) {
			c = i
			continue
		}
		break
	}
	// A call that is nothing but sign-off has none.
	if c <= min {
		return len(t.Turns)
	}
	return c
}

// courtesy reports whether a turn only thanks ("Thank you. Thank you."):
// at the end of a call, that is part of the goodbyes, not an answer.
func courtesy(turn model.Turn) bool {
	n := 0
	for _, p := range turn.Paragraphs {
		if p.EN == nil {
			continue
		}
		n += len(*p.EN)
		if n > 80 || !strings.Contains(strings.ToLower(*p.EN), "thank") {
			return false
		}
	}
	return n > 0
}

// closingWords are in every phrase closingRe knows; a paragraph with none
// of them is passed over without running the expression.
var closingWords = []string{"thank", "conclud", "disconnect", "replay", "no further", "closing", "wrap"}

func signsOff(turn model.Turn) bool {
	for _, p := range turn.Paragraphs {
		if p.EN == nil {
			continue
		}
		h := head(*p.EN)
		low := strings.ToLower(h)
		if !slices.ContainsFunc(closingWords, func(w string) bool { return strings.Contains(low, w) }) {
			continue
		}
		if closingRe().MatchString(h) {
			return true
		}
	}
	return false
}

// roles: speakers of the prepared remarks and the answers are executives;
// a speaker in the Q&A who is not, and who speaks after the operator, is an
// analyst the operator did not introduce by name.
func (s *state) roles() {
	t := s.t
	for i := range t.Turns {
		pi := t.Turns[i].Participant
		if pi == nil {
			continue
		}
		p := &t.Participants[*pi]
		if p.Role != model.RoleUnknown {
			continue
		}
		if i < s.qa || i >= s.close {
			p.Role = model.RoleExecutive
		}
	}
	for i := s.qa; i < s.close && i < len(t.Turns); i++ {
		pi := t.Turns[i].Participant
		if pi == nil || t.Participants[*pi].Role != model.RoleUnknown {
			continue
		}
		if i > 0 && s.isOperator(i-1) {
			t.Participants[*pi].Role = model.RoleAnalyst
		} else {
			t.Participants[*pi].Role = model.RoleExecutive
		}
	}
	for i := range t.Turns {
		t.Turns[i].Role = model.RoleUnknown
		if pi := t.Turns[i].Participant; pi != nil {
			t.Turns[i].Role = t.Participants[*pi].Role
		}
	}
}

// introductionOf finds the operator's latest introduction of participant
// pi before turn q and after the previous exchange began at from; the
// introduction need not come right before the question ("Hi Mark, go
// ahead" from the CEO may stand between).
func (s *state) introductionOf(pi, q, from int) *int {
	for k := len(s.intros) - 1; k >= 0; k-- {
		in := s.intros[k]
		if in.turn < q && in.turn >= from && in.participant == pi {
			turn := in.turn
			return &turn
		}
	}
	return nil
}

// exchanges groups the Q&A: an analyst's turn opens an exchange (their
// follow-ups stay in it), executives' turns are its answers, and the next
// analyst opens the next.
func (s *state) exchanges() {
	t := s.t
	t.QA = []model.Exchange{}
	var cur *model.Exchange
	start := s.qa // where the current exchange began
	for i := s.qa; i < s.close && i < len(t.Turns); i++ {
		turn := t.Turns[i]
		switch turn.Role {
		case model.RoleAnalyst:
			pi := *turn.Participant
			if cur == nil || cur.Participant != pi {
				p := t.Participants[pi]
				t.QA = append(t.QA, model.Exchange{Analyst: p.Name, Firm: p.Firm, Participant: pi,
					Questions: []int{}, Answers: []int{}})
				cur = &t.QA[len(t.QA)-1]
				cur.Introduction = s.introductionOf(pi, i, start)
				start = i
			}
			cur.Questions = append(cur.Questions, i)
		case model.RoleExecutive:
			if cur != nil {
				cur.Answers = append(cur.Answers, i)
			}
		}
	}
}
