package sentence

import (
	"fmt"
	"testing"
)

// TestGoldShow prints the gold as text, for a person to review.
func TestGoldShow(t *testing.T) {
	if !*goldShow {
		t.Skip("give -show to print the gold")
	}
	for _, c := range loadGold(t) {
		fmt.Printf("\n== %s %s %s %v\n", c.name(), c.set, c.Translation, c.Tags)
		for _, l := range c.Links {
			fmt.Println("  --")
			for _, sp := range l.EN {
				fmt.Printf("    E %s\n", runeSpan(c.en, sp))
			}
			for _, sp := range l.ZH {
				fmt.Printf("    Z %s\n", runeSpan(c.zh, sp))
			}
		}
	}
}
