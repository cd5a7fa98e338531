package numbers

// The vocabulary of the scanner: every word, sign, suffix, scale and unit
// it knows, as data. The scanner in scan.go, figure.go, suffix.go, words.go
// and chinese.go reads these tables through the matchers of match.go and
// knows none of the words itself; adding a word is adding a row. Lists
// whose members share a prefix are ordered longest first ("US$" before
// "$"), since the first match wins.

// currencies are the currency signs written before a figure.
var currencies = []string{"US$", "C$", "A$", "HK$", "NT$", "$", "€", "£", "¥", "￥"}

// minusSigns written right before the digits ("-3%", "−3%").
var minusSigns = []string{"-", "−"}

// negativeWords and negativeChars before a figure make it negative; 下降
// (“down”) is a word, not a sign.
var (
	negativeWords = newWordList("negative", "minus")
	negativeChars = []rune{'負', '负'}
)

// ordinalWords before a figure make it a label, not a number: Quarter 2,
// Q 2. ordinalChar (第) does the same in Chinese (第二季, 第 2 季).
var ordinalWords = newWordList("quarter", "q")

const ordinalChar = '第'

// rangeMarks join the two ends of a range ("11-13%", "29.4 至 29.6 億");
// rangeWords do so in English only when spaced ("29.4 to 29.6 billion"),
// "and" only after "between" ("between 39 and 40%": "11% and 13%" alone
// are two numbers).
var (
	rangeMarks = []string{"-", "–", "—", "~", "～", "至", "到"}
	rangeWords = []struct{ word, before string }{{"to", ""}, {"through", ""}, {"and", "between"}}
	// rangeWordStarts are their first letters (they are matched exactly).
	rangeWordStarts = func() (b byteSet) {
		for _, rw := range rangeWords {
			b.add(rw.word[0])
		}
		return b
	}()
)

// decimalPoints and groupSeparators inside a figure, ASCII and full-width.
var (
	decimalPoints   = []string{".", "．"}
	groupSeparators = []string{",", "，"}
)

// apostrophes before a two-digit year ('23, ’90s).
var apostrophes = []string{"'", "’"}

// fractions written after an integer: "99½".
var fractions = []struct {
	sign       string
	value, den float64
}{{"½", 0.5, 2}, {"¼", 0.25, 4}, {"¾", 0.75, 4}}

// suffixKind is what a suffix does to the figure before it.
type suffixKind uint8

const (
	setUnit      suffixKind = iota + 1 // the suffix is the unit
	setScale                           // the suffix multiplies
	currencyOnly                       // a scale only after a currency ("$5m"); else an identifier
	ordinal                            // 1st, 29th: a day or a rank, spelled in words in the translation
	decade                             // 1990s, '90s: only after a year; else an identifier
)

// attached are the letters glued to the digits ("4x", "$5B", "50bps",
// "1st"), matched exactly. Any other letters make the figure an identifier
// (3P, 5G, 4K).
var attached = []struct {
	letters string
	kind    suffixKind
	unit    string
	scale   float64
}{
	{"x", setUnit, "x", 0}, {"X", setUnit, "x", 0},
	{"k", setScale, "", 1e3}, {"K", setScale, "", 1e3},
	{"M", setScale, "", 1e6}, {"MM", setScale, "", 1e6}, {"mn", setScale, "", 1e6}, {"mm", setScale, "", 1e6},
	{"B", setScale, "", 1e9}, {"bn", setScale, "", 1e9},
	{"T", setScale, "", 1e12}, {"tn", setScale, "", 1e12}, {"trn", setScale, "", 1e12},
	{"m", currencyOnly, "", 1e6}, {"b", currencyOnly, "", 1e9},
	{"bp", setUnit, "bp", 0}, {"bps", setUnit, "bp", 0}, {"bips", setUnit, "bp", 0},
	{"st", ordinal, "", 0}, {"nd", ordinal, "", 0}, {"rd", ordinal, "", 0}, {"th", ordinal, "", 0},
	{"s", decade, "", 0},
}

// scaleWords are the English scale words after a figure, in any case; the
// longer ones also in the plural ("5 millions").
var scaleWords = []struct {
	w string
	f float64
}{
	{"thousand", 1e3}, {"million", 1e6}, {"billion", 1e9}, {"trillion", 1e12},
	{"mn", 1e6}, {"bn", 1e9}, {"tn", 1e12},
}

// percentSigns after a figure.
var percentSigns = []string{"%", "％"}

// unitWords are the English unit words after a figure (and its scale), in
// any case unless exact. A tail is what must (or, when optional, may)
// follow the word: right after it, or, when spaced, as the start of the
// next word, which the span then takes in full ("basis points").
//
// In an earnings call a bare "point" is a percentage point.
var unitWords = []struct {
	w        string
	exact    bool
	unit     string
	tail     string
	spaced   bool
	optional bool
}{
	{w: "percent", unit: "%"},
	{w: "pct", unit: "%"},
	{w: "per", unit: "%", tail: " cent"},
	{w: "percentage", unit: "%", tail: "point", spaced: true, optional: true},
	{w: "basis", unit: "bp", tail: "point", spaced: true},
	{w: "bps", exact: true, unit: "bp"},
	{w: "bp", exact: true, unit: "bp"},
	{w: "bips", exact: true, unit: "bp"},
	{w: "times", unit: "x"},
	{w: "point", unit: "%"},
	{w: "points", unit: "%"},
	{w: "pts", unit: "%"},
	{w: "pp", unit: "%"},
}

// zhScales are the Chinese scale characters; a run multiplies (千億 =
// 1e11). 百 followed by 分 is no hundred: 百分點 and 百分之 are units.
var zhScales = []struct {
	r rune
	f float64
}{
	{'十', 10}, {'百', 100}, {'千', 1e3}, {'萬', 1e4}, {'万', 1e4}, {'億', 1e8}, {'亿', 1e8}, {'兆', 1e12},
}

const (
	zhHundred   = '百'
	zhPercentOf = "百分之" // 百分之十一 = 11%
	zhFraction  = "分之"  // 三分之一: a fraction, not a count
	zhFractionC = '之'
	zhMonth     = "月" // "8 月" is a calendar month, not "8 個月"
)

// zhApprox between a figure and its scale: "500 多億" is "over 50 billion".
var zhApprox = []string{"多", "餘", "余"}

// zhNumerals are the Chinese numeral digits; with the scales they spell
// numbers (十一, 兩千, 二〇二三).
var zhNumerals = []struct {
	r rune
	v int
}{
	{'零', 0}, {'〇', 0}, {'一', 1}, {'二', 2}, {'兩', 2}, {'两', 2}, {'三', 3}, {'四', 4},
	{'五', 5}, {'六', 6}, {'七', 7}, {'八', 8}, {'九', 9},
}

// zhCurrencies are currency words written after a Chinese amount.
var zhCurrencies = []string{"美元", "美金", "歐元", "欧元", "英鎊", "英镑", "日元", "日圓", "日圆",
	"港元", "港幣", "港币", "人民幣", "人民币", "新台幣", "新台币", "元"}

// zhUnits after a figure, in both languages' scanners.
var zhUnits = []struct{ w, u string }{
	{"個百分點", "%"}, {"个百分点", "%"}, {"百分點", "%"}, {"百分点", "%"},
	{"個基點", "bp"}, {"个基点", "bp"}, {"基點", "bp"}, {"基点", "bp"},
	{"倍", "x"},
}

// measureWords follow a spelled-out Chinese number that counts something
// (兩個問題, 三家, 一倍); without one, 一 is usually part of a word (一些,
// 一直, 統一) and is ignored.
const measureWords = "個个位項项次家種种件名款天週周年月倍條条間间層层大"

// wordKind is what an English word is to the scanner.
type wordKind uint8

const (
	numberWord wordKind = iota + 1 // one … ninety
	article                        // a, an: a number only before a scale or unit ("a billion")
	halfWord                       // half: only as "half a …" before a scale or unit
	monthName                      // August: only capitalised; see monthNeedsDay
)

// englishWords are the spelled-out English numbers worth extracting; larger
// ones are written in digits in practice. The month names join them from
// textutil.Months (see words.go), so that "August 3, 2023" lines up with
// 2023 年 8 月 3 日.
var englishWords = []wordEntry{
	{"one", 1, numberWord}, {"two", 2, numberWord}, {"three", 3, numberWord}, {"four", 4, numberWord},
	{"five", 5, numberWord}, {"six", 6, numberWord}, {"seven", 7, numberWord}, {"eight", 8, numberWord},
	{"nine", 9, numberWord}, {"ten", 10, numberWord}, {"eleven", 11, numberWord}, {"twelve", 12, numberWord},
	{"thirteen", 13, numberWord}, {"fourteen", 14, numberWord}, {"fifteen", 15, numberWord},
	{"sixteen", 16, numberWord}, {"seventeen", 17, numberWord}, {"eighteen", 18, numberWord},
	{"nineteen", 19, numberWord}, {"twenty", 20, numberWord}, {"thirty", 30, numberWord},
	{"forty", 40, numberWord}, {"fifty", 50, numberWord}, {"sixty", 60, numberWord},
	{"seventy", 70, numberWord}, {"eighty", 80, numberWord}, {"ninety", 90, numberWord},
	{"a", 1, article}, {"an", 1, article},
	{"half", 0.5, halfWord},
}

// Around English number words: a month abbreviation takes a dot ("Apr.
// 29"), "half" an article ("half a percent"), and tens a hyphenated unit
// ("twenty-five").
const (
	monthDot    = "."
	halfArticle = "a "
	tensHyphen  = "-"
)

// multiplierWords multiply a spelled-out number before them ("two
// hundred"); after digits they are no scale ("5 hundred" is 5).
var multiplierWords = []struct {
	w string
	f float64
}{{"hundred", 100}}

// The lists above that are matched at a position, with their first and
// last bytes.
var (
	currencyLits   = newLiterals(currencies...)
	minusLits      = newLiterals(minusSigns...)
	rangeMarkLits  = newLiterals(rangeMarks...)
	decimalLits    = newLiterals(decimalPoints...)
	groupLits      = newLiterals(groupSeparators...)
	apostropheLits = newLiterals(apostrophes...)
	fractionLits   = newLiterals(column(len(fractions), func(k int) string { return fractions[k].sign })...)
	percentLits    = newLiterals(percentSigns...)
	zhApproxLits   = newLiterals(zhApprox...)
	zhCurrencyLits = newLiterals(zhCurrencies...)
	zhUnitLits     = newLiterals(column(len(zhUnits), func(k int) string { return zhUnits[k].w })...)
)

// column is one field of each of the n rows of a table, by row index.
func column[F any](n int, field func(k int) F) []F {
	out := make([]F, n)
	for k := range out {
		out[k] = field(k)
	}
	return out
}
