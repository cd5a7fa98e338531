package people

import "testing"

var introTexts = []string{
	"(Operator Instructions) Our first question comes from the line of Colin Sebastian with Baird.",
	"And our next question comes from the line of Mark Mahaney with Evercore ISI.",
	"Good day, everyone, and welcome to the Amazon.com Quarter 2 2023 Financial Results Teleconference. (Operator Instructions) Today's call is being recorded.",
	"For opening remarks, I will be turning the call over to the Vice President of Investor Relations, Dave Fildes. Thank you, sir. Please go ahead.",
	"Thank you for joining us today. This concludes today's call. You may now disconnect.",
}

func BenchmarkIntroduction(b *testing.B) {
	n := 0
	for _, s := range introTexts {
		n += len(s)
	}
	b.SetBytes(int64(n))
	for b.Loop() {
		for _, s := range introTexts {
			Introduction(s)
		}
	}
}

func BenchmarkOpensQA(b *testing.B) {
	n := 0
	for _, s := range introTexts {
		n += len(s)
	}
	b.SetBytes(int64(n))
	for b.Loop() {
		for _, s := range introTexts {
			OpensQA(s)
		}
	}
}
