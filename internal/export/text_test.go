package export

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/transcript-cli/transcript/internal/convert"
	"github.com/transcript-cli/transcript/internal/model"
)

// textFixtures are small calls in the layouts the parser reads: blank-line
// blocks, a bare name printed twice, a missing translation, Simplified
// Chinese, a call with no speaker line.
var textFixtures = map[string]string{
	"blocks": `Operator
Operator

Welcome to the call. Please go ahead.
歡迎參加電話會議。請繼續。

Jane Doe - CFO
Jane Doe - CFO

Revenue grew 10% to $5 billion, driven by cloud.
收入增長 10% 至 50 億美元，主要來自雲端。

We expect margins to improve next year as costs fall.
我們預計明年隨著成本下降，利潤率將會改善。
`,
	"missing translation": `John Smith - CEO
John Smith - CEO
Thank you all for joining us today on this call.
感謝大家今天參加這次電話會議。
This paragraph was never translated into Chinese at all.
And this one is followed by its translation as usual.
這一段和往常一樣後面跟著翻譯。
`,
	"simplified": `免责声明：中文译文来源为机器翻译，仅供参考
Operator
Operator
Good morning and welcome to the first quarter earnings call.
早上好，欢迎参加第一季度财报电话会议。
Mary Major
Mary Major
Thanks. Our results this quarter were strong across all regions.
谢谢。我们本季度的业绩在所有地区都很强劲。
`,
	"no speakers": `The company reported record sales in the quarter.
公司公布了本季度创纪录的销售额。
Management expects growth to continue next year.
管理层预计明年将继续增长。
`,
}

// shape is what the text format promises to keep: turns and pairs (not
// line numbers, which the layout changes).
type shape struct {
	Summary, Notices []string
	Turns            []shapeTurn
}

type shapeTurn struct {
	Header, HeaderZH, Speaker, Title *string
	Paragraphs                       [][3]string
}

func shapeOf(t *model.Transcript) shape {
	sh := shape{Summary: t.Summary, Notices: t.Notices}
	for _, turn := range t.Turns {
		st := shapeTurn{Header: turn.Header, HeaderZH: turn.HeaderZH, Speaker: turn.Speaker, Title: turn.Title}
		for _, p := range turn.Paragraphs {
			st.Paragraphs = append(st.Paragraphs, [3]string{str(p.EN), str(p.ZH), p.Status})
		}
		sh.Turns = append(sh.Turns, st)
	}
	return sh
}

// TestTextRoundTrip: parse(text(parse(f))) has the same turns and pairs as
// parse(f).
func TestTextRoundTrip(t *testing.T) {
	inputs := map[string][]byte{}
	for name, text := range textFixtures {
		inputs[name] = []byte(text)
	}
	ref, err := os.ReadFile(filepath.Join("..", "..", refPath))
	if err != nil {
		t.Fatal(err)
	}
	inputs["reference"] = ref
	for name, data := range inputs {
		t.Run(name, func(t *testing.T) {
			first, err := convert.Convert(name, data, convert.Options{})
			if err != nil {
				t.Fatal(err)
			}
			var buf bytes.Buffer
			if err := writeText(&buf, first, Options{}); err != nil {
				t.Fatal(err)
			}
			second, err := convert.Convert(name, buf.Bytes(), convert.Options{})
			if err != nil {
				t.Fatalf("text output does not parse: %v\n%s", err, buf.Bytes())
			}
			if a, b := shapeOf(first), shapeOf(second); !reflect.DeepEqual(a, b) {
				t.Errorf("round trip changed the call\nfirst:  %+v\nsecond: %+v\ntext:\n%s", a, b, buf.Bytes())
			}
			// The reference file is in this very layout, so its text comes
			// back byte for byte (but for the final newline, which it lacks).
			if name == "reference" && !bytes.Equal(bytes.TrimRight(buf.Bytes(), "\n"), bytes.TrimRight(ref, "\n")) {
				t.Error("text output differs from the reference file")
			}
		})
	}
}
