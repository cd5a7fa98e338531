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

func TestHeaderAt(t *testing.T) {
	known := map[string]bool{"Brian Nowak": true}
	tests := []struct {
		line    string
		doubled bool
		want    bool
	}{
		{"Dave Fildes - Director of IR", false, true}, // a title makes it certain
		{"Operator", false, true},
		{"Brian Nowak", false, true},      // seen before
		{"Colin Sebastian", false, false}, // a bare name once could be prose
		{"Colin Sebastian", true, true},   // printed twice
		{"WARREN BUFFETT", true, true},    // any short line printed twice
		{"Thank you.", true, false},       // a sentence, even twice
		{"I|2|||,|CA|[]|[]", true, false}, // a token dump, even twice
	}
	for _, tt := range tests {
		_, _, ok := headerAt(tt.line, tt.doubled, known)
		assert.Equal(t, tt.want, ok, "%q doubled=%v", tt.line, tt.doubled)
	}
}

func TestIsHeaderTranslation(t *testing.T) {
	assert.True(t, isHeaderTranslation("安德魯·賈西 - 總裁、執行長兼董事", "", true))
	assert.True(t, isHeaderTranslation("操作員", "Operator", false))
	assert.False(t, isHeaderTranslation("謝謝你，戴夫。", "Operator", false))
	assert.False(t, isHeaderTranslation("大家好,歡迎參加亞馬遜 2023 年第二季財務業績電話會議。", "Operator", false))
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
