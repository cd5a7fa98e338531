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

func TestScoreBetter(t *testing.T) {
	a := score{nonASCII: 100, freq: 80}
	b := score{nonASCII: 100, freq: 60}
	c := score{nonASCII: 100, freq: 85, bad: 3}
	for _, s := range []score{a, b, c} {
		require.True(t, s.plausible(), "%+v", s)
	}
	require.True(t, a.better(b))
	require.False(t, b.better(a))
	require.True(t, a.better(c), "bad runes outweigh a few more frequent ones")
	require.False(t, a.better(a), "ties keep the first candidate")

	require.False(t, score{}.plausible())
	require.False(t, score{nonASCII: 100, freq: 90, bad: 6}.plausible())
	require.False(t, score{nonASCII: 100, freq: 29}.plausible())
}

// TestGuessLegacy checks the choice itself, including that the decoded
// sample is handed back only when it is the whole input.
func TestGuessLegacy(t *testing.T) {
	b, want := encodeLossy(t, readReference(t), traditionalchinese.Big5)
	enc, decoded := guessLegacy(b)
	require.Equal(t, Big5, enc)
	require.Equal(t, want, string(decoded))

	g, _ := encodeLossy(t, simplifiedSample, simplifiedchinese.GB18030)
	enc, _ = guessLegacy(g)
	require.Equal(t, GB18030, enc)

	enc, decoded = guessLegacy([]byte("plain ascii \xff\xfe\xfd"))
	require.Equal(t, "", enc)
	require.Nil(t, decoded)
}

// TestGuessBothPlausible builds Big5 bytes whose GBK reading is also made of
// real, partly frequent characters, so both candidates pass plausible() and
// only the ranking picks Big5.
func TestGuessBothPlausible(t *testing.T) {
	var both, onlyBig5 []rune
	for _, r := range commonTraditional + commonSimplified {
		b, err := traditionalchinese.Big5.NewEncoder().Bytes([]byte(string(r)))
		if err != nil {
			continue
		}
		g := []rune(string(transformAll(b, simplifiedchinese.GB18030)))
		if len(g) != 1 || !isFrequent(r) {
			continue
		}
		switch sc := scoreText([]byte(string(g))); {
		case sc.bad > 0:
		case sc.freq == 1:
			both = append(both, r)
		default:
			onlyBig5 = append(onlyBig5, r)
		}
	}
	require.NotEmpty(t, both)
	require.NotEmpty(t, onlyBig5)
	var text []rune
	for i := 0; i < 60; i++ {
		text = append(text, both[i%len(both)])
		if i%3 == 0 {
			text = append(text, onlyBig5[i%len(onlyBig5)])
		}
	}
	b, err := traditionalchinese.Big5.NewEncoder().Bytes([]byte(string(text)))
	require.NoError(t, err)
	gbk := scoreText(transformAll(b, simplifiedchinese.GB18030))
	big5 := scoreText(transformAll(b, traditionalchinese.Big5))
	require.True(t, gbk.plausible(), "%+v", gbk)
	require.True(t, big5.plausible(), "%+v", big5)
	enc, _ := guessLegacy(b)
	require.Equal(t, Big5, enc)
}
