package numbers_test

import (
	"bytes"
	"flag"
	"fmt"
	"hash/fnv"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"unsafe"

	"github.com/transcript-cli/transcript/internal/convert"
	"github.com/transcript-cli/transcript/internal/model"
	"github.com/transcript-cli/transcript/internal/numbers"
)

var update = flag.Bool("update", false, "rewrite testdata/golden/*.numbers")

// corpusDir is the shared corpus of third-party calls; it may be absent.
const corpusDir = "../../../shared/corpus/external"

// TestGoldenNumbers is a differential test of the scanner: for every
// paragraph of the reference call and of each shared-corpus file, as
// convert pairs them, it records the numbers of each side (span, value,
// unit, the bookkeeping Compare reads) and Compare's matches, and requires
// the record to be byte for byte the committed one. The records hold
// numbers and offsets only, no text of the calls.
//
// A change in pairing (not in numbers) also changes the records: each pair
// carries a hash of its text, so a diff whose hashes changed is pairing,
// and one under an unchanged hash is the scanner. Regenerate with -update
// only after reading the diff.
func TestGoldenNumbers(t *testing.T) {
	inputs := []string{"../../testdata/amazon-2023-q2.en-zh-Hant.txt"}
	if entries, err := os.ReadDir(corpusDir); err == nil {
		for _, e := range entries {
			if e.Type().IsRegular() && e.Name() != "MANIFEST.md" {
				inputs = append(inputs, filepath.Join(corpusDir, e.Name()))
			}
		}
	} else {
		t.Log("shared corpus absent, reference call only:", err)
	}
	for _, in := range inputs {
		name := filepath.Base(in)
		golden := filepath.Join("testdata", "golden", name+".numbers")
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(in)
			if err != nil {
				t.Fatal(err)
			}
			got := record(convert.Convert(name, data, convert.Options{}))
			if *update {
				if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if os.IsNotExist(err) {
				t.Skip("no golden record for this corpus file; run with -update to add one")
			}
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("numbers differ from %s (diff it against a run with -update):\n%s", golden, firstDiff(got, want))
			}
		})
	}
}

// record renders the numbers of every paragraph of a conversion.
func record(tr *model.Transcript, err error) []byte {
	var b bytes.Buffer
	if err != nil {
		fmt.Fprintf(&b, "error %v\n", err)
		return b.Bytes()
	}
	var ps []model.Paragraph
	ps = append(ps, tr.Preamble...)
	for _, turn := range tr.Turns {
		ps = append(ps, turn.Paragraphs...)
	}
	for k, p := range ps {
		en, zh := deref(p.EN), deref(p.ZH)
		h := fnv.New32a()
		h.Write([]byte(en))
		h.Write([]byte{0})
		h.Write([]byte(zh))
		fmt.Fprintf(&b, "pair %d line %d bytes %d/%d hash %08x\n", k, p.Line, len(en), len(zh), h.Sum32())
		ens, zhs := numbers.English(en), numbers.Chinese(zh)
		side(&b, "en", en, ens)
		side(&b, "zh", zh, zhs)
		if p.EN == nil || p.ZH == nil {
			continue
		}
		c := numbers.Compare(en, zh)
		for _, m := range c.Matched {
			fmt.Fprintf(&b, "match %s %s\n", ref(en, ens, m.EN), ref(zh, zhs, m.ZH))
		}
		list(&b, "en_only", en, ens, c.ENOnly)
		list(&b, "zh_only", zh, zhs, c.ZHOnly)
		fmt.Fprintf(&b, "mismatch %t\n", c.Mismatch())
	}
	return b.Bytes()
}

func deref(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}

func side(b *bytes.Buffer, tag, s string, ns []numbers.Number) {
	for _, n := range ns {
		numberLine(b, tag, s, n)
	}
}

// ref names a number of Compare's result by its span, which must be that
// of a number English or Chinese returned, with the same fields.
func ref(s string, side []numbers.Number, n numbers.Number) string {
	sp := span(s, n)
	for _, x := range side {
		if x == n && span(s, x) == sp {
			return sp
		}
	}
	return sp + "(not-extracted)"
}

func list(b *bytes.Buffer, tag, s string, side, ns []numbers.Number) {
	b.WriteString(tag)
	for _, n := range ns {
		b.WriteString(" " + ref(s, side, n))
	}
	b.WriteString("\n")
}

func numberLine(b *bytes.Buffer, tag, s string, n numbers.Number) {
	step, sig, alt := numbers.Internals(n)
	unit := n.Unit
	if unit == "" {
		unit = "-"
	}
	fmt.Fprintf(b, "%s %s %s %s word=%t step=%s sig=%d alt=%s\n",
		tag, span(s, n), g(n.Value), unit, n.Word, g(step), sig, g(alt))
}

// span is the byte range of n.Text in s. Text is a substring of s, so its
// offset is the distance between their data pointers; the check guards
// against a scanner that ever copies it.
func span(s string, n numbers.Number) string {
	off := int(uintptr(unsafe.Pointer(unsafe.StringData(n.Text))) - uintptr(unsafe.Pointer(unsafe.StringData(s))))
	if off < 0 || off+len(n.Text) > len(s) || s[off:off+len(n.Text)] != n.Text {
		return "?" + strconv.Quote(n.Text)
	}
	return fmt.Sprintf("%d:%d", off, off+len(n.Text))
}

// g prints a float exactly: 'g' with the shortest precision that reads back
// to the same bits.
func g(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }

// firstDiff shows the first differing line and a little context.
func firstDiff(got, want []byte) string {
	gl, wl := bytes.Split(got, []byte("\n")), bytes.Split(want, []byte("\n"))
	for i := 0; i < len(gl) || i < len(wl); i++ {
		var a, b []byte
		if i < len(gl) {
			a = gl[i]
		}
		if i < len(wl) {
			b = wl[i]
		}
		if !bytes.Equal(a, b) {
			return fmt.Sprintf("line %d:\n  got:  %s\n  want: %s", i+1, a, b)
		}
	}
	return "(lengths differ)"
}
