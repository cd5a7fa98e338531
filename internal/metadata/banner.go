package metadata

import (
	"regexp"
	"strconv"
	"strings"
)

// keyValueRe is a banner line "Company: Microsoft (微软)".
var keyValueRe = regexp.MustCompile(`^\s*([\p{L} ]{2,20}?)\s*[:：]\s*(.+?)\s*$`)

// compactDateRe is a date written YYYYMMDD in a title ("聯發科_20260311").
var compactDateRe = regexp.MustCompile(`(?:^|[^0-9])((?:19|20)[0-9]{2})([01][0-9])([0-3][0-9])(?:[^0-9]|$)`)

// parenthesisRe is a bracketed aside after a name: "(微软)", "(NYSE:TV)".
var parenthesisRe = regexp.MustCompile(`\s*[(（][^)）]*[)）]`)

// Banner reads the lines some layouts print above the call: key-value
// banners ("Company: Microsoft (微软)", "Quarter: Q3 2026", "Date: …"),
// titles ("Q4 2020 Cisco Systems Inc Earnings Call", "聯發科_20260311") and
// date lines ("AUGUST 12, 2020 / 8:30PM GMT"). Other keys (URL, Scraped,
// Translated) name dates that are not the call's, and are ignored.
func Banner(lines []string) Metadata {
	var md Metadata
	var titles []sentence
	for _, l := range lines {
		if m := keyValueRe.FindStringSubmatch(l); m != nil && !strings.Contains(m[2], "//") {
			key, value := strings.ToLower(strings.TrimSpace(m[1])), m[2]
			switch key {
			case "company", "company name", "公司":
				if c := strings.TrimSpace(parenthesisRe.ReplaceAllString(value, "")); c != "" && md.Company == nil {
					md.Company = &c
				}
			case "quarter", "period", "fiscal period", "fiscal quarter":
				if q, y := periodIn(value); q != nil && md.Quarter == nil {
					md.Quarter, md.FiscalYear = q, y
				}
			case "date", "call date", "event date":
				if ds := findDates(value); len(ds) > 0 && md.Date == nil {
					md.Date = &ds[0].iso
				}
			}
			continue
		}
		titles = append(titles, sentence{text: l})
		if md.Date == nil && len(l) <= 80 {
			if ds := findDates(l); len(ds) > 0 {
				md.Date = &ds[0].iso
			} else if m := compactDateRe.FindStringSubmatch(l); m != nil {
				y, _ := strconv.Atoi(m[1])
				mo, _ := strconv.Atoi(m[2])
				d, _ := strconv.Atoi(m[3])
				if iso, ok := validDate(y, mo, d); ok {
					md.Date = &iso
				}
			}
		}
	}
	if md.Company == nil {
		md.Company = englishCompany(titles)
	}
	if md.Quarter == nil && md.FiscalYear == nil {
		md.Quarter, md.FiscalYear = englishPeriod(titles)
	}
	return md
}

// Merge fills what md leaves null from other.
func (md Metadata) Merge(other Metadata) Metadata {
	if md.Company == nil {
		md.Company = other.Company
	}
	if md.Quarter == nil {
		md.Quarter = other.Quarter
	}
	if md.FiscalYear == nil {
		md.FiscalYear = other.FiscalYear
	}
	if md.Date == nil {
		md.Date = other.Date
	}
	return md
}
