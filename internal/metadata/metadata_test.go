package metadata

import (
	"encoding/json"
	"os"
	"strings"
	"testing"
	"unicode"

	"github.com/stretchr/testify/require"
)

func str(s string) *string { return &s }
func num(n int) *int       { return &n }

// english picks the English paragraphs out of a bilingual reference file:
// lines without Han characters, skipping the repeated speaker label.
func splitReference(t *testing.T, path string) (english, summary []string) {
	t.Helper()
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	lines := strings.Split(strings.ReplaceAll(string(b), "\r\n", "\n"), "\n")
	require.Greater(t, len(lines), 10)
	summary = lines[:6]
	prev := ""
	for _, l := range lines[6:] {
		if l == "" || l == prev || strings.IndexFunc(l, func(r rune) bool { return unicode.Is(unicode.Han, r) }) >= 0 {
			prev = l
			continue
		}
		english = append(english, l)
		prev = l
	}
	return english, summary
}

func TestExtractReference(t *testing.T) {
	english, summary := splitReference(t, "../../testdata/amazon-2023-q2.en-zh-Hant.txt")
	got := Extract(english, summary)
	require.Equal(t, Metadata{
		Company:    str("Amazon.com"),
		Quarter:    str("Q2"),
		FiscalYear: num(2023),
		Date:       str("2023-08-03"),
	}, got)

	b, err := json.Marshal(got)
	require.NoError(t, err)
	require.JSONEq(t, `{"company":"Amazon.com","quarter":"Q2","fiscal_year":2023,"date":"2023-08-03"}`, string(b))

	// Only the summary: the Chinese fills in quarter, year and company.
	got = Extract(nil, summary)
	require.Equal(t, Metadata{Company: str("亞馬遜"), Quarter: str("Q2"), FiscalYear: num(2023)}, got)
}

func TestExtract(t *testing.T) {
	cases := []struct {
		name    string
		english []string
		summary []string
		want    Metadata
	}{
		{
			name:    "nothing said",
			english: []string{"Thank you. Good morning."},
			want:    Metadata{},
		},
		{
			name:    "empty",
			want:    Metadata{},
			summary: []string{""},
		},
		{
			name:    "microsoft fiscal year before quarter",
			english: []string{"Greetings, and welcome to the Microsoft Fiscal Year 2026 Third Quarter Earnings Conference Call."},
			want:    Metadata{Company: str("Microsoft"), Quarter: str("Q3"), FiscalYear: num(2026)},
		},
		{
			// streetevents-csco-2020q4.txt
			name: "cisco possessive",
			english: []string{
				"Q4 2020 Cisco Systems Inc Earnings Call",
				"AUGUST 12, 2020 / 8:30PM GMT",
				"Welcome to Cisco's Fourth Quarter and Fiscal Year 2020 Financial Results Conference Call. At the request of Cisco Systems, today's conference is being recorded.",
				"Thanks, Sue. Welcome, everyone, to Cisco's Fourth Quarter Fiscal '20 Quarterly Earnings Conference Call.",
				"The matters we will be discussing today include forward-looking statements, including the guidance we will be providing for the first quarter of fiscal 2021.",
			},
			want: Metadata{Company: str("Cisco"), Quarter: str("Q4"), FiscalYear: num(2020), Date: str("2020-08-12")},
		},
		{
			name:    "cisco with good afternoon",
			english: []string{"Good afternoon, and welcome to Cisco's Fourth Quarter and Fiscal Year 2020 Financial Results Conference Call."},
			want:    Metadata{Company: str("Cisco"), Quarter: str("Q4"), FiscalYear: num(2020)},
		},
		{
			// streetevents-amzn-2016q4-mixed-crlf.txt: the call is on
			// Feb 2, 2017 about fiscal 2016.
			name: "amazon 2016 q4",
			english: []string{
				"Q4 2016 Amazon.com Inc Earnings Call",
				"FEBRUARY 02, 2017 / 10:30PM GMT",
				"Good day, everyone, and welcome to the Amazon.com Q4 2016 financial results teleconference.",
				"Hello and welcome to our Q4 2016 financial results conference call. Joining us today to answer your questions is Brian Olsavsky, our CFO.",
				"Our comments and responses to your questions reflect management's views as of today, February 2, 2017 only, and will include forward-looking statements.",
			},
			want: Metadata{Company: str("Amazon.com"), Quarter: str("Q4"), FiscalYear: num(2016), Date: str("2017-02-02")},
		},
		{
			// fool-html2text-televisa-q2-2020.txt
			name: "televisa fool header",
			english: []string{
				"Image source: The Motley Fool.",
				"Grupo Televisa, S.A.B (NYSE:TV)",
				"Q2 2020 Earnings Call",
				"Jul 8, 2020, 10:00 a.m. ET",
				"Contents:",
				"Good morning everyone, and welcome to Grupo Televisa's Second Quarter 2020 Conference Call. Before we begin, I would like to draw your attention to the press release.",
			},
			want: Metadata{Company: str("Grupo Televisa"), Quarter: str("Q2"), FiscalYear: num(2020), Date: str("2020-07-08")},
		},
		{
			// capiq-pdftext-equinix-2022q3.txt: no year and no call date are
			// said; the only dates are filing dates.
			name: "equinix says no year",
			english: []string{
				"Good afternoon, and welcome to the Equinix Third Quarter Earnings Conference Call. (Operator Instructions) Also, today's conference is being recorded.",
				"Good afternoon, and welcome to today's conference call.",
				"Actual results may vary significantly from those statements and may be affected by the risks we identified in today's press release and those identified in our filings with the SEC, including our most recent Form 10-K filed on February 18, 2022, and 10-Q filed on July 29, 2022.",
			},
			want: Metadata{Company: str("Equinix"), Quarter: str("Q3")},
		},
		{
			name: "equinix with chinese year",
			english: []string{
				"Good afternoon, and welcome to the Equinix Third Quarter Earnings Conference Call.",
			},
			summary: []string{"Equinix 公佈 2022 年第三季度業績。"},
			want:    Metadata{Company: str("Equinix"), Quarter: str("Q3"), FiscalYear: num(2022)},
		},
		{
			name:    "chinese quarter disagrees, year not borrowed",
			english: []string{"Welcome to the Equinix Third Quarter Earnings Conference Call."},
			summary: []string{"2022 年第二季度"},
			want:    Metadata{Company: str("Equinix"), Quarter: str("Q3")},
		},
		{
			// earnings21-cumulus-4386541.nlp (tokens joined)
			name: "cumulus",
			english: []string{
				"Welcome to the Cumulus Media quarterly earnings conference call. I will now turn the call over to Collin Jones, senior vice president of corporate development and strategy.",
				"Thank you, operator. Welcome, everyone, to our third-quarter 2020 earnings conference call.",
				"On September 28th, 2020, we and the NCAA filed competing lawsuits with regard to the dispute surrounding the agreement.",
			},
			want: Metadata{Company: str("Cumulus Media"), Quarter: str("Q3"), FiscalYear: num(2020)},
		},
		{
			// fool-json-pcyo-q3-2020.json: the welcome names a period end,
			// which is neither the call date nor a quarter.
			name: "pure cycle title",
			english: []string{
				"Pure Cycle Corp (PCYO) Q3 2020 Earnings Call Transcript",
				"Greetings, and welcome to the Pure Cycle Corporation Three and Nine Months Ended May 31, 2020 Earnings Call. At this time, all participants are in a listen-only mode.",
			},
			want: Metadata{Company: str("Pure Cycle"), Quarter: str("Q3"), FiscalYear: num(2020)},
		},
		{
			name:    "title only",
			english: []string{"Q3 2021 Earnings Call"},
			want:    Metadata{Quarter: str("Q3"), FiscalYear: num(2021)},
		},
		{
			name:    "company title",
			english: []string{"Pure Cycle Corp (PCYO) Q3 2020 Earnings Call Transcript"},
			want:    Metadata{Company: str("Pure Cycle"), Quarter: str("Q3"), FiscalYear: num(2020)},
		},
		{
			name:    "fiscal year then quarter",
			english: []string{"Welcome to Oracle's fiscal 2024 first quarter earnings call."},
			want:    Metadata{Company: str("Oracle"), Quarter: str("Q1"), FiscalYear: num(2024)},
		},
		{
			name:    "quarter of fiscal",
			english: []string{"Hello, and welcome to our conference call.", "Today we will discuss our results for the second quarter of fiscal 2023."},
			want:    Metadata{Quarter: str("Q2"), FiscalYear: num(2023)},
		},
		{
			name:    "date day month year",
			english: []string{"This call is being recorded on 3 August 2023."},
			want:    Metadata{Date: str("2023-08-03")},
		},
		{
			name:    "date abbreviated",
			english: []string{"Today is Thursday, Aug. 3, 2023."},
			want:    Metadata{Date: str("2023-08-03")},
		},
		{
			name:    "iso date",
			english: []string{"Call date: 2023-08-03"},
			want:    Metadata{Date: str("2023-08-03")},
		},
		{
			name:    "next call is not this call",
			english: []string{"Our next quarterly earnings conference call will be on Thursday, November 12, 2020."},
			want:    Metadata{},
		},
		{
			name:    "invalid date ignored",
			english: []string{"As of today, February 30, 2023."},
			want:    Metadata{},
		},
		{
			name:    "chinese date and fiscal quarter",
			english: []string{"Thank you."},
			summary: []string{"聯發科於 2026 年 3 月 11 日召開法說會。", "2023財年第三季營收創新高。"},
			want:    Metadata{Quarter: str("Q3"), FiscalYear: num(2023), Date: str("2026-03-11")},
		},
		{
			name:    "english company wins over chinese",
			english: []string{"Good day, and welcome to the Amazon.com Q2 2023 Financial Results Teleconference."},
			summary: []string{"在 2023 年第二季度財務業績電話會議上,亞馬遜公佈的收入為 1344 億美元。"},
			want:    Metadata{Company: str("Amazon.com"), Quarter: str("Q2"), FiscalYear: num(2023)},
		},
		{
			name:    "a span of time before the verb is no company",
			english: []string{"Thank you."},
			summary: []string{"- MediaTek 在 2025 年全年創下營收新高。"},
			want:    Metadata{},
		},
		{
			name:    "4Q23 shorthand",
			english: []string{"Good afternoon. Welcome to Meta Platforms 4Q23 earnings call."},
			want:    Metadata{Company: str("Meta Platforms"), Quarter: str("Q4"), FiscalYear: num(2023)},
		},
		{
			name:    "welcome to something else",
			english: []string{"Welcome to this episode of Acquired, the podcast about great technology companies."},
			want:    Metadata{},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			require.Equal(t, c.want, Extract(c.english, c.summary))
		})
	}
}

// TestExtractCorpus runs over the real StreetEvents files when the shared
// corpus is present (it is not committed, see its MANIFEST licensing note).
func TestExtractCorpus(t *testing.T) {
	path := "../../../shared/corpus/external/streetevents-csco-2020q4.txt"
	b, err := os.ReadFile(path)
	if err != nil {
		t.Skip("shared corpus not available")
	}
	var paras []string
	for _, l := range strings.Split(strings.ReplaceAll(string(b), "\r\n", "\n"), "\n") {
		l = strings.TrimSpace(l)
		if l == "" || strings.Trim(l, "=-") == "" || strings.HasPrefix(l, "*") {
			continue
		}
		paras = append(paras, l)
	}
	got := Extract(paras, nil)
	require.Equal(t, str("Q4"), got.Quarter)
	require.Equal(t, num(2020), got.FiscalYear)
	require.Equal(t, str("2020-08-12"), got.Date)
	require.NotNil(t, got.Company)
}

func FuzzExtract(f *testing.F) {
	f.Add("Good day, everyone, and welcome to the Amazon.com Quarter 2 2023 Financial Results Teleconference.", "在 2023 年第二季度財務業績電話會議上,亞馬遜公佈")
	f.Add("as of today, August 3, 2023 only", "2026 年 3 月 11 日")
	f.Add("Welcome to Cisco's Fourth Quarter and Fiscal Year 2020", "2023財年第三季")
	f.Add("Q4 2016 Amazon.com Inc Earnings Call\nFEBRUARY 02, 2017", "")
	f.Fuzz(func(t *testing.T, en, zh string) {
		english := strings.Split(en, "\n")
		summary := strings.Split(zh, "\n")
		a := Extract(english, summary)
		b := Extract(english, summary)
		require.Equal(t, a, b)
		if a.Quarter != nil {
			require.Contains(t, []string{"Q1", "Q2", "Q3", "Q4"}, *a.Quarter)
		}
		if a.FiscalYear != nil {
			require.True(t, *a.FiscalYear >= 1990 && *a.FiscalYear <= 2100)
		}
		if a.Date != nil {
			require.Regexp(t, `^\d{4}-\d{2}-\d{2}$`, *a.Date)
		}
	})
}
