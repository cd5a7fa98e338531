package decode

import (
	"unicode/utf8"

	"github.com/transcript-cli/transcript/internal/textutil"
)

// commonSimplified and commonTraditional hold roughly the 450 most frequent
// Chinese characters in simplified and traditional form (characters that are
// the same in both scripts appear in either list). They are the evidence that
// tells Big5 from GB18030: a wrong guess still "decodes" — Big5 bytes are all
// valid GBK — but into rare characters, so the share of frequent ones drops.
const commonSimplified = "的一是不了在人有我他这个们中来上大为和国地到以说时要就出会可也你对生能而子那得于着下自之年过发后作里用道行所然家种事成方多经么去法学如都同现当没动面起看定天分还进好小部其些主样理心她本前开但因只从想实日军者意无力它与长把机十民第公此已工使情明性知全三又关点正业外将两高间由问很最重并物手应战向头文体政美相见被利什二等产或新己制身果加西斯月话合回特代内信表化老给世位次度门任常先海通教儿原东声提立及比员解水名真论处走义各入几口认条平系气题活尔更别打女变四神总何电数安少报才结反受目太量再感建务做接必场件计管期市直德资命山金指克许统区保至队形社便空决治展马科司五基眼书非则听白却界达光放强即像难且权思王象完设式色路记南品住告类求据程北边死张该交规万取拉格望觉术领共确传师观清今切院让识候带导争运笑飞风步改收根干造言联持组每济车亲极林服快办议往元英士证近失转夫令准布始怎呢存未远叫台单影具罗字爱击流备兵连调深商算质团集百需价花党华城石级整府离况亚请技际约示复病息究线似官火断精满支视消越器容照须九增研写称企八功吗包片史委乎查轻易早曾除农找装广显吧阿李标谈吃图念六引历首医局突专费号尽另周较注语仅考落青随选列武红响虽推势参希古众构房半节土投某案黑维革划敌致陈律足态护七兴派孩验责营星够章音跟志底站严巴例防族供效续施留讲型料终答紧黄绝奇察母京段依批群项故按河米围江织害斗双境客纪采举杀攻父苏密低朝友诉止细愿千值仍男钱破网热助倒育属坐帝限船脸职速刻乐否刚威毛状率甚独球般普怕弹校苦创假久错承印晚兰试股拿脑预谁益阳若哪微尼继送急血惊伤素药适波夜省初喜卫源食险待述陆习置居劳财环排福纳欢雷警获模充负云停木游龙树疑层冷洲冲射略范竟句室异激汉村策演简卡罪判担州静退既衣您宗积余痛检差富灵协角占配征修亿季销售额润户股投资增长"

const commonTraditional = "這們來為國說時會對發後裏裡動現當沒麼學經種與開還進從實軍無長機民點業將兩間問頭體見產見電東門關樣應戰內給於過氣題爾別變總數報結處義幾認條親極車服辦議遠單區隊則聽卻達光強難權象設記邊張規萬覺術領確傳師觀讓識帶導運飛風聯組濟員統許誰響雖勢參眾構節萬維劃敵陳態護興驗責營夠嚴續講終緊黃絕團質價黨華級離況亞請際約復線斷滿視須研寫稱嗎書歷醫專費號盡較語僅隨選紅資場計間應師習問題數據網熱屬帝職剛獨彈創錯蘭試腦預陽繼驚傷藥適衛險陸勞財環納歡獲負雲遊龍樹層範異漢簡擔靜積餘檢靈協徵億銷售額潤戶資增長營業務財務營運億網絡雜貨實體醫療保健亞馬遜雲端客戶謝謝您請問還是這個們會"

// commonPunct is full-width punctuation that real Chinese text is full of.
const commonPunct = "，。、：；？！「」『』（）《》“”‘’…—·　"

// frequent is a bitmap over the BMP of the characters above, so that scoring a
// decoded sample is one load and a mask per rune.
var frequent [0x10000 / 64]uint64

func init() {
	for _, s := range []string{commonSimplified, commonTraditional, commonPunct} {
		for _, r := range s {
			frequent[r>>6] |= 1 << (r & 63)
		}
	}
}

func isFrequent(r rune) bool {
	return r < 0x10000 && frequent[r>>6]&(1<<(r&63)) != 0
}

// score summarises how plausible a decoded sample is as Chinese text.
type score struct {
	nonASCII int // runes >= 0x80
	bad      int // U+FFFD, C1 controls and private-use runes: signs of a wrong guess
	freq     int // frequent Chinese characters and punctuation; Latin letters in words
	latin    int // of freq, the Latin letters and no-break spaces
}

func scoreText(b []byte) score {
	var s score
	for i := 0; i < len(b); {
		c := b[i]
		if c < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRune(b[i:])
		start := i
		i += n
		s.nonASCII++
		switch {
		case r == utf8.RuneError, r >= 0x80 && r < 0xA0, r >= 0xE000 && r < 0xF900:
			s.bad++
		case isFrequent(r):
			// Inside a Latin word ("K黨ne"), a Han character is an accented
			// letter read in the wrong code page: Windows-1252's "ü" and
			// "h" are GB18030's 黨. Punctuation there is what it says
			// ("we’re").
			if !textutil.IsHan(r) || !textutil.ASCIILetter(byteAt(b, start-1)) || !textutil.ASCIILetter(byteAt(b, i)) {
				s.freq++
			}
		case r == '\u00A0', latinLetter(r) && (textutil.ASCIIAlnum(byteAt(b, start-1)) || textutil.ASCIIAlnum(byteAt(b, i))):
			s.freq++
			s.latin++
		}
	}
	return s
}

// plausible: almost no bad runes and a good share of frequent characters.
// Real Chinese text scores 60-90% frequent; a wrong legacy decoding scores
// well under 30% (see TestScoreSeparation).
func (s score) plausible() bool {
	return s.nonASCII > 0 && s.bad*20 <= s.nonASCII && s.freq*10 >= s.nonASCII*3
}

// better ranks plausible candidates: the higher value wins; on a tie, the
// reading with fewer Latin letters (a Big5 車 beside a Latin word is also
// GB18030's ó: "BMW車"), then GB18030 (tried first).
func (s score) better(than score) bool {
	if v, w := s.value(), than.value(); v != w {
		return v > w
	}
	return s.latin < than.latin
}

// value is the share of frequent runes, bad runes weighing heavily against.
func (s score) value() float64 {
	if s.nonASCII == 0 {
		return 0
	}
	return float64(s.freq-4*s.bad) / float64(s.nonASCII)
}

// latinLetter reports a letter of Latin-1 (À to ÿ). An English transcript
// saved as GBK or GB18030, the "ANSI" code page of Chinese Windows, has
// nothing Chinese in it but such letters in names ("Crédit Suisse",
// "Zürich"), and a no-break space; read as Windows-1252 they would be
// mojibake ("Cr¨¦dit"). scoreText counts one only inside a word, next to
// an ASCII letter or digit: Big5 characters beside other Chinese read as
// the same bytes in GB18030 (富邦 as 碔ü), and Windows-1252 text does not
// read as them (its accented bytes pair with the next byte into Han
// characters or invalid sequences).
func latinLetter(r rune) bool { return r >= 0xC0 && r <= 0xFF && r != 0xD7 && r != 0xF7 }

// byteAt is b[i], or 0 outside b.
func byteAt(b []byte, i int) byte {
	if i < 0 || i >= len(b) {
		return 0
	}
	return b[i]
}
