package export

import (
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/transcript-cli/transcript/internal/model"
)

// html writes a self-contained bilingual reader page: English and Chinese
// side by side, speakers with their titles, a table of contents, warnings
// highlighted; no external assets, no script, print styles. A page holds one
// call, so several inputs need --out-dir (one page each).
var htmlFormat = Format{
	Name: "html", Ext: ".html",
	Description: "self-contained bilingual reader page, one per input (--out-dir for several)",
	Write:       writeHTML,
	Single:      true,
}

//go:embed html.tmpl
var htmlSource string

// htmlTemplate is parsed when a page is first written, not at start.
var htmlTemplate = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("page").Funcs(template.FuncMap{
		// pairOf hands the "pair" template a paragraph and the page's
		// Chinese language tag.
		"pairOf": func(p htmlPara, zh string) htmlPairView { return htmlPairView{P: p, ZH: zh} },
	}).Parse(htmlSource))
})

type htmlPairView struct {
	P  htmlPara
	ZH string
}

type htmlPage struct {
	Title       string
	Source      model.Source
	ZHLang      string
	Summary     []string
	Notices     []string
	Sections    []htmlSection
	Warnings    []htmlWarning
	Paragraphs  int
	Unpaired    int
	Unparsed    []model.Line
	ToolVersion string
	// Preamble holds the pairs before the first speaker, shown as pairs
	// instead of the summary when there are any.
	Preamble []htmlPara
	// LinkCSS highlights a hovered sentence's counterpart, one rule per
	// link number in use (the page has no script).
	LinkCSS template.CSS
}

// htmlSection is a part of the call (prepared remarks, Q&A); without
// section information the whole call is one untitled section.
type htmlSection struct {
	ID     string
	Title  string
	Groups []htmlGroup
}

// htmlGroup is a run of turns: one Q&A exchange under its analyst and firm,
// or simply the turns of a section (untitled).
type htmlGroup struct {
	Title string
	Turns []htmlTurn
}

type htmlTurn struct {
	ID         string
	Speaker    string
	Title      *string
	HeaderZH   *string
	Line       int
	Paragraphs []htmlPara
}

type htmlPara struct {
	ID       string
	EN, ZH   *string
	Line     int
	Warnings []model.Warning
	// Links are the pair's sentence links (--sentences): each side's
	// sentences as spans sharing the link's number, so that hovering one
	// highlights its counterpart.
	Links []htmlLink
}

type htmlLink struct {
	K      int
	EN, ZH *string
	Space  bool // an English sentence comes before EN: a space between them
}

type htmlWarning struct {
	model.Warning
	Target string // id of the paragraph the warning is about, "" if none
}

// sectionTitles name the sections of model.Turn's `section`.
var sectionTitles = map[string]string{
	model.SectionPrepared: "Prepared remarks",
	model.SectionQA:       "Questions and answers",
	model.SectionClosing:  "Closing",
}

func writeHTML(w io.Writer, t *model.Transcript, _ Options) error {
	return htmlTemplate().Execute(w, buildPage(t))
}

func buildPage(t *model.Transcript) htmlPage {
	p := htmlPage{
		Title:       pageTitle(t),
		Source:      t.Source,
		ZHLang:      "zh",
		Summary:     t.Summary,
		Notices:     t.Notices,
		Unparsed:    t.Unparsed,
		ToolVersion: toolVersion(),
	}
	if t.Languages.Translation != nil {
		p.ZHLang = *t.Languages.Translation
	}
	// Warnings point at lines; a paragraph owns the lines of both its
	// languages.
	byLine := map[int]string{}
	own := func(id string, para model.Paragraph) {
		for _, l := range []*int{&para.Line, para.ENLine, para.ZHLine} {
			if l != nil {
				byLine[*l] = id
			}
		}
	}
	// A preamble with a pair is shown as pairs, like a turn; else it is
	// the summary above.
	preamble := slices.ContainsFunc(t.Preamble, paired)
	if preamble {
		for i, para := range t.Preamble {
			own(preambleID(i), para)
		}
	}
	for _, turn := range t.Turns {
		for i, para := range turn.Paragraphs {
			own(paragraphID(turn, i), para)
		}
	}
	paraWarnings := map[string][]model.Warning{}
	for _, wn := range t.Warnings {
		id := byLine[wn.Line]
		if wn.Line == 0 {
			id = ""
		}
		p.Warnings = append(p.Warnings, htmlWarning{Warning: wn, Target: id})
		if id != "" {
			paraWarnings[id] = append(paraWarnings[id], wn)
		}
	}
	maxLinks := 0
	if preamble {
		for i, para := range t.Preamble {
			id := preambleID(i)
			hp := htmlPara{ID: id, EN: para.EN, ZH: para.ZH, Line: para.Line, Warnings: paraWarnings[id], Links: links(para)}
			maxLinks = max(maxLinks, len(hp.Links))
			p.Preamble = append(p.Preamble, hp)
		}
	}
	for _, turn := range t.Turns {
		ht := htmlTurn{ID: fmt.Sprintf("t%d", turn.Index), Title: turn.Title, HeaderZH: turn.HeaderZH, Line: turn.Line}
		if turn.Speaker != nil {
			ht.Speaker = *turn.Speaker
		}
		for i, para := range turn.Paragraphs {
			id := paragraphID(turn, i)
			hp := htmlPara{ID: id, EN: para.EN, ZH: para.ZH, Line: para.Line, Warnings: paraWarnings[id], Links: links(para)}
			maxLinks = max(maxLinks, len(hp.Links))
			ht.Paragraphs = append(ht.Paragraphs, hp)
			p.Paragraphs++
			if !paired(para) {
				p.Unpaired++
			}
		}
		sec := str(turn.Section)
		if len(p.Sections) == 0 || p.Sections[len(p.Sections)-1].ID != "s-"+sec {
			p.Sections = append(p.Sections, htmlSection{ID: "s-" + sec, Title: sectionTitles[sec]})
		}
		s := &p.Sections[len(p.Sections)-1]
		g := qaGroup(t, turn)
		if len(s.Groups) == 0 || s.Groups[len(s.Groups)-1].Title != g {
			s.Groups = append(s.Groups, htmlGroup{Title: g})
		}
		s.Groups[len(s.Groups)-1].Turns = append(s.Groups[len(s.Groups)-1].Turns, ht)
	}
	var css strings.Builder
	for k := range maxLinks {
		fmt.Fprintf(&css, ".pair:has(.s[data-k=\"%d\"]:hover) .s[data-k=\"%d\"] { background: var(--link); }\n", k, k)
	}
	p.LinkCSS = template.CSS(css.String())
	return p
}

// preambleID and paragraphID are the page's anchors of paragraphs, which
// the warnings link to.
func preambleID(i int) string                   { return fmt.Sprintf("pre-%d", i) }
func paragraphID(turn model.Turn, i int) string { return fmt.Sprintf("p%d-%d", turn.Index, i) }

// links are a pair's sentence links for the page, numbered.
func links(p model.Paragraph) []htmlLink {
	out := make([]htmlLink, len(p.Sentences))
	before := false
	for k, l := range p.Sentences {
		out[k] = htmlLink{K: k, EN: l.EN, ZH: l.ZH, Space: before}
		before = before || l.EN != nil
	}
	return out
}

// qaGroup names the Q&A exchange a turn belongs to ("Analyst, Firm"), or
// "" outside Q&A.
func qaGroup(t *model.Transcript, turn model.Turn) string {
	for _, x := range t.QA {
		in := x.Introduction != nil && *x.Introduction == turn.Index
		for _, q := range append(append([]int{}, x.Questions...), x.Answers...) {
			in = in || q == turn.Index
		}
		if !in {
			continue
		}
		if x.Firm != nil {
			return x.Analyst + ", " + *x.Firm
		}
		return x.Analyst
	}
	return ""
}

// pageTitle names the call by its metadata ("Amazon.com Q2 2023"), or by
// its file when the call does not say.
func pageTitle(t *model.Transcript) string {
	var parts []string
	m := t.Metadata
	if m.Company != nil {
		parts = append(parts, *m.Company)
	}
	if m.Quarter != nil {
		parts = append(parts, *m.Quarter)
	}
	if m.FiscalYear != nil {
		parts = append(parts, strconv.Itoa(*m.FiscalYear))
	}
	if len(parts) == 0 {
		return filepath.Base(t.Source.Path)
	}
	return strings.Join(parts, " ")
}
