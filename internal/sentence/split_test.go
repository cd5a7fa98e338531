package sentence

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// The cases are short excerpts of the corpus (the call named in the
// comment), cut where a rule shows; a few are made up to pin a rule down.
// Sentences are separated by " | " in want.

func TestSplitEnglish(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"plain", "Thank you, Dave. Good afternoon, everyone.", "Thank you, Dave. | Good afternoon, everyone."},
		{"money and decimals", // Amazon Q2 2023
			"Today, we are reporting $134.4 billion in revenue and $7.7 billion in operating income. We're encouraged.",
			"Today, we are reporting $134.4 billion in revenue and $7.7 billion in operating income. | We're encouraged."},
		{"price with three decimals", "EPS was $1.344 this quarter. It grew 1.5%.", "EPS was $1.344 this quarter. | It grew 1.5%."},
		{"U.S. before a comma", "the largest metro areas around the U.S., so our top-moving 100,000 SKUs. The experience has been positive.",
			"the largest metro areas around the U.S., so our top-moving 100,000 SKUs. | The experience has been positive."},
		{"U.S. before a name", "more than 1.8 billion units to U.S. Prime members the same or next day.",
			"more than 1.8 billion units to U.S. Prime members the same or next day."},
		{"U.S. before lower case", "across the top 60 largest U.S. metro areas, more than half arrived.",
			"across the top 60 largest U.S. metro areas, more than half arrived."},
		{"U.S. ending a sentence", "Sales grew in the U.S. We expect more.", "Sales grew in the U.S. | We expect more."},
		{"initial", "Brian T. Olsavsky spoke. Then Andrew R. Jassy did.", "Brian T. Olsavsky spoke. | Then Andrew R. Jassy did."},
		{"titles", // Berkshire 1994
			"Mr. Buffett, Mr. Munger, my name is Dave Lankes (PH). I’m a senior editor at Business Insurance Magazine.",
			"Mr. Buffett, Mr. Munger, my name is Dave Lankes (PH). | I’m a senior editor at Business Insurance Magazine."},
		{"Mr. across a name", "no one would have any influence with Mr. Greenspan on that point.",
			"no one would have any influence with Mr. Greenspan on that point."},
		{"Inc. ending a sentence", // Figma Q3 2025
			"I believe it's also an incredible tailwind for Figma, Inc. And there are two reasons why.",
			"I believe it's also an incredible tailwind for Figma, Inc. | And there are two reasons why."},
		{"Inc. inside", "demonstrating that Figma, Inc. is becoming the system of record.", "demonstrating that Figma, Inc. is becoming the system of record."},
		{"Inc.'s", "thanks everyone for joining Figma, Inc.'s Q3 earnings call today.", "thanks everyone for joining Figma, Inc.'s Q3 earnings call today."},
		{"Corp. inside", "if you intend to buy XYZ Corp. shares at 11:30 this morning.", "if you intend to buy XYZ Corp. shares at 11:30 this morning."},
		{"No. the word", "No. I appreciate the question there.", "No. | I appreciate the question there."},
		{"No. the number", "We are the No. 1 provider. We grew.", "We are the No. 1 provider. | We grew."},
		{"month", "Wednesday, Apr. 29, 2026 at 5:30 p.m. ET", "Wednesday, Apr. 29, 2026 at 5:30 p.m. ET"},
		{"month and p.m.", "Nov. 5, 2025 at 5 p.m. ET. Welcome.", "Nov. 5, 2025 at 5 p.m. ET. | Welcome."},
		{"p.m. ending a sentence", "The call starts at 5 p.m. The operator opens it.", "The call starts at 5 p.m. | The operator opens it."},
		{"etc.", // MongoDB Q1 2025
			"software that's being built to run businesses, etc. But that's going to take some time.",
			"software that's being built to run businesses, etc. | But that's going to take some time."},
		{"etc. and a comma", "AI, data, etc., are growing.", "AI, data, etc., are growing."},
		{"approx.", "It is approx. half of revenue.", "It is approx. half of revenue."},
		{"St.", "We opened in St. Louis last year.", "We opened in St. Louis last year."},
		{"e.g.", "We sell clouds, e.g. Azure and AWS.", "We sell clouds, e.g. Azure and AWS."},
		{"missing space", // Figma Q3 2025, the question left in English
			"I have two.I'll just ask upfront.Dylan, you mentioned it.",
			"I have two. | I'll just ask upfront. | Dylan, you mentioned it."},
		{"missing space, capital", "as of the quarter.Our results improved.", "as of the quarter. | Our results improved."},
		{"missing space after a question", "What drives growth?Is it renewals?", "What drives growth? | Is it renewals?"},
		{"domain", "Visit Amazon.com for details. Thanks.", "Visit Amazon.com for details. | Thanks."},
		{"acronym glued", "We use Node.JS today.", "We use Node.JS today."},
		{"ellipsis before lower case", "Customers are responding by trying to... shift more towards higher-end products.",
			"Customers are responding by trying to... shift more towards higher-end products."},
		{"ellipsis character", "I'm enough of a big Ben Graham follower… so if something is really cheap, I buy it.",
			"I'm enough of a big Ben Graham follower… so if something is really cheap, I buy it."},
		{"ellipsis before a capital", "We grew... We then shrank.", "We grew... | We then shrank."},
		{"curly quotes after the stop", "And I’ll say, “Well, why don’t you pick your own?” And they’ll say, “That’s much too difficult.”",
			"And I’ll say, “Well, why don’t you pick your own?” | And they’ll say, “That’s much too difficult.”"},
		{"straight quotes", `He said "we grew." Then we left.`, `He said "we grew." | Then we left.`},
		{"straight quote opening the next", `We grew. "Great," he said.`, `We grew. | "Great," he said.`},
		{"straight quote closing after a colon", `He wrote "Step one:"."Step two." Done.`, `He wrote "Step one:"."Step two." | Done.`},
		{"straight quote after a colon opens, one left open before it", `He said, "Some of you will fail. He said: "I know who you are." Then he left.`, `He said, "Some of you will fail. | He said: "I know who you are." | Then he left.`},
		{"aside after the stop", "It’s been known to happen. (Laughter) And in corporate America, animal spirits are there.",
			"It’s been known to happen. (Laughter) | And in corporate America, animal spirits are there."},
		{"aside with its own stop", "received no negative votes this year. (Applause). Hold it.",
			"received no negative votes this year. (Applause). | Hold it."},
		{"operator instructions", "Welcome to the Amazon.com Quarter 2 2023 Financial Results Teleconference. (Operator Instructions) Today's call is being recorded.",
			"Welcome to the Amazon.com Quarter 2 2023 Financial Results Teleconference. (Operator Instructions) | Today's call is being recorded."},
		{"aside at the end", "We are sliding down the cultural chain. (Laughter)", "We are sliding down the cultural chain. (Laughter)"},
		{"stop inside brackets", "We grew (see slide 4. It is new) a lot. Next.", "We grew (see slide 4. It is new) a lot. | Next."},
		{"questions", "What is the appeal of the business to you? Charlie?", "What is the appeal of the business to you? | Charlie?"},
		{"exclamation", "They want Heinz! And so, you can raise the price.", "They want Heinz! | And so, you can raise the price."},
		{"time and percent", "at 11:30 this morning. Because we think 50 percent of the time.", "at 11:30 this morning. | Because we think 50 percent of the time."},
		{"ratio", "Salomon is levered 30-to-1. What is the appeal?", "Salomon is levered 30-to-1. | What is the appeal?"},
		{"lower-upper word", "We launched it. iPhone sales grew.", "We launched it. | iPhone sales grew."},
		// A stop after a plain word ends a sentence whatever follows; one
		// after an abbreviation or initials does not before lower case.
		{"lower case start", "and stuff. it's not going to pay you.", "and stuff. | it's not going to pay you."},
		{"abbreviation before lower case", "about approx. half of it, etc. and more from Figma, Inc. is here.", "about approx. half of it, etc. and more from Figma, Inc. is here."},
		{"white space", "  One.   Two.  \n", "One. | Two."},
		{"no stop", "Operator", "Operator"},
		{"empty", "", ""},
		{"only space", " \t ", ""},
		{"Chinese stops in English", "Thanks。Next question.", "Thanks。 | Next question."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, strings.Join(SplitEnglish(tt.in), " | "))
		})
	}
}

func TestSplitChinese(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"plain", "謝謝你,戴夫。大家下午好,感謝大家的參與。", "謝謝你,戴夫。 | 大家下午好,感謝大家的參與。"},
		{"amounts", "今天,我們報告的收入為 1,344 億美元,營業收入為 77 億美元。均超出了預期。", "今天,我們報告的收入為 1,344 億美元,營業收入為 77 億美元。 | 均超出了預期。"},
		{"decimals", "我們實現了5.7% 的季度收入增長。上下浮動 1.5 個百分點。", "我們實現了5.7% 的季度收入增長。 | 上下浮動 1.5 個百分點。"},
		{"full-width point", "增長 1．5 個百分點。", "增長 1．5 個百分點。"},
		{"translator's note after the stop", // Acquired
			"让特拉维斯（Travis）联系我们吧。（译者注：特拉维斯是泰勒的男友，橄榄球运动员）", "让特拉维斯（Travis）联系我们吧。（译者注：特拉维斯是泰勒的男友，橄榄球运动员）"},
		{"translator's note before the stop, with a link",
			"他只是那些赌场的常客之一（译者注：[据说](http://www.b111.net/novel/49/4405760.html)，他小时候去捡马票。）。沃伦想要自己占据优势。",
			"他只是那些赌场的常客之一（译者注：[据说](http://www.b111.net/novel/49/4405760.html)，他小时候去捡马票。）。 | 沃伦想要自己占据优势。"},
		{"note then a sentence", "联系我们吧。（译者注：他是橄榄球运动员）好的，我们开始吧。", "联系我们吧。（译者注：他是橄榄球运动员） | 好的，我们开始吧。"},
		{"ASCII question mark", "我在线吗?是的。", "我在线吗? | 是的。"}, // Berkshire 1994
		{"ASCII exclamation", "太好了!我们继续。", "太好了! | 我们继续。"},
		{"ASCII full stop after Chinese", "迪伦.我们对第三季度的增长感到自豪。", "迪伦. | 我们对第三季度的增长感到自豪。"}, // Figma
		{"semicolons and commas", "即:降低服務成本;繼續創新並改善客戶體驗;並建立新的客戶體驗，從而改變可能性。",
			"即:降低服務成本;繼續創新並改善客戶體驗;並建立新的客戶體驗，從而改變可能性。"},
		{"full-width semicolon", "付费座位突破2000万个；订阅量增加了 7%。", "付费座位突破2000万个；订阅量增加了 7%。"},
		{"abbreviation in Latin", "我们也在 Figma, Inc. 内部提升设计水平。", "我们也在 Figma, Inc. 内部提升设计水平。"},
		{"U.S. in Latin", "我們在 U.S. 市場成長。", "我們在 U.S. 市場成長。"},
		{"untranslated English", "感谢您提出问题。I have two.I'll just ask upfront.Dylan, you mentioned it.我只是好奇。",
			"感谢您提出问题。 | I have two. | I'll just ask upfront. | Dylan, you mentioned it. | 我只是好奇。"},
		{"English question inside", "So just what's driving the Q4 strength?Is it renewals?", "So just what's driving the Q4 strength? | Is it renewals?"},
		{"ellipsis", "客戶正在回應，試圖...更加轉向高端產品。", "客戶正在回應，試圖...更加轉向高端產品。"},
		{"ellipsis character", "我是本·格雷厄姆（Ben Graham）的忠实追随者……所以，我也愿意考虑买它。", "我是本·格雷厄姆（Ben Graham）的忠实追随者……所以，我也愿意考虑买它。"},
		{"ellipsis then a stop", "早....", "早...."},
		{"aside after the stop", "歡迎參加亞馬遜 2023 年第二季財務業績電話會議。 (操作員指示)今天的通話正在錄音。",
			"歡迎參加亞馬遜 2023 年第二季財務業績電話會議。 (操作員指示) | 今天的通話正在錄音。"},
		{"aside with its own stop", "他是唯一没有收到反对票的人。(掌声)。等等，等等。", "他是唯一没有收到反对票的人。(掌声)。 | 等等，等等。"},
		{"straight quotes", `我说："你为什么不亲自挑选呢？"他们会说，"不，这太难了。"`, `我说："你为什么不亲自挑选呢？" | 他们会说，"不，这太难了。"`},
		// berkshire-1994: the quote opened before 你们 is never closed.
		{"straight quote after a colon opens, one left open before it", `他说，"你们当中有5%的人最终会成为罪犯。他说："我知道你是谁。"(笑声)他说，"但我不会告诉你。"`, `他说，"你们当中有5%的人最终会成为罪犯。 | 他说："我知道你是谁。"(笑声) | 他说，"但我不会告诉你。"`},
		{"straight quote closing after a colon", `标题是"注意："。"下一句"开始了。`, `标题是"注意："。 | "下一句"开始了。`},
		{"corner quotes", "他说：「我们会增长。」然后离开了。", "他说：「我们会增长。」 | 然后离开了。"},
		{"curly quotes", "他说：“我们会增长。”然后离开了。", "他说：“我们会增长。” | 然后离开了。"},
		{"exclamation", "人们想要亨氏番茄酱！所以，你可以大幅提高亨氏的价格。", "人们想要亨氏番茄酱！ | 所以，你可以大幅提高亨氏的价格。"},
		{"question", "你想对税收形势发表意见吗，查理？好的。", "你想对税收形势发表意见吗，查理？ | 好的。"},
		{"space between sentences", "第一句。 第二句。", "第一句。 | 第二句。"},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, strings.Join(SplitChinese(tt.in), " | "))
		})
	}
}
