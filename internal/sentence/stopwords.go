package sentence

// stopWords are the commonest English function words: articles, pronouns,
// prepositions, conjunctions, auxiliaries and a few adverbs, the closed
// classes any English text is made of. A Latin word found on both sides
// anchors a link because it is a name or a term the translation kept (AWS,
// Copilot, Jassy); these are not, and when a Chinese sentence is English
// left untranslated ("Dylan, you mentioned in the prepared remarks…"),
// they would tie every English sentence that says "you" or "the" to it.
// The list is a property of English, not of the corpus: it holds no noun,
// verb or name of an earnings call.
var stopWords = set(
	"a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are", "as", "at",
	"be", "because", "been", "before", "being", "below", "between", "both", "but", "by",
	"can", "could", "did", "do", "does", "doing", "down", "during", "each", "even", "ever", "few", "for", "from", "further",
	"had", "has", "have", "having", "he", "her", "here", "hers", "him", "his", "how",
	"i", "if", "in", "into", "is", "it", "its", "itself", "just", "let", "may", "me", "might", "more", "most", "much", "must", "my",
	"no", "nor", "not", "now", "of", "off", "on", "once", "only", "or", "other", "our", "ours", "out", "over", "own",
	"same", "shall", "she", "should", "so", "some", "such", "than", "that", "the", "their", "theirs", "them", "then",
	"there", "these", "they", "this", "those", "through", "to", "too", "under", "until", "up", "upon", "us",
	"very", "was", "we", "were", "what", "when", "where", "which", "while", "who", "whom", "why", "will", "with", "would",
	"yes", "yet", "you", "your", "yours",
	// contractions, as the word scanner cuts them ("we're" is "we" and "re")
	"re", "ve", "ll", "don", "doesn", "didn", "isn", "aren", "wasn", "weren", "won", "wouldn", "couldn", "shouldn", "haven", "hasn",
)

// stopWord reports whether an ASCII word is a stop word, in any case.
func stopWord(w string) bool {
	if len(w) > 8 { // the longest is "shouldn"
		return false
	}
	var buf [8]byte
	for k := 0; k < len(w); k++ {
		buf[k] = w[k] | 0x20
	}
	return stopWords[string(buf[:len(w)])]
}
