package convert

import (
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/encoding/unicode"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/transcript-cli/transcript/internal/decode"
	"github.com/transcript-cli/transcript/internal/model"
	"github.com/transcript-cli/transcript/internal/textutil"
)

// The variants of issue 3 are generated from the reference file rather than
// kept as dozens of edited copies: each is a rendering of the same items
// with one real-world difference.

type kind int

const (
	summary kind = iota
	notice
	header
	english
	chinese
)

type item struct {
	kind kind
	text string
	pair int // index of the English/Chinese pair, for paragraphs
}

// items reads the reference file's structure: 6 summary lines, a notice,
// then doubled headers and English/Chinese line pairs.
func items(ref string) []item {
	lines := strings.Split(strings.TrimRight(ref, "\n"), "\n")
	var out []item
	pair := 0
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		switch {
		case i < 6:
			out = append(out, item{kind: summary, text: l})
		case i == 6:
			out = append(out, item{kind: notice, text: l})
		case i+1 < len(lines) && lines[i+1] == l:
			out = append(out, item{kind: header, text: l})
			i++
		case textutil.HasHan(l) && textutil.Count(l).Han > textutil.Count(l).LatinWords:
			out = append(out, item{kind: chinese, text: l, pair: pair})
			pair++
		default:
			out = append(out, item{kind: english, text: l, pair: pair})
		}
	}
	return out
}

// render writes items in the reference layout: headers twice.
func render(its []item, headerTimes int) string {
	var b strings.Builder
	for _, it := range its {
		n := 1
		if it.kind == header {
			n = headerTimes
		}
		for range n {
			b.WriteString(it.text)
			b.WriteByte('\n')
		}
	}
	return b.String()
}

type variant struct {
	name string
	text string
	// edit turns the clean file's expected pairs into this variant's;
	// nil when they are the same.
	edit func(p *pair, index int)
	// translation is the expected languages.translation ("" for null).
	translation string
	// encoding is the expected source.encoding ("" for utf-8).
	encoding string
}

type pair struct{ EN, ZH string }

func mapItems(its []item, f func(it item) []item) []item {
	var out []item
	for _, it := range its {
		out = append(out, f(it)...)
	}
	return out
}

func wrapEnglish(s string, width int) []string {
	var lines []string
	var cur strings.Builder
	for _, w := range strings.Fields(s) {
		if cur.Len() > 0 && cur.Len()+1+len(w) > width {
			lines = append(lines, cur.String())
			cur.Reset()
		}
		if cur.Len() > 0 {
			cur.WriteByte(' ')
		}
		cur.WriteString(w)
	}
	return append(lines, cur.String())
}

// wrapChinese breaks only between two ideographs, where rejoining with
// nothing gives the text back.
func wrapChinese(s string, width int) []string {
	var lines []string
	rs := []rune(s)
	start := 0
	for i := 1; i < len(rs); i++ {
		if i-start >= width && textutil.IsHan(rs[i-1]) && textutil.IsHan(rs[i]) {
			lines = append(lines, string(rs[start:i]))
			start = i
		}
	}
	return append(lines, string(rs[start:]))
}

func toSimplified(s string) string {
	t := []rune("們個來說為會對時國發經與業過後還進動實長現開關頭體點樣當沒種間問題應報務營價場資產網雲電話議變這從將結費幣億萬張歲備設計畫劃爾數據區總條際術銷買賣貨運達選擇師驗況廣興見覺記討論謝請讓")
	z := []rune("们个来说为会对时国发经与业过后还进动实长现开关头体点样当没种间问题应报务营价场资产网云电话议变这从将结费币亿万张岁备设计画划尔数据区总条际术销买卖货运达选择师验况广兴见觉记讨论谢请让")
	m := map[rune]rune{}
	for i := range t {
		m[t[i]] = z[i]
	}
	return strings.Map(func(r rune) rune {
		if s, ok := m[r]; ok {
			return s
		}
		return r
	}, s)
}

func variants(ref string) []variant {
	its := items(ref)
	clean := render(its, 2)
	lines := strings.Split(strings.TrimSuffix(clean, "\n"), "\n")
	join := func(sep string) string { return strings.Join(lines, sep) + sep }
	var vs []variant
	add := func(name, text string) { vs = append(vs, variant{name: name, text: text, translation: "zh-Hant"}) }

	add("clean", clean)
	add("crlf", join("\r\n"))
	add("cr", join("\r"))
	add("no final newline", strings.TrimSuffix(clean, "\n"))
	var mixed strings.Builder
	for i, l := range lines {
		mixed.WriteString(l)
		mixed.WriteString([]string{"\n", "\r\n", "\r"}[i%3])
	}
	add("mixed line endings", mixed.String())
	add("utf-8 bom", "\uFEFF"+clean)
	add("blank line between every line", join("\n\n"))
	add("trailing white space", strings.Join(lines, " \t\u00a0\u3000\n")+"\n")
	add("leading white space", "\u3000"+strings.Join(lines, "\n\u00a0 ")+"\n")
	add("header printed once", render(its, 1))
	add("header printed three times", render(its, 3))
	add("blank line between paragraphs", render(mapItems(its, func(it item) []item {
		if it.kind == chinese {
			return []item{it, {kind: summary, text: ""}}
		}
		return []item{it}
	}), 2))
	wrapped := func(enWidth, zhWidth int) string {
		return render(mapItems(its, func(it item) []item {
			var parts []string
			switch it.kind {
			case english:
				parts = wrapEnglish(it.text, enWidth)
			case chinese:
				parts = wrapChinese(it.text, zhWidth)
			default:
				return []item{it}
			}
			out := []item{{kind: summary, text: ""}}
			for _, p := range parts {
				out = append(out, item{kind: it.kind, text: p})
			}
			return append(out, item{kind: summary, text: ""})
		}), 2)
	}
	add("hard-wrapped paragraphs", wrapped(72, 36))
	// Narrow Chinese lines leave some with only names and punctuation
	// ("Coda、Lonely Planet、Omnicom、3M、Ryanair、").
	add("hard-wrapped narrow", wrapped(40, 8))
	add("chinese before english everywhere", render(swapPairs(its, func(int) bool { return true }), 2))
	add("chinese before english in some pairs", render(swapPairs(its, func(p int) bool { return p%3 == 1 }), 2))
	add("no summary", render(filter(its, func(it item) bool { return it.kind != summary }), 2))
	add("no disclaimer", render(filter(its, func(it item) bool { return it.kind != notice }), 2))
	add("several summaries and disclaimers", render(mapItems(its, func(it item) []item {
		if it.kind == summary || it.kind == notice {
			return []item{it, {kind: summary, text: ""}, it}
		}
		return []item{it}
	}), 2))

	// Speaker lines with no title, printed once: a bare name is a speaker
	// because it comes back, the operator introduces it or the text names
	// it, not by its shape.
	add("bare-name headers printed once", render(mapItems(its, func(it item) []item {
		if it.kind == header {
			name, _, _ := strings.Cut(it.text, " - ")
			return []item{{kind: header, text: name}}
		}
		return []item{it}
	}), 1))

	headerTr := render(mapItems(its, func(it item) []item {
		if it.kind == header {
			tr := "操作員"
			if strings.Contains(it.text, " - ") {
				tr = "發言人 - 職稱"
			}
			return []item{it, it, {kind: header, text: tr}}
		}
		return []item{it}
	}), 1)
	add("header followed by its translation", headerTr)

	for _, e := range []struct {
		name string
		enc  encoding.Encoding
	}{
		{"utf-16le", unicode.UTF16(unicode.LittleEndian, unicode.UseBOM)},
		{"utf-16be", unicode.UTF16(unicode.BigEndian, unicode.UseBOM)},
		{"big5", traditionalchinese.Big5},
		{"gb18030", simplifiedchinese.GB18030},
	} {
		// Characters an encoding lacks come back as its replacement, in
		// the expected pairs too.
		roundTrip := func(s string) string {
			b, err := encoding.ReplaceUnsupported(e.enc.NewEncoder()).String(s)
			if err != nil {
				panic(err)
			}
			out, err := e.enc.NewDecoder().String(b)
			if err != nil {
				panic(err)
			}
			return strings.TrimPrefix(out, "\uFEFF")
		}
		b, err := encoding.ReplaceUnsupported(e.enc.NewEncoder()).String(clean)
		if err != nil {
			panic(err)
		}
		vs = append(vs, variant{name: e.name, text: b, translation: "zh-Hant", encoding: e.name,
			edit: func(p *pair, _ int) { p.EN, p.ZH = roundTrip(p.EN), roundTrip(p.ZH) }})
	}
	vs = append(vs, variant{name: "simplified chinese", translation: "zh-Hans",
		text: toSimplified(clean)})
	vs[len(vs)-1].edit = func(p *pair, _ int) { p.ZH = toSimplified(p.ZH) }

	vs = append(vs, variant{name: "missing translations", translation: "zh-Hant",
		text: render(filter(its, func(it item) bool { return it.kind != chinese || it.pair%7 != 3 }), 2),
		edit: func(p *pair, i int) {
			if i%7 == 3 {
				p.ZH = ""
			}
		}})
	vs = append(vs, variant{name: "translations without english", translation: "zh-Hant",
		text: render(filter(its, func(it item) bool { return it.kind != english || it.pair%11 != 5 }), 2),
		edit: func(p *pair, i int) {
			if i%11 == 5 {
				p.EN = ""
			}
		}})
	// An English line and, a few pairs on, a Chinese line gone from the same
	// turn: the pairs between must keep their order, not shift.
	vs = append(vs, variant{name: "an english and a translation missing nearby", translation: "zh-Hant",
		text: render(filter(its, func(it item) bool {
			return !(it.kind == english && it.pair%13 == 2) && !(it.kind == chinese && it.pair%13 == 5)
		}), 2),
		edit: func(p *pair, i int) {
			switch i % 13 {
			case 2:
				p.EN = ""
			case 5:
				p.ZH = ""
			}
		}})
	vs = append(vs, variant{name: "english only",
		text: render(filter(its, func(it item) bool { return it.kind == english || it.kind == header }), 2),
		edit: func(p *pair, _ int) { p.ZH = "" }})
	return vs
}

func filter(its []item, keep func(item) bool) []item {
	var out []item
	for _, it := range its {
		if keep(it) {
			out = append(out, it)
		}
	}
	return out
}

// swapPairs puts the Chinese line before its English line for the chosen
// pairs.
func swapPairs(its []item, swap func(pair int) bool) []item {
	out := append([]item(nil), its...)
	for i := 0; i+1 < len(out); i++ {
		if out[i].kind == english && out[i+1].kind == chinese && swap(out[i].pair) {
			out[i], out[i+1] = out[i+1], out[i]
			i++
		}
	}
	return out
}

type turnShape struct {
	Speaker string
	Pairs   []pair
}

func shape(t *model.Transcript) []turnShape {
	var out []turnShape
	for _, turn := range t.Turns {
		s := turnShape{}
		if turn.Speaker != nil {
			s.Speaker = *turn.Speaker
		}
		for _, p := range turn.Paragraphs {
			var x pair
			if p.EN != nil {
				x.EN = *p.EN
			}
			if p.ZH != nil {
				x.ZH = *p.ZH
			}
			s.Pairs = append(s.Pairs, x)
		}
		out = append(out, s)
	}
	return out
}

func TestVariants(t *testing.T) {
	ref := string(reference(t))
	base, err := Convert("ref", []byte(ref), Options{})
	require.NoError(t, err)
	want0 := shape(base)
	require.Len(t, want0, 26)

	for _, v := range variants(ref) {
		t.Run(v.name, func(t *testing.T) {
			got, err := Convert(v.name, []byte(v.text), Options{})
			require.NoError(t, err)
			want := make([]turnShape, len(want0))
			i := 0
			for ti, ts := range want0 {
				want[ti].Speaker = ts.Speaker
				for _, p := range ts.Pairs {
					if v.edit != nil {
						v.edit(&p, i)
					}
					i++
					if p.EN != "" || p.ZH != "" {
						want[ti].Pairs = append(want[ti].Pairs, p)
					}
				}
			}
			gotShape := shape(got)
			require.Len(t, gotShape, 26)
			for ti := range want {
				assert.Equal(t, want[ti], gotShape[ti], "turn %d", ti)
			}
			wantEnc := v.encoding
			if wantEnc == "" {
				wantEnc = "utf-8"
			}
			assert.Equal(t, wantEnc, got.Source.Encoding)
			if v.translation == "" {
				assert.Nil(t, got.Languages.Translation)
			} else if assert.NotNil(t, got.Languages.Translation) {
				assert.Equal(t, v.translation, *got.Languages.Translation)
			}
			text, _ := decode.Decode([]byte(v.text), "")
			assert.Empty(t, Lost(text.Text, got), "lines lost")
			for _, w := range got.Warnings {
				assert.Contains(t, []string{model.MissingTranslation, model.OrphanTranslation, "no_translation", "number_mismatch"}, w.Code, "line %d: %s", w.Line, w.Message)
			}
		})
	}
}
