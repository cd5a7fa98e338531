package export

import (
	"bytes"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"go.yaml.in/yaml/v3"

	"github.com/transcript-cli/transcript/internal/model"
)

func compileSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(model.Schema))
	if err != nil {
		t.Fatalf("schema.json: %v", err)
	}
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft2020)
	if err := c.AddResource("transcript.json", doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile("transcript.json")
	if err != nil {
		t.Fatalf("schema does not compile: %v", err)
	}
	return sch
}

// jsonDocs splits a stream of JSON documents; numbers stay json.Number,
// which the validator reads exactly.
func jsonDocs(t *testing.T, b []byte) []any {
	t.Helper()
	var docs []any
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	for {
		var v any
		if err := dec.Decode(&v); err == io.EOF {
			return docs
		} else if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, v)
	}
}

// TestSchemaValidatesOutput validates every golden JSON and YAML output in
// the repository and fresh JSON of the reference and synthetic transcripts,
// so that the schema and the output cannot drift apart.
func TestSchemaValidatesOutput(t *testing.T) {
	sch := compileSchema(t)
	docs := map[string][]any{
		"reference": jsonDocs(t, render(t, "json", reference(t))),
		"synthetic": jsonDocs(t, render(t, "json", synthetic(), &model.Transcript{SchemaVersion: 1, Summary: []string{}, Notices: []string{}, Preamble: []model.Paragraph{}, Turns: []model.Turn{}, Unparsed: []model.Line{}, Warnings: []model.Warning{}, Participants: []model.Participant{}, QA: []model.Exchange{}, Headings: []model.Line{}, Markup: []model.Line{}, Source: model.Source{SHA256: strings.Repeat("a", 64)}})),
		"sentences": jsonDocs(t, renderWith(t, "json", Options{Sentences: true}, referenceSentences(t))),
		// Not synthetic(): writeYAML fails on its U+FFFE, which YAML forbids.
		"yaml stream": yamlDocs(t, render(t, "yaml", reference(t), reference(t))),
	}
	root := filepath.Join("..", "..", "testdata")
	_ = filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, rerr := os.ReadFile(path)
		if rerr != nil {
			t.Error(rerr)
			return nil
		}
		switch filepath.Ext(path) {
		case ".json":
			docs[path] = jsonDocs(t, data)
		case ".yaml", ".yml":
			docs[path] = yamlDocs(t, data)
		}
		return nil
	})
	for name, ds := range docs {
		if len(ds) == 0 {
			t.Errorf("%s: no document", name)
		}
		for i, d := range ds {
			if err := sch.Validate(d); err != nil {
				t.Errorf("%s, document %d: %v", name, i+1, err)
			}
		}
	}
}

// TestSchemaRejects makes sure the validator can fail: outputs the schema
// must reject.
func TestSchemaRejects(t *testing.T) {
	sch := compileSchema(t)
	good := jsonDocs(t, render(t, "json", synthetic()))[0]
	for name, edit := range map[string]func(m map[string]any){
		"unknown field":    func(m map[string]any) { m["extra"] = 1 },
		"missing field":    func(m map[string]any) { delete(m, "warnings") },
		"bad version":      func(m map[string]any) { m["schema_version"] = 2 },
		"renamed in turn":  func(m map[string]any) { tu := turn0(m); tu["name"] = tu["speaker"]; delete(tu, "speaker") },
		"paired with null": func(m map[string]any) { para0(m)["zh"] = nil },
		"bad status":       func(m map[string]any) { para0(m)["status"] = "ok" },
	} {
		t.Run(name, func(t *testing.T) {
			m := jsonDocs(t, render(t, "json", synthetic()))[0].(map[string]any)
			edit(m)
			if err := sch.Validate(m); err == nil {
				t.Error("schema accepts it")
			}
		})
	}
	if err := sch.Validate(good); err != nil {
		t.Fatal(err)
	}
}

func turn0(m map[string]any) map[string]any { return m["turns"].([]any)[0].(map[string]any) }
func para0(m map[string]any) map[string]any {
	return turn0(m)["paragraphs"].([]any)[0].(map[string]any)
}

func yamlDocs(t *testing.T, b []byte) []any {
	t.Helper()
	var docs []any
	dec := yaml.NewDecoder(bytes.NewReader(b))
	for {
		var v any
		if err := dec.Decode(&v); err != nil {
			if err == io.EOF {
				return docs
			}
			t.Fatal(err)
		}
		docs = append(docs, v)
	}
}
