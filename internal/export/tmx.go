package export

import (
	"bufio"
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/transcript-cli/transcript/internal/build"
	"github.com/transcript-cli/transcript/internal/model"
)

// tmx writes a TMX 1.4b translation memory for CAT tools (OmegaT, Trados,
// translate-toolkit): one <tu> per paired paragraph. Unpaired paragraphs are
// left out and counted in a header <note>. Several inputs merge into one
// memory, one note per input, since a TMX file has one header and one body.
var tmxFormat = Format{
	Name: "tmx", Ext: ".tmx",
	Description: "TMX 1.4b translation memory, one unit per paired paragraph (CAT tools)",
	Write: func(w io.Writer, t *model.Transcript, o Options) error {
		return tmxMerged.one(w, t, o)
	},
	Merge: tmxMerged,
}

var tmxMerged = &Merged{Note: tmxNote, Head: tmxHead, Body: tmxBody, Tail: tmxTail}

// toolVersion is the creationtoolversion; tests pin it.
var toolVersion = build.String

// tmxNote counts the paragraphs of t left out of the memory (and, with
// sentence links, the sentences without a counterpart).
func tmxNote(t *model.Transcript) string {
	n, unlinked := 0, 0
	for _, turn := range t.Turns {
		for _, p := range turn.Paragraphs {
			if !paired(p) {
				n++
			}
			for _, l := range p.Sentences {
				if l.EN == nil || l.ZH == nil {
					unlinked++
				}
			}
		}
	}
	note := fmt.Sprintf("%s: %d unpaired paragraph(s) left out", t.Source.Path, n)
	if unlinked > 0 {
		note += fmt.Sprintf(", %d sentence(s) without a counterpart", unlinked)
	}
	return note
}

func tmxHead(w io.Writer, notes []string, o Options) error {
	segtype := "paragraph"
	if o.Sentences {
		segtype = "sentence"
	}
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	b.WriteString(`<!DOCTYPE tmx SYSTEM "tmx14.dtd">` + "\n")
	b.WriteString(`<tmx version="1.4">` + "\n")
	fmt.Fprintf(&b, `  <header creationtool="transcript" creationtoolversion="%s" segtype="%s" o-tmf="transcript" adminlang="en" srclang="en" datatype="plaintext"`, esc(toolVersion()), segtype)
	b.WriteString(">\n")
	for _, n := range notes {
		fmt.Fprintf(&b, "    <note>%s</note>\n", esc(n))
	}
	b.WriteString("  </header>\n  <body>\n")
	_, err := io.WriteString(w, b.String())
	return err
}

func tmxBody(w io.Writer, t *model.Transcript, o Options) error {
	b := bufio.NewWriterSize(w, chunk)
	zhLang := "zh"
	if t.Languages.Translation != nil {
		zhLang = *t.Languages.Translation
	}
	pairs(t, o.Sentences, func(turn *model.Turn, i, k int, en, zh string) {
		id := fmt.Sprintf("%s#%d.%d", t.Source.Path, turn.Index, i)
		if k >= 0 {
			id += "." + strconv.Itoa(k)
		}
		fmt.Fprintf(b, "    <tu tuid=\"%s\">\n", esc(id))
		prop(b, "x-file", &t.Source.Path)
		prop(b, "x-speaker", turn.Speaker)
		prop(b, "x-title", turn.Title)
		prop(b, "x-role", turnRole(*turn))
		prop(b, "x-section", turn.Section)
		ls := strconv.Itoa(turn.Paragraphs[i].Line)
		prop(b, "x-line", &ls)
		if k >= 0 {
			ks := strconv.Itoa(k)
			prop(b, "x-sentence", &ks)
		}
		fmt.Fprintf(b, "      <tuv xml:lang=\"en\"><seg>%s</seg></tuv>\n", esc(en))
		fmt.Fprintf(b, "      <tuv xml:lang=\"%s\"><seg>%s</seg></tuv>\n", esc(zhLang), esc(zh))
		b.WriteString("    </tu>\n")
	})
	return b.Flush()
}

func tmxTail(w io.Writer, _ Options) error {
	_, err := io.WriteString(w, "  </body>\n</tmx>\n")
	return err
}

// prop writes a <prop> when the value is known.
func prop(b io.Writer, typ string, v *string) {
	if v == nil {
		return
	}
	fmt.Fprintf(b, "      <prop type=\"%s\">%s</prop>\n", typ, esc(*v))
}

// esc escapes text for XML content and attribute values: &, <, >, quotes,
// and tab/newline/CR as character references (so attributes keep them).
// Characters XML 1.0 forbids (most C0 controls, U+FFFE, U+FFFF, invalid
// UTF-8) cannot be written even as references; xml.EscapeText replaces them
// with U+FFFD, which keeps the text's length and shows where they were.
func esc(s string) string {
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(s))
	return b.String()
}
