// Package metadata finds an earnings call's company, fiscal quarter, fiscal
// year and date in the transcript text.
//
// The English paragraphs are authoritative: the operator's welcome ("welcome
// to the Amazon.com Quarter 2 2023 Financial Results Teleconference") and
// the IR safe-harbour ("as of today, August 3, 2023") say it all. The
// Chinese summary lines only fill in what the English leaves out. Nothing is
// guessed: a field stays nil when no text states it.
package metadata

import (
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/transcript-cli/transcript/internal/model"
	"github.com/transcript-cli/transcript/internal/textutil"
)

// Metadata is what a call says about itself: model's type, the one
// definition.
type Metadata = model.Metadata

// headParagraphs bounds the search: the welcome and the safe-harbour come
// first, while later paragraphs talk about other quarters and dates.
const headParagraphs = 15

// weakDateParagraphs bounds the fallback "first full date" rule more
// tightly, since any date further in is usually a filing or event date.
const weakDateParagraphs = 6

// Extract finds the call's metadata in the English paragraphs and falls back
// to the Chinese summary lines for what the English does not say.
func Extract(english []string, summary []string) Metadata {
	if len(english) > headParagraphs {
		english = english[:headParagraphs]
	}
	var md Metadata
	var sents []sentence
	for i, p := range english {
		for _, s := range splitSentences(p) {
			sents = append(sents, sentence{text: s, para: i})
		}
	}

	md.Company = englishCompany(sents)
	q, y := englishPeriod(sents)
	md.Quarter, md.FiscalYear = q, y
	md.Date = englishDate(sents)

	zq, zy, zd, zc := chineseFallback(summary)
	switch {
	case md.Quarter == nil && md.FiscalYear == nil:
		md.Quarter, md.FiscalYear = zq, zy
	case md.Quarter == nil:
		// Only borrow the quarter if the Chinese agrees on the year.
		if zy != nil && *zy == *md.FiscalYear {
			md.Quarter = zq
		}
	case md.FiscalYear == nil:
		// Only borrow the year if the Chinese speaks of the same quarter (or
		// of no quarter at all).
		if zq == nil || *zq == *md.Quarter {
			md.FiscalYear = zy
		}
	}
	if md.Date == nil {
		md.Date = zd
	}
	if md.Company == nil {
		md.Company = zc
	}
	return md
}

type sentence struct {
	text string
	para int
}

// hasAny reports whether the sentence contains one of the words (in lower
// case), in any case: cheap looks before the expressions.
func (s sentence) hasAny(words []string) bool {
	for _, w := range words {
		if textutil.ContainsFold(s.text, w) {
			return true
		}
	}
	return false
}

// has reports whether the sentence contains word (in lower case), in any
// case.
func (s sentence) has(word string) bool { return textutil.ContainsFold(s.text, word) }

// splitSentences breaks a paragraph at ". ", "? " and "! " before a capital
// letter, digit or bracket, and at line breaks. It does not need to be
// perfect: the patterns below work within a sentence and only need
// unrelated clauses kept apart.
func splitSentences(p string) []string {
	var out []string
	start := 0
	for i := 0; i < len(p); i++ {
		r := p[i]
		cut := r == '\n' || r == '\r'
		if (r == '.' || r == '?' || r == '!') && i+2 < len(p) && p[i+1] == ' ' {
			n := p[i+2]
			cut = n >= 'A' && n <= 'Z' || n == '(' || n == '['
			// "Aug. 3" and "Sanford C. Bernstein" are not breaks: a word
			// of one letter (or one rune) before the dot.
			if r == '.' && cut {
				j := i
				for j > start && p[j-1] != ' ' {
					j--
				}
				if utf8.RuneCountInString(p[j:i]) <= 1 {
					cut = false
				}
			}
		}
		if cut {
			if s := strings.TrimSpace(p[start : i+1]); s != "" {
				out = append(out, s)
			}
			start = i + 1
		}
	}
	if s := strings.TrimSpace(p[start:]); s != "" {
		out = append(out, s)
	}
	return out
}

// ---- company ----

var welcomeRe = textutil.Lazy(`(?i)\bwelcome\b(?:\s*,?\s*(?:everyone|everybody|all|ladies\s+and\s+gentlemen)\s*,?)?\s+to\s+(?:the\s+)?`)

// titleRe matches vendor titles: "Q4 2016 Amazon.com Inc Earnings Call"
// (StreetEvents, company after) and "Pure Cycle Corp (PCYO) Q3 2020
// Earnings Call Transcript" (Fool, company before).
var titleRe = textutil.Lazy(`(?i)^\s*(?:(.*?)\s+)?(?:Q([1-4])|([1-4])Q)\s*(?:FY\s*)?'?(\d{4}|\d{2})\s+(?:(.*?)\s+)?Earnings\s+(?:Conference\s+)?Call\b`)

var tickerRe = textutil.Lazy(`\s*\([A-Z.:\s]{1,16}\)\s*$`)

// companyStops end the company name in a welcome sentence.
var companyStops = map[string]bool{
	"quarter": true, "quarterly": true, "fiscal": true, "earnings": true,
	"financial": true, "results": true, "conference": true, "call": true,
	"teleconference": true, "webcast": true, "first": true, "second": true,
	"third": true, "fourth": true, "1st": true, "2nd": true, "3rd": true,
	"4th": true, "full": true, "full-year": true, "annual": true, "year": true,
	"year-end": true, "half": true, "interim": true, "investor": true,
	"first-quarter": true, "second-quarter": true, "third-quarter": true,
	"fourth-quarter": true, "preliminary": true,
}

var quarterTokenRe = textutil.Lazy(`(?i)^(?:q[1-4](?:'?\d{2})?|[1-4]q(?:'?\d{2})?|fy\d*|\d{4}|'\d{2})\W*$`)

func englishCompany(sents []sentence) *string {
	for _, s := range sents {
		if !s.has("welcome") {
			continue
		}
		if loc := welcomeRe().FindStringIndex(s.text); loc != nil {
			if c := companyAfterWelcome(s.text[loc[1]:]); c != "" {
				c = Canonical(c)
				return &c
			}
		}
	}
	for _, s := range sents {
		if len(s.text) > 120 {
			continue
		}
		if !s.has("earnings") {
			continue
		}
		if m := titleRe().FindStringSubmatch(s.text); m != nil {
			c := strings.TrimSpace(m[1])
			if c == "" {
				c = strings.TrimSpace(m[5])
			}
			c = strings.TrimRight(tickerRe().ReplaceAllString(c, ""), " ,")
			if c != "" && startsCompany(c) && !sentenceCompany(c) {
				c = Canonical(c)
				return &c
			}
		}
	}
	return nil
}

// sentenceCompany reports a "company" that is the start of a sentence
// ("Welcome to the" before "Q3 2024 Earnings Call").
func sentenceCompany(c string) bool {
	low := strings.ToLower(c)
	for _, w := range []string{"welcome", "hello", "good ", "thank", "joining", "to the", "the"} {
		if strings.HasPrefix(low, w) || strings.HasSuffix(low, " "+strings.TrimSpace(w)) {
			return true
		}
	}
	return false
}

// legalSuffixes are dropped from company names, so that a company is one
// name whatever the quarter's text calls it ("MongoDB, Inc.", "MongoDB").
var legalSuffixes = []string{
	"incorporated", "inc", "corporation", "corp", "company", "co", "limited", "ltd", "llc", "l.l.c",
	"plc", "p.l.c", "n.v", "nv", "s.a.b. de c.v", "s.a.b de c.v", "sab de cv", "s.a.b", "s.a", "sa", "ag", "se", "a/s", "asa",
	"holdings", "holding", "group",
}

// Canonical is a company's name without its legal form: "MongoDB, Inc."
// and "MongoDB" are one company, as are "TAL Education Group" and "TAL
// Education".
func Canonical(c string) string {
	c = strings.TrimSpace(c)
	for {
		t := strings.TrimRight(c, ". ")
		cut := false
		for _, suf := range legalSuffixes {
			n := len(t) - len(suf)
			if n <= 1 || !strings.EqualFold(t[n:], suf) {
				continue
			}
			if b := t[n-1]; b == ' ' || b == ',' {
				c = strings.TrimRight(t[:n], " ,")
				cut = true
				break
			}
		}
		if !cut {
			return c
		}
	}
}

// companyAfterWelcome reads capitalised words up to the first period word.
// It gives up when the words run to the end of the sentence without one,
// because then the welcome was to something else ("welcome to Acquired").
func companyAfterWelcome(rest string) string {
	words := strings.Fields(rest)
	var out []string
	for i, w := range words {
		bare := strings.ToLower(strings.Trim(w, `,.;:!?"()`))
		next := ""
		if i+1 < len(words) {
			next = strings.ToLower(strings.Trim(words[i+1], `,.;:!?"()`))
		}
		stop := companyStops[bare] || quarterTokenRe().MatchString(bare) ||
			((bare == "three" || bare == "six" || bare == "nine" || bare == "twelve") && (next == "and" || next == "months"))
		if stop {
			if len(out) == 0 || len(out) > 6 {
				return ""
			}
			return strings.TrimRight(strings.Join(out, " "), " ,")
		}
		if len(out) == 0 && !startsCompany(w) {
			return ""
		}
		if p, ok := possessive(w); ok {
			out = append(out, p)
			// "Cisco's Fourth Quarter": the possessive closes the name,
			// but only if a period word follows.
			if next != "" && (companyStops[next] || quarterTokenRe().MatchString(next)) && len(out) <= 6 {
				return strings.Join(out, " ")
			}
			return ""
		}
		out = append(out, w)
	}
	return ""
}

func possessive(w string) (string, bool) {
	for _, suf := range []string{"'s", "’s", "s'", "s’"} {
		if strings.HasSuffix(w, suf) && len(w) > len(suf) {
			if suf[0] == 's' {
				return strings.TrimSuffix(w, suf[1:]), true
			}
			return strings.TrimSuffix(w, suf), true
		}
	}
	return "", false
}

func startsCompany(w string) bool {
	for _, r := range w {
		return r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r > 0x7f
	}
	return false
}

// ---- quarter and fiscal year ----

var quarterRes = sync.OnceValue(func() []*regexp.Regexp {
	return []*regexp.Regexp{
		regexp.MustCompile(`(?i)\bQ([1-4])(?:\b|FY)`),
		regexp.MustCompile(`(?i)\b([1-4])Q(?:\b|\d{2})`),
		regexp.MustCompile(`(?i)\b(first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+(?:fiscal\s+)?quarter\b`),
		regexp.MustCompile(`(?i)\bquarter\s+([1-4])\b`),
	}
})

var ordinalQuarter = map[string]string{
	"first": "Q1", "second": "Q2", "third": "Q3", "fourth": "Q4",
	"1st": "Q1", "2nd": "Q2", "3rd": "Q3", "4th": "Q4",
	"1": "Q1", "2": "Q2", "3": "Q3", "4": "Q4",
}

// yearRe finds a fiscal year: "fiscal year 2026", "FY24", "fiscal '20", or
// a bare 2023. Dates are blanked out first so "May 31, 2020" is no year.
var yearRe = textutil.Lazy(`(?i)\b(?:fiscal\s+(?:year\s+)?'?|fy\s*'?)(\d{4}|\d{2})\b|\b((?:19|20)\d{2})\b|\bQ[1-4]\s*'(\d{2})\b|\b[1-4]Q'?(\d{2})\b`)

// periodContext: a sentence about the call itself, not about guidance.
// periodContextWords are in every phrase periodContextRe knows.
var periodContextWords = []string{"call", "conference", "webcast", "results", "earnings", "welcome"}

var periodContextRe = textutil.Lazy(`(?i)\b(?:call|conference|teleconference|webcast|results|earnings|welcome)\b`)
var periodAvoidRe = textutil.Lazy(`(?i)\b(?:guidance|outlook|expect\w*|next|last\s+year|prior|compared|versus|vs)\b`)

// englishPeriod prefers welcome sentences and titles, then other sentences
// about the call. Within a sentence it takes the first quarter and the
// first year.
func englishPeriod(sents []sentence) (*string, *int) {
	var q *string
	var y *int
	try := func(text string) {
		sq, sy := periodIn(text)
		if q == nil && sq != nil && (y == nil || sy == nil || *sy == *y) {
			q = sq
		}
		if y == nil && sy != nil && (sq != nil || fiscalYearRe().MatchString(text)) && (q == nil || sq == nil || *sq == *q) {
			y = sy
		}
	}
	for _, s := range sents {
		if s.has("welcome") && welcomeRe().MatchString(s.text) || (len(s.text) <= 120 && s.has("earnings") && titleRe().MatchString(s.text)) {
			try(s.text)
		}
	}
	for _, s := range sents {
		if q != nil && y != nil {
			break
		}
		if s.hasAny(periodContextWords) && periodContextRe().MatchString(s.text) && !periodAvoidRe().MatchString(s.text) {
			try(s.text)
		}
	}
	return q, y
}

var fiscalYearRe = textutil.Lazy(`(?i)\b(?:fiscal|fy)\b`)

func periodIn(text string) (*string, *int) {
	var q *string
	best := -1
	// Every quarter form has a "q" ("Q2", "2Q", "quarter").
	if strings.ContainsAny(text, "qQ") {
		for _, re := range quarterRes() {
			if m := re.FindStringSubmatchIndex(text); m != nil && (best < 0 || m[0] < best) {
				v := ordinalQuarter[strings.ToLower(text[m[2]:m[3]])]
				q, best = &v, m[0]
			}
		}
	}
	blank := blankDates(text)
	var y *int
	if m := yearRe().FindStringSubmatch(blank); m != nil {
		var digits string
		for _, g := range m[1:] {
			if g != "" {
				digits = g
				break
			}
		}
		n, _ := strconv.Atoi(digits)
		if len(digits) == 2 {
			n += 2000
		}
		if n >= 1990 && n <= 2100 {
			y = &n
		}
	}
	return q, y
}

// ---- dates ----

// monthAlt is the alternation of textutil.Months, longest first so that
// "sept" wins over "sep".
var monthAlt = func() string {
	names := make([]string, 0, len(textutil.Months))
	for n := range textutil.Months {
		names = append(names, n)
	}
	sort.Slice(names, func(a, b int) bool {
		if len(names[a]) != len(names[b]) {
			return len(names[a]) > len(names[b])
		}
		return names[a] < names[b]
	})
	return strings.Join(names, "|")
}()

var (
	mdyRe = textutil.Lazy(`(?i)\b(` + monthAlt + `)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b`)
	dmyRe = textutil.Lazy(`(?i)\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(` + monthAlt + `)\.?,?\s+(\d{4})\b`)
	isoRe = textutil.Lazy(`\b(\d{4})-(\d{2})-(\d{2})\b`)
)

type dateMatch struct {
	start, end int
	iso        string
}

// findDates returns the valid dates in text in order of position.
func findDates(text string) []dateMatch {
	// Every form has a four-digit year, a written-out one a month name and
	// an ISO one a dash; most sentences have none, and the expressions cost
	// far more than these looks.
	if !hasDigitRun(text, 4) {
		return nil
	}
	var out []dateMatch
	add := func(start, end, y, m, d int) {
		if iso, ok := validDate(y, m, d); ok {
			out = append(out, dateMatch{start, end, iso})
		}
	}
	if hasMonth(text) {
		for _, m := range mdyRe().FindAllStringSubmatchIndex(text, -1) {
			mon := monthNum(text[m[2]:m[3]])
			d, _ := strconv.Atoi(text[m[4]:m[5]])
			y, _ := strconv.Atoi(text[m[6]:m[7]])
			add(m[0], m[1], y, mon, d)
		}
		for _, m := range dmyRe().FindAllStringSubmatchIndex(text, -1) {
			d, _ := strconv.Atoi(text[m[2]:m[3]])
			mon := monthNum(text[m[4]:m[5]])
			y, _ := strconv.Atoi(text[m[6]:m[7]])
			add(m[0], m[1], y, mon, d)
		}
	}
	if strings.Contains(text, "-") {
		for _, m := range isoRe().FindAllStringSubmatchIndex(text, -1) {
			y, _ := strconv.Atoi(text[m[2]:m[3]])
			mon, _ := strconv.Atoi(text[m[4]:m[5]])
			d, _ := strconv.Atoi(text[m[6]:m[7]])
			add(m[0], m[1], y, mon, d)
		}
	}
	// Sort by position (small n, insertion sort keeps it dependency-free).
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && out[j].start < out[j-1].start; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

// monthStems are the three-letter names of textutil.Months ("may" and the
// abbreviations), with which every month name starts.
var monthStems = func() []string {
	var out []string
	for m := range textutil.Months {
		if len(m) == 3 {
			out = append(out, m)
		}
	}
	return out
}()

func monthNum(s string) int { return textutil.Months[strings.ToLower(s)] }

// hasMonth reports whether text holds the start of a month name, in any
// case: every written-out date has one, and most sentences none.
func hasMonth(text string) bool {
	for _, m := range monthStems {
		if textutil.ContainsFold(text, m) {
			return true
		}
	}
	return false
}

// hasDigitRun reports whether s has n ASCII digits in a row.
func hasDigitRun(s string, n int) bool {
	run := 0
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= '0' && c <= '9' {
			if run++; run == n {
				return true
			}
		} else {
			run = 0
		}
	}
	return false
}

func validDate(y, m, d int) (string, bool) {
	if y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31 {
		return "", false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d {
		return "", false // "February 30"
	}
	return t.Format("2006-01-02"), true
}

func blankDates(text string) string {
	ds := findDates(text)
	if len(ds) == 0 {
		return text
	}
	b := []byte(text)
	for _, d := range ds {
		for i := d.start; i < d.end; i++ {
			b[i] = ' '
		}
	}
	return string(b)
}

// strongDateRes match the text right before a date that states the call
// date: "as of today, August 3, 2023", "today is Thursday, August 3",
// "this call is being recorded on August 3, 2023".
var strongDateRes = sync.OnceValue(func() []*regexp.Regexp {
	return []*regexp.Regexp{
		regexp.MustCompile(`(?i)\btoday(?:'s\s+date)?\s*(?:is\s+|,\s*)?(?:\(?\s*)(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s*)?$`),
		regexp.MustCompile(`(?i)\b(?:this|today's)\s+(?:\w+\s+){0,3}(?:call|conference|teleconference|webcast)\b[^.]*\bon\s+(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s*)?$`),
		regexp.MustCompile(`(?i)\b(?:held|recorded|hosted|conducted)\s+(?:today\s+)?on\s+(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s*)?$`),
	}
})

// notCallDateRe marks sentences whose dates are about something else: a
// filing, a period end, a future or past event.
var notCallDateRe = textutil.Lazy(`(?i)\b(?:filed|filing|ended|ending|end|through|dated|since|until|before|after|next|last|previous|prior|upcoming|as\s+of|period|released|issued|published|closed|completed|launched|between|due|record|payable|will\s+be|expires?|maturity)\b`)

func englishDate(sents []sentence) *string {
	for _, s := range sents {
		for _, d := range findDates(s.text) {
			prefix := s.text[:d.start]
			if textutil.ContainsFold(prefix, "next") || textutil.ContainsFold(prefix, "upcoming") {
				continue
			}
			for _, re := range strongDateRes() {
				if re.MatchString(prefix) {
					iso := d.iso
					return &iso
				}
			}
		}
	}
	for _, s := range sents {
		if s.para >= weakDateParagraphs {
			break
		}
		ds := findDates(s.text)
		if len(ds) == 0 || notCallDateRe().MatchString(s.text) {
			continue
		}
		iso := ds[0].iso
		return &iso
	}
	return nil
}

// ---- Chinese fallback ----

// zhCompany is the subject of the summary line's reporting verb, if it
// names a company.
func zhCompany(line string) *string {
	for _, m := range zhCompanyRe().FindAllStringSubmatch(line, -1) {
		// "2025 年全年創下" puts a span of time, not a company, before the
		// verb.
		if c := strings.TrimSpace(m[1]); !zhNotCompany[c] && !strings.ContainsAny(c, "年季月日期度") {
			return &c
		}
	}
	return nil
}

var (
	zhYearQuarterRe = textutil.Lazy(`(\d{4})\s*(?:財年|财年|會計年度|会计年度|年度|年)?\s*(?:財年|财年)?\s*(?:第\s*([一二三四1-4])\s*(?:財季|财季|季度|季)|Q([1-4]))`)
	zhQuarterYearRe = textutil.Lazy(`(?i)Q([1-4])\s*(?:FY)?\s*(\d{4})`)
	zhQuarterRe     = textutil.Lazy(`第\s*([一二三四1-4])\s*(?:財季|财季|季度|季)`)
	zhFiscalYearRe  = textutil.Lazy(`(\d{4})\s*(?:財年|财年|會計年度|会计年度)`)
	zhDateRe        = textutil.Lazy(`(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日`)
	// zhCompanyRe: the subject right before a reporting verb, after the
	// start of the line or a punctuation mark: ",亞馬遜公佈的收入".
	zhCompanyRe = textutil.Lazy(`(?:^|[,，。;；、:：\s])([\p{Han}]{2,8}?|[A-Z][A-Za-z0-9.&\-]*(?:\s[A-Z][A-Za-z0-9.&\-]*){0,3})\s*(?:公佈|公布|宣佈|宣布|報告了|报告了|發布|发布|實現|实现|創下|创下)`)
)

var zhDigit = map[string]string{"一": "Q1", "二": "Q2", "三": "Q3", "四": "Q4", "1": "Q1", "2": "Q2", "3": "Q3", "4": "Q4"}

// zhNotCompany are subjects that are not a company name.
var zhNotCompany = map[string]bool{
	"他們": true, "他们": true, "我們": true, "我们": true, "公司": true,
	"該公司": true, "该公司": true, "管理層": true, "管理层": true, "總體而言": true,
}

func chineseFallback(summary []string) (q *string, y *int, date *string, company *string) {
	for _, line := range summary {
		if !hasDigitRun(line, 1) && !strings.Contains(line, "第") {
			// No year, date or quarter to read; a company, at most.
			if company == nil {
				company = zhCompany(line)
			}
			continue
		}
		if q == nil && y == nil {
			if m := zhYearQuarterRe().FindStringSubmatch(line); m != nil {
				n, _ := strconv.Atoi(m[1])
				d := m[2]
				if d == "" {
					d = m[3]
				}
				v := zhDigit[d]
				if n >= 1990 && n <= 2100 {
					q, y = &v, &n
				}
			} else if m := zhQuarterYearRe().FindStringSubmatch(line); m != nil {
				n, _ := strconv.Atoi(m[2])
				v := "Q" + m[1]
				if n >= 1990 && n <= 2100 {
					q, y = &v, &n
				}
			}
		}
		if date == nil {
			if iso := zhDate(line); iso != "" {
				date = &iso
			}
		}
		if company == nil {
			company = zhCompany(line)
		}
	}
	// Lone quarter or lone fiscal year, only when no pair was stated.
	if q == nil && y == nil {
		for _, line := range summary {
			if m := zhQuarterRe().FindStringSubmatch(line); m != nil && q == nil {
				v := zhDigit[m[1]]
				q = &v
			}
			if m := zhFiscalYearRe().FindStringSubmatch(line); m != nil && y == nil {
				n, _ := strconv.Atoi(m[1])
				if n >= 1990 && n <= 2100 {
					y = &n
				}
			}
		}
	}
	return q, y, date, company
}

// zhDate is the first date written out in Chinese in line ("2026 年 4 月
// 29 日"), as YYYY-MM-DD, or "".
func zhDate(line string) string { return ymdDate(zhDateRe(), line) }

// ymdDate is the first match in s of re, whose groups are the year, the
// month and the day, as YYYY-MM-DD, or "" when there is none or it is no
// date.
func ymdDate(re *regexp.Regexp, s string) string {
	if m := re.FindStringSubmatch(s); m != nil {
		y, _ := strconv.Atoi(m[1])
		mo, _ := strconv.Atoi(m[2])
		d, _ := strconv.Atoi(m[3])
		if iso, ok := validDate(y, mo, d); ok {
			return iso
		}
	}
	return ""
}
