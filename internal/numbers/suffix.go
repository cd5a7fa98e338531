package numbers

import "strings"

var currencies = []string{"US$", "C$", "A$", "HK$", "NT$", "$", "€", "£", "¥", "￥"}

// lookBehind records the currency symbol and the sign written before the
// digits at r.start and moves r.start over them.
func (sc *scanner) lookBehind(r *raw, inRange bool) {
	if inRange {
		return // a '-' there is the range separator, not a sign
	}
	s := sc.s
	i := r.start
	for _, p := range currencies {
		if strings.HasSuffix(s[:i], p) {
			r.currency = true
			i -= len(p)
			break
		}
	}
	// A minus sign not preceded by a letter or digit ("1-800", "COVID-19").
	for _, m := range []string{"-", "−"} {
		if strings.HasSuffix(s[:i], m) {
			b := i - len(m)
			if b == 0 || !isLetter(s[b-1]) && !isDigit(s[b-1]) && s[b-1] != '.' && s[b-1] != ',' {
				r.negative = true
				i = b
			}
			break
		}
	}
	if !r.negative {
		if sc.zh {
			if p, ps := prevRune(s, backSpaces(s, i)); p == '負' || p == '负' {
				r.negative = true
				i = ps
			}
		} else if w := wordBefore(s, i); lowerEq(w, "negative") || lowerEq(w, "minus") {
			r.negative = true
			i = backSpaces(s, i) - len(w)
		}
	}
	r.start = i
}

// scaleWords are the English scale words, longest first for each prefix.
var scaleWords = []struct {
	w string
	f float64
}{
	{"thousand", 1e3}, {"million", 1e6}, {"billion", 1e9}, {"trillion", 1e12},
	{"mn", 1e6}, {"bn", 1e9}, {"tn", 1e12},
}

// wordAt returns the end of the ASCII letter run at i.
func wordEnd(s string, i int) int {
	for i < len(s) && isLetter(s[i]) {
		i++
	}
	return i
}

func (r *raw) scale(f float64) {
	r.value *= f
	r.step *= f
	r.scaled = true
}

// suffix reads what follows the digits: an attached letter suffix (4x, $5B,
// 50bps), then a scale word or characters, then a unit.
func (sc *scanner) suffix(r *raw) {
	s := sc.s
	i := r.end
	if r.drop {
		return
	}
	if i < len(s) && isLetter(s[i]) {
		j := wordEnd(s, i)
		if j < len(s) && isDigit(s[j]) {
			*r = sc.dropIdent(*r)
			return
		}
		switch w := s[i:j]; w {
		case "x", "X":
			r.unit = "x"
		case "k", "K":
			r.scale(1e3)
		case "M", "MM", "mn", "mm":
			r.scale(1e6)
		case "B", "bn":
			r.scale(1e9)
		case "T", "tn", "trn":
			r.scale(1e12)
		case "bp", "bps", "bips":
			r.unit = "bp"
		case "st", "nd", "rd", "th":
			// 1st, 29th: a day or a rank, spelled in words in the translation.
			r.word = true
			r.end = j
			return
		case "s":
			if r.year { // 1990s, '90s
				break
			}
			*r = sc.dropIdent(*r)
			return
		default:
			if w == "m" && r.currency {
				r.scale(1e6)
				break
			}
			if w == "b" && r.currency {
				r.scale(1e9)
				break
			}
			// 3P, 2nd, 5G, 4K: identifiers and ordinals.
			*r = sc.dropIdent(*r)
			return
		}
		r.end = j
	} else if i+1 < len(s) && s[i] == '-' && isUpper(s[i+1]) {
		// 10-K, 10-Q, 8-K; "3-year" keeps its number.
		j := i + 1
		for j < len(s) && isUpper(s[j]) {
			j++
		}
		if j == len(s) || !isLetter(s[j]) {
			r.end = j
			r.drop = true
			return
		}
	}

	// Scale, after optional spaces.
	j := skipSpaces(s, r.end)
	if !r.scaled {
		if isLetter(byteAt(s, j)) {
			e := wordEnd(s, j)
			w := s[j:e]
			for _, sw := range scaleWords {
				if lowerEq(w, sw.w) || lowerEq(w, sw.w+"s") && len(sw.w) > 2 {
					r.scale(sw.f)
					r.end = e
					j = skipSpaces(s, e)
					break
				}
			}
		} else if f, e := zhScale(s, skipApprox(s, j)); f > 1 {
			r.scale(f)
			r.end = e
			j = skipSpaces(s, e)
		}
	}

	// The currency after a Chinese amount belongs to its span (1,344 億美元),
	// and marks it as an amount for range propagation.
	if sc.zh && r.unit == "" {
		for _, c := range zhCurrencies {
			if hasPrefix(s, j, c) {
				r.end = j + len(c)
				r.currency = true
				return
			}
		}
	}

	// Unit.
	switch {
	case hasPrefix(s, j, "%"):
		r.unit, r.end = "%", j+1
	case hasPrefix(s, j, "％"):
		r.unit, r.end = "%", j+3
	case isLetter(byteAt(s, j)):
		e := wordEnd(s, j)
		switch w := s[j:e]; {
		case lowerEq(w, "percent") || lowerEq(w, "pct"):
			r.unit, r.end = "%", e
		case lowerEq(w, "per") && hasPrefix(s, e, " cent"):
			r.unit, r.end = "%", e+5
		case lowerEq(w, "percentage"):
			r.unit, r.end = "%", e
			if k := skipSpaces(s, e); hasPrefix(s, k, "point") {
				r.end = wordEnd(s, k)
			}
		case lowerEq(w, "basis"):
			if k := skipSpaces(s, e); hasPrefix(s, k, "point") {
				r.unit, r.end = "bp", wordEnd(s, k)
			}
		case w == "bps" || w == "bp" || w == "bips":
			r.unit, r.end = "bp", e
		case lowerEq(w, "times"):
			r.unit, r.end = "x", e
		case lowerEq(w, "point") || lowerEq(w, "points") || lowerEq(w, "pts") || lowerEq(w, "pp"):
			// In an earnings call a bare "point" is a percentage point.
			r.unit, r.end = "%", e
		}
	default:
		for _, u := range zhUnits {
			if hasPrefix(s, j, u.w) {
				r.unit, r.end = u.u, j+len(u.w)
				return
			}
		}
		// "8 月" is a calendar month (not "8 個月"): spelled as a name in
		// English, so it is soft.
		if sc.zh && hasPrefix(s, j, "月") && !r.scaled && r.unit == "" {
			r.word = true
			r.end = j + len("月")
		}
	}
}

// skipApprox skips 多/餘/余 between a figure and its scale: "500 多億" is
// "over 50 billion".
func skipApprox(s string, i int) int {
	for _, a := range []string{"多", "餘", "余"} {
		if hasPrefix(s, i, a) {
			if _, w := zhScaleOf(s, i+len(a)); w > 0 {
				return i + len(a)
			}
		}
	}
	return i
}

func byteAt(s string, i int) byte {
	if i < len(s) {
		return s[i]
	}
	return 0
}

// zhCurrencies are currency words written after a Chinese amount.
var zhCurrencies = []string{"美元", "美金", "歐元", "欧元", "英鎊", "英镑", "日元", "日圓", "日圆",
	"港元", "港幣", "港币", "人民幣", "人民币", "新台幣", "新台币", "元"}

var zhUnits = []struct{ w, u string }{
	{"個百分點", "%"}, {"个百分点", "%"}, {"百分點", "%"}, {"百分点", "%"},
	{"個基點", "bp"}, {"个基点", "bp"}, {"基點", "bp"}, {"基点", "bp"},
	{"倍", "x"},
}

// zhScaleOf returns the multiplier of a Chinese scale character at i and
// its width, or 0.
func zhScaleOf(s string, i int) (float64, int) {
	if len(s)-i < 3 {
		return 0, 0
	}
	switch s[i : i+3] {
	case "十":
		return 10, 3
	case "百":
		if hasPrefix(s, i, "百分") {
			return 0, 0 // 百分點, 百分之: units, not a hundred
		}
		return 100, 3
	case "千":
		return 1e3, 3
	case "萬", "万":
		return 1e4, 3
	case "億", "亿":
		return 1e8, 3
	case "兆":
		return 1e12, 3
	}
	return 0, 0
}

// zhScale reads a run of scale characters (千億 = 1e11) at i.
func zhScale(s string, i int) (float64, int) {
	f := 1.0
	j := i
	for {
		m, w := zhScaleOf(s, j)
		if w == 0 {
			break
		}
		f *= m
		j += w
	}
	return f, j
}

// numeralOf returns the value of a Chinese numeral digit, or -1.
func numeralOf(r string) int {
	switch r {
	case "零", "〇":
		return 0
	case "一":
		return 1
	case "二", "兩", "两":
		return 2
	case "三":
		return 3
	case "四":
		return 4
	case "五":
		return 5
	case "六":
		return 6
	case "七":
		return 7
	case "八":
		return 8
	case "九":
		return 9
	}
	return -1
}

// measureWords follow a spelled-out Chinese number that counts something
// (兩個問題, 三家, 一倍); without one, 一 is usually part of a word (一些,
// 一直, 統一) and is ignored.
var measureWords = []string{"個", "个", "位", "項", "项", "次", "家", "種", "种", "件", "名", "款", "天", "週", "周", "年", "月", "倍", "條", "条", "間", "间", "層", "层", "大"}

// cjk scans Chinese numerals and 百分之 at i; it returns i when there is
// nothing to take.
func (sc *scanner) cjk(i int) int {
	s := sc.s
	if hasPrefix(s, i, "百分之") {
		j := skipSpaces(s, i+len("百分之"))
		if startsNumber(s, j) {
			r := sc.figure(j, true)
			r.start = i
			r.unit = "%"
			sc.emit(r)
			return r.end
		}
		v, e, ok := numeral(s, j)
		if ok {
			sc.emit(raw{start: i, end: e, value: v, unit: "%", step: 1, sig: 2})
			return e
		}
		return j
	}
	if len(s)-i < 3 || (numeralOf(s[i:i+3]) < 0 && s[i:i+3] != "十") {
		return i
	}
	v, e, ok := numeral(s, i)
	if !ok {
		return i
	}
	if p, _ := prevRune(s, i); p == '第' || p == '之' {
		return e // ordinal (第二季) or fraction (三分之一)
	}
	if hasPrefix(s, e, "分之") {
		return e
	}
	r := raw{start: i, end: e, value: v, word: true, step: 1, sig: 1}
	if p, _ := prevRune(s, i); p == '負' || p == '负' {
		r.value = -r.value
	}
	for _, u := range zhUnits {
		if hasPrefix(s, e, u.w) {
			r.unit, r.end = u.u, e+len(u.w)
			sc.emit(r)
			return r.end
		}
	}
	for _, m := range measureWords {
		if hasPrefix(s, e, m) {
			sc.emit(r)
			return r.end
		}
	}
	return e
}

// numeral parses a run of Chinese numerals (十一, 兩千, 二〇二三) at i.
func numeral(s string, i int) (float64, int, bool) {
	var total, section, num float64
	plain := true // digits only: 二〇二三 is read digit by digit
	var digits float64
	j := i
	n := 0
	for j+3 <= len(s) {
		c := s[j : j+3]
		if d := numeralOf(c); d >= 0 {
			num = float64(d)
			digits = digits*10 + float64(d)
			j += 3
			n++
			continue
		}
		m, w := zhScaleOf(s, j)
		if w == 0 {
			break
		}
		plain = false
		switch {
		case m < 1e4:
			if num == 0 && m == 10 {
				num = 1 // 十一 = 11
			}
			section += num * m
		default:
			total = (total + section + num) * m
			section = 0
		}
		num = 0
		j += w
		n++
	}
	if n == 0 {
		return 0, i, false
	}
	if plain {
		return digits, j, true
	}
	return total + section + num, j, true
}
