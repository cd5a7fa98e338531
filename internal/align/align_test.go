package align

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/transcript-cli/transcript/internal/model"
	"github.com/transcript-cli/transcript/internal/parse"
)

func TestScriptDetector(t *testing.T) {
	d := ScriptDetector{} // no fallback: balanced lines count as Chinese
	tests := []struct {
		text string
		want Lang
	}{
		{"Thank you, Dave. Good afternoon, everyone.", English},
		{"謝謝你,戴夫。大家下午好。", Chinese},
		{"謝謝，Rishi。", Chinese},
		{"谢谢，Rishi。", Chinese},
		{"Kirk Materne：是的，非常感谢。", Chinese},
		{"AWS Graviton 晶片", Chinese},
		{"The brand 天猫 (Tmall) grew 20% this quarter in China.", English},
		{"We launched in Shanghai (上海) and Beijing last month.", English},
		{"2023", English},
		{"---", Unknown},
		{"(Operator Instructions)", English},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, d.Detect(tt.text), tt.text)
	}
}

// fakeDetector answers from a table, to test that the fallback is asked only
// about balanced lines.
type fakeDetector map[string]Lang

func (f fakeDetector) Detect(s string) Lang { return f[s] }

func TestScriptDetectorFallback(t *testing.T) {
	fb := fakeDetector{"AWS Graviton 晶片": English}
	d := ScriptDetector{Fallback: fb}
	assert.Equal(t, English, d.Detect("AWS Graviton 晶片"))
	assert.Equal(t, Chinese, d.Detect("謝謝，Rishi。"), "settled by the script count")
}

func TestLinguaSettlesMixedLines(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the lingua models")
	}
	assert.Equal(t, English, Lingua{}.Detect("Thank you very much for the question, it is a good one."))
	assert.Equal(t, Chinese, Lingua{}.Detect("謝謝你的問題，這是個好問題。"))
}

func TestVariant(t *testing.T) {
	assert.Equal(t, "zh-Hant", Variant([]string{"我們對這個問題的看法"}))
	assert.Equal(t, "zh-Hans", Variant([]string{"我们对这个问题的看法"}))
	assert.Equal(t, "zh", Variant([]string{"你好"}))
}

// Paragraph texts of typical lengths: the Chinese about a third of the
// English.
var (
	en = []string{
		"Thank you, Dave. Good afternoon, everyone, and thanks for joining us today on the call.",
		"Today, we are reporting strong revenue and operating income, both above our guidance ranges.",
		"We are encouraged by the progress we are making on several key priorities this year.",
		"First, we continue to lower our cost to serve in our fulfillment network worldwide.",
		"Second, we keep improving the delivery speed for our customers in every region.",
	}
	zh = []string{
		"謝謝你,戴夫。大家下午好,感謝大家今天參加電話會議。",
		"今天,我們報告了強勁的收入和營業收入,均高於我們的指導範圍。",
		"我們對今年在幾個關鍵優先事項上的進展感到鼓舞。",
		"首先,我們繼續降低全球配送網路的服務成本。",
		"其次,我們持續提高各地區客戶的配送速度。",
	}
)

// doc makes a one-turn document from lines; "" separates blocks.
func doc(lines ...string) *parse.Document {
	turn := parse.Turn{Header: &parse.Line{No: 1, Text: "Operator"}, Speaker: "Operator"}
	var block []parse.Line
	for i, l := range lines {
		if l == "" {
			if block != nil {
				turn.Blocks = append(turn.Blocks, block)
			}
			block = nil
			continue
		}
		block = append(block, parse.Line{No: i + 2, Text: l})
	}
	if block != nil {
		turn.Blocks = append(turn.Blocks, block)
	}
	return &parse.Document{Turns: []parse.Turn{turn}}
}

type pair struct{ en, zh string }

func pairs(t *model.Transcript) []pair {
	var out []pair
	for _, turn := range t.Turns {
		for _, p := range turn.Paragraphs {
			var x pair
			if p.EN != nil {
				x.en = *p.EN
			}
			if p.ZH != nil {
				x.zh = *p.ZH
			}
			out = append(out, x)
		}
	}
	return out
}

func TestPairing(t *testing.T) {
	det := ScriptDetector{}
	tests := []struct {
		name  string
		lines []string
		want  []pair
	}{
		{"english first", []string{en[0], zh[0], en[1], zh[1]},
			[]pair{{en[0], zh[0]}, {en[1], zh[1]}}},
		{"chinese first", []string{zh[0], en[0], zh[1], en[1]},
			[]pair{{en[0], zh[0]}, {en[1], zh[1]}}},
		{"order switches mid-turn", []string{en[0], zh[0], zh[1], en[1], en[2], zh[2]},
			[]pair{{en[0], zh[0]}, {en[1], zh[1]}, {en[2], zh[2]}}},
		{"missing translation does not shift", []string{en[0], zh[0], en[1], en[2], zh[2], en[3], zh[3]},
			[]pair{{en[0], zh[0]}, {en[1], ""}, {en[2], zh[2]}, {en[3], zh[3]}}},
		{"orphan translation does not shift", []string{en[0], zh[0], zh[1], en[2], zh[2]},
			[]pair{{en[0], zh[0]}, {"", zh[1]}, {en[2], zh[2]}}},
		{"first translation missing", []string{en[0], en[1], zh[1], en[2], zh[2]},
			[]pair{{en[0], ""}, {en[1], zh[1]}, {en[2], zh[2]}}},
		{"last translation missing", []string{en[0], zh[0], en[1]},
			[]pair{{en[0], zh[0]}, {en[1], ""}}},
		{"blank line between every line", []string{en[0], "", zh[0], "", en[1], "", zh[1]},
			[]pair{{en[0], zh[0]}, {en[1], zh[1]}}},
		{"wrapped paragraphs in blocks", []string{
			"Thank you, Dave. Good afternoon,", "everyone, and thanks for joining", "us today on the call.", "",
			"謝謝你,戴夫。大家下午好,", "感謝大家今天參加電話會議。", "",
			en[1], zh[1]},
			[]pair{{en[0], zh[0]}, {en[1], zh[1]}}},
		{"balanced lines inside wrapped chinese", []string{
			"This is what our service Bedrock does, with models from", "Coda, Lonely Planet, Omnicom, 3M and Ryanair.", "",
			"這就是我們的服務 Bedrock 所做的,客戶包括", "Coda、Lonely Planet、Omnicom、3M、Ryanair、", "來自 Evercore ISI 的 Mark Mahaney。", "",
			en[1], zh[1]},
			[]pair{{"This is what our service Bedrock does, with models from Coda, Lonely Planet, Omnicom, 3M and Ryanair.",
				"這就是我們的服務 Bedrock 所做的,客戶包括Coda、Lonely Planet、Omnicom、3M、Ryanair、來自 Evercore ISI 的 Mark Mahaney。"}, {en[1], zh[1]}}},
		{"a line without letters ends a wrapped chinese block", []string{
			en[0], "", "謝謝你,戴夫。大家下午好,感謝大家今天參加電話會議", "?", "", en[1], zh[1]},
			[]pair{{en[0], "謝謝你,戴夫。大家下午好,感謝大家今天參加電話會議?"}, {en[1], zh[1]}}},
		{"a short balanced translation after its english stays a translation", []string{
			"AWS Graviton chips.", "AWS Graviton 晶片", "", en[1], "", zh[1]},
			[]pair{{"AWS Graviton chips.", "AWS Graviton 晶片"}, {en[1], zh[1]}}},
		{"wrapped english without blank lines", []string{
			"Thank you, Dave. Good afternoon, everyone, and", "thanks for joining us today on the call.", zh[0], en[1], zh[1]},
			[]pair{{"Thank you, Dave. Good afternoon, everyone, and thanks for joining us today on the call.", zh[0]}, {en[1], zh[1]}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Align(doc(tt.lines...), det)
			assert.Equal(t, tt.want, pairs(got))
		})
	}
}

func TestStatusesAndWarnings(t *testing.T) {
	got := Align(doc(en[0], zh[0], en[1], zh[2], en[3], zh[3]), ScriptDetector{})
	ps := got.Turns[0].Paragraphs
	require.Len(t, ps, 3)
	// en[1] then zh[2]: lengths fit, so they pair; nothing is left over.
	assert.Equal(t, model.Paired, ps[1].Status)

	got = Align(doc(en[0], zh[0], en[1], en[2], zh[2], zh[4], en[3], zh[3]), ScriptDetector{})
	var codes []string
	for _, w := range got.Warnings {
		codes = append(codes, w.Code)
	}
	assert.Equal(t, []string{model.MissingTranslation, model.OrphanTranslation}, codes)
	assert.Equal(t, 4, got.Warnings[0].Line)
	require.NotNil(t, got.Languages.Translation)
	assert.Equal(t, "zh-Hant", *got.Languages.Translation)
}

func TestEnglishOnly(t *testing.T) {
	got := Align(doc(en[0], en[1], en[2]), ScriptDetector{})
	assert.Nil(t, got.Languages.Translation)
	require.Len(t, got.Warnings, 1, "one warning, not one per paragraph")
	assert.Equal(t, "no_translation", got.Warnings[0].Code)
	for _, p := range got.Turns[0].Paragraphs {
		assert.Nil(t, p.ZH)
		assert.Equal(t, model.MissingTranslation, p.Status)
	}
}

func TestJoin(t *testing.T) {
	assert.Equal(t, "a b", join("a", "b", English))
	assert.Equal(t, "謝謝你感謝", join("謝謝你", "感謝", Chinese))
	assert.Equal(t, "使用 AWS Graviton", join("使用 AWS", "Graviton", Chinese))
	assert.Equal(t, "Microsoft 365 商业云", join("Microsoft", "365 商业云", Chinese))
	assert.Equal(t, "第 3季度", join("第 3", "季度", Chinese)) // beside a Han character, no space
	assert.Equal(t, "收入为2026 年", join("收入为", "2026 年", Chinese))
	assert.False(t, wrapped("He said.", "and then", English))
	assert.True(t, wrapped("He said", "and then", English))
	assert.False(t, wrapped("He said", "And then", English))
	assert.False(t, strings.Contains(join("x", "y", English), "  "))
}
