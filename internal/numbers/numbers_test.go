package numbers

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// n builds an expected Number; only the exported fields are compared.
func n(text string, v float64, unit string) Number { return Number{Text: text, Value: v, Unit: unit} }

func w(text string, v float64, unit string) Number {
	return Number{Text: text, Value: v, Unit: unit, Word: true}
}

// public drops the unexported bookkeeping so results compare with literals.
func public(ns []Number) []Number {
	if len(ns) == 0 {
		return nil
	}
	out := make([]Number, len(ns))
	for i, x := range ns {
		out[i] = Number{Text: x.Text, Value: x.Value, Unit: x.Unit, Word: x.Word}
	}
	return out
}

func requireNumbers(t *testing.T, want, got []Number) {
	t.Helper()
	got = public(got)
	require.Len(t, got, len(want), "got %+v", got)
	for i := range want {
		require.Equal(t, want[i].Text, got[i].Text, "text %d in %+v", i, got)
		require.InEpsilon(t, want[i].Value, got[i].Value, 1e-9, "value %d in %+v", i, got)
		require.Equal(t, want[i].Unit, got[i].Unit, "unit %d in %+v", i, got)
		require.Equal(t, want[i].Word, got[i].Word, "word %d in %+v", i, got)
	}
}

func TestEnglish(t *testing.T) {
	tests := []struct {
		in   string
		want []Number
	}{
		{"revenue of $134.4 billion", []Number{n("$134.4 billion", 134.4e9, "")}},
		{"1,000 units and 1,234,567.5 more", []Number{n("1,000", 1000, ""), n("1,234,567.5", 1234567.5, "")}},
		{"about .5 of it", []Number{n(".5", 0.5, "")}},
		{"€3 million, £2bn, ¥5 thousand, US$7.5M", []Number{n("€3 million", 3e6, ""), n("£2bn", 2e9, ""), n("¥5 thousand", 5e3, ""), n("US$7.5M", 7.5e6, "")}},
		{"$10 mn and $2 bn and $5k and 3 trillion", []Number{n("$10 mn", 1e7, ""), n("$2 bn", 2e9, ""), n("$5k", 5e3, ""), n("3 trillion", 3e12, "")}},
		{"grew 11% or 11 percent", []Number{n("11%", 11, "%"), n("11 percent", 11, "%")}},
		{"up 50 basis points, 50 bps, 50bp", []Number{n("50 basis points", 50, "bp"), n("50 bps", 50, "bp"), n("50bp", 50, "bp")}},
		{"2 percentage points and six points", []Number{n("2 percentage points", 2, "%"), w("six points", 6, "%")}},
		{"4x faster, 10 times larger", []Number{n("4x", 4, "x"), n("10 times", 10, "x")}},
		{"margin of -3% and negative 2% and minus 4", []Number{n("-3%", -3, "%"), n("negative 2%", -2, "%"), n("minus 4", -4, "")}},
		{"a loss of (3)", []Number{n("3", 3, "")}},
		{"$29.4 to $29.6 billion", []Number{n("$29.4", 29.4e9, ""), n("$29.6 billion", 29.6e9, "")}},
		{"$37.0-$37.3 billion", []Number{n("$37.0", 37e9, ""), n("$37.3 billion", 37.3e9, "")}},
		{"between 11% and 13%", []Number{n("11%", 11, "%"), n("13%", 13, "%")}},
		{"between 39 and 40% growth", []Number{n("39", 39, "%"), n("40%", 40, "%")}},
		{"11-13%; 11% to 13%", []Number{n("11", 11, "%"), n("13%", 13, "%"), n("11%", 11, "%"), n("13%", 13, "%")}},
		{"from 2022 to 5 billion", []Number{n("2022", 2022, ""), n("5 billion", 5e9, "")}},
		{"1.8 billion units", []Number{n("1.8 billion", 1.8e9, "")}},
		{"two questions, a billion dollars, twenty-five", []Number{w("two", 2, ""), w("a billion", 1e9, ""), w("twenty-five", 25, "")}},
		{"a few of them", nil},
		{"today, August 3, 2023 only", []Number{w("August", 8, ""), n("3", 3, ""), n("2023", 2023, "")}},
		{"you may see in May 5 and Apr. 29", []Number{w("May", 5, ""), n("5", 5, ""), w("Apr", 4, ""), n("29", 29, "")}},
		{"Form 10-K, 10-Q, Q2 2023, Quarter 2 2023", []Number{n("2023", 2023, ""), n("2023", 2023, "")}},
		{"COVID-19, S&P 500, AI21 Labs, 3P sellers, GPT-4, 5G", []Number{n("500", 500, "")}},
		{"January 1st and the 2nd", []Number{w("January", 1, ""), w("1st", 1, ""), w("2nd", 2, "")}},
		{"the 1990s and the '90s", []Number{n("1990s", 1990, ""), w("'90s", 1990, "")}},
		{"off 2 1/2 points, 99½ percent, 24/7", []Number{n("2 1/2 points", 2.5, "%"), n("99½ percent", 99.5, "%"), n("24", 24, ""), n("7", 7, "")}},
		{"half a percent, half a billion, half of it", []Number{w("half a percent", 0.5, "%"), w("half a billion", 5e8, "")}},
		{"a hundred percent", []Number{w("a hundred percent", 100, "%")}},
		{"at 5:00 p.m. ET, 12:15", []Number{w("5", 5, ""), w("12", 12, ""), w("15", 15, "")}},
		{"from 5 to 6:30 p.m.", []Number{n("5", 5, ""), w("6", 6, ""), w("30", 30, "")}},
		{"a 3-year deal", []Number{n("3", 3, "")}},
		{"Q2 of '23", []Number{w("'23", 2023, "")}},
		{"version 1.2.3", nil},
		{"in 2023.", []Number{n("2023", 2023, "")}},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) { requireNumbers(t, tt.want, English(tt.in)) })
	}
}

func TestChinese(t *testing.T) {
	tests := []struct {
		in   string
		want []Number
	}{
		{"收入為 1,344 億美元", []Number{n("1,344 億美元", 134.4e9, "")}},
		{"18 億、3.75 億件、7,700 萬", []Number{n("18 億", 1.8e9, ""), n("3.75 億", 3.75e8, ""), n("7,700 萬", 7.7e7, "")}},
		{"1344亿美元和7700万和1兆", []Number{n("1344亿美元", 134.4e9, ""), n("7700万", 7.7e7, ""), n("1兆", 1e12, "")}},
		{"1 千億和 5 百萬和 10 萬", []Number{n("1 千億", 1e11, ""), n("5 百萬", 5e6, ""), n("10 萬", 1e5, "")}},
		{"５０％和１，２３４", []Number{n("５０％", 50, "%"), n("１，２３４", 1234, "")}},
		{"增長 11%，百分之十一，百分之 12", []Number{n("11%", 11, "%"), n("百分之十一", 11, "%"), n("百分之 12", 12, "%")}},
		{"620 個基點和 50 个基点", []Number{n("620 個基點", 620, "bp"), n("50 个基点", 50, "bp")}},
		{"2 個百分點", []Number{n("2 個百分點", 2, "%")}},
		{"4 倍", []Number{n("4 倍", 4, "x")}},
		{"37.95 美元至 382.5 亿美元", []Number{n("37.95 美元", 37.95e8, ""), n("382.5 亿美元", 382.5e8, "")}},
		{"29.4 至 29.6 億", []Number{n("29.4", 29.4e8, ""), n("29.6 億", 29.6e8, "")}},
		{"29.4-29.6 亿", []Number{n("29.4", 29.4e8, ""), n("29.6 亿", 29.6e8, "")}},
		{"29.4 至 296 亿美元", []Number{n("29.4", 29.4e8, ""), n("296 亿美元", 296e8, "")}},
		{"11% 至 13%，11-13%", []Number{n("11%", 11, "%"), n("13%", 13, "%"), n("11", 11, "%"), n("13%", 13, "%")}},
		{"負 3% 和负 2 和 -4%", []Number{n("負 3%", -3, "%"), n("负 2", -2, ""), n("-4%", -4, "%")}},
		{"下降 3%", []Number{n("3%", 3, "%")}},
		{"2023 年第二季、第 2 季", []Number{n("2023", 2023, "")}},
		{"兩個問題、三家、一些、一直、統一", []Number{w("兩", 2, ""), w("三", 3, "")}},
		{"增加一倍，十一個", []Number{w("一倍", 1, "x"), w("十一", 11, "")}},
		{"2023 年 8 月 3 日", []Number{n("2023", 2023, ""), w("8 月", 8, ""), n("3", 3, "")}},
		{"3 個月", []Number{n("3", 3, "")}},
		{"500 多億美元", []Number{n("500 多億美元", 5e10, "")}},
		{"Q2、10-K、COVID-19", nil},
		{"下午 5:30", []Number{w("5", 5, ""), w("30", 30, "")}},
		{"千萬不要", nil},
		{"5 至 6:30", []Number{n("5", 5, ""), w("6", 6, ""), w("30", 30, "")}},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) { requireNumbers(t, tt.want, Chinese(tt.in)) })
	}
}

func TestCompare(t *testing.T) {
	tests := []struct {
		en, zh   string
		mismatch bool
		matched  int
	}{
		{"$134.4 billion in revenue and $7.7 billion", "1,344 億美元的收入和 77 億美元", false, 2},
		{"COGS of $29.4 to $29.6 billion", "销货成本为 29.4 至 296 亿美元", true, 1},
		{"COGS of $29.4 to $29.6 billion", "销货成本为 294 至 296 亿美元", false, 2},
		{"COGS of $2.94 to $2.96 billion", "销货成本为 29.4 至 29.6 亿美元", false, 2},
		{"grew 12%", "成長 12%", false, 1},
		{"grew 12%", "成長 13%", true, 0},
		{"grew 12.4%", "成長 12%", false, 1},      // rounded
		{"1.4 billion", "10 億", true, 0},        // one significant digit does not round
		{"12%", "12", true, 0},                  // units must agree
		{"50 basis points", "50 個基點", false, 1}, // bp
		{"two questions", "2 個問題", false, 1},
		{"2 questions", "兩個問題", false, 1},
		{"one of the best", "最好的之一", false, 0},
		{"August 3, 2023", "2023 年 8 月 3 日", false, 3},
		{"Q2 2023", "2023 年第二季", false, 1},
		{"Form 10-K", "10-K 表格", false, 0},
		{"2 and 2", "2", true, 1}, // multiset: each number once
		{"by one point", "1 个百分点", false, 1},
		{"Q2 of '23", "2023 年第二季", false, 1},
		{"FY '26", "26 财年", false, 1},
		{"negative 3%", "負 3%", false, 1},
		{"over $50 billion", "500 多億美元", false, 1},
	}
	for _, tt := range tests {
		t.Run(tt.en+"|"+tt.zh, func(t *testing.T) {
			c := Compare(tt.en, tt.zh)
			require.Equal(t, tt.mismatch, c.Mismatch(), "%+v", c)
			require.Len(t, c.Matched, tt.matched, "%+v", c)
		})
	}
}

func FuzzCompare(f *testing.F) {
	f.Add("$29.4 to $29.6 billion, 11-13%, negative 2%", "29.4 至 296 亿美元，11% 至 13%，負 2%")
	f.Add("two questions on August 3, 2023", "兩個問題 2023 年 8 月 3 日")
	f.Add("Q2 '23 10-K 5:30 .5 1,000", "百分之十一 ５０％ 千億 第二季")
	f.Fuzz(func(t *testing.T, en, zh string) {
		c := Compare(en, zh)
		if got, want := len(c.Matched)+len(c.ENOnly), len(English(en)); got != want {
			t.Fatalf("matched+en_only = %d, English() = %d", got, want)
		}
		if got, want := len(c.Matched)+len(c.ZHOnly), len(Chinese(zh)); got != want {
			t.Fatalf("matched+zh_only = %d, Chinese() = %d", got, want)
		}
		c2 := Compare(en, zh)
		require.Equal(t, c, c2)
	})
}

func TestCheckJSON(t *testing.T) {
	b, err := json.Marshal(Compare("grew 12% to $7.7 billion in two years", "兩年內成長 13% 至 77 億美元"))
	require.NoError(t, err)
	require.JSONEq(t, `{
		"matched": [{"en": {"text": "$7.7 billion", "value": 7.7e9}, "zh": {"text": "77 億美元", "value": 7.7e9}},
		            {"en": {"text": "two", "value": 2, "word": true}, "zh": {"text": "兩", "value": 2, "word": true}}],
		"en_only": [{"text": "12%", "value": 12, "unit": "%"}],
		"zh_only": [{"text": "13%", "value": 13, "unit": "%"}]
	}`, string(b))
}

// TestCompareManyNumbers: past the full search, numbers still pair with
// their partners near the same relative position.
func TestCompareManyNumbers(t *testing.T) {
	var en, zh []string
	for i := range 3000 {
		en = append(en, fmt.Sprintf("revenue of $%d.5 billion", i+1))
		zh = append(zh, fmt.Sprintf("收入 %d5 億美元", i+1))
	}
	c := Compare(strings.Join(en, ", "), strings.Join(zh, "，"))
	require.Len(t, c.Matched, 3000)
	require.Empty(t, c.ENOnly)
	require.Empty(t, c.ZHOnly)
}

// TestHugeNumbersAreDropped: hundreds of digits overflow float64; such a
// "number" is left out rather than carried as +Inf into JSON.
func TestHugeNumbersAreDropped(t *testing.T) {
	huge := strings.Repeat("9", 400)
	require.Empty(t, English("revenue of "+huge+" dollars"))
	require.Empty(t, Chinese("收入 "+huge+" 美元"))
	c := Compare(huge, huge)
	require.Empty(t, c.Matched)
}

func TestAgree(t *testing.T) {
	tests := []struct {
		en, zh string
		want   bool
	}{
		{"$134.4 billion", "1,344 億美元", true},
		{"12.4%", "12%", true},         // rounded, two significant digits left
		{"1.4 billion", "10 億", false}, // one significant digit is no rounding
		{"11%", "11", false},           // units differ
		{"two questions", "兩個問題", true},
		{"FY '26", "26 财年", true}, // a year's other reading
		{"3", "4", false},
	}
	for _, tt := range tests {
		es, zs := English(tt.en), Chinese(tt.zh)
		require.Len(t, es, 1, tt.en)
		require.Len(t, zs, 1, tt.zh)
		require.Equal(t, tt.want, Agree(es[0], zs[0]), "%s / %s", tt.en, tt.zh)
	}
}
