package numbers

import "testing"

// TestScannerEdges pins down cases that a differential fuzz of the
// table-driven scanner against the one it replaced turned up; the expected
// numbers are those of the old scanner.
func TestScannerEdges(t *testing.T) {
	tests := []struct {
		in   string
		want []Number
	}{
		// A byte that is not UTF-8 is passed over with the width its
		// leading bits give, here into the middle of a word: "two" is the
		// end of "Atwo", no number word.
		{"\xe70Atwo", nil},
		// Words of eight letters and more end past the first eight bytes.
		{"September. And about", []Number{w("September", 9, "")}},
		{"in September", []Number{w("September", 9, "")}},
		{"seventeen thousand", []Number{w("seventeen thousand", 17e3, "")}},
		{"fourteen percentage points", []Number{w("fourteen percentage points", 14, "%")}},
		// A '.' starts a figure only before a digit and not after a
		// letter; the digits after it still do ("x.5" gives 5).
		{"at .5 and x.5 and 3.5.", []Number{n(".5", 0.5, ""), n("5", 5, ""), n("3.5", 3.5, "")}},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) { requireNumbers(t, tt.want, English(tt.in)) })
	}
}

// TestNonLetters checks the eight-byte letter test against isLetter for
// every byte in every position.
func TestNonLetters(t *testing.T) {
	for c := 0; c < 256; c++ {
		for pos := 0; pos < 8; pos++ {
			x := uint64(' ')*0x0101010101010101&^(0xFF<<(8*pos)) | uint64(c)<<(8*pos)
			got := nonLetters(x)>>(8*pos+7)&1 == 1
			if got == isLetter(byte(c)) {
				t.Fatalf("byte %#x at %d: nonLetters says %t", c, pos, got)
			}
		}
	}
}
