package parse

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestAlphamemoBoldSpeakerOfAnyShape: AI transcripts label speakers
// "Speaker 2"; over stamped speech a bold line is a speaker whatever its
// shape, and its speech is not glued to the previous speaker's.
func TestAlphamemoBoldSpeakerOfAnyShape(t *testing.T) {
	text := "### Q&A\n\n**Jason Wang - MediaTek, Investor Relation**\n(00:10:01) Next question please.\n(00:10:01) 下一個問題。\n\n" +
		"**Speaker 2 - Morgan Stanley, Analyst**\n(00:10:05) Thanks for taking my question.\n(00:10:05) 謝謝。\n\n" +
		"**Promotion: read more at example.com**\n"
	d, err := Parse(text, "alphamemo")
	require.NoError(t, err)
	require.Len(t, d.Turns, 2)
	assert.Equal(t, "Speaker 2", d.Turns[1].Speaker)
	require.NotNil(t, d.Turns[1].Title)
	assert.Equal(t, "Morgan Stanley, Analyst", *d.Turns[1].Title)
	assert.Len(t, d.Turns[0].Blocks, 1)
}
