package parse

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestSplitHeader(t *testing.T) {
	str := func(s string) *string { return &s }
	tests := []struct {
		line    string
		speaker string
		title   *string
		ok      bool
	}{
		{"Operator", "Operator", nil, true},
		{"Andrew R. Jassy - President, CEO & Director", "Andrew R. Jassy", str("President, CEO & Director"), true},
		{"Dave Fildes - Director of IR", "Dave Fildes", str("Director of IR"), true},
		{"Mark Stephen F. Mahaney - Senior MD & Head of Internet Research", "Mark Stephen F. Mahaney", str("Senior MD & Head of Internet Research"), true},
		{"Douglas Till Anmuth - MD", "Douglas Till Anmuth", str("MD"), true},
		{"Ana de la Cruz – CFO", "Ana de la Cruz", str("CFO"), true},
		{"Brian T. Olsavsky", "Brian T. Olsavsky", nil, true},
		{"Unidentified Analyst", "Unidentified Analyst", nil, true},
		{"Operator - Conference Operator", "Operator", str("Conference Operator"), true},
		{"Operator:", "Operator", nil, true},
		{"Jane Doe - CFO:", "Jane Doe", str("CFO"), true},
		{"Note: this is prose", "", nil, false},
		// Prose and other lines are not speakers.
		{"Thank You", "", nil, false},
		{"Good Morning", "", nil, false},
		{"Thank you, Dave. Good afternoon, everyone.", "", nil, false},
		{"With that, let's move on to your questions.", "", nil, false},
		{"Revenue - up 11% year over year.", "", nil, false},
		{"AWS", "", nil, false},
		{"安德魯·賈西 - 總裁、執行長兼董事", "", nil, false},
		{"John Smith - What do you think about margins?", "", nil, false},
		{"", "", nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.line, func(t *testing.T) {
			speaker, title, ok := SplitHeader(tt.line)
			assert.Equal(t, tt.ok, ok)
			assert.Equal(t, tt.speaker, speaker)
			assert.Equal(t, tt.title, title)
		})
	}
}

// A bare name is a speaker line only with evidence from the file: a
// title, a role, printed twice, said again, listed or introduced.
func TestBareNameEvidence(t *testing.T) {
	tests := []struct {
		name, text string
		speakers   []string
	}{
		{"title makes it certain", "Dave Fildes - Director of IR\nHello there, everyone.\n", []string{"Dave Fildes"}},
		{"role", "Operator\nGood day and welcome.\n", []string{"Operator"}},
		{"printed twice", "Colin Sebastian\nColin Sebastian\nThanks for taking my question.\n", []string{"Colin Sebastian"}},
		{"said again", "Brian Nowak\nA question on margins.\nOperator\nNext.\nBrian Nowak\nAnd a follow-up.\n",
			[]string{"Brian Nowak", "Operator", "Brian Nowak"}},
		{"introduced", "Operator\nOur first question comes from Colin Sebastian with Baird.\nColin Sebastian\nThanks for taking my question.\n",
			[]string{"Operator", "Colin Sebastian"}},
		{"mentioned", "Operator\nI will turn the call over to Dave Fildes. Please go ahead.\nDave Fildes\nThank you, operator.\n",
			[]string{"Operator", "Dave Fildes"}},
		{"a bare name once could be prose", "Operator\nHello.\nColin Sebastian\nThanks for taking my question.\n", []string{"Operator"}},
		{"any short line printed twice", "WARREN BUFFETT\nWARREN BUFFETT\nGood morning.\n", []string{"WARREN BUFFETT"}},
		{"a sentence, even twice", "Operator\nHi.\nThank you.\nThank you.\n", []string{"Operator"}},
		{"a token dump, even twice", "Operator\nHi.\nI|2|||,|CA|[]|[]\nI|2|||,|CA|[]|[]\n", []string{"Operator"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Parse(tt.text, "plain")
			assert.NoError(t, err)
			var got []string
			for _, tr := range d.Turns {
				got = append(got, tr.Speaker)
			}
			assert.Equal(t, tt.speakers, got)
		})
	}
}

func TestHeaderTranslationShaped(t *testing.T) {
	assert.True(t, headerTranslationShaped("安德魯·賈西 - 總裁、執行長兼董事", true))
	assert.True(t, headerTranslationShaped("操作員", false))
	assert.False(t, headerTranslationShaped("謝謝你，戴夫。", false))
	assert.False(t, headerTranslationShaped("大家好,歡迎參加亞馬遜 2023 年第二季財務業績電話會議。", false))
}

func TestLines(t *testing.T) {
	got := Lines("a\n\n  b \t\nc")
	assert.Equal(t, []Line{{No: 1, Text: "a"}, {No: 2, Text: ""}, {No: 3, Text: "b"}, {No: 4, Text: "c"}}, got)
	assert.Equal(t, []Line{{No: 1, Text: "a"}}, Lines("a\n"))
	assert.Empty(t, Lines(""))
	assert.Equal(t, []Line{{No: 1, Text: "x"}}, Lines("\u3000x\u00a0"))
}

func TestIsNotice(t *testing.T) {
	assert.True(t, IsNotice("使用警語:中文譯文來源為 Google 翻譯,僅供參考,實際內容請以英文原文為主"))
	assert.True(t, IsNotice("Disclaimer: machine translation, for reference only"))
	assert.False(t, IsNotice("他們討論了 AWS 的增長潛力、雜貨業務的擴張以及生成式人工智能的影響。"))
}
