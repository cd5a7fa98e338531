package parse

import (
	"encoding/json"
	"strings"
	"unicode/utf8"
)

// noCall says why a text without speakers holds no call, or "" when it
// reads as one (a call's prose with its speakers stripped, as ECTSum
// prints it). Files that are something else (a list of links, a table, a
// Markdown document, JSON data) would otherwise convert into one turn of
// their lines.
func noCall(lines []Line, d *Document) string {
	var text []string
	for _, l := range lines {
		if l.Text != "" && hasLetter(l.Text) {
			text = append(text, l.Text)
		}
	}
	if len(text) == 0 {
		return ""
	}
	var keyValue, table, markdown, proseParas int
	fields := map[int]int{} // separators per line → lines
	for _, s := range text {
		switch {
		case keyValueLine(s):
			keyValue++
		case markdownLine(s):
			markdown++
		}
		if n := strings.Count(s, ",") + strings.Count(s, "\t") + strings.Count(s, "|"); n >= 2 {
			fields[n]++
		}
	}
	for n, c := range fields {
		if n >= 2 && c > table {
			table = c
		}
	}
	// Paragraphs are blocks of lines, or lines where no blank line
	// divides them.
	blocks, lines1 := 0, 0
	for _, t := range d.Turns {
		for _, b := range t.Blocks {
			if proseBlock(b) {
				blocks++
			}
			for _, l := range b {
				if proseBlock([]Line{l}) {
					lines1++
				}
			}
		}
	}
	proseParas = max(blocks, lines1)
	n := len(text)
	switch {
	case 2*keyValue >= n:
		return "it reads as a list of key-value lines (" + firstKeys(text) + "), not a call"
	case 2*table >= n && n >= 3:
		return "it reads as a table of delimited rows, not a call"
	case 5*markdown >= n:
		return "it reads as a Markdown document (headings, lists, code), not a call"
	case proseParas < 3 || 5*proseParas < n:
		return "it has no speaker lines and too little prose for a call"
	}
	return ""
}

func hasLetter(s string) bool {
	for _, r := range s {
		if r > 0x7f || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' {
			return true
		}
	}
	return false
}

// keyValueLine reports a "Key: value" line with a short value or a link:
// "Source: motley_fool", "URL: https://…".
func keyValueLine(s string) bool {
	i := strings.IndexAny(s, ":：")
	if i <= 0 || i > 30 {
		return false
	}
	key, value := s[:i], strings.TrimLeft(s[i+1:], ":：/ ")
	if strings.ContainsAny(key, ".?!,") {
		return false
	}
	return strings.Contains(s, "://") || len(strings.Fields(value)) <= 4
}

func firstKeys(text []string) string {
	var keys []string
	seen := map[string]bool{}
	for _, s := range text {
		if !keyValueLine(s) {
			continue
		}
		k := strings.TrimSpace(s[:strings.IndexAny(s, ":：")]) + ":"
		if !seen[k] {
			seen[k] = true
			keys = append(keys, k)
		}
		if len(keys) == 3 {
			break
		}
	}
	return strings.Join(keys, ", ")
}

// markdownLine reports Markdown structure: headings, list items, code
// fences, table rows, block quotes, HTML tags, link lines.
func markdownLine(s string) bool {
	switch {
	case strings.HasPrefix(s, "#"), strings.HasPrefix(s, "```"), strings.HasPrefix(s, "|"),
		strings.HasPrefix(s, "- "), strings.HasPrefix(s, "* "), strings.HasPrefix(s, "+ "),
		strings.HasPrefix(s, "> "), strings.HasPrefix(s, "<"), strings.HasPrefix(s, "["), strings.HasPrefix(s, "!["):
		return true
	}
	return false
}

// proseBlock reports a paragraph of speech: several words, with a
// sentence end.
func proseBlock(b []Line) bool {
	words, runes := 0, 0
	ends := false
	for _, l := range b {
		words += len(strings.Fields(l.Text))
		runes += utf8.RuneCountInString(l.Text)
		last, _ := utf8.DecodeLastRuneInString(l.Text)
		ends = ends || strings.ContainsRune(".?!\"”。？！", last)
	}
	return ends && (words >= 6 || runes >= 12)
}

// isJSON reports whether the text is one JSON value.
func isJSON(lines []Line) bool {
	for _, l := range lines {
		if l.Text == "" {
			continue
		}
		if l.Text[0] != '{' && l.Text[0] != '[' {
			return false
		}
		break
	}
	var b strings.Builder
	for _, l := range lines {
		b.WriteString(l.Text)
		b.WriteByte('\n')
	}
	s := strings.TrimSpace(b.String())
	return s != "" && json.Valid([]byte(s))
}
