package structure

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/transcript-cli/transcript/internal/model"
)

// call builds a transcript from (speaker, English text) turns.
func call(turns ...[2]string) *model.Transcript {
	t := &model.Transcript{}
	for i, tt := range turns {
		sp, text := tt[0], tt[1]
		t.Turns = append(t.Turns, model.Turn{Index: i, Speaker: &sp,
			Paragraphs: []model.Paragraph{{EN: &text, Status: model.Paired}}})
	}
	return t
}

func sections(t *model.Transcript) []string {
	var out []string
	for _, turn := range t.Turns {
		out = append(out, *turn.Section)
	}
	return out
}

func roles(t *model.Transcript) []string {
	var out []string
	for _, turn := range t.Turns {
		out = append(out, turn.Role)
	}
	return out
}

const (
	P = model.SectionPrepared
	Q = model.SectionQA
	C = model.SectionClosing
	O = model.RoleOperator
	E = model.RoleExecutive
	A = model.RoleAnalyst
)

func TestSectionsAndRoles(t *testing.T) {
	tests := []struct {
		name     string
		turns    [][2]string
		sections []string
		roles    []string
	}{
		{"operator opens the queue after the remarks",
			[][2]string{
				{"Operator", "Welcome to the Acme Q1 2024 earnings call. (Operator Instructions) Please go ahead."},
				{"Jane Doe", "Thank you. Revenue grew."},
				{"Operator", "(Operator Instructions) Our first question comes from the line of Bob Smith with UBS."},
				{"Robert J. Smith", "How is demand?"},
				{"Jane Doe", "Strong."},
				{"Operator", "This concludes today's call. You may now disconnect."},
			},
			[]string{P, P, Q, Q, Q, C},
			[]string{O, E, O, A, E, O}},
		{"executive hands over to questions",
			[][2]string{
				{"Jane Doe", "Revenue grew. With that, let's move on to your questions."},
				{"Operator", "Our first question comes from Tom Lee of Acme Research."},
				{"Thomas Lee", "Margins?"},
				{"John Roe", "Up."},
				{"Thomas Lee", "And a follow-up on costs?"},
				{"John Roe", "Down."},
				{"Jane Doe", "Thank you for joining us today."},
			},
			[]string{P, Q, Q, Q, Q, Q, C},
			[]string{E, O, A, E, A, E, E}},
		{"no Q&A",
			[][2]string{
				{"Operator", "Welcome. (Operator Instructions)"},
				{"Jane Doe", "Revenue grew."},
				{"Jane Doe", "Costs fell."},
			},
			[]string{P, P, P},
			[]string{O, E, E}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tr := call(tt.turns...)
			Apply(tr)
			assert.Equal(t, tt.sections, sections(tr))
			assert.Equal(t, tt.roles, roles(tr))
		})
	}
}

func TestExchanges(t *testing.T) {
	tr := call(
		[2]string{"Jane Doe", "With that, let's move on to your questions."},
		[2]string{"Operator", "Our first question comes from Tom Lee of Acme Research."},
		[2]string{"Thomas Lee", "Margins?"},
		[2]string{"John Roe", "Up."},
		[2]string{"Thomas Lee", "A follow-up?"},
		[2]string{"Jane Doe", "Sure."},
		[2]string{"Operator", "Next question comes from the line of Mike Wu with Beta Capital."},
		[2]string{"Michael Wu", "Guidance?"},
		[2]string{"John Roe", "Unchanged."},
	)
	Apply(tr)
	require.Len(t, tr.QA, 2)
	first := tr.QA[0]
	assert.Equal(t, "Thomas Lee", first.Analyst)
	require.NotNil(t, first.Firm)
	assert.Equal(t, "Acme Research", *first.Firm)
	require.NotNil(t, first.Introduction)
	assert.Equal(t, 1, *first.Introduction)
	assert.Equal(t, []int{2, 4}, first.Questions)
	assert.Equal(t, []int{3, 5}, first.Answers)
	assert.Equal(t, "Michael Wu", tr.QA[1].Analyst)
	assert.Equal(t, []int{8}, tr.QA[1].Answers)
	// Each person once.
	var names []string
	for _, p := range tr.Participants {
		names = append(names, p.Name)
	}
	assert.Equal(t, []string{"Jane Doe", "Operator", "Thomas Lee", "John Roe", "Michael Wu"}, names)
}

func TestSameParticipantUnderTwoNames(t *testing.T) {
	tr := call([2]string{"Andy Jassy", "Hello."}, [2]string{"Andrew R. Jassy", "Again."})
	Apply(tr)
	require.Len(t, tr.Participants, 1)
	assert.Equal(t, []int{0, 1}, tr.Participants[0].Turns)
}

// A layout's section marker decides where the Q&A begins, even where the
// text gives no sign of it.
func TestLayoutSectionMarker(t *testing.T) {
	tr := call(
		[2]string{"Jason Wang", "Welcome. Jessie will give an overview."},
		[2]string{"Jessie Wang", "Thank you. Revenue grew."},
		[2]string{"Jason Wang", "Could you talk about smartphones?"},
		[2]string{"Jessie Wang", "Certainly. We gained share."},
	)
	qa := model.SectionQA
	tr.Turns[2].Section = &qa
	Apply(tr)
	assert.Equal(t, []string{P, P, Q, Q}, sections(tr))
}

func TestPlainNumber(t *testing.T) {
	assert.Equal(t, "37000000000", plainNumber(3.700000000000001e+10))
	assert.Equal(t, "0.5", plainNumber(0.5))
	assert.Equal(t, "-12.25", plainNumber(-12.25))
	assert.Equal(t, "134400000000", plainNumber(134.4e9))
}

func TestNumberMismatchWarning(t *testing.T) {
	en, zh := "We expect revenue of $29.4 to $29.6 billion.", "我們預計收入為 29.4 至 296 亿美元。"
	tr := &model.Transcript{Turns: []model.Turn{{Paragraphs: []model.Paragraph{{EN: &en, ZH: &zh, Status: model.Paired, Line: 7}}}}}
	CheckNumbers(tr)
	require.Len(t, tr.Warnings, 1)
	w := tr.Warnings[0]
	assert.Equal(t, "number_mismatch", w.Code)
	assert.Equal(t, 7, w.Line)
	assert.Contains(t, w.Message, `"$29.4" = 29400000000`)
	assert.Contains(t, w.Message, `= 2940000000`)
	nums := tr.Turns[0].Paragraphs[0].Numbers
	require.Len(t, nums, 1, "the upper end agrees")
	assert.Equal(t, "$29.6 billion", nums[0].EN)
}

// TestClosingTakesTheGoodbyes: after the last answer, a wrap-up by IR and a
// short thanks by an executive are the closing, not answers.
func TestClosingTakesTheGoodbyes(t *testing.T) {
	tr := call(
		[2]string{"Jane Doe", "Revenue grew. With that, let's move on to your questions."},
		[2]string{"Operator", "Our last question comes from the line of Tom Lee with Acme Research."},
		[2]string{"Thomas Lee", "Margins?"},
		[2]string{"John Roe", "Up, as we said."},
		[2]string{"Operator", "Thanks, Tom."},
		[2]string{"Ann Ray", "That wraps up the Q&A portion of today's call. Thank you for joining us."},
		[2]string{"Jane Doe", "Thank you. Thank you."},
		[2]string{"Operator", "This concludes today's conference."},
	)
	Apply(tr)
	assert.Equal(t, []string{P, Q, Q, Q, C, C, C, C}, sections(tr))
	require.Len(t, tr.QA, 1)
	assert.Equal(t, []int{3}, tr.QA[0].Answers)
}

// TestIntroductionNotRightBefore: the operator's introduction counts even
// when someone speaks between it and the question; an operator turn that
// introduces nobody is no introduction.
func TestIntroductionNotRightBefore(t *testing.T) {
	tr := call(
		[2]string{"Jane Doe", "Revenue grew. With that, let's move on to your questions."},
		[2]string{"Operator", "Our next question comes from the line of Mark Mahaney with Evercore ISI."},
		[2]string{"Jane Doe", "Hi Mark, go ahead."},
		[2]string{"Mark Stephen F. Mahaney", "Two questions on margins."},
		[2]string{"Jane Doe", "Sure."},
		[2]string{"Operator", "Please go ahead."},
		[2]string{"Mark Stephen F. Mahaney", "And a follow-up."},
	)
	Apply(tr)
	require.Len(t, tr.QA, 1)
	require.NotNil(t, tr.QA[0].Introduction)
	assert.Equal(t, 1, *tr.QA[0].Introduction)
	assert.Equal(t, []int{3, 6}, tr.QA[0].Questions)
}
