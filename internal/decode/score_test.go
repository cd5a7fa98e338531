package decode

import (
	"testing"

	"github.com/stretchr/testify/require"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
)

// TestScoreSeparation pins the thresholds in score.plausible: the right
// decoding must score well above them and the wrong one well below.
func TestScoreSeparation(t *testing.T) {
	ref := readReference(t)
	for _, tc := range []struct {
		name       string
		text       string
		enc, wrong encoding.Encoding
	}{
		{"traditional as big5", ref, traditionalchinese.Big5, simplifiedchinese.GB18030},
		{"traditional as gb18030", ref, simplifiedchinese.GB18030, traditionalchinese.Big5},
		{"simplified as gb18030", simplifiedSample, simplifiedchinese.GB18030, traditionalchinese.Big5},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b, _ := encodeLossy(t, tc.text, tc.enc)
			right := scoreText(transformAll(b, tc.enc))
			wrong := scoreText(transformAll(b, tc.wrong))
			t.Logf("right %+v %.2f, wrong %+v %.2f", right, right.value(), wrong, wrong.value())
			require.True(t, right.plausible())
			require.Greater(t, right.value(), wrong.value())
		})
	}
}
