package metadata

import (
	"testing"

	"github.com/stretchr/testify/require"
)

func TestBanner(t *testing.T) {
	cases := []struct {
		name  string
		lines []string
		want  Metadata
	}{
		{"key-value banner", []string{"Earnings Call Transcript", "Company: Microsoft (微软)", "Ticker: MSFT", "Quarter: Q3 2026",
			"URL: https://www.fool.com/earnings/call-transcripts/2026/04/29/x", "Scraped: 2026-05-29T22:26:47.308700", "Wednesday, Apr. 29, 2026 at 5:30 p.m. ET"},
			Metadata{Company: str("Microsoft"), Quarter: str("Q3"), FiscalYear: num(2026), Date: str("2026-04-29")}},
		{"streetevents title and date", []string{"Q4 2020 Cisco Systems Inc Earnings Call", "AUGUST 12, 2020 / 8:30PM GMT"},
			Metadata{Company: str("Cisco Systems"), Quarter: str("Q4"), FiscalYear: num(2020), Date: str("2020-08-12")}},
		// Scraped Motley Fool page titles run the date into the title.
		{"call-date line run into the title", []string{"Microsoft(MSFT+5.25%)Q1 2025 Earnings CallOct 30, 2024,5:30 p.m. ET"},
			Metadata{Company: str("Microsoft"), Quarter: str("Q1"), FiscalYear: num(2025), Date: str("2024-10-30")}},
		{"call-date line with a weekday", []string{"Thursday, July 31, 2025 at 8 a.m. ET"}, Metadata{Date: str("2025-07-31")}},
		{"company key outranks a title", []string{"Company: Novo Nordisk", "Welcome to the Q3 2024 Earnings Call"},
			Metadata{Company: str("Novo Nordisk"), Quarter: str("Q3"), FiscalYear: num(2024)}},
		{"no company is the start of a sentence", []string{"Welcome to the Q3 2024 Earnings Call"},
			Metadata{Quarter: str("Q3"), FiscalYear: num(2024)}},
		{"fool header", []string{"Image source: The Motley Fool.", "Grupo Televisa, S.A.B (NYSE:TV)", "Q2 2020 Earnings Call", "Jul 8, 2020, 10:00 a.m. ET"},
			Metadata{Quarter: str("Q2"), FiscalYear: num(2020), Date: str("2020-07-08")}},
		{"compact date in a title", []string{"聯發科_20260311", "Memo"}, Metadata{Date: str("2026-03-11")}},
		// The call-date line's translation, when the English one is damaged;
		// the English comes first when both are read.
		{"call-date line in Chinese", []string{"📅 29.04.2026", "📅 2026 年 4 月 29 日星期三下午 5:30ET"}, Metadata{Date: str("2026-04-29")}},
		{"an English call-date line outranks a Chinese one", []string{"📅 北京时间 2026 年 4 月 30 日星期四上午 5:30", "📅 Wednesday, Apr. 29, 2026 at 5:30 p.m. ET"}, Metadata{Date: str("2026-04-29")}},
		{"dates of other keys are not the call's", []string{"Translated: 2026-05-29T23:29:45", "Scraped: 2026-05-29"}, Metadata{}},
		{"nothing", nil, Metadata{}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			b := ReadBanner(c.lines, nil)
			require.Equal(t, c.want, Merge(b.Keys, b.Titles))
		})
	}
}

func TestMerge(t *testing.T) {
	a := Metadata{Company: str("Cisco")}
	b := Metadata{Company: str("Cisco Systems Inc"), Date: str("2020-08-12")}
	c := Metadata{Quarter: str("Q4")}
	of := func(m Metadata) func() Metadata { return func() Metadata { return m } }
	require.Equal(t, Metadata{Company: str("Cisco"), Quarter: str("Q4"), Date: str("2020-08-12")}, Merge(a, of(b), of(c)))
	// Once every field is set, no further source is read.
	year := 2020
	full := Metadata{Company: str("Cisco"), Quarter: str("Q4"), FiscalYear: &year, Date: str("2020-08-12")}
	require.Equal(t, full, Merge(full, func() Metadata { t.Fatal("read a source after all was set"); return Metadata{} }))
}

func TestCanonical(t *testing.T) {
	for in, want := range map[string]string{
		"MongoDB, Inc.":              "MongoDB",
		"MongoDB":                    "MongoDB",
		"Cisco Systems Inc":          "Cisco Systems",
		"Microsoft Corporation":      "Microsoft",
		"TAL Education Group":        "TAL Education",
		"Grupo Televisa, S.A.B.":     "Grupo Televisa",
		"Amazon.com":                 "Amazon.com",
		"Amazon.com, Inc.":           "Amazon.com",
		"Novo Nordisk A/S":           "Novo Nordisk",
		"Berkshire Hathaway Inc.":    "Berkshire Hathaway",
		"Equinix":                    "Equinix",
		"Sanford C. Bernstein & Co.": "Sanford C. Bernstein &",
	} {
		require.Equal(t, want, Canonical(in), in)
	}
}

// The summary's Chinese dates are not the banner's: they come last, after
// the call's own words (Extract of the summary), not as a banner key.
func TestBannerSummaryDate(t *testing.T) {
	b := ReadBanner([]string{"Company: Example Corp"}, []string{"下次财报——第二季度业绩将于 2026 年 7 月 28 日公布。"})
	require.Nil(t, b.Keys.Date)
	b = ReadBanner([]string{"📅 2026 年 4 月 29 日星期三"}, []string{"下次财报将于 2026 年 7 月 28 日公布。"})
	require.Equal(t, str("2026-04-29"), b.Keys.Date)
}
