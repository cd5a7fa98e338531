package align

import "github.com/transcript-cli/transcript/internal/textutil"

// Characters whose traditional and simplified forms differ and that are
// frequent in business text; each index pairs a traditional character with
// its simplified form.
const (
	traditionalChars = "們個來說為會對時國發經與業過後還進動實長現開關頭體點樣當沒種間問題應報務營價場資產網雲電話議變這從將們結費幣億萬張歲備設計畫劃爾數據區總營條際術銷買賣貨運達選擇財務師驗況廣興見覺記討論謝請讓"
	simplifiedChars  = "们个来说为会对时国发经与业过后还进动实长现开关头体点样当没种间问题应报务营价场资产网云电话议变这从将们结费币亿万张岁备设计画划尔数据区总营条际术销买卖货运达选择财务师验况广兴见觉记讨论谢请让"
)

// The telling characters as bit sets, so that each character costs a
// shift, not a map look-up.
var traditional, simplified = func() (t, s *textutil.CJKSet) {
	t, s = new(textutil.CJKSet), new(textutil.CJKSet)
	tr, sr := []rune(traditionalChars), []rune(simplifiedChars)
	for i := range tr {
		if tr[i] != sr[i] {
			t.Add(tr[i])
			s.Add(sr[i])
		}
	}
	return t, s
}()

// Variant tells Traditional ("zh-Hant") from Simplified ("zh-Hans") Chinese
// by counting characters that exist in only one of the two; "zh" when the
// text does not tell.
func Variant(texts []string) string {
	var t, s int
	for _, text := range texts {
		for _, r := range text {
			if traditional.Has(r) {
				t++
			} else if simplified.Has(r) {
				s++
			}
		}
		// A few hundred telling characters settle it; reading on would
		// only cost time.
		if t+s >= 400 && (t >= 4*s || s >= 4*t) {
			break
		}
	}
	switch {
	case t > s:
		return "zh-Hant"
	case s > t:
		return "zh-Hans"
	}
	return "zh"
}
