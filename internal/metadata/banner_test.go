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
			Metadata{Company: str("Cisco Systems Inc"), Quarter: str("Q4"), FiscalYear: num(2020), Date: str("2020-08-12")}},
		{"fool header", []string{"Image source: The Motley Fool.", "Grupo Televisa, S.A.B (NYSE:TV)", "Q2 2020 Earnings Call", "Jul 8, 2020, 10:00 a.m. ET"},
			Metadata{Quarter: str("Q2"), FiscalYear: num(2020), Date: str("2020-07-08")}},
		{"compact date in a title", []string{"聯發科_20260311", "Memo"}, Metadata{Date: str("2026-03-11")}},
		{"dates of other keys are not the call's", []string{"Translated: 2026-05-29T23:29:45", "Scraped: 2026-05-29"}, Metadata{}},
		{"nothing", nil, Metadata{}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			require.Equal(t, c.want, Banner(c.lines))
		})
	}
}

func TestMerge(t *testing.T) {
	a := Metadata{Company: str("Cisco")}
	b := Metadata{Company: str("Cisco Systems Inc"), Date: str("2020-08-12")}
	require.Equal(t, Metadata{Company: str("Cisco"), Date: str("2020-08-12")}, a.Merge(b))
}
