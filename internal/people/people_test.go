package people

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestSameName(t *testing.T) {
	same := [][2]string{
		{"Colin Sebastian", "Colin Alan Sebastian"},
		{"Doug Anmuth", "Douglas Till Anmuth"},
		{"Douglas Anmuth", "Doug Anmuth"},
		{"Brian Olsavsky", "Brian T. Olsavsky"},
		{"Andy Jassy", "Andrew R. Jassy"},
		{"Mark Mahaney", "Mark Stephen F. Mahaney"},
		{"Mike Wilson", "Michael J. Wilson"},
		{"Bob Smith", "Robert Smith"},
		{"Bob Smith", "Rob Smith"}, // two nicknames of one formal name
		{"Jim Suva", "James Suva"},
		{"Bill Smith", "William Smith"},
		{"Tom Smith", "Thomas Smith"},
		{"Dave Fildes", "David Fildes"},
		{"Steve Smith", "Stephen Smith"},
		{"Steve Smith", "Steven Smith"},
		{"Stephen Smith", "Steven Smith"},
		{"Chris Smith", "Christopher Smith"},
		{"Matt Smith", "Matthew Smith"},
		{"Ben Schachter", "Benjamin Schachter"},
		{"Alex Smith", "Alexander Smith"},
		{"Kate Smith", "Katherine Smith"},
		{"Liz Smith", "Elizabeth Smith"},
		{"Jen Smith", "Jennifer Smith"},
		{"Pat Smith", "Patrick Smith"},
		{"Pat Smith", "Patricia Smith"},
		{"Rick Smith", "Richard Smith"},
		{"Dan Smith", "Daniel Smith"},
		{"Joe Smith", "Joseph Smith"},
		{"Tony Smith", "Anthony Smith"},
		{"Nick Smith", "Nicholas Smith"},
		{"Sam Smith", "Samuel Smith"},
		{"Ed Smith", "Edward Smith"},
		{"Greg Smith", "Gregory Smith"},
		{"Jeff Kvaal", "Jeffrey Kvaal"},
		{"Ken Smith", "Kenneth Smith"},
		{"Larry Smith", "Lawrence Smith"},
		{"Ron Smith", "Ronald Smith"},
		{"Tim Smith", "Timothy Smith"},
		{"Vince Smith", "Vincent Smith"},
		{"Zack Smith", "Zachary Smith"},
		{"Sandy Smith", "Sanford Smith"},
		{"J. Smith", "John Smith"},
		{"J Smith", "James Smith"},
		{"J. Michael Smith", "Mike Smith"}, // goes by the middle name
		// Real pairs: StreetEvents/Capital IQ participant list vs the
		// operator's introduction.
		{"Ahmed Sami Badri", "Sami Badri"},
		{"Jonathan Atkin", "Jon Atkin"},
		{"Roderick B. Hall", "Rod Hall"},
		{"Charles H. Robbins", "Chuck Robbins"},
		{"Simon Matthew Leopold", "Simon Leopold"},
		{"Michael Ian Rollins", "Michael Rollins"},
		{"Kasthuri Rangan", "Kash Rangan"},
		// Case, punctuation, suffixes, honorifics, accents, titles.
		{"BRIAN OLSAVSKY", "brian olsavsky"},
		{"Robert Smith Jr.", "Bob Smith"},
		{"Robert Smith, Jr.", "Robert Smith III"},
		{"Jane Doe, CFA", "Jane Doe Ph.D."},
		{"Dr. Jane Doe", "Jane Doe"},
		{"Mr. Alfonso De Angoitia", "Alfonso De Angoitia Noriega"},
		{"José Pérez", "Jose Perez"},
		{"Renée Müller", "RENEE MULLER"},
		{"Frank Lopez-Balboa", "Frank Lopez"},
		{"Ben van Beurden", "Ben Van Beurden"},
		{"Brian T. Olsavsky - Senior VP & CFO", "Brian Olsavsky"},
		{"Olsavsky, Brian", "Brian Olsavsky"},
		{"Pat O'Brien", "Patrick OBrien"},
	}
	for _, c := range same {
		require.Truef(t, SameName(c[0], c[1]), "%q vs %q", c[0], c[1])
		require.Truef(t, SameName(c[1], c[0]), "%q vs %q (swapped)", c[1], c[0])
	}

	different := [][2]string{
		{"Brian Olsavsky", "Brian Nowak"},
		{"Andrew Jassy", "Andrew Smith"},
		{"Dave Fildes", "David Wong"},
		{"Andy Jassy", "Brian Jassy"},
		{"Mark Mahaney", "Mark May"},
		{"Albert Smith", "Robert Smith"}, // share "Bert", not each other
		{"John Smith", "Jonathan Smith"}, // share "Jon", not each other
		{"Brian T. Olsavsky", "Thomas Olsavsky"},
		{"J. Smith", "Mike Smith"},
		{"Frank Lopez-Balboa", "Frank Balboa"},
		{"Smith", "John Smith"},
		{"Brian", "Brian Olsavsky"},
		{"", ""},
		{" ", " "},
		{"Brian Olsavsky", ""},
	}
	for _, c := range different {
		require.Falsef(t, SameName(c[0], c[1]), "%q vs %q", c[0], c[1])
		require.Falsef(t, SameName(c[1], c[0]), "%q vs %q (swapped)", c[1], c[0])
	}

	require.True(t, SameName("Operator", "operator"))
}

func TestIntroduction(t *testing.T) {
	cases := []struct {
		text string
		want Intro
	}{
		// Brief and reference transcript (testdata/amazon-2023-q2).
		{"Our first question comes from the line of Colin Sebastian with Baird.", Intro{"Colin Sebastian", "Baird"}},
		{"(Operator Instructions) Our first question comes from the line of Colin Sebastian with Baird.", Intro{"Colin Sebastian", "Baird"}},
		{"(Operator Instructions) And our first question comes from the line of Colin Sebastian with Baird.", Intro{"Colin Sebastian", "Baird"}},
		{"And our next question comes from the line of Brian Nowak with Morgan Stanley.", Intro{"Brian Nowak", "Morgan Stanley"}},
		{"Our final question comes from the line of Doug Anmuth with JPMorgan.", Intro{"Doug Anmuth", "JPMorgan"}},
		{"Our next question comes from the line of Mark Mahaney with Evercore ISI.", Intro{"Mark Mahaney", "Evercore ISI"}},
		{"And the next question comes from the line of Eric Sheridan with Goldman Sachs.", Intro{"Eric Sheridan", "Goldman Sachs"}},
		{"Your next question comes from Mark Mahaney of Evercore ISI. Please go ahead.", Intro{"Mark Mahaney", "Evercore ISI"}},
		{"The next question is from Keith Weiss from Morgan Stanley. Please go ahead.", Intro{"Keith Weiss", "Morgan Stanley"}},
		{"We'll go next to Brent Thill at Jefferies.", Intro{"Brent Thill", "Jefferies"}},
		{"Next, we have Eric Sheridan from Goldman Sachs.", Intro{"Eric Sheridan", "Goldman Sachs"}},
		{"Our next question comes from Justin Post, Bank of America.", Intro{"Justin Post", "Bank of America"}},
		{"Our next question comes from the line of Kash Rangan of Goldman Sachs. Your line is now open.", Intro{"Kash Rangan", "Goldman Sachs"}},
		{"Our next question comes from the line of Keith Weiss with Morgan Stanley. Please proceed with your question.", Intro{"Keith Weiss", "Morgan Stanley"}},
		{"Next question, Brad Zelnick, Deutsche Bank.", Intro{"Brad Zelnick", "Deutsche Bank"}},
		{"Our next question comes from Sara Lee with Wolfe Research, please go ahead.", Intro{"Sara Lee", "Wolfe Research"}},
		{"Our next question comes from Ann Duignan of BofA Securities.", Intro{"Ann Duignan", "BofA Securities"}},
		{"Our next question comes from Tim Long of Cowen and Company.", Intro{"Tim Long", "Cowen and Company"}},
		{"The next question is from Toni Sacconaghi with Sanford C. Bernstein. Please go ahead.", Intro{"Toni Sacconaghi", "Sanford C. Bernstein"}},
		{"Our next question comes from Colin Sebastian, Robert W. Baird.", Intro{"Colin Sebastian", "Robert W. Baird"}},
		{"Our next question comes from Brian T. Nowak with Morgan Stanley.", Intro{"Brian T. Nowak", "Morgan Stanley"}},
		// Real corpus sentences (/work/shared/corpus/external).
		{"Operator:And our first question comes from the line of Keith Weiss with Morgan Stanley. Please proceed.", Intro{"Keith Weiss", "Morgan Stanley"}},
		{"Operator:The next question comes from the line of Mark Moerdler with Bernstein Research. Please proceed.", Intro{"Mark Moerdler", "Bernstein Research"}},
		{"The first question is from Sami Badri with Credit Suisse.", Intro{"Sami Badri", "Credit Suisse"}},
		{"The next question is from Meta Marshall with Morgan Stanley Investment Research.", Intro{"Meta Marshall", "Morgan Stanley Investment Research"}},
		{"The next question is from Ittai Kidron with Oppenheimer & Co.", Intro{"Ittai Kidron", "Oppenheimer & Co"}},
		{"Next question is from Simon Leopold with Raymond James.", Intro{"Simon Leopold", "Raymond James"}},
		{"Our last question is from George Notter with Jefferies.", Intro{"George Notter", "Jefferies"}},
		{"(Operator Instructions) Our first question is from Jon Atkin from RBC Capital Markets.", Intro{"Jon Atkin", "RBC Capital Markets"}},
		{"Our next question is from David Barden from Bank of America.", Intro{"David Barden", "Bank of America"}},
		{"[Operator Instructions]. Our first question will come from the line of Rodrigo Villanueva from Televisa. You may begin.", Intro{"Rodrigo Villanueva", "Televisa"}},
		{"Thank you. Our next question comes from line of John Belton from Evercore. You may begin.", Intro{"John Belton", "Evercore"}},
		{"Thank you. Our next question will come from the line of Soomit Datta from New Street Research. You may begin.", Intro{"Soomit Datta", "New Street Research"}},
		{"Thank you. [Operator Instructions] Thank you. Our first question comes from Geoffrey Scott with Scott Asset Management. Please state your question.Geoffrey Scott -- Scott Asset Management -- Analyst", Intro{"Geoffrey Scott", "Scott Asset Management"}},
		{"Our next question comes from Greg Malachowski. Please go ahead with your question.", Intro{"Greg Malachowski", ""}},
		{"And your first question comes from Michael <unk>, Novo Capital Market.", Intro{"Michael <unk>", "Novo Capital Market"}},
		{"(Operator Instructions)\nJohn Blackledge, Cowen.", Intro{"John Blackledge", "Cowen"}},
		{"Justin Post, Bank of America/Merrill Lynch.", Intro{"Justin Post", "Bank of America/Merrill Lynch"}},
		{"Colin Sebastian, Robert W. Baird.", Intro{"Colin Sebastian", "Robert W. Baird"}},
		// Phrasings of real Motley Fool calls (issue 10) and their kin.
		{"Up next is Keith Weiss from Morgan Stanley.", Intro{"Keith Weiss", "Morgan Stanley"}},
		{"Thank you. Next up, we have Brent Thill with Jefferies.", Intro{"Brent Thill", "Jefferies"}},
		{"Gabriela Borges from Goldman Sachs has the next question.", Intro{"Gabriela Borges", "Goldman Sachs"}},
		{"Thanks. Mark Murphy with JPMorgan has our next question. Please go ahead.", Intro{"Mark Murphy", "JPMorgan"}},
		{"Your next question is from Alex Zukin from Wolfe Research", Intro{"Alex Zukin", "Wolfe Research"}},
		{"Your next question is from the line of Alex Zukin from Wolfe Research. Please go ahead.", Intro{"Alex Zukin", "Wolfe Research"}},
		{"Eric:Your next question comes from the line of Arjun Bhatia with William Blair. Please go ahead.", Intro{"Arjun Bhatia", "William Blair"}},
		{"Our next question will come from a line of Brad Sills from Bank of America. Your line is open.", Intro{"Brad Sills", "Bank of America"}},
		// Letters whose lower case is longer or shorter in UTF-8 (İ, Ⱥ, the
		// Kelvin sign) before the lead: the name is read at the lead's
		// offset in the text, not in a lower-cased copy of another length.
		{"Thank you, İlker. Our next question comes from Deniz Kaya with İş Yatırım.", Intro{"Deniz Kaya", "İş Yatırım"}},
		{"Thank you, ȺȺȺȺ. Our next question comes from John Smith with Bank of America.", Intro{"John Smith", "Bank of America"}},
		{"At 5 K. Our next question comes from Ann Lee from Evercore.", Intro{"Ann Lee", "Evercore"}},
		// An initial is any single capital before a dot, not only A to Z.
		{"Our next question comes from Ann Lee of Banque É. Dupont. Please go ahead.", Intro{"Ann Lee", "Banque É. Dupont"}},
	}
	for _, c := range cases {
		got, ok := Introduction(c.text)
		require.Truef(t, ok, "%q", c.text)
		require.Equalf(t, c.want, got, "%q", c.text)
	}

	none := []string{
		"",
		"Thank you for your question.",
		"Operator, next question, please.",
		"Satya Nadella:Thank you. Operator, next question, please.",
		"My first question is for the team here.",
		"Hi, a couple of questions from me, please.",
		"Thank you. Hi, good morning, Alfonso and team. This is Rodrigo Villanueva from Bank of America.",
		"Good day, everyone, and welcome to the Amazon.com Quarter 2 2023 Financial Results Teleconference.",
		"Thank you, Brian.",
		"Good Morning, Everyone.",
		"And there are no questions at this time.",
		// Participant-list lines from streetevents-csco-2020q4.txt and the
		// Fool header of fool-html2text-televisa-q2-2020.txt.
		"   Cisco Systems, Inc. - Chairman & CEO",
		"   Morgan Stanley, Research Division - MD",
		"   Wolfe Research, LLC - Research Analyst",
		"Grupo Televisa, S.A.B (NYSE:TV)",
	}
	for _, s := range none {
		got, ok := Introduction(s)
		require.Falsef(t, ok, "%q gave %+v", s, got)
	}
}

func TestSelfIntroduction(t *testing.T) {
	cases := []struct {
		text string
		want Intro
	}{
		{"It's Kirk Materne with Evercore ISI. Thanks for taking the question.", Intro{"Kirk Materne", "Evercore ISI"}},
		{"Hi. It's Kirk Materne with Evercore ISI. Thanks.", Intro{"Kirk Materne", "Evercore ISI"}},
		{"Thank you. Hi, good morning, Alfonso and team. This is Rodrigo Villanueva from Bank of America.", Intro{"Rodrigo Villanueva", "Bank of America"}},
		{"Hey, guys. This is Joe Vandrick on for Patrick Colville from Scotiabank.", Intro{"Joe Vandrick", "Patrick Colville from Scotiabank"}},
		{"Great. Thanks, Dev. It's Brent Bracelin here from Piper Sandler.", Intro{"Brent Bracelin", "Piper Sandler"}},
	}
	for _, c := range cases {
		got, ok := SelfIntroduction(c.text)
		require.Truef(t, ok, "%q", c.text)
		require.Equalf(t, c.want, got, "%q", c.text)
	}
	for _, s := range []string{
		"It's a great question, and thank you for it.",
		"This is the first quarter of our new fiscal year.",
		"It's Microsoft Azure from here on.",
		"Thank you for taking my question.",
	} {
		got, ok := SelfIntroduction(s)
		require.Falsef(t, ok, "%q gave %+v", s, got)
	}
}

func TestOpensQA(t *testing.T) {
	yes := []string{
		"(Operator Instructions)",
		"[Operator Instructions]",
		"We will now begin the question-and-answer session.",
		"With that, let's move on to your questions.",
		"We'll now open the line for questions.",
		"We will now take questions.",
		"At this time, I would like to remind everyone, in order to ask a question, press star then the number one on your telephone keypad.",
		"Jonathan Neilson:Thanks, Amy. We will now open the call for questions.",
		"Okay, so with that, let's go to Q&A.",
		"I'll turn it over to the operator for Q&A.",
		"With that, we will move to Q&A. Operator, please remind our listeners how to initiate a question.",
		"Thanks, Kelly. Sue, we'll now open up the queue for questions. (Operator Instructions)",
		"So let me stop there and open it up for questions.",
		"With that, we can now open the line for Q&A.",
		"To ask a question, you will need to press Star 1 on your telephone keypad.",
		"Please stand by while we compile the Q&A roster.",
		"We'd like to open the floor to questions.",
	}
	for _, s := range yes {
		require.Truef(t, OpensQA(s), "%q", s)
	}
	no := []string{
		"",
		"Thank you for your question.",
		"Thanks for taking my question.",
		"Jonathan Neilson:That wraps up the Q&A portion of today's earnings call. Thank you for joining us today, and we look forward to speaking with all of you soon.",
		"Satya Nadella:Thank you. Operator, next question, please.",
		"And our next question comes from the line of Brian Nowak with Morgan Stanley.",
		"We now plan to close the call, but if you have any further questions, feel free to contact the Cisco Investor Relations group.",
		"That concludes our question-and-answer session.",
		"Joining us today to answer your questions is Andy Jassy, our CEO; and Brian Olsavsky, our CFO.",
		"My first question is for the team here.",
		"And there are no questions at this time.",
	}
	for _, s := range no {
		require.Falsef(t, OpensQA(s), "%q", s)
	}
}

func FuzzSameName(f *testing.F) {
	for _, s := range [][2]string{
		{"Colin Sebastian", "Colin Alan Sebastian"},
		{"Bob Smith", "Robert Smith"},
		{"Brian Olsavsky", "Brian Nowak"},
		{"Olsavsky, Brian", "J. Smith, Jr."},
		{"José Pérez-García", "Jose Perez"},
		{"Mr. De La", "-- - ."},
	} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		ab := SameName(a, b)
		require.Equal(t, ab, SameName(a, b), "deterministic")
		require.Equal(t, ab, SameName(b, a), "symmetric")
		if strings.TrimSpace(a) != "" {
			require.True(t, SameName(a, a), "reflexive: %q", a)
		}
	})
}

func FuzzIntroduction(f *testing.F) {
	for _, s := range []string{
		"Our first question comes from the line of Colin Sebastian with Baird.",
		"Next question, Brad Zelnick, Deutsche Bank.",
		"(Operator Instructions)\nJohn Blackledge, Cowen.",
		"Our next question comes from Greg Malachowski. Please go ahead with your question.",
		"We'll go next to Brent Thill at Jefferies.",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, ok := Introduction(s)
		again, ok2 := Introduction(s)
		require.Equal(t, ok, ok2)
		require.Equal(t, got, again)
		if ok {
			require.NotEmpty(t, got.Name)
		} else {
			require.Equal(t, Intro{}, got)
		}
		_ = OpensQA(s)
	})
}

func TestIsOperator(t *testing.T) {
	for _, n := range []string{"Operator", "moderator", " Conference Operator ", "Host", "Coordinator"} {
		require.True(t, IsOperator(n), n)
	}
	for _, n := range []string{"Presenter", "Unidentified Analyst", "Operator Smith", ""} {
		require.False(t, IsOperator(n), n)
	}
}
