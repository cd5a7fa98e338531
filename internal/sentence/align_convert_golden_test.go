package sentence_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/transcript-cli/transcript/internal/convert"
	"github.com/transcript-cli/transcript/internal/model"
	"github.com/transcript-cli/transcript/internal/sentence"
)

// TestAlignGoldenConvert holds Align to the hash golden (see
// align_golden_test.go) on the pairs that parse --sentences aligns: those
// convert.Convert finds in the reference call and, when present, in each
// file of the shared corpus. A change to package parse changes the inputs,
// and the set is then skipped with a note.
func TestAlignGoldenConvert(t *testing.T) {
	files := []string{"../../testdata/amazon-2023-q2.en-zh-Hant.txt"}
	corpus, _ := filepath.Glob("../../../shared/corpus/external/*")
	files = append(files, corpus...)
	var sets []sentence.GoldenSet
	for _, f := range files {
		if filepath.Base(f) == "MANIFEST.md" {
			continue
		}
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		tr, err := convert.Convert(filepath.Base(f), data, convert.Options{})
		if err != nil {
			continue // no call in it
		}
		var pairs [][2]string
		for p := range tr.Paragraphs() {
			if p.Status == model.Paired {
				pairs = append(pairs, [2]string{*p.EN, *p.ZH})
			}
		}
		if len(pairs) > 0 {
			sets = append(sets, sentence.GoldenSet{Name: "convert:" + filepath.Base(f), Pairs: pairs})
		}
	}
	sentence.CheckHashGolden(t, sets)
}
