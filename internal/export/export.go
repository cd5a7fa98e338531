// Package export writes transcripts in the output formats. Each format is
// one entry in a registry: its name, file extension and encoder; the command
// line validates --format against it and completes its values from it.
package export

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"

	"github.com/transcript-cli/transcript/internal/model"
	"github.com/transcript-cli/transcript/internal/textutil"
)

// Options tune the encoders.
type Options struct {
	Compact bool // JSON on one line
	BOM     bool // csv: start with a UTF-8 byte order mark (for Excel)
	// Sentences: the transcripts carry sentence links, and jsonl, csv, tsv
	// and tmx give one row or unit per link.
	Sentences bool
}

// Format is one output format.
type Format struct {
	Name        string
	Ext         string // file extension for --out-dir, with the dot
	Description string
	// Separator goes between two documents written to one stream.
	Separator string
	Write     func(w io.Writer, t *model.Transcript, o Options) error
	// Header, when set, is written once at the start of a stream, before
	// the first document (the csv header row); Write then writes the
	// document's body only.
	Header func(w io.Writer, o Options) error
	// Merge, when set, makes a stream of documents one document (a single
	// TMX translation memory) whose head depends on every input; Write is
	// then the merge of one document.
	Merge *Merged
	// Single formats hold exactly one document per stream (an HTML page):
	// several inputs need one output file each.
	Single bool
}

// Merged is how a format writes several documents as one: each document's
// body goes out in order as it comes, and the head, made from one note per
// document (TMX: how many unpaired paragraphs each input left out), is
// written before the bodies once all are known. A Stream of such a format
// therefore keeps only the notes in memory and spools the bodies.
type Merged struct {
	Note func(t *model.Transcript) string
	Head func(w io.Writer, notes []string, o Options) error
	Body func(w io.Writer, t *model.Transcript, o Options) error
	Tail func(w io.Writer, o Options) error
}

var formats = []Format{
	{Name: "json", Ext: ".json", Description: "one JSON document per input (indented; -c for one line)", Write: writeJSON},
	{Name: "yaml", Ext: ".yaml", Description: "one YAML document per input, separated by ---", Separator: "---\n", Write: writeYAML},
	jsonlFormat,
	tmxFormat,
	tsvFormat,
	csvFormat,
	htmlFormat,
	textFormat,
}

// Formats lists the registered formats in a stable order.
func Formats() []Format { return formats }

// Names lists the format names.
func Names() []string {
	names := make([]string, len(formats))
	for i, f := range formats {
		names[i] = f.Name
	}
	sort.Strings(names)
	return names
}

// Lookup finds a format by name; the error lists the valid names.
func Lookup(name string) (Format, error) {
	for _, f := range formats {
		if f.Name == name {
			return f, nil
		}
	}
	return Format{}, fmt.Errorf("unknown format %q (valid: %s)", name, strings.Join(Names(), ", "))
}

// writeJSON writes the document a paragraph at a time through a buffer of
// a few kilobytes (see chunk), so that a huge transcript is never held as
// JSON whole. The bytes are those of encoding/json encoding the whole
// document at once (jsonenc.go).
func writeJSON(w io.Writer, t *model.Transcript, o Options) error {
	j := jws.Get().(*jw)
	defer func() {
		j.out = nil
		if cap(j.b) <= 8*chunk { // not one huge paragraph's buffer
			jws.Put(j)
		}
	}()
	*j = jw{indent: !o.Compact, b: j.b[:0], more: j.more[:0], out: w}
	if !j.head(t) {
		for i := range t.Turns {
			j.turn(&t.Turns[i])
			if j.spill(); j.err != nil {
				return j.err
			}
		}
		j.close(']')
	}
	j.tail(t)
	j.close('}')
	j.b = append(j.b, '\n')
	j.flush()
	return j.err
}

// jws keeps the encoders' buffers from one document to the next: a batch
// would otherwise allocate and clear one per file.
var jws = sync.Pool{New: func() any { return &jw{b: make([]byte, 0, 2*chunk)} }}

// writeYAML goes through the JSON encoding so that the two formats carry the
// same data under the same names, with one set of struct tags. The JSON is
// read token by token into YAML nodes (keeping the key order); text is
// never re-parsed as YAML, which rejects some characters JSON carries.
func writeYAML(w io.Writer, t *model.Transcript, _ Options) error {
	var buf bytes.Buffer
	if err := writeJSON(&buf, t, Options{Compact: true}); err != nil {
		return err
	}
	dec := json.NewDecoder(&buf)
	dec.UseNumber()
	n, err := yamlNode(dec)
	if err != nil {
		return err
	}
	enc := yaml.NewEncoder(w)
	enc.SetIndent(2)
	if err := enc.Encode(n); err != nil {
		return err
	}
	return enc.Close()
}

// yaml11Bools are the words YAML 1.1 readers (PyYAML, older Ruby and Java
// libraries) take for booleans; go.yaml.in/yaml/v3 writes them bare, being YAML 1.2.
var yaml11Bools = map[string]bool{
	"y": true, "n": true, "yes": true, "no": true, "on": true, "off": true,
}

// yaml11Ambiguous reports whether a YAML 1.1 reader would not read s back
// as a string when written bare: its booleans, and number-like text such as
// "1_000" or "1:20" (base 60 in YAML 1.1).
func yaml11Ambiguous(s string) bool {
	if yaml11Bools[strings.ToLower(s)] {
		return true
	}
	return yaml11Number().MatchString(s)
}

// yaml11Number is YAML 1.1's int and float resolution (yaml.org/type/int,
// yaml.org/type/float).
var yaml11Number = textutil.Lazy(`^[-+]?(?:0b[01_]+|0[0-7_]+|0|[1-9][0-9_]*|0x[0-9a-fA-F_]+|[1-9][0-9_]*(?::[0-5]?[0-9])+|[0-9][0-9_]*(?::[0-5]?[0-9])*\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9_]+(?:[eE][-+][0-9]+)?|\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$`)

// yamlNode reads one JSON value from dec as a YAML node.
func yamlNode(dec *json.Decoder) (*yaml.Node, error) {
	tok, err := dec.Token()
	if err != nil {
		return nil, err
	}
	switch v := tok.(type) {
	case json.Delim:
		n := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
		if v == '{' {
			n.Kind, n.Tag = yaml.MappingNode, "!!map"
		}
		for dec.More() {
			if n.Kind == yaml.MappingNode {
				key, err := dec.Token()
				if err != nil {
					return nil, err
				}
				n.Content = append(n.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: key.(string)})
			}
			c, err := yamlNode(dec)
			if err != nil {
				return nil, err
			}
			n.Content = append(n.Content, c)
		}
		if _, err := dec.Token(); err != nil { // the closing delimiter
			return nil, err
		}
		return n, nil
	case string:
		n := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: v}
		if yaml11Ambiguous(v) {
			n.Style = yaml.DoubleQuotedStyle
		}
		return n, nil
	case json.Number:
		tag := "!!int"
		if strings.ContainsAny(string(v), ".eE") {
			tag = "!!float"
		}
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: tag, Value: string(v)}, nil
	case bool:
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: fmt.Sprint(v)}, nil
	case nil:
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!null", Value: "null"}, nil
	}
	return nil, fmt.Errorf("unexpected JSON token %v", tok)
}
