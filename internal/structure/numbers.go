package structure

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/transcript-cli/transcript/internal/model"
	"github.com/transcript-cli/transcript/internal/numbers"
)

// CheckNumbers compares the numbers of every pair: machine translation gets
// numbers wrong, and in an earnings call numbers are what matter. Matched
// numbers go to the paragraph; a number on one side only gives the pair a
// number_mismatch warning naming both sides' values.
func CheckNumbers(t *model.Transcript) {
	for ti := range t.Turns {
		for pi := range t.Turns[ti].Paragraphs {
			p := &t.Turns[ti].Paragraphs[pi]
			if p.EN == nil || p.ZH == nil {
				continue
			}
			c := numbers.Compare(*p.EN, *p.ZH)
			p.Numbers = make([]model.NumberMatch, 0, len(c.Matched))
			for _, m := range c.Matched {
				p.Numbers = append(p.Numbers, model.NumberMatch{EN: m.EN.Text, ZH: m.ZH.Text, Value: m.EN.Value, Unit: m.EN.Unit})
			}
			if c.Mismatch() {
				t.Warnings = append(t.Warnings, model.NewWarning(p.Line, model.CodeNumberMismatch,
					"numbers differ: English "+describe(c.ENOnly)+"; Chinese "+describe(c.ZHOnly)))
			}
		}
	}
}

// plainNumber writes v without exponent and without the noise of binary
// fractions: 3.700000000000001e+10 is 37000000000.
func plainNumber(v float64) string {
	r, _ := strconv.ParseFloat(strconv.FormatFloat(v, 'g', 12, 64), 64)
	return strconv.FormatFloat(r, 'f', -1, 64)
}

func describe(ns []numbers.Number) string {
	var parts []string
	for _, n := range ns {
		if n.Word {
			continue
		}
		parts = append(parts, fmt.Sprintf("%q = %s%s", n.Text, plainNumber(n.Value), n.Unit))
	}
	if len(parts) == 0 {
		return "has no other number"
	}
	return "has " + strings.Join(parts, ", ")
}
