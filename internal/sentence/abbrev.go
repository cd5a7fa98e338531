package sentence

import (
	"strings"
	"time"

	"github.com/transcript-cli/transcript/internal/textutil"
)

// The abbreviations of English text, by what the word after them says
// about a full stop. Keys are lower case, without the final dot. Dotted
// letters (U.S., a.m., J.P.) and single initials (Brian T. Olsavsky) are
// recognised by their shape and treated as maybeFinal.

// neverFinal abbreviations stand before a name or a figure and do not end
// a sentence: "Mr. Buffett", "St. Louis", "approx. 5%", "e.g. Azure".
var neverFinal = set(
	"mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "col", "capt", "lt", "sgt",
	"rev", "hon", "st", "mt", "ft", "vs", "cf", "approx", "ca", "e.g", "i.e", "viz", "esp",
)

// beforeNumber abbreviations are abbreviations only before a figure: "No. 1"
// and "Apr. 29", but "No. I appreciate the question" is a sentence. The
// months' are those of textutil.Months, the project's one month table:
// its keys that are no month's name (May is a word, not an abbreviation).
var beforeNumber = func() map[string]bool {
	m := set("no", "nos", "vol", "fig", "figs", "p", "pp", "ch", "sec", "art", "para", "op", "ref", "ext", "tel")
	for w, month := range textutil.Months {
		if !strings.EqualFold(w, time.Month(month).String()) {
			m[w] = true
		}
	}
	return m
}()

// maybeFinal abbreviations often end a sentence ("… tailwind for Figma,
// Inc. And there are two reasons why.", "… to run businesses, etc. But"):
// they do when the next word is one that usually starts a sentence.
var maybeFinal = set(
	"inc", "corp", "co", "ltd", "llc", "plc", "jr", "sr", "bros", "etc", "al", "cos", "dept", "univ",
)

// sentenceStarters are words that open most sentences of a call and rarely
// follow an abbreviation inside one. "Bill Zeckendorf Sr. I think was…" is
// the price of the list: a sentence there ends in the wrong place.
var sentenceStarters = set(
	"A", "After", "Again", "All", "Also", "Although", "An", "And", "Another", "Any", "Are", "As", "At",
	"Because", "Before", "Both", "But", "By", "Can", "Could", "Did", "Do", "Does", "During", "Each",
	"Even", "Every", "Finally", "First", "For", "From", "Given", "Going", "Good", "Great", "Has",
	"Have", "He", "Her", "Here", "His", "How", "However", "I", "If", "In", "Is", "It", "Its", "Just",
	"Last", "Let", "Looking", "Many", "More", "Most", "Moving", "My", "Next", "No", "Not", "Now",
	"Of", "OK", "Okay", "On", "One", "Only", "Or", "Other", "Our", "Over", "Overall", "Please",
	"Right", "Second", "She", "Should", "Since", "So", "Some", "Still", "Sure", "Thank", "Thanks",
	"That", "The", "Their", "Then", "There", "These", "They", "Third", "This", "Those", "Through",
	"To", "Today", "Turning", "We", "Well", "What", "When", "Where", "Which", "While", "Who", "Why",
	"Will", "With", "Would", "Yes", "You", "Your",
)

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// The kinds of abbreviation, by the table that holds it.
const (
	kindNeverFinal = 1 + iota
	kindBeforeNumber
	kindMaybeFinal
)

// abbrevKinds holds every abbreviation with its kind; maxAbbrev is the
// longest.
var abbrevKinds, maxAbbrev = func() (map[string]uint8, int) {
	m, longest := map[string]uint8{}, 0
	// Tables listed later give way to earlier ones, as abbreviation reads
	// them.
	for _, t := range []struct {
		words map[string]bool
		kind  uint8
	}{{maybeFinal, kindMaybeFinal}, {beforeNumber, kindBeforeNumber}, {neverFinal, kindNeverFinal}} {
		for w := range t.words {
			m[w], longest = t.kind, max(longest, len(w))
		}
	}
	return m, longest
}()

// abbrevKind is the kind of the abbreviation w (ASCII letters and dots),
// whatever its case, or 0: one lookup, without allocating.
func abbrevKind(w string) uint8 {
	if len(w) > maxAbbrev {
		return 0
	}
	var buf [16]byte
	lw := buf[:len(w)]
	for k := 0; k < len(w); k++ {
		lw[k] = w[k]
		if isUpperByte(w[k]) {
			lw[k] += 'a' - 'A'
		}
	}
	return abbrevKinds[string(lw)]
}
