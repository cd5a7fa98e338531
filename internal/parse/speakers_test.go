package parse

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// numbered renders pairs in the numbered container: "[ n] [EN] en" /
// "[中] zh", with the backend's echo of the English when echo is set.
func numbered(echo bool, pairs ...[2]string) string {
	var b strings.Builder
	b.WriteString("======================================================================\nCompany: Example Corp\n======================================================================\n\n")
	for i, p := range pairs {
		fmt.Fprintf(&b, "  [%3d] [EN] %s\n       [中] %s\n", i+1, p[0], p[1])
		if echo {
			fmt.Fprintf(&b, "\n%s\n", p[0])
		}
		b.WriteString("\n")
	}
	return b.String()
}

type turnWant struct {
	speaker, title, firm string
	first                string // the first body line's text
}

func turnsOf(d *Document) []turnWant {
	var out []turnWant
	for _, t := range d.Turns {
		w := turnWant{speaker: t.Speaker, firm: t.Firm}
		if t.Title != nil {
			w.title = *t.Title
		}
		if len(t.Blocks) > 0 {
			w.first = t.Blocks[0][0].Text
		}
		out = append(out, w)
	}
	return out
}

// TestConventions: each speaker convention in the containers that carry
// it, one rule per row.
func TestConventions(t *testing.T) {
	tests := []struct {
		name     string
		text     string
		speakers string
		want     []turnWant
	}{
		{"header paragraphs in numbered pairs, echoed",
			numbered(true,
				[2]string{"Operator", "操作员"},
				[2]string{"Greetings, and welcome to the call.", "大家好，欢迎参加电话会议。"},
				[2]string{"Brett Iversen--Vice President, Investor Relations", "Brett Iversen——投资者关系副总裁"},
				[2]string{"Good afternoon, everyone.", "大家下午好。"},
				[2]string{"Sanjit Singh--Morgan Stanley -- Analyst", "Sanjit Singh--Morgan Stanley -- 分析师"},
				[2]string{"Thanks for taking the question.", "谢谢回答问题。"},
			), "header",
			[]turnWant{
				{speaker: "Operator", first: "Greetings, and welcome to the call."},
				{speaker: "Brett Iversen", title: "Vice President, Investor Relations", first: "Good afternoon, everyone."},
				{speaker: "Sanjit Singh", title: "Analyst", firm: "Morgan Stanley", first: "Thanks for taking the question."},
			}},
		{"a first-name operator, a generic label, initials",
			numbered(false,
				[2]string{"Eric:At this time, I'd like to remind everyone how to ask a question.", "Eric：此时，我想提醒大家如何提问。"},
				[2]string{"Amy E. Hood:Thank you, Eric.", "Amy E. Hood：谢谢，Eric。"},
				[2]string{"Eric:Your next question comes from Keith Weiss with Morgan Stanley.", "Eric：下一个问题来自摩根士丹利的 Keith Weiss。"},
				[2]string{"Analyst:Thank you for taking my question.", "分析师：感谢您回答我的问题。"},
				[2]string{"S. Kirk Materne:Hi, it's Kirk Materne with Evercore ISI.", "S. Kirk Materne：嗨，我是 Evercore ISI 的 Kirk Materne。"},
				[2]string{"Analyst (Matthew Martino):A follow-up on margins, please.", "分析师（Matthew Martino）：请再问一下利润率。"},
			), "inline",
			[]turnWant{
				{speaker: "Eric", first: "At this time, I'd like to remind everyone how to ask a question."},
				{speaker: "Amy E. Hood", first: "Thank you, Eric."},
				{speaker: "Eric", first: "Your next question comes from Keith Weiss with Morgan Stanley."},
				{speaker: "Analyst", first: "Thank you for taking my question."},
				{speaker: "S. Kirk Materne", first: "Hi, it's Kirk Materne with Evercore ISI."},
				{speaker: "Matthew Martino", title: "Analyst", first: "A follow-up on margins, please."},
			}},
		{"inline labels of names that start with any capital",
			numbered(false,
				[2]string{"Øystein Ødegård:Thank you, and welcome to the call.", "Øystein Ødegård：谢谢，欢迎参加电话会议。"},
				[2]string{"Émile Zola:Thanks. Revenue grew this quarter.", "Émile Zola：谢谢。本季度收入增长。"},
				[2]string{"İlker Çelik:A question on margins, please.", "İlker Çelik：请问一下利润率。"},
				[2]string{"Øystein Ødegård:Margins rose.", "Øystein Ødegård：利润率上升了。"},
			), "inline",
			[]turnWant{
				{speaker: "Øystein Ødegård", first: "Thank you, and welcome to the call."},
				{speaker: "Émile Zola", first: "Thanks. Revenue grew this quarter."},
				{speaker: "İlker Çelik", first: "A question on margins, please."},
				{speaker: "Øystein Ødegård", first: "Margins rose."},
			}},
		{"inline labels with a full-width colon in the English",
			numbered(false,
				[2]string{"Amy Hood：Thank you, and welcome to the call.", "Amy Hood：谢谢，欢迎参加电话会议。"},
				[2]string{"Keith Weiss：A question on margins, please.", "Keith Weiss：请问一下利润率。"},
				[2]string{"Amy Hood：Margins rose.", "Amy Hood：利润率上升了。"},
			), "inline",
			[]turnWant{
				{speaker: "Amy Hood", first: "Thank you, and welcome to the call."},
				{speaker: "Keith Weiss", first: "A question on margins, please."},
				{speaker: "Amy Hood", first: "Margins rose."},
			}},
		{"a glossary before the first speaker is no speaker",
			numbered(false,
				[2]string{"Deferred Revenue: Payments received in advance of services.", "递延收入：提前收到的服务款项。"},
				[2]string{"Alex Peng:Thank you, Fang, and thanks for joining.", "彭亚历克斯：谢谢方先生，感谢参加。"},
				[2]string{"Operator:The first question comes from Jenny Wong with UBS.", "接线员：第一个问题来自UBS的Jenny Wong。"},
				[2]string{"Alex Peng:Thank you for the question.", "彭亚历克斯：谢谢你的问题。"},
			), "inline",
			[]turnWant{
				{speaker: "Alex Peng", first: "Thank you, Fang, and thanks for joining."},
				{speaker: "Operator", first: "The first question comes from Jenny Wong with UBS."},
				{speaker: "Alex Peng", first: "Thank you for the question."},
			}},
		{"Motley Fool page text, speakers alone",
			"Prepared Remarks:\nOperator\nGood morning and welcome.\nAda Lin--Chief Executive Officer\nThank you.\nQuestions and Answers:\nBen Cho -- Sample Securities -- Analyst\nCould you talk about margins?\n",
			"header",
			[]turnWant{
				{speaker: "Operator", first: "Good morning and welcome."},
				{speaker: "Ada Lin", title: "Chief Executive Officer", first: "Thank you."},
				{speaker: "Ben Cho", title: "Analyst", firm: "Sample Securities", first: "Could you talk about margins?"},
			}},
		{"reference layout, bare names printed once",
			"Operator\nGood day, and welcome. I will turn the call over to Dave Fildes.\n大家好，歡迎。我將把電話轉給 Dave Fildes。\nDave Fildes\nThank you, operator.\n謝謝接線員。\nOperator\nOur first question comes from Colin Sebastian with Baird.\n我們的第一個問題來自 Baird 的 Colin Sebastian。\nColin Alan Sebastian\nThanks for taking my question.\n感謝回答我的問題。\n",
			"header",
			[]turnWant{
				{speaker: "Operator", first: "Good day, and welcome. I will turn the call over to Dave Fildes."},
				{speaker: "Dave Fildes", first: "Thank you, operator."},
				{speaker: "Operator", first: "Our first question comes from Colin Sebastian with Baird."},
				{speaker: "Colin Alan Sebastian", first: "Thanks for taking my question."},
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Parse(tt.text, "")
			require.NoError(t, err)
			assert.Equal(t, tt.speakers, d.Speakers)
			assert.Equal(t, tt.want, turnsOf(d))
			checkAccounting(t, tt.name, Lines(tt.text), d)
			for _, tr := range d.Turns {
				for _, b := range tr.Blocks {
					for _, l := range b {
						// A translation's label is cut with its English's.
						assert.NotContains(t, l.Text, "：", "line %d keeps a label: %q", l.No, l.Text)
					}
				}
			}
		})
	}
}

// TestFurniture: the publisher's text is never speech.
func TestFurniture(t *testing.T) {
	text := numbered(false,
		[2]string{"Operator", "操作员"},
		[2]string{"Good day, and welcome.", "大家好，欢迎。"},
		[2]string{"Duration: 0 minutes", "时长：0分钟"},
		[2]string{"Call participants:", "通话参与者："},
		[2]string{"Ada Lin--Chief Executive Officer", "Ada Lin——首席执行官"},
		[2]string{"Ben Cho--Sample Securities -- Analyst", "Ben Cho--Sample Securities -- 分析师"},
		[2]string{"More EXC analysis", "更多EXC分析"},
		[2]string{"This article is a transcript of this conference call produced for The Motley Fool.", "本文是为The Motley Fool制作的本次电话会议的记录。"},
		[2]string{"Stocks Mentioned", "提及的股票"},
	)
	d, err := Parse(text, "")
	require.NoError(t, err)
	require.Len(t, d.Turns, 1)
	assert.Len(t, d.Turns[0].Blocks, 1, "the operator's turn holds its speech only")
	var names []string
	for _, p := range d.Participants {
		names = append(names, p.Name+"|"+p.Title+"|"+p.Firm+"|"+p.Role)
	}
	assert.Equal(t, []string{"Ada Lin|Chief Executive Officer||executive", "Ben Cho|Analyst|Sample Securities|analyst"}, names)
	var notices []string
	for _, l := range d.Notices {
		notices = append(notices, l.Text)
	}
	// The footer runs to the end.
	assert.Equal(t, []string{"This article is a transcript of this conference call produced for The Motley Fool.", "本文是为The Motley Fool制作的本次电话会议的记录。",
		"Stocks Mentioned", "提及的股票"}, notices)
	checkAccounting(t, "furniture", Lines(text), d)
}

// TestProse: words are split as strings.Fields splits them, at tabs and
// no-break spaces too, not at ASCII spaces only.
func TestProse(t *testing.T) {
	for s, want := range map[string]bool{
		"We grew 12%": true, "a\tb\tc": true, "a\u00a0b\u00a0c": true,
		"motley_fool": false, "one two": false, "Yes.": true, "https://x.com/a b c": false,
	} {
		assert.Equal(t, want, prose(s, false), "%q", s)
	}
}
