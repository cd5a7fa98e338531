package metadata

import (
	"slices"
	"strings"

	"github.com/transcript-cli/transcript/internal/textutil"
)

// keyValueRe is a banner line "Company: Microsoft (微软)".
var keyValueRe = textutil.Lazy(`^\s*([\p{L} ]{2,20}?)\s*[:：]\s*(.+?)\s*$`)

// compactDateRe is a date written YYYYMMDD in a title ("聯發科_20260311").
var compactDateRe = textutil.Lazy(`(?:^|[^0-9])((?:19|20)[0-9]{2})([01][0-9])([0-3][0-9])(?:[^0-9]|$)`)

// parenthesisRe is a bracketed aside after a name: "(微软)", "(NYSE:TV)".
var parenthesisRe = textutil.Lazy(`\s*[(（][^)）]*[)）]`)

// quoteRe is a stock quote in a scraped title: "(MSFT+5.25%)", "(TAL0.51%)".
var quoteRe = textutil.Lazy(`\(\s*[A-Z][A-Z.]{0,6}\s*[+\-−]?\s*[\d.]*%\s*\)`)

// gluedMonthRe finds a month run into the word before it, as scraped page
// titles print the call date: "Earnings CallOct 30, 2024,5:30 p.m. ET".
var gluedMonthRe = textutil.Lazy(`([a-z)])((?:` + capitalised(monthAlt) + `)\.?\s+\d)`)

func capitalised(alt string) string {
	parts := strings.Split(alt, "|")
	for i, p := range parts {
		parts[i] = strings.ToUpper(p[:1]) + p[1:]
	}
	return strings.Join(parts, "|")
}

// Banner is what the lines above a call say (banners, titles, the
// call-date line, the preamble): Keys holds what key-value lines state
// ("Company: Microsoft (微软)", "Quarter: Q3 2026", "Date: …") and the
// call's date from a short date line ("Thursday, July 31, 2025 at 8 a.m.
// ET", "AUGUST 12, 2020 / 8:30PM GMT", "聯發科_20260311"); Titles what
// title lines suggest ("Q4 2020 Cisco Systems Inc Earnings Call"). Keys
// outrank the call's own words; titles come after them.
type Banner struct {
	Keys   Metadata
	titles []sentence
}

// Titles is what the title lines suggest. It is read on demand: most
// calls have said everything before the titles are asked.
func (b Banner) Titles() Metadata {
	var t Metadata
	t.Company = englishCompany(b.titles)
	t.Quarter, t.FiscalYear = englishPeriod(b.titles)
	return t
}

// ReadBanner reads the lines some layouts print above the call, and the
// Chinese summary after them. Other keys (URL, Scraped, Translated) name
// dates that are not the call's, and are ignored. A short line of the
// banner with a date in Chinese (the call-date line's translation, "2026
// 年 4 月 29 日星期三") gives the date only when no line gives one in
// English: a translation may state Beijing time, a day later, and the
// summary's dates are not the call's (Extract reads them last).
func ReadBanner(lines, summary []string) Banner {
	var keys Metadata
	var titles []sentence
	for _, l := range slices.Concat(lines, summary) {
		if m := keyValueRe().FindStringSubmatch(l); m != nil && !strings.Contains(m[2], "//") {
			key, value := strings.ToLower(strings.TrimSpace(m[1])), m[2]
			switch key {
			case "company", "company name", "公司":
				if c := strings.TrimSpace(parenthesisRe().ReplaceAllString(value, "")); c != "" && keys.Company == nil {
					c = Canonical(c)
					keys.Company = &c
				}
			case "quarter", "period", "fiscal period", "fiscal quarter":
				if q, y := periodIn(value); q != nil && keys.Quarter == nil {
					keys.Quarter, keys.FiscalYear = q, y
				}
			case "date", "call date", "event date":
				if ds := findDates(value); len(ds) > 0 && keys.Date == nil {
					keys.Date = &ds[0].iso
				}
			}
			continue
		}
		// "Microsoft(MSFT+5.25%)Q1 2025 Earnings CallOct 30, 2024": the
		// quote and the glued date apart, it reads as a title.
		if strings.Contains(l, "%") {
			l = quoteRe().ReplaceAllString(l, " ")
		}
		if strings.ContainsAny(l, "0123456789") {
			l = gluedMonthRe().ReplaceAllString(l, "$1 $2")
		}
		titles = append(titles, sentence{text: l})
		if keys.Date == nil && len(l) <= 120 {
			if d := lineDate(l); d != "" {
				keys.Date = &d
			}
		}
	}
	// The call-date line's translation, when no line gave a date.
	for i := 0; i < len(lines) && keys.Date == nil; i++ {
		if len(lines[i]) > 80 {
			continue // a long line's date is not its subject
		}
		if d := zhDate(lines[i]); d != "" {
			keys.Date = &d
		}
	}
	return Banner{Keys: keys, titles: titles}
}

// lineDate is the date of a short line that states one: a date written
// out, with the words around it short (a title, a time of day), or a
// compact YYYYMMDD in a title.
func lineDate(l string) string {
	if ds := findDates(l); len(ds) > 0 {
		if len(l) <= 80 || timeOfDayRe().MatchString(l[ds[0].end:]) {
			return ds[0].iso
		}
		return ""
	}
	if len(l) > 80 || !hasDigitRun(l, 8) {
		return ""
	}
	return ymdDate(compactDateRe(), l)
}

// timeOfDayRe is the time after a call date: ", 5:30 p.m. ET", " at 8 a.m.".
var timeOfDayRe = textutil.Lazy(`(?i)^[\s,]*(?:at\s+)?\d{1,2}(?::\d{2})?\s*[ap]\.?\s?m\b`)

// Merge fills what md leaves null from the others, in order. A source is
// read only while a field is still null: the lower sources cost far more
// than the fields they fill, and most calls state everything early.
func Merge(md Metadata, others ...func() Metadata) Metadata {
	for _, other := range others {
		if md.Company != nil && md.Quarter != nil && md.FiscalYear != nil && md.Date != nil {
			break
		}
		o := other()
		if md.Company == nil {
			md.Company = o.Company
		}
		if md.Quarter == nil {
			md.Quarter = o.Quarter
		}
		if md.FiscalYear == nil {
			md.FiscalYear = o.FiscalYear
		}
		if md.Date == nil {
			md.Date = o.Date
		}
	}
	return md
}
