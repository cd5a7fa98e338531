// Package people recognises the people named in earnings-call transcripts:
// it decides whether two renderings of a name denote the same person and
// extracts the analyst an operator introduces before each question.
//
// The package is pure: text in, values out. It never reads files.
package people

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/transcript-cli/transcript/internal/textutil"
)

// nicknames maps a formal given name to its common short forms. Two given
// names are equivalent when they both belong to one entry (formal name or
// nickname), so "Bob" matches "Robert" and also "Rob", but "Albert" does not
// match "Robert" even though both have "Bert".
var nicknames = map[string][]string{
	"abigail":     {"abby", "abbie"},
	"albert":      {"al", "bert", "bertie"},
	"alexander":   {"alex", "al", "xander", "sasha", "sandy"},
	"alexandra":   {"alex", "sandra", "sandy", "sasha", "lexi"},
	"alfred":      {"al", "alf", "fred", "freddie"},
	"andrew":      {"andy", "drew"},
	"anthony":     {"tony", "ant"},
	"augustus":    {"gus"},
	"barbara":     {"barb", "babs"},
	"benedict":    {"ben"},
	"benjamin":    {"ben", "benji", "benny"},
	"bradley":     {"brad"},
	"catherine":   {"cate", "cathy", "kate", "katie", "cat"},
	"charles":     {"charlie", "chuck", "chas", "chaz"},
	"christina":   {"chris", "tina", "christy"},
	"christine":   {"chris", "chrissy", "tina"},
	"christopher": {"chris", "kit", "topher"},
	"cynthia":     {"cindy"},
	"daniel":      {"dan", "danny"},
	"david":       {"dave", "davey", "davy"},
	"deborah":     {"deb", "debbie", "debra"},
	"donald":      {"don", "donny"},
	"dorothy":     {"dot", "dottie"},
	"douglas":     {"doug"},
	"edmund":      {"ed", "eddie", "ned"},
	"edward":      {"ed", "eddie", "ned", "ted", "teddy"},
	"edwin":       {"ed", "eddie"},
	"elizabeth":   {"liz", "beth", "betsy", "lizzie", "eliza", "betty", "libby"},
	"eugene":      {"gene"},
	"frances":     {"fran", "frankie"},
	"francis":     {"frank", "frankie"},
	"franklin":    {"frank"},
	"frederick":   {"fred", "freddie", "fritz"},
	"gabriel":     {"gabe"},
	"gabriela":    {"gabby", "gaby"},
	"geoffrey":    {"geoff", "jeff"},
	"gerald":      {"gerry", "jerry"},
	"gregory":     {"greg"},
	"harold":      {"hal", "harry"},
	"henry":       {"hank", "harry", "hal"},
	"isaac":       {"ike"},
	"jacob":       {"jake"},
	"jacqueline":  {"jackie", "jacqui"},
	"james":       {"jim", "jimmy", "jamie"},
	"jeffrey":     {"jeff"},
	"jennifer":    {"jen", "jenn", "jenny"},
	"jerome":      {"jerry"},
	"jessica":     {"jess", "jessie"},
	"john":        {"jack", "johnny", "jon"},
	"jonathan":    {"jon", "jonny", "nathan"},
	"joseph":      {"joe", "joey"},
	"joshua":      {"josh"},
	"judith":      {"judy"},
	"kasthuri":    {"kash"},
	"katherine":   {"kate", "kathy", "katie", "kat", "kath"},
	"kathryn":     {"kate", "kathy", "katie"},
	"kenneth":     {"ken", "kenny"},
	"kimberly":    {"kim"},
	"laurence":    {"larry", "laurie"},
	"lawrence":    {"larry", "laurie"},
	"leonard":     {"len", "lenny", "leo"},
	"louis":       {"lou"},
	"manuel":      {"manny"},
	"margaret":    {"maggie", "meg", "peggy", "marge"},
	"matthew":     {"matt", "matty"},
	"michael":     {"mike", "mikey", "mick", "mickey"},
	"mitchell":    {"mitch"},
	"montgomery":  {"monty"},
	"nathan":      {"nate"},
	"nathaniel":   {"nate", "nat", "nathan"},
	"nicholas":    {"nick", "nicky", "nico"},
	"nicolas":     {"nick", "nico"},
	"pamela":      {"pam"},
	"patricia":    {"pat", "patty", "trish", "tricia"},
	"patrick":     {"pat", "paddy"},
	"peter":       {"pete"},
	"philip":      {"phil"},
	"phillip":     {"phil"},
	"randall":     {"randy"},
	"raymond":     {"ray"},
	"rebecca":     {"becky", "becca"},
	"richard":     {"rick", "rich", "dick", "ricky", "richie"},
	"robert":      {"bob", "bobby", "rob", "robbie", "bert"},
	"roderick":    {"rod", "roddy"},
	"rodney":      {"rod"},
	"ronald":      {"ron", "ronnie"},
	"russell":     {"russ"},
	"samantha":    {"sam", "sammie"},
	"samuel":      {"sam", "sammy"},
	"sanford":     {"sandy"},
	"stephen":     {"steve", "steven", "stevie", "steph"},
	"steven":      {"steve", "stephen", "stevie"},
	"stuart":      {"stu"},
	"stewart":     {"stu"},
	"susan":       {"sue", "susie", "suzy"},
	"terence":     {"terry"},
	"terrence":    {"terry"},
	"theodore":    {"ted", "teddy", "theo"},
	"thomas":      {"tom", "tommy", "thom"},
	"timothy":     {"tim", "timmy"},
	"victoria":    {"vicky", "tori"},
	"vincent":     {"vince", "vinny"},
	"walter":      {"walt", "wally"},
	"william":     {"bill", "billy", "will", "willie", "liam"},
	"zachary":     {"zack", "zach", "zak"},
}

// nameGroups is the inverted nickname table: for each name, the formal names
// whose group it belongs to.
var nameGroups = func() map[string][]string {
	g := make(map[string][]string)
	for formal, nicks := range nicknames {
		g[formal] = append(g[formal], formal)
		for _, n := range nicks {
			g[n] = append(g[n], formal)
		}
	}
	return g
}()

// suffixes are dropped wherever they appear after the given name; they
// qualify a person but never distinguish two people in one call.
var suffixes = map[string]bool{
	"jr": true, "sr": true, "ii": true, "iii": true, "iv": true,
	"cfa": true, "phd": true, "md": true, "mba": true, "cpa": true,
	"esq": true, "jd": true, "dds": true, "cfp": true,
}

// honorifics are dropped at the front: "Mr. Alfonso De Angoitia".
var honorifics = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "miss": true, "dr": true,
	"prof": true, "professor": true, "sir": true, "dame": true,
}

// particles start a compound surname ("De Angoitia", "van Beurden"); they are
// ignored when surnames are compared, so "Ben van Beurden" = "Ben Beurden".
var particles = map[string]bool{
	"de": true, "del": true, "della": true, "da": true, "di": true,
	"do": true, "dos": true, "das": true, "du": true, "van": true,
	"von": true, "der": true, "den": true, "ter": true, "la": true,
	"le": true, "st": true, "bin": true, "al": true, "y": true,
}

// parsedName is a name split into its parts, all folded to lower-case ASCII
// where possible.
type parsedName struct {
	given   string   // first token, possibly a one-letter initial
	middles []string // full (non-initial) middle names
	surname []string // surname components: hyphen parts, particles dropped
}

// fold lower-cases s, strips accents and turns punctuation into spaces.
// Dots and apostrophes are deleted rather than spaced so "J." stays one
// token and "O'Brien" becomes "obrien"; hyphens survive so a hyphenated
// surname can be split later.
func fold(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
			// Combining accent left over from NFD: "é" → "e".
		case r == '.' || r == '\'' || r == '’' || r == '‘':
		case r == '-' || r == '‐' || r == '‑':
			b.WriteByte('-')
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(unicode.ToLower(r))
		default:
			b.WriteByte(' ')
		}
	}
	return b.String()
}

// titleSeparators cut a speaker label's title off the name: "Brian T.
// Olsavsky - Senior VP & CFO". They need spaces around them so hyphenated
// names are untouched.
var titleSeparators = []string{" -- ", " - ", " — ", " – ", " | "}

func parse(raw string) (parsedName, bool) {
	for _, sep := range titleSeparators {
		if i := strings.Index(raw, sep); i > 0 {
			raw = raw[:i]
		}
	}
	// "Olsavsky, Brian" → "Brian Olsavsky", unless what follows the comma is
	// only suffixes ("Smith, Jr.").
	if before, after, ok := strings.Cut(raw, ","); ok && !strings.Contains(after, ",") {
		if !allSuffixes(strings.Fields(fold(after))) {
			raw = after + " " + before
		}
	}
	var toks []string
	for _, t := range strings.Fields(fold(raw)) {
		t = strings.Trim(t, "-")
		if t == "" {
			continue
		}
		if len(toks) == 0 && honorifics[t] {
			continue
		}
		if len(toks) > 0 && suffixes[t] {
			continue
		}
		toks = append(toks, t)
	}
	if len(toks) < 2 {
		return parsedName{}, false
	}
	p := parsedName{given: toks[0]}
	// The surname starts at the first particle after the given name, else
	// it is the last token alone.
	start := len(toks) - 1
	for i := 1; i < len(toks)-1; i++ {
		if particles[toks[i]] {
			start = i
			break
		}
	}
	for _, t := range toks[1:start] {
		if len([]rune(t)) > 1 {
			p.middles = append(p.middles, t)
		}
	}
	for _, t := range toks[start:] {
		if particles[t] && start < len(toks)-1 {
			continue
		}
		for _, part := range strings.Split(t, "-") {
			if part != "" {
				p.surname = append(p.surname, part)
			}
		}
	}
	return p, len(p.surname) > 0
}

func allSuffixes(toks []string) bool {
	for _, t := range toks {
		if !suffixes[t] {
			return false
		}
	}
	return true
}

// SameName reports whether two renderings name the same person.
//
// Rules: case, accents, punctuation, honorifics, suffixes (Jr., III, CFA,
// Ph.D.), middle names and middle initials are ignored, and a trailing
// " - Title" is cut off. Surnames must match; a compound surname matches its
// leading part ("Lopez-Balboa" = "Lopez", "De Angoitia Noriega" = "De
// Angoitia"). Given names must be equal, nicknames of one formal name
// ("Bob" = "Robert"), or one the initial of the other ("J. Smith"). A given
// name may also match the other's full middle name, because analysts often
// go by their middle name ("Ahmed Sami Badri" is introduced as "Sami
// Badri"). A single word only matches the same single word.
func SameName(a, b string) bool {
	pa, okA := parse(a)
	pb, okB := parse(b)
	if !okA || !okB {
		if okA || okB {
			return false
		}
		fa, fb := strings.Fields(fold(a)), strings.Fields(fold(b))
		if len(fa) > 0 || len(fb) > 0 {
			return strings.Join(fa, " ") == strings.Join(fb, " ")
		}
		ta, tb := strings.TrimSpace(a), strings.TrimSpace(b)
		return ta != "" && strings.EqualFold(ta, tb)
	}
	if !surnamesMatch(pa.surname, pb.surname) {
		return false
	}
	if givenMatch(pa.given, pb.given) {
		return true
	}
	for _, m := range pb.middles {
		if fullGivenMatch(pa.given, m) {
			return true
		}
	}
	for _, m := range pa.middles {
		if fullGivenMatch(pb.given, m) {
			return true
		}
	}
	return false
}

// surnamesMatch accepts equal component lists or one a prefix of the other,
// the usual way a double or hyphenated surname is shortened.
func surnamesMatch(a, b []string) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func givenMatch(a, b string) bool {
	if a == b {
		return true
	}
	ra, rb := []rune(a), []rune(b)
	if len(ra) == 1 && len(rb) > 0 && rb[0] == ra[0] {
		return true
	}
	if len(rb) == 1 && len(ra) > 0 && ra[0] == rb[0] {
		return true
	}
	return nicknameOf(a, b)
}

// fullGivenMatch is givenMatch without initials: a middle initial such as
// the "T." in "Brian T. Olsavsky" is too weak to identify a given name.
func fullGivenMatch(a, b string) bool {
	if len([]rune(a)) < 2 || len([]rune(b)) < 2 {
		return false
	}
	return a == b || nicknameOf(a, b)
}

func nicknameOf(a, b string) bool {
	for _, fa := range nameGroups[a] {
		for _, fb := range nameGroups[b] {
			if fa == fb {
				return true
			}
		}
	}
	return false
}

// IsSuffix reports whether s is only name suffixes ("Jr.", "III", "CFA"),
// which follow a name after a comma without being a firm.
func IsSuffix(s string) bool {
	toks := strings.Fields(fold(s))
	return len(toks) > 0 && allSuffixes(toks)
}

// Mentions reports whether text names the person called name: its
// surname preceded by a rendering of the same name ("… joined by Brian
// Olsavsky, our CFO" mentions "Brian T. Olsavsky").
func Mentions(text, name string) bool {
	words := strings.Fields(name)
	if len(words) < 2 {
		return false
	}
	surname := strings.Trim(words[len(words)-1], ".,")
	if len(surname) < 2 {
		return false
	}
	for rest, off := text, 0; ; {
		i := strings.Index(rest, surname)
		if i < 0 {
			return false
		}
		at := off + i
		end := at + len(surname)
		rest, off = text[end:], end
		if end < len(text) && textutil.ASCIIAlnum(text[end]) || at > 0 && textutil.ASCIIAlnum(text[at-1]) {
			continue
		}
		// Up to four words before the surname.
		before := strings.Fields(text[max(0, at-60):at])
		for n := 1; n <= 4 && n <= len(before); n++ {
			cand := strings.Join(before[len(before)-n:], " ") + " " + surname
			if SameName(cand, name) {
				return true
			}
		}
	}
}
