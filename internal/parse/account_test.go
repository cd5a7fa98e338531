package parse

import (
	"fmt"
	"github.com/transcript-cli/transcript/internal/textutil"
	"sort"
	"strings"
	"testing"
)

// accountingErrors checks that every non-blank input line holding a letter
// or a digit is referenced exactly once in d: as a header (unless cut from
// a body line), header copy or translation, block line, summary, notice,
// unparsed line, heading, markup line or participant line.
func accountingErrors(lines []Line, d *Document) []string {
	seen := map[int]int{}
	add := func(ls ...Line) {
		for _, l := range ls {
			seen[l.No]++
		}
	}
	add(d.Summary...)
	add(d.Notices...)
	add(d.Unparsed...)
	add(d.Headings...)
	add(d.Markup...)
	for _, p := range d.Participants {
		add(p.Lines...)
	}
	for _, t := range d.Turns {
		if t.Header != nil && !t.Inline {
			add(*t.Header)
		}
		add(t.Copies...)
		add(t.HeaderTr...)
		add(t.HeaderMore...)
		for _, b := range t.Blocks {
			add(b...)
		}
	}
	var errs []string
	for _, l := range lines {
		want := 0
		if textutil.HasAlnum(l.Text) {
			want = 1
		}
		if got := seen[l.No]; got != want && !(want == 0 && got <= 1) {
			errs = append(errs, fmt.Sprintf("line %d referenced %d times, want %d: %.60q", l.No, got, want, l.Text))
		}
		delete(seen, l.No)
	}
	var extra []int
	for no := range seen {
		extra = append(extra, no)
	}
	sort.Ints(extra)
	for _, no := range extra {
		errs = append(errs, fmt.Sprintf("line %d referenced but not in the input", no))
	}
	return errs
}

func checkAccounting(t *testing.T, name string, lines []Line, d *Document) {
	t.Helper()
	if errs := accountingErrors(lines, d); len(errs) > 0 {
		if len(errs) > 10 {
			errs = append(errs[:10], fmt.Sprintf("… and %d more", len(errs)-10))
		}
		t.Errorf("%s: lines lost or doubled:\n%s", name, strings.Join(errs, "\n"))
	}
}

// normalize turns CR LF and CR line ends into LF, as the decoder does.
func normalize(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.ReplaceAll(s, "\r", "\n")
}
