package decode

import (
	"os"
	"testing"

	"github.com/stretchr/testify/require"
	"golang.org/x/text/encoding"
)

const referenceFile = "../../testdata/amazon-2023-q2.en-zh-Hant.txt"

// simplifiedSample is a simplified-Chinese earnings-call excerpt written for
// these tests, mixed with English the way the real transcripts are.
const simplifiedSample = `在二零二三年第二季度的财务业绩电话会议上，公司公布的收入为一千三百四十四亿美元，营业利润为七十七亿美元，超出了此前的指导范围。
Good day, everyone, and welcome to the quarterly results call.
大家好，欢迎参加本公司第二季度财务业绩电话会议。今天的通话正在录音。
我们在降低物流网络成本方面取得了进展，并且专注于改善客户体验，提供更快的配送速度。
云计算部门仍然是行业的领导者，收入增长率已经稳定下来，新客户的数量继续增加。
管理层表示，他们对公司的长期增长机会和未来的发展持乐观态度，同时会继续控制费用。
我们正在投资生成式人工智能，这是一个非常重要的机会，我们相信它会改变每一个客户的体验。
有分析师问到广告业务的表现，首席财务官回答说，广告收入同比增长了百分之二十二。
关于国际市场，我们看到印度和日本的需求很强，但是欧洲的消费者仍然比较谨慎。
谢谢大家的问题。下面请接线员介绍下一位提问者。
Thank you. Our next question comes from the line of an analyst. Please go ahead.
`

func readReference(t testing.TB) string {
	t.Helper()
	b, err := os.ReadFile(referenceFile)
	require.NoError(t, err)
	return string(b)
}

// encodeLossy encodes s with enc, unencodable runes becoming the encoding's
// replacement (usually '?'), and returns the bytes and the text that they
// should decode back to.
func encodeLossy(t testing.TB, s string, enc encoding.Encoding) ([]byte, string) {
	t.Helper()
	b, err := encoding.ReplaceUnsupported(enc.NewEncoder()).Bytes([]byte(s))
	require.NoError(t, err)
	want, err := enc.NewDecoder().Bytes(b)
	require.NoError(t, err)
	return b, string(want)
}

// countBreaks counts line breaks in raw bytes the way Decode defines them:
// CRLF, lone CR and LF each count once.
func countBreaks(b []byte) int {
	n := 0
	for i := 0; i < len(b); i++ {
		switch b[i] {
		case '\n':
			n++
		case '\r':
			n++
			if i+1 < len(b) && b[i+1] == '\n' {
				i++
			}
		}
	}
	return n
}
