package parse

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/transcript-cli/transcript/internal/lang"
	"github.com/transcript-cli/transcript/internal/textutil"
)

// A Container reads the lines of a file into items: it cuts its own markup
// (line numbers, language tags, timestamps, bold), says which lines are
// its headings, banners and echoes, and where paragraphs break. What the
// text lines are (speech, speaker lines, publisher furniture) is decided
// by the later stages, the same way for every container.
type Container struct {
	Name        string
	Description string
	Read        func(lines []Line) []item
}

// kind is what an item is, as far as the stages have decided.
type kind uint8

const (
	kText    kind = iota // speech, a speaker line or publisher text: for the later stages to decide
	kBreak               // a paragraph break: a blank line, a rule
	kHeading             // a section marker or topic title
	kMarkup              // the layout's own text: banners, echo lines, page links
	kNotice              // a disclaimer or the publisher's footer
	kEntry               // a line of a participants list
)

// item is one line as the stages see it.
type item struct {
	Line
	kind kind
	// alone reports that the container's markup sets the line apart as a
	// title or header: a whole bold line, a line over a rule.
	alone bool
	// boldLabel reports that the line opened with a bold label followed by
	// a colon ("**大卫**：…"), Markdown's way of marking a speaker.
	boldLabel bool
	// newBlock reports that the container starts a paragraph at the line
	// whatever comes before it ("[EN]" lines, rows of text scraped one
	// paragraph per line).
	newBlock bool
	// lang caches the item's language, as zh reports it.
	lang lang.Lang
}

// zh reports whether the item is Chinese: as its markup says, else by
// script.
func (it *item) zh() bool {
	if it.lang == lang.Unknown {
		it.lang = lang.English
		if isZH(it.Line) {
			it.lang = lang.Chinese
		}
	}
	return it.lang == lang.Chinese
}

// isZH reports whether a line is Chinese: as the container's markup says,
// else by script.
func isZH(l Line) bool {
	if l.Lang != lang.Unknown {
		return l.Lang == lang.Chinese
	}
	return lang.IsChinese(l.Text)
}

func textItem(l Line) item { return item{Line: l} }

// cut returns l with its first n bytes moved to the prefix.
func cut(l Line, n int) Line {
	rest := textutil.Trim(l.Text[n:])
	l.Prefix += l.Text[:len(l.Text)-len(rest)]
	l.Text = rest
	return l
}

// isRule reports a line of ten or more "=" (a banner's edge).
func isRule(s string) bool {
	return len(s) >= 10 && strings.Trim(s, "=") == ""
}

// banners reads "====" rules: the text between two rules is a banner
// (metadata above the call, a count below it). It reports, per line, the
// lines inside one.
//
// A banner is a few lines, and a rule that opens or closes none is a
// separator: of the ways to pair each rule with the next, banners takes
// the one with the most banners of at most maxBannerLines lines, then the
// fewest lines inside them. So a banner that lost its closing rule does
// not pair its opening rule with the next banner's, which would make the
// whole call a banner and the file read as empty.
func banners(lines []Line) []bool {
	var rules []int
	for i, l := range lines {
		if isRule(l.Text) {
			rules = append(rules, i)
		}
	}
	// best[k] is the best pairing of rules[k:]; pair[k] that it pairs
	// rules[k] with rules[k+1].
	type pairing struct{ banners, inside int }
	best := make([]pairing, len(rules)+1)
	pair := make([]bool, len(rules))
	for k := len(rules) - 2; k >= 0; k-- {
		best[k] = best[k+1]
		// Two rules in a row are one doubled rule, not an empty banner.
		if inside := rules[k+1] - rules[k] - 1; inside >= 1 && inside <= maxBannerLines {
			c := pairing{best[k+2].banners + 1, best[k+2].inside + inside}
			if c.banners > best[k].banners || c.banners == best[k].banners && c.inside < best[k].inside {
				best[k], pair[k] = c, true
			}
		}
	}
	in := make([]bool, len(lines))
	for k := 0; k < len(rules); k++ {
		if pair[k] {
			for i := rules[k] + 1; i < rules[k+1]; i++ {
				in[i] = true
			}
			k++
		}
	}
	return in
}

// maxBannerLines bounds the lines of a banner: the corpus's hold up to
// eight (a title and key-value lines), a call hundreds.
const maxBannerLines = 40

// lines: one paragraph per line or per block of lines, blank lines
// between paragraphs or none, a "====" banner on top.
var linesContainer = &Container{
	Name:        "lines",
	Description: "plain lines: a paragraph per line or per block between blank lines, an optional ==== banner",
	Read:        readLines,
}

func readLines(lines []Line) []item {
	items := make([]item, 0, len(lines))
	banner := banners(lines)
	for i, l := range lines {
		switch {
		case !textutil.HasAlnum(l.Text):
			items = append(items, item{Line: l, kind: kBreak})
		case banner[i]:
			items = append(items, item{Line: l, kind: kMarkup})
		default:
			items = append(items, textItem(l))
		}
	}
	return items
}

// numbered: "[ 60] [EN] text" / "[中] 译文" pairs (a translating scraper's
// output), "━━ Title ━━" heading pairs, "👤 Title — Name" participants with
// an indented translation, a "====" banner, and, from some backends, the
// English echoed on a line of its own after its translation, sometimes
// behind "原文：".
var numberedContainer = &Container{
	Name:        "numbered",
	Description: "numbered \"[n] [EN]\" / \"[中]\" line pairs, ━━ heading pairs, 👤 participants, echo lines, a ==== banner",
	Read:        readNumbered,
}

// numberedTag cuts the "[ 60] [EN] " or "[中] " markup off a line.
func numberedTag(s string) (lang.Lang, int) {
	i := 0
	if strings.HasPrefix(s, "[") {
		// "[ 60]"
		j := strings.IndexByte(s, ']')
		if j > 0 && strings.Trim(s[1:j], " 0123456789") == "" && strings.TrimSpace(s[1:j]) != "" {
			i = j + 1
			for i < len(s) && s[i] == ' ' {
				i++
			}
		}
	}
	rest := s[i:]
	var l lang.Lang
	var n int
	switch {
	case strings.HasPrefix(rest, "[EN]"):
		l, n = lang.English, 4
	case strings.HasPrefix(rest, "[中]"):
		l, n = lang.Chinese, len("[中]")
	case strings.HasPrefix(rest, "[ZH]"), strings.HasPrefix(rest, "[zh]"):
		l, n = lang.Chinese, 4
	default:
		return lang.Unknown, 0
	}
	return l, i + n
}

const (
	headingBar     = "━"
	personMark     = "👤"
	echoLabel      = "原文："
	echoLabelASCII = "原文:"
)

func readNumbered(lines []Line) []item {
	items := make([]item, 0, len(lines))
	banner := banners(lines)
	started := false     // a tagged line has been read: the banner's notes are over
	lastEN := ""         // the English an echo repeats
	headingKind := kText // what the last ━━ English line became, for its translation
	person := false      // the last item is a participant, whose translation may follow
	for i, l := range lines {
		if !textutil.HasAlnum(l.Text) {
			items = append(items, item{Line: l, kind: kBreak})
			continue
		}
		if banner[i] {
			items = append(items, item{Line: l, kind: kMarkup})
			continue
		}
		wasPerson := person
		person = false
		if tag, n := numberedTag(l.Text); tag != lang.Unknown {
			started = true
			l = cut(l, n)
			l.Lang = tag
			it := textItem(l)
			if tag == lang.English {
				lastEN = l.Text
				it.newBlock = true
			}
			items = append(items, it)
			continue
		}
		if strings.HasPrefix(l.Text, headingBar) {
			started = true
			inner := strings.TrimSpace(strings.Trim(l.Text, headingBar+" "))
			l.Prefix = l.Text[:strings.Index(l.Text, inner)]
			l.Text = inner
			it := item{Line: l, alone: true}
			if lang.IsChinese(inner) {
				l.Lang = lang.Chinese
				it.Line = l
				it.kind = headingKind
			} else {
				l.Lang = lang.English
				it.Line = l
				lastEN = inner
				it.newBlock = true
				if titleLine(inner) {
					it.kind = kHeading
				}
				headingKind = it.kind
			}
			items = append(items, it)
			continue
		}
		if strings.HasPrefix(l.Text, personMark) {
			started = true
			l = cut(l, len(personMark))
			items = append(items, item{Line: l, kind: kEntry})
			person = true
			continue
		}
		if !started {
			items = append(items, item{Line: l, kind: kMarkup}) // notes under the banner ("📅 …")
			continue
		}
		for _, label := range []string{echoLabel, echoLabelASCII} {
			if rest, ok := strings.CutPrefix(l.Text, label); ok {
				l = cut(l, len(label))
				if !textutil.HasAlnum(rest) {
					l.Text, l.Prefix = l.Prefix, ""
				}
				break
			}
		}
		if l.Prefix == "" && (l.Text == echoLabel || l.Text == echoLabelASCII) {
			items = append(items, item{Line: l, kind: kMarkup})
			continue
		}
		switch {
		case echoes(l.Text, lastEN):
			items = append(items, item{Line: l, kind: kMarkup})
		case wasPerson && lang.IsChinese(l.Text):
			l.Lang = lang.Chinese
			items = append(items, item{Line: l, kind: kEntry})
		default:
			items = append(items, textItem(l))
		}
	}
	return items
}

// titleLine reports whether a line set apart as a title is a heading
// rather than a paragraph: short, and not a sentence or a "Key-- value"
// bullet.
func titleLine(s string) bool {
	return utf8.RuneCountInString(s) <= 60 && !endsSentence(strings.TrimRight(s, " :")) &&
		!strings.HasSuffix(s, ".") && !strings.Contains(s, "--")
}

// echoes reports whether s repeats en: the same letters and digits, or a
// long enough start of them.
func echoes(s, en string) bool {
	if en == "" {
		return false
	}
	a, b := letters(s), letters(en)
	if a == b {
		return true
	}
	if len(a) < 20 || len(b) < 20 {
		return false
	}
	return strings.HasPrefix(b, a) || strings.HasPrefix(a, b)
}

// letters keeps the letters and digits of s, so that an echo matches
// whatever its quotes, dashes and trailing "━━".
func letters(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return r
		}
		return -1
	}, s)
}

// markdown: Markdown and its exports (AlphaMemo memos, podcast notes,
// translated interviews): front matter, "#" headings, <details> wrappers,
// bold lines and bold labels, "(hh:mm:ss)" stamps on speech.
var markdownContainer = &Container{
	Name:        "markdown",
	Description: "Markdown: front matter, # headings, **bold** lines and labels, <details> wrappers, (hh:mm:ss) stamps",
	Read:        readMarkdown,
}

var (
	mdStamp  = textutil.Lazy(`^[(（](\d{1,2}:\d{2}(?::\d{2})?)[)）]\s*`)
	mdHTML   = textutil.Lazy(`^</?(details|summary)\b.*>$`)
	mdLabel  = textutil.Lazy(`^\*\*([^*:：]{1,60}?)\*\*\s*[:：]`)
	mdHeader = textutil.Lazy(`^#{1,6}\s`)
)

// stampOf finds a "(00:01:12) " stamp at the start of s.
func stampOf(s string) []string {
	if !strings.HasPrefix(s, "(") && !strings.HasPrefix(s, "（") {
		return nil
	}
	return mdStamp().FindStringSubmatch(s)
}

func readMarkdown(lines []Line) []item {
	items := make([]item, 0, len(lines))
	front := len(lines) > 0 && lines[0].Text == "---"
	for i, l := range lines {
		if front {
			if i > 0 && l.Text == "---" {
				front = false
			}
			if textutil.HasAlnum(l.Text) {
				items = append(items, item{Line: l, kind: kMarkup})
			} else {
				items = append(items, item{Line: l, kind: kBreak})
			}
			continue
		}
		if !textutil.HasAlnum(l.Text) {
			items = append(items, item{Line: l, kind: kBreak})
			continue
		}
		if mdHeader().MatchString(l.Text) {
			sp := strings.IndexByte(l.Text, ' ')
			l.Prefix = l.Text[:sp+1]
			l.Text = strings.TrimSpace(l.Text[sp+1:])
			items = append(items, item{Line: l, kind: kHeading})
			continue
		}
		if strings.HasPrefix(l.Text, "<") && mdHTML().MatchString(l.Text) {
			items = append(items, item{Line: l, kind: kMarkup})
			continue
		}
		if m := stampOf(l.Text); m != nil {
			l = cut(l, len(m[0]))
			l.Time = m[1]
			if len(m[1]) <= 5 {
				l.Time = "00:" + m[1]
			}
		}
		it := textItem(l)
		if strings.Contains(l.Text, "**") {
			if inner, ok := strings.CutPrefix(l.Text, "**"); ok && strings.HasSuffix(inner, "**") && !strings.Contains(inner[:len(inner)-2], "**") {
				it.alone = true
			}
			it.boldLabel = mdLabel().MatchString(l.Text)
			it.Text = strings.TrimSpace(strings.ReplaceAll(l.Text, "**", ""))
		}
		items = append(items, it)
	}
	return items
}

// ruled: Refinitiv StreetEvents exports: a title block, "====" rules
// around list and section titles, each speaker line "Name,  Company -
// Title  [n]" between "----" rules, indented text, " * Name" list bullets.
var ruledContainer = &Container{
	Name:        "ruled",
	Description: "---- and ==== rules: speaker lines between rules, a title block above the first rule",
	Read:        readRuled,
}

func isRuleLine(s string) bool {
	return len(s) >= 20 && (strings.Trim(s, "-") == "" || strings.Trim(s, "=") == "")
}

func readRuled(lines []Line) []item {
	items := make([]item, 0, len(lines))
	ruled := false // past the first rule: the title block is over
	for i, l := range lines {
		if !textutil.HasAlnum(l.Text) {
			if isRuleLine(l.Text) {
				ruled = true
			}
			items = append(items, item{Line: l, kind: kBreak})
			continue
		}
		if !ruled {
			items = append(items, item{Line: l, kind: kMarkup}) // title and date
			continue
		}
		if strings.HasPrefix(l.Text, "* ") {
			l = cut(l, 2)
		}
		it := textItem(l)
		it.newBlock = true
		if i+1 < len(lines) && strings.HasPrefix(lines[i+1].Text, "---") && isRuleLine(lines[i+1].Text) && i > 0 && isRuleLine(lines[i-1].Text) {
			it.alone = true
		}
		items = append(items, it)
	}
	return items
}

// wrapped: S&P Capital IQ transcripts as extracted from PDF: text
// hard-wrapped at about 140 columns, a line holding a single space between
// turns, upper-case titles.
var wrappedContainer = &Container{
	Name:        "wrapped",
	Description: "PDF text: paragraphs hard-wrapped at a fixed width, a line with one space between turns",
	Read:        readWrapped,
}

// wrapWidth is the width the text was wrapped at: a high percentile of
// the line lengths.
func wrapWidth(lines []Line) int {
	var ns []int
	for _, l := range lines {
		if len(l.Text) > 40 {
			ns = append(ns, len(l.Text))
		}
	}
	if len(ns) == 0 {
		return 140
	}
	sort.Ints(ns)
	return ns[len(ns)*9/10]
}

func readWrapped(lines []Line) []item {
	items := make([]item, 0, len(lines)+len(lines)/4)
	width := wrapWidth(lines)
	for _, l := range lines {
		if !textutil.HasAlnum(l.Text) {
			items = append(items, item{Line: l, kind: kBreak})
			continue
		}
		items = append(items, textItem(l))
		// A line well short of the wrap width that ends a sentence ends
		// its paragraph.
		if len(l.Text) < width*85/100 && strings.ContainsAny(l.Text[len(l.Text)-1:], ".?!\")") {
			items = append(items, item{Line: Line{No: l.No}, kind: kBreak})
		}
	}
	return items
}
