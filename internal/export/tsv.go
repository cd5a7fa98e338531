package export

import (
	"bufio"
	"encoding/csv"
	"io"
	"strconv"
	"strings"

	"github.com/transcript-cli/transcript/internal/model"
)

// tsv is the plain parallel-text layout of hunalign and Moses: en<TAB>zh per
// paired paragraph, nothing else. Documents concatenate.
var tsvFormat = Format{
	Name: "tsv", Ext: ".tsv",
	Description: "en<TAB>zh per paired paragraph (parallel text for aligners and MT)",
	Write:       writeTSV,
}

// tsvEscaper keeps each pair on one line and the tab as the one separator;
// the backslash is escaped first so that the escapes read back unambiguously.
var tsvEscaper = strings.NewReplacer(`\`, `\\`, "\t", `\t`, "\n", `\n`, "\r", `\r`)

func writeTSV(w io.Writer, t *model.Transcript, o Options) error {
	b := bufio.NewWriterSize(w, chunk)
	pairs(t, o.Sentences, func(_ *model.Turn, _, _ int, en, zh string) {
		b.WriteString(tsvEscaper.Replace(en))
		b.WriteByte('\t')
		b.WriteString(tsvEscaper.Replace(zh))
		b.WriteByte('\n')
	})
	return b.Flush()
}

// chunk is how much of a document the formats written a piece at a time
// (json, tsv, tmx) gather before writing it: a few kilobytes, so that a
// huge transcript is never held whole as text.
const chunk = 32 << 10

// csv is RFC 4180 with a header row and the jsonl columns, for spreadsheets,
// DuckDB and pandas. The header is written once per stream, so several
// inputs give one table. --bom starts the file with the UTF-8 byte order
// mark that Excel needs to read UTF-8; it is off by default because other
// readers take it for part of the first column's name.
var csvFormat = Format{
	Name: "csv", Ext: ".csv",
	Description: "RFC 4180 CSV with a header row, one row per paragraph (--bom for Excel)",
	Header:      writeCSVHeader,
	Write:       writeCSV,
}

func writeCSVHeader(w io.Writer, o Options) error {
	if o.BOM {
		if _, err := io.WriteString(w, "\uFEFF"); err != nil {
			return err
		}
	}
	cw := csv.NewWriter(w)
	cw.UseCRLF = true // RFC 4180
	cols := rowColumns
	if o.Sentences {
		cols = append(append([]string(nil), rowColumns...), sentenceColumns...)
	}
	if err := cw.Write(cols); err != nil {
		return err
	}
	cw.Flush()
	return cw.Error()
}

func writeCSV(w io.Writer, t *model.Transcript, o Options) error {
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	for _, r := range rows(t, o.Sentences) {
		rec := []string{
			r.File, strconv.Itoa(r.Turn), str(r.Speaker), str(r.Title), str(r.Role), str(r.Section),
			strconv.Itoa(r.Paragraph), str(r.EN), str(r.ZH), r.Status,
			strconv.Itoa(r.Line), num(r.ENLine), num(r.ZHLine),
		}
		if o.Sentences {
			score := ""
			if r.Score != nil {
				score = strconv.FormatFloat(*r.Score, 'f', -1, 64)
			}
			rec = append(rec, num(r.Sentence), score)
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// str and num give null as an empty cell.
func str(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

func num(n *int) string {
	if n == nil {
		return ""
	}
	return strconv.Itoa(*n)
}
