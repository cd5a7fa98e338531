package sentence_test

import (
	"os"
	"testing"
	"time"

	"github.com/transcript-cli/transcript/internal/convert"
	"github.com/transcript-cli/transcript/internal/model"
	"github.com/transcript-cli/transcript/internal/sentence"
)

// BenchmarkShareOfConvert measures what sentence links would add to the
// conversion of the reference call: each iteration converts it
// (convert.Convert, as parse does before writing) and aligns every paired
// paragraph of the result, timing both. It reports the alignment's time as
// a share of the conversion's, in percent ("align-%"; issue 12 allows 30%
// end to end, where writing the output adds to the conversion), and the
// alignment's speed over the pairs' bytes ("align-MB/s"). Both are timed in
// the same loop, so that other work on the machine slows both alike.
func BenchmarkShareOfConvert(b *testing.B) {
	data, err := os.ReadFile("../../testdata/amazon-2023-q2.en-zh-Hant.txt")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	var conv, al time.Duration
	pairBytes := 0
	for b.Loop() {
		t0 := time.Now()
		tr, err := convert.Convert("ref.txt", data, convert.Options{})
		if err != nil {
			b.Fatal(err)
		}
		t1 := time.Now()
		pairBytes = 0
		for p := range tr.Paragraphs() { // what --sentences aligns
			if p.Status == model.Paired {
				sentence.AlignValid(*p.EN, *p.ZH)
				pairBytes += len(*p.EN) + len(*p.ZH)
			}
		}
		conv += t1.Sub(t0)
		al += time.Since(t1)
	}
	b.ReportMetric(100*al.Seconds()/conv.Seconds(), "align-%")
	b.ReportMetric(float64(pairBytes)*float64(b.N)/al.Seconds()/1e6, "align-MB/s")
}
